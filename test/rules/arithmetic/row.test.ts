import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rule from '../../../src/rules/arithmetic/row.ts';
import { emptyDoc, run, table } from '../../helpers/doc.ts';

const T3 = ['合计', '基本支出', '项目支出'];

describe('arithmetic.row', () => {
  it('passes when every row total equals its parts', () => {
    const doc = emptyDoc({
      tables: [
        table('T3', T3, [['2011301', '行政运行', { 合计: '459.41', 基本支出: '459.01', 项目支出: '0.40' }]]),
      ],
    });
    const r = run(rule, doc);
    assert.deepEqual(r.findings, []);
    assert.equal(r.obligation.status, 'passed');
  });
  it('reports a row whose total is not the sum of its parts, with the numbers', () => {
    const doc = emptyDoc({
      tables: [table('T3', T3, [['2011301', '行政运行', { 合计: '459.41', 基本支出: '459.01' }]])],
    });
    const [f, ...rest] = run(rule, doc).findings;
    assert.equal(rest.length, 0);
    assert.equal(f!.severity, 'error');
    assert.equal(f!.stated, '459.41');
    assert.equal(f!.expected, '459.01');
    assert.equal(f!.difference, '0.40');
    assert.deepEqual(f!.locations[0], { table: 'T3', row: '2011301', column: '合计', line: 100 });
  });
  it('reports a difference of one unit of the last digit as information, never an error', () => {
    const doc = emptyDoc({
      tables: [
        table('T3', T3, [['2011301', '行政运行', { 合计: '459.42', 基本支出: '459.01', 项目支出: '0.40' }]]),
      ],
    });
    const [f] = run(rule, doc).findings;
    assert.equal(f!.severity, 'info');
    assert.equal(f!.tolerance, '0.01');
  });
  it('is not applicable without the tables it needs', () => {
    assert.equal(run(rule, emptyDoc()).obligation.status, 'not-applicable');
  });
});
