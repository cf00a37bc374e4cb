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
import type { Instance, Term } from '../identities/instances.ts';
import type { MoneyUnit } from '../money/index.ts';
import { parseNumber, plainToFen, toFen } from '../money/index.ts';

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

interface Reading {
  groups: NumToken[][];
  fen: number[];
  text: string[];
}

interface Candidate {
  reading: number;
  /** column index per number of the reading */
  cols: number[];
}

interface RowVar {
  row: PlaceRow;
  readings: Reading[];
  cands: Candidate[];
  initial: number;
  /** not solved: the document's candidate budget was spent before this row */
  overBudget: boolean;
  /** Rows that must hold the same values (a parent printed with its only child): solved as one. */
  group: number;
  lo: number[];
  hi: number[];
}

const MAX_JOINS = 3;

function readingsOf(nums: NumToken[], unit: MoneyUnit): Reading[] {
  // A piece may continue the previous number when the previous piece ends its line with a decimal
  // point inside it and this piece is bare digits at the start of a later line ("3991.4" / "8").
  const joinable: number[] = [];
  for (let i = 0; i + 1 < nums.length; i++) {
    const a = nums[i]!;
    const b = nums[i + 1]!;
    if (a.line !== b.line && /\.\d*$/.test(a.text) && /^\d+$/.test(b.text)) joinable.push(i);
  }
  const sets = joinable.slice(0, MAX_JOINS);
  const out: Reading[] = [];
  for (let mask = 0; mask < 1 << sets.length; mask++) {
    const joinAt = new Set(sets.filter((_, j) => mask & (1 << j)));
    const groups: NumToken[][] = [];
    for (let i = 0; i < nums.length; i++) {
      if (joinAt.has(i - 1)) groups[groups.length - 1]!.push(nums[i]!);
      else groups.push([nums[i]!]);
    }
    const fen: number[] = [];
    const text: string[] = [];
    let ok = true;
    for (const g of groups) {
      const joined = g.length === 1 ? g[0]!.text : g.map((t) => t.text).join('');
      const fast = plainToFen(joined, unit);
      if (fast !== null) {
        fen.push(fast);
        text.push(joined);
        continue;
      }
      const p = parseNumber(joined);
      if (!p || p.percent) {
        ok = false;
        break;
      }
      try {
        fen.push(toFen(p.value, p.unit ?? unit));
      } catch {
        ok = false;
        break;
      }
      text.push(p.text);
    }
    if (ok) out.push({ groups, fen, text });
  }
  return out;
}

/** Call `emit` with every increasing k-subset of 0..n-1 (order-preserving assignments). */
function combinations(n: number, k: number, emit: (idx: number[]) => boolean): void {
  const idx = Array.from({ length: k }, (_, i) => i);
  for (;;) {
    if (!emit(idx)) return;
    let i = k - 1;
    while (i >= 0 && idx[i] === n - k + i) i--;
    if (i < 0) return;
    idx[i]!++;
    for (let j = i + 1; j < k; j++) idx[j] = idx[j - 1]! + 1;
  }
}

const MAX_CANDIDATES = 5000;
/** Identities with more cells than this do not take part in placing numbers (see placeRows). */
const MAX_TERMS = 64;
/**
 * A bound on the scoring work for one document (candidate × instance evaluations), so that a huge or
 * hostile document finishes in bounded time; rows still open then stay unresolved, and say so.
 */
const WORK_BUDGET = 5_000_000;
/** A bound on the candidates kept for one document (memory). */
const MAX_TOTAL_CANDIDATES = 200_000;

function candidatesOf(readings: Reading[], ncols: number, totalFirst: boolean): Candidate[] {
  const out: Candidate[] = [];
  readings.forEach((r, ri) => {
    const k = r.fen.length;
    if (k > ncols) return;
    if (totalFirst && k > 0) {
      combinations(ncols - 1, k - 1, (idx) => {
        const cols = new Array<number>(k);
        cols[0] = 0;
        for (let i = 0; i < k - 1; i++) cols[i + 1] = idx[i]! + 1;
        out.push({ reading: ri, cols });
        return out.length <= MAX_CANDIDATES;
      });
      return;
    }
    combinations(ncols, k, (idx) => {
      out.push({ reading: ri, cols: idx.slice() });
      return out.length <= MAX_CANDIDATES;
    });
  });
  return out;
}

/** A row whose every number was placed by its position on the page has one candidate. */
function pinnedCandidate(row: PlaceRow, reading: Reading | undefined): Candidate | null {
  if (row.numbers.length === 0 || row.numbers.some((n) => n.column === undefined)) return null;
  if (!reading || reading.groups.length !== row.numbers.length) return null;
  const cols = row.numbers.map((n) => row.columns.indexOf(n.column!));
  for (let i = 0; i < cols.length; i++) if (cols[i]! < 0 || (i > 0 && cols[i]! <= cols[i - 1]!)) return null;
  return { reading: 0, cols };
}

/** The value a row with one remaining candidate puts in a column. */
function valueAt(v: RowVar, col: number): number {
  const c = v.cands[0]!;
  const i = c.cols.indexOf(col);
  return i < 0 ? 0 : v.readings[c.reading]!.fen[i]!;
}

/** Scoring work done for the document being placed (reset by placeRows). */
const work = { done: 0 };

/** Per column, the smallest and largest value the row's remaining candidates put there. */
function bounds(v: RowVar): void {
  const n = v.row.columns.length;
  v.lo = new Array<number>(n).fill(Number.POSITIVE_INFINITY);
  v.hi = new Array<number>(n).fill(Number.NEGATIVE_INFINITY);
  const filled = new Array<number>(n).fill(0);
  for (const c of v.cands) {
    const fen = v.readings[c.reading]!.fen;
    for (let i = 0; i < c.cols.length; i++) {
      const col = c.cols[i]!;
      const x = fen[i]!;
      filled[col]!++;
      if (x < v.lo[col]!) v.lo[col] = x;
      if (x > v.hi[col]!) v.hi[col] = x;
    }
  }
  for (let col = 0; col < n; col++) {
    // A column some candidate leaves blank can be zero.
    if (filled[col]! < v.cands.length || v.cands.length === 0) {
      if (0 < v.lo[col]!) v.lo[col] = 0;
      if (0 > v.hi[col]!) v.hi[col] = 0;
    }
  }
}

/** An instance compiled to variable and column indices; terms on rows never printed are dropped (blank). */
interface Compiled {
  op: 'eq' | 'le';
  vars: number[];
  cols: number[];
  signs: number[];
}

function compile(
  inst: Instance,
  index: Map<string, Map<string, number>>,
  colIndex: Map<string, number>[],
): Compiled {
  const c: Compiled = { op: inst.op, vars: [], cols: [], signs: [] };
  const add = (t: Term, sign: number) => {
    const vi = index.get(t.table)?.get(t.row);
    if (vi === undefined) return;
    const ci = colIndex[vi]!.get(t.column);
    if (ci === undefined) return;
    c.vars.push(vi);
    c.cols.push(ci);
    c.signs.push(sign);
  };
  for (const t of inst.left) add(t, 1);
  for (const t of inst.right) add(t, -1);
  return c;
}

/** Interval of Σleft − Σright over the terms not on row `self`. */
function restInterval(c: Compiled, self: number, list: RowVar[]): [number, number] {
  let lo = 0;
  let hi = 0;
  const g = list[self]!.group;
  for (let k = 0; k < c.vars.length; k++) {
    if (list[c.vars[k]!]!.group === g) continue;
    const v = list[c.vars[k]!]!;
    const a = v.lo[c.cols[k]!]!;
    const b = v.hi[c.cols[k]!]!;
    if (c.signs[k] === 1) {
      lo += a;
      hi += b;
    } else {
      lo -= b;
      hi -= a;
    }
  }
  return [lo, hi];
}

/** Every instance the row meets has all its other cells known. */
function closed(vi: number, list: RowVar[], compiled: Compiled[], involved: number[][]): boolean {
  for (const ii of involved[vi]!) {
    const [lo, hi] = restInterval(compiled[ii]!, vi, list);
    if (lo !== hi) return false;
  }
  return true;
}

/**
 * A printed row is one record: when some assignments make the row's own formulas hold (total = sum
 * of its parts), only those are considered. When none does (the row itself is misprinted), every
 * assignment stays and the other identities decide.
 */
function preferConsistentRows(list: RowVar[], compiled: Compiled[]): void {
  const local: Compiled[][] = list.map(() => []);
  for (const c of compiled) {
    const vi = c.vars[0];
    if (vi !== undefined && c.vars.every((x) => x === vi)) local[vi]!.push(c);
  }
  list.forEach((v, vi) => {
    if (v.cands.length <= 1 || local[vi]!.length === 0) return;
    const ncols = v.row.columns.length;
    const at = new Int32Array(ncols);
    const keep = v.cands.filter((cand) => {
      const fen = v.readings[cand.reading]!.fen;
      at.fill(-1);
      cand.cols.forEach((col, i) => {
        at[col] = i;
      });
      return local[vi]!.every((c) => {
        let x = 0;
        for (let k = 0; k < c.vars.length; k++) {
          const i = at[c.cols[k]!]!;
          if (i >= 0) x += c.signs[k]! * fen[i]!;
        }
        return c.op === 'eq' ? x === 0 : x <= 0;
      });
    });
    if (keep.length > 0 && keep.length < v.cands.length) {
      v.cands = keep;
      bounds(v);
    }
  });
}

/**
 * A parent row whose only child prints the same numbers must place them the same way (the identity
 * says the two rows are equal column by column): such rows are grouped and solved as one.
 */
function groupEqualRows(list: RowVar[], compiled: Compiled[]): void {
  const find = (i: number): number => {
    while (list[i]!.group !== i) i = list[i]!.group;
    return i;
  };
  const same = (a: RowVar, b: RowVar): boolean =>
    a.row.table === b.row.table &&
    a.row.columns.length === b.row.columns.length &&
    a.row.numbers.length === b.row.numbers.length &&
    a.row.numbers.every((n, i) => n.text === b.row.numbers[i]!.text);
  for (const c of compiled) {
    if (c.op !== 'eq' || c.vars.length !== 2 || c.signs[0] === c.signs[1] || c.cols[0] !== c.cols[1])
      continue;
    const a = list[c.vars[0]!]!;
    const b = list[c.vars[1]!]!;
    if (a === b || a.cands.length <= 1 || !same(a, b)) continue;
    const ra = find(c.vars[0]!);
    const rb = find(c.vars[1]!);
    if (ra !== rb) list[Math.max(ra, rb)]!.group = Math.min(ra, rb);
  }
  for (let i = 0; i < list.length; i++) list[i]!.group = find(i);
}

/**
 * Score every candidate of row `vi` against the instances it takes part in. Most instances meet the
 * row in one column only (hierarchy sums, cross-table matches): their effect depends only on which
 * number (or none) the candidate puts in that column, so it is tabulated once per number and a
 * candidate's score is a sum over its few numbers. Instances meeting several columns of the row (row
 * formulas) are evaluated per candidate.
 */
function scoreRow(
  vi: number,
  list: RowVar[],
  compiled: Compiled[],
  involved: number[][],
): { sat: Int32Array; res: Float64Array } {
  const v = list[vi]!;
  const ncols = v.row.columns.length;
  const perReading = v.readings.map((r) => ({
    baseSat: 0,
    baseRes: 0,
    dSat: new Float64Array(ncols * r.fen.length),
    dRes: new Float64Array(ncols * r.fen.length),
    k: r.fen.length,
  }));
  const multi: { cols: number[]; signs: number[]; lo: number; hi: number; eq: boolean }[] = [];
  for (const ii of involved[vi]!) {
    const c = compiled[ii]!;
    const [lo, hi] = restInterval(c, vi, list);
    const eq = c.op === 'eq';
    const cols: number[] = [];
    const signs: number[] = [];
    for (let k = 0; k < c.vars.length; k++) {
      if (list[c.vars[k]!]!.group !== v.group) continue;
      const at = cols.indexOf(c.cols[k]!);
      if (at >= 0) signs[at]! += c.signs[k]!;
      else {
        cols.push(c.cols[k]!);
        signs.push(c.signs[k]!);
      }
    }
    if (cols.length !== 1) {
      multi.push({ cols, signs, lo, hi, eq });
      continue;
    }
    const col = cols[0]!;
    const sign = signs[0]!;
    const blankSat = lo <= 0 && (!eq || hi >= 0) ? 1 : 0;
    const blankRes = blankSat ? 0 : lo > 0 ? lo : -hi;
    v.readings.forEach((r, ri) => {
      const t = perReading[ri]!;
      t.baseSat += blankSat;
      t.baseRes += blankRes;
      for (let i = 0; i < r.fen.length; i++) {
        const x = sign * r.fen[i]!;
        const l = lo + x;
        const h = hi + x;
        const sat = l <= 0 && (!eq || h >= 0) ? 1 : 0;
        const res = sat ? 0 : l > 0 ? l : -h;
        t.dSat[col * t.k + i]! += sat - blankSat;
        t.dRes[col * t.k + i]! += res - blankRes;
      }
    });
  }
  work.done += v.cands.length * (involved[vi]!.length + 1);
  const outSat = new Int32Array(v.cands.length);
  const outRes = new Float64Array(v.cands.length);
  const at = new Int32Array(ncols);
  for (let j = 0; j < v.cands.length; j++) {
    const cand = v.cands[j]!;
    const t = perReading[cand.reading]!;
    const fen = v.readings[cand.reading]!.fen;
    let sat = t.baseSat;
    let res = t.baseRes;
    for (let i = 0; i < cand.cols.length; i++) {
      sat += t.dSat[cand.cols[i]! * t.k + i]!;
      res += t.dRes[cand.cols[i]! * t.k + i]!;
    }
    if (multi.length > 0) {
      at.fill(-1);
      for (let i = 0; i < cand.cols.length; i++) at[cand.cols[i]!] = i;
      for (const m of multi) {
        let x = 0;
        for (let k = 0; k < m.cols.length; k++) {
          const i = at[m.cols[k]!]!;
          if (i >= 0) x += m.signs[k]! * fen[i]!;
        }
        const l = m.lo + x;
        const h = m.hi + x;
        if (l <= 0 && (!m.eq || h >= 0)) sat++;
        else res += l > 0 ? l : -h;
      }
    }
    outSat[j] = sat;
    outRes[j] = res;
  }
  return { sat: outSat, res: outRes };
}

/**
 * Place the numbers of every row of a document at once. `instances` are the expanded identities;
 * rows of all tables take part so that cross-table identities can decide.
 */
export function placeRows(rows: PlaceRow[], instances: Instance[]): PlaceResult[] {
  work.done = 0;
  const index = new Map<string, Map<string, number>>();
  const colIndex: Map<string, number>[] = [];
  const columnMaps = new Map<string[], Map<string, number>>();
  const list: RowVar[] = [];
  let total = 0;
  for (const row of rows) {
    const readings = readingsOf(row.numbers, row.unit);
    // Bounded memory: past the document's candidate budget, rows are not solved (left unresolved).
    const pinned = pinnedCandidate(row, readings[0]);
    const cands = pinned
      ? [pinned]
      : total > MAX_TOTAL_CANDIDATES
        ? []
        : candidatesOf(readings, row.columns.length, row.totalFirst ?? false);
    total += cands.length;
    const v: RowVar = {
      row,
      readings,
      cands,
      initial: cands.length,
      group: list.length,
      lo: [],
      hi: [],
      overBudget: total > MAX_TOTAL_CANDIDATES && cands.length === 0 && readings.length > 0,
    };
    bounds(v);
    let rowsOfTable = index.get(row.table);
    if (!rowsOfTable) {
      rowsOfTable = new Map();
      index.set(row.table, rowsOfTable);
    }
    rowsOfTable.set(row.key, list.length);
    let cols = columnMaps.get(row.columns);
    if (!cols) {
      cols = new Map(row.columns.map((c, i) => [c, i]));
      columnMaps.set(row.columns, cols);
    }
    colIndex.push(cols);
    list.push(v);
  }
  const compiled = instances.map((inst) => compile(inst, index, colIndex));
  preferConsistentRows(list, compiled);
  groupEqualRows(list, compiled);
  const involved: number[][] = list.map(() => []);
  compiled.forEach((c, ii) => {
    // An identity over very many cells says little about any one of them and costs a pass over all
    // of its terms per evaluation: it is left to the checker.
    if (c.vars.length > MAX_TERMS) return;
    for (const g of new Set(c.vars.map((vi) => list[vi]!.group))) {
      if (list[g]!.cands.length > 1) involved[g]!.push(ii);
    }
  });
  const members = new Map<number, number[]>();
  list.forEach((v, vi) => {
    const m = members.get(v.group);
    if (m) m.push(vi);
    else members.set(v.group, [vi]);
  });
  // Prune in two strengths. A candidate that fails an identity even with every other unknown cell
  // at its most favourable value is out (sound evidence). Differences in size (residuals) only
  // decide where every other cell the row meets is already known; otherwise the row stays open.
  // Re-score a row only when a row it shares an identity with has changed since it was last scored.
  const neighbours: number[][] = list.map(() => []);
  for (let g = 0; g < list.length; g++) {
    const set = new Set<number>();
    for (const ii of involved[g]!) for (const vi of compiled[ii]!.vars) set.add(list[vi]!.group);
    neighbours[g] = [...set];
  }
  let clock = 1;
  const changedAt = new Array<number>(list.length).fill(1);
  const seen = [new Array<number>(list.length).fill(0), new Array<number>(list.length).fill(0)];
  const prune = (residuals: boolean): boolean => {
    let changed = false;
    const mode = residuals ? 1 : 0;
    for (let vi = 0; vi < list.length; vi++) {
      const v = list[vi]!;
      if (v.cands.length <= 1 || v.group !== vi) continue;
      if (!neighbours[vi]!.some((n) => changedAt[n]! > seen[mode]![vi]!)) continue;
      seen[mode]![vi] = clock;
      if (residuals && !closed(vi, list, compiled, involved)) continue;
      const { sat, res } = scoreRow(vi, list, compiled, involved);
      let bestSat = -1;
      let bestRes = Number.POSITIVE_INFINITY;
      for (let j = 0; j < sat.length; j++) {
        if (sat[j]! > bestSat || (residuals && sat[j] === bestSat && res[j]! < bestRes)) {
          bestSat = sat[j]!;
          bestRes = res[j]!;
        }
      }
      const keep = v.cands.filter((_, j) => sat[j] === bestSat && (!residuals || res[j] === bestRes));
      if (keep.length < v.cands.length) {
        for (const m of members.get(vi)!) {
          list[m]!.cands = keep;
          bounds(list[m]!);
        }
        changedAt[vi] = ++clock;
        changed = true;
      }
    }
    return changed;
  };
  for (let round = 0; round < 50 && work.done < WORK_BUDGET; round++) {
    let changed = false;
    for (let pass = 0; pass < 20 && work.done < WORK_BUDGET && prune(false); pass++) changed = true;
    if (work.done < WORK_BUDGET && prune(true)) changed = true;
    if (!changed) break;
  }
  const exhausted = work.done >= WORK_BUDGET;
  const fit = new Map<number, { residual: number; allSat: boolean }>();
  const fitOf = (g: number) => {
    let f = fit.get(g);
    if (!f) {
      // The group is decided: every instance it meets is evaluated at its one candidate.
      let residual = 0;
      let allSat = true;
      for (const ii of involved[g]!) {
        const c = compiled[ii]!;
        const [lo, hi] = restInterval(c, g, list);
        let x = 0;
        for (let k = 0; k < c.vars.length; k++) {
          const m = list[c.vars[k]!]!;
          if (m.group !== g) continue;
          x += c.signs[k]! * valueAt(m, c.cols[k]!);
        }
        const l = lo + x;
        const h = hi + x;
        if (!(l <= 0 && (c.op === 'le' || h >= 0))) {
          allSat = false;
          residual += l > 0 ? l : -h;
        }
      }
      f = { residual, allSat };
      fit.set(g, f);
    }
    return f;
  };
  return list.map((v) => {
    const r = finish(v, fitOf);
    if (exhausted && v.cands.length > 1) {
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
  if (v.cands.length === 0) {
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
  const sameReading = v.cands.every((c) => c.reading === v.cands[0]!.reading);
  const first = v.cands[0]!;
  const reading = v.readings[first.reading]!;
  let residual = 0;
  let allSat = true;
  if (v.initial > 1 && v.cands.length === 1) ({ residual, allSat } = fitOf(v.group));
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
      placed.column = v.row.columns[first.cols[i]!]!;
      continue;
    }
    const cols = new Set<number>();
    for (const c of v.cands) cols.add(sameReading ? c.cols[i]! : -1);
    if (cols.size === 1 && sameReading) {
      placed.column = v.row.columns[first.cols[i]!]!;
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
