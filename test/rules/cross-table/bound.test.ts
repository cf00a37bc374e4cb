import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rule from '../../../src/rules/cross-table/bound.ts';
import { emptyDoc, run, table } from '../../helpers/doc.ts';

const doc = (t6: string) =>
  emptyDoc({
    tables: [
      table('T6', ['合计', '人员经费', '公用经费'], [['30217', '公务接待费', { 合计: t6, 公用经费: t6 }]]),
      table(
        'T10',
        ['合计', '一般公共预算', '政府性基金', '国有资本经营预算'],
        [['公务接待费', '公务接待费', { 合计: '0.50', 一般公共预算: '0.50' }]],
      ),
    ],
  });

describe('cross-table.bound', () => {
  it('passes when T6 公务接待费 is within T10 公务接待费', () => {
    assert.deepEqual(run(rule, doc('0.50')).findings, []);
  });
  it('reports T6 公务接待费 larger than T10', () => {
    const [f, ...rest] = run(rule, doc('0.80')).findings;
    assert.equal(rest.length, 0);
    assert.equal(f!.severity, 'error');
    assert.equal(f!.stated, '0.80');
    assert.equal(f!.expected, '0.50');
  });
});
