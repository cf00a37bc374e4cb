/** narrative.comparison-year: comparisons are with the year before the budget year. */
import { defineRule, type Finding } from '../types.ts';
import { claimLocation, claims } from './claims.ts';

export default defineRule({
  meta: {
    id: 'narrative.comparison-year',
    title: { zh: '比较年度', en: 'Comparison year' },
    category: 'narrative',
    severity: 'error',
    description: '“比上年”比较的是预算年度的上一年；写明年份时应为预算年度减一。',
  },
  check(ctx) {
    const year = ctx.doc.year;
    if (year === null) return { insufficient: 'the budget year is not known' };
    const findings: Finding[] = [];
    let checked = 0;
    for (const c of claims(ctx)) {
      if (!c.comparison) continue;
      checked++;
      const m = /(\d{4})\s*年/.exec(c.comparison);
      if (m && Number(m[1]) !== year - 1) {
        findings.push({
          rule: 'narrative.comparison-year',
          severity: 'error',
          category: 'narrative',
          message: `「${c.subject}」与 ${m[1]} 年比较，预算年度为 ${year} 年，应与 ${year - 1} 年比较。`,
          locations: [claimLocation(c)],
          stated: m[1],
          expected: String(year - 1),
        });
      }
    }
    if (checked === 0) return { notApplicable: 'no comparison stated' };
    return { findings, checked };
  },
});
