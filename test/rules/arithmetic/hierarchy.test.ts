import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rule from '../../../src/rules/arithmetic/hierarchy.ts';
import { emptyDoc, run, table } from '../../helpers/doc.ts';

const T3 = ['合计', '基本支出', '项目支出'];
const rows = (kuan: string): Parameters<typeof table>[2] => [
  ['201', '一般公共服务支出', { 合计: '100.00', 基本支出: '60.00', 项目支出: '40.00' }],
  ['20113', '商贸事务', { 合计: kuan, 基本支出: '60.00', 项目支出: '40.00' }],
  ['2011301', '行政运行', { 合计: '60.00', 基本支出: '60.00' }],
  ['2011399', '其他商贸事务支出', { 合计: '40.00', 项目支出: '40.00' }],
  ['合计', '合计', { 合计: '100.00', 基本支出: '60.00', 项目支出: '40.00' }],
];

describe('arithmetic.hierarchy', () => {
  it('passes when 类 = Σ款, 款 = Σ项 and 合计 = Σ类 in every column', () => {
    const r = run(rule, emptyDoc({ tables: [table('T3', T3, rows('100.00'))] }));
    assert.deepEqual(r.findings, []);
    assert.equal(r.obligation.status, 'passed');
  });
  it('reports a 款 that is not the sum of its 项, and its 类 that is not the sum of its 款', () => {
    const r = run(rule, emptyDoc({ tables: [table('T3', T3, rows('100.40'))] }));
    assert.deepEqual(
      r.findings.map((f) => [f.severity, f.locations[0], f.stated, f.expected]),
      [
        ['error', { table: 'T3', row: '201', column: '合计', line: 100 }, '100.00', '100.40'],
        ['error', { table: 'T3', row: '20113', column: '合计', line: 101 }, '100.40', '100.00'],
      ],
    );
  });
});
