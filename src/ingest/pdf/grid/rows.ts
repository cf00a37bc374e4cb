/**
 * Rows of a table block, line by line: a row starts at a code, a fixed line label, a class name with
 * its list number or a total label; text without numbers continues the row above; numbers are
 * placed in columns by position once the row is whole.
 */
import type { Catalog } from '../../../catalog/catalog.ts';
import type { BlockSpec, LineSpec } from '../../../templates/schema.ts';
import { labelKey, matchLine } from '../../labels.ts';
import { compactText } from '../../normalize.ts';
import type { NumToken } from '../../place.ts';
import { codeAt, type DraftRow, type DraftTable, LEVELS, newRow } from '../../text/tables.ts';
import type { PdfLine } from '../layout.ts';
import type { Anchor } from './header.ts';
import type { Tok } from './tokens.ts';

export const CLASS_ORDINAL = /^[一二三四五六七八九十]+、/;
/** A note printed under a table (its `注` may be lost from the text layer, leaving the colon). */
export const NOTE = /^(?:(?:注|说明)\s*\d*)?[：:]|^(?:注|说明)\s*\d*[.、]/;
/** `编制单位：…` or `编制部门：…` over a table: the unit that prepared it. */
export const MAKER = /编制(?:单位|部门)[：:]\s*(\S+)/;

export function nearest(anchors: Anchor[] | null, t: Tok): string | undefined {
  if (!anchors) return undefined;
  const mid = (t.x0 + t.x1) / 2;
  let best: Anchor | undefined;
  for (const a of anchors) if (!best || Math.abs(a.center - mid) < Math.abs(best.center - mid)) best = a;
  return best?.column;
}

export function numToken(t: Tok, st: BlockState): NumToken {
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
export function pinRow(row: DraftRow, st: BlockState): void {
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

export interface BlockState {
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
export function near(a: PdfLine | null, b: PdfLine): boolean {
  return !!a && a.page === b.page && b.y - a.y < 1.6 * Math.max(a.size, b.size);
}

/** A row keyed by a class name printed without its code (a 类 name in an overview table). */
export function codeByName(name: string, block: BlockSpec, catalog: Catalog | null): string | null {
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
export function readPathLine(st: BlockState, toks: Tok[], line: PdfLine, table: DraftTable): void {
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

export function readBlockLine(st: BlockState, toks: Tok[], line: PdfLine, table: DraftTable): void {
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
