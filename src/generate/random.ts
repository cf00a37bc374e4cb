/** A small seeded pseudo-random generator (mulberry32): the same seed gives the same sequence. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** k distinct elements, in the order of xs. */
  sample<T>(xs: readonly T[], k: number): T[] {
    const idx = xs.map((_, i) => ({ i, r: this.next() }));
    idx.sort((a, b) => a.r - b.r);
    return idx
      .slice(0, k)
      .map((x) => x.i)
      .sort((a, b) => a - b)
      .map((i) => xs[i]!);
  }
}
