/** The open-data API on both engines: the Xinjiang example and two generated units stored. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createApp } from '../../src/web/app.tsx';
import { loadDemo } from '../../src/web/demo.ts';
import { ROOT } from '../helpers/fixtures.ts';
import { ENGINES, engineHarness } from '../helpers/store.ts';

for (const engine of ENGINES) {
  describe(`open-data API on ${engine}`, () => {
    const fresh = engineHarness(engine);

    test('regions, units, disclosures, tables, cells, aggregate, FDP, OpenAPI, errors', async () => {
      const f = await fresh();
      try {
        await loadDemo(f.store, { examples: `${ROOT}examples`, units: 2, years: [2023], seed: 1 });
        const app = createApp({ store: f.store });
        const get = async (path: string) => {
          const r = await app.request(`/api/v1${path}`);
          return { status: r.status, type: r.headers.get('content-type') ?? '', text: await r.text() };
        };
        const json = async (path: string) => {
          const r = await get(path);
          assert.equal(r.status, 200, `${path}: ${r.text}`);
          return JSON.parse(r.text);
        };

        const regions = await json('/regions');
        assert.deepEqual(
          regions.regions.map((r: { code: string; units: number }) => [r.code, r.units]),
          [
            ['demo', 2],
            ['xinjiang', 1],
          ],
        );
        const units = await json('/units?region=xinjiang');
        assert.deepEqual(
          units.units.map((u: { name: string }) => u.name),
          ['昌吉州工业和信息化局'],
        );
        const list = await json('/disclosures?region=xinjiang&year=2023');
        assert.equal(list.disclosures.length, 1);
        const id = list.disclosures[0].id;
        const one = await json(`/disclosures/${id}`);
        assert.equal(one.model.unitName, '昌吉州工业和信息化局');
        assert.equal(one.findings.filter((x: { severity: string }) => x.severity === 'error').length, 24);
        assert.ok(one.obligations.length >= 40);
        const tables = await json(`/disclosures/${id}/tables`);
        assert.equal(tables.tables.length, 10);
        const t2 = await json(`/disclosures/${id}/tables/T2`);
        assert.equal(t2.table.id, 'T2');

        // cells: T2 201 总计 as printed (万元), exact fen: 6504.69 万元 = 6,504,690,000 fen
        const cells = await json(
          `/cells?unit=${encodeURIComponent('昌吉州工业和信息化局')}&table=T2&code=201&column=${encodeURIComponent('总计')}`,
        );
        assert.deepEqual(
          cells.cells.map((c: { value: string; fen: number }) => [c.value, c.fen]),
          [['6504.69', 6_504_690_000]],
        );
        const csv = await get('/cells?region=xinjiang&table=T2&code=201&format=csv');
        assert.match(csv.type, /^text\/csv/);
        assert.match(
          csv.text,
          /^disclosureId,unit,year,table,rowKey,label,code,level,column,value,fen,moneyUnit\n/,
        );

        // aggregate: region total by 类 equals the sum of the same cells, drill-down by prefix
        const agg = await json(
          `/aggregate?region=xinjiang&year=2023&table=T3&level=${encodeURIComponent('类')}`,
        );
        const t3 = await json(
          `/cells?region=xinjiang&year=2023&table=T3&column=${encodeURIComponent('合计')}`,
        );
        const byClass = t3.cells.filter((c: { level: string }) => c.level === '类');
        assert.equal(
          agg.total,
          byClass.reduce((a: number, c: { fen: number }) => a + c.fen, 0),
        );
        const down = await json(
          `/aggregate?region=xinjiang&year=2023&table=T3&level=${encodeURIComponent('款')}&prefix=201`,
        );
        assert.ok(down.cells.length > 0 && down.cells.every((c: { key: string }) => c.key.startsWith('201')));

        const fdp = await json('/fdp/demo/2023/datapackage.json');
        assert.equal(fdp.profile, 'fiscal-data-package');
        assert.match(fdp.resources[0].path, /format=csv/);
        const openapi = await json('/openapi.json');
        assert.equal(openapi.openapi, '3.1.0');
        for (const p of ['/regions', '/cells', '/aggregate']) assert.ok(openapi.paths[p], p);

        assert.equal((await get('/disclosures/999999')).status, 404);
        assert.equal((await get('/disclosures?year=abc')).status, 400);
        assert.equal((await get('/cells')).status, 400);
        assert.equal(
          (
            await get(
              `/aggregate?region=xinjiang&year=2023&table=T3&prefix=${encodeURIComponent("1' or 1=1")}`,
            )
          ).status,
          400,
        );
        assert.equal((await get('/nothing')).status, 404);
      } finally {
        await f.done();
      }
    });
  });
}
