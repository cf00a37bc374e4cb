/**
 * The free text of a disclosure, cut into paragraphs the text rules scan: Part 1 (functions,
 * organization), Part 3 section titles and texts, Part 4 definitions, and the performance tables
 * (project name, overall goal, indicator fields). Each paragraph knows how to locate a match in it.
 *
 * The model keeps one line per paragraph (where it starts), not a line per character: a location's
 * `line` is the line where the paragraph containing the match starts (absent where the model has
 * none, e.g. a performance goal). The quoted excerpt pins the place down.
 */
import type { Disclosure } from '../../model/schema.ts';
import type { Location } from '../types.ts';

export interface TextUnit {
  text: string;
  /** the location of text[start, end) with its excerpt */
  locate(start: number, end: number): Location;
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

const line = (l: number | undefined) => (l !== undefined ? { line: l } : {});

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

const cache = new WeakMap<Disclosure, TextUnit[]>();

/** The text units of a document (computed once per document; the text rules share them). */
export function textUnits(doc: Disclosure): TextUnit[] {
  let units = cache.get(doc);
  if (!units) {
    units = buildUnits(doc);
    cache.set(doc, units);
  }
  return units;
}

function buildUnits(doc: Disclosure): TextUnit[] {
  const units: TextUnit[] = [];
  const p1 = doc.part1;
  if (p1) {
    for (const f of p1.functions) {
      units.push({
        text: f.text,
        locate: (s, e) => ({
          part: 'P1',
          field: `主要职能（${f.number}）`,
          excerpt: around(f.text, s, e),
          ...line(f.source.line),
        }),
      });
    }
    const org = p1.organization;
    units.push({
      text: org.text,
      locate: (s, e) => ({
        part: 'P1',
        field: '机构设置及人员情况',
        excerpt: around(org.text, s, e),
        ...line(org.source.line),
      }),
    });
  }
  for (const sec of doc.narrative) {
    units.push({
      text: sec.title,
      locate: (s, e) => ({
        part: 'P3',
        section: sec.id,
        excerpt: around(sec.title, s, e),
        ...line(sec.source.line),
      }),
    });
    units.push({
      text: sec.text,
      locate: (s, e) => ({
        part: 'P3',
        section: sec.id,
        excerpt: around(sec.text, s, e),
        ...line(lineAt(sec.lineStarts ?? [], s) ?? sec.source.line),
      }),
    });
  }
  for (const g of doc.glossary) {
    units.push({
      text: g.definition,
      locate: (s, e) => ({
        part: 'P4',
        field: g.term,
        excerpt: around(g.definition, s, e),
        ...line(g.source.line),
      }),
    });
  }
  for (const p of doc.performance) {
    units.push({ text: p.project, locate: () => ({ part: 'PERF', project: p.project, field: '项目名称' }) });
    units.push({ text: p.goal, locate: () => ({ part: 'PERF', project: p.project, field: '项目总体目标' }) });
    for (const i of p.indicators) {
      for (const [key, field] of INDICATOR_FIELDS) {
        units.push({
          text: i[key],
          locate: () => ({
            part: 'PERF',
            project: p.project,
            indicator: i.level3,
            field,
            ...line(i.source.line),
          }),
        });
      }
    }
  }
  return units.filter((u) => u.text.trim() !== '');
}

const SEPARATOR = '\u0001';
const joinedCache = new WeakMap<TextUnit[], { text: string; starts: number[] }>();

/**
 * Every match of a global regex in every unit: one scan over the units joined by a separator (much
 * faster than one scan per unit); a match that spans two units is dropped.
 */
export function unitMatches(
  units: TextUnit[],
  re: RegExp,
): { unit: TextUnit; start: number; end: number; text: string }[] {
  let joined = joinedCache.get(units);
  if (!joined) {
    const starts: number[] = [];
    let text = '';
    for (const u of units) {
      starts.push(text.length);
      text += u.text + SEPARATOR;
    }
    joined = { text, starts };
    joinedCache.set(units, joined);
  }
  const out: { unit: TextUnit; start: number; end: number; text: string }[] = [];
  for (const m of joined.text.matchAll(re)) {
    const at = m.index ?? 0;
    let lo = 0;
    let hi = joined.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (joined.starts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    const unit = units[lo]!;
    const start = at - joined.starts[lo]!;
    const end = start + m[0].length;
    if (end > unit.text.length) continue;
    out.push({ unit, start, end, text: m[0] });
  }
  return out;
}

/** Every match of a global regex in a text, as [start, end, text]. */
export function matches(text: string, re: RegExp): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  for (const m of text.matchAll(re)) {
    if (m.index === undefined) continue;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}
