/**
 * Narrowing every row's candidates with the document's identities (see ../place.ts for the method).
 * The working state lives in a few typed arrays per document, reused across steps: the solver runs
 * for every extracted document and used to be bound by allocation.
 */
import type { PlaceRow } from '../place.ts';
import type { Candidates, Reading } from './candidates.ts';
import type { Constraints } from './constraints.ts';

export interface RowVar {
  row: PlaceRow;
  readings: Reading[];
  cands: Candidates;
  initial: number;
  /** not solved: the document's candidate budget was spent before this row */
  overBudget: boolean;
  /** Rows that must hold the same values (a parent printed with its only child): solved as one. */
  group: number;
  /** the row's cells are the solver's cells firstCell … firstCell + columns − 1 */
  firstCell: number;
}

/** Identities with more cells than this do not take part in placing numbers (see placeRows). */
const MAX_TERMS = 64;
/**
 * A bound on the scoring work for one document (candidate × instance evaluations), so that a huge or
 * hostile document finishes in bounded time; rows still open then stay unresolved, and say so.
 */
const WORK_BUDGET = 5_000_000;

/** A growable typed array of at least `n` elements (contents not kept). */
function atLeast<T extends Int32Array | Float64Array | Uint8Array>(
  a: T,
  n: number,
  make: (n: number) => T,
): T {
  return a.length >= n ? a : make(Math.max(n, a.length * 2));
}
const ints = (n: number) => new Int32Array(n);
const floats = (n: number) => new Float64Array(n);
const bytes = (n: number) => new Uint8Array(n);

export class Solver {
  /** per cell, the smallest and largest value the row's remaining candidates put there */
  private readonly lo: Float64Array;
  private readonly hi: Float64Array;
  /** rows of each group's instances (those with at most MAX_TERMS cells), by group id */
  readonly involved: number[][] = [];
  /** the group of each term's row (set by groupEqualRows) */
  private termGroup: Int32Array;
  /** the interval set by restInterval */
  private restLo = 0;
  private restHi = 0;
  /** scoring work done (candidate × instance evaluations) */
  work = 0;
  // scratch space, grown as needed
  private marks = new Int32Array(16);
  private flags = new Uint8Array(64);
  private sat = new Int32Array(64);
  private res = new Float64Array(64);
  private dSat = new Float64Array(64);
  private dRes = new Float64Array(64);
  private base = new Float64Array(16);
  private offset = new Int32Array(8);
  private termCols = new Int32Array(16);
  private termSigns = new Int32Array(16);
  private multiStart = new Int32Array(16);
  private multiCols = new Int32Array(64);
  private multiSigns = new Int32Array(64);
  private multiLo = new Float64Array(16);
  private multiHi = new Float64Array(16);
  private multiEq = new Uint8Array(16);

  constructor(
    readonly list: RowVar[],
    private readonly con: Constraints,
    cells: number,
  ) {
    this.lo = new Float64Array(cells);
    this.hi = new Float64Array(cells);
    this.termGroup = con.row;
    for (let vi = 0; vi < list.length; vi++) this.bounds(vi);
  }

  /** Per column, the smallest and largest value the row's remaining candidates put there. */
  bounds(vi: number): void {
    const v = this.list[vi]!;
    const n = v.row.columns.length;
    const { lo, hi } = this;
    const at = v.firstCell;
    lo.fill(Number.POSITIVE_INFINITY, at, at + n);
    hi.fill(Number.NEGATIVE_INFINITY, at, at + n);
    this.marks = atLeast(this.marks, n, ints);
    const filled = this.marks;
    filled.fill(0, 0, n);
    const c = v.cands;
    for (let j = 0; j < c.count; j++) {
      const fen = v.readings[c.readingOf(j)]!.fen;
      const k = c.size(j);
      for (let i = 0; i < k; i++) {
        const col = c.col(j, i);
        const x = fen[i]!;
        filled[col]!++;
        if (x < lo[at + col]!) lo[at + col] = x;
        if (x > hi[at + col]!) hi[at + col] = x;
      }
    }
    for (let col = 0; col < n; col++) {
      // A column some candidate leaves blank can be zero.
      if (filled[col]! < c.count || c.count === 0) {
        if (0 < lo[at + col]!) lo[at + col] = 0;
        if (0 > hi[at + col]!) hi[at + col] = 0;
      }
    }
  }

  /** The value a row with one remaining candidate puts in a column. */
  valueAt(vi: number, col: number): number {
    const v = this.list[vi]!;
    const c = v.cands;
    const k = c.size(0);
    for (let i = 0; i < k; i++) if (c.col(0, i) === col) return v.readings[c.readingOf(0)]!.fen[i]!;
    return 0;
  }

  /** Interval of Σleft − Σright of instance ii over its terms not on group g (restLo, restHi). */
  private restInterval(ii: number, g: number): void {
    const { con, termGroup, lo: low, hi: high } = this;
    let lo = 0;
    let hi = 0;
    for (let t = con.start[ii]!; t < con.start[ii + 1]!; t++) {
      if (termGroup[t]! === g) continue;
      const a = low[con.cell[t]!]!;
      const b = high[con.cell[t]!]!;
      if (con.sign[t] === 1) {
        lo += a;
        hi += b;
      } else {
        lo -= b;
        hi -= a;
      }
    }
    this.restLo = lo;
    this.restHi = hi;
  }

  /** Every instance the group meets has all its other cells known. */
  closed(g: number): boolean {
    for (const ii of this.involved[g]!) {
      this.restInterval(ii, g);
      if (this.restLo !== this.restHi) return false;
    }
    return true;
  }

  /**
   * A printed row is one record: when some assignments make the row's own formulas hold (total = sum
   * of its parts), only those are considered. When none does (the row itself is misprinted), every
   * assignment stays and the other identities decide.
   */
  preferConsistentRows(): void {
    const { con, list } = this;
    // the instances on one row only, per row, as linked lists in instance order
    const head = new Int32Array(list.length).fill(-1);
    const next = new Int32Array(con.count).fill(-1);
    for (let ii = con.count - 1; ii >= 0; ii--) {
      const s = con.start[ii]!;
      const e = con.start[ii + 1]!;
      if (s === e) continue;
      const vi = con.row[s]!;
      let own = true;
      for (let t = s + 1; t < e && own; t++) own = con.row[t] === vi;
      if (!own) continue;
      next[ii] = head[vi]!;
      head[vi] = ii;
    }
    for (let vi = 0; vi < list.length; vi++) {
      const v = list[vi]!;
      const c = v.cands;
      if (c.count <= 1 || head[vi] === -1) continue;
      const ncols = v.row.columns.length;
      this.marks = atLeast(this.marks, ncols, ints);
      const at = this.marks;
      this.flags = atLeast(this.flags, c.count, bytes);
      const keep = this.flags;
      let kept = 0;
      at.fill(-1, 0, ncols);
      for (let j = 0; j < c.count; j++) {
        const fen = v.readings[c.readingOf(j)]!.fen;
        const k = c.size(j);
        for (let i = 0; i < k; i++) at[c.col(j, i)] = i;
        let ok = true;
        for (let ii = head[vi]!; ii !== -1 && ok; ii = next[ii]!) {
          let x = 0;
          for (let t = con.start[ii]!; t < con.start[ii + 1]!; t++) {
            const i = at[con.col[t]!]!;
            if (i >= 0) x += con.sign[t]! * fen[i]!;
          }
          ok = con.eq[ii] ? x === 0 : x <= 0;
        }
        for (let i = 0; i < k; i++) at[c.col(j, i)] = -1;
        keep[j] = ok ? 1 : 0;
        if (ok) kept++;
      }
      if (kept > 0 && kept < c.count) {
        c.keep(keep);
        this.bounds(vi);
      }
    }
  }

  /**
   * A parent row whose only child prints the same numbers must place them the same way (the identity
   * says the two rows are equal column by column): such rows are grouped and solved as one.
   */
  groupEqualRows(): void {
    const { con, list } = this;
    const find = (i: number): number => {
      while (list[i]!.group !== i) i = list[i]!.group;
      return i;
    };
    const same = (a: RowVar, b: RowVar): boolean =>
      a.row.table === b.row.table &&
      a.row.columns.length === b.row.columns.length &&
      a.row.numbers.length === b.row.numbers.length &&
      a.row.numbers.every((n, i) => n.text === b.row.numbers[i]!.text);
    for (let ii = 0; ii < con.count; ii++) {
      const s = con.start[ii]!;
      if (!con.eq[ii] || con.start[ii + 1]! - s !== 2) continue;
      if (con.sign[s] === con.sign[s + 1] || con.col[s] !== con.col[s + 1]) continue;
      const a = list[con.row[s]!]!;
      const b = list[con.row[s + 1]!]!;
      if (a === b || a.cands.count <= 1 || !same(a, b)) continue;
      const ra = find(con.row[s]!);
      const rb = find(con.row[s + 1]!);
      if (ra !== rb) list[Math.max(ra, rb)]!.group = Math.min(ra, rb);
    }
    for (let i = 0; i < list.length; i++) list[i]!.group = find(i);
    // Only the terms written (terms naming a row not printed were skipped).
    this.termGroup = con.row.subarray(0, con.start[con.count]!).map((r) => list[r]!.group);
    const termGroup = this.termGroup;
    // An identity over very many cells says little about any one of them and costs a pass over all
    // of its terms per evaluation: it is left to the checker.
    for (let g = 0; g < list.length; g++) this.involved.push([]);
    const marked = new Int32Array(list.length).fill(-1);
    for (let ii = 0; ii < con.count; ii++) {
      if (con.start[ii + 1]! - con.start[ii]! > MAX_TERMS) continue;
      for (let t = con.start[ii]!; t < con.start[ii + 1]!; t++) {
        const g = termGroup[t]!;
        if (marked[g] === ii) continue;
        marked[g] = ii;
        if (list[g]!.cands.count > 1) this.involved[g]!.push(ii);
      }
    }
  }

  /** The groups each group shares an instance with. */
  neighbours(): number[][] {
    const { con, list, involved, termGroup } = this;
    const out: number[][] = [];
    const marked = new Int32Array(list.length).fill(-1);
    for (let g = 0; g < list.length; g++) {
      const near: number[] = [];
      for (const ii of involved[g]!) {
        for (let t = con.start[ii]!; t < con.start[ii + 1]!; t++) {
          const n = termGroup[t]!;
          if (marked[n] === g) continue;
          marked[n] = g;
          near.push(n);
        }
      }
      out.push(near);
    }
    return out;
  }

  /**
   * Score every candidate of group `g` against the instances it takes part in: how many it satisfies
   * (`sat`) and by how much it misses the others (`res`), for candidate j at index j. Most instances
   * meet the row in one column only (hierarchy sums, cross-table matches): their effect depends only
   * on which number (or none) the candidate puts in that column, so it is tabulated once per number
   * and a candidate's score is a sum over its few numbers. Instances meeting several columns of the
   * row (row formulas) are evaluated per candidate. The arrays are reused by the next call.
   */
  score(g: number): { sat: Int32Array; res: Float64Array } {
    const { con, list, termGroup } = this;
    const v = list[g]!;
    const ncols = v.row.columns.length;
    const readings = v.readings;
    const nr = readings.length;
    // per reading: its table of effects (numbers × columns, column-major) starts at offset[ri]
    this.offset = atLeast(this.offset, nr, ints);
    const offset = this.offset;
    let size = 0;
    for (let ri = 0; ri < nr; ri++) {
      offset[ri] = size;
      size += ncols * readings[ri]!.fen.length;
    }
    // base[2 ri]: satisfied instances with every single-column cell blank; base[2 ri + 1]: residual
    this.base = atLeast(this.base, 2 * nr, floats);
    const base = this.base;
    base.fill(0, 0, 2 * nr);
    this.dSat = atLeast(this.dSat, size, floats);
    const dSat = this.dSat;
    this.dRes = atLeast(this.dRes, size, floats);
    const dRes = this.dRes;
    dSat.fill(0, 0, size);
    dRes.fill(0, 0, size);
    // instances meeting several columns: their columns and signs on this row
    let multi = 0;
    let multiTerms = 0;
    const involved = this.involved[g]!;
    for (const ii of involved) {
      this.restInterval(ii, g);
      const lo = this.restLo;
      const hi = this.restHi;
      const eq = con.eq[ii] === 1;
      const len = con.start[ii + 1]! - con.start[ii]!;
      this.termCols = atLeast(this.termCols, len, ints);
      const cols = this.termCols;
      this.termSigns = atLeast(this.termSigns, len, ints);
      const signs = this.termSigns;
      let n = 0;
      for (let t = con.start[ii]!; t < con.start[ii + 1]!; t++) {
        if (termGroup[t]! !== g) continue;
        let at = 0;
        while (at < n && cols[at] !== con.col[t]) at++;
        if (at < n) signs[at]! += con.sign[t]!;
        else {
          cols[n] = con.col[t]!;
          signs[n] = con.sign[t]!;
          n++;
        }
      }
      if (n === 1) {
        this.tabulate(readings, cols[0]!, signs[0]!, lo, hi, eq);
        continue;
      }
      this.multiStart = atLeast(this.multiStart, multi + 2, ints);
      this.multiLo = atLeast(this.multiLo, multi + 1, floats);
      this.multiHi = atLeast(this.multiHi, multi + 1, floats);
      this.multiEq = atLeast(this.multiEq, multi + 1, bytes);
      this.multiCols = atLeast(this.multiCols, multiTerms + n, ints);
      this.multiSigns = atLeast(this.multiSigns, multiTerms + n, ints);
      this.multiStart[multi] = multiTerms;
      this.multiLo[multi] = lo;
      this.multiHi[multi] = hi;
      this.multiEq[multi] = eq ? 1 : 0;
      for (let q = 0; q < n; q++) {
        this.multiCols[multiTerms + q] = cols[q]!;
        this.multiSigns[multiTerms + q] = signs[q]!;
      }
      multiTerms += n;
      multi++;
      this.multiStart[multi] = multiTerms;
    }
    const { multiStart, multiCols, multiSigns, multiLo, multiHi, multiEq } = this;
    const c = v.cands;
    this.work += c.count * (involved.length + 1);
    this.sat = atLeast(this.sat, c.count, ints);
    const outSat = this.sat;
    this.res = atLeast(this.res, c.count, floats);
    const outRes = this.res;
    this.marks = atLeast(this.marks, ncols, ints);
    const at = this.marks;
    at.fill(-1, 0, ncols);
    for (let j = 0; j < c.count; j++) {
      const ri = c.readingOf(j);
      const fen = readings[ri]!.fen;
      const k = c.size(j);
      const from = offset[ri]!;
      let sat = base[2 * ri]!;
      let res = base[2 * ri + 1]!;
      for (let i = 0; i < k; i++) {
        sat += dSat[from + c.col(j, i) * k + i]!;
        res += dRes[from + c.col(j, i) * k + i]!;
      }
      if (multi > 0) {
        for (let i = 0; i < k; i++) at[c.col(j, i)] = i;
        for (let m = 0; m < multi; m++) {
          let x = 0;
          for (let q = multiStart[m]!; q < multiStart[m + 1]!; q++) {
            const i = at[multiCols[q]!]!;
            if (i >= 0) x += multiSigns[q]! * fen[i]!;
          }
          const l = multiLo[m]! + x;
          const h = multiHi[m]! + x;
          if (l <= 0 && (!multiEq[m] || h >= 0)) sat++;
          else res += l > 0 ? l : -h;
        }
        for (let i = 0; i < k; i++) at[c.col(j, i)] = -1;
      }
      outSat[j] = sat;
      outRes[j] = res;
    }
    return { sat: outSat, res: outRes };
  }

  /** Add one single-column instance (the rest of it in [lo, hi]) to the per-reading tables. */
  private tabulate(
    readings: Reading[],
    col: number,
    sign: number,
    lo: number,
    hi: number,
    eq: boolean,
  ): void {
    const { base, dSat, dRes, offset } = this;
    const blankSat = lo <= 0 && (!eq || hi >= 0) ? 1 : 0;
    const blankRes = blankSat ? 0 : lo > 0 ? lo : -hi;
    for (let ri = 0; ri < readings.length; ri++) {
      const fen = readings[ri]!.fen;
      base[2 * ri]! += blankSat;
      base[2 * ri + 1]! += blankRes;
      const k = fen.length;
      const from = offset[ri]! + col * k;
      for (let i = 0; i < k; i++) {
        const x = sign * fen[i]!;
        const l = lo + x;
        const h = hi + x;
        const sat = l <= 0 && (!eq || h >= 0) ? 1 : 0;
        const res = sat ? 0 : l > 0 ? l : -h;
        dSat[from + i]! += sat - blankSat;
        dRes[from + i]! += res - blankRes;
      }
    }
  }

  /**
   * Prune every group changed near since it was last scored: keep its best-scoring candidates (most
   * identities satisfied; with `residuals`, then the smallest total difference, and only for groups
   * whose other cells are all known). Returns whether anything changed.
   */
  prune(residuals: boolean, state: PruneState): boolean {
    const { list } = this;
    let changed = false;
    const since = residuals ? state.seenResiduals : state.seen;
    for (let vi = 0; vi < list.length; vi++) {
      const v = list[vi]!;
      if (v.cands.count <= 1 || v.group !== vi) continue;
      let fresh = false;
      for (const n of state.neighbours[vi]!) if (state.changedAt[n]! > since[vi]!) fresh = true;
      if (!fresh) continue;
      since[vi] = state.clock;
      if (residuals && !this.closed(vi)) continue;
      const { sat, res } = this.score(vi);
      const count = v.cands.count;
      let bestSat = -1;
      let bestRes = Number.POSITIVE_INFINITY;
      for (let j = 0; j < count; j++) {
        if (sat[j]! > bestSat || (residuals && sat[j] === bestSat && res[j]! < bestRes)) {
          bestSat = sat[j]!;
          bestRes = res[j]!;
        }
      }
      this.flags = atLeast(this.flags, count, bytes);
      const keep = this.flags;
      let kept = 0;
      for (let j = 0; j < count; j++) {
        const ok = sat[j] === bestSat && (!residuals || res[j] === bestRes);
        keep[j] = ok ? 1 : 0;
        if (ok) kept++;
      }
      if (kept < count) {
        v.cands.keep(keep);
        this.bounds(vi);
        for (const m of state.others.get(vi) ?? []) {
          list[m]!.cands = v.cands;
          this.bounds(m);
        }
        state.changedAt[vi] = ++state.clock;
        changed = true;
      }
    }
    return changed;
  }

  /** Narrow every group until nothing changes or the work budget is spent; true when it was spent. */
  solve(): boolean {
    const { list } = this;
    const others = new Map<number, number[]>();
    list.forEach((v, vi) => {
      if (v.group === vi) return;
      const m = others.get(v.group);
      if (m) m.push(vi);
      else others.set(v.group, [vi]);
    });
    // Prune in two strengths. A candidate that fails an identity even with every other unknown cell
    // at its most favourable value is out (sound evidence). Differences in size (residuals) only
    // decide where every other cell the row meets is already known; otherwise the row stays open.
    // Re-score a row only when a row it shares an identity with has changed since it was last scored.
    const state: PruneState = {
      neighbours: this.neighbours(),
      others,
      clock: 1,
      changedAt: new Int32Array(list.length).fill(1),
      seen: new Int32Array(list.length),
      seenResiduals: new Int32Array(list.length),
    };
    for (let round = 0; round < 50 && this.work < WORK_BUDGET; round++) {
      let changed = false;
      for (let pass = 0; pass < 20 && this.work < WORK_BUDGET && this.prune(false, state); pass++)
        changed = true;
      if (this.work < WORK_BUDGET && this.prune(true, state)) changed = true;
      if (!changed) break;
    }
    return this.work >= WORK_BUDGET;
  }

  /** How a decided group fits: every instance it meets evaluated at its one candidate. */
  fit(g: number): { residual: number; allSat: boolean } {
    const { con, termGroup } = this;
    let residual = 0;
    let allSat = true;
    for (const ii of this.involved[g]!) {
      this.restInterval(ii, g);
      let x = 0;
      for (let t = con.start[ii]!; t < con.start[ii + 1]!; t++) {
        if (termGroup[t]! !== g) continue;
        x += con.sign[t]! * this.valueAt(con.row[t]!, con.col[t]!);
      }
      const l = this.restLo + x;
      const h = this.restHi + x;
      if (!(l <= 0 && (!con.eq[ii] || h >= 0))) {
        allSat = false;
        residual += l > 0 ? l : -h;
      }
    }
    return { residual, allSat };
  }
}

interface PruneState {
  neighbours: number[][];
  /** the other rows of each group (its first row is the group's id) */
  others: Map<number, number[]>;
  clock: number;
  changedAt: Int32Array;
  seen: Int32Array;
  seenResiduals: Int32Array;
}
