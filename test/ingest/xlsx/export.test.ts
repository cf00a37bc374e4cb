/**
 * A finance-system export laid out unlike our own workbooks: an empty first sheet, two tables
 * stacked on one sheet, codes split into 类/款/项 columns (printing only the new part, or numbers),
 * two header rows with merged cells and a 栏次 row, the total row at the top, blank cells, amounts
 * in 万元 and in 元, numbers stored as floats, as General, and as text. Read exactly, from .xlsx
 * and from the same workbook saved as .xls.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { readWorkbook } from '../../../src/ingest/index.ts';
import type { Disclosure } from '../../../src/model/schema.ts';

type V = string | number | null | { n: number; fmt: string };

async function financeExport(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Sheet1');
  const ws = wb.addWorksheet('导出');
  const put = (r: number, values: V[]) =>
    values.forEach((v, i) => {
      if (v === null) return;
      const cell = ws.getCell(r, i + 1);
      if (typeof v === 'object') {
        cell.value = v.n;
        cell.numFmt = v.fmt;
      } else cell.value = v;
    });
  const money = (n: number) => ({ n, fmt: '#,##0.00' });
  // T3, in 万元.
  put(2, ['2023年昌吉州工业和信息化局支出总体情况表']);
  ws.mergeCells('A2:G2');
  put(3, ['编制单位：昌吉州工业和信息化局', null, null, null, null, null, '金额单位：万元']);
  put(4, ['科目编码', null, null, '科目名称', '本年支出']);
  ws.mergeCells('A4:C4');
  ws.mergeCells('D4:D5');
  ws.mergeCells('E4:G4');
  put(5, ['类', '款', '项', null, '合计', '基本支出', '项目支出']);
  put(6, ['栏次', null, null, null, 1, 2, 3]);
  put(7, ['合计', null, null, null, money(100.3), money(60.3), money(40)]);
  ws.mergeCells('A7:D7');
  put(8, ['201', null, null, '一般公共服务支出', money(100), money(60), money(40)]);
  put(9, ['201', '13', null, '商贸事务', money(100), money(60), money(40)]);
  put(10, [null, null, '01', '行政运行', money(60), 60, null]);
  put(11, [201, 13, 99, '其他商贸事务支出', '40.00', null, 40]);
  put(12, [
    '208',
    null,
    null,
    '社会保障和就业支出',
    { n: 0.1 + 0.2, fmt: '0.00' },
    { n: 0.3, fmt: '0.0' },
    null,
  ]);
  put(13, ['221', null, null, '住房保障支出', { n: 1.234, fmt: '#,##0.00' }, null, '-']);
  // T10 stacked under it, in 元.
  put(16, ['财政拨款“三公”经费支出情况表']);
  ws.mergeCells('A16:E16');
  put(17, [null, null, null, null, '单位：元']);
  put(18, ['项目', '合计', '一般公共预算', '政府性基金', '国有资本经营预算']);
  put(19, ['合计', money(105000), money(105000), null, null]);
  put(20, ['1.因公出国（境）费', null, null, null, null]);
  put(21, ['2.公务接待费', money(5000.5), money(5000.5)]);
  put(22, ['3.公务用车购置及运行费', '100,000.00', '100,000.00']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function asXls(xlsx: Buffer): Uint8Array {
  const wb = XLSX.read(xlsx, { type: 'buffer', cellNF: true });
  return new Uint8Array(XLSX.write(wb, { bookType: 'biff8', type: 'buffer' }) as Buffer);
}

function rows(d: Disclosure, id: string): string[] {
  const t = d.tables.find((x) => x.id === id)!;
  return t.rows.map(
    (r) =>
      `${r.key}|${r.kind}|${r.level ?? ''}|${r.label}|${r.cells.map((c) => `${c.column}=${c.value}/${c.fen}@${c.source.cell}`).join(' ')}`,
  );
}

const T3 = [
  '合计|total||合计|合计=100.30/100300000@E7 基本支出=60.30/60300000@F7 项目支出=40.00/40000000@G7',
  '201|code|类|一般公共服务支出|合计=100.00/100000000@E8 基本支出=60.00/60000000@F8 项目支出=40.00/40000000@G8',
  '20113|code|款|商贸事务|合计=100.00/100000000@E9 基本支出=60.00/60000000@F9 项目支出=40.00/40000000@G9',
  '2011301|code|项|行政运行|合计=60.00/60000000@E10 基本支出=60.00/60000000@F10',
  '2011399|code|项|其他商贸事务支出|合计=40.00/40000000@E11 项目支出=40.00/40000000@G11',
  '208|code|类|社会保障和就业支出|合计=0.30/300000@E12 基本支出=0.3/300000@F12',
  '221|code|类|住房保障支出|合计=1.23/1230000@E13 项目支出=0/0@G13',
];
const T10 = [
  '合计|total||合计|合计=105000.00/10500000@B19 一般公共预算=105000.00/10500000@C19',
  '因公出国（境）费|line||1.因公出国（境）费|',
  '公务接待费|line||2.公务接待费|合计=5000.50/500050@B21 一般公共预算=5000.50/500050@C21',
  '公务用车购置及运行费|line||3.公务用车购置及运行费|合计=100000.00/10000000@B22 一般公共预算=100000.00/10000000@C22',
];

function assertExport(d: Disclosure, format: string): void {
  assert.equal(d.template, 'xinjiang-2023');
  assert.equal(d.source.format, format);
  assert.deepEqual(
    d.tables.map((t) => [t.id, t.unit, t.unitName ?? '']),
    [
      ['T3', '万元', '昌吉州工业和信息化局'],
      ['T10', '元', ''],
    ],
  );
  assert.deepEqual(rows(d, 'T3'), T3);
  assert.deepEqual(rows(d, 'T10'), T10);
  // Only tables are missing, never the narrative parts a workbook does not hold.
  assert.deepEqual(d.missing, ['T1', 'T2', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9']);
  // The float that is not the decimal it shows is reported, with its sheet and cell.
  const off = d.problems.filter((p) => /stores/.test(p.message));
  assert.deepEqual(
    off.map((p) => [p.raw, p.source]),
    [['1.234', { sheet: '导出', cell: 'E13' }]],
  );
  assert.equal(d.year, 2023);
}

describe('a finance-system export', () => {
  it('.xlsx: every row and cell read exactly', async () => {
    const d = await readWorkbook(new Uint8Array(await financeExport()));
    assertExport(d, 'xlsx');
  });
  it('.xls (the same workbook saved by SheetJS as BIFF8): read the same', async () => {
    const xlsx = await financeExport();
    const a = await readWorkbook(new Uint8Array(xlsx));
    const b = await readWorkbook(asXls(xlsx));
    assertExport(b, 'xls');
    assert.deepEqual(b.tables, a.tables);
  });
  it('--template wins over detection, and a template none of whose titles is printed finds no table', async () => {
    const d = await readWorkbook(new Uint8Array(await financeExport()), { template: 'jiangsu-2017' });
    assert.equal(d.template, 'jiangsu-2017');
    assert.deepEqual(d.tables, []);
    assert.equal(d.missing.length, 12);
  });
  it('a title over numbers with no header: the table is kept empty and the headers reported missing', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('x');
    ws.getCell('A1').value = '收支总体情况表';
    ws.getCell('A2').value = 12.5;
    ws.getCell('B2').value = 7;
    const d = await readWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()));
    assert.deepEqual(
      d.tables.map((t) => [t.id, t.rows.length]),
      [['T1', 0]],
    );
    assert.ok(
      d.problems.some((p) =>
        /column headers not all found in the sheet \(income, expenditure\)/.test(p.message),
      ),
    );
    assert.deepEqual(d.problems.find((p) => /column headers/.test(p.message))!.source, {
      sheet: 'x',
      cell: 'A1',
    });
  });
  it('Jiangsu 公开01表 as printed: classes by name, then the uses, under the same expenditure columns', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('公开01表');
    const rows: (string | number | null)[][] = [
      ['2019年度江苏省某某厅收支预算总表'],
      [null, null, null, '单位：万元'],
      ['收入', null, '支出', null],
      ['项目', '金额', '项目', '金额'],
      ['一、财政拨款', 100, '一、一般公共服务支出', 60],
      ['1.一般公共预算', 100, '二、公共安全支出', 40],
      ['当年收入小计', 100, null, null],
      [null, null, '一、基本支出', 70],
      [null, null, '二、项目支出', 30],
      ['收入合计', 100, '支出合计', 100],
    ];
    rows.forEach((r, i) => {
      r.forEach((v, j) => {
        if (v !== null) ws.getCell(i + 1, j + 1).value = v;
      });
    });
    ws.mergeCells('A3:B3');
    ws.mergeCells('C3:D3');
    const d = await readWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()));
    assert.equal(d.template, 'jiangsu-2017');
    const t1 = d.tables.find((t) => t.id === 'T1')!;
    assert.deepEqual(
      t1.rows.map(
        (r) => `${r.block}:${r.key}:${r.kind}=${r.cells.map((c) => `${c.value}@${c.source.cell}`).join(',')}`,
      ),
      [
        'income:财政拨款:line=100.00@B5',
        'functional:201:code=60.00@D5',
        'income:一般公共预算:line=100.00@B6',
        'functional:204:code=40.00@D6',
        'income:当年收入小计:line=100.00@B7',
        'use:基本支出:line=70.00@D8',
        'use:项目支出:line=30.00@D9',
        'income:收入合计:total=100.00@B10',
        'use:支出合计:total=100.00@D10',
      ],
    );
    assert.deepEqual(
      d.problems.filter((p) => /T1/.test(p.message)),
      [],
    );
  });
});
