/** The workbook of a disclosure's tables: sheets, title and header merges, codes as text, amounts as numbers. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { renderXlsx } from '../../src/render/xlsx.ts';
import { xinjiang } from '../helpers/fixtures.ts';
import { extracted, pdfFixture } from '../helpers/pdf-fixtures.ts';

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as never);
  return wb;
}

const merges = (ws: ExcelJS.Worksheet) => ((ws.model as { merges?: string[] }).merges ?? []).sort();

describe('renderXlsx', () => {
  it('one sheet per table in template order, then the readme; names short and unique', async () => {
    const wb = await load(await renderXlsx(xinjiang()));
    const names = wb.worksheets.map((w) => w.name);
    assert.deepEqual(names, [
      '表1 收支总体情况表',
      '表2 收入总体情况表',
      '表3 支出总体情况表',
      '表4 财政拨款收支预算总体情况表',
      '表5 一般公共预算支出情况表',
      '表6 一般公共预算基本支出情况表',
      '表7 一般公共预算项目支出情况表',
      '表8 政府性基金预算支出情况表',
      '表9 国有资本经营预算支出情况表',
      '表10 财政拨款“三公”经费支出情况表',
      '说明',
    ]);
    for (const n of names) assert.ok(n.length <= 31);
    const readme = wb.getWorksheet('说明')!;
    assert.equal(readme.getCell('B2').value, 'examples/changji-miit-2023-budget.txt');
    assert.match(String(readme.getCell('B5').value), /^xinjiang-2023/);
    assert.equal(readme.getCell('B6').value, '2023');
    assert.match(String(readme.getCell('B9').value), /Gongkai/);
  });

  it('prints like the PDF: A4, wide tables landscape, one page wide, header repeated and tall enough', async () => {
    const wb = await load(await renderXlsx(xinjiang()));
    const t2 = wb.getWorksheet('表2 收入总体情况表')!;
    const t3 = wb.getWorksheet('表3 支出总体情况表')!;
    assert.equal(t2.pageSetup.orientation, 'landscape');
    assert.equal(t3.pageSetup.orientation, 'portrait');
    for (const ws of [t2, t3]) {
      assert.equal(ws.pageSetup.paperSize, 9);
      assert.equal(ws.pageSetup.fitToWidth, 1);
      assert.equal(ws.pageSetup.fitToHeight, 0);
      assert.match(String(ws.pageSetup.printTitlesRow), /^\d+:\d+$/);
    }
    // T2's header row holds 上级一般公共预算安排的转移支付 (14 characters) in a column 16 wide
    const [, last] = String(t2.pageSetup.printTitlesRow).split(':').map(Number);
    assert.ok((t2.getRow(last!).height ?? 0) >= 30, `header row height ${t2.getRow(last!).height}`);
  });

  it('T1: title merged across, 编制单位 and 单位, income | expenditure headers, codes as text, blanks blank', async () => {
    const ws = (await load(await renderXlsx(xinjiang()))).worksheets[0]!;
    assert.deepEqual(merges(ws), ['A2:E2', 'A4:B4', 'C36:D36', 'C4:E4'].sort());
    assert.equal(ws.getCell('A1').value, '表 1');
    assert.equal(ws.getCell('A2').value, '收支总体情况表');
    assert.equal(ws.getCell('A3').value, '编制单位：昌吉州工业和信息化局');
    assert.equal(ws.getCell('E3').value, '单位：万元');
    assert.deepEqual(
      [1, 2, 3, 4, 5].map((c) => ws.getCell(5, c).value),
      ['项目', '预算数', '科目编码', '科目名称', '预算数'],
    );
    assert.deepEqual([ws.getCell('C6').value, ws.getCell('C6').numFmt], ['201', '@']);
    assert.deepEqual([ws.getCell('B6').value, ws.getCell('B6').numFmt], [3080.03, '#,##0.00']);
    assert.equal(ws.getCell('E7').value, null); // 202 外交支出: printed blank
    assert.deepEqual([ws.getCell('C36').value, ws.getCell('E36').value], ['支出总计', 7111.51]);
  });

  it('amounts keep their printed precision; an empty table keeps its statement; unplaced numbers get a column', async () => {
    const wb = await load(await renderXlsx(xinjiang()));
    const t10 = wb.getWorksheet('表10 财政拨款“三公”经费支出情况表')!;
    assert.deepEqual([t10.getCell('B5').value, t10.getCell('B5').numFmt], [10.5, '#,##0.0']);
    assert.deepEqual([t10.getCell('B8').value, t10.getCell('B8').numFmt], [10, '#,##0.00']);
    const t8 = wb.getWorksheet('表8 政府性基金预算支出情况表')!;
    assert.match(String(t8.getCell('A6').value), /为空表。$/);
    assert.ok(merges(t8).includes('A6:E6'));
    const t7 = wb.getWorksheet('表7 一般公共预算项目支出情况表')!;
    assert.equal(t7.getCell('O4').value, '未定列的数');
    assert.match(String(t7.getCell('O7').value), /^200\.00（候选：工资福利支出／商品和服务支出／/);
    assert.deepEqual(
      ['A7', 'B7', 'C7'].map((a) => t7.getCell(a).value),
      ['2011399', '其他商贸事务支出', '2023年葡萄酒产业发展资金'],
    );
  });

  it('a parent header merged over its columns (Jiangsu 公开09表)', async () => {
    const d = await extracted(pdfFixture('jiangsu', '2018-high-court'));
    const wb = await load(await renderXlsx(d));
    const ws = wb.worksheets.find((w) => w.name.startsWith('公开09表'))!;
    assert.deepEqual([ws.getCell('C3').value, ws.getCell('C4').value], ['“三公”经费', '小计']);
    assert.deepEqual([ws.getCell('E3').value, ws.getCell('E4').value], ['公务用车购置及运行维护费', '小计']);
    assert.ok(merges(ws).includes('A3:A4') && merges(ws).includes('B3:B4'));
    assert.deepEqual([ws.getCell('C5').value, ws.getCell('C5').numFmt], [620.75, '#,##0.00']);
  });
});
