/** statement.sangong: the 三公 total stated equals its items. */
import { defineRule } from '../types.ts';
import { find, sumFinding } from './sums.ts';

export default defineRule({
  meta: {
    id: 'statement.sangong',
    title: { zh: '“三公”经费合计', en: '“Three public expenses” add up' },
    category: 'statement',
    severity: 'error',
    description:
      '说明中的“三公”经费合计等于因公出国（境）费、公务用车购置费、公务用车运行费、公务接待费之和（与表10的一致性见 narrative.amount）。',
  },
  check(ctx) {
    const spec = ctx.template.narrative.statements.sangong;
    const total = find(ctx, 'sangong', spec.total);
    const parts = spec.parts.map((p) => find(ctx, 'sangong', p));
    if (!total) return { insufficient: 'no 三公 total stated in the narrative' };
    if (parts.some((p) => !p)) return { insufficient: 'not every 三公 item is stated with an amount' };
    const f = sumFinding(
      'statement.sangong',
      '“三公”经费合计与各项之和不一致',
      total,
      parts.map((p) => p!),
      true,
    );
    return { findings: f ? [f] : [], checked: 1 };
  },
});
