/** `gongkai check` and `gongkai rules`: formats, exit codes, the JSON shape of issue 3. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseCsv } from '../../src/catalog/csv.ts';
import { rulesMarkdown } from '../../src/rules/docs.ts';
import { RULES } from '../../src/rules/registry.ts';
import { gongkai } from '../helpers/cli.ts';
import { ROOT, XINJIANG } from '../helpers/fixtures.ts';

describe('gongkai check', () => {
  it('prints JSON in the documented shape and exits 1 on errors', () => {
    const r = gongkai(['check', XINJIANG, '--format', 'json']);
    assert.equal(r.status, 1, r.stderr);
    const out = JSON.parse(r.stdout) as { documents: Record<string, unknown>[] };
    const d = out.documents[0]!;
    assert.deepEqual(Object.keys(d), ['source', 'unit', 'year', 'template', 'findings', 'obligations']);
    assert.equal(d.unit, '昌吉州工业和信息化局');
    const findings = d.findings as Record<string, unknown>[];
    const f = findings[0]!;
    for (const k of [
      'rule',
      'severity',
      'category',
      'message',
      'locations',
      'stated',
      'expected',
      'difference',
    ])
      assert.ok(k in f, k);
    assert.deepEqual((f.locations as unknown[])[0], { table: 'T2', row: '201', column: '总计', line: 314 });
    const obligations = d.obligations as { rule: string; status: string }[];
    assert.deepEqual(obligations.map((o) => o.rule).sort(), RULES.map((x) => x.meta.id).sort());
  });
  it('exits 0 with --fail-on never, and prints a terminal report grouped by part', () => {
    const r = gongkai(['check', XINJIANG, '--fail-on', 'never']);
    assert.equal(r.status, 0);
    assert.match(
      r.stdout,
      /昌吉州工业和信息化局 · 2023 年 · 模板 xinjiang-2023 · 错误 \d+ · 警告 \d+ · 提示 \d+/,
    );
    assert.match(r.stdout, /-- 表格 T2\n {3}\[错误\] 总计 = 财政拨款小计/);
  });
  it('writes a self-contained HTML page and a CSV', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-check-'));
    gongkai(['check', XINJIANG, '--format', 'html', '--out', join(dir, 'r.html')]);
    const html = readFileSync(join(dir, 'r.html'), 'utf8');
    assert.match(html, /^<!DOCTYPE html>\n<html lang="zh-CN">/);
    assert.doesNotMatch(html, /<script|<link|src=/);
    assert.match(html, /<th scope="col">级别<\/th>/);
    const csv = parseCsv(gongkai(['check', XINJIANG, '--format', 'csv']).stdout);
    assert.deepEqual(csv[0], [
      'source',
      'rule',
      'severity',
      'category',
      'message',
      'location',
      'stated',
      'expected',
      'difference',
    ]);
    assert.ok(csv.length > 20);
  });
  it('exits 2 for unreadable input but still reports the readable files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-check-'));
    writeFileSync(join(dir, 'empty.txt'), '');
    const r = gongkai(['check', join(dir, 'empty.txt'), XINJIANG, '--format', 'json']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /empty\.txt: the file is empty/);
    const out = JSON.parse(r.stdout) as { documents: { error?: string; findings?: unknown[] }[] };
    assert.equal(out.documents[0]!.error, 'the file is empty (0 bytes)');
    assert.ok((out.documents[1]!.findings?.length ?? 0) > 0);
  });
});

describe('gongkai rules', () => {
  it('lists the catalogue, and docs/rules.md is generated from it', () => {
    const r = gongkai(['rules']);
    assert.equal(r.status, 0);
    for (const rule of RULES)
      assert.match(r.stdout, new RegExp(`^${rule.meta.id.replace('.', '\\.')} `, 'm'));
    assert.equal(
      readFileSync(`${ROOT}docs/rules.md`, 'utf8'),
      rulesMarkdown(),
      'docs/rules.md is stale: npm run docs',
    );
  });
  it('every rule has an id, titles, a category, a severity and a description', () => {
    const ids = new Set<string>();
    for (const r of RULES) {
      assert.ok(!ids.has(r.meta.id), `duplicate ${r.meta.id}`);
      ids.add(r.meta.id);
      assert.ok(r.meta.title.zh && r.meta.title.en && r.meta.description, r.meta.id);
      assert.ok(['error', 'warning', 'info'].includes(r.meta.severity));
    }
  });
});
