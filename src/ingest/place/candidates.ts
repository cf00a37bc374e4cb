/**
 * The ways a row's printed numbers may be read (joining numbers split across lines) and placed in
 * columns (every order-preserving assignment). Candidates are stored flat in typed arrays: a
 * document has thousands of them, and one object per candidate made extraction allocation-bound.
 */
import type { MoneyUnit } from '../../money/index.ts';
import { parseNumber, plainToFen, toFen } from '../../money/index.ts';
import type { NumToken } from '../place.ts';

export interface Reading {
  groups: NumToken[][];
  fen: number[];
  text: string[];
}

const MAX_JOINS = 3;
const DECIMAL_AT_END = /\.\d*$/;
const DIGITS = /^\d+$/;

/** Every reading of a row's numbers; joined pieces read as one number. */
export function readingsOf(nums: NumToken[], unit: MoneyUnit): Reading[] {
  // A piece may continue the previous number when the previous piece ends its line with a decimal
  // point inside it and this piece is bare digits at the start of a later line ("3991.4" / "8").
  const joinable: number[] = [];
  for (let i = 0; i + 1 < nums.length && joinable.length < MAX_JOINS; i++) {
    const a = nums[i]!;
    const b = nums[i + 1]!;
    if (a.line !== b.line && DECIMAL_AT_END.test(a.text) && DIGITS.test(b.text)) joinable.push(i);
  }
  const out: Reading[] = [];
  for (let mask = 0; mask < 1 << joinable.length; mask++) {
    const groups: NumToken[][] = [];
    for (let i = 0, j = 0; i < nums.length; i++) {
      // joinable is ascending: j is the first join point at or after i - 1
      while (j < joinable.length && joinable[j]! < i - 1) j++;
      const joinHere = j < joinable.length && joinable[j] === i - 1 && (mask & (1 << j)) !== 0;
      if (joinHere) groups[groups.length - 1]!.push(nums[i]!);
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

/**
 * A row's remaining candidates, in the order they were enumerated: candidate j reads the row with
 * reading `readingOf(j)` and puts that reading's i-th number in column `col(j, i)`. They are a
 * segment of the document's store; filtering compacts the segment in place. Rows solved as one share
 * a segment (see placeRows).
 */
export class Candidates {
  constructor(
    private readonly store: CandidateStore,
    /** first candidate in the store */
    private readonly start: number,
    public count: number,
    /** first column entry in the store; each candidate has `stride` entries */
    private readonly colStart: number,
    private readonly stride: number,
    /** numbers per reading of the row the candidates were made for */
    private readonly sizes: readonly number[],
  ) {}

  readingOf(j: number): number {
    return this.store.reading[this.start + j]!;
  }

  /** How many numbers candidate j places. */
  size(j: number): number {
    return this.sizes[this.store.reading[this.start + j]!]!;
  }

  /** The column of candidate j's i-th number. */
  col(j: number, i: number): number {
    return this.store.cols[this.colStart + j * this.stride + i]!;
  }

  /** Keep the candidates whose flag is set, in order. */
  keep(flags: Uint8Array): void {
    const { reading, cols } = this.store;
    const w = this.stride;
    let n = 0;
    for (let j = 0; j < this.count; j++) {
      if (!flags[j]) continue;
      if (n !== j) {
        reading[this.start + n] = reading[this.start + j]!;
        cols.copyWithin(this.colStart + n * w, this.colStart + j * w, this.colStart + (j + 1) * w);
      }
      n++;
    }
    this.count = n;
  }
}

/** Call `emit` with every increasing k-subset of 0..n-1 (order-preserving assignments). */
function combinations(n: number, k: number, idx: Int32Array, emit: () => boolean): void {
  for (let i = 0; i < k; i++) idx[i] = i;
  for (;;) {
    if (!emit()) return;
    let i = k - 1;
    while (i >= 0 && idx[i] === n - k + i) i--;
    if (i < 0) return;
    idx[i]!++;
    for (let j = i + 1; j < k; j++) idx[j] = idx[j - 1]! + 1;
  }
}

export const MAX_CANDIDATES = 5000;

/** The candidates of a document's rows, row after row, in two growing arrays. */
export class CandidateStore {
  reading = new Int32Array(1024);
  cols = new Int32Array(4096);
  private readings = 0;
  private entries = 0;
  /** the column choice being enumerated */
  private idx = new Int32Array(16);

  /** Room for `n` more candidates of `stride` entries. */
  private reserve(n: number, stride: number): void {
    if (this.readings + n > this.reading.length) {
      const r = new Int32Array(Math.max(this.reading.length * 2, this.readings + n));
      r.set(this.reading);
      this.reading = r;
    }
    if (this.entries + n * stride > this.cols.length) {
      const c = new Int32Array(Math.max(this.cols.length * 2, this.entries + n * stride));
      c.set(this.cols);
      this.cols = c;
    }
  }

  /** A row whose numbers were placed by their position on the page: one candidate, reading 0. */
  pinned(readings: Reading[], cols: number[]): Candidates {
    const sizes = readings.map((r) => r.fen.length);
    const stride = cols.length;
    const start = this.readings;
    const colStart = this.entries;
    this.reserve(1, stride);
    this.reading[start] = 0;
    for (let i = 0; i < stride; i++) this.cols[colStart + i] = cols[i]!;
    this.readings++;
    this.entries += stride;
    return new Candidates(this, start, 1, colStart, stride, sizes);
  }

  /** A row without candidates. */
  none(): Candidates {
    return new Candidates(this, this.readings, 0, this.entries, 0, []);
  }

  /**
   * Every order-preserving assignment of every reading to `ncols` columns (a reading with more
   * numbers than columns has none). With `totalFirst`, the first number goes to the first column. A
   * reading stops adding candidates once the row has more than MAX_CANDIDATES.
   */
  add(readings: Reading[], ncols: number, totalFirst: boolean): Candidates {
    const sizes: number[] = [];
    let stride = 0;
    for (const r of readings) {
      const k = r.fen.length;
      sizes.push(k);
      if (k <= ncols && k > stride) stride = k;
    }
    const start = this.readings;
    const colStart = this.entries;
    if (this.idx.length < stride) this.idx = new Int32Array(stride * 2);
    const idx = this.idx;
    let n = 0;
    for (let ri = 0; ri < sizes.length; ri++) {
      const k = sizes[ri]!;
      if (k > ncols) continue;
      const first = totalFirst && k > 0 ? 1 : 0;
      combinations(ncols - first, k - first, idx, () => {
        this.reserve(1, stride);
        this.reading[start + n] = ri;
        const at = colStart + n * stride;
        if (first) this.cols[at] = 0;
        for (let i = 0; i < k - first; i++) this.cols[at + first + i] = idx[i]! + first;
        n++;
        this.readings++;
        this.entries += stride;
        return n <= MAX_CANDIDATES;
      });
    }
    return new Candidates(this, start, n, colStart, stride, sizes);
  }
}
