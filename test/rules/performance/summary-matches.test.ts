import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Claim, PerformanceTable, Quantity, Section } from '../../../src/model/schema.ts';
import rule from '../../../src/rules/performance/summary-matches.ts';
import { claim, emptyDoc, perfTable, run } from '../../helpers/doc.ts';

function wan(value: string): Quantity {
  return { raw: `${value}万元`, value, unit: '万元', fen: Math.round(Number(value) * 1_000_000) };
}

function funds(total: string, fiscal: string | null, other: string | null = null): PerformanceTable['funds'] {
  return {
    total: wan(total),
    fiscal: fiscal === null ? null : wan(fiscal),
    other: other === null ? null : wan(other),
  };
}

function summary(fiscal: [string, string], nonFiscal: [string, string]): Section {
  const c = (subject: string, amount: Quantity, line: number): Claim =>
    claim({
      kind: 'performance',
      section: '十一（四）',
      subject,
      amount,
      excerpt: amount.raw,
      source: { line },
    });
  const count = (n: string): Quantity => ({ raw: `${n}个`, value: n, unit: '个' });
  return {
    id: '十一（四）',
    title: '预算绩效情况',
    text: '',
    claims: [
      c('财政拨款项目', count(fiscal[0]), 1461),
      c('财政拨款项目', wan(fiscal[1]), 1461),
      c('非财政拨款项目', count(nonFiscal[0]), 1463),
      c('非财政拨款项目', wan(nonFiscal[1]), 1463),
    ],
    source: { line: 1459 },
  };
}

const tables = () => [
  perfTable({ project: 'A', funds: funds('200', '200') }),
  perfTable({ project: 'B', funds: funds('5853.28', '5653.28', '200') }),
  perfTable({ project: 'C', funds: funds('78', '0', '78') }),
  perfTable({ project: 'D', funds: funds('114', null, '114') }),
];

describe('performance.summary-matches', () => {
  it('passes when counts and amounts agree (fiscal = 财政拨款 > 0; non-fiscal = 0 or all in 其他资金)', () => {
    const doc = emptyDoc({ narrative: [summary(['2', '6053.28'], ['2', '192'])], performance: tables() });
    const { findings, obligation } = run(rule, doc);
    assert.deepEqual(findings, []);
    assert.equal(obligation.reason, '4 checked');
  });

  it('reports a stated amount that differs from the tables (190 vs 78 + 114 = 192) as an error', () => {
    const doc = emptyDoc({ narrative: [summary(['2', '6053.28'], ['2', '190'])], performance: tables() });
    const { findings } = run(rule, doc);
    assert.deepEqual(findings, [
      {
        rule: 'performance.summary-matches',
        severity: 'error',
        category: 'performance',
        message:
          '第三部分十一（四）称非财政拨款项目涉及预算金额 190 万元，而财政拨款为 0 的绩效目标表（2 张）年度预算总额合计 192.00 万元（C 78 + D 114），相差 -2.00 万元。',
        locations: [
          { part: 'P3', section: '十一（四）', item: null, excerpt: '190万元', line: 1463 },
          { part: 'PERF', project: 'C', field: '年度预算总额', line: 880 },
          { part: 'PERF', project: 'D', field: '年度预算总额', line: 880 },
        ],
        stated: '190.00',
        expected: '192.00',
        difference: '-2.00',
        tolerance: '0.01',
      },
    ]);
  });

  it('reports a wrong count as an error', () => {
    const doc = emptyDoc({ narrative: [summary(['3', '6053.28'], ['2', '192'])], performance: tables() });
    const { findings } = run(rule, doc);
    assert.deepEqual(
      findings.map((f) => [f.severity, f.message, f.stated, f.expected]),
      [
        [
          'error',
          '第三部分十一（四）称财政拨款项目 3 个，而财政拨款大于 0 的绩效目标表有 2 张（A、B）。',
          '3',
          '2',
        ],
      ],
    );
  });

  it('is not applicable without a summary and has insufficient data when a fund source is unknown', () => {
    assert.equal(run(rule, emptyDoc({ performance: tables() })).obligation.status, 'not-applicable');
    const unknown = emptyDoc({
      narrative: [summary(['2', '6053.28'], ['2', '192'])],
      performance: [perfTable({ project: 'X', funds: funds('10', null) })],
    });
    assert.equal(run(rule, unknown).obligation.status, 'insufficient-data');
  });
});
