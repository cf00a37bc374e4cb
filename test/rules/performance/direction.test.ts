import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rule from '../../../src/rules/performance/direction.ts';
import { emptyDoc, indicator, perfTable, run } from '../../helpers/doc.ts';

function check(rows: [string, string, string, string][]) {
  const indicators = rows.map(([level1, level2, level3, value], i) =>
    indicator({ level1, level2, level3, value, source: { line: 900 + i } }),
  );
  return run(rule, emptyDoc({ performance: [perfTable({ project: '测试项目', indicators })] }));
}

describe('performance.direction', () => {
  it('accepts growing targets with ≥ or =, costs with ≤, and upper bounds on things to keep low', () => {
    const { findings, obligation } = check([
      ['产出指标', '数量指标', '开展培训班', '≥1期'],
      ['产出指标', '质量指标', '验收合格率', '=100%'],
      ['产出指标', '时效指标', '项目完成及时率', '>=95%'],
      ['产出指标', '时效指标', '完成时间', '<=30天'],
      ['产出指标', '数量指标', '差错次数', '<=1次'],
      ['成本指标', '经济成本指标', '培训班经费', '<=114万元'],
      ['成本指标', '经济成本指标', '单位预算成本控制率', '≤95%'],
      ['成本指标', '经济成本指标', '成本节约率', '>=5%'],
      ['满意度指标', '满意度指标', '学员满意度', '>=90%'],
      ['效益指标', '社会效益指标', '影响力', '提升'],
    ]);
    assert.deepEqual(findings, []);
    assert.equal(obligation.reason, '9 checked');
  });

  it('warns about a timeliness rate with an upper bound (项目按时完成及时率 <=90%)', () => {
    const { findings } = check([['产出指标', '时效指标', '项目按时完成及时率', '<=90%']]);
    assert.deepEqual(findings, [
      {
        rule: 'performance.direction',
        severity: 'warning',
        category: 'performance',
        message:
          '项目「测试项目」的「项目按时完成及时率」是越高越好的指标，指标值「<=90%」却设了上限（≤），应为 ≥ 或 =。',
        locations: [
          { part: 'PERF', project: '测试项目', indicator: '项目按时完成及时率', field: '指标值', line: 900 },
        ],
        stated: '<=90%',
      },
    ]);
  });

  it('warns about a count with an upper bound, satisfaction below a value and a cost with a lower bound', () => {
    const { findings } = check([
      ['产出指标', '数量指标', '计划开展培训班次数', '<=5个'],
      ['满意度指标', '满意度指标', '群众满意度', '‹90%'],
      ['成本指标', '经济成本指标', '补助资金', '≥190万元'],
    ]);
    assert.deepEqual(
      findings.map((f) => [f.severity, f.locations[0], f.message]),
      [
        [
          'warning',
          { part: 'PERF', project: '测试项目', indicator: '计划开展培训班次数', field: '指标值', line: 900 },
          '项目「测试项目」的「计划开展培训班次数」是越高越好的指标，指标值「<=5个」却设了上限（≤），应为 ≥ 或 =。',
        ],
        [
          'warning',
          { part: 'PERF', project: '测试项目', indicator: '群众满意度', field: '指标值', line: 901 },
          '项目「测试项目」的「群众满意度」是越高越好的指标，指标值「‹90%」却设了上限（<），应为 ≥ 或 =。',
        ],
        [
          'warning',
          { part: 'PERF', project: '测试项目', indicator: '补助资金', field: '指标值', line: 902 },
          '项目「测试项目」的成本指标「补助资金」的指标值「≥190万元」用了下限（≥），成本应设上限（≤）。',
        ],
      ],
    );
  });
});
