import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rule from '../../../src/rules/cross-table/match.ts';
import { emptyDoc, run, table } from '../../helpers/doc.ts';

const doc = (t3: string, t5: string) =>
  emptyDoc({
    tables: [
      table(
        'T3',
        ['合计', '基本支出', '项目支出'],
        [['208', '社会保障和就业支出', { 合计: t3, 基本支出: t3 }]],
      ),
      table(
        'T5',
        ['合计', '基本支出', '项目支出'],
        [['208', '社会保障和就业支出', { 合计: t5, 基本支出: t5 }]],
      ),
    ],
  });

describe('cross-table.match', () => {
  it('passes when the general budget (T5) is within all funds (T3) code by code', () => {
    assert.deepEqual(run(rule, doc('101.77', '101.77')).findings, []);
  });
  it('reports a T5 line larger than the same T3 line', () => {
    const f = run(rule, doc('101.77', '102.77')).findings;
    assert.deepEqual(
      f.map((x) => [x.severity, (x.locations[0] as { row?: string }).row, x.stated, x.expected]),
      [
        ['error', '208', '102.77', '101.77'],
        ['error', '208', '102.77', '101.77'],
      ],
    );
  });
});
