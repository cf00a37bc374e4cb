import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Section } from '../../../src/model/schema.ts';
import rule from '../../../src/rules/narrative/amount.ts';
import { claim, emptyDoc, run, table } from '../../helpers/doc.ts';

const section = (amount: string): Section => ({
  id: '六',
  title: '关于测试局2023年一般公共预算基本支出情况说明',
  text: '',
  source: { line: 400 },
  claims: [
    claim({
      section: '六',
      subject: '人员经费',
      kind: 'basic',
      amount: { raw: `${amount}万元`, value: amount, unit: '万元' },
    }),
  ],
});
const t6 = table(
  'T6',
  ['合计', '人员经费', '公用经费'],
  [['合计', '合计', { 合计: '634.70', 人员经费: '573.17', 公用经费: '61.53' }]],
);

describe('narrative.amount', () => {
  it('passes when the amount equals the cell, at the narrative’s precision', () => {
    assert.deepEqual(run(rule, emptyDoc({ tables: [t6], narrative: [section('573.17')] })).findings, []);
    assert.deepEqual(run(rule, emptyDoc({ tables: [t6], narrative: [section('573.2')] })).findings, []);
  });
  it('reports an amount that contradicts the table', () => {
    const [f] = run(rule, emptyDoc({ tables: [t6], narrative: [section('537.17')] })).findings;
    assert.equal(f!.severity, 'error');
    assert.equal(f!.stated, '537.17');
    assert.equal(f!.expected, '573.17');
    assert.deepEqual(f!.locations[1], { table: 'T6', row: '合计', column: '人员经费', line: 100 });
  });
  it('reports a last-digit difference as information', () => {
    const [f] = run(rule, emptyDoc({ tables: [t6], narrative: [section('573.18')] })).findings;
    assert.equal(f!.severity, 'info');
  });
  it('reads a project printed on several T7 rows (one per 项) as their sum', () => {
    const projectSection = (amount: string): Section => ({
      id: '七',
      title: '关于测试局2023年一般公共预算项目支出情况说明',
      text: `1.项目名称：大数据项目设立的政策依据：按要求。预算安排规模：${amount}万元项目承担单位：测试局`,
      source: { line: 500 },
      claims: [
        claim({
          section: '七',
          item: 1,
          subject: '预算安排规模',
          kind: 'project',
          amount: { raw: `${amount}万元`, value: amount, unit: '万元' },
        }),
      ],
    });
    const t7 = table(
      'T7',
      ['项目支出合计'],
      [
        ['大数据项目', '大数据项目', { 项目支出合计: '1854.62' }, { kind: 'project' }],
        ['大数据项目#2', '大数据项目', { 项目支出合计: '228.71' }, { kind: 'project' }],
      ],
    );
    const ok = run(rule, emptyDoc({ tables: [t7], narrative: [projectSection('2083.33')] }));
    assert.deepEqual(ok.findings, []);
    assert.equal(ok.obligation.status, 'passed');
    const [f] = run(rule, emptyDoc({ tables: [t7], narrative: [projectSection('1854.62')] })).findings;
    assert.equal(f!.severity, 'error');
    assert.equal(f!.expected, '2083.33');
    assert.match(f!.message, /项目支出合计 2083\.33万元/);
  });
});
