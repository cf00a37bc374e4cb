/**
 * The portal over a store on both engines: whole pages cached and revalidated (304), fresh at once
 * after an import (also by another connection); the organisation tree; indicator search.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import { extractText } from '../../src/ingest/index.ts';
import { checkDisclosure } from '../../src/rules/engine.ts';
import { type Database, listUnits, StoreInputError, saveDisclosure } from '../../src/store/index.ts';
import { createApp } from '../../src/web/app.tsx';
import { loadDemo } from '../../src/web/demo.ts';
import { newPageCache } from '../../src/web/http-cache.ts';
import { ROOT, XINJIANG } from '../helpers/fixtures.ts';
import { ENGINES, engineHarness } from '../helpers/store.ts';

function saveText(db: Kysely<Database>, text: string, extra: { region?: string; parent?: string } = {}) {
  const model = extractText(text, { file: 'x.txt' });
  const report = checkDisclosure(model);
  return saveDisclosure(db, {
    model,
    original: new TextEncoder().encode(text),
    findings: report.findings,
    obligations: report.obligations,
    ...extra,
  });
}

const original = () => readFileSync(XINJIANG, 'utf8');
/** The example with one amount printed 0.01 higher: the same document, a new version. */
function changed(): string {
  const text = original();
  const out = text.replace(/^一般公共服务支出 2313\.63 459\.01$/m, '一般公共服务支出 2313.64 459.01');
  assert.notEqual(out, text);
  return out;
}

for (const engine of ENGINES) {
  describe(`portal over ${engine}`, () => {
    const fresh = engineHarness(engine);

    test('pages are cached, answered 304, and show an import at once', async () => {
      const f = await fresh();
      try {
        const v1 = await saveText(f.store.db, original());
        const pageCache = newPageCache();
        const app = createApp({ store: f.store, pageCache });
        const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });

        const d1 = await get(`/d/${v1.disclosureId}`);
        assert.equal(d1.status, 200);
        const etag = d1.headers.get('etag') ?? '';
        assert.match(etag, /^"[0-9a-f]{16}-g1-zh-[\w.-]+"$/);
        assert.equal(d1.headers.get('cache-control'), 'public, no-cache');
        assert.equal(d1.headers.get('vary'), 'Cookie');
        const body = await d1.text();
        const held = pageCache.entries;
        const again = await get(`/d/${v1.disclosureId}`);
        assert.equal(await again.text(), body);
        assert.equal(pageCache.entries, held, 'served from the cache');
        const notModified = await get(`/d/${v1.disclosureId}`, { 'If-None-Match': etag });
        assert.equal(notModified.status, 304);
        assert.equal(await notModified.text(), '');
        const en = await get(`/d/${v1.disclosureId}?lang=en`);
        assert.notEqual(en.headers.get('etag'), etag);
        assert.match(await en.text(), /<html lang="en">/);

        const unit = await get('/u/1');
        const unitTag = unit.headers.get('etag') ?? '';
        assert.match(await unit.text(), new RegExp(`href="/d/${v1.disclosureId}"`));
        const home = await (await get('/')).text();
        assert.match(home, new RegExp(`href="/d/${v1.disclosureId}"`));

        // a new version saved through another connection (as `gongkai import` would)
        const other = await f.reopen();
        const v2 = await saveText(other.db, changed());
        await other.close();
        assert.equal(v2.version, 2);

        const unit2 = await get('/u/1', { 'If-None-Match': unitTag });
        assert.equal(unit2.status, 200, 'the old ETag no longer matches');
        const unitBody = await unit2.text();
        assert.match(unitBody, new RegExp(`href="/d/${v2.disclosureId}"`));
        assert.equal(unitBody.match(/<a href="\/d\/\d+">2023<\/a>/g)?.length, 2, 'both versions listed');
        const old = await get(`/d/${v1.disclosureId}`, { 'If-None-Match': etag });
        assert.equal(old.status, 200);
        assert.match(await old.text(), new RegExp(`旧版本: <a href="/d/${v2.disclosureId}">最新</a>`));
        const home2 = await (await get('/')).text();
        assert.match(home2, new RegExp(`href="/d/${v2.disclosureId}"`));
        assert.doesNotMatch(home2, new RegExp(`href="/d/${v1.disclosureId}"`));
        // a comparison of two versions depends on them alone: cached for an hour
        const cmp = await get(`/compare?a=${v1.disclosureId}&b=${v2.disclosureId}`);
        assert.equal(cmp.status, 200);
        assert.equal(cmp.headers.get('cache-control'), 'public, max-age=3600');
        assert.equal((await get('/d/99999')).status, 404);
        assert.equal((await get('/u/99999')).status, 404);
      } finally {
        await f.done();
      }
    });

    test('units form a tree: parent on import, region tree, breadcrumb, API', async () => {
      const f = await fresh();
      try {
        await loadDemo(f.store, {
          examples: `${ROOT}examples`,
          units: 2,
          years: [2023],
          seed: 3,
          tree: { every: 2, under: 2 },
        });
        const units = await listUnits(f.store.db, { region: 'demo' });
        assert.equal(units.length, 4);
        const tops = units.filter((u) => u.parentId === null);
        assert.equal(tops.length, 2);
        const dept = tops.find((t) => units.some((u) => u.parentId === t.id))!;
        const under = units.filter((u) => u.parentId === dept.id);
        assert.deepEqual(
          under.map((u) => u.name.startsWith(dept.name)),
          [true, true],
        );
        // the Xinjiang example names no department: it has none
        assert.deepEqual(
          (await listUnits(f.store.db, 'xinjiang')).map((u) => u.parentId),
          [null],
        );

        const app = createApp({ store: f.store });
        const api = await (await app.request(`/api/v1/units?parent=${dept.id}`)).json();
        assert.deepEqual(
          api.units.map((u: { id: number; parentId: number }) => [u.id, u.parentId]),
          under.map((u) => [u.id, dept.id]),
        );
        assert.equal((await app.request('/api/v1/units?parent=abc')).status, 400);

        const region = await (await app.request('/r/demo')).text();
        const item = new RegExp(
          `<li data-unit="${dept.id}" class="department"><details open="">[\\s\\S]*?<ul class="tree">([\\s\\S]*?)</ul></details></li>`,
        ).exec(region);
        assert.ok(item, 'the department is a collapsible node');
        for (const u of under) assert.match(item[1]!, new RegExp(`<a href="/u/${u.id}">${u.name}</a>`));

        const leaf = await (await app.request(`/u/${under[0]!.id}`)).text();
        assert.match(
          leaf,
          new RegExp(
            `<nav class="breadcrumb muted" aria-label="位置"><a href="/r/demo">[^<]+</a> › <a href="/u/${dept.id}" data-parent="true">${dept.name}</a> › <span aria-current="page">${under[0]!.name}</span>`,
          ),
        );
        const top = await (await app.request(`/u/${dept.id}`)).text();
        assert.match(top, /所属单位（2）/);

        // a unit cannot be its own department
        await assert.rejects(
          saveText(f.store.db, changed(), { parent: '昌吉州工业和信息化局' }),
          (e) => e instanceof StoreInputError && /itself/.test(e.message),
        );
      } finally {
        await f.done();
      }
    });

    test('indicator search: one row per indicator, latest versions, grouped by unit, anchored', async () => {
      const f = await fresh();
      try {
        const v1 = await saveText(f.store.db, original());
        const model = extractText(original());
        const count = model.performance.reduce((a, p) => a + p.indicators.length, 0);
        const rows = await f.store.db
          .selectFrom('indicators')
          .select(['project_ord', 'indicator_ord', 'level3'])
          .where('disclosure_id', '=', v1.disclosureId)
          .orderBy('ord')
          .execute();
        assert.equal(rows.length, count);
        assert.deepEqual(rows[0], { project_ord: 1, indicator_ord: 1, level3: '全年改扩建酒庄' });
        const v2 = await saveText(f.store.db, changed());
        const app = createApp({ store: f.store });
        const page = await (await app.request(`/search?q=${encodeURIComponent('酒庄')}`)).text();
        assert.match(
          page,
          /<section class="hits" data-unit="1"><h3><a href="\/u\/1">昌吉州工业和信息化局<\/a>/,
        );
        assert.match(page, new RegExp(`<a href="/d/${v2.disclosureId}#ind-1-1">全年改扩建酒庄</a>`));
        assert.doesNotMatch(page, new RegExp(`/d/${v1.disclosureId}#`), 'only the latest version');
        const doc = await (await app.request(`/d/${v2.disclosureId}`)).text();
        assert.match(doc, /<section class="table perf" id="perf-1">/);
        assert.match(doc, /<tr id="ind-1-1">[\s\S]*?全年改扩建酒庄[\s\S]*?<\/tr>/);
        // a project name finds its indicators too; LIKE wildcards are literal
        const byProject = await (
          await app.request(`/search?q=${encodeURIComponent('葡萄酒发展专项')}`)
        ).text();
        assert.ok((byProject.match(/#ind-1-\d+"/g) ?? []).length >= 8);
        // unescaped, 酒庄% would match 全年改扩建酒庄 (酒庄 then anything)
        const wild = await (await app.request(`/search?q=${encodeURIComponent('酒庄%')}`)).text();
        assert.doesNotMatch(wild, /#ind-/);
      } finally {
        await f.done();
      }
    });
  });
}
