import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { loadCatalog } from '../src/catalog/catalog.ts';
import { gongkai } from './helpers/cli.ts';

describe('catalog', () => {
  const empty = mkdtempSync(join(tmpdir(), 'gongkai-cat-'));
  const c = loadCatalog(empty);

  it('looks up functional codes by year, with their evidence', () => {
    const hit = c.lookup('functional', '2011301', 2023)!;
    assert.equal(hit.entry.name, '行政运行');
    assert.equal(hit.exactYear, true);
    assert.match(hit.entry.source, /changji-miit-2023-budget/);
  });
  it('knows older names and says which is current for the year', () => {
    const now = c.lookup('functional', '210', 2023)!;
    assert.equal(now.entry.name, '卫生健康支出');
    assert.ok(now.otherNames.some((o) => o.name === '医疗卫生与计划生育支出' && o.to === 2018));
    const then = c.lookup('functional', '210', 2018)!;
    assert.equal(then.entry.name, '医疗卫生与计划生育支出');
    assert.equal(c.lookup('functional', '20805', 2018)!.entry.name, '行政事业单位离退休');
  });
  it('looks up economic codes and by name; unknown codes are absent', () => {
    assert.equal(c.lookup('economic', '30217', 2023)!.entry.name, '公务接待费');
    assert.ok(c.byName('economic', '公务接待费').some((e) => e.code === '30217'));
    assert.equal(c.lookup('functional', '2999999', 2023), null);
    // A code known only from a 2024 list is found for 2023 but flagged as not verified for that year.
    const e = c.lookup('economic', '30106', 2023)!;
    assert.equal(e.exactYear, false);
  });

  it('imports an official catalog as CSV and as XLSX, then shows codes from it', async () => {
    const data = mkdtempSync(join(tmpdir(), 'gongkai-data-'));
    const csv = join(data, 'func-2025.csv');
    writeFileSync(csv, '科目编码,科目名称\n2299901,测试科目甲\n2299902,测试科目乙\n');
    let r = gongkai(['catalog', 'import', csv, '--year', '2025'], { GONGKAI_DATA: data });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /imported 2 functional codes/);
    r = gongkai(['catalog', 'show', '229 99 02', '--year', '2025'], { GONGKAI_DATA: data });
    assert.equal(r.status, 0, r.stderr);
    assert.match(
      r.stdout,
      /^2299902 测试科目乙 \(功能分类 项\)\nevidence: 2025 · imported:func-2025\.csv\n$/,
    );

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('经济分类');
    ws.addRow(['2026年部门预算支出经济分类科目']);
    ws.addRow(['科目编码', '科目名称']);
    ws.addRow(['39999', '测试经济科目']);
    const xlsx = join(data, 'econ-2026.xlsx');
    await wb.xlsx.writeFile(xlsx);
    r = gongkai(['catalog', 'import', xlsx, '--kind', 'economic', '--year', '2026'], { GONGKAI_DATA: data });
    assert.equal(r.status, 0, r.stderr);
    r = gongkai(['catalog', 'show', '39999', '--year', '2026'], { GONGKAI_DATA: data });
    assert.match(r.stdout, /^39999 测试经济科目 \(经济分类 款\)/);
  });

  it('refuses a catalog without code/name columns or year, and unknown codes', () => {
    const data = mkdtempSync(join(tmpdir(), 'gongkai-data-'));
    const bad = join(data, 'bad.csv');
    writeFileSync(bad, 'a,b\n1,2\n');
    let r = gongkai(['catalog', 'import', bad, '--year', '2025'], { GONGKAI_DATA: data });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /needs a code column/);
    const noYear = join(data, 'noyear.csv');
    writeFileSync(noYear, 'code,name\n2299901,x\n');
    r = gongkai(['catalog', 'import', noYear], { GONGKAI_DATA: data });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /no year column; pass --year/);
    r = gongkai(['catalog', 'show', '2999999'], { GONGKAI_DATA: data });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /2999999 is not in the catalog/);
  });
});
