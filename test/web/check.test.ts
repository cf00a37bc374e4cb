/** The check page: upload, findings at once, nothing stored, clear refusals, safe headers. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { extractText } from '../../src/ingest/index.ts';
import { renderXlsx } from '../../src/render/xlsx.ts';
import { createApp } from '../../src/web/app.tsx';
import { MAX_UPLOAD_BYTES } from '../../src/web/pages/check.tsx';
import { XINJIANG } from '../helpers/fixtures.ts';

const app = createApp();

function upload(bytes: Uint8Array | string, name: string, query = '') {
  const form = new FormData();
  form.set('file', new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name));
  return app.request(`/check${query}`, { method: 'POST', body: form });
}

describe('web: check a document', () => {
  it('shows the upload form in Chinese by default, in English on request', async () => {
    const zh = await app.request('/check');
    assert.equal(zh.status, 200);
    const body = await zh.text();
    assert.match(body, /^<!DOCTYPE html><html lang="zh-CN">/);
    assert.match(body, /<form class="upload" method="post" action="\/check" enctype="multipart\/form-data">/);
    assert.match(body, /检查文件/);
    const en = await (await app.request('/check?lang=en')).text();
    assert.match(en, /<html lang="en">/);
    assert.match(en, /Check a document/);
    assert.match(en, /href="\/check\?lang=zh"/);
  });

  it('sends security headers', async () => {
    const r = await app.request('/check');
    assert.match(
      r.headers.get('content-security-policy') ?? '',
      /default-src 'self'.*frame-ancestors 'none'/,
    );
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(r.headers.get('x-frame-options'), 'DENY');
  });

  it('checks the Xinjiang example and lists its findings and every rule', async () => {
    const r = await upload(readFileSync(XINJIANG), 'changji.txt');
    assert.equal(r.status, 200);
    const body = await r.text();
    const errors = body.match(/<li class="error"/g)?.length ?? 0;
    assert.equal(errors, 24, 'the 24 errors asserted in test/rules/xinjiang.test.ts');
    assert.match(body, /错误 24 项/);
    assert.match(body, /data-rule="arithmetic.hierarchy"/);
    const rules = body.match(/<tr data-status=/g)?.length ?? 0;
    assert.ok(rules >= 40, `every rule listed (${rules})`);
  });

  it('checks a workbook: the tables of the example written as xlsx', async () => {
    const xlsx = await renderXlsx(extractText(readFileSync(XINJIANG, 'utf8')));
    const r = await upload(new Uint8Array(xlsx), 'changji.xlsx');
    assert.equal(r.status, 200);
    const body = await r.text();
    assert.match(body, /data-rule="arithmetic.row"/, 'the table defects are found in the workbook too');
  });

  it('escapes what the uploaded document prints', async () => {
    const text = readFileSync(XINJIANG, 'utf8').replace('昌吉州工业和信息化局', '<script>alert(1)</script>');
    const body = await (await upload(text, '<img src=x onerror=alert(1)>.txt')).text();
    assert.doesNotMatch(body, /<script>alert/);
    assert.doesNotMatch(body, /<img src=x/);
    assert.match(body, /&lt;img src=x onerror=alert\(1\)&gt;/);
  });

  it('refuses a file that is not a disclosure with 422 and the reason', async () => {
    const r = await upload('床前明月光\n疑是地上霜\n', 'poem.txt');
    assert.equal(r.status, 422);
    assert.match(await r.text(), /role="alert".*not a budget disclosure/s);
  });

  it('refuses binary and broken PDFs with a 4xx', async () => {
    assert.equal((await upload(new Uint8Array([1, 0, 2, 0, 255]), 'x.bin')).status, 415);
    const pdf = await upload('%PDF-1.7\n...', 'x.pdf');
    assert.ok(pdf.status >= 400 && pdf.status < 500, String(pdf.status));
    assert.match(await pdf.text(), /not a valid PDF/);
  });

  it('refuses an empty form and a file over the limit', async () => {
    const empty = await app.request('/check', { method: 'POST', body: new FormData() });
    assert.equal(empty.status, 400);
    const big = await upload(new Uint8Array(MAX_UPLOAD_BYTES + 1), 'big.txt');
    assert.equal(big.status, 413);
  });

  it('answers an unknown page with 404 in the page frame', async () => {
    const r = await app.request('/nowhere');
    assert.equal(r.status, 404);
    assert.match(await r.text(), /页面不存在/);
  });
});
