/**
 * Exact decimal numbers: an integer count of 10^-scale. No floats anywhere.
 * `1.50` is { units: 150n, scale: 2 }; the scale is the printed precision.
 */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

const DECIMAL_RE = /^([+-]?)(\d+)(?:\.(\d*))?$|^([+-]?)\.(\d+)$/;

/** Parse a plain decimal string (ASCII digits, optional sign and point, no separators). */
export function parseDecimal(text: string): Decimal | null {
  const m = DECIMAL_RE.exec(text);
  if (!m) return null;
  const sign = m[1] ?? m[4] ?? '';
  const intPart = m[2] ?? '0';
  const frac = m[3] ?? m[5] ?? '';
  const units = BigInt(intPart + frac) * (sign === '-' ? -1n : 1n);
  return { units, scale: frac.length };
}

/** Powers of ten already computed, by exponent. */
const POWERS: bigint[] = [];

export function pow10(n: number): bigint {
  if (!Number.isInteger(n) || n < 0 || n > 64) return 10n ** BigInt(n);
  let p = POWERS[n];
  if (p === undefined) {
    p = 10n ** BigInt(n);
    POWERS[n] = p;
  }
  return p;
}

/** Same value at a larger scale (exact). */
export function rescaleUp(d: Decimal, scale: number): Decimal {
  if (scale < d.scale) throw new RangeError(`cannot rescale ${formatDecimal(d)} down to ${scale} exactly`);
  return { units: d.units * pow10(scale - d.scale), scale };
}

/** Divide a by b and round half away from zero to an integer. */
export function divRound(a: bigint, b: bigint): bigint {
  if (b === 0n) throw new RangeError('division by zero');
  const neg = a < 0n !== b < 0n;
  const aa = a < 0n ? -a : a;
  const bb = b < 0n ? -b : b;
  const q = (aa * 2n + bb) / (bb * 2n);
  return neg ? -q : q;
}

/** Round to a smaller scale, half away from zero. */
export function roundTo(d: Decimal, scale: number): Decimal {
  if (scale >= d.scale) return rescaleUp(d, scale);
  return { units: divRound(d.units, pow10(d.scale - scale)), scale };
}

export function formatDecimal(d: Decimal): string {
  const neg = d.units < 0n;
  const digits = (neg ? -d.units : d.units).toString().padStart(d.scale + 1, '0');
  const intPart = d.scale > 0 ? digits.slice(0, -d.scale) : digits;
  const frac = d.scale > 0 ? `.${digits.slice(-d.scale)}` : '';
  return `${neg ? '-' : ''}${intPart}${frac}`;
}

export function compareDecimal(a: Decimal, b: Decimal): number {
  const s = Math.max(a.scale, b.scale);
  const x = rescaleUp(a, s).units;
  const y = rescaleUp(b, s).units;
  return x < y ? -1 : x > y ? 1 : 0;
}

export function addDecimal(a: Decimal, b: Decimal): Decimal {
  const s = Math.max(a.scale, b.scale);
  return { units: rescaleUp(a, s).units + rescaleUp(b, s).units, scale: s };
}

export function subDecimal(a: Decimal, b: Decimal): Decimal {
  return addDecimal(a, { units: -b.units, scale: b.scale });
}
