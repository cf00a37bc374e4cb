/**
 * The workbook of a document (extract --format xlsx): the facts sheets beside the tables when the
 * document gives facts, and a 说明 row saying why when it gives none.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { NO_FACTS_KEY, writeDocumentWorkbook } from '../../src/compose/workbook/document.ts';
import { README_BESIDE_TABLES, SHEETS } from '../../src/compose/workbook/layout.ts';
import { xinjiang } from '../helpers/fixtures.ts';

async function names(bytes: Buffer): Promise<{ wb: ExcelJS.Workbook; names: string[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  return { wb, names: wb.worksheets.map((w) => w.name) };
}

describe('the workbook of a document', () => {
  it('holds the tables, their 说明, the instructions for the facts and the facts sheets', async () => {
    const { wb, names: n } = await names(await writeDocumentWorkbook(xinjiang()));
    assert.equal(n[0], '表1 收支总体情况表');
    assert.ok(n.indexOf('说明') < n.indexOf(README_BESIDE_TABLES));
    for (const s of SHEETS) assert.ok(n.includes(s.name), s.name);
    // how the facts were read is shown to the preparer
    const text = wb.getWorksheet(README_BESIDE_TABLES)!.getSheetValues().flat().join('\n');
    assert.match(text, /从原文读出事实时的说明/);
    assert.match(text, /names no T4 class/);
  });

  it('says why there are no facts sheets when the document gives no budget lines', async () => {
    const d = xinjiang();
    const { wb, names: n } = await names(
      await writeDocumentWorkbook({ ...d, tables: d.tables.filter((t) => t.id !== 'T2') }),
    );
    assert.ok(!n.includes('收支明细'));
    const rows = wb.getWorksheet('说明')!.getSheetValues();
    const row = rows.find((r) => Array.isArray(r) && r[1] === NO_FACTS_KEY) as unknown[];
    assert.match(String(row[2]), /^未生成事实表：原文的收支表中读不出任何预算明细/);
  });
});
