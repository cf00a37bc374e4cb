/**
 * The portal in a real browser (Debian's chromium driven by playwright-core): open home, reach the
 * Xinjiang disclosure, see a finding marked on its cell, switch language, download the XLSX, upload
 * a file on the check page and see its findings. Chromium must be installed (`.ci/run` installs it);
 * without it this test fails, it never skips.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { serve } from '@hono/node-server';
import { type Browser, chromium, type Page } from 'playwright-core';
import { importPaths } from '../../src/store/importer.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { createApp } from '../../src/web/app.tsx';
import { XINJIANG } from '../helpers/fixtures.ts';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

describe('portal in chromium', () => {
  let store: Store;
  let dir: string;
  let server: ReturnType<typeof serve>;
  let base: string;
  let browser: Browser;
  let page: Page;

  before(async () => {
    assert.ok(
      existsSync(CHROMIUM),
      `chromium not found at ${CHROMIUM}: apt-get install chromium (.ci/run does)`,
    );
    dir = mkdtempSync(join(tmpdir(), 'gongkai-browser-'));
    store = await openStore({ file: join(dir, 'g.sqlite') });
    const out = await importPaths(store, [XINJIANG]);
    assert.ok(out[0]?.ok);
    server = serve({ fetch: createApp({ store }).fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    });
    page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  });

  after(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('home → the Xinjiang disclosure → a finding marked on its cell', async () => {
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: /昌吉州工业和信息化局 2023/ }).click();
    await page.waitForURL(/\/d\/\d+$/);
    assert.match((await page.locator('h1').textContent()) ?? '', /昌吉州工业和信息化局 2023/);
    // the first finding: T2 201 总计 printed 6504.69 where its parts sum to 10493.75
    await page.locator('#finding-1 a').click();
    const cell = page.locator('#f-1');
    assert.equal(await cell.textContent(), '6,504.69');
    assert.match((await cell.getAttribute('class')) ?? '', /flag error/);
    assert.match((await cell.getAttribute('title')) ?? '', /10493\.75/);
    assert.ok(await cell.isVisible());
  });

  it('switches to English and back', async () => {
    await page.locator('[data-switch-lang]').click();
    await page.waitForLoadState();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.ok(await page.getByText('Downloads').isVisible());
    await page.locator('[data-switch-lang]').click();
    await page.waitForLoadState();
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');
  });

  it('downloads the XLSX', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('a[data-format="xlsx"]').click(),
    ]);
    const path = await download.path();
    const bytes = readFileSync(path);
    assert.deepEqual([...bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04], 'a zip (xlsx)');
    assert.match(download.suggestedFilename(), /\.xlsx$/);
  });

  it('uploads a file on the check page and shows its findings', async () => {
    await page.goto(`${base}/check`);
    await page.setInputFiles('input[type=file]', XINJIANG);
    await page.locator('form.upload button[type=submit]').click();
    await page.waitForSelector('ol.findings');
    assert.match((await page.locator('p.summary').textContent()) ?? '', /错误 24 项/);
    assert.equal(await page.locator('ol.findings li.error').count(), 24);
  });
});
