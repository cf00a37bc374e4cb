/** `gongkai extract` on the example: JSON valid against the published schema, CSV one cell per line. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import { parseCsv } from '../../src/catalog/csv.ts';
import { disclosureJsonSchema } from '../../src/model/json-schema.ts';
import { gongkai } from '../helpers/cli.ts';
import { ROOT, XINJIANG, xinjiang } from '../helpers/fixtures.ts';

describe('gongkai extract', () => {
  it('prints the model as JSON that validates against schema/disclosure.schema.json', () => {
    const r = gongkai(['extract', XINJIANG]);
    assert.equal(r.status, 0, r.stderr);
    const published = JSON.parse(readFileSync(`${ROOT}schema/disclosure.schema.json`, 'utf8'));
    assert.deepEqual(
      published,
      JSON.parse(JSON.stringify(disclosureJsonSchema())),
      'the published schema is up to date',
    );
    const ajv = new Ajv2020.default({ allErrors: true, strict: false });
    const validate = ajv.compile(published);
    const doc = JSON.parse(r.stdout) as { tables: { rows: { cells: { fen: unknown }[] }[] }[] };
    assert.ok(validate(doc), JSON.stringify(validate.errors?.slice(0, 3)));
    assert.equal(doc.tables.length, 10);
    // A document with a wrong field is rejected by the schema (the check can fail).
    doc.tables[0]!.rows[0]!.cells[0]!.fen = 'many';
    assert.equal(validate(doc), false);
  });

  it('prints one cell per line as CSV with the documented header', () => {
    const r = gongkai(['extract', XINJIANG, '--format', 'csv']);
    assert.equal(r.status, 0, r.stderr);
    const rows = parseCsv(r.stdout);
    assert.deepEqual(rows[0], ['table', 'row', 'label', 'column', 'value', 'unit', 'source']);
    const find = (table: string, row: string, column: string) =>
      rows.find((x) => x[0] === table && x[1] === row && x[3] === column);
    assert.deepEqual(find('T2', '合计', '财政拨款结转'), [
      'T2',
      '合计',
      '合计',
      '财政拨款结转',
      '3991.48',
      '万元',
      '429',
    ]);
    assert.deepEqual(find('T1', '一般公共预算拨款', '预算数'), [
      'T1',
      '一般公共预算拨款',
      '1.一般公共预算拨款',
      '预算数',
      '2918.03',
      '万元',
      '125',
    ]);
    assert.deepEqual(find('T6', '30217', '公用经费'), [
      'T6',
      '30217',
      '公务接待费',
      '公用经费',
      '0.50',
      '万元',
      '715',
    ]);
    assert.deepEqual(find('PERF', '昌吉州2023年葡萄酒发展专项', '权重')?.slice(0, 5), [
      'PERF',
      '昌吉州2023年葡萄酒发展专项',
      '全年改扩建酒庄',
      '权重',
      '10',
    ]);
    const d = xinjiang();
    const cells = d.tables.reduce((n, t) => n + t.rows.reduce((m, x) => m + x.cells.length, 0), 0);
    const perf = rows.filter((x) => x[0] === 'PERF').length;
    assert.equal(rows.length - 1, cells + perf);
    // Unresolved cells are listed with an empty column, never dropped.
    assert.equal(rows.filter((x) => x[0] === 'T7' && x[3] === '').length, 5);
  });

  it('writes to --out and accepts --template', () => {
    const out = `${ROOT}node_modules/.cache-gongkai-test.csv`;
    const r = gongkai(['extract', XINJIANG, '--format', 'csv', '--template', 'xinjiang-2023', '--out', out]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(readFileSync(out, 'utf8'), /^table,row,label,column,value,unit,source\n/);
  });
  it('reads the same document saved as GB18030 (GBK) text, and with CRLF line ends', () => {
    const utf8 = readFileSync(XINJIANG, 'utf8');
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-enc-'));
    // test/fixtures/encodings: the example saved as GB18030 (made with Python's gb18030 codec).
    writeFileSync(join(dir, 'crlf.txt'), utf8.replace(/\n/g, '\r\n'));
    const want = gongkai(['extract', XINJIANG, '--format', 'csv']).stdout;
    const gbk = `${ROOT}test/fixtures/encodings/changji-miit-2023-budget.gb18030.txt`;
    assert.notDeepEqual(readFileSync(gbk), readFileSync(XINJIANG));
    assert.equal(gongkai(['extract', gbk, '--format', 'csv']).stdout, want);
    assert.equal(gongkai(['extract', join(dir, 'crlf.txt'), '--format', 'csv']).stdout, want);
  });
});
