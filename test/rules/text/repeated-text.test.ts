import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import rule, { doubledWords, repeatedSentences } from '../../../src/rules/text/repeated-text.ts';
import { emptyDoc, perfTable, run } from '../../helpers/doc.ts';
import { narrativeDoc } from './docs.ts';

describe('text.repeated-text', () => {
  it('finds doubled words exactly where the regex ([\\u4e00-\\u9fff]{2,4})\\1 would', () => {
    const regex = /([\u4e00-\u9fff]{2,4})\1/gu;
    const chars = ['标', '准', '一', '个', '企', '业', 'a', '，', '\u9fff', '\u4e00', '\u4dff', '\ua000'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 40 }), (a) => {
        const text = a.join('');
        const expected = [...text.matchAll(regex)].map((m) => ({
          start: m.index,
          end: m.index + m[0].length,
        }));
        assert.deepEqual(doubledWords(text), expected, text);
      }),
      { numRuns: 20000 },
    );
  });

  it('passes single-character reduplication and allowed doubles', () => {
    const r = run(rule, narrativeDoc('人人参与，常常检查，一个一个落实，研究研究再定。'));
    assert.deepEqual(r.findings, []);
    assert.equal(r.obligation.status, 'passed');
  });

  it('flags a doubled word', () => {
    const r = run(rule, narrativeDoc('完成网络安全测试，完成标准标准体系建设。'));
    assert.deepEqual(r.findings, [
      {
        rule: 'text.repeated-text',
        severity: 'info',
        category: 'text',
        message: '词语“标准”重复：“成网络安全测试，完成标准标准体系建设。”。',
        locations: [
          { part: 'P3', section: '二', excerpt: '成网络安全测试，完成标准标准体系建设。', line: 300 },
        ],
      },
    ]);
  });

  it('flags a sentence printed twice in a performance goal', () => {
    const goal = '按照方案要求，加快产业高质量发展，完成酒庄建设补助。加快产业高质量发展，完成酒庄建设补助。';
    const r = run(rule, emptyDoc({ performance: [perfTable({ goal })] }));
    assert.deepEqual(r.findings, [
      {
        rule: 'text.repeated-text',
        severity: 'info',
        category: 'text',
        message: '同一段落中句子重复出现：“加快产业高质量发展，完成酒庄建设补助。”。',
        locations: [{ part: 'PERF', project: '测试项目', field: '项目总体目标' }],
      },
    ]);
  });

  it('compares only sentences of 10 characters or more', () => {
    assert.deepEqual(repeatedSentences('无。无。'), []);
    assert.deepEqual(repeatedSentences('工作人员没有变化。工作人员没有变化。'), []);
    assert.deepEqual(repeatedSentences('工作人员今年没有任何变化。工作人员今年没有任何变化。'), [
      { sentence: '工作人员今年没有任何变化。', second: 13 },
    ]);
  });
});
