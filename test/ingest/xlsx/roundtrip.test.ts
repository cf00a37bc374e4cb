/**
 * A document's tables written as a workbook and read back are the same tables: ids, row keys and
 * kinds, codes, column ids, every value and its fen, in order.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readWorkbook } from '../../../src/ingest/index.ts';
import { renderXlsx } from '../../../src/render/xlsx.ts';
import { xinjiang } from '../../helpers/fixtures.ts';
import { extracted, pdfFixture } from '../../helpers/pdf-fixtures.ts';
import { tableDifferences, tableLines } from '../../helpers/workbook.ts';

async function roundTrip(d: Parameters<typeof renderXlsx>[0]) {
  return readWorkbook(new Uint8Array(await renderXlsx(d)), { file: 'roundtrip.xlsx' });
}

describe('workbook round trip', () => {
  it('the Xinjiang example: the same tables, model fields and provenance by sheet and cell', async () => {
    const d = xinjiang();
    const w = await roundTrip(d);
    assert.deepEqual(tableDifferences(d, w), []);
    assert.ok(tableLines(w).length > 150); // all ten tables, with their rows
    assert.equal(w.source.format, 'xlsx');
    assert.equal(w.template, 'xinjiang-2023');
    assert.equal(w.year, 2023);
    assert.equal(w.unitName, '昌吉州工业和信息化局');
    assert.deepEqual(w.missing, []);
    assert.deepEqual(
      w.tables.map((t) => [t.number, t.title, t.unitName, t.statement ?? '']),
      d.tables.map((t) => [t.number, t.title, t.unitName, t.statement ?? '']),
    );
    // Every placed cell points to its sheet and cell; values came back as printed (0.4, 10.5, 10.00).
    const t3 = w.tables.find((t) => t.id === 'T3')!;
    const cell = t3.rows.find((r) => r.key === '2011301')!.cells.find((c) => c.column === '项目支出')!;
    assert.deepEqual(
      [cell.value, cell.fen, cell.source],
      ['0.4', 400_000, { sheet: '表3 支出总体情况表', cell: 'E7' }],
    );
    for (const t of w.tables)
      for (const r of t.rows) for (const c of r.cells) assert.ok(c.source.sheet && c.source.cell);
    // The unresolved cells of T7 stay unresolved, with their candidates.
    const t7 = w.tables.find((t) => t.id === 'T7')!;
    assert.equal(t7.rows.flatMap((r) => r.cells.filter((c) => c.column === null)).length, 5);
  });

  for (const [region, name] of [
    ['jiangsu', '2018-high-court'],
    ['shanghai', '2025-putuo-commerce-dept'],
  ] as const) {
    it(`the ${region} PDF ${name}`, async () => {
      const d = await extracted(pdfFixture(region, name));
      const w = await roundTrip(d);
      assert.deepEqual(tableDifferences(d, w), []);
      assert.deepEqual(
        w.tables.map((t) => t.id),
        d.tables.map((t) => t.id),
      );
      assert.ok(w.tables.reduce((n, t) => n + t.rows.length, 0) > 50);
      assert.equal(w.template, d.template);
    });
  }
});
