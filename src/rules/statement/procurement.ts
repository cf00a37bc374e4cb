/** statement.procurement: procurement total = goods + works + services; reserved shares within it. */
import { formatAmount } from '../../money/index.ts';
import { claimLocation } from '../narrative/claims.ts';
import { defineRule, type Finding } from '../types.ts';
import { amountFen, find, sumFinding } from './sums.ts';

export default defineRule({
  meta: {
    id: 'statement.procurement',
    title: { zh: '政府采购预算', en: 'Government procurement' },
    category: 'statement',
    severity: 'error',
    description:
      '政府采购预算等于货物、工程、服务之和；面向中小企业预留金额不超过采购预算，其中面向小微企业的不超过面向中小企业的。',
  },
  check(ctx) {
    const spec = ctx.template.narrative.statements.procurement;
    const total = find(ctx, 'procurement', spec.total);
    if (!total) return { notApplicable: 'no procurement budget stated' };
    const findings: Finding[] = [];
    const parts = spec.parts.map((p) => find(ctx, 'procurement', p));
    if (parts.every((p) => p)) {
      const f = sumFinding(
        'statement.procurement',
        '政府采购预算与货物、工程、服务之和不一致',
        total,
        parts.map((p) => p!),
        true,
      );
      if (f) findings.push(f);
    }
    const reserved = find(ctx, 'procurement', spec.reserved);
    const small = find(ctx, 'procurement', spec.reservedSmall);
    const bound = (part: typeof reserved, whole: NonNullable<typeof total>, what: string) => {
      const a = amountFen(part);
      const b = amountFen(whole);
      if (part && whole && a !== null && b !== null && a > b) {
        findings.push({
          rule: 'statement.procurement',
          severity: 'error',
          category: 'statement',
          message: `${what}：「${part.subject}」${part.amount!.value}万元 大于「${whole.subject}」${whole.amount!.value}万元。`,
          locations: [claimLocation(part), claimLocation(whole)],
          stated: formatAmount(a, '万元'),
          expected: `<= ${formatAmount(b, '万元')}`,
          difference: formatAmount(a - b, '万元'),
        });
      }
    };
    bound(reserved, total, '预留金额超过采购预算');
    if (reserved) bound(small, reserved, '面向小微企业的预留超过面向中小企业的预留');
    return { findings, checked: 1 };
  },
});
