/** Shared: the stated amount of the first claim of a kind whose subject matches, and sum checks. */

import { re } from '../../ingest/regex.ts';
import type { Claim } from '../../model/schema.ts';
import { formatAmount } from '../../money/index.ts';
import { fenOf, unitOfLastDigit } from '../cells.ts';
import { claimLocation, claims } from '../narrative/claims.ts';
import type { Finding, RuleContext } from '../types.ts';

export function find(ctx: RuleContext, kind: string, subject: string, unit = '万元'): Claim | undefined {
  return claims(ctx).find((c) => c.kind === kind && re(subject).test(c.subject) && c.amount?.unit === unit);
}

export function amountFen(c: Claim | undefined): number | null {
  if (!c?.amount) return null;
  return ['万元', '元', '亿元'].includes(c.amount.unit)
    ? fenOf(c.amount.value, c.amount.unit as '万元')
    : Number(c.amount.value);
}

/** A finding when `total` ≠ Σ parts (exact; within rounding → info). Money in 万元, counts as numbers. */
export function sumFinding(
  rule: string,
  what: string,
  total: Claim,
  parts: Claim[],
  money: boolean,
): Finding | null {
  const t = amountFen(total)!;
  const sum = parts.reduce((a, p) => a + (amountFen(p) ?? 0), 0);
  if (t === sum) return null;
  const tol = money ? unitOfLastDigit('万元', 2) * Math.max(1, Math.floor((parts.length + 1) / 2)) : 0;
  const fmt = (x: number) => (money ? formatAmount(x, '万元') : String(x));
  const unit = total.amount!.unit;
  return {
    rule,
    severity: Math.abs(t - sum) <= tol ? 'info' : 'error',
    category: 'statement',
    message: `${what}：「${total.subject}」${total.amount!.value}${unit}，各项（${parts.map((p) => `${p.subject} ${p.amount!.value}`).join('、')}）之和为 ${fmt(sum)}${unit}。`,
    locations: [claimLocation(total), ...parts.map(claimLocation)],
    stated: fmt(t),
    expected: fmt(sum),
    difference: fmt(t - sum),
    ...(money ? { tolerance: fmt(tol) } : {}),
  };
}
