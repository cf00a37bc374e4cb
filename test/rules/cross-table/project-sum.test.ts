import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rule from '../../../src/rules/cross-table/project-sum.ts';
import { emptyDoc, run, table } from '../../helpers/doc.ts';

const doc = (t5: string) =>
  emptyDoc({
    tables: [
      table(
        'T5',
        ['合计', '基本支出', '项目支出'],
        [['2011399', '其他商贸事务支出', { 合计: t5, 项目支出: t5 }]],
      ),
      table(
        'T7',
        ['项目支出合计'],
        [
          ['甲项目', '甲项目', { 项目支出合计: '200.00' }, { kind: 'project', code: '2011399', level: '项' }],
          [
            '乙项目',
            '乙项目',
            { 项目支出合计: '2083.33' },
            { kind: 'project', code: '2011399', level: '项' },
          ],
        ],
      ),
    ],
  });

describe('cross-table.project-sum', () => {
  it('passes when the projects of a subject add up to its T5 项目支出', () => {
    assert.deepEqual(run(rule, doc('2283.33')).findings, []);
  });
  it('reports projects that do not add up to T5 (the Xinjiang case: 2283.33 vs 1854.62)', () => {
    const [f] = run(rule, doc('1854.62')).findings;
    assert.equal(f!.severity, 'error');
    assert.equal(f!.stated, '2283.33');
    assert.equal(f!.expected, '1854.62');
    assert.equal(f!.difference, '428.71');
  });
});
