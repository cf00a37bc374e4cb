/**
 * `check` on a workbook made from the Xinjiang example finds what it finds on the text about the
 * tables: the same rules at the same cells. (The narrative, performance tables and glossary are not
 * in a workbook; their findings are absent, and completeness does not claim them missing.)
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadCatalog } from '../../../src/catalog/catalog.ts';
import { readWorkbook } from '../../../src/ingest/index.ts';
import type { Disclosure } from '../../../src/model/schema.ts';
import { reportText } from '../../../src/render/report.ts';
import { renderXlsx } from '../../../src/render/xlsx.ts';
import { checkDisclosure } from '../../../src/rules/engine.ts';
import { gongkai } from '../../helpers/cli.ts';
import { xinjiang } from '../../helpers/fixtures.ts';

/**
 * The catalog without the codes and names read from the example itself (check leaves them out by
 * the document's file name, which a workbook made from it does not carry).
 */
const withoutExample = loadCatalog().excluding('changji-miit-2023-budget.txt');

/** Findings located in tables only: rule, severity and the cells, and the message. */
function tableFindings(d: Disclosure): { key: string; message: string }[] {
  return checkDisclosure(d, { catalog: withoutExample })
    .findings.filter((f) => f.locations.length > 0 && f.locations.every((l) => 'table' in l))
    .map((f) => ({
      key: `${f.rule} ${f.severity} ${f.locations
        .map((l) => ('table' in l ? `${l.table}/${l.row ?? ''}/${l.column ?? ''}` : ''))
        .join(';')}`,
      message: f.message,
    }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

describe('check on a workbook', () => {
  it('gives the table findings of the source text', async () => {
    const d = xinjiang();
    const w = await readWorkbook(new Uint8Array(await renderXlsx(d)));
    const a = tableFindings(d);
    const b = tableFindings(w);
    assert.ok(a.length >= 15, `${a.length} table findings on the text`);
    assert.deepEqual(
      b.map((f) => f.key),
      a.map((f) => f.key),
    );
    // Messages agree too; where a rule quotes a code as printed, the text spaced it (`208 05 02`).
    const unspaced = (m: string) => m.replace(/(\d) (?=\d)/g, '$1');
    const differ = a.filter((f, i) => f.message !== b[i]!.message);
    assert.deepEqual(
      differ.map((f) => f.key.split(' ')[0]),
      ['classification.code-kind', 'classification.name-matches', 'classification.name-matches'],
    );
    assert.deepEqual(
      b.map((f) => unspaced(f.message)),
      a.map((f) => unspaced(f.message)),
    );
    // No finding claims the narrative parts missing from a workbook.
    assert.deepEqual(
      checkDisclosure(w).findings.filter((f) => f.rule === 'completeness.parts'),
      [],
    );
  });

  it('locates each table finding at its sheet and cell, and the text report prints them', async () => {
    const w = await readWorkbook(new Uint8Array(await renderXlsx(xinjiang())));
    const report = checkDisclosure(w, { catalog: withoutExample });
    const cells = report.findings.flatMap((f) => f.locations).filter((l) => 'table' in l);
    assert.ok(cells.length >= 20, `${cells.length} table locations`);
    for (const l of cells) {
      assert.ok(l.sheet?.startsWith('表'), `${JSON.stringify(l)} names its sheet`);
      assert.match(l.cell ?? '', /^[A-Z]+\d+$/, `${JSON.stringify(l)} names its cell`);
    }
    // T2 prints 201 总计 in its first amount column of the first row after the two header rows.
    const total201 = cells.find((l) => l.table === 'T2' && l.row === '201' && l.column === '总计');
    assert.equal(total201?.sheet, '表2 收入总体情况表');
    assert.equal(total201?.cell, 'C5');
    const text = reportText([{ report, source: 'changji.xlsx' }]);
    assert.match(text, /T2 201 总计 \(表2 收入总体情况表!C5\)/);
  });

  it('gongkai check FILE.xlsx runs and reports the table findings, pointing to sheets', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-wb-'));
    const file = join(dir, 'changji.xlsx');
    writeFileSync(file, await renderXlsx(xinjiang()));
    const r = gongkai(['check', file, '--format', 'json']);
    assert.equal(r.status, 1, r.stderr); // the example has errors
    const report = JSON.parse(r.stdout) as { reports?: unknown[] } & Record<string, unknown>;
    const text = JSON.stringify(report);
    assert.match(text, /arithmetic\.hierarchy/);
    assert.match(text, /completeness\.empty-table|cross-table\.match/);
    const x = gongkai(['extract', file, '--format', 'csv']);
    assert.equal(x.status, 0, x.stderr);
    assert.match(x.stdout, /^T1,本年收入,一、本年收入,预算数,3080\.03,万元,/m);
  });
});
