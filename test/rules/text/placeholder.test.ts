import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rule from '../../../src/rules/text/placeholder.ts';
import { run } from '../../helpers/doc.ts';
import { glossaryDoc, narrativeDoc } from './docs.ts';

const at = (excerpt: string) => [{ part: 'P3', section: '二', excerpt, line: 300 }];

describe('text.placeholder', () => {
  it('passes filled-in text, including 单位为万元 and a year written with ○', () => {
    const r = run(
      rule,
      narrativeDoc(
        '金额单位为万元。二○○○年以来，收入预算7111.51万元，比上年预算增加2218.93万元，增长317.4%。',
      ),
    );
    assert.deepEqual(r.findings, []);
    assert.equal(r.obligation.status, 'passed');
  });

  it('flags an unchosen alternative, XX, a missing number and an ellipsis', () => {
    const r = run(rule, narrativeDoc('XX局收入预算…万元，比上年预算增加（减少）万元，增长%。'));
    assert.deepEqual(
      r.findings.map((f) => [f.rule, f.severity, f.message, f.locations]),
      [
        [
          'text.placeholder',
          'warning',
          '模板占位符“XX”：“XX局收入预算…万元，比”。',
          at('XX局收入预算…万元，比'),
        ],
        [
          'text.placeholder',
          'warning',
          '金额或比例处只有省略号“…万元”：“XX局收入预算…万元，比上年预算增加（减”。',
          at('XX局收入预算…万元，比上年预算增加（减'),
        ],
        [
          'text.placeholder',
          'warning',
          '未选定的模板选项“增加（减少）”：“算…万元，比上年预算增加（减少）万元，增长%。”。',
          at('算…万元，比上年预算增加（减少）万元，增长%。'),
        ],
        [
          'text.placeholder',
          'warning',
          '金额或比例处缺少数字“增长%”：“算增加（减少）万元，增长%。”。',
          at('算增加（减少）万元，增长%。'),
        ],
      ],
    );
  });

  it('flags a slot left in the glossary', () => {
    const r = run(rule, glossaryDoc('项目支出', '指（单位名称）为完成特定任务安排的支出。'));
    assert.deepEqual(r.findings, [
      {
        rule: 'text.placeholder',
        severity: 'warning',
        category: 'text',
        message: '未填写的模板栏目“（单位名称）”：“指（单位名称）为完成特定任务安排的”。',
        locations: [
          { part: 'P4', field: '项目支出', excerpt: '指（单位名称）为完成特定任务安排的', line: 700 },
        ],
      },
    ]);
  });
});
