/** Reading cell values of the model for rules: printed, blank (zero) or unknown (unresolved column). */
import type { Instance, Term } from '../identities/instances.ts';
import type { Cell, Disclosure, Row, Table } from '../model/schema.ts';
import { formatAmount, type MoneyUnit, parseNumber } from '../money/index.ts';

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
  private readonly cells = new Map<string, { cell: Cell; row: Row; table: Table }>();
  private readonly rows = new Map<string, { row: Row; table: Table }>();
  /** row → columns that may hold one of its unresolved numbers */
  private readonly unknown = new Map<string, Set<string>>();
  readonly tables = new Map<string, Table>();

  constructor(doc: Disclosure) {
    for (const t of doc.tables) {
      this.tables.set(t.id, t);
      for (const r of t.rows) {
        this.rows.set(`${t.id}\u0000${r.key}`, { row: r, table: t });
        for (const c of r.cells) {
          if (c.column === null) {
            const set = this.unknown.get(`${t.id}\u0000${r.key}`) ?? new Set<string>();
            for (const x of c.candidates ?? t.columns.map((col) => col.id)) set.add(x);
            this.unknown.set(`${t.id}\u0000${r.key}`, set);
          } else this.cells.set(`${t.id}\u0000${r.key}\u0000${c.column}`, { cell: c, row: r, table: t });
        }
      }
    }
  }

  /** The value of a cell; null when an unresolved number of the row may belong to this column. */
  value(table: string, row: string, column: string): CellValue | null {
    const hit = this.cells.get(`${table}\u0000${row}\u0000${column}`);
    if (hit)
      return {
        fen: hit.cell.fen ?? 0,
        cell: hit.cell,
        row: hit.row,
        table: hit.table,
        scale: scaleOf(hit.cell.value),
      };
    if (this.unknown.get(`${table}\u0000${row}`)?.has(column)) return null;
    const r = this.rows.get(`${table}\u0000${row}`);
    return { fen: 0, ...(r ? { row: r.row, table: r.table } : {}), scale: 0 };
  }

  row(table: string, row: string): Row | undefined {
    return this.rows.get(`${table}\u0000${row}`)?.row;
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
  terms: { term: Term; side: 'left' | 'right'; value: CellValue }[];
  /** the finest printed precision among the terms */
  scale: number;
}

/** Evaluate an instance on the printed values; null when a term's column is unknown. */
export function evaluate(idx: CellIndex, inst: Instance): Evaluated | null {
  let left = 0;
  let right = 0;
  let scale = 0;
  const terms: Evaluated['terms'] = [];
  for (const [side, list] of [
    ['left', inst.left],
    ['right', inst.right],
  ] as const) {
    for (const term of list) {
      const v = idx.value(term.table, term.row, term.column);
      if (!v) return null;
      if (side === 'left') left += v.fen;
      else right += v.fen;
      scale = Math.max(scale, v.scale);
      terms.push({ term, side, value: v });
    }
  }
  return { left, right, terms, scale };
}

/** An amount in fen as text in a unit at a precision (2 by default). */
export function money(fen: number, unit: MoneyUnit, scale = 2): string {
  return formatAmount(fen, unit, { precision: Math.max(scale, 2) });
}

/** Fen of a printed amount text in a unit (for claims), or null. */
export function fenOf(text: string, unit: MoneyUnit): number | null {
  const n = parseNumber(text);
  if (!n || n.percent) return null;
  try {
    const exp = { 元: 2, 万元: 6, 亿元: 10 }[n.unit ?? unit];
    const s = n.value.scale;
    const units = n.value.units * 10n ** BigInt(Math.max(0, exp - s));
    return s > exp ? null : Number(units);
  } catch {
    return null;
  }
}

/** One unit of the last printed digit, in fen, for a unit and scale. */
export function unitOfLastDigit(unit: MoneyUnit, scale: number): number {
  const exp = { 元: 2, 万元: 6, 亿元: 10 }[unit];
  return 10 ** Math.max(0, exp - scale);
}
