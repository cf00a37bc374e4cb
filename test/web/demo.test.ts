/** The main job's loading step: examples and generated units, idempotent. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { listDisclosures, listRegions, openStore } from '../../src/store/index.ts';
import { loadDemo } from '../../src/web/demo.ts';
import { ROOT } from '../helpers/fixtures.ts';

describe('main job: loading examples and demo units', () => {
  it('stores the example and 2 units × 2 years once, however often it runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-demo-'));
    const store = await openStore({ file: join(dir, 'g.sqlite') });
    try {
      const o = { examples: `${ROOT}examples`, units: 2, years: [2022, 2023], seed: 7 };
      const first = await loadDemo(store, o);
      assert.deepEqual(
        first.examples.map((e) => e.ok),
        [true],
      );
      assert.equal(first.generated, 4);
      const again = await loadDemo(store, o);
      assert.equal(again.generated, 0);
      const regions = await listRegions(store.db);
      assert.deepEqual(
        regions.map((r) => [r.code, r.units]),
        [
          ['demo', 2],
          ['xinjiang', 1],
        ],
      );
      const demo = await listDisclosures(store.db, { region: 'demo' });
      assert.equal(demo.length, 4);
      // the same unit in both years, with other amounts
      assert.deepEqual([...new Set(demo.map((d) => d.unit))].length, 2);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('with corrected, composes the corrected example as its own unit (更正示例), clean', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-demo-'));
    const store = await openStore({ file: join(dir, 'g.sqlite') });
    try {
      const o = { examples: `${ROOT}examples`, units: 0, years: [], seed: 7, corrected: true };
      const first = await loadDemo(store, o);
      assert.deepEqual(
        first.examples.map((e) => (e.ok ? [e.status, e.unit] : [e.error])),
        [
          ['imported', '昌吉州工业和信息化局'],
          ['imported', '昌吉州工业和信息化局（更正示例）'],
        ],
      );
      const [published, corrected] = first.examples.map((e) => (e.ok ? e.findings : -1));
      assert.ok(published! > 20);
      // information only (growth from zero, carry-over projects, catalog coverage): see the example's test
      assert.equal(corrected, 11);
      const again = await loadDemo(store, o);
      assert.deepEqual(
        again.examples.map((e) => e.ok && e.status),
        ['unchanged', 'unchanged'],
      );
      const xinjiang = await listDisclosures(store.db, { region: 'xinjiang' });
      assert.equal(xinjiang.length, 2);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
