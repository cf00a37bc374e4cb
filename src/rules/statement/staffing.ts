/** statement.staffing: actual staff = serving + retired + … as stated in Part 1. */
import { defineRule } from '../types.ts';
import { at } from '../where.ts';

export default defineRule({
  meta: {
    id: 'statement.staffing',
    title: { zh: '人员构成', en: 'Staffing adds up' },
    category: 'statement',
    severity: 'error',
    description: '第一部分：实有人数等于在职、退休、离休人数之和。',
  },
  check(ctx) {
    const s = ctx.doc.part1?.staffing;
    if (!s?.actual || s.groups.length === 0) return { insufficient: 'no staffing numbers in Part 1' };
    const actual = Number(s.actual.value);
    const sum = s.groups.reduce((a, g) => a + Number(g.count.value), 0);
    if (actual === sum) return { findings: [], checked: 1 };
    return {
      findings: [
        {
          rule: 'statement.staffing',
          severity: 'error',
          category: 'statement',
          message: `实有人数 ${actual} 人，${s.groups.map((g) => `${g.name} ${g.count.value} 人`).join('、')}，合计 ${sum} 人。`,
          locations: [{ part: 'P1', field: '实有人数', ...at(s.source) }],
          stated: String(actual),
          expected: String(sum),
          difference: String(actual - sum),
        },
      ],
      checked: 1,
    };
  },
});
