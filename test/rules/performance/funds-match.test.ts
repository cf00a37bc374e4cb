import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PerformanceTable, Quantity, Section } from '../../../src/model/schema.ts';
import rule from '../../../src/rules/performance/funds-match.ts';
import { claim, emptyDoc, perfTable, run, table } from '../../helpers/doc.ts';

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

/** T7 with project rows [name, 项目支出合计]. */
function t7(...projects: [string, string][]) {
  return table(
    'T7',
    ['项目支出合计'],
    projects.map(([name, amount]) => [name, name, { 项目支出合计: amount }, { kind: 'project' as const }]),
  );
}

/** The narrative's project section with one project. */
function section7(name: string, amount: string): Section {
  return {
    id: '七',
    title: '关于测试局2023年一般公共预算项目支出情况说明',
    text: `1.项目名称：${name}设立的政策依据：按要求。预算安排规模：${amount}万元项目承担单位：测试局资金执行时间：2023年1月-2023年12月`,
    claims: [
      claim({
        kind: 'project',
        section: '七',
        item: 1,
        subject: '预算安排规模',
        amount: wan(amount),
        excerpt: `${amount}万元项目承担单位：测试局`,
        source: { line: 1319 },
      }),
    ],
    source: { line: 1300 },
  };
}

describe('performance.funds-match', () => {
  it('passes when T7 has the project with the same amount, names equal up to quotes, dashes and spaces', () => {
    const doc = emptyDoc({
      tables: [t7(['昌吉州"数字政府"-大数据 运营项目', '3519.86'], ['葡萄酒专项', '200.00'])],
      performance: [
        perfTable({ project: '昌吉州“数字政府—大数据运营项目”', funds: funds('3519.86', '3519.86') }),
        perfTable({ project: '葡萄酒专项', funds: funds('200', '200') }),
      ],
    });
    const { findings, obligation } = run(rule, doc);
    assert.deepEqual(findings, []);
    assert.equal(obligation.reason, '2 checked');
  });

  it('sums the rows of a project T7 prints under two functional 项 (one row per 项, same name)', () => {
    const rows = [
      ['大数据项目', '大数据项目', { 项目支出合计: '1854.62' }, { kind: 'project' as const }],
      ['大数据项目#2', '大数据项目', { 项目支出合计: '228.71' }, { kind: 'project' as const }],
    ] as [string, string, Record<string, string>, { kind: 'project' }][];
    const both = table('T7', ['项目支出合计'], rows);
    const pass = run(
      rule,
      emptyDoc({
        tables: [both],
        performance: [perfTable({ project: '大数据项目', funds: funds('2083.33', '2083.33') })],
      }),
    );
    assert.deepEqual(pass.findings, []);
    // a header of one row's amount is still wrong, against the sum
    const [f] = run(
      rule,
      emptyDoc({
        tables: [both],
        performance: [perfTable({ project: '大数据项目', funds: funds('1854.62', '1854.62') })],
      }),
    ).findings;
    assert.equal(f!.severity, 'error');
    assert.equal(f!.expected, '2083.33');
    assert.deepEqual(f!.locations[1], { table: 'T7', row: '大数据项目', column: '项目支出合计', line: 100 });
  });

  it('reports a header amount that differs from T7 as an error', () => {
    const doc = emptyDoc({
      tables: [t7(['葡萄酒专项', '210.00'])],
      performance: [perfTable({ project: '葡萄酒专项', funds: funds('200', '200') })],
    });
    const { findings } = run(rule, doc);
    assert.deepEqual(findings, [
      {
        rule: 'performance.funds-match',
        severity: 'error',
        category: 'performance',
        message:
          '项目「葡萄酒专项」绩效目标表财政拨款 200.00 万元，表7「葡萄酒专项」为 210.00 万元，相差 -10.00 万元。',
        locations: [
          { part: 'PERF', project: '葡萄酒专项', field: '财政拨款', line: 880 },
          { table: 'T7', row: '葡萄酒专项', column: '项目支出合计', line: 100 },
        ],
        stated: '200.00',
        expected: '210.00',
        difference: '-10.00',
        tolerance: '0.01',
      },
    ]);
  });

  it('compares with the narrative for a project not in T7, and calls a one-fen difference rounding', () => {
    const doc = emptyDoc({
      tables: [t7()],
      narrative: [section7('村委会维修项目', '10')],
      performance: [perfTable({ project: '村委会维修项目', funds: funds('10.01', '10.01') })],
    });
    const { findings } = run(rule, doc);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.severity, 'info');
    assert.equal(
      findings[0]!.message,
      '项目「村委会维修项目」绩效目标表财政拨款 10.01 万元，第三部分七「村委会维修项目」为 10.00 万元，相差 0.01 万元（在四舍五入误差以内）。',
    );
    assert.deepEqual(findings[0]!.locations[1], {
      part: 'P3',
      section: '七',
      item: 1,
      excerpt: '10万元项目承担单位：测试局',
      line: 1319,
    });
    const wrong = run(
      rule,
      emptyDoc({
        tables: [t7()],
        narrative: [section7('村委会维修项目', '10')],
        performance: [perfTable({ project: '村委会维修项目', funds: funds('12', '12') })],
      }),
    );
    assert.deepEqual(
      wrong.findings.map((f) => [f.severity, f.stated, f.expected, f.difference]),
      [['error', '12.00', '10.00', '2.00']],
    );
  });

  it('does not guess a match for a differently worded name: information, pointing at the same amount', () => {
    const doc = emptyDoc({
      tables: [t7(['2023年葡萄酒产业发展资金', '200.00'])],
      performance: [
        perfTable({ project: '昌吉州2023年葡萄酒发展专项', funds: funds('200', '200') }),
        perfTable({ project: '单位资金项目', funds: funds('78', '0', '78') }),
      ],
    });
    const { findings, obligation } = run(rule, doc);
    assert.deepEqual(findings, [
      {
        rule: 'performance.funds-match',
        severity: 'info',
        category: 'performance',
        message:
          '项目「昌吉州2023年葡萄酒发展专项」（财政拨款 200.00 万元）在表7和项目支出说明中都没有同名项目，项目名称不一致或未在表7列出，金额未能核对（表7有金额相同的「2023年葡萄酒产业发展资金」，名称不同）。',
        locations: [
          { part: 'PERF', project: '昌吉州2023年葡萄酒发展专项', field: '项目名称', line: 880 },
          { table: 'T7', row: '2023年葡萄酒产业发展资金', column: '项目支出合计', line: 100 },
        ],
      },
    ]);
    // the non-fiscal project is not expected in T7: not reported, not counted
    assert.equal(obligation.status, 'failed');
    assert.equal(obligation.count, 1);
  });

  it('checks the header: 年度预算总额 = 财政拨款 + 其他资金', () => {
    const doc = emptyDoc({
      tables: [t7(['测试项目', '8.00'])],
      performance: [perfTable({ project: '测试项目', funds: funds('10', '8', '1') })],
    });
    const { findings } = run(rule, doc);
    assert.deepEqual(findings, [
      {
        rule: 'performance.funds-match',
        severity: 'error',
        category: 'performance',
        message:
          '项目「测试项目」年度预算总额 10.00 万元，不等于财政拨款 8.00 万元 加其他资金 1.00 万元，相差 1.00 万元。',
        locations: [{ part: 'PERF', project: '测试项目', field: '年度预算总额', line: 880 }],
        stated: '10.00',
        expected: '9.00',
        difference: '1.00',
        tolerance: '0.01',
      },
    ]);
  });

  it('has insufficient data without T7 or a narrative project list', () => {
    const doc = emptyDoc({ performance: [perfTable({})] });
    assert.equal(run(rule, doc).obligation.status, 'insufficient-data');
  });
});
