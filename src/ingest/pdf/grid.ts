/**
 * Reading a table from positioned lines. The column of every number comes from the page: each
 * template column is found in the header (a printed header cell, or one stacked over several lines)
 * and a number belongs to the column whose header is nearest. Blocks printed side by side (income on
 * the left, expenditure on the right) are told apart by position too. Rows start at a code, a fixed
 * line label or a total label; text without numbers continues the row above (wrapped labels).
 */
import type { Catalog } from '../../catalog/catalog.ts';
import type { BlockSpec, LineSpec, TableSpec } from '../../templates/schema.ts';
import { labelKey, matchLine } from '../labels.ts';
import { compactText, squash } from '../normalize.ts';
import type { NumToken } from '../place.ts';
import { NUMBER_TOKEN } from '../text/lines.ts';
import { codeAt, type DraftRow, type DraftTable } from '../text/tables.ts';
import type { PdfLine, Span } from './layout.ts';

interface Tok {
  kind: 'num' | 'text';
  text: string;
  x0: number;
  x1: number;
  line: PdfLine;
}

interface Anchor {
  column: string;
  /** the header as printed */
  printed: string;
  center: number;
  x1: number;
}

const CLASS_ORDINAL = /^[一二三四五六七八九十]+、/;
/** A note printed under a table (its `注` may be lost from the text layer, leaving the colon). */
const NOTE = /^(?:(?:注|说明)\s*\d*)?[：:]|^(?:注|说明)\s*\d*[.、]/;
const LEVELS: Record<number, '类' | '款' | '项'> = { 3: '类', 5: '款', 7: '项' };
const UNIT = /单位[：:]\s*(亿元|万元|元)/;
const MAKER = /编制(?:单位|部门)[：:]\s*(\S+)/;
const PAGE_NUMBER = /^[-—－\s]*(?:第\s*)?\d+\s*(?:页)?[-—－\s]*$/;

/** A list number that starts a label: `1.`, `2、`. */
const ORDINAL = /^\d{1,2}[.．、]$/;

/**
 * A line's tokens. A span is usually one cell, but narrow printed gaps can join cells into one span:
 * numbers and codes are cut out as their own tokens, and consecutive words form one text token,
 * positions shared out by length. A list number before a name (`1. 一般公共预算资金`) is text.
 */
function tokensOf(line: PdfLine): Tok[] {
  const out: Tok[] = [];
  for (const s of line.spans) {
    const words = s.text.split(' ').filter(Boolean);
    const pieces: { text: string; num: boolean }[] = [];
    const isText = (w: string | undefined) => w !== undefined && !NUMBER_TOKEN.test(w);
    words.forEach((w, i) => {
      // A small whole number between two words of one span is part of the text (`空调机（总预算 20 万以
      // 下）`); an amount (`91,016,775.35`) between two labels is a cell of its own.
      const inText = i > 0 && isText(words[i - 1]) && isText(words[i + 1]) && /^\d{1,3}$/.test(w);
      const num = NUMBER_TOKEN.test(w) && !inText && !(ORDINAL.test(w) && i + 1 < words.length);
      const prev = pieces[pieces.length - 1];
      if (!num && prev && !prev.num) prev.text += ` ${w}`;
      else pieces.push({ text: w, num });
    });
    const total = s.text.length;
    let at = 0;
    for (const p of pieces) {
      const i = s.text.indexOf(p.text, at);
      at = i + p.text.length;
      const x0 = s.x0 + ((s.x1 - s.x0) * i) / total;
      const x1 = s.x0 + ((s.x1 - s.x0) * at) / total;
      out.push({ kind: p.num ? 'num' : 'text', text: p.text, x0, x1, line });
    }
  }
  return out;
}

/** A header line's spans, and the words of spans that join several headers printed close together. */
function headerCells(line: PdfLine): Span[] {
  const out: Span[] = [];
  for (const s of line.spans) {
    out.push(s);
    const words = s.text.split(' ');
    if (words.length < 2) continue;
    let at = 0;
    for (const w of words) {
      const i = s.text.indexOf(w, at);
      at = i + w.length;
      const k = (s.x1 - s.x0) / s.text.length;
      out.push({ text: w, x0: s.x0 + k * i, x1: s.x0 + k * at });
    }
  }
  return out;
}

/** Header cells: single spans and stacks of spans over consecutive lines that overlap in x. */
function findHeader(header: PdfLine[], text: string, after: number): Anchor | null {
  const want = squash(text);
  let best: Anchor | null = null;
  for (let i = 0; i < header.length; i++) {
    for (const s of headerCells(header[i]!)) {
      const mid = (s.x0 + s.x1) / 2;
      if (mid <= after) continue;
      let acc = squash(s.text);
      let x0 = s.x0;
      let x1 = s.x1;
      let found = acc === want;
      // Stacked cells continue on a later header line below, overlapping in x (lines between may
      // hold other columns' headers).
      for (let j = i + 1; !found && j < header.length && want.startsWith(acc) && j <= i + 8; j++) {
        const next = header[j]!.spans.find((t) => t.x0 < x1 && t.x1 > x0);
        if (!next) continue;
        if (!want.startsWith(acc + squash(next.text))) break;
        acc += squash(next.text);
        x0 = Math.min(x0, next.x0);
        x1 = Math.max(x1, next.x1);
        found = acc === want;
      }
      if (!found) continue;
      const center = (x0 + x1) / 2;
      if (!best || center < best.center) best = { column: text, printed: text, center, x1 };
    }
  }
  return best;
}

/** Anchors for every column of every block, left to right; null for a block whose headers are not all found. */
function anchorsOf(spec: TableSpec, header: PdfLine[]): (Anchor[] | null)[] {
  let after = -Infinity;
  return spec.blocks.map((b) => {
    const out: Anchor[] = [];
    for (const c of b.columns) {
      let a: Anchor | null = null;
      for (const h of [c.header, ...(c.variants ?? [])]) {
        a = findHeader(header, h, after);
        if (a) break;
      }
      if (!a) return null;
      out.push({ ...a, column: c.id });
      after = a.center;
    }
    return out;
  });
}

function pathAnchorsOf(paths: string[], header: PdfLine[]): number[] | null {
  const out: number[] = [];
  for (const p of paths) {
    const a = findHeader(header, p, -Infinity);
    if (!a) return null;
    out.push(a.center);
  }
  return out;
}

function newRow(block: string, kind: DraftRow['kind'], key: string, line: number): DraftRow {
  return { block, key, kind, label: '', text: [], numbers: [], raw: [], line, endLine: line };
}

function nearest(anchors: Anchor[] | null, t: Tok): string | undefined {
  if (!anchors) return undefined;
  const mid = (t.x0 + t.x1) / 2;
  let best: Anchor | undefined;
  for (const a of anchors) if (!best || Math.abs(a.center - mid) < Math.abs(best.center - mid)) best = a;
  return best?.column;
}

function numToken(t: Tok, st: BlockState): NumToken {
  const n: NumToken = {
    text: t.text,
    line: t.line.no,
    page: t.line.page,
    x: round(t.x0),
    y: round(t.line.y),
  };
  st.centers.set(n, (t.x0 + t.x1) / 2);
  return n;
}

/**
 * The columns of a row's numbers: the order-keeping assignment to the block's columns with the least
 * total distance between each number and its column's header (numbers are right- or centre-aligned
 * under headers that are centred, so the nearest header alone can be the neighbour's).
 */
function pinRow(row: DraftRow, st: BlockState): void {
  const anchors = st.anchors;
  const xs = row.numbers.map((n) => st.centers.get(n));
  if (!anchors || xs.length === 0 || xs.length > anchors.length || xs.some((x) => x === undefined)) return;
  const n = xs.length;
  const m = anchors.length;
  // cost[i][j]: numbers i.. placed in columns j.., each in a later column than the one before.
  const cost: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(Infinity));
  for (let j = 0; j <= m; j++) cost[n]![j] = 0;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const take = Math.abs(xs[i]! - anchors[j]!.center) + cost[i + 1]![j + 1]!;
      cost[i]![j] = Math.min(take, cost[i]![j + 1]!);
    }
  }
  let j = 0;
  for (let i = 0; i < n; i++) {
    while (cost[i]![j]! === cost[i]![j + 1]! && j + 1 < m) j++;
    row.numbers[i]!.column = anchors[j]!.column;
    j++;
  }
}

const round = (v: number) => Math.round(v * 10) / 10;

interface BlockState {
  spec: BlockSpec;
  anchors: Anchor[] | null;
  specs: LineSpec[];
  pos: number;
  current: DraftRow | null;
  pending: { text: string; nums: Tok[]; line: PdfLine } | null;
  closed: boolean;
  /** the last line that gave this block text or numbers */
  last: PdfLine | null;
  /** each number's x-centre, to place it by position once its row is whole */
  centers: Map<NumToken, number>;
  /** rows of classes printed by name, keyed once their name is read whole */
  byName: Set<DraftRow>;
  /** rows named by paths: the x-centre of each path column's header, and the path so far */
  pathAnchors: number[] | null;
  path: string[];
}

/** Wrapped text sits within about one line of the text above it, on the same page. */
function near(a: PdfLine | null, b: PdfLine): boolean {
  return !!a && a.page === b.page && b.y - a.y < 1.6 * Math.max(a.size, b.size);
}

/** A row keyed by a class name printed without its code (a 类 name in an overview table). */
function codeByName(name: string, block: BlockSpec, catalog: Catalog | null): string | null {
  if (!catalog || block.rows !== 'functional') return null;
  const codes = new Set(
    catalog
      .byName('functional', labelKey(name))
      .filter((e) => e.code.length === 3)
      .map((e) => e.code),
  );
  return codes.size === 1 ? [...codes][0]! : null;
}

/**
 * A row named by a path of text columns (procurement: 大类 / 专项名称 / 经济科目 / 物品 / 组织形式):
 * each printed cell replaces its column and clears the columns right of it; the key is the path up
 * to the rightmost printed column.
 */
function readPathLine(st: BlockState, toks: Tok[], line: PdfLine, table: DraftTable): void {
  const b = st.spec;
  const anchors = st.pathAnchors;
  const texts = toks.filter((t) => t.kind === 'text');
  const nums = toks.filter((t) => t.kind === 'num');
  const label = texts.map((t) => t.text).join(' ');
  if (b.total?.labels.some((l) => labelKey(l) === labelKey(label))) {
    const row = newRow(b.id, 'total', b.total.id, line.no);
    row.label = compactText(label);
    row.raw.push(toks.map((t) => t.text).join(' '));
    for (const t of nums) row.numbers.push(numToken(t, st));
    table.rows.push(row);
    return;
  }
  if (texts.length === 0 || !anchors) {
    if (toks.length > 0) table.noise.push({ raw: toks.map((t) => t.text).join(' '), line: line.no });
    return;
  }
  const printed: string[] = anchors.map(() => '');
  for (const t of texts) {
    const mid = (t.x0 + t.x1) / 2;
    let k = 0;
    for (let i = 1; i < anchors.length; i++)
      if (Math.abs(anchors[i]! - mid) < Math.abs(anchors[k]! - mid)) k = i;
    printed[k] += t.text;
  }
  const deepest = printed.reduce((d, p, i) => (p ? i : d), -1);
  const first = printed.findIndex((p) => p !== '');
  // Group columns carry down to the rows below them; the row's own columns (after the groups) do not.
  const groups = b.pathGroups ?? anchors.length;
  for (let i = first; i < st.path.length; i++) st.path[i] = '';
  for (let i = first; i <= deepest; i++) st.path[i] = labelKey(printed[i]!);
  if (first >= groups) for (let i = groups; i < first; i++) st.path[i] = '';
  const key = st.path.slice(0, deepest + 1).join('/');
  const row = newRow(b.id, 'line', key, line.no);
  row.label = printed
    .slice(first, deepest + 1)
    .map((p) => compactText(p))
    .join('/');
  row.raw.push(toks.map((t) => t.text).join(' '));
  for (const t of nums) row.numbers.push(numToken(t, st));
  table.rows.push(row);
}

function readBlockLine(st: BlockState, toks: Tok[], line: PdfLine, table: DraftTable): void {
  const b = st.spec;
  if (b.rows === 'paths') {
    readPathLine(st, toks, line, table);
    return;
  }
  if (b.ignore)
    toks = toks.filter((t) => t.kind !== 'text' || !b.ignore!.some((x) => labelKey(x) === labelKey(t.text)));
  if (toks.length === 0 || st.closed) return;
  const previous = st.last;
  st.last = line;
  const grid = b.rows !== 'lines';
  const code = grid ? codeAt(toks as never, 0, b.levels?.length ?? 3) : null;
  const codeUsed = code && LEVELS[code.code.length] ? code.used : 0;
  const rest = toks.slice(codeUsed);
  const firstNum = rest.findIndex((t) => t.kind === 'num');
  const labelToks = firstNum < 0 ? rest : rest.slice(0, firstNum);
  const nums = firstNum < 0 ? [] : rest.slice(firstNum);
  const label = labelToks.map((t) => t.text).join(' ');
  const raw = toks.map((t) => t.text).join(' ');
  const start = (row: DraftRow) => {
    row.raw.push(raw);
    row.label = compactText(label);
    table.rows.push(row);
    st.current = row;
  };
  const addNums = (row: DraftRow, list: Tok[]) => {
    for (const t of list) {
      if (t.kind === 'num') row.numbers.push(numToken(t, st));
      else table.noise.push({ raw: t.text, line: t.line.no });
      row.endLine = t.line.no;
    }
  };
  if (codeUsed > 0 && code) {
    const level = LEVELS[code.code.length]!;
    const row = newRow(
      b.id,
      b.rows === 'projects' && level === '项' ? 'project' : 'code',
      code.code,
      line.no,
    );
    row.code = code.code;
    row.level = level;
    start(row);
    row.text.push(label);
    addNums(row, nums);
    return;
  }
  const total = b.total;
  if (label && total?.labels.some((l) => labelKey(l) === labelKey(label))) {
    const row = newRow(b.id, 'total', total.id, line.no);
    start(row);
    addNums(row, nums);
    return;
  }
  if (label && !grid) {
    const text = st.pending ? `${st.pending.text}${label}` : label;
    const m = matchLine(text, st.specs, st.pos);
    if (m === 'prefix') {
      st.pending = { text, nums: [...(st.pending?.nums ?? []), ...nums], line: st.pending?.line ?? line };
      return;
    }
    if (m) {
      const spec = st.specs[m.index]!;
      st.pos = m.index + 1;
      const row = newRow(b.id, spec === total ? 'total' : 'line', spec.id, (st.pending?.line ?? line).no);
      const carried = st.pending?.nums ?? [];
      st.pending = null;
      row.raw.push(raw);
      row.label = compactText(text);
      table.rows.push(row);
      st.current = row;
      addNums(row, [...carried, ...nums]);
      return;
    }
  }
  if (label && grid && b.rows === 'functional' && CLASS_ORDINAL.test(label)) {
    // A class printed by name with its list number; the code comes from the name once it is whole.
    const row = newRow(b.id, 'code', '', line.no);
    row.level = '类';
    start(row);
    st.byName.add(row);
    addNums(row, nums);
    return;
  }
  if (label && nums.length === 0 && NOTE.test(label)) {
    st.closed = true; // a note under the table ends it
    return;
  }
  if (label && nums.length === 0) {
    // A wrapped label continues the row above; after the total row, text ends the block.
    if (st.pending && near(previous, line)) {
      st.pending.text += label;
      return;
    }
    if (st.current && st.current.kind !== 'total' && (near(previous, line) || st.byName.has(st.current))) {
      st.current.label = compactText(`${st.current.label}${label}`);
      st.current.raw.push(raw);
      st.current.endLine = line.no;
      return;
    }
    if (st.current) st.closed = true;
    else table.noise.push({ raw, line: line.no });
    return;
  }
  if (st.pending && nums.length > 0 && !label) {
    st.pending.nums.push(...nums);
    return;
  }
  if (!label && nums.length > 0) {
    // Numbers with no label: the only unlabelled fixed line (a one-row table), or the row above.
    const unlabelled = !grid ? st.specs.findIndex((s) => s.labels.length === 0) : -1;
    if (!st.current && unlabelled >= 0) {
      const spec = st.specs[unlabelled]!;
      const row = newRow(b.id, spec === total ? 'total' : 'line', spec.id, line.no);
      row.raw.push(raw);
      table.rows.push(row);
      st.current = row;
    }
    if (st.current) addNums(st.current, nums);
    else table.noise.push({ raw, line: line.no });
    return;
  }
  table.noise.push({ raw, line: line.no });
}

/**
 * A label printed in one block's columns may name a line of a block further right (`当年支出小计` under
 * the functional names, its amount under 支出用途): it and what follows go to that block.
 */
function handOver(line: Tok[][], states: BlockState[]): void {
  for (let i = 0; i + 1 < line.length; i++) {
    const toks = line[i]!;
    const own = states[i]!.specs;
    const at = toks.findIndex(
      (t) =>
        t.kind === 'text' &&
        !own.some((s) => s.labels.some((l) => labelKey(l) === labelKey(t.text))) &&
        states
          .slice(i + 1)
          .some((st) => st.specs.some((s) => s.labels.some((l) => labelKey(l) === labelKey(t.text)))),
    );
    if (at < 0) continue;
    const j = states.findIndex(
      (st, k) =>
        k > i && st.specs.some((s) => s.labels.some((l) => labelKey(l) === labelKey(toks[at]!.text))),
    );
    line[j] = [...toks.slice(at), ...line[j]!];
    line[i] = toks.slice(0, at);
  }
}

function startsWithCode(toks: Tok[], block: BlockSpec): boolean {
  const code = codeAt(toks as never, 0, block.levels?.length ?? 3);
  return !!code && !!LEVELS[code.code.length];
}

/**
 * A long name wraps in its cell and is printed centred on the row: fragments above and below the
 * line that holds the code and the amounts. Each text-only line joins the nearest such row line on
 * its page (within three line heights), before or after what that line prints, cell by cell. Cells
 * merged over several rows, printed once between them, cannot be told apart from this without the
 * ruling lines: their text goes to the nearest row.
 */
function attachWrappedNames(lines: PdfLine[], cells: Tok[][][], b: number, block: BlockSpec): void {
  const isRow = (i: number) => {
    const t = cells[i]![b]!;
    return (
      t.length > 0 &&
      (startsWithCode(t, block) ||
        t.some((x) => x.kind === 'num') ||
        (block.rows === 'functional' && t[0]!.kind === 'text' && CLASS_ORDINAL.test(t[0]!.text)))
    );
  };
  const totals = block.total?.labels.map(labelKey) ?? [];
  for (let i = 0; i < lines.length; i++) {
    const toks = cells[i]![b]!;
    if (toks[0]?.kind === 'text' && NOTE.test(toks[0].text)) break; // notes under the table
    if (toks.length === 0 || isRow(i) || toks.some((t) => totals.includes(labelKey(t.text)))) continue;
    const l = lines[i]!;
    // The nearest row line above or below (a name may wrap over several lines each side).
    let best = -1;
    for (const step of [-1, 1]) {
      let j = i + step;
      while (j >= 0 && j < lines.length && !isRow(j)) j += step;
      const o = lines[j];
      if (!o || o.page !== l.page) continue;
      const gap = Math.abs(o.y - l.y);
      if (gap < 3 * Math.max(o.size, l.size) && (best < 0 || gap < Math.abs(lines[best]!.y - l.y))) best = j;
    }
    if (best < 0) continue;
    const row = cells[best]![b]!;
    const above = l.y < lines[best]!.y;
    // Text that starts with a list number starts its cell: nothing goes before it.
    if (above && row.some((x) => x.kind === 'text' && CLASS_ORDINAL.test(x.text))) continue;
    for (const f of toks) {
      if (f.kind !== 'text') continue;
      // A fragment continues the cell it overlaps; else it is the cell's only printed text.
      const t = row.find((x) => x.kind === 'text' && f.x0 < x.x1 && f.x1 > x.x0);
      if (t) {
        t.text = above ? `${f.text}${t.text}` : `${t.text}${f.text}`;
        t.x0 = Math.min(t.x0, f.x0);
        t.x1 = Math.max(t.x1, f.x1);
        continue;
      }
      const code = codeAt(row as never, 0, block.levels?.length ?? 3);
      let at = code && LEVELS[code.code.length] ? code.used : 0;
      while (at < row.length && row[at]!.kind === 'text' && row[at]!.x0 < f.x0) at++;
      row.splice(at, 0, { ...f });
    }
    cells[i]![b] = toks.filter((t) => t.kind !== 'text');
  }
}

/**
 * What is printed right under a table about it: a note (`注：…`, `说明：…`) or the sentence saying it
 * is empty, and the lines that continue it; not the text that follows the table on the page.
 */
function statementOf(trailer: PdfLine[], spec: TableSpec): string | null {
  const empty = spec.emptyStatement ? new RegExp(spec.emptyStatement) : null;
  const at = trailer.findIndex((l) => NOTE.test(l.text) || empty?.test(squash(l.text)));
  if (at < 0) return null;
  const out = [trailer[at]!];
  for (let i = at + 1; i < trailer.length && near(out[out.length - 1]!, trailer[i]!); i++)
    out.push(trailer[i]!);
  return compactText(out.map((l) => l.text).join(' '));
}

/** Read one table from the lines between its title and the next table. */
export function readPdfTable(
  spec: TableSpec,
  lines: PdfLine[],
  start: number,
  end: number,
  catalog: Catalog | null,
): DraftTable {
  const region = lines.slice(start, end);
  const table: DraftTable = {
    spec,
    title: region[0] ? compactText(region[0].text) : spec.titles[0]!,
    unit: null,
    rows: [],
    noise: [],
    line: region[0]?.no ?? 0,
    endLine: region[region.length - 1]?.no ?? 0,
    problems: [],
  };
  // The header: from the title to the first line that starts a row or prints an amount.
  let body = 1;
  for (; body < region.length; body++) {
    const l = region[body]!;
    const u = UNIT.exec(l.text);
    if (u) table.unit = u[1] as DraftTable['unit'];
    const m = MAKER.exec(l.text);
    if (m) table.unitName = m[1];
    if (u || m) continue;
    const toks = tokensOf(l);
    if (toks.some((t) => t.kind === 'num')) break;
    const first = toks[0]?.text ?? '';
    const labels = spec.blocks.flatMap((b) => [...(b.total?.labels ?? []), ...(b.lines?.[0]?.labels ?? [])]);
    if (labels.some((x) => labelKey(x) === labelKey(first))) break;
  }
  const header = region.slice(1, body).filter((l) => !UNIT.test(l.text) && !MAKER.test(l.text));
  const anchors = anchorsOf(spec, header);
  const printed: Record<string, string> = {};
  for (const a of anchors) for (const x of a ?? []) printed[x.column] = x.printed;
  if (Object.keys(printed).length > 0) table.headers = printed;
  const missing = spec.blocks.filter((_, i) => !anchors[i]).map((b) => b.id);
  if (missing.length > 0) {
    table.problems.push({
      message: `${spec.id}: column headers not all found on the page (${missing.join(', ')}); columns are decided by the identities`,
      line: region[0]?.no ?? 0,
    });
  }
  // Block boundaries: a block ends just right of its last column.
  const repeated = new Set(region.slice(0, body).map((l) => squash(l.text)));
  const states: BlockState[] = spec.blocks.map((b, i) => ({
    spec: b,
    anchors: anchors[i] ?? null,
    specs: [...(b.lines ?? []), ...(b.total ? [b.total] : [])],
    pos: 0,
    current: null,
    pending: null,
    closed: false,
    last: null,
    byName: new Set<DraftRow>(),
    centers: new Map<NumToken, number>(),
    pathAnchors: b.paths ? pathAnchorsOf(b.paths, header) : null,
    path: (b.paths ?? []).map(() => ''),
  }));
  const bodyLines = region
    .slice(body)
    .filter((l) => !repeated.has(squash(l.text)) && !PAGE_NUMBER.test(l.text));
  const limits = states.map((s, i) => {
    if (i === states.length - 1) return Infinity;
    const last = s.anchors?.[s.anchors.length - 1];
    if (!last) return Infinity;
    let edge = last.x1;
    for (const l of bodyLines) {
      for (const t of tokensOf(l)) {
        if (t.kind === 'num' && nearest(s.anchors, t) === last.column && t.x0 < last.x1 + 40)
          edge = Math.max(edge, t.x1);
      }
    }
    return edge + 1;
  });
  // Each line's tokens, block by block.
  const cells = bodyLines.map((l) => {
    const toks = tokensOf(l);
    let from = 0;
    return states.map((_, i) => {
      const mine: Tok[] = [];
      while (from < toks.length && (toks[from]!.x0 + toks[from]!.x1) / 2 < limits[i]!)
        mine.push(toks[from++]!);
      return mine;
    });
  });
  for (const line of cells) handOver(line, states);
  states.forEach((st, b) => {
    if (st.spec.rows !== 'lines') attachWrappedNames(bodyLines, cells, b, st.spec);
  });
  const trailer: PdfLine[] = [];
  bodyLines.forEach((l, li) => {
    if (states.every((s) => s.closed)) {
      trailer.push(l);
      return;
    }
    states.forEach((st, i) => {
      readBlockLine(st, cells[li]![i]!, l, table);
    });
    if (states.length === 1 && states[0]!.closed) trailer.push(l);
  });
  for (const st of states) {
    if (st.pending) {
      table.problems.push({
        message: `unrecognised row label in ${spec.id}`,
        line: st.pending.line.no,
        raw: st.pending.text,
      });
    }
  }
  for (const row of table.rows) {
    const st = states.find((x) => x.spec.id === row.block);
    if (st) pinRow(row, st);
  }
  for (const st of states) {
    for (const row of st.byName) {
      const code = codeByName(row.label, st.spec, catalog);
      row.key = code ?? labelKey(row.label);
      if (code) row.code = code;
      else {
        row.kind = 'line';
        delete row.level;
        table.problems.push({
          message: `${spec.id}: class name not in the catalog, row kept under its name`,
          line: row.line,
          raw: row.label,
        });
      }
    }
  }
  const pageOf = new Map(region.map((l) => [l.no, l.page]));
  for (const row of table.rows) row.page = pageOf.get(row.line);
  table.page = region[0]?.page;
  table.endPage = region[region.length - 1]?.page;
  const statement = statementOf(trailer, spec);
  if (statement) table.statement = statement;
  for (const r of table.rows) if (!r.label) r.label = compactText(r.text.join(' '));
  return table;
}
