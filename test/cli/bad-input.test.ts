/** Bad input gets one clear line on stderr, exit code 2, no stack trace, bounded time and memory. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gongkai } from '../helpers/cli.ts';
import { XINJIANG } from '../helpers/fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-bad-'));
function file(name: string, content: string | Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

function refusedWith(args: string[], pattern: RegExp): string {
  const r = gongkai(args);
  assert.equal(r.status, 2, r.stderr);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0]!, pattern);
  assert.doesNotMatch(r.stderr, /\bat .*\(.*:\d+:\d+\)/); // no stack trace
  return r.stdout;
}

function refused(args: string[], pattern: RegExp): void {
  refusedWith(args, pattern);
}

describe('extract refuses bad input', () => {
  it('an empty file', () => refused(['extract', file('empty.txt', '')], /^gongkai: the file is empty/));
  it('a file of blank lines', () =>
    refused(['extract', file('blank.txt', '\n  \n\n')], /^gongkai: the document is empty/));
  it('a binary file', () =>
    refused(['extract', file('bin.dat', new Uint8Array([1, 0, 2, 0, 255, 254, 0]))], /binary file/));
  it('bytes that are no text encoding', () =>
    refused(
      ['extract', file('latin.txt', new Uint8Array([0x81, 0x30, 0xff, 0xff, 0xfe]))],
      /not a text file/,
    ));
  it('a file that starts like a PDF but is not one', () =>
    refused(['extract', file('x.pdf', '%PDF-1.7\n...')], /not a valid PDF/));
  it('a truncated workbook', () =>
    refused(
      ['extract', file('x.xlsx', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))],
      /^gongkai: not a valid workbook \(xlsx\): the zip directory is missing/,
    ));
  it('an OLE file that is no workbook', () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    refused(['extract', file('x.xls', ole)], /^gongkai: not a valid workbook \(xls\)/);
  });
  it('--format xlsx without --out', () =>
    refused(
      ['extract', XINJIANG, '--format', 'xlsx'],
      /--format xlsx writes a workbook: give the file with --out/,
    ));
  it('a text that is not a disclosure', () =>
    refused(
      ['extract', file('poem.txt', '床前明月光\n疑是地上霜\n举头望明月\n低头思故乡\n')],
      /not a budget disclosure of a known template family \(closest: xinjiang-2023, 0 of 14 headings and table titles found/,
    ));
  it('a disclosure of another family (its parts, none of the tables): says which template came closest', () => {
    const text = [
      '第一部分 部门概况',
      '一、主要职能',
      '第二部分 2019 年度部门预算表',
      '一、单位收支总体明细表',
      '第三部分 2019 年度部门预算情况说明',
      '第四部分 名词解释',
    ].join('\n');
    refused(
      ['extract', file('other-family.txt', text)],
      /closest: xinjiang-2023, 4 of 14 headings and table titles found: 4 part headings, 0 table titles/,
    );
  });
  it('a missing file', () => refused(['extract', join(dir, 'nope.txt')], /cannot read .*nope\.txt: ENOENT/));
  it('a directory', () => refused(['extract', dir], /is not a file/));
  it('an unknown template', () =>
    refused(['extract', XINJIANG, '--template', 'mars-2999'], /unknown template "mars-2999"/));
  it('a 100 MB file, refused before it is read', () => {
    const p = join(dir, 'huge.txt');
    writeFileSync(p, '');
    truncateSync(p, 100 * 1024 * 1024);
    const t0 = Date.now();
    refused(['extract', p], /too large \(100\.0 MB; limit 2 MB\)/);
    assert.ok(Date.now() - t0 < 20_000);
  });
  it('a truncated document: what is there is output, what is missing is listed', () => {
    const text = readFileSync(XINJIANG, 'utf8').split('\n').slice(0, 700).join('\n');
    const out = refusedWith(
      ['extract', file('truncated.txt', text)],
      /the document is incomplete: P3, P4, T7, T8, T9, T10, PERF not found/,
    );
    const d = JSON.parse(out);
    assert.deepEqual(
      d.tables.map((t: { id: string }) => t.id),
      ['T1', 'T2', 'T3', 'T4', 'T5', 'T6'],
    );
    assert.deepEqual(d.missing, ['P3', 'P4', 'T7', 'T8', 'T9', 'T10', 'PERF']);
  });
  it('a large hostile document (a table repeated 150 times) finishes in bounded time, leaving what it cannot solve open', () => {
    const lines = readFileSync(XINJIANG, 'utf8').split('\n');
    const big = [
      ...lines.slice(0, 312),
      ...Array.from({ length: 150 }, () => lines.slice(312, 428)).flat(),
      ...lines.slice(428),
    ];
    const t0 = Date.now();
    const r = gongkai(['extract', file('hostile.txt', big.join('\n'))]);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(Date.now() - t0 < 60_000);
    const d = JSON.parse(r.stdout) as { tables: { id: string; rows: unknown[] }[] };
    assert.ok(d.tables.find((t) => t.id === 'T2')!.rows.length > 3000);
  });
});
