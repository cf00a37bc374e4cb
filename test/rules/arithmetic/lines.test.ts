import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rule from '../../../src/rules/arithmetic/lines.ts';
import { emptyDoc, run, table } from '../../helpers/doc.ts';

const cols = ['合计', '一般公共预算', '政府性基金', '国有资本经营预算'];
const t10 = (total: string) =>
  table('T10', cols, [
    ['合计', '合计', { 合计: total, 一般公共预算: total }],
    ['因公出国（境）费', '因公出国（境）费', {}],
    ['公务接待费', '公务接待费', { 合计: '0.50', 一般公共预算: '0.50' }],
    ['公务用车购置及运行费', '公务用车购置及运行费', { 合计: '10.00', 一般公共预算: '10.00' }],
    ['公务用车购置费', '其中：公务用车购置费', {}],
    ['公务用车运行费', '公务用车运行费', { 合计: '10.00', 一般公共预算: '10.00' }],
  ]);

describe('arithmetic.lines', () => {
  it('passes when 合计 = 出国 + 接待 + 公务用车 and 公务用车 = 购置 + 运行', () => {
    assert.deepEqual(run(rule, emptyDoc({ tables: [t10('10.50')] })).findings, []);
  });
  it('reports a 三公 total that is not the sum of its lines', () => {
    const f = run(rule, emptyDoc({ tables: [t10('11.50')] })).findings;
    assert.deepEqual(
      f.map((x) => [x.severity, x.locations[0], x.stated, x.expected]),
      [
        ['error', { table: 'T10', row: '合计', column: '合计', line: 100 }, '11.50', '10.50'],
        ['error', { table: 'T10', row: '合计', column: '一般公共预算', line: 100 }, '11.50', '10.50'],
      ],
    );
  });
});
