/** narrative.growth: the growth rate equals change over last year's value at the printed precision. */
import { comparePercent, formatDecimal, parseDecimal } from '../../money/index.ts';
import { defineRule, type Finding } from '../types.ts';
import { changeFacts, isDecrease } from './change.ts';
import { claimLocation, claims } from './claims.ts';

export default defineRule({
  meta: {
    id: 'narrative.growth',
    title: { zh: '增长率与增减额一致', en: 'Growth rates agree with changes' },
    category: 'narrative',
    severity: 'error',
    description:
      '增长率 = 增减额 ÷ 上年数（本年数 − 增减额），按印出的精度比较；差一个末位单位为信息。上年为零时增长率无定义（见 narrative.zero-base）。',
  },
  check(ctx) {
    const findings: Finding[] = [];
    let checked = 0;
    for (const c of claims(ctx)) {
      if (!c.growth) continue;
      const f = changeFacts(ctx, c);
      const printed = parseDecimal(c.growth.percent);
      if (!f || !printed || f.priorFen === 0) continue;
      const signed = isDecrease(ctx, c.growth.word) ? { ...printed, units: -printed.units } : printed;
      const cmp = comparePercent(signed, f.changeFen, f.priorFen);
      if (!cmp) continue;
      checked++;
      if (cmp.agreement === 'exact') continue;
      const prior = (f.priorFen / 1e6).toFixed(6).replace(/0+$/, '').replace(/\.$/, '');
      findings.push({
        rule: 'narrative.growth',
        severity: cmp.agreement === 'rounding' ? 'info' : 'error',
        category: 'narrative',
        message: `「${c.subject}」${c.change!.word}${c.change!.value}${c.change!.unit}，上年数应为 ${prior} 万元，${c.growth.word}${c.growth.word.endsWith('幅') ? '' : '率'}应为 ${formatDecimal({ ...cmp.expected, units: cmp.expected.units < 0n ? -cmp.expected.units : cmp.expected.units })}%，说明为 ${c.growth.percent}%。`,
        locations: [claimLocation(c)],
        stated: c.growth.percent,
        expected: formatDecimal({
          ...cmp.expected,
          units: cmp.expected.units < 0n ? -cmp.expected.units : cmp.expected.units,
        }),
        difference: formatDecimal({ units: signed.units - cmp.expected.units, scale: printed.scale }),
        tolerance: formatDecimal({ units: 1n, scale: printed.scale }),
      });
    }
    if (checked === 0) return { notApplicable: 'no growth rate with a non-zero prior value' };
    return { findings, checked };
  },
});
