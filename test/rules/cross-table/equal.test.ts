import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rule from '../../../src/rules/cross-table/equal.ts';
import { emptyDoc, run, table } from '../../helpers/doc.ts';

const docWith = (t6total: string) =>
  emptyDoc({
    tables: [
      table(
        'T5',
        ['合计', '基本支出', '项目支出'],
        [['合计', '合计', { 合计: '2918.03', 基本支出: '634.70', 项目支出: '2283.33' }]],
      ),
      table(
        'T6',
        ['合计', '人员经费', '公用经费'],
        [['合计', '合计', { 合计: t6total, 人员经费: '573.17', 公用经费: '61.53' }]],
      ),
    ],
  });

describe('cross-table.equal', () => {
  it('passes when T5 基本支出 = T6 合计', () => {
    const r = run(rule, docWith('634.70'));
    assert.deepEqual(r.findings, []);
    assert.equal(r.obligation.status, 'passed');
  });
  it('reports T5 基本支出 ≠ T6 合计 with both cells', () => {
    const [f] = run(rule, docWith('635.70')).findings;
    assert.equal(f!.severity, 'error');
    assert.equal(f!.message.includes('表5 基本支出合计 = 表6 合计'), true);
    assert.deepEqual(f!.locations, [
      { table: 'T5', row: '合计', column: '基本支出', line: 100 },
      { table: 'T6', row: '合计', column: '合计', line: 100 },
    ]);
    assert.equal(f!.difference, '-1.00');
  });
});
