import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rule from '../../../src/rules/classification/code-known.ts';
import { emptyDoc, run, table } from '../../helpers/doc.ts';

describe('classification.code-known', () => {
  it('passes codes the catalog knows for the year', () => {
    const doc = emptyDoc({
      tables: [
        table('T2', ['总计'], [['2011301', '行政运行', { 总计: '459.41' }]]),
        table('T6', ['合计'], [['30217', '公务接待费', { 合计: '0.50' }]]),
      ],
    });
    const r = run(rule, doc);
    assert.deepEqual(r.findings, []);
    assert.deepEqual(r.obligation, {
      rule: 'classification.code-known',
      status: 'passed',
      reason: '2 checked',
    });
  });

  it('reports unknown codes, and codes known only for other years, once each with every row printing them', () => {
    const doc = emptyDoc({
      tables: [
        table('T2', ['总计'], [['2299998', '测试支出', { 总计: '1.00' }]]),
        table('T3', ['合计'], [['2299998', '测试支出', { 合计: '1.00' }]]),
        table('T6', ['合计'], [['30106', '伙食补助费', { 合计: '2.00' }]]),
      ],
    });
    const r = run(rule, doc);
    assert.deepEqual(r.findings, [
      {
        rule: 'classification.code-known',
        severity: 'info',
        category: 'classification',
        message: '1 个科目编码未在目录中（目录不完整），无法核对2023年是否存在：2299998“测试支出”。',
        locations: [
          { table: 'T2', row: '2299998', line: 100 },
          { table: 'T3', row: '2299998', line: 100 },
        ],
      },
      {
        rule: 'classification.code-known',
        severity: 'info',
        category: 'classification',
        message: '1 个科目编码在目录中只有其他年度的记录，未能核实2023年：30106“伙食补助费”。',
        locations: [{ table: 'T6', row: '30106', line: 100 }],
      },
    ]);
  });

  it('leaves codes of the wrong kind for their table to code-kind', () => {
    const doc = emptyDoc({
      tables: [table('T6', ['合计'], [['20111', '公务员医疗补助缴费', { 合计: '1.74' }]])],
    });
    assert.equal(run(rule, doc).obligation.status, 'insufficient-data');
  });

  it('needs the budget year', () => {
    const doc = emptyDoc({ year: null, tables: [table('T2', ['总计'], [['2011301', '行政运行', {}]])] });
    assert.equal(run(rule, doc).obligation.status, 'insufficient-data');
  });
});
