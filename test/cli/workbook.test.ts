/**
 * `gongkai workbook`, `gongkai compose` of a facts workbook and `gongkai extract --format xlsx`: the
 * workbook composes to the same text as the JSON it holds, extract's workbook serves both the table
 * reader (its table sheets) and compose (its facts sheets), and bad input exits 2.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { compose } from '../../src/compose/compose.ts';
import { factsFromDisclosure } from '../../src/compose/from-disclosure.ts';
import { readFactsWorkbook } from '../../src/compose/workbook/read.ts';
import { readWorkbook } from '../../src/ingest/index.ts';
import { renderText } from '../../src/render/text.ts';
import { renderXlsx } from '../../src/render/xlsx.ts';
import { gongkai } from '../helpers/cli.ts';
import { ROOT, XINJIANG, xinjiang } from '../helpers/fixtures.ts';
import { tableDifferences } from '../helpers/workbook.ts';

const SMALL = `${ROOT}test/compose/fixtures/small-unit.json`;

describe('gongkai workbook and compose of a workbook', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-workbook-'));

  it('writes the facts of a JSON file; compose of the workbook prints the same text as of the JSON', () => {
    const xlsx = join(dir, 'small.xlsx');
    const w = gongkai(['workbook', '--from', SMALL, '--out', xlsx]);
    assert.equal(w.status, 0, w.stderr);
    const a = gongkai(['compose', xlsx, '--out', join(dir, 'a'), '--format', 'txt']);
    const b = gongkai(['compose', SMALL, '--out', join(dir, 'b'), '--format', 'txt']);
    assert.equal(a.status, 0, a.stderr);
    assert.equal(b.status, 0, b.stderr);
    const text = readFileSync(join(dir, 'a', 'small.txt'));
    assert.ok(text.length > 5000);
    assert.deepEqual(text, readFileSync(join(dir, 'b', 'small-unit.txt')));
    // detected by content: the same workbook under another name
    const renamed = join(dir, 'facts.dat');
    writeFileSync(renamed, readFileSync(xlsx));
    const c = gongkai(['compose', renamed, '--out', join(dir, 'c'), '--format', 'txt']);
    assert.equal(c.status, 0, c.stderr);
    assert.deepEqual(readFileSync(join(dir, 'c', 'facts.dat.txt')), text);
  });

  it('writes an empty workbook of a template, which compose refuses naming the cells to fill (exit 2)', () => {
    const empty = join(dir, 'empty.xlsx');
    const w = gongkai(['workbook', '--template', 'xinjiang-2023', '--out', empty]);
    assert.equal(w.status, 0, w.stderr);
    const c = gongkai(['compose', empty, '--out', join(dir, 'e')]);
    assert.equal(c.status, 2);
    assert.match(c.stderr, /基本信息!B5: empty: 「单位名称」 is required/);
  });

  it('refuses a missing or unknown template and a workbook that is not a facts workbook (exit 2)', async () => {
    const out = join(dir, 'x.xlsx');
    const none = gongkai(['workbook', '--out', out]);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /needs its template/);
    const unknown = gongkai(['workbook', '--template', 'nowhere-1999', '--out', out]);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown template: nowhere-1999 \(known: xinjiang-2023/);
    const tables = join(dir, 'tables.xlsx');
    writeFileSync(tables, await renderXlsx(xinjiang()));
    const c = gongkai(['compose', tables, '--out', join(dir, 't')]);
    assert.equal(c.status, 2);
    assert.match(c.stderr, /not a facts workbook: none of its sheets \(基本信息/);
  });
});

describe('gongkai extract --format xlsx: tables and facts in one workbook', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-extract-facts-'));
  const out = join(dir, 'changji.xlsx');
  const r = gongkai(['extract', XINJIANG, '--format', 'xlsx', '--out', out]);

  it('the table reader reads the same tables from it', async () => {
    assert.equal(r.status, 0, r.stderr);
    const bytes = new Uint8Array(readFileSync(out));
    const w = await readWorkbook(bytes, { file: out });
    const tablesOnly = await readWorkbook(new Uint8Array(await renderXlsx(xinjiang())), { file: out });
    assert.deepEqual(tableDifferences(xinjiang(), w), []);
    assert.deepEqual(w.missing, []);
    // the same problems as the workbook of tables alone (T7's five unplaced amounts), none of the facts
    assert.deepEqual(w.problems, tablesOnly.problems);
    assert.equal(w.problems.length, 5);
    assert.deepEqual([w.year, w.unitName, w.template], [2023, '昌吉州工业和信息化局', 'xinjiang-2023']);
  });

  it('compose reads its facts sheets: the facts of the document, composed to the same text', async () => {
    const facts = await readFactsWorkbook(new Uint8Array(readFileSync(out)));
    const direct = factsFromDisclosure(xinjiang()).facts;
    assert.equal(facts.unitName, direct.unitName);
    assert.equal(facts.lines.length, direct.lines.length);
    assert.equal(renderText(compose(facts).disclosure), renderText(compose(direct).disclosure));
  });

  it('gongkai workbook --from it keeps its facts sheets (as a preparer edited them)', async () => {
    const edited = join(dir, 'edited.xlsx');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as never);
    wb.getWorksheet('职能')!.getCell('A2').value = '改写的第一条职能';
    await wb.xlsx.writeFile(edited);
    const facts = join(dir, 'facts-only.xlsx');
    const w = gongkai(['workbook', '--from', edited, '--out', facts]);
    assert.equal(w.status, 0, w.stderr);
    const back = await readFactsWorkbook(new Uint8Array(readFileSync(facts)));
    assert.deepEqual(back, await readFactsWorkbook(new Uint8Array(readFileSync(edited))));
    assert.equal(back.functions[0], '改写的第一条职能');
  });
});
