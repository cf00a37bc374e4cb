/**
 * The 项目支出绩效目标表 (one per project) of a text-extracted disclosure. Layout rules this reader relies on:
 * - A table starts at its title; header labels (预算单位 … 项目总体目标) and the column header (the template's
 *   fields) may be letter-spaced or wrapped, so they are matched with any whitespace between characters.
 * - Merged 一级/二级 labels are printed before their group: whole, in pieces (`数量指` / `标`), at the start of
 *   a row's line, or glued (`满意度指标满意度指标`). Only names of the template's vocabularies count.
 * - Each indicator row has one line with its numbers (the anchor): [三级指标] [指标值] [依据] [上年完成值] 权重
 *   [赋分规则] [佐证资料]. Text printed above it belongs to the same row; text below it, up to the end of the
 *   佐证资料 list, is its 赋分规则 and 佐证资料. Printed order is field order: fields never interleave.
 * - 佐证资料 items are learned from rows printed whole on one line; a wrapped list is joined while it is
 *   unfinished (`工作资料,` + `原始凭证`).
 * - A row with one number: 权重 or 上年完成值, whichever brings the table's weights to the template total.
 */

import type { Indicator, PerformanceTable, Problem, Quantity } from '../../model/schema.ts';
import {
  addDecimal,
  compareDecimal,
  type Decimal,
  formatDecimal,
  type MoneyUnit,
  parseNumber,
  subDecimal,
  toFen,
} from '../../money/index.ts';
import type { Template } from '../../templates/schema.ts';
import { memoByObject } from '../memo.ts';
import { compactText, squash, squashedHead } from '../normalize.ts';
import { type Line, NUMBER_TOKEN } from './lines.ts';

type Spec = Template['performance'];
type Placement = Indicator['placement'];
type Key = Exclude<keyof Indicator, 'placement' | 'source'>;
/** Indicator keys in the order of the template's `fields`, which give their printed names. */
const KEYS = 'level1 level2 level3 value basis prior weight scoring evidence'.split(' ') as Key[];
interface Ctx {
  spec: Spec;
  name: (k: Key) => string;
  /** 佐证资料 items seen in rows printed whole on one line */
  known: Set<string>;
  /** 一级 and 二级 names of the template, longest first */
  labels: string[];
  /** the first characters of those names */
  labelHeads: Set<number>;
  /** each line's anchor (readAnchor), read once */
  anchorOf: (line: Line) => Anchor | null;
  problems: Problem[];
}
interface Labels {
  l1: string;
  l2: string;
  /** the last thing read was a 一级 label: a name of both vocabularies is then its 二级 label */
  justL1: boolean;
  /** how glued labels were split, for the rows of the group */
  notes: Placement;
}
/** The line with a row's numbers, cut at them. */
type Anchor = NonNullable<ReturnType<typeof readAnchor>>;
interface Draft {
  ind: Indicator;
  /** the number of a row printed with one number only (权重 or 上年完成值) */
  single: string | null;
  /** lines after the numbers that may be 赋分规则 or the start of the next row */
  tail: Line[];
  s: string | null;
  e: string | null;
}
type Value = { lines: string[]; line: number };
/** A table body's non-blank lines, trimmed, and whether each has a space inside. */
interface Body {
  lines: Line[];
  trimmed: string[];
  spaced: boolean[];
}

const COMPARISON = /^(?:>=|<=|[≥≤><=＞＜＝≧≦])/;
/** A comparison value while it may still be wrapping: sign, number, a unit of up to 2 characters (`元/人`). */
const VALUE_SO_FAR = /^(?:>=|<=|[≥≤><=＞＜＝≧≦])\d[\d.]*(?:[^\d./]{1,2}(?:\/[^\d./]{0,2})?)?$/;
const PRIOR = /^(?:[0-9０-９]|[-—/]+$)/;
const LIST = /[,，、]/;
const WHITE = /\s/;
/** The caption of the funds row, `项目资金（万元）`: its unit applies to bare numbers. */
const MONEY_CAPTION = /[^\s：:]*[（(]\s*(亿元|万元|元)\s*[)）]/;
const HEADING = /^(?:[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+部分)/;

const warn = (problems: Problem[], message: string, line: number, raw?: string) =>
  problems.push({ severity: 'warning', message, ...(raw === undefined ? {} : { raw }), source: { line } });
const texts = (ls: Line[]) => ls.map((l) => l.text);
/** The first word of a trimmed text. */
const firstWord = (s: string) => {
  const at = s.search(WHITE);
  return at < 0 ? s : s.slice(0, at);
};
const width = (s: string) => [...squash(s)].reduce((w, ch) => w + (ch.codePointAt(0)! >= 0x2e80 ? 2 : 1), 0);

const SPACED = new Map<string, RegExp>();

/** Find a label printed with any whitespace (letter spacing, line breaks) between its characters. */
function findLabel(text: string, label: string, from: number): { start: number; end: number } | null {
  let spaced = SPACED.get(label);
  if (!spaced) {
    spaced = new RegExp([...label].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*'), 'g');
    SPACED.set(label, spaced);
  }
  spaced.lastIndex = from;
  const m = spaced.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length } : null;
}

const isLatin = (code: number) => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);

/** Join a wrapped cell: no space at a line break (except between Latin words), none next to CJK. */
function joinText(parts: string[]): string {
  let out = '';
  let latin = false; // out ends with a Latin letter
  for (const part of parts) {
    const p = part.trim();
    if (!p) continue;
    out += latin && isLatin(p.charCodeAt(0)) ? ` ${p}` : p;
    latin = isLatin(p.charCodeAt(p.length - 1));
  }
  return compactText(out);
}

export function readPerformance(lines: Line[], template: Template, problems: Problem[]): PerformanceTable[] {
  const spec = template.performance;
  const head = spec.title ? spec.title.charCodeAt(0) : -1;
  const starts: number[] = [];
  lines.forEach((l, i) => {
    if (squashedHead(l.text) === head && squash(l.text) === spec.title) starts.push(i);
  });
  const tables = starts.map((s, k) => {
    // a table runs to the next title, or to the next numbered heading of the text
    const t = lines.slice(s, starts[k + 1] ?? lines.length);
    const end = t.findIndex((l, i) => i > 0 && HEADING.test(l.text.trim()));
    return readHeader(end < 0 ? t : t.slice(0, end), spec, problems);
  });
  const bodies = tables.map((t) => t?.body ?? []);
  const anchors = new Map<Line, Anchor | null>();
  const anchorOf = (line: Line) => {
    let a = anchors.get(line);
    if (a === undefined) {
      a = readAnchor(line.text);
      anchors.set(line, a);
    }
    return a;
  };
  // the 佐证资料 items of rows printed whole on one line
  const known = new Set<string>();
  for (const body of bodies) {
    for (const l of body) {
      const list = anchorOf(l)?.after.slice(1).join('');
      if (list) for (const item of list.split(LIST)) if (item) known.add(item);
    }
  }
  const name = (k: Key) => spec.fields[KEYS.indexOf(k)] ?? k;
  const { labels, labelHeads } = labelsOf(spec);
  const ctx: Ctx = { spec, name, known, labels, labelHeads, anchorOf, problems };
  return tables.flatMap((t) => (t ? [{ ...t.head, indicators: readBody(t.body, ctx) }] : []));
}

/** The 一级 and 二级 names of a template, longest first, and their first characters. */
const labelsOf = memoByObject((spec: Spec) => {
  const labels = [...spec.level1, ...Object.values(spec.level2).flat()].sort((a, b) => b.length - a.length);
  return { labels, labelHeads: new Set(labels.map((l) => l.charCodeAt(0))) };
});

/** How many line breaks `text` has before `offset`. */
function breaksBefore(text: string, offset: number): number {
  let n = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) n++;
  return n;
}

/** The table header: 预算单位, 项目名称, 项目负责人, funds and 项目总体目标, each up to the next label. */
function readHeader(t: Line[], spec: Spec, problems: Problem[]) {
  const text = texts(t).join('\n');
  const lineAt = (off: number) => t[breaksBefore(text, off)]!.no;
  const marks: { field: string; start: number; end: number }[] = [];
  for (const field of spec.headerFields) {
    const m = findLabel(text, field, marks.at(-1)?.end ?? 0);
    if (m) marks.push({ field, ...m });
    else warn(problems, `${field} not found in ${spec.title}`, t[0]!.no);
  }
  if (marks.length === 0) return null;
  // the column header: the template's fields in order, after the last header label
  let pos = marks.at(-1)!.end;
  const columns = findLabel(text, spec.fields[0] ?? '', pos)?.start ?? text.length;
  for (const f of spec.fields) {
    const m = findLabel(text, f, pos);
    if (m) pos = m.end;
    else warn(problems, `column ${f} not found in ${spec.title}`, t[0]!.no);
  }
  const body = columns < text.length ? t.slice(breaksBefore(text, pos) + 1) : [];
  const cap = MONEY_CAPTION.exec(text.slice(0, marks.at(-1)!.start));
  const unit = (cap?.[1] as MoneyUnit | undefined) ?? null;
  // blank the caption out so that it is part of no value
  const shown = cap
    ? text.slice(0, cap.index) + ' '.repeat(cap[0].length) + text.slice(cap.index + cap[0].length)
    : text;
  const value: Record<string, Value> = {};
  marks.forEach((m, k) => {
    // a value ends at the next label; drop colons and a trailing `其中：`
    const raw = shown.slice(m.end, marks[k + 1]?.start ?? columns);
    const clean = raw.replace(/^[\s：:]+/, '').replace(/其\s*中\s*[：:]?\s*$|[\s：:]+$/g, '');
    value[m.field] = { lines: clean.split('\n').filter((s) => s.trim()), line: lineAt(m.start) };
  });
  const [unitF, nameF, ownerF, totalF, fiscalF, otherF, goalF] = spec.headerFields;
  const get = (f?: string) => joinText(value[f ?? '']?.lines ?? []);
  const money = (f?: string) => quantity(value[f ?? ''], unit, problems);
  const head: Omit<PerformanceTable, 'indicators'> = {
    year: /(\d{4})\s*年/.exec(text.slice(0, marks[0]!.start))?.[1] ?? null, // `(2023 年)` under the title
    unitName: get(unitF),
    project: get(nameF),
    owner: joinText(value[ownerF ?? '']?.lines.slice(0, 1) ?? []), // the owner ends its printed line
    funds: { total: money(totalF), fiscal: money(fiscalF), other: money(otherF) },
    goal: get(goalF),
    source: { line: t[0]!.no, endLine: t.findLast((l) => l.text.trim())!.no },
  };
  return { head, body };
}

/** An amount of the header: `200 万` + `元`, or a bare number in the unit of the 项目资金（万元） caption. */
function quantity(v: Value | undefined, unit: MoneyUnit | null, problems: Problem[]): Quantity | null {
  if (!v || v.lines.length === 0) return null;
  const raw = v.lines.map((s) => s.trim()).join('');
  const n = parseNumber(raw);
  const u = n?.unit ?? unit;
  if (!n || n.blank || n.percent || !u) {
    warn(problems, 'project funds not read as an amount', v.line, raw);
    return null;
  }
  try {
    return { raw, value: n.text, unit: u, fen: toFen(n.value, u) };
  } catch {
    warn(problems, 'project funds finer than one fen', v.line, raw);
    return { raw, value: n.text, unit: u };
  }
}

/** The line with a row's numbers: a bare number (权重) with only digit-free text after it. */
function readAnchor(text: string) {
  const tokens = text.trim().split(/\s+/);
  let w = tokens.length - 1;
  while (w >= 0 && !/\d/.test(tokens[w]!)) w--;
  if (w < 1 || !NUMBER_TOKEN.test(tokens[w]!)) return null;
  const p = PRIOR.test(tokens[w - 1]!) ? 1 : 0;
  const prior = p ? tokens[w - 1]! : null;
  return { before: tokens.slice(0, w - p), prior, weight: tokens[w]!, after: tokens.slice(w + 1) };
}

/** The first item of a list (all of it when it has no separator). */
const firstItem = (s: string) => {
  const at = s.search(LIST);
  return at < 0 ? s : s.slice(0, at);
};
/** A 佐证资料 list starts with an item seen in rows printed whole on one line. */
const startsList = (s: string, known: Set<string>) => known.has(firstItem(s));
/** A list goes on at the next line when it ends with a separator, or inside a known item (`原始凭` + `证`). */
function listGoesOn(list: string, next: string, known: Set<string>): boolean {
  if (LIST.test(list.at(-1) ?? '')) return true;
  const last = list.split(LIST).at(-1)!;
  if (known.has(last)) return false;
  const joined = last + firstItem(next);
  for (const k of known) if (k.startsWith(joined)) return true;
  return false;
}

/** Split a printed label into template names (`满意度指标满意度指标` → two names); null if it is not one. */
function splitLabels(s: string, names: string[]): string[] | null {
  if (!s) return [];
  const n = names.find((x) => s.startsWith(x));
  const rest = n ? splitLabels(s.slice(n.length), names) : null;
  return n && rest ? [n, ...rest] : null;
}

/** The label state after reading names: a 一级 name sets 一级, a 二级 name of the vocabularies sets 二级. */
function applyLabels(seq: string[] | null, from: Labels, spec: Spec): Labels | null {
  if (!seq?.length) return null;
  const how = `split from ${seq.join('')}, printed without a space`;
  const s = {
    ...from,
    notes: seq.length > 1 ? spec.fields.slice(0, 2).map((field) => ({ field, how })) : [],
  };
  for (const name of seq) {
    const isL1 = spec.level1.includes(name);
    if ((spec.level2[s.l1] ?? []).includes(name) && (s.justL1 || !isL1 || s.l1 === name)) s.l2 = name;
    else if (isL1) Object.assign(s, { l1: name, l2: '' });
    else if (Object.values(spec.level2).some((l) => l.includes(name))) s.l2 = name;
    else return null;
    s.justL1 = isL1 && s.l2 === '';
  }
  return s;
}

/** 一级/二级 labels at line i: leading label words, or one label wrapped over 2–3 one-word lines. */
function readLabels(body: Body, i: number, st: Labels, ctx: Ctx): { used: number; rest: Line | null } | null {
  // a text that does not start like a name is none (the common case, tested first)
  const read = (s: string, from: Labels) =>
    s && !ctx.labelHeads.has(s.charCodeAt(0))
      ? null
      : applyLabels(splitLabels(s, ctx.labels), from, ctx.spec);
  const line = body.lines[i]!;
  // labels start the line: one that does not start like a name has none (the common case)
  if (!ctx.labelHeads.has(body.trimmed[i]!.charCodeAt(0))) return null;
  const first = read(firstWord(body.trimmed[i]!), st);
  if (first) {
    const words = body.trimmed[i]!.split(/\s+/);
    let k = 1;
    let state: Labels = first;
    for (let next = read(words[k] ?? '', state); next; next = read(words[++k] ?? '', next)) state = next;
    Object.assign(st, state);
    return { used: 1, rest: k < words.length ? { no: line.no, text: words.slice(k).join(' ') } : null };
  }
  for (let m = 2; m <= 3 && i + m <= body.lines.length; m++) {
    const part = body.trimmed.slice(i, i + m);
    if (body.spaced.slice(i, i + m).some(Boolean)) break;
    const state = read(part.join(''), st);
    if (!state) continue;
    Object.assign(st, state);
    return { used: m, rest: null };
  }
  return null;
}

/** Indicator rows of one table body. */
function readBody(lines: Line[], ctx: Ctx): Indicator[] {
  const content = lines.filter((l) => l.text.trim());
  const trimmed = content.map((l) => l.text.trim());
  const body: Body = { lines: content, trimmed, spaced: trimmed.map((t) => WHITE.test(t)) };
  const st: Labels = { l1: '', l2: '', justL1: false, notes: [] };
  const drafts: Draft[] = [];
  let pre: Line[] = [];
  let open: Draft | null = null;
  /** End the open row; its undecided tail lines go to the next row when `toNext`, else they are 赋分规则. */
  const close = (toNext: boolean) => {
    const d = open;
    open = null;
    if (!d) return;
    if (d.e === null) {
      if (d.s === null && toNext) pre = d.tail;
      else if (d.s === null && d.tail.length > 0) d.s = joinText(texts(d.tail));
      const how = 'printed blank: nothing after the numbers before the next row or group';
      if (!d.s) d.ind.placement.push({ field: ctx.name('scoring'), how });
      d.ind.placement.push({ field: ctx.name('evidence'), how });
    }
    Object.assign(d.ind, { scoring: d.s ?? '', evidence: d.e ?? '' });
  };
  for (let i = 0; i < content.length; ) {
    const lab = readLabels(body, i, st, ctx);
    const line = lab ? lab.rest : content[i]!;
    i += lab ? lab.used : 1;
    if (lab) close(false);
    if (!line) continue;
    st.justL1 = false;
    const anchor = ctx.anchorOf(line);
    if (open && !anchor && takeTail(open, line, ctx)) continue;
    close(true);
    if (!anchor) pre.push(line);
    else {
      open = row(pre, anchor, line, st, ctx);
      drafts.push(open);
      pre = [];
    }
  }
  close(false);
  if (pre[0])
    warn(ctx.problems, 'text after the last indicator row not read', pre[0].no, joinText(texts(pre)));
  resolveSingles(drafts, ctx);
  return drafts.map((d) => d.ind);
}

/** Lines after the numbers: 赋分规则 lines (kept undecided) until the first 佐证资料 item, then the list. */
function takeTail(d: Draft, line: Line, ctx: Ctx): boolean {
  const s = squash(line.text);
  if (d.e !== null) {
    const more = listGoesOn(d.e, s, ctx.known);
    if (more) d.e += s;
    return more;
  }
  if (startsList(s, ctx.known)) {
    if (d.s === null) {
      d.s = joinText(texts(d.tail));
      d.ind.placement.push({ field: ctx.name('scoring'), how: 'lines after the numbers, before 佐证资料' });
    }
    d.e = s;
    return true;
  }
  if (d.s === null) d.tail.push(line);
  return d.s === null;
}

/** Build a row from the lines printed above its numbers and the anchor line. */
function row(pre: Line[], a: Anchor, line: Line, st: Labels, ctx: Ctx): Draft {
  const placement: Placement = [...st.notes];
  const before = [...a.before];
  let basis = before.length > 0 ? [before.pop()!] : [];
  const op = before.findIndex((t) => COMPARISON.test(t));
  let l3: string[];
  let value: string[];
  if (pre.length === 0) {
    // the whole row on one line: 三级指标 ends where the comparison starts (else at the first space)
    [l3, value] = [before.slice(0, op >= 0 ? op : 1), before.slice(op >= 0 ? op : 1)];
    if (op < 0)
      placement.push({ field: ctx.name('value'), how: 'no comparison sign: the words after the first' });
  } else if (before.length > 0) {
    // wrapped 三级指标 above; this line holds the value (after any end of 三级指标 before a comparison)
    [l3, value] = [[...texts(pre), ...before.slice(0, Math.max(op, 0))], before.slice(Math.max(op, 0))];
    const how = 'qualitative value on the line with the numbers; the lines above are 三级指标';
    if (op < 0) placement.push({ field: ctx.name('value'), how });
  } else {
    [l3 = [], value = [], basis = []] = splitAbove(pre, basis, placement, ctx);
  }
  const ind: Indicator = {
    level1: st.l1,
    level2: st.l2,
    level3: joinText(l3),
    value: joinText(value),
    basis: joinText(basis),
    prior: a.prior ?? '',
    weight: a.prior === null ? '' : a.weight, // a lone number is placed by resolveSingles
    scoring: '',
    evidence: '',
    placement,
    source: { line: (pre[0] ?? line).no },
  };
  for (const k of ['level3', 'value', 'basis'] as const) {
    if (!ind[k]) warn(ctx.problems, `${ctx.name(k)} not found`, line.no, line.text.trim());
  }
  // after the weight: 赋分规则 then 佐证资料; a lone known 佐证资料 item means 赋分规则 was printed blank
  const [s, ...e] = a.after;
  const onlyE = s !== undefined && e.length === 0 && startsList(squash(s), ctx.known);
  const single = a.prior === null ? a.weight : null;
  if (onlyE) return { ind, single, tail: [], s: '', e: squash(s) };
  return { ind, single, tail: [], s: s ?? null, e: e.length > 0 ? e.join('') : null };
}

/**
 * Split the lines above the numbers into 三级指标, 指标值 and (unless `basis` was on the anchor line) 依据.
 * A comparison sign starts the value; it goes on while it is still a number and its unit (`<=190` + `万元`);
 * the rest is 依据. Without a sign, cells are told apart by wrapping: a narrower line ends its cell.
 */
function splitAbove(pre: Line[], basis: string[], placement: Placement, ctx: Ctx): string[][] {
  const withBasis = basis.length === 0;
  const at = pre.findIndex((l, i) => i > 0 && COMPARISON.test(l.text.trim()));
  if (at > 0) {
    let end = withBasis ? at + 1 : pre.length;
    while (end < pre.length && VALUE_SO_FAR.test(squash(texts(pre.slice(at, end + 1)).join('')))) end++;
    if (withBasis)
      placement.push({ field: ctx.name('basis'), how: 'lines after the value’s number and unit' });
    return [texts(pre.slice(0, at)), texts(pre.slice(at, end)), withBasis ? texts(pre.slice(end)) : basis];
  }
  const cells: Line[][] = [];
  for (const l of pre) {
    const cell = cells.at(-1);
    const first = cell ? width(cell[0]!.text) : 0;
    if (cell && width(cell.at(-1)!.text) >= first && width(l.text) <= first) cell.push(l);
    else cells.push([l]);
  }
  const groups = cells.length >= (withBasis ? 3 : 2) ? cells : pre.map((l) => [l]);
  const take = () => texts(groups.splice(-1, 1).flat());
  const b = withBasis ? take() : basis;
  const value = take();
  placement.push({
    field: ctx.name('value'),
    how: 'no comparison sign: the last cell (a narrower line ends a cell)',
  });
  return [texts(groups.flat()), value, b];
}

/** Rows with one number: the reading of 权重/上年完成值 that brings the weights nearest the template total. */
function resolveSingles(drafts: Draft[], ctx: Ctx) {
  const singles = drafts.filter((d) => d.single !== null);
  if (singles.length === 0) return;
  const num = (s: string): Decimal => parseNumber(s)?.value ?? { units: 0n, scale: 0 };
  const total = num(String(ctx.spec.weightTotal));
  const fixed = drafts.reduce((sum, d) => addDecimal(sum, num(d.ind.weight)), num('0'));
  // every reading (bit k set: row k's number is 权重), nearest total first, then the most weights
  const n = Math.min(singles.length, 12);
  const options = Array.from({ length: 2 ** n }, (_, mask) => {
    const isWeight = singles.map((_, k) => k >= n || (mask & (1 << k)) !== 0);
    const sum = singles.reduce((s, d, k) => (isWeight[k] ? addDecimal(s, num(d.single!)) : s), fixed);
    const d = subDecimal(sum, total);
    const weights = isWeight.filter(Boolean).length;
    return { isWeight, sum, diff: { ...d, units: d.units < 0n ? -d.units : d.units }, weights };
  }).sort((x, y) => compareDecimal(x.diff, y.diff) || y.weights - x.weights);
  const best = options[0]!;
  const same = options.filter((o) => compareDecimal(o.diff, best.diff) === 0 && o.weights === best.weights);
  const tie = same.length > 1;
  const t = ctx.spec.weightTotal;
  const why =
    best.diff.units === 0n
      ? `weights of the table sum to ${t} ${tie ? 'in several ways' : 'only this way'}`
      : `weights of the table come nearest to ${t} this way (${formatDecimal(best.sum)})`;
  singles.forEach((d, k) => {
    const key = best.isWeight[k] ? 'weight' : 'prior';
    d.ind[key] = d.single!;
    d.ind.placement.push({ field: ctx.name(key), how: `single number read as ${ctx.name(key)}: ${why}` });
    const message = `one number read as ${ctx.name(key)}, but other readings fit as well (${why})`;
    if (tie) warn(ctx.problems, message, d.ind.source.line!, d.single!);
  });
}
