/**
 * Expand a template's declared identities into concrete instances over a document's rows:
 * `Σ left (=|≤) Σ right`, each term a cell (table, row, column). The text and PDF readers use the
 * instances to place numbers in columns; the checker uses the same instances to report failures.
 */
import type { CellRef, Identity, Template } from '../templates/schema.ts';

export interface RowShape {
  key: string;
  kind: 'code' | 'line' | 'project' | 'total';
  block: string;
  code?: string;
  level?: '类' | '款' | '项';
}

export interface TableShape {
  id: string;
  rows: RowShape[];
  /** Column ids by block. */
  columns: Map<string, string[]>;
}

export interface Term {
  table: string;
  row: string;
  column: string;
}

export interface Instance {
  identity: string;
  op: 'eq' | 'le';
  left: Term[];
  right: Term[];
  /** A short human description of which rows and columns this instance covers. */
  where: string;
}

const LEVEL_LEN: Record<string, number> = { 类: 3, 款: 5, 项: 7 };

function byCode(rows: RowShape[]): Map<string, RowShape[]> {
  const map = new Map<string, RowShape[]>();
  for (const r of rows) {
    if (!r.code) continue;
    const list = map.get(r.code);
    if (list) list.push(r);
    else map.set(r.code, [r]);
  }
  return map;
}

/** The codes of two groupings, each once, sorted. */
function codesOf(left: Map<string, RowShape[]>, right: Map<string, RowShape[]>): string[] {
  const codes = [...left.keys()];
  for (const code of right.keys()) if (!left.has(code)) codes.push(code);
  return codes.sort();
}

/** The cells of some rows in some columns, row by row. */
function cellsOf(table: string, rows: RowShape[] | undefined, columns: string[]): Term[] {
  const terms: Term[] = [];
  if (rows) for (const r of rows) for (const column of columns) terms.push({ table, row: r.key, column });
  return terms;
}

function colsOf(ref: CellRef): string[] {
  return ref.columns ?? [ref.column];
}

function rowsOf(t: TableShape, block?: string): RowShape[] {
  return block ? t.rows.filter((r) => r.block === block) : t.rows;
}

function selectRows(t: TableShape, ref: CellRef): RowShape[] {
  const rows = rowsOf(t, ref.block);
  if (ref.row !== undefined) return rows.filter((r) => r.key === ref.row);
  switch (ref.rows) {
    case 'projects':
      return rows.filter((r) => r.kind === 'project');
    case 'all':
      return rows.filter((r) => r.kind === 'code');
    case undefined:
      return [];
    default:
      return rows.filter((r) => r.kind === 'code' && r.code?.length === LEVEL_LEN[ref.rows!]);
  }
}

/**
 * Children of a code row, by layout: the rows printed after it, one level down, until a row at its
 * level or above. For a correct table this is the same as grouping by code prefix; when a code is
 * misprinted (an economic row printed as `201 11` among the 301 rows) the layout still says where the
 * row belongs, and the misprint is left to the classification rules.
 */
function childrenOf(parent: RowShape, rows: RowShape[], at: number): RowShape[] {
  const depth = (r: RowShape): number => (r.kind === 'project' ? 99 : (r.code?.length ?? 0));
  const mine = depth(parent);
  const below: RowShape[] = [];
  let next = Number.POSITIVE_INFINITY;
  for (let i = at + 1; i < rows.length; i++) {
    const r = rows[i]!;
    if (r.kind === 'total' || r.kind === 'line') break;
    const d = depth(r);
    if (r.kind === 'code' && d <= mine) break;
    below.push(r);
    if (d < next) next = d;
  }
  return below.filter((r) => depth(r) === next);
}

function topRows(rows: RowShape[]): RowShape[] {
  const codes = rows.filter((r) => r.kind === 'code' && r.code);
  if (codes.length === 0) return rows.filter((r) => r.kind === 'project');
  const min = Math.min(...codes.map((r) => r.code!.length));
  return codes.filter((r) => r.code!.length === min);
}

/** The instances of one identity, as a list. */
export function expandIdentity(id: Identity, tables: Map<string, TableShape>): Instance[] {
  return [...instancesOf(id, tables)];
}

/**
 * The instances of one identity, one at a time. The checker evaluates each as it comes and drops it,
 * so a large document's instances never all live at once (they die young, which keeps collection
 * cheap and the check's time linear in the rows).
 */
export function* instancesOf(id: Identity, tables: Map<string, TableShape>): Generator<Instance> {
  const term = (table: string, row: string, column: string): Term => ({ table, row, column });
  switch (id.kind) {
    case 'row': {
      const t = tables.get(id.table);
      if (!t) return;
      for (const r of rowsOf(t, id.block)) {
        yield {
          identity: id.id,
          op: 'eq',
          left: [term(t.id, r.key, id.total)],
          right: id.parts.map((p) => term(t.id, r.key, p)),
          where: r.key,
        };
      }
      return;
    }
    case 'tree': {
      const t = tables.get(id.table);
      if (!t) return;
      const rows = rowsOf(t, id.block);
      const block = id.block ?? rows[0]?.block ?? 'main';
      const columns = id.columns ?? t.columns.get(block) ?? [];
      for (let at = 0; at < rows.length; at++) {
        const parent = rows[at]!;
        if (parent.kind !== 'code' || !parent.code) continue;
        const kids = childrenOf(parent, rows, at);
        if (kids.length === 0) continue;
        for (const c of columns) {
          yield {
            identity: id.id,
            op: 'eq',
            left: [term(t.id, parent.key, c)],
            right: kids.map((k) => term(t.id, k.key, c)),
            where: `${parent.key} ${c}`,
          };
        }
      }
      const total = id.total ? rows.find((r) => r.key === id.total) : undefined;
      const tops = topRows(rows);
      if (total && tops.length > 0) {
        for (const c of columns) {
          yield {
            identity: id.id,
            op: 'eq',
            left: [term(t.id, total.key, c)],
            right: tops.map((k) => term(t.id, k.key, c)),
            where: `${total.key} ${c}`,
          };
        }
      }
      return;
    }
    case 'path-tree': {
      // Rows keyed by paths (`货物A/专项/经济科目/物品/组织形式`): each row is the sum of the rows whose
      // nearest printed ancestor it is; the total is the sum of the outermost rows.
      const t = tables.get(id.table);
      if (!t) return;
      const keys = t.rows.filter((r) => r.key !== id.total).map((r) => r.key);
      const keySet = new Set(keys);
      // the longest printed key that is a whole-segment prefix of k
      const parentOf = (k: string): string | null => {
        for (let i = k.lastIndexOf('/'); i > 0; i = k.lastIndexOf('/', i - 1)) {
          const prefix = k.slice(0, i);
          if (keySet.has(prefix)) return prefix;
        }
        return null;
      };
      const kids = new Map<string | null, string[]>();
      for (const k of keys) {
        const p = parentOf(k);
        const list = kids.get(p);
        if (list) list.push(k);
        else kids.set(p, [k]);
      }
      for (const [p, list] of kids) {
        const left = p ?? id.total;
        if (!left) continue;
        yield {
          identity: id.id,
          op: 'eq',
          left: [term(t.id, left, id.column)],
          right: list.map((k) => term(t.id, k, id.column)),
          where: `${left} ${id.column}`,
        };
      }
      return;
    }
    case 'lines': {
      const t = tables.get(id.table);
      if (!t) return;
      const block = id.block ?? t.rows[0]?.block ?? 'main';
      const columns = id.column === '*' ? (t.columns.get(block) ?? []) : [id.column];
      for (const c of columns) {
        yield {
          identity: id.id,
          op: 'eq',
          left: [term(t.id, id.total, c)],
          right: id.parts.map((p) => term(t.id, p, c)),
          where: `${id.total} ${c}`,
        };
      }
      return;
    }
    case 'equal':
    case 'le': {
      const side = (refs: CellRef[]): Term[] | null => {
        const terms: Term[] = [];
        for (const ref of refs) {
          const t = tables.get(ref.table);
          if (!t) return null;
          for (const c of colsOf(ref)) {
            for (const r of selectRows(t, ref)) terms.push(term(t.id, r.key, c));
            if (ref.row !== undefined && !t.rows.some((r) => r.key === ref.row)) {
              // A fixed line that was not printed at all reads as blank (zero).
              terms.push(term(t.id, ref.row, c));
            }
          }
        }
        return terms;
      };
      const left = side(id.left);
      const right = side(id.right);
      if (left && right) {
        yield { identity: id.id, op: id.kind === 'equal' ? 'eq' : 'le', left, right, where: '' };
      }
      return;
    }
    case 'match': {
      const lt = tables.get(id.left.table);
      const rt = tables.get(id.right.table);
      if (!lt || !rt) return;
      const left = byCode(selectRows(lt, id.left));
      const right = byCode(selectRows(rt, id.right));
      const op = id.op === 'le' ? 'le' : 'eq';
      const leftColumns = colsOf(id.left);
      const rightColumns = colsOf(id.right);
      const codes = id.codes === 'left' ? [...left.keys()].sort() : codesOf(left, right);
      for (const code of codes) {
        yield {
          identity: id.id,
          op,
          left: cellsOf(lt.id, left.get(code), leftColumns),
          right: cellsOf(rt.id, right.get(code), rightColumns),
          where: code,
        };
      }
      return;
    }
    case 'sum-by-code': {
      const lt = tables.get(id.left.table);
      const rt = tables.get(id.right.table);
      if (!lt || !rt) return;
      const left = byCode(selectRows(lt, id.left));
      const right = byCode(selectRows(rt, id.right));
      const leftColumns = [id.left.column];
      const rightColumns = [id.right.column];
      for (const code of codesOf(left, right)) {
        yield {
          identity: id.id,
          op: 'eq',
          left: cellsOf(lt.id, left.get(code), leftColumns),
          right: cellsOf(rt.id, right.get(code), rightColumns),
          where: code,
        };
      }
      return;
    }
  }
}

export function expandAll(template: Template, tables: Map<string, TableShape>): Instance[] {
  const out: Instance[] = [];
  for (const id of template.identities) for (const inst of expandIdentity(id, tables)) out.push(inst);
  return out;
}
