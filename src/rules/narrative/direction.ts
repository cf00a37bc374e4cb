/** narrative.direction: direction words agree with the sign of the change. */
import { defineRule, type Finding } from '../types.ts';
import { isDecrease, isIncrease } from './change.ts';
import { claimLocation, claims } from './claims.ts';

export default defineRule({
  meta: {
    id: 'narrative.direction',
    title: { zh: '增减方向用词', en: 'Direction words' },
    category: 'narrative',
    severity: 'error',
    description: '增减额与增长率的方向用词一致（增加/增长 对 减少/下降）；增减额为零时宜写“持平”（信息）。',
  },
  check(ctx) {
    const findings: Finding[] = [];
    let checked = 0;
    for (const c of claims(ctx)) {
      if (!c.change) continue;
      checked++;
      const zero = /^0(\.0+)?$/.test(c.change.value);
      const growthWord = c.growth?.word ?? '';
      if (
        (isIncrease(ctx, c.change.word) && isDecrease(ctx, growthWord)) ||
        (isDecrease(ctx, c.change.word) && isIncrease(ctx, growthWord))
      ) {
        findings.push({
          rule: 'narrative.direction',
          severity: 'error',
          category: 'narrative',
          message: `「${c.subject}」先说${c.change.word}，又说${growthWord}，方向相反。`,
          locations: [claimLocation(c)],
        });
      } else if (zero && (isIncrease(ctx, c.change.word) || isDecrease(ctx, c.change.word))) {
        findings.push({
          rule: 'narrative.direction',
          severity: 'info',
          category: 'narrative',
          message: `「${c.subject}」${c.change.word} ${c.change.value}${c.change.unit}：增减额为零，宜表述为“持平”。`,
          locations: [claimLocation(c)],
          stated: c.change.value,
        });
      }
    }
    if (checked === 0) return { notApplicable: 'no change stated' };
    return { findings, checked };
  },
});
