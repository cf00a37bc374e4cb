/**
 * What the performance rules share: reading an indicator's 指标值 (comparison, number, unit), its weight,
 * money amounts in fen, names compared after obvious normalisation, and locations in a target table.
 * Everything is exact: decimals are integers of a power of ten, money is integers of fen.
 */

import type { Disclosure, Indicator, PerformanceTable, Quantity } from '../../model/schema.ts';
import {
  type Decimal,
  fenToDecimal,
  formatDecimal,
  type MoneyUnit,
  normalizeDigits,
  parseDecimal,
  toFen,
} from '../../money/index.ts';
import type { Template } from '../../templates/schema.ts';
import { scaleOf, unitOfLastDigit } from '../cells.ts';
import { perCheck } from '../derived.ts';
import type { Finding, Location, Outcome, RuleContext } from '../types.ts';
import { at } from '../where.ts';

/** Text with every whitespace removed (labels are printed wrapped, one character group per line). */
const SPACE = /\s/;

export function compact(text: string): string {
  return SPACE.test(text) ? text.replace(/\s+/g, '') : text;
}

/** The project's name for messages; a table without a printed name is named by its position. */
export function projectName(t: PerformanceTable, index: number): string {
  return compact(t.project) || `第${index + 1}张绩效目标表`;
}

/** The indicator's name for messages: its 三级指标, or its group when that is blank. */
export function indicatorName(ind: Indicator): string {
  const l3 = compact(ind.level3);
  if (l3) return l3;
  return `${compact(ind.level2) || compact(ind.level1) || '（无指标名称）'}下未填三级指标的行`;
}

export function perfLocation(t: PerformanceTable, index: number, ind?: Indicator, field?: string): Location {
  return {
    part: 'PERF',
    project: projectName(t, index),
    ...(ind ? { indicator: indicatorName(ind) } : {}),
    ...(field ? { field } : {}),
    ...at(ind && ind.source.line !== undefined ? ind.source : t.source),
  };
}

/** Returned by every performance rule when the document has no target table. */
export const NO_TABLES: Outcome = { notApplicable: 'the document has no project performance target table' };

/**
 * A per-indicator check over every performance table. `visit` returns `undefined` when the indicator
 * is not one the rule checks, `null` when it passes, or the finding when it fails.
 */
export function checkIndicators(
  doc: Disclosure,
  nothingChecked: string,
  visit: (t: PerformanceTable, index: number, ind: Indicator) => Finding | null | undefined,
): Outcome {
  if (doc.performance.length === 0) return NO_TABLES;
  const findings: Finding[] = [];
  let checked = 0;
  doc.performance.forEach((t, index) => {
    for (const ind of t.indicators) {
      const f = visit(t, index, ind);
      if (f === undefined) continue;
      checked++;
      if (f) findings.push(f);
    }
  });
  if (checked === 0) return { insufficient: nothingChecked };
  return { findings, checked };
}

// ── indicator levels ────────────────────────────────────────────────────────────────────────────

export function levelKey(text: string): string {
  return compact(text).replace(/指标$/, '');
}

/** Two printed level names are the same (whitespace and a trailing 指标 do not count). */
export function sameLevel(a: string, b: string): boolean {
  const x = levelKey(a);
  return x !== '' && x === levelKey(b);
}

/** The template's level names by their key: the first 一级指标 of each, the 二级指标 keys of each 一级指标. */
interface LevelIndex {
  level1: Map<string, string>;
  level2: Map<string, Set<string>>;
}

const levelIndexes = new WeakMap<Template, LevelIndex>();

function levelIndex(template: Template): LevelIndex {
  let index = levelIndexes.get(template);
  if (!index) {
    const spec = template.performance;
    const level1 = new Map<string, string>();
    for (const l of spec.level1) {
      const key = levelKey(l);
      if (key !== '' && !level1.has(key)) level1.set(key, l);
    }
    const level2 = new Map<string, Set<string>>();
    for (const [l, names] of Object.entries(spec.level2)) {
      level2.set(l, new Set(names.map(levelKey).filter((key) => key !== '')));
    }
    index = { level1, level2 };
    levelIndexes.set(template, index);
  }
  return index;
}

/** The template's 一级指标 a printed one stands for, if any (the first one the same level). */
export function templateLevel1(template: Template, printed: string): string | undefined {
  return levelIndex(template).level1.get(levelKey(printed));
}

/** The printed 二级指标 is one the template allows under its 一级指标 (sameLevel with one of them). */
export function allowedLevel2(template: Template, level1: string, printed: string): boolean {
  return levelIndex(template).level2.get(level1)?.has(levelKey(printed)) ?? false;
}

/** The indicator belongs to the cost group (成本指标). */
export function isCost(ind: Indicator): boolean {
  return compact(ind.level1).includes('成本');
}

export function isSatisfaction(ind: Indicator): boolean {
  return compact(ind.level1).includes('满意度') || compact(ind.level3).includes('满意');
}

/** A rate (率), not an efficiency (效率) or a frequency (频率), which are not percentages. */
export function isRate(ind: Indicator): boolean {
  return /率/.test(compact(ind.level3).replace(/效率|频率/g, ''));
}

// ── 指标值 ─────────────────────────────────────────────────────────────────────────────────────

export type Op = 'ge' | 'gt' | 'le' | 'lt' | 'eq';

export const OP_SIGN: Record<Op, string> = { ge: '≥', gt: '>', le: '≤', lt: '<', eq: '=' };

/** Comparisons as written, longest first so that `>=` wins over `>` and `大于等于` over `大于`. */
const OPS: [string, Op][] = (
  [
    ['>=', 'ge'],
    ['=>', 'ge'],
    ['≥', 'ge'],
    ['≧', 'ge'],
    ['大于或等于', 'ge'],
    ['大于等于', 'ge'],
    ['不低于', 'ge'],
    ['不少于', 'ge'],
    ['不小于', 'ge'],
    ['<=', 'le'],
    ['=<', 'le'],
    ['≤', 'le'],
    ['≦', 'le'],
    ['小于或等于', 'le'],
    ['小于等于', 'le'],
    ['不高于', 'le'],
    ['不超过', 'le'],
    ['不多于', 'le'],
    ['不大于', 'le'],
    ['>', 'gt'],
    ['大于', 'gt'],
    ['高于', 'gt'],
    ['超过', 'gt'],
    ['<', 'lt'],
    ['小于', 'lt'],
    ['低于', 'lt'],
    ['=', 'eq'],
    ['等于', 'eq'],
  ] as [string, Op][]
).sort((a, b) => b[0].length - a[0].length);

/** Characters the comparison signs are printed with, mapped to ASCII (`‹` is a misprinted `<`). */
const SIGN_CHARS: Record<string, string> = { '＞': '>', '＜': '<', '＝': '=', '‹': '<', '›': '>' };

export type ParsedValue =
  | { kind: 'empty' }
  /** no comparison and no leading number: `提升`, `有效保障` */
  | { kind: 'qualitative'; text: string }
  /** a number with its unit, with or without a comparison */
  | { kind: 'quantity'; op: Op | null; number: Decimal; unit: string; text: string }
  /** a comparison not followed by a number: `≥良好` */
  | { kind: 'malformed'; op: Op; text: string };

/** Parsed 指标值 by indicator, kept for the check (several rules read them). */
const parsedValues = perCheck(() => new Map<Indicator, ParsedValue>());

/** The indicator's 指标值, parsed (once per check). */
export function targetValue(ctx: RuleContext, ind: Indicator): ParsedValue {
  const values = parsedValues(ctx);
  let v = values.get(ind);
  if (!v) {
    v = parseValue(ind.value);
    values.set(ind, v);
  }
  return v;
}

export function parseValue(printed: string): ParsedValue {
  let s = '';
  for (const ch of normalizeDigits(compact(printed))) s += SIGN_CHARS[ch] ?? ch;
  if (s === '') return { kind: 'empty' };
  let op: Op | null = null;
  let rest = s;
  for (const [text, o] of OPS) {
    if (s.startsWith(text)) {
      op = o;
      rest = s.slice(text.length);
      // `≥=`, `≤=`: the sign written twice
      if ((o === 'ge' || o === 'le') && rest.startsWith('=')) rest = rest.slice(1);
      break;
    }
  }
  const m = /^(\d+(?:\.\d+)?)(.*)$/.exec(rest);
  const number = m ? parseDecimal(m[1]!) : null;
  if (!m || !number) {
    // a sign must be followed by a number; a word (`高于上年`, `不低于上年水平`) makes a qualitative value
    const signed = op !== null && /^[<>=≥≤≧≦]/.test(s);
    return signed && op ? { kind: 'malformed', op, text: s } : { kind: 'qualitative', text: s };
  }
  return { kind: 'quantity', op, number, unit: m[2]!, text: s };
}

/**
 * The money unit of a value's unit text, or null for other units and for per-unit amounts
 * (`元/人`). `万` printed without `元` is read as 万元.
 */
export function moneyUnitOf(unit: string): MoneyUnit | null {
  if (unit === '元' || unit === '万元' || unit === '亿元') return unit;
  if (unit === '万') return '万元';
  return null;
}

/** Exact fen of a number in a money unit; null when finer than a fen. */
export function decimalToFen(d: Decimal, unit: MoneyUnit): number | null {
  try {
    return toFen(d, unit);
  } catch {
    return null;
  }
}

/** Fen of a header amount (年度预算总额 …), null when it is not money or not printed. */
export function quantityFen(q: Quantity | null): number | null {
  if (!q) return null;
  if (q.fen !== undefined) return q.fen;
  const unit = moneyUnitOf(q.unit);
  const d = parseDecimal(q.value);
  return unit && d ? decimalToFen(d, unit) : null;
}

export function quantityUnit(q: Quantity | null): MoneyUnit {
  return (q && moneyUnitOf(q.unit)) || '万元';
}

/** Decimals printed in a canonical number (shared with the table rules). */
export const scaleOfText = scaleOf;

/** An amount in fen written in a unit exactly, with at least `minScale` decimals. */
export function fenText(fen: number, unit: MoneyUnit, minScale = 2): string {
  let d = fenToDecimal(fen, unit);
  while (d.scale > minScale && d.units % 10n === 0n) d = { units: d.units / 10n, scale: d.scale - 1 };
  return formatDecimal(d);
}

/** One unit of the last printed digit in fen (at least two decimals, as the identity rules do). */
export function toleranceFen(unit: MoneyUnit, scale: number): number {
  return unitOfLastDigit(unit, Math.max(scale, 2));
}

// ── weights ─────────────────────────────────────────────────────────────────────────────────────

/** A printed weight: a decimal, `blank`, or null when it is not a number. `10分`, `10%` are read as 10. */
export function parseWeight(printed: string): Decimal | 'blank' | null {
  const s = normalizeDigits(compact(printed)).replace(/[分%]$/, '');
  if (s === '') return 'blank';
  return parseDecimal(s);
}

// ── names ───────────────────────────────────────────────────────────────────────────────────────

/**
 * A project name with only the obvious printing differences removed: whitespace, quotation marks,
 * the kind of dash, full- or half-width brackets and digits. Nothing else: no guessing.
 */
export function normalName(name: string): string {
  return normalizeDigits(compact(name))
    .replace(/[“”"‘’'「」『』]/g, '')
    .replace(/[—–―－‐‑-]+/g, '-')
    .replace(/（/g, '(')
    .replace(/）/g, ')');
}
