import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rule from '../../../src/rules/performance/weight-total.ts';
import { emptyDoc, indicator, perfTable, run } from '../../helpers/doc.ts';

const weights = (...ws: string[]) => ws.map((weight, i) => indicator({ level3: `指标${i + 1}`, weight }));

describe('performance.weight-total', () => {
  it('passes when the weights sum to 90, added exactly (24.4 + 39.8 + 25.8 is not 90 in floats)', () => {
    const doc = emptyDoc({ performance: [perfTable({ indicators: weights('24.4', '39.8', '25.8') })] });
    const { findings, obligation } = run(rule, doc);
    assert.deepEqual(findings, []);
    assert.deepEqual(obligation, { rule: 'performance.weight-total', status: 'passed', reason: '1 checked' });
  });

  it('reports a table whose weights sum to 83.2 as an error with the sum', () => {
    const doc = emptyDoc({
      performance: [
        perfTable({ project: '研究项目', indicators: weights('15', '15', '10', '6.6', '6.6', '20', '10') }),
      ],
    });
    const { findings } = run(rule, doc);
    assert.deepEqual(findings, [
      {
        rule: 'performance.weight-total',
        severity: 'error',
        category: 'performance',
        message: '项目「研究项目」的 7 个指标权重合计 83.2，应为 90，相差 -6.8。',
        locations: [{ part: 'PERF', project: '研究项目', field: '权重', line: 880 }],
        stated: '83.2',
        expected: '90',
        difference: '-6.8',
        tolerance: '0',
      },
    ]);
  });

  it('notes blank weights and weights placed by inference in the message', () => {
    const inds = weights('10', '', '10 分');
    inds[0]!.placement = [{ field: '权重', how: 'single number read as 权重' }];
    const { findings } = run(rule, emptyDoc({ performance: [perfTable({ indicators: inds })] }));
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.stated, '20');
    assert.match(
      findings[0]!.message,
      /合计 20，应为 90，相差 -70（另有 1 行未填权重；其中「指标1」的权重由版面位置推断）/,
    );
  });

  it('has insufficient data when no table prints a weight, and does not apply without tables', () => {
    const blank = emptyDoc({ performance: [perfTable({ indicators: weights('', '') })] });
    assert.equal(run(rule, blank).obligation.status, 'insufficient-data');
    assert.equal(run(rule, emptyDoc()).obligation.status, 'not-applicable');
  });

  it('checks the tables with weights when another has none', () => {
    const doc = emptyDoc({
      performance: [
        perfTable({ project: 'A', indicators: weights('') }),
        perfTable({ project: 'B', indicators: weights('90') }),
      ],
    });
    const { findings, obligation } = run(rule, doc);
    assert.deepEqual(findings, []);
    assert.equal(obligation.reason, '1 checked');
  });
});
