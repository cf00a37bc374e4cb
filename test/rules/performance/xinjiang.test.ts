/**
 * All performance rules on the real document (examples/changji-miit-2023-budget.txt, 9 target tables,
 * lines 1469–2753). Every finding is listed with why it is a real defect; see also
 * test/fixtures/xinjiang-2023/PERF-NOTES.md (I1…I13).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadCatalog } from '../../../src/catalog/catalog.ts';
import { checkDisclosure } from '../../../src/rules/engine.ts';
import { PERFORMANCE_RULES } from '../../../src/rules/performance/index.ts';
import type { Finding } from '../../../src/rules/types.ts';
import { xinjiang } from '../../helpers/fixtures.ts';

const WINE = '昌吉州2023年葡萄酒发展专项';
const BUY = '昌吉州大数据运营管理平台政府购买服务项目';
const DIGITAL = '昌吉州“数字政府—大数据运营管理平台”项目';
const RESEARCH = '昌吉州工信局工业高质量发展研究项目';
const INTERNET = '昌吉州工业互联网发展路径分析研究项目';
const SAFETY = '民爆行业及重点工业企业安全生产检查指导项目';
const VILLAGE = '正格勒得村村委会办公楼维修项目';
const RUNNING = '2023年度单位运转类项目资金';
const FUNDS = '昌吉州工信局单位项目资金项目';

function perf(f: Finding): { project?: string; indicator?: string } {
  const loc = f.locations.find((l) => 'part' in l && l.part === 'PERF');
  return loc && 'project' in loc ? { project: loc.project, indicator: loc.indicator } : {};
}

describe('performance rules on the Xinjiang document', () => {
  const report = checkDisclosure(xinjiang(), {
    rules: PERFORMANCE_RULES,
    catalog: loadCatalog('/nonexistent-gongkai-data'),
  });
  const rows = report.findings.map((f) => [f.rule, f.severity, perf(f).project, perf(f).indicator]);

  it('finds exactly the real defects', () => {
    assert.deepEqual(rows, [
      // I1: 15 (开展调研, line 2038) + 15 + 10 + 6.6 + 6.6 + 20 + 10 = 83.2, not 90. The 15 at 2038 is the
      // only number of its row; read as 上年完成值 instead the sum would be 68.2: wrong either way.
      ['performance.weight-total', 'error', RESEARCH, undefined],
      // I2: 10 + 10 + 10 + 4 + 10 + 10 + 30 = 84 (lines 2161–2211), not 90.
      ['performance.weight-total', 'error', INTERNET, undefined],
      // I13: line 1463 says 非财政拨款项目 2 个，涉及预算金额 190 万元; the two tables with 财政拨款 0 print
      // 年度预算总额 78 万元 (2507) and 114 万元 (2651): 192. (The fiscal side, 7 tables = 5853.28, agrees.)
      ['performance.summary-matches', 'error', RUNNING, undefined],
      // I3: the table ends at 2221 with its 效益指标 row; the next table starts at 2225. No 满意度指标.
      ['performance.required-level1', 'warning', INTERNET, undefined],
      // I5: 开展调研次数 >=1 次 计划标准 0 10 (2166–2169), then a blank line and the next group: no 赋分规则, no 佐证资料.
      ['performance.missing-fields', 'warning', INTERNET, '开展调研次数'],
      // I7: a 完成及时率 with the target ">=6 次" (1935–1938): a rate counted in times.
      ['performance.value-syntax', 'warning', DIGITAL, '大数据运营管理项目阶段性咨询完成及时率'],
      // I10: 三级指标 意见被采纳的次数 (a count), 指标值 意见被采纳的情况 (no number) (2074–2080).
      ['performance.value-syntax', 'warning', RESEARCH, '意见被采纳的次数'],
      // I6: 项目按时完成及时率 <=90% (2186–2189): a timeliness rate capped from above.
      ['performance.direction', 'warning', INTERNET, '项目按时完成及时率'],
      // I8: 计划开展培训班次数 <=5 个 (2686–2689): a planned count capped from above.
      ['performance.direction', 'warning', FUNDS, '计划开展培训班次数'],
      // I9: 专家费 <=0.60 万元 and 项目保障工作经费 <=4.6 万元 printed under 社会成本指标 (2058–2064): money
      // belongs under 经济成本指标; the template allows the name, so information.
      ['performance.level2-valid', 'info', RESEARCH, '专家费'],
      ['performance.level2-valid', 'info', RESEARCH, '项目保障工作经费'],
      // I4: 专家咨询费 2.80 + 保障项目正常开展运行费 3.68 = 6.48 万元 > 年度预算总额 6.47 万元, by one unit of
      // the last digit: rounding of the parts, information.
      ['performance.cost-within-budget', 'info', INTERNET, undefined],
      // I12: the table's name differs from T7 and section 七 (919, 1309: 2023年葡萄酒产业发展资金, 200.00).
      ['performance.funds-match', 'info', WINE, undefined],
      // I12: T7 and 七 print 昌吉州“数字政府”-大数据运营管理平台政府购买服务项目 (928, 1329), 2083.33.
      ['performance.funds-match', 'info', BUY, undefined],
      // The next five fiscal projects (3519.86 + 5.2 + 6.47 + 28.42 + 10 = 3569.95) are neither in T7, which
      // lists only the two projects above (2283.33, lines 905–934), nor in section 七. T3's 项目支出 6476.81
      // = 2283.33 + 财政拨款结转 3991.48 + 单位资金 162 + 非财政拨款结转结余 40 (T1), so they are most
      // likely carried-over funds, which T7 (this year's general budget) does not list. Their amounts cannot
      // be checked by name: information, not a defect claimed.
      ['performance.funds-match', 'info', DIGITAL, undefined],
      ['performance.funds-match', 'info', RESEARCH, undefined],
      ['performance.funds-match', 'info', INTERNET, undefined],
      ['performance.funds-match', 'info', SAFETY, undefined],
      ['performance.funds-match', 'info', VILLAGE, undefined],
    ]);
  });

  it('states the numbers of the errors', () => {
    const errors = report.findings
      .filter((f) => f.severity === 'error')
      .map((f) => [f.rule, f.stated, f.expected, f.difference]);
    assert.deepEqual(errors, [
      ['performance.weight-total', '83.2', '90', '-6.8'],
      ['performance.weight-total', '84', '90', '-6'],
      ['performance.summary-matches', '190.00', '192.00', '-2.00'],
    ]);
    const cost = report.findings.find((f) => f.rule === 'performance.cost-within-budget')!;
    assert.deepEqual([cost.stated, cost.expected, cost.difference], ['6.48', '6.47', '0.01']);
  });

  it('points the name mismatches at the listing with the same amount, without matching them', () => {
    const wine = report.findings.find(
      (f) => f.rule === 'performance.funds-match' && perf(f).project === WINE,
    )!;
    assert.match(wine.message, /表7和第三部分七有金额相同的「2023年葡萄酒产业发展资金」，名称不同/);
  });

  it('runs every rule: no rule is skipped for lack of data', () => {
    assert.deepEqual(
      report.obligations.map((o) => [o.rule, o.status]),
      [
        ['performance.weight-total', 'failed'],
        ['performance.required-level1', 'failed'],
        ['performance.level2-valid', 'failed'],
        ['performance.missing-fields', 'failed'],
        ['performance.value-syntax', 'failed'],
        ['performance.direction', 'failed'],
        ['performance.cost-within-budget', 'failed'],
        ['performance.funds-match', 'failed'],
        ['performance.summary-matches', 'failed'],
      ],
    );
  });
});
