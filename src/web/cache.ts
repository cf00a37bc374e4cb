/**
 * A small least-recently-used cache, bounded by a total weight: by default each entry weighs 1 (a
 * bound on entries); pages weigh their size in memory (a bound in bytes). Concurrent misses of one
 * key share one computation, so fifty requests for a page not yet cached render it once.
 */
export class Lru<K, V> {
  private readonly map = new Map<K, { value: V; weight: number }>();
  private readonly pending = new Map<K, Promise<V>>();
  private total = 0;

  /**
   * @param limit the largest total weight kept
   * @param weigh an entry's weight (an entry heavier than `limit` is returned but not kept)
   */
  constructor(
    private readonly limit: number,
    private readonly weigh: (value: V) => number = () => 1,
  ) {}

  /** the total weight held */
  get weight(): number {
    return this.total;
  }

  get entries(): number {
    return this.map.size;
  }

  peek(key: K): V | undefined {
    const hit = this.map.get(key);
    if (hit === undefined) return undefined;
    this.map.delete(key);
    this.map.set(key, hit);
    return hit.value;
  }

  async get(key: K, make: () => Promise<V>): Promise<V> {
    const hit = this.peek(key);
    if (hit !== undefined) return hit;
    const running = this.pending.get(key);
    if (running) return running;
    const made = make();
    this.pending.set(key, made);
    let value: V;
    try {
      value = await made;
    } finally {
      this.pending.delete(key);
    }
    if (value !== null && value !== undefined) this.put(key, value);
    return value;
  }

  private put(key: K, value: V): void {
    const weight = this.weigh(value);
    if (weight > this.limit) return;
    const old = this.map.get(key);
    if (old) {
      this.total -= old.weight;
      this.map.delete(key);
    }
    this.map.set(key, { value, weight });
    this.total += weight;
    for (const [k, e] of this.map) {
      if (this.total <= this.limit) break;
      this.map.delete(k);
      this.total -= e.weight;
    }
  }
}

/** Memory held by a string: V8 keeps text with Chinese as two bytes per UTF-16 unit. */
export const stringBytes = (s: string): number => s.length * 2;
