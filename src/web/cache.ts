/**
 * A small least-recently-used cache. Published versions are immutable, so what is derived from one
 * (its record, its marked document, its charts) can be kept by its id without ever going stale.
 */
export class Lru<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly size: number) {}

  async get(key: K, make: () => Promise<V>): Promise<V> {
    const hit = this.map.get(key);
    if (hit !== undefined) {
      this.map.delete(key);
      this.map.set(key, hit);
      return hit;
    }
    const value = await make();
    if (value !== null && value !== undefined) {
      this.map.set(key, value);
      if (this.map.size > this.size) this.map.delete(this.map.keys().next().value as K);
    }
    return value;
  }
}
