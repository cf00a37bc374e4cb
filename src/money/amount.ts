/**
 * Money amounts are integers of fen (分, 0.01 元). Every printed form is parsed exactly;
 * nothing here ever touches a floating-point number.
 */
import { type Decimal, formatDecimal, parseDecimal, pow10, roundTo } from './decimal.ts';
import { normalizeDigits } from './digits.ts';

export type MoneyUnit = '元' | '万元' | '亿元';

/** Fen per one of each unit, as a power of ten. */
export const UNIT_EXPONENT: Record<MoneyUnit, number> = { 元: 2, 万元: 6, 亿元: 10 };

export const MONEY_UNITS: readonly MoneyUnit[] = ['元', '万元', '亿元'];

export interface ParsedNumber {
  /** The text as given. */
  raw: string;
  /** Canonical decimal string: ASCII digits, no separators, sign only when negative. */
  text: string;
  value: Decimal;
  /** A unit written after the number, if any. */
  unit?: MoneyUnit;
  /** Written with a trailing percent sign. */
  percent: boolean;
  /** Blank, `-` or `—`: printed as nothing, read as zero. */
  blank: boolean;
}

const BLANK_FORMS = new Set(['', '-', '--', '—', '——', '/']);
const GROUPED_RE = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * Parse one written number: `7111.51`, `96,282,213.44`, full-width `７１１１．５１`, `-`, `162万元`,
 * `41.03%`, `317.4 %`. Returns null when the text is not a single number.
 */
export function parseNumber(raw: string): ParsedNumber | null {
  let s = normalizeDigits(raw).replace(/\s+/g, '');
  if (BLANK_FORMS.has(s))
    return { raw, text: '0', value: { units: 0n, scale: 0 }, percent: false, blank: true };
  let unit: MoneyUnit | undefined;
  for (const u of ['亿元', '万元', '元'] as const) {
    if (s.endsWith(u)) {
      unit = u;
      s = s.slice(0, -u.length);
      break;
    }
  }
  let percent = false;
  if (!unit && s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1);
  }
  if (s.includes(',')) {
    if (!GROUPED_RE.test(s)) return null;
    s = s.replace(/,/g, '');
  }
  const value = parseDecimal(s);
  if (!value) return null;
  const text = formatDecimal(value);
  return { raw, text, value, ...(unit ? { unit } : {}), percent, blank: false };
}

const PLAIN_RE = /^(0|[1-9]\d{0,11})(?:\.(\d{1,10}))?$/;

/**
 * Fast exact path for the common case: a plain non-negative decimal written with few digits. The
 * digits are assembled as a string and read as an integer, which is exact below 2^53.
 */
export function plainToFen(text: string, unit: MoneyUnit): number | null {
  const m = PLAIN_RE.exec(text);
  if (!m) return null;
  const exp = UNIT_EXPONENT[unit];
  const frac = m[2] ?? '';
  if (frac.length > exp && /[1-9]/.test(frac.slice(exp))) return null;
  const fen = Number(m[1]! + frac.slice(0, exp).padEnd(exp, '0'));
  return Number.isSafeInteger(fen) ? fen : null;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Exact conversion to fen; throws when the value has more precision than a fen. */
export function toFen(value: Decimal, unit: MoneyUnit): number {
  const exp = UNIT_EXPONENT[unit];
  let fen: bigint;
  if (value.scale <= exp) fen = value.units * pow10(exp - value.scale);
  else {
    const div = pow10(value.scale - exp);
    if (value.units % div !== 0n)
      throw new RangeError(`${formatDecimal(value)}${unit} is finer than one fen`);
    fen = value.units / div;
  }
  if (fen > MAX_SAFE || fen < -MAX_SAFE) {
    throw new RangeError(`${formatDecimal(value)}${unit} is too large`);
  }
  return Number(fen);
}

/** Parse text straight to fen in the given unit (the unit written in the text wins). */
export function parseAmount(raw: string, unit: MoneyUnit): number | null {
  const n = parseNumber(raw);
  if (!n || n.percent) return null;
  return toFen(n.value, n.unit ?? unit);
}

/** The exact value of an amount in a unit, as a decimal with enough scale to be exact. */
export function fenToDecimal(fen: number, unit: MoneyUnit): Decimal {
  return { units: BigInt(fen), scale: UNIT_EXPONENT[unit] };
}

export interface FormatOptions {
  /** Digits after the point (default 2). */
  precision?: number;
  /** Group thousands with commas. */
  thousands?: boolean;
}

/** Format fen in a unit, rounded half away from zero at the given precision. */
export function formatAmount(fen: number, unit: MoneyUnit, options: FormatOptions = {}): string {
  const precision = options.precision ?? 2;
  const d = roundTo(fenToDecimal(fen, unit), precision);
  const text = formatDecimal(d);
  return options.thousands ? groupThousands(text) : text;
}

export function groupThousands(text: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (!m) return text;
  return `${m[1]}${m[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${m[3] ?? ''}`;
}

/** Sum of fen amounts, guarded against leaving the safe-integer range. */
export function sumFen(values: Iterable<number>): number {
  let total = 0n;
  for (const v of values) total += BigInt(v);
  if (total > BigInt(Number.MAX_SAFE_INTEGER) || total < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError('sum out of the safe integer range');
  }
  return Number(total);
}
