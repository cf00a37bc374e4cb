/**
 * Shares and growth rates, computed exactly and compared at the precision they were printed with.
 */
import { type Decimal, divRound, formatDecimal, pow10, rescaleUp } from './decimal.ts';

/** part / whole × 100, rounded half away from zero to `precision` digits; null when whole is zero. */
export function percent(part: number | bigint, whole: number | bigint, precision: number): Decimal | null {
  const w = BigInt(whole);
  if (w === 0n) return null;
  return { units: divRound(BigInt(part) * 100n * pow10(precision), w), scale: precision };
}

/** (current − prior) / prior × 100 at `precision`; null when prior is zero (growth from nothing). */
export function growthRate(
  current: number | bigint,
  prior: number | bigint,
  precision: number,
): Decimal | null {
  return percent(BigInt(current) - BigInt(prior), prior, precision);
}

export type Agreement = 'exact' | 'rounding' | 'mismatch';

/**
 * Does a printed percentage agree with part/whole? `exact` when the recomputed value rounds to the
 * printed one at the printed precision; `rounding` when it is one unit of the last printed digit off
 * (an artefact of rounding inputs that were themselves rounded); otherwise `mismatch`.
 * Returns null when the whole is zero.
 */
export function comparePercent(
  printed: Decimal,
  part: number | bigint,
  whole: number | bigint,
): { agreement: Agreement; expected: Decimal } | null {
  const expected = percent(part, whole, printed.scale);
  if (!expected) return null;
  const diff = expected.units - printed.units;
  // One unit off is a rounding (or truncation) artefact only when a decimal is printed: a whole
  // percentage one off is a full point (30% for 29.15%), an error.
  const oneOff = (diff === 1n || diff === -1n) && printed.scale >= 1;
  const agreement: Agreement = diff === 0n ? 'exact' : oneOff ? 'rounding' : 'mismatch';
  return { agreement, expected };
}

/** Difference a − b of two decimals as a canonical string. */
export function differenceText(a: Decimal, b: Decimal): string {
  const s = Math.max(a.scale, b.scale);
  return formatDecimal({ units: rescaleUp(a, s).units - rescaleUp(b, s).units, scale: s });
}
