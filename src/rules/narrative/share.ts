/** narrative.share: 占 x% equals the amount over its base at the printed precision. */

import type { Claim } from '../../model/schema.ts';
import { comparePercent, formatDecimal, parseDecimal } from '../../money/index.ts';
import { fenOf } from '../cells.ts';
import { perCheck } from '../derived.ts';
import { defineRule, type Finding, type RuleContext } from '../types.ts';
import { claimLocation, claims } from './claims.ts';
import { resolveClaim } from './resolve.ts';

const partOf = (section: string) => section.replace(/（.*$/, '');

/** The first claim with an amount for each part and subject (indexed once per check). */
const stated = perCheck((ctx) => {
  const map = new Map<string, Claim>();
  for (const x of claims(ctx)) {
    const key = `${partOf(x.section)}\n${x.subject}`;
    if (x.amount && !map.has(key)) map.set(key, x);
  }
  return map;
});

/** The base amount of a share: the stated amount of the claim named as base in the same part. */
function baseOf(ctx: RuleContext, c: Claim): { fen: number; text: string } | null {
  const base = c.share?.base;
  if (!base) return null;
  const named = stated(ctx).get(`${partOf(c.section)}\n${base}`);
  if (named?.amount) {
    const fen = fenOf(named.amount.value, named.amount.unit as '万元');
    if (fen !== null) return { fen, text: `${named.amount.value}${named.amount.unit}` };
  }
  const r = resolveClaim(ctx, { ...c, subject: base });
  if (r && !('unresolved' in r) && r.value)
    return { fen: r.value.fen, text: `${r.table} ${r.row} ${r.column}` };
  return null;
}

export default defineRule({
  meta: {
    id: 'narrative.share',
    title: { zh: '占比与金额一致', en: 'Shares agree with amounts' },
    category: 'narrative',
    severity: 'error',
    description:
      '“占 x%”等于金额除以其基数（该部分所述总额），按印出的小数位数四舍五入比较；差一个末位单位为信息。',
  },
  check(ctx) {
    const findings: Finding[] = [];
    let checked = 0;
    for (const c of claims(ctx)) {
      if (!c.share || !c.amount) continue;
      const printed = parseDecimal(c.share.percent);
      const part = fenOf(c.amount.value, c.amount.unit as '万元');
      const base = baseOf(ctx, c);
      if (!printed || part === null || !base) continue;
      const cmp = comparePercent(printed, part, base.fen);
      if (!cmp) continue;
      checked++;
      if (cmp.agreement === 'exact') continue;
      findings.push({
        rule: 'narrative.share',
        severity: cmp.agreement === 'rounding' ? 'info' : 'error',
        category: 'narrative',
        message: `「${c.subject}」${c.amount.value}${c.amount.unit} 占 ${c.share.percent}%，按基数 ${base.text} 计算应为 ${formatDecimal(cmp.expected)}%。`,
        locations: [claimLocation(c)],
        stated: c.share.percent,
        expected: formatDecimal(cmp.expected),
        difference: formatDecimal({ units: printed.units - cmp.expected.units, scale: printed.scale }),
        tolerance: formatDecimal({ units: 1n, scale: printed.scale }),
      });
    }
    if (checked === 0) return { notApplicable: 'no share with a known base' };
    return { findings, checked };
  },
});
