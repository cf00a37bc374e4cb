import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rule from '../../../src/rules/text/unit-wording.ts';
import { run } from '../../helpers/doc.ts';
import { glossaryDoc, narrativeDoc } from './docs.ts';

describe('text.unit-wording', () => {
  it('passes the full wording and 各为 stating amounts', () => {
    const r = run(rule, glossaryDoc('机关运行经费', '指各部门的公用经费，两项各为10万元，各自的用途不同。'));
    assert.deepEqual(r.findings, []);
    assert.equal(r.obligation.status, 'passed');
  });

  it('flags 指各的 in the glossary', () => {
    const r = run(rule, glossaryDoc('机关运行经费', '指各的公用经费，包括办公及印刷费。'));
    assert.deepEqual(r.findings, [
      {
        rule: 'text.unit-wording',
        severity: 'warning',
        category: 'text',
        message: '“各的”之间缺少“部门”或“单位”：“指各的公用经费，包括办公及”。',
        locations: [{ part: 'P4', field: '机关运行经费', excerpt: '指各的公用经费，包括办公及', line: 700 }],
      },
    ]);
  });

  it('flags 是各为 in a Part 3 section', () => {
    const r = run(rule, narrativeDoc('项目支出是各为完成其特定的行政任务安排的支出。'));
    assert.deepEqual(
      r.findings.map((f) => [f.severity, f.message, f.locations]),
      [
        [
          'warning',
          '“各为”之间缺少“部门”或“单位”：“项目支出是各为完成其特定的行政任务”。',
          [{ part: 'P3', section: '二', excerpt: '项目支出是各为完成其特定的行政任务', line: 300 }],
        ],
      ],
    );
  });
});
