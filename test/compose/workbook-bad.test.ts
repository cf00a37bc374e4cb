/**
 * A facts workbook with bad cells is refused with the sheet, the cell and its text of each problem;
 * a workbook that is not a facts workbook, or not a workbook, is refused with what is missing.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { Facts } from '../../src/compose/facts.ts';
import { readFactsWorkbook } from '../../src/compose/workbook/read.ts';
import { writeFactsWorkbook } from '../../src/compose/workbook/write.ts';
import { InputError } from '../../src/ingest/errors.ts';
import { renderXlsx } from '../../src/render/xlsx.ts';
import { xinjiang } from '../helpers/fixtures.ts';
import { zip } from '../helpers/zip-writer.ts';

const small = Facts.parse(
  JSON.parse(readFileSync(new URL('./fixtures/small-unit.json', import.meta.url), 'utf8')),
);
const good = await writeFactsWorkbook(small);

/** The small unit's workbook with some cells changed. */
async function edited(edit: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(good as never);
  edit(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const set = (sheet: string, cell: string, value: ExcelJS.CellValue) => (wb: ExcelJS.Workbook) => {
  wb.getWorksheet(sheet)!.getCell(cell).value = value;
};

async function refusal(bytes: Uint8Array): Promise<string> {
  try {
    await readFactsWorkbook(bytes);
  } catch (e) {
    assert.ok(e instanceof InputError, String(e));
    return e.message;
  }
  assert.fail('the workbook was read');
}

describe('facts workbook: bad cells', () => {
  it('names the sheet, cell and text of an amount that is not one', async () => {
    const m = await refusal(await edited(set('收支明细', 'D3', '12,3x')));
    assert.match(m, /收支明细!D3: "12,3x" is not an amount/);
  });

  it('refuses a float that is not a decimal to the fen (0.1 + 0.2), and reads text amounts exactly', async () => {
    const m = await refusal(await edited(set('收支明细', 'D2', 0.1 + 0.2)));
    assert.match(m, /收支明细!D2: "0\.30000000000000004" has more than 6 decimals/);
    const ok = await readFactsWorkbook(
      await edited((wb) => {
        set('收支明细', 'D2', '1,234.50')(wb);
        set('收支明细', 'A2', 2011301)(wb); // a code typed as a number keeps its digits
        set('收支明细', 'D3', 0.1 + 0.7 - 0.8 + 50)(wb); // 50 as the float it is: 50
      }),
    );
    assert.equal(ok.lines[0]!.amount, '1234.50');
    assert.equal(ok.lines[0]!.code, '2011301');
    assert.equal(ok.lines[1]!.amount, '50');
  });

  it('refuses a code of the wrong length, a choice not in its list and a blank required cell', async () => {
    const m = await refusal(
      await edited((wb) => {
        set('收支明细', 'A2', '201130')(wb);
        set('收支明细', 'B3', '某某资金')(wb);
        set('三公经费', 'C2', null)(wb);
      }),
    );
    assert.match(m, /收支明细!A2: "201130" is not a 7-digit code/);
    assert.match(m, /收支明细!B3: "某某资金" is not one of the list \(一般公共预算、/);
    assert.match(m, /三公经费!C2: empty: 「金额」 is required/);
  });

  it('maps what the facts schema refuses back to its cell', async () => {
    const m = await refusal(await edited(set('基本信息', 'B5', '昌吉州 测试局')));
    assert.match(m, /基本信息!B5: "昌吉州 测试局": the unit name is printed without spaces \(unitName\)/);
    const w = await refusal(await edited(set('绩效指标', 'H3', 'abc')));
    assert.match(w, /绩效指标!H3: "abc": 权重 is a number \(performance\.0\.indicators\.1\.weight\)/);
  });

  it('refuses a weight that shows other than it holds, and an indicator of no project', async () => {
    const m = await refusal(
      await edited((wb) => {
        set('绩效指标', 'H2', 30.5)(wb); // the cell's format shows 31
        set('绩效指标', 'A5', 7)(wb);
      }),
    );
    assert.match(m, /绩效指标!H2: the cell shows 31 but holds 30\.5/);
    assert.match(m, /绩效指标!A5: 项目序号 7 is not a project of 绩效项目/);
  });

  it('refuses a key given twice and a header renamed', async () => {
    const m = await refusal(
      await edited((wb) => {
        set('名称覆盖', 'A2', '2011301')(wb);
        set('名称覆盖', 'B2', '行政运行')(wb);
        set('名称覆盖', 'A3', '2011301')(wb);
        set('名称覆盖', 'B3', '行政运行')(wb);
        set('三公经费', 'C1', '数额')(wb);
      }),
    );
    assert.match(m, /名称覆盖!A3: 「2011301」 is given twice/);
    assert.match(m, /三公经费!1:1: the column 「金额」 is missing from the header row/);
  });

  it('reads an all-blank 政府采购 as none, and refuses one half filled', async () => {
    const none = await readFactsWorkbook(
      await edited((wb) => {
        for (const r of [2, 3, 4, 5, 6]) set('政府采购', `B${r}`, null)(wb);
      }),
    );
    assert.equal(none.procurement, null);
    const half = await refusal(await edited(set('政府采购', 'B3', null)));
    assert.match(half, /政府采购!B3: empty: 「政府采购工程预算」 is required/);
  });
});

describe('facts workbook: not one', () => {
  it('refuses a workbook of tables, naming the sheets it lacks', async () => {
    const m = await refusal(new Uint8Array(await renderXlsx(xinjiang())));
    assert.match(m, /^not a facts workbook: none of its sheets \(基本信息、职能、/);
    assert.match(m, /gongkai workbook --template ID/);
  });

  it('names the facts sheets missing from a partial one', async () => {
    const m = await refusal(
      await edited((wb) => {
        wb.removeWorksheet(wb.getWorksheet('绩效指标')!.id);
        wb.removeWorksheet(wb.getWorksheet('三公经费')!.id);
      }),
    );
    assert.match(m, /the sheets 三公经费、绩效指标 are missing/);
  });

  it('refuses bytes that are not a workbook, or a truncated one, in bounded time', async () => {
    assert.match(await refusal(new TextEncoder().encode('{"year": 2023}')), /not a workbook/);
    assert.match(await refusal(new Uint8Array(0)), /empty/);
    assert.match(await refusal(new Uint8Array(good.subarray(0, 2000))), /zip directory is missing/);
  });

  it('refuses a zip bomb and a sheet of too many cells before exceljs parses them', async () => {
    const workbook = Buffer.from('<workbook/>');
    const bomb = zip([
      { name: 'xl/workbook.xml', data: workbook },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(16 * 1024 * 1024, 0x20), declared: 1000 },
    ]);
    const t0 = Date.now();
    assert.match(await refusal(new Uint8Array(bomb)), /zip bomb/);
    const cells = Buffer.from(
      `<worksheet><sheetData><row r="1">${'<c r="A1"/>'.repeat(200_001)}</row></sheetData></worksheet>`,
    );
    const huge = zip([
      { name: 'xl/workbook.xml', data: workbook },
      { name: 'xl/worksheets/sheet1.xml', data: cells },
    ]);
    assert.match(await refusal(new Uint8Array(huge)), /more than 200000 cells/);
    assert.ok(Date.now() - t0 < 20_000);
  });
});
