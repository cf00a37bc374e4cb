/**
 * The 项目支出绩效目标表 reader against the hand-read fixture of the Xinjiang document
 * (test/fixtures/xinjiang-2023/perf.csv and perf-headers.csv; PERF-NOTES.md explains each decision),
 * plus small synthetic tables.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { squash } from '../../src/ingest/normalize.ts';
import { type Line, splitLines } from '../../src/ingest/text/lines.ts';
import { readPerformance } from '../../src/ingest/text/performance.ts';
import type { Problem } from '../../src/model/schema.ts';
import { getTemplate } from '../../src/templates/index.ts';

const ROOT = new URL('../../', import.meta.url);
const template = getTemplate('xinjiang-2023');

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[i++];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      [row, field] = [[], ''];
    } else field += c;
  }
  if (field || row.length > 0) rows.push([...row, field]);
  const [header = [], ...body] = rows.filter((r) => r.some((f) => f !== ''));
  return body.map((r) => Object.fromEntries(header.map((h, k) => [h, r[k] ?? ''])));
}

const fixture = (name: string) =>
  parseCsv(readFileSync(new URL(`test/fixtures/xinjiang-2023/${name}`, ROOT), 'utf8'));
const lines = splitLines(readFileSync(new URL('examples/changji-miit-2023-budget.txt', ROOT), 'utf8'));
const first = lines.findIndex((l) => squash(l.text) === template.performance.title);
const last = lines.findIndex((l) => l.text.startsWith('（五）其他需说明的事项'));

function read(slice: Line[]) {
  const problems: Problem[] = [];
  return { tables: readPerformance(slice, template, problems), problems };
}

describe('项目支出绩效目标表 of the Xinjiang document', () => {
  const { tables, problems } = read(lines.slice(first, last));

  it('reads 9 tables, in the order and with the headers of perf-headers.csv', () => {
    const want = fixture('perf-headers.csv');
    assert.equal(tables.length, 9);
    assert.deepEqual(
      tables.map((t) => ({
        project: t.project,
        unit: t.unitName,
        owner: t.owner,
        funds: [t.funds.total, t.funds.fiscal, t.funds.other].map((q) => squash(q?.raw ?? '')),
        goal: t.goal,
      })),
      want.map((h) => ({
        project: h.project,
        unit: h.预算单位,
        owner: h.项目负责人,
        funds: [h.年度预算总额!, h.财政拨款!, h.其他资金!],
        goal: h.项目总体目标,
      })),
    );
    assert.ok(tables.every((t) => t.year === '2023'));
  });

  it('reads the header amounts exactly, in the unit of the 项目资金（万元） caption', () => {
    assert.deepEqual(tables[0]!.funds.total, {
      raw: '200 万元',
      value: '200',
      unit: '万元',
      fen: 200_000_000,
    });
    assert.deepEqual(tables[7]!.funds.fiscal, { raw: '0', value: '0', unit: '万元', fen: 0 });
    assert.equal(tables[1]!.funds.fiscal?.fen, 2_083_330_000);
    assert.equal(tables[0]!.funds.other, null);
  });

  it('reads all 80 indicator rows as in perf.csv, field by field', () => {
    const want = fixture('perf.csv');
    const got = tables.flatMap((t) =>
      t.indicators.map((i) => ({
        project: t.project,
        一级指标: i.level1,
        二级指标: i.level2,
        三级指标: i.level3,
        指标值: i.value,
        指标值设置依据: i.basis,
        上年完成值: i.prior,
        权重: i.weight,
        赋分规则: i.scoring,
        佐证资料: i.evidence,
        line: String(i.source.line),
      })),
    );
    assert.equal(got.length, 80);
    for (let k = 0; k < want.length; k++)
      assert.deepEqual(got[k], want[k], `row ${k + 1} (line ${want[k]!.line})`);
  });

  it('records the decisions not fixed by position and reports no problem', () => {
    const at = (line: number) => tables.flatMap((t) => t.indicators).find((i) => i.source.line === line)!;
    assert.deepEqual(at(1948).placement, [
      { field: '权重', how: 'single number read as 权重: weights of the table sum to 90 only this way' },
    ]);
    assert.match(at(2038).placement[0]!.how, /nearest to 90 .*83\.2/);
    assert.ok(
      at(2745).placement.some((p) => p.field === '二级指标' && p.how.includes('满意度指标满意度指标')),
    );
    assert.deepEqual(
      at(2166).placement.map((p) => p.field),
      ['赋分规则', '佐证资料'],
    );
    assert.deepEqual(problems, []);
  });

  it('gives the same result for a slice that starts earlier', () => {
    assert.deepEqual(read(lines.slice(first - 10, last)).tables, tables);
  });
});

const synthetic = (rows: string) =>
  splitLines(`说明文字
项 目 支 出 绩 效 目 标 表
(2024 年)
预算单位 测试单位
项目名称 测试项目 项目负责人 张三
项目资金（万元） 年度预算总额： 50 万元
其中：财政拨款 50 万元 其他资金：
项目总体目标
完成测试。
一级指标 二级指标 三级指标 指标值 指标值设置依据 上年完成值 指标分值权重 指标赋分规则 佐证资料
产出指标
数量指标
${rows}
满意度指标 满意度指标
满意度 >=90% 计划标准 0 20 直接赋分 工作资料`);

describe('synthetic 项目支出绩效目标表', () => {
  it('reads a one-number row as 权重 when that brings the weights to the total', () => {
    const { tables, problems } = read(
      synthetic(
        '完成数量 >=10 个 计划标准 0 30 直接赋分 工作资料\n合格率 =100% 计划标准 40 直接赋分 工作资料',
      ),
    );
    const [t] = tables;
    assert.equal(t?.project, '测试项目');
    assert.equal(t?.year, '2024');
    assert.deepEqual(t?.funds.total, { raw: '50 万元', value: '50', unit: '万元', fen: 50_000_000 });
    assert.equal(t?.funds.other, null);
    const row = t!.indicators[1]!;
    assert.deepEqual(
      [row.level1, row.level2, row.level3, row.value, row.prior, row.weight],
      ['产出指标', '数量指标', '合格率', '=100%', '', '40'],
    );
    assert.equal(row.placement[0]?.field, '权重');
    assert.deepEqual(problems, []);
  });

  it('reads it as 上年完成值 when the weights already sum to the total', () => {
    const rows =
      '完成数量 >=10 个 计划标准 0 70 直接赋分 工作资料\n合格率 =100% 计划标准 5 直接赋分 工作资料';
    const row = read(synthetic(rows)).tables[0]!.indicators[1]!;
    assert.deepEqual([row.prior, row.weight, row.placement[0]?.field], ['5', '', '上年完成值']);
  });

  it('joins wrapped cells and wrapped 佐证资料 lists', () => {
    const rows = [
      '给与补助',
      '资金',
      '<=190',
      '万元',
      '预算支出',
      '标准',
      '0 70',
      '按照正常',
      '比例赋分',
      '工作资料,',
      '原始凭证',
    ];
    const row = read(synthetic(rows.join('\n\n'))).tables[0]!.indicators[0]!;
    assert.deepEqual(
      [row.level3, row.value, row.basis, row.prior, row.weight, row.scoring, row.evidence],
      ['给与补助资金', '<=190万元', '预算支出标准', '0', '70', '按照正常比例赋分', '工作资料,原始凭证'],
    );
  });

  it('returns [] for text without a table, and never throws on garbage', () => {
    const problems: Problem[] = [];
    assert.deepEqual(readPerformance(splitLines('无表格\n\n123 456\n项目名称'), template, problems), []);
    assert.deepEqual(readPerformance([], template, problems), []);
    const table = lines.slice(first, last);
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...table.map((l) => l.text)), fc.string()), { maxLength: 80 }),
        (texts) => {
          const out = readPerformance(
            texts.map((text, i) => ({ no: i + 1, text })),
            template,
            [],
          );
          assert.ok(Array.isArray(out));
        },
      ),
      { numRuns: 200 },
    );
  });
});
