import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rule from '../../../src/rules/performance/required-level1.ts';
import { emptyDoc, indicator, perfTable, run } from '../../helpers/doc.ts';

const full = () => [
  indicator({ level1: '产出指标', level2: '数量指标' }),
  indicator({ level1: '成本指标', level2: '经济成本指标', value: '<=10万元' }),
  indicator({ level1: '效益指标', level2: '社会效益指标', value: '提升' }),
  indicator({ level1: '满意度 指标', level2: '满意度指标', value: '>=90%' }),
];

describe('performance.required-level1', () => {
  it('passes when all four first-level indicators are present (whitespace ignored)', () => {
    const { findings, obligation } = run(
      rule,
      emptyDoc({ performance: [perfTable({ indicators: full() })] }),
    );
    assert.deepEqual(findings, []);
    assert.equal(obligation.status, 'passed');
  });

  it('warns about a table without 满意度指标', () => {
    const doc = emptyDoc({
      performance: [perfTable({ project: '路径研究', indicators: full().slice(0, 3) })],
    });
    const { findings } = run(rule, doc);
    assert.deepEqual(findings, [
      {
        rule: 'performance.required-level1',
        severity: 'warning',
        category: 'performance',
        message:
          '项目「路径研究」缺少一级指标「满意度指标」（表中只有 产出指标、成本指标、效益指标，应含 产出指标、成本指标、效益指标、满意度指标）。',
        locations: [{ part: 'PERF', project: '路径研究', field: '一级指标', line: 880 }],
        expected: '满意度指标',
      },
    ]);
  });

  it('requires 成本指标 from 2021 only', () => {
    const noCost = full().filter((i) => i.level1 !== '成本指标');
    const y2023 = run(rule, emptyDoc({ performance: [perfTable({ indicators: noCost })] }));
    assert.deepEqual(
      y2023.findings.map((f) => [f.severity, f.expected]),
      [['warning', '成本指标']],
    );
    const y2020 = run(rule, emptyDoc({ year: 2020, performance: [perfTable({ indicators: noCost })] }));
    assert.deepEqual(y2020.findings, []);
  });

  it('does not check a table without rows', () => {
    assert.equal(
      run(rule, emptyDoc({ performance: [perfTable({})] })).obligation.status,
      'insufficient-data',
    );
  });
});
