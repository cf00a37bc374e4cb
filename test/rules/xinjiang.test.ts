/**
 * Every finding of the arithmetic, cross-table, narrative, statement and completeness rules on the
 * Xinjiang document, each justified. (Performance, classification and text rules have their own
 * lists in test/rules/<family>/xinjiang.test.ts.) A false error on a real document is a bug.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkDisclosure } from '../../src/rules/engine.ts';
import { xinjiang } from '../helpers/fixtures.ts';

type Row = [rule: string, severity: string, where: string, stated: string | null, expected: string | null];

const EXPECTED: Row[] = [
  // T2 rows 201 and 20113 print 财政拨款(补助)小计 6302.69 = 2313.63 (一般公共预算) + 3989.06 (财政拨款结转):
  // the carry-over is counted inside the subtotal, so 总计 6504.69 ≠ 6302.69 + 162 + 3989.06 + 40 = 10493.75
  // and 小计 6302.69 ≠ 一般公共预算 2313.63. The 合计 row (2918.03) does not make that mistake.
  ['arithmetic.row', 'error', 'T2|201|总计', '6504.69', '10493.75'],
  ['arithmetic.row', 'error', 'T2|20113|总计', '6504.69', '10493.75'],
  ['arithmetic.row', 'error', 'T2|201|财政拨款(补助)小计', '6302.69', '2313.63'],
  ['arithmetic.row', 'error', 'T2|20113|财政拨款(补助)小计', '6302.69', '2313.63'],
  // T5 2011301 行政运行 prints 合计 459.41 with 基本支出 459.01 and no 项目支出 (T3 has the 0.40 project).
  ['arithmetic.row', 'error', 'T5|2011301|合计', '459.41', '459.01'],
  // T5 2011399 prints 合计 2283.33 (all project money, including 428.71 of 2150517 产业发展) with 项目支出 1854.62.
  ['arithmetic.row', 'error', 'T5|2011399|合计', '2283.33', '1854.62'],
  // The same T2 subtotal, against its 项 (459.41 + 0 + 1854.22) and, at 合计, against the 类 rows.
  ['arithmetic.hierarchy', 'error', 'T2|20113|财政拨款(补助)小计', '6302.69', '2313.63'],
  ['arithmetic.hierarchy', 'error', 'T2|合计|财政拨款(补助)小计', '2918.03', '6907.09'],
  // T3: 20113 prints 基本 459.41 / 项目 6045.28 but its 项 give 459.01 / 6045.68 (the 0.40 of 行政运行 moved
  // between columns); 合计 634.70 / 6476.81 follows the 项, so it disagrees with the 类 rows by 0.40 too.
  ['arithmetic.hierarchy', 'error', 'T3|20113|基本支出', '459.41', '459.01'],
  ['arithmetic.hierarchy', 'error', 'T3|20113|项目支出', '6045.28', '6045.68'],
  ['arithmetic.hierarchy', 'error', 'T3|合计|基本支出', '634.70', '635.10'],
  ['arithmetic.hierarchy', 'error', 'T3|合计|项目支出', '6476.81', '6476.41'],
  // T5 20113 商贸事务 2313.63 while its 项 print 459.41 + 2283.33 = 2742.74.
  ['arithmetic.hierarchy', 'error', 'T5|20113|合计', '2313.63', '2742.74'],
  // T2's general budget for 2011399 (1854.22) is not T5's general-budget spending on it (2283.33).
  ['cross-table.match', 'error', 'T2|2011399|一般公共预算', '1854.22', '2283.33'],
  // T7 lists 200 + 2083.33 = 2283.33 of projects under 2011399, T5 only 1854.62 of 项目支出 there; and T5
  // has 428.71 of 项目支出 under 2150517 产业发展 with no project in T7.
  ['cross-table.project-sum', 'error', 'T7|2023年葡萄酒产业发展资金|项目支出合计', '2283.33', '1854.62'],
  ['cross-table.project-sum', 'error', 'T5|2150517|项目支出', '0.00', '428.71'],
  // 五（三）1: 行政运行 "2023 年预算数为 459.01 万元" while T5 prints 459.41 for it.
  ['narrative.amount', 'error', 'P3|五（三）|1', '459.01', '459.41'],
  // 五（三）8: 1.74 after a decrease of 7.192 means 8.932 last year: 7.192 / 8.932 = 80.52%, printed 80.82%.
  ['narrative.growth', 'error', 'P3|五（三）|8', '80.82', '80.52'],
  // 五（三）'s 11 items sum to 3346.74, not the 2918.03 of general budget: item 2 states 2283.33 for
  // 其他商贸事务支出, which already contains the 428.71 of item 10 (产业发展).
  ['narrative.items-sum', 'error', 'P3|五（三）|', '3346.74', '2918.03'],
  // 十一（三）: "车辆 4 辆，价值 90.13 万元；其中：一般公务用车 4 辆，价值 231.26 万元".
  ['statement.assets', 'error', 'P3|十一（三）|2', '231.26 + 0 + 0', '<= 90.13'],
  // 四 names classes 医疗卫生健康支出 and 资源勘探工业信息支出 (tables: 卫生健康支出, 资源勘探工业信息等支出);
  // 五（三） writes 其他商贸事务支出务 (a stray 务) and 其他行政事业单位医疗补助 (tables: …医疗支出).
  ['narrative.subject-name', 'warning', 'P3|四|', null, null],
  ['narrative.subject-name', 'warning', 'P3|四|', null, null],
  ['narrative.subject-name', 'warning', 'P3|五（三）|2', null, null],
  ['narrative.subject-name', 'warning', 'P3|五（三）|9', null, null],
  // T6 301 prints 518.89; its 款 (with the row misprinted as 201 11) add up to 518.88: rounding.
  ['arithmetic.hierarchy', 'info', 'T6|301|合计', '518.89', '518.88'],
  ['arithmetic.hierarchy', 'info', 'T6|301|人员经费', '518.89', '518.88'],
  // "增加 0.00 万元" / "增加 0 万元": a zero change worded as an increase (二 five sources, 五（三）9, 十 five).
  ...Array.from({ length: 5 }, (): Row => ['narrative.direction', 'info', 'P3|二|', '0.00', null]),
  ['narrative.direction', 'info', 'P3|五（三）|9', '0', null],
  ...Array.from({ length: 5 }, (): Row => ['narrative.direction', 'info', 'P3|十|', '0', null]),
  // Growth from zero: five sources zero in both years (0.00%), three new sources (100%), 五（三）5 and 10
  // (100%), 十 出国 and 购置 zero in both years.
  ...['0.00', '0.00', '0.00', '0', '0.00', '100', '100', '100'].map(
    (s): Row => ['narrative.zero-base', 'info', 'P3|二|', s, null],
  ),
  ['narrative.zero-base', 'info', 'P3|五（三）|5', '100', null],
  ['narrative.zero-base', 'info', 'P3|五（三）|10', '100', null],
  ['narrative.zero-base', 'info', 'P3|十|', '0', null],
  ['narrative.zero-base', 'info', 'P3|十|', '0', null],
  // The items' prior values (with 7.192 printed at three decimals) add up to 699.112 against 699.10.
  ['narrative.items-sum', 'info', 'P3|五（三）|', '699.112000', '699.100000'],
];

describe('check on the Xinjiang document (tables, narrative, statements)', () => {
  const report = checkDisclosure(xinjiang());
  it('finds exactly the justified list', () => {
    const got = report.findings
      .filter((f) => !/^(performance|text|classification)\./.test(f.rule))
      .map((f): Row => {
        const l = f.locations[0]!;
        const where =
          'table' in l
            ? `${l.table}|${l.row}|${l.column}`
            : l.part === 'P3'
              ? `P3|${l.section}|${l.item ?? ''}`
              : `${l.part}`;
        return [f.rule, f.severity, where, f.stated ?? null, f.expected ?? null];
      });
    assert.deepEqual(got, EXPECTED);
  });
  it('lists every rule as an obligation, none silently skipped', () => {
    const statuses = new Map(report.obligations.map((o) => [o.rule, o.status]));
    assert.equal(statuses.get('arithmetic.lines'), 'passed');
    assert.equal(statuses.get('cross-table.equal'), 'passed');
    assert.equal(statuses.get('narrative.share'), 'passed');
    assert.equal(statuses.get('statement.staffing'), 'passed');
    assert.equal(statuses.get('completeness.empty-table'), 'passed');
    for (const o of report.obligations)
      assert.ok(['passed', 'failed', 'not-applicable', 'insufficient-data'].includes(o.status));
  });
});
