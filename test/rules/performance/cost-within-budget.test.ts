import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Quantity } from '../../../src/model/schema.ts';
import rule from '../../../src/rules/performance/cost-within-budget.ts';
import { emptyDoc, indicator, perfTable, run } from '../../helpers/doc.ts';

function wan(value: string): Quantity {
  return { raw: `${value}万元`, value, unit: '万元', fen: Math.round(Number(value) * 1_000_000) };
}

function check(total: string, costs: [string, string, string?][]) {
  const indicators = costs.map(([level3, value, level2], i) =>
    indicator({
      level1: '成本指标',
      level2: level2 ?? '经济成本指标',
      level3,
      value,
      source: { line: 900 + i },
    }),
  );
  return run(
    rule,
    emptyDoc({
      performance: [
        perfTable({
          project: '测试项目',
          funds: { total: wan(total), fiscal: wan(total), other: null },
          indicators,
        }),
      ],
    }),
  );
}

describe('performance.cost-within-budget', () => {
  it('passes when the capped costs sum to the budget; rates, per-unit amounts and lower bounds do not count', () => {
    const { findings, obligation } = check('200', [
      ['补助资金', '<=190万元'],
      ['标准资金', '=10万元'],
      ['人均经费', '<=600元/人'],
      ['成本控制率', '≤95%'],
      ['其他', '>=50万元'],
    ]);
    assert.deepEqual(findings, []);
    assert.equal(obligation.reason, '1 checked');
  });

  it('adds amounts in different units exactly (5000元 + 9.5万元 = 10万元), with 社会成本 too', () => {
    const { findings } = check('10', [
      ['劳务费', '<=5000元'],
      ['专家费', '<=9.5万元', '社会成本指标'],
    ]);
    assert.deepEqual(findings, []);
  });

  it('reports costs over the budget as an error', () => {
    const { findings } = check('200', [
      ['补助资金', '<=150万元'],
      ['标准资金', '<=60万元'],
    ]);
    assert.deepEqual(findings, [
      {
        rule: 'performance.cost-within-budget',
        severity: 'error',
        category: 'performance',
        message:
          '项目「测试项目」成本指标金额合计 210.00 万元（补助资金 150.00 + 标准资金 60.00），超过年度预算总额 200.00 万元，多 10.00 万元。',
        locations: [
          { part: 'PERF', project: '测试项目', field: '年度预算总额', line: 880 },
          { part: 'PERF', project: '测试项目', indicator: '补助资金', field: '指标值', line: 900 },
          { part: 'PERF', project: '测试项目', indicator: '标准资金', field: '指标值', line: 901 },
        ],
        stated: '210.00',
        expected: '200.00',
        difference: '10.00',
        tolerance: '0.01',
      },
    ]);
  });

  it('reports an excess of one unit of the last digit as information (2.80 + 3.68 = 6.48 > 6.47)', () => {
    const { findings } = check('6.47', [
      ['专家咨询费', '<=2.80万元'],
      ['保障项目正常开展运行费', '<=3.68万元'],
    ]);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.severity, 'info');
    assert.equal(
      findings[0]!.message,
      '项目「测试项目」成本指标金额合计 6.48 万元（专家咨询费 2.80 + 保障项目正常开展运行费 3.68），超过年度预算总额 6.47 万元，多 0.01 万元（在四舍五入误差以内）。',
    );
    assert.deepEqual(
      [findings[0]!.stated, findings[0]!.expected, findings[0]!.difference, findings[0]!.tolerance],
      ['6.48', '6.47', '0.01', '0.01'],
    );
  });

  it('has insufficient data when no cost states an amount', () => {
    assert.equal(check('10', [['成本控制率', '<=95%']]).obligation.status, 'insufficient-data');
  });
});
