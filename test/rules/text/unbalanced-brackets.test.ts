import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rule, { unmatchedBrackets } from '../../../src/rules/text/unbalanced-brackets.ts';
import { emptyDoc, indicator, perfTable, run } from '../../helpers/doc.ts';
import { narrativeDoc } from './docs.ts';

describe('text.unbalanced-brackets', () => {
  it('passes balanced brackets, mixed widths and list numbers', () => {
    const text =
      '因公出国（境）费0万元；财政拨款（补助)资金；《“十四五”数字经济发展规划》。1）调标增资；2）人员增加。';
    const r = run(rule, narrativeDoc(text));
    assert.deepEqual(r.findings, []);
    assert.equal(r.obligation.status, 'passed');
  });

  it('flags an opening bracket never closed', () => {
    const r = run(rule, narrativeDoc('因公出国（境费0万元，公务接待费0.5万元。'));
    assert.deepEqual(r.findings, [
      {
        rule: 'text.unbalanced-brackets',
        severity: 'warning',
        category: 'text',
        message: '“（”没有对应的闭合符号：“因公出国（境费0万元，公务接待”。',
        locations: [{ part: 'P3', section: '二', excerpt: '因公出国（境费0万元，公务接待', line: 300 }],
      },
    ]);
  });

  it('flags a closing quote without its opening one in an indicator', () => {
    const doc = emptyDoc({
      performance: [
        perfTable({ indicators: [indicator({ level3: '提升一网通办”的工作效率', source: { line: 1971 } })] }),
      ],
    });
    const r = run(rule, doc);
    assert.deepEqual(
      r.findings.map((f) => [f.severity, f.message, f.locations]),
      [
        [
          'warning',
          '“””没有对应的起始符号：“提升一网通办”的工作效率”。',
          [
            {
              part: 'PERF',
              project: '测试项目',
              indicator: '提升一网通办”的工作效率',
              field: '三级指标',
              line: 1971,
            },
          ],
        ],
      ],
    );
  });

  it('reports both sides of crossed brackets', () => {
    assert.deepEqual(unmatchedBrackets('《规划（草案》）'), [
      { index: 3, char: '（', kind: 'open' },
      { index: 7, char: '）', kind: 'close' },
    ]);
    assert.deepEqual(unmatchedBrackets('甲（乙“丙）丁”'), [
      { index: 3, char: '“', kind: 'open' },
      { index: 7, char: '”', kind: 'close' },
    ]);
  });
});
