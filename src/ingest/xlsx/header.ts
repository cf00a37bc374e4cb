/**
 * A table's header in a sheet: the rows between its title block and its first row, merged cells
 * spread over the columns and rows they cover. Each sheet column gets the path of header texts
 * above it (outermost first); template columns are found left to right by their printed header
 * (or a variant), a column whose id names its parent (`公务用车购置及运行维护费/小计`) preferring a
 * sheet column under that parent.
 */
import type { BlockSpec, TableSpec } from '../../templates/schema.ts';
import { squash } from '../normalize.ts';
import type { Merge, Sheet } from './grid.ts';

/** Header text over the column of a workbook's unplaced numbers (see render/xlsx.ts). */
export const UNPLACED_HEADER = '未定列的数';

export type SheetRow = Sheet['rows'][number];

/** Column → header texts from top to bottom (merged cells counted once per column). */
export function headerPaths(rows: SheetRow[], merges: Merge[]): Map<number, string[]> {
  const first = rows[0]?.r ?? 0;
  const last = rows[rows.length - 1]?.r ?? -1;
  const at = new Map<number, Map<number, string>>();
  const put = (r: number, c: number, text: string) => {
    let m = at.get(c);
    if (!m) {
      m = new Map();
      at.set(c, m);
    }
    m.set(r, text);
  };
  for (const row of rows) {
    for (const cell of row.cells.values()) {
      const text = cell.text.trim();
      if (!text) continue;
      const m = merges.find((x) => x.r0 <= cell.r && cell.r <= x.r1 && x.c0 <= cell.c && cell.c <= x.c1);
      if (!m) {
        put(cell.r, cell.c, text);
        continue;
      }
      for (let r = Math.max(m.r0, first); r <= Math.min(m.r1, last); r++)
        for (let c = m.c0; c <= m.c1 && c - m.c0 < 256; c++) put(r, c, text);
    }
  }
  const out = new Map<number, string[]>();
  for (const [c, m] of [...at.entries()].sort((a, b) => a[0] - b[0])) {
    const path: string[] = [];
    for (const [, text] of [...m.entries()].sort((a, b) => a[0] - b[0]))
      if (path[path.length - 1] !== text) path.push(text);
    out.set(c, path);
  }
  return out;
}

/** The sheet column of every template column of a block, left to right after `after`; null if one is not found. */
function blockColumns(block: BlockSpec, paths: Map<number, string[]>, after: number): number[] | null {
  const out: number[] = [];
  let from = after;
  for (const col of block.columns) {
    const wants = [col.header, ...(col.variants ?? [])].map(squash);
    const parent = col.id.includes('/') ? squash(col.id.slice(0, col.id.lastIndexOf('/'))) : null;
    let found = -1;
    let loose = -1;
    for (const [c, path] of paths) {
      if (c <= from) continue;
      if (!wants.includes(squash(path[path.length - 1] ?? ''))) continue;
      if (!parent || path.slice(0, -1).some((p) => squash(p) === parent)) {
        found = c;
        break;
      }
      if (loose < 0) loose = c;
    }
    if (found < 0) found = loose;
    if (found < 0) return null;
    out.push(found);
    from = found;
  }
  return out;
}

const headersOf = (b: BlockSpec) => b.columns.map((c) => c.header).join('|');

/**
 * Sheet columns of each block's template columns; null for a block whose headers are not all found.
 * A block printed under the previous one in the same columns (Jiangsu 公开01表: classes, then the
 * uses of the expenditure) shares its columns: the same array.
 */
export function templateColumns(spec: TableSpec, paths: Map<number, string[]>): (number[] | null)[] {
  let after = -1;
  const out: (number[] | null)[] = [];
  spec.blocks.forEach((b, k) => {
    let cols = blockColumns(b, paths, after);
    const prev = out[k - 1];
    if (!cols && prev && headersOf(spec.blocks[k - 1]!) === headersOf(b)) cols = prev;
    if (cols) after = cols[cols.length - 1]!;
    out.push(cols);
  });
  return out;
}

/** Every printed header text of a table spec (for telling a header row from a total row). */
export function headerTexts(spec: TableSpec): Set<string> {
  const out = new Set<string>();
  for (const b of spec.blocks) {
    for (const c of b.columns) {
      out.add(squash(c.header));
      for (const v of c.variants ?? []) out.add(squash(v));
      if (c.id.includes('/')) for (const p of c.id.split('/')) out.add(squash(p));
    }
    for (const p of b.paths ?? []) out.add(squash(p));
  }
  return out;
}

export type LabelRole =
  | { kind: 'code' }
  | { kind: 'part'; index: number }
  | { kind: 'project' }
  | { kind: 'path'; index: number }
  | { kind: 'name' };

/** What a label column of a block holds, by its header. */
export function labelRole(block: BlockSpec, path: string[] | undefined): LabelRole {
  const leaf = squash(path?.[path.length - 1] ?? '');
  const part = ['类', '款', '项'].indexOf(leaf);
  if (part >= 0 && block.rows !== 'lines') return { kind: 'part', index: part };
  if (/编码|代码|编号/.test(leaf) && block.rows !== 'lines') return { kind: 'code' };
  if (block.rows === 'projects' && /项目名称/.test(leaf)) return { kind: 'project' };
  if (block.paths) {
    const i = block.paths.findIndex((p) => squash(p) === leaf);
    if (i >= 0) return { kind: 'path', index: i };
  }
  return { kind: 'name' };
}
