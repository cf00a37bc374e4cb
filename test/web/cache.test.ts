/** The portal's LRU (bounded by weight, one computation per concurrent miss) and ETag matching. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Lru, stringBytes } from '../../src/web/cache.ts';
import { BUILD_ID, etagMatches, newPageCache } from '../../src/web/http-cache.ts';

describe('web: caches', () => {
  it('keeps at most the weight it is given, dropping the least recently used', async () => {
    const lru = new Lru<string, string>(100, stringBytes);
    const page = (c: string) => c.repeat(20); // 40 bytes
    await lru.get('a', async () => page('a'));
    await lru.get('b', async () => page('b'));
    assert.equal(lru.weight, 80);
    await lru.get('a', async () => 'never made'); // a is now the most recent
    await lru.get('c', async () => page('c')); // 120 > 100: b goes
    assert.equal(lru.weight, 80);
    assert.equal(lru.peek('b'), undefined);
    assert.equal(lru.peek('a'), page('a'));
    assert.equal(lru.peek('c'), page('c'));
    // heavier than the whole bound: returned, not kept, nothing else evicted
    assert.equal((await lru.get('big', async () => 'x'.repeat(60))).length, 60);
    assert.equal(lru.peek('big'), undefined);
    assert.equal(lru.entries, 2);
  });

  it('makes a value once for concurrent misses, and never keeps null', async () => {
    const lru = new Lru<number, string | null>(10);
    let made = 0;
    const slow = async () => {
      made++;
      await new Promise((r) => setTimeout(r, 20));
      return 'v';
    };
    const all = await Promise.all(Array.from({ length: 50 }, () => lru.get(1, slow)));
    assert.equal(made, 1);
    assert.ok(all.every((v) => v === 'v'));
    let nulls = 0;
    const none = async () => {
      nulls++;
      return null;
    };
    await lru.get(2, none);
    await lru.get(2, none);
    assert.equal(nulls, 2);
  });

  it('a page cache is bounded in bytes of page text', async () => {
    const pages = newPageCache(1000);
    const page = () => Buffer.from('页'.repeat(200)); // 600 bytes of UTF-8
    await pages.get('p1', async () => page());
    await pages.get('p2', async () => page());
    assert.equal(pages.entries, 1);
    assert.ok(pages.weight <= 1000);
  });

  it('matches If-None-Match lists, weak forms and *', () => {
    assert.ok(etagMatches('"a-zh"', '"a-zh"'));
    assert.ok(etagMatches('"x", W/"a-zh" ', '"a-zh"'));
    assert.ok(etagMatches('*', '"a-zh"'));
    assert.ok(!etagMatches('"a-en"', '"a-zh"'));
    assert.ok(!etagMatches(undefined, '"a-zh"'));
    assert.match(BUILD_ID, /^[\w.-]{1,40}$/);
  });
});
