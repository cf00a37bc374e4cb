import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rule from '../../../src/rules/text/doubled-punctuation.ts';
import { emptyDoc, indicator, perfTable, run } from '../../helpers/doc.ts';
import { glossaryDoc, narrativeDoc } from './docs.ts';

describe('text.doubled-punctuation', () => {
  it('passes clean text, and ？！ is allowed', () => {
    const r = run(rule, narrativeDoc('收入预算100万元，比上年预算增加10万元。真的吗？！'));
    assert.deepEqual(r.findings, []);
    assert.equal(r.obligation.status, 'passed');
  });

  it('flags ，， in a Part 3 section, quoting 10 characters on each side', () => {
    const r = run(rule, narrativeDoc('算2918.03万元，，比上年预算增加221万元。'));
    assert.deepEqual(r.findings, [
      {
        rule: 'text.doubled-punctuation',
        severity: 'warning',
        category: 'text',
        message: '标点符号重复“，，”：“算2918.03万元，，比上年预算增加221”。',
        locations: [{ part: 'P3', section: '二', excerpt: '算2918.03万元，，比上年预算增加221', line: 300 }],
      },
    ]);
  });

  it('flags ，。 with a space between, in the glossary and a performance goal', () => {
    const doc = {
      ...glossaryDoc('基本支出', '包括人员经费、公用经费， 。'),
      performance: [perfTable({ goal: '完成测试、、', indicators: [indicator({})] })],
    };
    const r = run(rule, doc);
    assert.deepEqual(
      r.findings.map((f) => [f.message, f.locations]),
      [
        [
          '标点符号重复“，。”：“括人员经费、公用经费， 。”。',
          [{ part: 'P4', field: '基本支出', excerpt: '括人员经费、公用经费， 。', line: 700 }],
        ],
        [
          '标点符号重复“、、”：“完成测试、、”。',
          [{ part: 'PERF', project: '测试项目', field: '项目总体目标' }],
        ],
      ],
    );
  });

  it('has nothing to check in a document without text', () => {
    assert.equal(run(rule, emptyDoc()).obligation.status, 'insufficient-data');
  });
});
