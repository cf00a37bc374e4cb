/**
 * Reading a template table from a sheet region: its title block (number, 编制单位, 单位), its header
 * (template columns found by their printed headers, ./header.ts), then one draft row per sheet row
 * and block, started as the text and PDF readers start them (a code, a fixed line label, a total
 * label, a path of names). Every number carries the column its sheet column is, so placement keeps it
 * ('position'); the drafts are finished by the same buildTables as text and PDF tables.
 */
import type { Catalog } from '../../catalog/catalog.ts';
import type { Source } from '../../model/schema.ts';
import { parseNumber } from '../../money/index.ts';
import type { BlockSpec, LineSpec, TableSpec } from '../../templates/schema.ts';
import { labelKey, matchLine } from '../labels.ts';
import { compactText, squash } from '../normalize.ts';
import { CLASS_ORDINAL, codeByName, MAKER, NOTE } from '../pdf/grid/rows.ts';
import type { NumToken } from '../place.ts';
import { type DraftRow, type DraftTable, draftTable, LEVELS, newRow, unitOf } from '../text/tables.ts';
import { TABLE_NUMBER } from '../titles.ts';
import { address, type GridCell, type Sheet } from './grid.ts';
import {
  headerPaths,
  headerTexts,
  type LabelRole,
  labelRole,
  type SheetRow,
  templateColumns,
  UNPLACED_HEADER,
} from './header.ts';
import { shownNumber } from './numbers.ts';

/** Provenance kept while reading: drafts carry synthetic line numbers, mapped back to cells. */
export class Provenance {
  readonly lines = new Map<number, Source>();
  readonly tokens = new Map<NumToken, Source>();
  /** numbers printed in the unplaced column, by the row they were printed on */
  readonly unplaced = new Map<DraftRow, { text: string; candidates: string[]; source: Source }[]>();
  private next = 1;
  line(sheet: Sheet, r: number, c: number): number {
    const n = this.next++;
    this.lines.set(n, { sheet: sheet.name, cell: address(r, c) });
    return n;
  }
}

const CODE = /^\d{3}(?:\d{2}){0,2}$/;
const CODE_AND_NAME = /^(\d{3}(?:\d{2}){0,2})(?:\s+|(?=[^\d\s.,]))(.+)$/;

function cellText(cell: GridCell | undefined): string {
  return cell ? cell.text.trim() : '';
}

function rowTexts(row: SheetRow): string[] {
  const out: string[] = [];
  for (const cell of row.cells.values())
    if (cell.num === undefined && cell.text.trim()) out.push(cell.text.trim());
  return out;
}

function rowKey(row: SheetRow): string {
  return squash([...row.cells.values()].map((c) => c.text).join(''));
}

/** Does a sheet row start the table's body (rather than continue its header)? */
function isBodyRow(row: SheetRow, spec: TableSpec, headers: Set<string>): boolean {
  const texts = rowTexts(row);
  if (texts.some((t) => squash(t) === '栏次')) return false;
  for (const cell of row.cells.values()) {
    if (cell.num !== undefined) return true;
    const t = squash(cell.text);
    if (CODE.test(t) || CODE_AND_NAME.test(cell.text.trim())) return true;
    const n = parseNumber(t);
    if (n && !n.blank && /\d/.test(t)) return true;
  }
  const first = texts[0];
  if (!first) return false;
  const labels = spec.blocks.flatMap((b) => [
    ...(b.total?.labels ?? []),
    ...(b.lines ?? []).flatMap((l) => l.labels),
  ]);
  return (
    labels.some((l) => labelKey(l) === labelKey(first)) && !texts.slice(1).some((t) => headers.has(squash(t)))
  );
}

interface BlockState {
  spec: BlockSpec;
  /** the earlier block whose columns this one shares (printed under it), or -1 */
  shares: number;
  /** sheet column of each template column */
  columns: number[] | null;
  /** label columns and what they hold */
  labels: { c: number; role: LabelRole }[];
  specs: LineSpec[];
  pos: number;
  /** the last code's 类, 款, 项 parts (split code columns may print only the new part) */
  last: string[];
  path: string[];
  unlabelledUsed: boolean;
}

/** Is a row's label the total or one of the fixed lines of a block? */
function claims(st: BlockState, row: SheetRow): boolean {
  const texts = st.labels.map((l) => row.cells.get(l.c)).filter((c) => c && c.num === undefined);
  const label = compactText(texts.map((c) => c!.text).join(' '));
  if (!label) return false;
  if (st.spec.total?.labels.some((l) => labelKey(l) === labelKey(label))) return true;
  const m = st.spec.rows === 'lines' ? matchLine(label, st.specs, st.pos) : null;
  return !!m && m !== 'prefix';
}

/** The code a row prints in its code column(s), or in front of its name. */
function codeOf(st: BlockState, row: SheetRow): { code: string | null; name: string; project: string } {
  const parts = ['', '', ''];
  let joined = '';
  const names: string[] = [];
  let project = '';
  for (const { c, role } of st.labels) {
    const cell = row.cells.get(c);
    if (!cell) continue;
    let t = cell.num !== undefined ? String(Math.trunc(cell.num)) : cell.text.replace(/\s+/g, '');
    if (role.kind === 'part') {
      if (!/^\d+$/.test(t)) {
        if (t) names.push(cell.text.trim());
        continue;
      }
      if (role.index > 0 && t.length < 2) t = t.padStart(2, '0');
      parts[role.index] = t;
    } else if (role.kind === 'code') {
      if (CODE.test(t)) joined = t;
      else if (t) names.push(cell.text.trim());
    } else if (role.kind === 'project') project = compactText(cell.text);
    else if (role.kind === 'name') names.push(cell.text.trim());
  }
  let name = compactText(names.join(' '));
  let code: string | null = null;
  if (joined) code = joined;
  else if (parts.some((p) => p)) {
    const full = parts.filter((p) => p.length === 5 || p.length === 7).sort((a, b) => b.length - a.length)[0];
    if (full && CODE.test(full)) code = full;
    else {
      if (!parts[1] && parts[2]) parts[1] = st.last[1] ?? '';
      if (!parts[0] && parts[1]) parts[0] = st.last[0] ?? '';
      let c = '';
      for (const p of parts) {
        if (!p) break;
        c += p;
      }
      if (CODE.test(c)) code = c;
    }
  } else {
    const m = CODE_AND_NAME.exec(name);
    if (m && st.spec.rows !== 'lines') {
      code = m[1]!;
      name = compactText(m[2]!);
    }
  }
  if (code) st.last = [code.slice(0, 3), code.slice(3, 5), code.slice(5, 7)];
  return { code, name, project };
}

export interface SheetTable {
  spec: TableSpec;
  sheet: Sheet;
  /** index in sheet.rows of the title row, and one past the table's last row */
  start: number;
  end: number;
  title: GridCell;
}

/** Read one table of a sheet into a draft. */
export function readSheetTable(at: SheetTable, prov: Provenance, catalog: Catalog | null): DraftTable {
  const { spec, sheet } = at;
  const rows = sheet.rows.slice(at.start, at.end);
  const table = draftTable(spec, []);
  table.title = compactText(at.title.text);
  table.line = prov.line(sheet, at.title.r, at.title.c);
  const before = sheet.rows[at.start - 1];
  for (const cell of [
    ...(before && at.title.r - before.r <= 2 ? before.cells.values() : []),
    ...rows[0]!.cells.values(),
  ])
    if (TABLE_NUMBER.test(squash(cell.text))) table.number = cell.text.trim();
  // Title block: 编制单位 and 单位 on the rows under the title (or beside it).
  let i = 1;
  for (let k = 0; k < Math.min(rows.length, 6); k++) {
    const texts = rowTexts(rows[k]!);
    let meta = k > 0 && texts.length > 0 && texts.length === rows[k]!.cells.size;
    for (const text of texts) {
      const u = unitOf(text);
      const m = MAKER.exec(text);
      if (u) table.unit = u;
      if (m) table.unitName = m[1];
      if (!u && !m && !TABLE_NUMBER.test(squash(text))) meta = false;
    }
    if (k === i && meta) i = k + 1;
  }
  // Header rows up to the first body row.
  const headers = headerTexts(spec);
  const headerRows: SheetRow[] = [];
  // (A row of column numbers, 栏次 1 2 3, belongs to the header but names no column.)
  for (; i < rows.length && !isBodyRow(rows[i]!, spec, headers) && headerRows.length < 8; i++)
    if (!rowTexts(rows[i]!).some((t) => squash(t) === '栏次')) headerRows.push(rows[i]!);
  const paths = headerPaths(headerRows, sheet.merges);
  const columns = templateColumns(spec, paths);
  const missing = spec.blocks.filter((_, k) => !columns[k]).map((b) => b.id);
  if (missing.length > 0) {
    table.problems.push({
      message: `${spec.id}: column headers not all found in the sheet (${missing.join(', ')}); those columns are decided by the identities`,
      line: table.line,
    });
  }
  const unplacedCol = [...paths].find(([, p]) => squash(p[p.length - 1] ?? '') === UNPLACED_HEADER)?.[0];
  let prevEnd = -1;
  let prevStart = -1;
  const states: BlockState[] = spec.blocks.map((b, k) => {
    const cols = columns[k] ?? null;
    const shares = cols && k > 0 && columns[k - 1] === cols ? k - 1 : -1;
    if (shares >= 0) prevEnd = prevStart;
    const firstCol = cols ? cols[0]! : Infinity;
    const labels: BlockState['labels'] = [];
    const labelCols = new Set<number>();
    for (const [c] of paths) if (c > prevEnd && c < firstCol && c !== unplacedCol) labelCols.add(c);
    if (labelCols.size === 0 && cols) for (let c = prevEnd + 1; c < firstCol; c++) labelCols.add(c);
    for (const c of [...labelCols].sort((a, b) => a - b))
      labels.push({ c, role: labelRole(b, paths.get(c)) });
    if (cols && shares < 0) prevStart = prevEnd;
    if (cols) prevEnd = cols[cols.length - 1]!;
    return {
      spec: b,
      shares,
      columns: cols,
      labels,
      specs: [...(b.lines ?? []), ...(b.total ? [b.total] : [])],
      pos: 0,
      last: [],
      path: (b.paths ?? []).map(() => ''),
      unlabelledUsed: false,
    };
  });
  const headerKeys = new Set(headerRows.map(rowKey));
  const statement: string[] = [];
  for (; i < rows.length; i++) {
    const row = rows[i]!;
    const texts = rowTexts(row);
    if (headerKeys.has(rowKey(row))) continue; // the header repeated (a table over several pages)
    if (texts.length === 1 && row.cells.size === 1 && TABLE_NUMBER.test(squash(texts[0]!))) continue;
    if (statement.length > 0) {
      if (texts.length > 0) statement.push(texts.join(' '));
      continue;
    }
    let started: DraftRow | null = null;
    let text = false;
    // Blocks sharing columns: the later one takes the rows whose label is one of its lines.
    const skip = new Set<BlockState>();
    for (const st of states) if (st.shares >= 0) skip.add(claims(st, row) ? states[st.shares]! : st);
    for (const st of states) {
      if (skip.has(st)) continue;
      const r = readBlockRow(st, row, sheet, table, prov, catalog);
      if (r === 'text') text = true;
      else if (r) started = r;
    }
    if (started && unplacedCol !== undefined)
      unplaced(row.cells.get(unplacedCol), started, sheet, prov, table);
    if (started || !text) continue;
    const all = texts.join(' ');
    const empty = spec.emptyStatement ? new RegExp(spec.emptyStatement) : null;
    if (NOTE.test(all) || empty?.test(squash(all)) || texts.length === 1) statement.push(all);
    else {
      const first = [...row.cells.values()][0]!;
      table.noise.push({ raw: all, line: prov.line(sheet, first.r, first.c) });
    }
  }
  if (statement.length > 0) table.statement = compactText(statement.join(' '));
  for (const r of table.rows) if (!r.label) r.label = compactText(r.text.join(' '));
  return table;
}

/** Numbers of the unplaced column: `12.50（候选：工资福利支出／商品和服务支出）；…`. */
function unplaced(
  cell: GridCell | undefined,
  row: DraftRow,
  sheet: Sheet,
  prov: Provenance,
  table: DraftTable,
): void {
  const text = cellText(cell);
  if (!cell || !text) return;
  const source = { sheet: sheet.name, cell: address(cell.r, cell.c) };
  const list = prov.unplaced.get(row) ?? [];
  for (const part of text.split(/[；;]/)) {
    const m = /^\s*([^（(\s]+)\s*(?:[（(]候选[：:](.*)[）)])?\s*$/.exec(part);
    if (!m || !parseNumber(m[1]!)) {
      if (part.trim()) table.noise.push({ raw: part.trim(), line: prov.line(sheet, cell.r, cell.c) });
      continue;
    }
    const candidates = (m[2] ?? '').split(/[／/]/).filter((c) => c.trim() !== '');
    list.push({ text: m[1]!, candidates, source });
  }
  prov.unplaced.set(row, list);
}

/** The numbers a row prints in a block's columns, each with its template column. */
function numbersOf(
  st: BlockState,
  row: SheetRow,
  line: number,
  sheet: Sheet,
  table: DraftTable,
  prov: Provenance,
): NumToken[] {
  const out: NumToken[] = [];
  if (!st.columns) return out;
  st.columns.forEach((c, k) => {
    const cell = row.cells.get(c);
    if (!cell) return;
    const source = { sheet: sheet.name, cell: address(cell.r, cell.c) };
    let text: string;
    if (cell.num !== undefined) {
      const shown = shownNumber(cell.num, cell.fmt);
      text = shown.text;
      if (shown.off) {
        table.problems.push({
          message: `${table.spec.id}: the cell stores ${shown.off} but shows ${shown.text} (format ${cell.fmt ?? 'General'}); read as shown`,
          line: prov.line(sheet, cell.r, cell.c),
          raw: shown.off,
        });
      }
    } else {
      text = cell.text.trim();
      if (!text) return;
      if (!parseNumber(text)) {
        table.noise.push({ raw: text, line: prov.line(sheet, cell.r, cell.c) });
        return;
      }
    }
    const tok: NumToken = { text, line, column: st.spec.columns[k]!.id };
    prov.tokens.set(tok, source);
    out.push(tok);
  });
  return out;
}

/** A row of a block printed on one sheet row; 'text' for a label no row starts with; null for nothing. */
function readBlockRow(
  st: BlockState,
  row: SheetRow,
  sheet: Sheet,
  table: DraftTable,
  prov: Provenance,
  catalog: Catalog | null,
): DraftRow | 'text' | null {
  const b = st.spec;
  const labelCells = st.labels
    .map((l) => row.cells.get(l.c))
    .filter((c): c is GridCell => !!c && !!c.text.trim());
  const firstCell =
    labelCells[0] ?? (st.columns ? st.columns.map((c) => row.cells.get(c)).find((c) => c) : undefined);
  if (!firstCell) return null;
  const line = prov.line(sheet, row.r, firstCell.c);
  const nums = numbersOf(st, row, line, sheet, table, prov);
  const raw = [...labelCells.map((c) => c.text.trim()), ...nums.map((n) => n.text)].join(' ');
  const start = (kind: DraftRow['kind'], key: string, label: string): DraftRow => {
    const r = newRow(b.id, kind, key, line);
    r.label = label;
    r.raw.push(raw);
    r.numbers = nums;
    table.rows.push(r);
    return r;
  };
  if (b.rows === 'paths') return pathRow(st, row, start, nums.length > 0);
  const { code, name, project } = codeOf(st, row);
  const label = compactText([name, project].filter((x) => x).join(' '));
  if (code && LEVELS[code.length]) {
    const level = LEVELS[code.length]!;
    if (b.rows === 'projects' && level === '项') {
      const title = project || name;
      const r = start('project', title || code, title);
      r.code = code;
      r.level = level;
      r.text = project && name ? [name] : [];
      return r;
    }
    const r = start('code', code, name);
    r.code = code;
    r.level = level;
    r.text = [name];
    return r;
  }
  const key = labelKey(label);
  if (label && b.total?.labels.some((l) => labelKey(l) === key)) return start('total', b.total.id, label);
  if (label && b.rows === 'lines') {
    const m = matchLine(label, st.specs, st.pos);
    if (m && m !== 'prefix') {
      const spec = st.specs[m.index]!;
      st.pos = m.index + 1;
      return start(spec === b.total ? 'total' : 'line', spec.id, label);
    }
  }
  if (label && b.rows === 'functional') {
    const byName = codeByName(label, b, catalog);
    if (byName) {
      const r = start('code', byName, label);
      r.code = byName;
      r.level = LEVELS[byName.length];
      return r;
    }
  }
  if (label && b.rows !== 'lines' && (nums.length > 0 || CLASS_ORDINAL.test(label))) {
    table.problems.push({
      message: `${table.spec.id}: a row without a code, kept under its name`,
      line,
      raw: label,
    });
    return start('line', key, label);
  }
  if (!label && nums.length > 0 && b.rows === 'lines' && !st.unlabelledUsed) {
    const spec = st.specs.find((s) => s.labels.length === 0);
    if (spec) {
      st.unlabelledUsed = true;
      return start(spec === b.total ? 'total' : 'line', spec.id, '');
    }
  }
  if (label && nums.length > 0) {
    table.problems.push({ message: `unrecognised row label in ${table.spec.id}`, line, raw: label });
    for (const n of nums) table.noise.push({ raw: n.text, line });
    return 'text';
  }
  if (nums.length > 0) for (const n of nums) table.noise.push({ raw: n.text, line });
  return label ? 'text' : null;
}

/**
 * A row named by a path of text columns (procurement): each printed cell replaces its column and
 * clears the columns right of it; group columns carry down; the key is the path up to the rightmost
 * printed column (as the PDF reader keys them).
 */
function pathRow(
  st: BlockState,
  row: SheetRow,
  start: (kind: DraftRow['kind'], key: string, label: string) => DraftRow,
  hasNumbers: boolean,
): DraftRow | 'text' | null {
  const b = st.spec;
  const printed = st.path.map(() => '');
  const other: string[] = [];
  for (const { c, role } of st.labels) {
    const t = compactText(cellText(row.cells.get(c)));
    if (!t) continue;
    if (role.kind === 'path') printed[role.index] = t;
    else other.push(t);
  }
  const all = compactText([...other, ...printed.filter((p) => p)].join(''));
  if (all && b.total?.labels.some((l) => labelKey(l) === labelKey(all)))
    return start('total', b.total.id, all);
  const first = printed.findIndex((p) => p !== '');
  if (first < 0) return all ? 'text' : null;
  const deepest = printed.reduce((d, p, k) => (p ? k : d), -1);
  const groups = b.pathGroups ?? printed.length;
  for (let k = first; k < st.path.length; k++) st.path[k] = '';
  for (let k = first; k <= deepest; k++) st.path[k] = labelKey(printed[k]!);
  if (first >= groups) for (let k = groups; k < first; k++) st.path[k] = '';
  const key = st.path.slice(0, deepest + 1).join('/');
  if (!hasNumbers && !key) return 'text';
  return start('line', key, printed.slice(first, deepest + 1).join('/'));
}
