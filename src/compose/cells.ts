/** Building model cells, rows and tables of a composed document: every cell printed, by position. */
import type { Cell, Row, Table } from '../model/schema.ts';
import { formatAmount, type MoneyUnit, parseAmount } from '../money/index.ts';
import type { TableSpec } from '../templates/schema.ts';

/** Exact fen of a facts amount (validated by the facts schema). */
export function fenOf(amount: string, unit: MoneyUnit): number {
  const fen = parseAmount(amount, unit);
  if (fen === null) throw new Error(`not an amount: ${amount}`);
  return fen;
}

/** An amount as the composer prints it in tables and text: two decimals. */
export function money(fen: number, unit: MoneyUnit): string {
  return formatAmount(fen, unit);
}

export function cell(column: string, fen: number, unit: MoneyUnit): Cell {
  const text = money(fen, unit);
  return { column, value: text, raw: text, fen, unit, placement: 'position', source: {} };
}

/** Values by column id; a column without a value is zero. */
export type Values = Map<string, number>;

export function rowOf(
  base: Omit<Row, 'cells' | 'raw' | 'source'>,
  columns: string[],
  values: Values,
  unit: MoneyUnit,
): Row {
  const cells = columns.map((c) => cell(c, values.get(c) ?? 0, unit));
  // raw is set from the printed line once the table is complete (compose.ts)
  return { ...base, raw: '', cells, source: {} };
}

/** A table shell from its spec: title, number, unit, columns. Rows are added by the caller. */
export function tableOf(spec: TableSpec, unitName: string, rows: Row[], statement?: string): Table {
  const two = spec.blocks.length > 1;
  const t: Table = {
    id: spec.id,
    title: spec.titles[0]!,
    unitName,
    unit: spec.unit,
    columns: spec.blocks.flatMap((b) =>
      b.columns.map((c) => ({ id: c.id, header: c.header, ...(two ? { block: b.id } : {}) })),
    ),
    rows,
    noise: [],
    source: {},
  };
  if (spec.number) t.number = spec.number;
  if (statement) t.statement = statement;
  return t;
}
