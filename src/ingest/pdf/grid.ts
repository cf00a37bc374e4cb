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
  center: number;
  x1: number;
}

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
    words.forEach((w, i) => {
      const num = NUMBER_TOKEN.test(w) && !(ORDINAL.test(w) && i + 1 < words.length);
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
      if (!best || center < best.center) best = { column: text, center, x1 };
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
      const a = findHeader(header, c.header, after);
      if (!a) return null;
      out.push({ ...a, column: c.id });
      after = a.center;
    }
    return out;
  });
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

function numToken(t: Tok, column: string | undefined): NumToken {
  const n: NumToken = {
    text: t.text,
    line: t.line.no,
    page: t.line.page,
    x: round(t.x0),
    y: round(t.line.y),
  };
  if (column !== undefined) n.column = column;
  return n;
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

function readBlockLine(
  st: BlockState,
  toks: Tok[],
  line: PdfLine,
  table: DraftTable,
  catalog: Catalog | null,
): void {
  const b = st.spec;
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
      if (t.kind === 'num') row.numbers.push(numToken(t, nearest(st.anchors, t)));
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
  if (label && grid) {
    const byName = codeByName(label, b, catalog);
    if (byName) {
      const row = newRow(b.id, 'code', byName, line.no);
      row.code = byName;
      row.level = '类';
      start(row);
      addNums(row, nums);
      return;
    }
  }
  if (label && nums.length === 0) {
    // A wrapped label continues the row above; after the total row, text ends the block.
    if (st.pending && near(previous, line)) {
      st.pending.text += label;
      return;
    }
    if (st.current && st.current.kind !== 'total' && near(previous, line)) {
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

function startsWithCode(toks: Tok[], block: BlockSpec): boolean {
  const code = codeAt(toks as never, 0, block.levels?.length ?? 3);
  return !!code && !!LEVELS[code.code.length];
}

/**
 * A long name wraps in its cell and is printed centred on the row: fragments above and below the
 * line that holds the code and the amounts. Each text-only line within a line height of such a row
 * line (and nearer to it than to any other) joins that row's name, before or after what it prints.
 */
function attachWrappedNames(lines: PdfLine[], cells: Tok[][][], b: number, block: BlockSpec): void {
  const isRow = (i: number) => {
    const t = cells[i]![b]!;
    return t.length > 0 && (startsWithCode(t, block) || t.some((x) => x.kind === 'num'));
  };
  const totals = block.total?.labels.map(labelKey) ?? [];
  for (let i = 0; i < lines.length; i++) {
    const toks = cells[i]![b]!;
    if (toks.length === 0 || isRow(i) || toks.some((t) => totals.includes(labelKey(t.text)))) continue;
    const l = lines[i]!;
    let best = -1;
    for (const j of [i - 1, i + 1, i - 2, i + 2]) {
      const o = lines[j];
      if (!o || o.page !== l.page || !isRow(j)) continue;
      const gap = Math.abs(o.y - l.y);
      if (gap < Math.max(o.size, l.size) && (best < 0 || gap < Math.abs(lines[best]!.y - l.y))) best = j;
    }
    if (best < 0) continue;
    const target = cells[best]![b]!;
    const code = codeAt(target as never, 0, block.levels?.length ?? 3);
    const after = code && LEVELS[code.code.length] ? code.used : 0;
    let firstNum = target.findIndex((t, k) => k >= after && t.kind === 'num');
    if (firstNum < 0) firstNum = target.length;
    const at = l.y < lines[best]!.y ? after : firstNum;
    target.splice(at, 0, ...toks.filter((t) => t.kind === 'text'));
    cells[i]![b] = toks.filter((t) => t.kind !== 'text');
  }
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
  states.forEach((st, b) => {
    if (st.spec.rows !== 'lines') attachWrappedNames(bodyLines, cells, b, st.spec);
  });
  const trailer: string[] = [];
  bodyLines.forEach((l, li) => {
    if (states.every((s) => s.closed)) {
      trailer.push(l.text);
      return;
    }
    states.forEach((st, i) => {
      readBlockLine(st, cells[li]![i]!, l, table, catalog);
    });
    if (states.length === 1 && states[0]!.closed) trailer.push(l.text);
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
  if (trailer.length > 0) table.statement = compactText(trailer.join(' '));
  for (const r of table.rows) if (!r.label) r.label = compactText(r.text.join(' '));
  return table;
}
