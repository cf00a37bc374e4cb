import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rule from '../../../src/rules/performance/missing-fields.ts';
import { emptyDoc, indicator, perfTable, run } from '../../helpers/doc.ts';

describe('performance.missing-fields', () => {
  it('passes complete rows, also when 上年完成值 is blank', () => {
    const doc = emptyDoc({
      performance: [perfTable({ indicators: [indicator({}), indicator({ prior: '' })] })],
    });
    const { findings, obligation } = run(rule, doc);
    assert.deepEqual(findings, []);
    assert.equal(obligation.reason, '2 checked');
  });

  it('warns once per row, naming the empty fields', () => {
    const doc = emptyDoc({
      performance: [
        perfTable({
          project: '路径研究',
          indicators: [
            indicator({ level3: '开展调研次数', scoring: '', evidence: ' ', source: { line: 2166 } }),
            indicator({ level3: '', value: '', basis: '', weight: '', source: { line: 2170 } }),
          ],
        }),
      ],
    });
    const { findings } = run(rule, doc);
    assert.deepEqual(findings, [
      {
        rule: 'performance.missing-fields',
        severity: 'warning',
        category: 'performance',
        message: '项目「路径研究」的「开展调研次数」一行未填赋分规则、佐证资料。',
        locations: [
          {
            part: 'PERF',
            project: '路径研究',
            indicator: '开展调研次数',
            field: '赋分规则、佐证资料',
            line: 2166,
          },
        ],
      },
      {
        rule: 'performance.missing-fields',
        severity: 'warning',
        category: 'performance',
        message:
          '项目「路径研究」的「数量指标下未填三级指标的行」一行未填三级指标、指标值、指标值设置依据、权重。',
        locations: [
          {
            part: 'PERF',
            project: '路径研究',
            indicator: '数量指标下未填三级指标的行',
            field: '三级指标、指标值、指标值设置依据、权重',
            line: 2170,
          },
        ],
      },
    ]);
  });
});
