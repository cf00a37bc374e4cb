/** The public pages over a store holding the Xinjiang example and a Shanghai PDF (SQLite). */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { importPaths } from '../../src/store/importer.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { createApp } from '../../src/web/app.tsx';
import { XINJIANG } from '../helpers/fixtures.ts';
import { CORPUS } from '../helpers/pdf-fixtures.ts';

describe('web: public pages', () => {
  let store: Store;
  let dir: string;
  let app: ReturnType<typeof createApp>;
  const get = async (path: string) => {
    const r = await app.request(path);
    return { status: r.status, body: await r.text(), headers: r.headers };
  };
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-web-'));
    store = await openStore({ file: join(dir, 'gongkai.sqlite') });
    const out = await importPaths(store, [XINJIANG, `${CORPUS}shanghai/2025-putuo-commerce-dept.pdf`]);
    assert.deepEqual(
      out.map((o) => o.ok),
      [true, true],
    );
    app = createApp({ store });
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('home lists regions and disclosures with their quality badge', async () => {
    const r = await get('/');
    assert.equal(r.status, 200);
    assert.match(r.body, /新疆维吾尔自治区/);
    assert.match(r.body, /上海市/);
    assert.match(r.body, /<a href="\/d\/1">昌吉州工业和信息化局 2023<\/a>/);
    assert.match(r.body, /data-errors="24" data-warnings="14"/);
  });

  it('a disclosure page marks each cell finding on its cell and links to it', async () => {
    const r = await get('/d/1');
    assert.equal(r.status, 200);
    // T2 201 总计 is 6504.69 where its parts sum to 10493.75 (arithmetic.row, the first finding)
    assert.match(
      r.body,
      /<td class="num flag error" id="f-1" data-findings="1[ "][^>]*data-column="总计" data-row="201">6,504\.69<\/td>/,
    );
    assert.match(
      r.body,
      /<li class="error" id="finding-1" data-rule="arithmetic.row">[\s\S]*?<a href="#f-1">/,
    );
    const flagged = r.body.match(/<td class="num flag /g)?.length ?? 0;
    assert.ok(flagged >= 10, `cells flagged: ${flagged}`);
    assert.match(r.body, /<mark class="flag /, 'a narrative finding marked on its sentence');
    for (const f of ['original', 'html', 'pdf', 'docx', 'xlsx', 'csv', 'json'])
      assert.match(r.body, new RegExp(`/d/1/download/${f}"`));
    for (const c of ['by-class', 'basic-project', 'economic', 'income'])
      assert.match(r.body, new RegExp(`/d/1/charts/${c}\\.svg`));
  });

  it('charts are well-formed SVG with the document numbers', async () => {
    const r = await get('/d/1/charts/by-class.svg');
    assert.equal(r.headers.get('content-type'), 'image/svg+xml');
    assert.match(r.body, /^<svg /);
    assert.match(r.body, /6504\.69/);
    assert.doesNotMatch(r.body, /font-family:"[^;]*"/, 'no double quotes inside a style attribute');
  });

  it('downloads the original bytes and the model', async () => {
    const original = await app.request('/d/1/download/original');
    assert.equal(original.status, 200);
    assert.deepEqual(new Uint8Array(await original.arrayBuffer()), new Uint8Array(readFileSync(XINJIANG)));
    assert.match(original.headers.get('content-disposition') ?? '', /^attachment; .*filename\*=UTF-8''/);
    const json = JSON.parse((await get('/d/1/download/json')).body);
    assert.equal(json.unitName, '昌吉州工业和信息化局');
    const csv = await get('/d/1/download/csv');
    assert.match(csv.body, /^table,row,label,column,value,unit,source/);
  });

  it('unit page: years, badges, key figures', async () => {
    const r = await get('/u/1');
    assert.equal(r.status, 200);
    assert.match(r.body, /<a href="\/d\/1">2023<\/a>/);
    assert.match(r.body, /支出合计/);
  });

  it('search finds subjects by code and by name across units', async () => {
    const byCode = await get('/search?q=2011301');
    assert.match(byCode.body, /行政运行/);
    const byName = await get(`/search?q=${encodeURIComponent('行政运行')}`);
    assert.match(byName.body, /昌吉州工业和信息化局/);
    assert.match(byName.body, /上海市普陀区商务委员会/);
  });

  it('region totals sum by 类 and drill down to 款', async () => {
    const r = await get('/r/xinjiang/totals');
    assert.equal(r.status, 200);
    assert.match(r.body, /<tr data-key="201">/);
    const down = await get(
      `/r/xinjiang/totals?year=2023&table=T2&by=code&level=${encodeURIComponent('款')}&prefix=201`,
    );
    assert.match(down.body, /<tr data-key="20113">/);
    assert.doesNotMatch(down.body, /<tr data-key="208/);
  });

  it('unknown ids are 404, hostile ids are 404 not errors', async () => {
    assert.equal((await get('/d/999')).status, 404);
    assert.equal((await get('/d/1%27%20or%201=1')).status, 404);
    assert.equal((await get('/u/abc')).status, 404);
    assert.equal((await get('/d/1/download/exe')).status, 404);
  });

  it('compares two disclosures side by side with the differences', async () => {
    const r = await get('/compare?a=1&b=2');
    assert.equal(r.status, 200);
    assert.match(r.body, /昌吉州工业和信息化局 2023/);
    assert.match(r.body, /上海市普陀区商务委员会 2025/);
    assert.match(r.body, /支出合计/);
    assert.equal((await get('/compare?a=1&b=999')).status, 404);
  });

  it('switches to English', async () => {
    const r = await get('/d/1?lang=en');
    assert.match(r.body, /<html lang="en">/);
    assert.match(r.body, /Downloads/);
  });
});
