import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rule from '../../../src/rules/classification/name-consistent.ts';
import { emptyDoc, run, table } from '../../helpers/doc.ts';

describe('classification.name-consistent', () => {
  it('passes a code printed with one name everywhere', () => {
    const doc = emptyDoc({
      tables: [
        table('T3', ['合计'], [['2011301', '行政运行', {}]]),
        table('T5', ['合计'], [['2011301', '行政运行', {}]]),
      ],
    });
    assert.deepEqual(run(rule, doc).findings, []);
  });
  it('reports a code printed with two names, naming the tables', () => {
    const doc = emptyDoc({
      tables: [
        table('T1', ['预算数'], [['234', '抗疫特别国债安排的支出', {}]]),
        table('T4', ['合计'], [['234', '抗疫特别国债还本支出', {}]]),
      ],
    });
    const [f, ...rest] = run(rule, doc).findings;
    assert.equal(rest.length, 0);
    assert.equal(f!.severity, 'warning');
    assert.equal(
      f!.message,
      '功能分类 234 在各表中名称不一：“抗疫特别国债安排的支出”（表1），“抗疫特别国债还本支出”（表4）。',
    );
  });
});
