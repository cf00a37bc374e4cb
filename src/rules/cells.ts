/** Reading cell values of the model for rules: printed, blank (zero) or unknown (unresolved column). */
import type { Instance } from '../identities/instances.ts';
import type { Cell, Disclosure, Row, Table } from '../model/schema.ts';
import {
  formatAmount,
  type MoneyUnit,
  parseNumber,
  plainToFen,
  toFen,
  UNIT_EXPONENT,
} from '../money/index.ts';

export interface CellValue {
  fen: number;
  /** the printed cell, absent when printed blank */
  cell?: Cell;
  row?: Row;
  table?: Table;
  /** decimals printed */
  scale: number;
}

export class CellIndex {
  /** table → row → column → printed cell */
  private readonly cells = new Map<string, Map<string, Map<string, Cell>>>();
  private readonly rows = new Map<string, Map<string, Row>>();
  /** table → row → columns that may hold one of its unresolved numbers */
  private readonly unknown = new Map<string, Map<string, Set<string>>>();
  readonly tables = new Map<string, Table>();

  constructor(doc: Disclosure) {
    for (const t of doc.tables) {
      this.tables.set(t.id, t);
      const rows = new Map<string, Row>();
      const cells = new Map<string, Map<string, Cell>>();
      const unknown = new Map<string, Set<string>>();
      for (const r of t.rows) {
        rows.set(r.key, r);
        const byColumn = new Map<string, Cell>();
        for (const c of r.cells) {
          if (c.column !== null) {
            byColumn.set(c.column, c);
            continue;
          }
          const set = unknown.get(r.key) ?? new Set<string>();
          for (const x of c.candidates ?? t.columns.map((col) => col.id)) set.add(x);
          unknown.set(r.key, set);
        }
        cells.set(r.key, byColumn);
      }
      this.rows.set(t.id, rows);
      this.cells.set(t.id, cells);
      this.unknown.set(t.id, unknown);
    }
  }

  /** The value of a cell; null when an unresolved number of the row may belong to this column. */
  value(table: string, row: string, column: string): CellValue | null {
    const cell = this.cells.get(table)?.get(row)?.get(column);
    const t = this.tables.get(table);
    const r = this.rows.get(table)?.get(row);
    if (cell) return { fen: cell.fen ?? 0, cell, row: r!, table: t!, scale: scaleOf(cell.value) };
    if (this.unknown.get(table)?.get(row)?.has(column)) return null;
    return { fen: 0, ...(r && t ? { row: r, table: t } : {}), scale: 0 };
  }

  /**
   * The printed cell, as `value` reads it without building a CellValue: the cell, `undefined` when
   * printed blank, null when an unresolved number of the row may belong to this column.
   */
  printed(table: string, row: string, column: string): Cell | undefined | null {
    const cell = this.cells.get(table)?.get(row)?.get(column);
    if (cell) return cell;
    if (this.unknown.get(table)?.get(row)?.has(column)) return null;
    return undefined;
  }

  row(table: string, row: string): Row | undefined {
    return this.rows.get(table)?.get(row);
  }

  unit(table: string): MoneyUnit {
    return this.tables.get(table)?.unit ?? '万元';
  }
}

export function scaleOf(value: string): number {
  const i = value.indexOf('.');
  return i < 0 ? 0 : value.length - i - 1;
}

export interface Evaluated {
  left: number;
  right: number;
  /** the number of terms */
  count: number;
  /** the finest printed precision among the terms */
  scale: number;
}

/** Evaluate an instance on the printed values; null when a term's column is unknown. */
export function evaluate(idx: CellIndex, inst: Instance): Evaluated | null {
  let left = 0;
  let right = 0;
  let scale = 0;
  for (const term of inst.left) {
    const cell = idx.printed(term.table, term.row, term.column);
    if (cell === null) return null;
    if (cell) {
      left += cell.fen ?? 0;
      scale = Math.max(scale, scaleOf(cell.value));
    }
  }
  for (const term of inst.right) {
    const cell = idx.printed(term.table, term.row, term.column);
    if (cell === null) return null;
    if (cell) {
      right += cell.fen ?? 0;
      scale = Math.max(scale, scaleOf(cell.value));
    }
  }
  return { left, right, count: inst.left.length + inst.right.length, scale };
}

/** An amount in fen as text in a unit at a precision (2 by default). */
export function money(fen: number, unit: MoneyUnit, scale = 2): string {
  return formatAmount(fen, unit, { precision: Math.max(scale, 2) });
}

/** Fen of a printed amount text in a unit (for claims), or null. */
export function fenOf(text: string, unit: MoneyUnit): number | null {
  // a plain decimal reads the same on the fast path (null there too when finer than a fen)
  const plain = plainToFen(text, unit);
  if (plain !== null) return plain;
  const n = parseNumber(text);
  if (!n || n.percent) return null;
  try {
    return toFen(n.value, n.unit ?? unit);
  } catch {
    return null; // finer than a fen, or out of the safe range
  }
}

/** One unit of the last printed digit, in fen, for a unit and scale. */
export function unitOfLastDigit(unit: MoneyUnit, scale: number): number {
  return 10 ** Math.max(0, UNIT_EXPONENT[unit] - scale);
}
