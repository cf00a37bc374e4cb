/** narrative.zero-base: growth from nothing is undefined; the genre prints 100% (information). */
import { defineRule, type Finding } from '../types.ts';
import { changeFacts } from './change.ts';
import { claimLocation, claims } from './claims.ts';

export default defineRule({
  meta: {
    id: 'narrative.zero-base',
    title: { zh: '上年为零的增长率', en: 'Growth from a zero base' },
    category: 'narrative',
    severity: 'info',
    description: '上年数为零时增长率在数学上无定义，惯例写作“增长100%”；列出以便核对上年确为零。',
  },
  check(ctx) {
    const findings: Finding[] = [];
    let checked = 0;
    for (const c of claims(ctx)) {
      if (!c.growth) continue;
      const f = changeFacts(ctx, c);
      if (!f) continue;
      checked++;
      if (f.priorFen !== 0) continue;
      findings.push({
        rule: 'narrative.zero-base',
        severity: 'info',
        category: 'narrative',
        message:
          f.amountFen === 0
            ? `「${c.subject}」本年与上年均为零，${c.growth.word} ${c.growth.percent}% 无实际意义。`
            : `「${c.subject}」上年为零，${c.growth.word} ${c.growth.percent}% 为惯例写法（增长率无定义）。`,
        locations: [claimLocation(c)],
        stated: c.growth.percent,
      });
    }
    if (checked === 0) return { notApplicable: 'no growth rate with a change' };
    return { findings, checked };
  },
});
