/**
 * Placing printed numbers in columns. Extraction keeps a row's numbers in printed order but drops
 * blank cells, so a row with fewer numbers than columns does not say where each number belongs.
 * We enumerate every order-preserving assignment (and, where a number may have been split across
 * lines, every way of joining the pieces), then keep the assignments that satisfy the most declared
 * identities (row formulas, hierarchy sums, cross-table equalities) with the smallest total
 * difference, propagating until nothing changes. Other rows' unknown cells enter as intervals over
 * their remaining candidates, so a row is only decided by evidence that does not depend on a guess.
 * Cells whose column still differs between equally good assignments stay unresolved.
 */
import type { Instance } from '../identities/instances.ts';
import type { MoneyUnit } from '../money/index.ts';
import { parseNumber, toFen } from '../money/index.ts';
import { CandidateStore, type Reading, readingsOf } from './place/candidates.ts';
import { compileInstances } from './place/constraints.ts';
import { type RowVar, Solver } from './place/solver.ts';

export interface NumToken {
  text: string;
  line: number;
  /** PDF provenance: page, and the span's left edge and baseline (from the top of the page) */
  page?: number;
  x?: number;
  y?: number;
  /** the column the number's position on the page puts it in (PDF tables) */
  column?: string;
}

/** The columns of a row whose every number was placed by its position on the page, else null. */
function pinnedColumns(row: PlaceRow, first: Reading | undefined): number[] | null {
  if (row.numbers.length === 0 || row.numbers.some((n) => n.column === undefined)) return null;
  if (!first || first.groups.length !== row.numbers.length) return null;
  const cols = row.numbers.map((n) => row.columns.indexOf(n.column!));
  for (let i = 0; i < cols.length; i++) if (cols[i]! < 0 || (i > 0 && cols[i]! <= cols[i - 1]!)) return null;
  return cols;
}

export interface PlaceRow {
  table: string;
  key: string;
  columns: string[];
  /**
   * The first column is the row's total (the template says so): a row that prints any amount
   * prints its total, so the first number belongs there. This only removes assignments in which
   * the total is blank and the row formula fails anyway.
   */
  totalFirst?: boolean;
  numbers: NumToken[];
  unit: MoneyUnit;
}

export interface PlacedNumber {
  /** Joined tokens (one token, or two when a number was split across lines). */
  tokens: NumToken[];
  value: string;
  fen: number;
  column: string | null;
  placement: 'position' | 'identity' | 'identity-nearest' | 'unresolved';
  candidates?: string[];
  residual?: number;
}

export interface PlaceResult {
  numbers: PlacedNumber[];
  /** Numbers that could not be read as amounts or exceed the columns: kept raw. */
  problems: string[];
}

/** A bound on the candidates kept for one document (memory). */
const MAX_TOTAL_CANDIDATES = 200_000;

/**
 * Place the numbers of every row of a document at once. `instances` are the expanded identities;
 * rows of all tables take part so that cross-table identities can decide.
 */
export function placeRows(rows: PlaceRow[], instances: Instance[]): PlaceResult[] {
  const index = new Map<string, Map<string, number>>();
  const colIndex: Map<string, number>[] = [];
  const columnMaps = new Map<string[], Map<string, number>>();
  const list: RowVar[] = [];
  const store = new CandidateStore();
  const firstCell = new Int32Array(rows.length);
  let cells = 0;
  let total = 0;
  for (const row of rows) {
    const readings = readingsOf(row.numbers, row.unit);
    // Bounded memory: past the document's candidate budget, rows are not solved (left unresolved).
    const pinned = pinnedColumns(row, readings[0]);
    const cands = pinned
      ? store.pinned(readings, pinned)
      : total > MAX_TOTAL_CANDIDATES
        ? store.none()
        : store.add(readings, row.columns.length, row.totalFirst ?? false);
    total += cands.count;
    firstCell[list.length] = cells;
    list.push({
      row,
      readings,
      cands,
      initial: cands.count,
      group: list.length,
      firstCell: cells,
      overBudget: total > MAX_TOTAL_CANDIDATES && cands.count === 0 && readings.length > 0,
    });
    cells += row.columns.length;
    let rowsOfTable = index.get(row.table);
    if (!rowsOfTable) {
      rowsOfTable = new Map();
      index.set(row.table, rowsOfTable);
    }
    rowsOfTable.set(row.key, list.length - 1);
    let cols = columnMaps.get(row.columns);
    if (!cols) {
      cols = new Map(row.columns.map((c, i) => [c, i]));
      columnMaps.set(row.columns, cols);
    }
    colIndex.push(cols);
  }
  const solver = new Solver(list, compileInstances(instances, index, colIndex, firstCell), cells);
  solver.preferConsistentRows();
  solver.groupEqualRows();
  const exhausted = solver.solve();
  const fit = new Map<number, { residual: number; allSat: boolean }>();
  const fitOf = (g: number) => {
    let f = fit.get(g);
    if (!f) {
      f = solver.fit(g);
      fit.set(g, f);
    }
    return f;
  };
  return list.map((v) => {
    const r = finish(v, fitOf);
    if (exhausted && v.cands.count > 1) {
      r.problems.push(
        'the document is too large to place every number by its identities: this row was left open',
      );
    }
    return r;
  });
}

function finish(v: RowVar, fitOf: (group: number) => { residual: number; allSat: boolean }): PlaceResult {
  const problems: string[] = [];
  if (v.row.numbers.length === 0) return { numbers: [], problems };
  const c = v.cands;
  if (c.count === 0) {
    problems.push(
      v.overBudget
        ? 'the document is too large to place every number by its identities: this row was left open'
        : v.readings.length === 0
          ? `numbers ${v.row.numbers.map((n) => n.text).join(' ')} could not be read as amounts`
          : `${v.row.numbers.length} numbers for ${v.row.columns.length} columns`,
    );
    return {
      numbers: v.row.numbers.map((n) => {
        const p = parseNumber(n.text);
        let fen = 0;
        try {
          fen = p ? toFen(p.value, p.unit ?? v.row.unit) : 0;
        } catch {
          fen = 0;
        }
        return { tokens: [n], value: p?.text ?? n.text, fen, column: null, placement: 'unresolved' as const };
      }),
      problems,
    };
  }
  let sameReading = true;
  for (let j = 1; j < c.count; j++) if (c.readingOf(j) !== c.readingOf(0)) sameReading = false;
  const reading = v.readings[c.readingOf(0)]!;
  let residual = 0;
  let allSat = true;
  if (v.initial > 1 && c.count === 1) ({ residual, allSat } = fitOf(v.group));
  const numbers: PlacedNumber[] = [];
  for (let i = 0; i < reading.groups.length; i++) {
    const placed: PlacedNumber = {
      tokens: reading.groups[i]!,
      value: reading.text[i]!,
      fen: reading.fen[i]!,
      column: null,
      placement: 'position',
    };
    numbers.push(placed);
    if (v.initial === 1) {
      placed.column = v.row.columns[c.col(0, i)]!;
      continue;
    }
    const cols = new Set<number>();
    for (let j = 0; j < c.count; j++) cols.add(sameReading ? c.col(j, i) : -1);
    if (cols.size === 1 && sameReading) {
      placed.column = v.row.columns[c.col(0, i)]!;
      placed.placement = allSat ? 'identity' : 'identity-nearest';
      if (!allSat) placed.residual = residual;
      continue;
    }
    placed.placement = 'unresolved';
    placed.candidates = [...cols].filter((c) => c >= 0).map((c) => v.row.columns[c]!);
  }
  if (!sameReading) problems.push('the row can be read with and without joining a number split across lines');
  return { numbers, problems };
}
