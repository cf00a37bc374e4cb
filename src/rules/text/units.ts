/**
 * The free text of a disclosure, cut into paragraphs the text rules scan: Part 1 (functions,
 * organization), Part 3 section titles and texts, Part 4 definitions, and the performance tables
 * (project name, overall goal, indicator fields). Each paragraph knows how to locate a match in it.
 *
 * The model keeps one line per paragraph (where it starts), not a line per character: a location's
 * `line` is the line where the paragraph containing the match starts (absent where the model has
 * none, e.g. a performance goal). The quoted excerpt pins the place down.
 */
import { perCheck } from '../derived.ts';
import type { Location, RuleContext } from '../types.ts';
import { at, type Place } from '../where.ts';

/** Where a paragraph is printed: its location without the excerpt (Part 3 texts also find their line). */
type Where =
  | { part: 'P1' | 'P4'; field: string; at: Place }
  | { part: 'P3'; section: string; at: Place; lineStarts?: [number, number][] }
  | { part: 'PERF'; project: string; indicator?: string; field: string; at: Place };

/** A paragraph of free text, and how to locate a match in it. */
export class TextUnit {
  constructor(
    readonly text: string,
    private readonly where: Where,
  ) {}

  get part(): Where['part'] {
    return this.where.part;
  }

  /** the location of text[start, end) with its excerpt */
  locate(start: number, end: number): Location {
    const w = this.where;
    switch (w.part) {
      case 'P1':
      case 'P4':
        return { part: w.part, field: w.field, excerpt: around(this.text, start, end), ...w.at };
      case 'P3': {
        const l = w.lineStarts ? lineAt(w.lineStarts, start) : undefined;
        return {
          part: 'P3',
          section: w.section,
          excerpt: around(this.text, start, end),
          ...w.at,
          ...(l !== undefined ? { line: l } : {}),
        };
      }
      case 'PERF':
        return {
          part: 'PERF',
          project: w.project,
          ...(w.indicator !== undefined ? { indicator: w.indicator } : {}),
          field: w.field,
          ...w.at,
        };
    }
  }
}

/** Characters quoted on each side of a match. */
export const CONTEXT = 10;

/** The match with up to CONTEXT characters on each side, as printed. */
export function around(text: string, start: number, end: number, context: number = CONTEXT): string {
  return text.slice(Math.max(0, start - context), Math.min(text.length, end + context));
}

/** A quotation for a message: at most `max` characters, with … when cut. */
export function quote(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** The printed line of an offset in a section's text. */
function lineAt(starts: [number, number][], offset: number): number | undefined {
  let found: number | undefined;
  for (const [at, no] of starts) {
    if (at > offset) break;
    found = no;
  }
  return found;
}

/** Indicator fields scanned, with their printed names (the template's column headers). */
export const INDICATOR_FIELDS = [
  ['level3', '三级指标'],
  ['value', '指标值'],
  ['basis', '指标值设置依据'],
  ['scoring', '赋分规则'],
  ['evidence', '佐证资料'],
] as const;

/** Not blank: the same test as `text.trim() !== ''` (\s is trim's whitespace and line terminators). */
const NOT_BLANK = /\S/;

/** The text units of the document (computed once per check; the text rules share them). */
export const textUnits = perCheck(({ doc }): TextUnit[] => {
  const units: TextUnit[] = [];
  const add = (text: string, where: Where) => {
    if (NOT_BLANK.test(text)) units.push(new TextUnit(text, where));
  };
  const p1 = doc.part1;
  if (p1) {
    for (const f of p1.functions) {
      add(f.text, { part: 'P1', field: `主要职能（${f.number}）`, at: at(f.source) });
    }
    const org = p1.organization;
    add(org.text, { part: 'P1', field: '机构设置及人员情况', at: at(org.source) });
  }
  for (const sec of doc.narrative) {
    add(sec.title, { part: 'P3', section: sec.id, at: at(sec.source) });
    add(sec.text, { part: 'P3', section: sec.id, at: at(sec.source), lineStarts: sec.lineStarts ?? [] });
  }
  for (const g of doc.glossary) {
    add(g.definition, { part: 'P4', field: g.term, at: at(g.source) });
  }
  for (const p of doc.performance) {
    add(p.project, { part: 'PERF', project: p.project, field: '项目名称', at: {} });
    add(p.goal, { part: 'PERF', project: p.project, field: '项目总体目标', at: {} });
    for (const i of p.indicators) {
      for (const [key, field] of INDICATOR_FIELDS) {
        add(i[key], { part: 'PERF', project: p.project, indicator: i.level3, field, at: at(i.source) });
      }
    }
  }
  return units;
});

const SEPARATOR = '\u0001';

/** Text units joined by a separator, with where each starts: one regex scan covers them all. */
export interface JoinedUnits {
  units: TextUnit[];
  text: string;
  starts: number[];
}

export function joinUnits(units: TextUnit[]): JoinedUnits {
  const starts: number[] = new Array(units.length);
  const parts: string[] = new Array(units.length);
  let at = 0;
  for (let i = 0; i < units.length; i++) {
    const t = units[i]!.text;
    starts[i] = at;
    parts[i] = t;
    at += t.length + SEPARATOR.length;
  }
  parts.push('');
  return { units, text: parts.join(SEPARATOR), starts };
}

/** The document's text units joined (once per check). */
export const joinedTextUnits = perCheck((ctx: RuleContext) => joinUnits(textUnits(ctx)));

export interface UnitMatch {
  unit: TextUnit;
  start: number;
  end: number;
  text: string;
}

/**
 * Every match of a global regex in every unit: one scan over the units joined by a separator (much
 * faster than one scan per unit); a match that spans two units is dropped.
 */
export function unitMatches(joined: JoinedUnits, re: RegExp): UnitMatch[] {
  const { units, starts } = joined;
  const out: UnitMatch[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(joined.text); m; m = re.exec(joined.text)) {
    if (m[0] === '') re.lastIndex = advance(joined.text, re.lastIndex, re.unicode); // as matchAll does
    const at = m.index;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    const unit = units[lo]!;
    const start = at - starts[lo]!;
    const end = start + m[0].length;
    if (end > unit.text.length) continue;
    out.push({ unit, start, end, text: m[0] });
  }
  return out;
}

/** The index after `i`: one code point further in a unicode regex (ECMAScript AdvanceStringIndex). */
function advance(text: string, i: number, unicode: boolean): number {
  if (!unicode || i + 1 >= text.length) return i + 1;
  const c = text.charCodeAt(i);
  const d = text.charCodeAt(i + 1);
  return c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? i + 2 : i + 1;
}
