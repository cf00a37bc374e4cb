/**
 * A document's identity instances compiled to row and column indices, stored flat: the terms of
 * instance ii are `start[ii]` to `start[ii + 1] - 1`, each a row (`row`), a column of that row
 * (`col`), that cell's index among all the document's cells (`cell`), and a sign (+1 on the left
 * side, −1 on the right). Terms on rows never printed are dropped (blank).
 */
import type { Instance, Term } from '../../identities/instances.ts';

export interface Constraints {
  count: number;
  start: Int32Array;
  row: Int32Array;
  col: Int32Array;
  cell: Int32Array;
  sign: Int8Array;
  /** 1 for `Σ left = Σ right`, 0 for `Σ left ≤ Σ right` */
  eq: Uint8Array;
}

/**
 * `rowIndex` finds a printed row by table and key; `columnIndex[r]` the columns of row r by id;
 * row r's cells are numbered from `firstCell[r]`.
 */
export function compileInstances(
  instances: Instance[],
  rowIndex: Map<string, Map<string, number>>,
  columnIndex: Map<string, number>[],
  firstCell: Int32Array,
): Constraints {
  let size = 0;
  for (const inst of instances) size += inst.left.length + inst.right.length;
  const start = new Int32Array(instances.length + 1);
  const row = new Int32Array(size);
  const col = new Int32Array(size);
  const cell = new Int32Array(size);
  const sign = new Int8Array(size);
  const eq = new Uint8Array(instances.length);
  let n = 0;
  const add = (t: Term, s: number) => {
    const r = rowIndex.get(t.table)?.get(t.row);
    if (r === undefined) return;
    const c = columnIndex[r]!.get(t.column);
    if (c === undefined) return;
    row[n] = r;
    col[n] = c;
    cell[n] = firstCell[r]! + c;
    sign[n] = s;
    n++;
  };
  instances.forEach((inst, ii) => {
    start[ii] = n;
    eq[ii] = inst.op === 'eq' ? 1 : 0;
    for (const t of inst.left) add(t, 1);
    for (const t of inst.right) add(t, -1);
  });
  start[instances.length] = n;
  return { count: instances.length, start, row, col, cell, sign, eq };
}
