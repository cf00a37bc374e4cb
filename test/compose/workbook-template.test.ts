/**
 * The empty facts workbook a preparer fills in, as exceljs reads it back: the 说明 sheet first, every
 * sheet of the layout with its header frozen, codes as text, amounts shown '0.00', list validations
 * on fund, basic/project, economic kind, 三公 item and vehicle kind, and code cells validated
 * against the hidden 代码表 sheet's catalog codes of the template's year.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { loadCatalog } from '../../src/catalog/catalog.ts';
import { FUND_IDS } from '../../src/compose/funds.ts';
import { CODES, README, SHEETS } from '../../src/compose/workbook/layout.ts';
import { writeFactsWorkbook } from '../../src/compose/workbook/write.ts';

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  return wb;
}

/** The values of a 代码表 range formula `'代码表'!$A$2:$A$14`. */
function rangeValues(wb: ExcelJS.Workbook, formula: string): string[] {
  const m = /^'(.+)'!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(formula);
  assert.ok(m, formula);
  const ws = wb.getWorksheet(m[1]!)!;
  const out: string[] = [];
  for (let r = Number(m[3]); r <= Number(m[5]); r++) out.push(String(ws.getCell(`${m[2]}${r}`).value));
  return out;
}

const header = (ws: ExcelJS.Worksheet) => (ws.getRow(1).values as unknown[]).slice(1).map(String);
const column = (ws: ExcelJS.Worksheet, h: string) => header(ws).indexOf(h) + 1;

describe('the empty facts workbook', async () => {
  const wb = await load(await writeFactsWorkbook(null, 'xinjiang-2023'));

  it('has the 说明 sheet first, then every sheet of the layout, then the hidden 代码表', () => {
    const names = wb.worksheets.map((w) => w.name);
    assert.deepEqual(names, [README, ...SHEETS.map((s) => s.name), CODES]);
    assert.equal(wb.getWorksheet(CODES)!.state, 'hidden');
    const readme = wb.getWorksheet(README)!;
    const text = readme
      .getSheetValues()
      .flat()
      .filter((v) => typeof v === 'string')
      .join('\n');
    assert.match(text, /万元/);
    assert.match(text, /不要填写任何合计数/);
    for (const s of SHEETS) assert.ok(text.includes(s.name), s.name);
  });

  it('freezes each header row and gives its columns widths', () => {
    for (const s of SHEETS) {
      const ws = wb.getWorksheet(s.name)!;
      assert.equal(ws.views[0]?.state, 'frozen', s.name);
      assert.equal((ws.views[0] as { ySplit?: number }).ySplit, 1, s.name);
      assert.ok((ws.getColumn(1).width ?? 0) >= 10, s.name);
    }
    assert.deepEqual(header(wb.getWorksheet('收支明细')!), [
      '功能分类科目编码',
      '资金来源',
      '支出类型',
      '金额',
    ]);
  });

  it('validates fund source, basic/project, economic kind, 三公 item and vehicle kind by lists', () => {
    const cases: [string, string, string[]][] = [
      ['收支明细', '资金来源', [...FUND_IDS]],
      ['收支明细', '支出类型', ['基本支出', '项目支出']],
      ['基本支出经济分类', '经费类型', ['人员经费', '公用经费']],
      ['三公经费', '项目', ['因公出国（境）费', '公务接待费', '公务用车购置费', '公务用车运行费']],
      ['公务用车', '车辆类型', ['一般公务用车', '执法执勤用车', '其他车辆']],
    ];
    for (const [sheet, h, values] of cases) {
      const ws = wb.getWorksheet(sheet)!;
      const c = column(ws, h);
      for (const r of [2, 500, 1001]) {
        const dv = ws.getCell(r, c).dataValidation;
        assert.equal(dv?.type, 'list', `${sheet} ${h} row ${r}`);
        assert.equal(dv.errorStyle ?? 'stop', 'stop');
        assert.deepEqual(rangeValues(wb, dv.formulae[0] as string), values);
      }
    }
  });

  it("suggests indicator levels from the template's performance table (a warning)", () => {
    const ws = wb.getWorksheet('绩效指标')!;
    const dv = ws.getCell(2, column(ws, '一级指标')).dataValidation;
    assert.equal(dv.type, 'list');
    assert.equal(dv.errorStyle, 'warning');
    assert.deepEqual(rangeValues(wb, dv.formulae[0] as string), [
      '产出指标',
      '成本指标',
      '效益指标',
      '满意度指标',
    ]);
    const l2 = rangeValues(wb, ws.getCell(9, column(ws, '二级指标')).dataValidation.formulae[0] as string);
    assert.ok(l2.includes('数量指标') && l2.includes('服务对象满意度指标'), l2.join(','));
  });

  it('validates functional and economic codes against the catalog codes of the year in 代码表', () => {
    const catalog = loadCatalog();
    const of2023 = (kind: 'functional' | 'economic', digits: number) =>
      [
        ...new Set(
          catalog
            .entries()
            .filter((e) => e.kind === kind && e.code.length === digits && e.from <= 2023 && e.to >= 2023)
            .map((e) => e.code),
        ),
      ].sort();
    const lines = wb.getWorksheet('收支明细')!;
    const dv = lines.getCell(7, 1).dataValidation;
    assert.equal(dv.type, 'list');
    assert.equal(dv.errorStyle, 'warning'); // the catalog is partial: a code it lacks is flagged, not refused
    const functional = rangeValues(wb, dv.formulae[0] as string);
    assert.deepEqual(functional, of2023('functional', 7));
    assert.ok(functional.includes('2011301'));
    assert.ok(!functional.some((c) => catalog.lookup('functional', c, 2023)?.exactYear === false));
    const basic = wb.getWorksheet('基本支出经济分类')!.getCell(2, 1).dataValidation;
    assert.deepEqual(rangeValues(wb, basic.formulae[0] as string), of2023('economic', 5));
    // codes are text, also in 代码表
    const codes = wb.getWorksheet(CODES)!;
    assert.equal(typeof codes.getCell('A2').value, 'string');
    assert.equal(codes.getCell('A2').numFmt, '@');
  });

  it('a template of other years lists that catalog year (or the nearest one)', async () => {
    const sh = await load(await writeFactsWorkbook(null, 'shanghai-2025-dept'));
    const dv = sh.getWorksheet('收支明细')!.getCell(2, 1).dataValidation;
    const codes = rangeValues(sh, dv.formulae[0] as string);
    const catalog = loadCatalog();
    // no catalog entry is evidenced for 2025: the nearest year's (2024) codes
    for (const c of codes) assert.equal(catalog.lookup('functional', c, 2024)?.exactYear, true, c);
    assert.notDeepEqual(
      codes,
      rangeValues(wb, wb.getWorksheet('收支明细')!.getCell(2, 1).dataValidation.formulae[0] as string),
    );
  });

  it('formats code columns as text and amount columns as 0.00', () => {
    const lines = wb.getWorksheet('收支明细')!;
    assert.equal(lines.getColumn(1).numFmt, '@');
    assert.equal(lines.getColumn(4).numFmt, '0.00');
    const projects = wb.getWorksheet('项目')!;
    const h = header(projects);
    assert.ok(h.includes('302 商品和服务支出'), h.join(','));
    assert.equal(projects.getColumn(h.indexOf('302 商品和服务支出') + 1).numFmt, '0.00');
  });

  it('lists the rows of last year to fill in, and the template in 基本信息', () => {
    const prior = wb.getWorksheet('上年数')!;
    assert.deepEqual(
      [2, 3, 4, 5, 6].map((r) => prior.getCell(r, 1).value),
      ['基本支出', '项目支出', '一般公共预算基本支出', '一般公共预算项目支出', '机关运行经费'],
    );
    const info = wb.getWorksheet('基本信息')!;
    assert.deepEqual([info.getCell('A2').value, info.getCell('B2').value], ['模板', 'xinjiang-2023']);
    assert.equal(info.getCell('B3').dataValidation?.type, 'whole');
  });
});
