/** completeness.parts and completeness.empty-table. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import emptyTable from '../../../src/rules/completeness/empty-table.ts';
import parts from '../../../src/rules/completeness/parts.ts';
import { emptyDoc, run, table } from '../../helpers/doc.ts';

describe('completeness.parts', () => {
  it('passes a complete document', () => assert.equal(run(parts, emptyDoc()).obligation.status, 'passed'));
  it('lists every missing part and table', () => {
    assert.deepEqual(
      run(parts, emptyDoc({ missing: ['P4', 'T9'] })).findings.map((f) => [f.severity, f.message]),
      [
        ['error', '缺少第四部分（名词解释）。'],
        ['error', '缺少表9（国有资本经营预算支出情况表）。'],
      ],
    );
  });
});

describe('completeness.empty-table', () => {
  const t8 = (statement?: string, cells: Record<string, string> = {}) => ({
    ...table('T8', ['合计', '基本支出', '项目支出'], [['合计', '合计', cells]]),
    ...(statement ? { statement } : {}),
  });
  it('passes an empty table that says it is empty', () => {
    assert.deepEqual(
      run(
        emptyTable,
        emptyDoc({
          tables: [t8('本单位2023年没有政府性基金预算拨款安排的支出，政府性基金预算支出情况表为空表。')],
        }),
      ).findings,
      [],
    );
  });
  it('reports an empty table without a statement, and a "empty" table with numbers', () => {
    assert.deepEqual(
      run(emptyTable, emptyDoc({ tables: [t8()] })).findings.map((f) => f.severity),
      ['warning'],
    );
    assert.deepEqual(
      run(
        emptyTable,
        emptyDoc({ tables: [t8('为空表。', { 合计: '5.00', 基本支出: '5.00' })] }),
      ).findings.map((f) => f.severity),
      ['error'],
    );
  });
});
