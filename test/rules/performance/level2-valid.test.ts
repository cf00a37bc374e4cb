import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rule from '../../../src/rules/performance/level2-valid.ts';
import { emptyDoc, indicator, perfTable, run } from '../../helpers/doc.ts';

describe('performance.level2-valid', () => {
  it('passes template names, also with 满意度指标 as second level and wrapped labels', () => {
    const doc = emptyDoc({
      performance: [
        perfTable({
          indicators: [
            indicator({ level1: '产出指标', level2: '时效 指标' }),
            indicator({ level1: '成本指标', level2: '经济成本指标', value: '<=10万元' }),
            indicator({ level1: '成本指标', level2: '社会成本指标', value: '无' }),
            indicator({ level1: '效益指标', level2: '可持续影响指标', value: '提升' }),
            indicator({ level1: '满意度指标', level2: '满意度指标', value: '>=90%' }),
          ],
        }),
      ],
    });
    const { findings, obligation } = run(rule, doc);
    assert.deepEqual(findings, []);
    assert.deepEqual(obligation, { rule: 'performance.level2-valid', status: 'passed', reason: '5 checked' });
  });

  it('warns once per group about 经济成本指标 under 产出指标', () => {
    const doc = emptyDoc({
      performance: [
        perfTable({
          project: '测试项目',
          indicators: [
            indicator({ level1: '产出指标', level2: '经济成本指标', level3: '补助资金', value: '<=5万元' }),
            indicator({
              level1: '产出指标',
              level2: '经济成本指标',
              level3: '标准资金',
              value: '<=5万元',
              source: { line: 901 },
            }),
          ],
        }),
      ],
    });
    const { findings } = run(rule, doc);
    assert.deepEqual(findings, [
      {
        rule: 'performance.level2-valid',
        severity: 'warning',
        category: 'performance',
        message:
          '项目「测试项目」的二级指标「经济成本指标」属于「成本指标」，却列在「产出指标」下：「补助资金」、「标准资金」。',
        locations: [
          { part: 'PERF', project: '测试项目', indicator: '补助资金', field: '二级指标', line: 900 },
          { part: 'PERF', project: '测试项目', indicator: '标准资金', field: '二级指标', line: 901 },
        ],
        stated: '产出指标/经济成本指标',
      },
    ]);
  });

  it('warns about a name that is no second-level indicator, and an unknown first level', () => {
    const doc = emptyDoc({
      performance: [
        perfTable({
          indicators: [
            indicator({ level1: '效益指标', level2: '政治效益指标', level3: '影响' }),
            indicator({ level1: '过程指标', level2: '数量指标', level3: '次数' }),
          ],
        }),
      ],
    });
    const { findings } = run(rule, doc);
    assert.deepEqual(
      findings.map((f) => [f.severity, f.message]),
      [
        [
          'warning',
          '项目「测试项目」的二级指标「政治效益指标」不是「效益指标」的二级指标（应为 经济效益指标、社会效益指标、生态效益指标、可持续影响指标 之一）：「影响」。',
        ],
        [
          'warning',
          '项目「测试项目」的一级指标「过程指标」不是模板规定的一级指标（产出指标、成本指标、效益指标、满意度指标）：「次数」。',
        ],
      ],
    );
  });

  it('notes money under 社会成本指标 as information only', () => {
    const doc = emptyDoc({
      performance: [
        perfTable({
          indicators: [
            indicator({ level1: '成本指标', level2: '社会成本指标', level3: '专家费', value: '<=0.60万元' }),
          ],
        }),
      ],
    });
    const { findings } = run(rule, doc);
    assert.deepEqual(findings, [
      {
        rule: 'performance.level2-valid',
        severity: 'info',
        category: 'performance',
        message:
          '项目「测试项目」的「专家费」指标值 <=0.60万元 是金额，却列在「社会成本指标」下，资金成本通常列在经济成本指标。',
        locations: [{ part: 'PERF', project: '测试项目', indicator: '专家费', field: '二级指标', line: 900 }],
        stated: '社会成本指标',
      },
    ]);
  });
});
