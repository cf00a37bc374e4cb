import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rule from '../../../src/rules/classification/name-matches.ts';
import { emptyDoc, run, table } from '../../helpers/doc.ts';

describe('classification.name-matches', () => {
  it('passes catalog names, ignoring spaces and bracket width', () => {
    const doc = emptyDoc({
      year: 2024,
      tables: [
        table('T2', ['总计'], [['2011301', '行政 运行', { 总计: '1.00' }]]),
        table('T6', ['合计'], [['309', '资本性支出(基本建设)', { 合计: '1.00' }]]),
        table(
          'T7',
          ['项目支出合计'],
          [
            [
              '测试项目',
              '测试项目',
              { 项目支出合计: '1.00' },
              { kind: 'project', code: '2010101', level: '项', subject: '行政运行' },
            ],
          ],
        ),
      ],
    });
    const r = run(rule, doc);
    assert.deepEqual(r.findings, []);
    assert.deepEqual(r.obligation, {
      rule: 'classification.name-matches',
      status: 'passed',
      reason: '3 checked',
    });
  });

  it('flags an outdated name, a wrong name, a later name and a name differing from another year', () => {
    const doc = emptyDoc({
      tables: [
        table(
          'T1',
          ['预算数'],
          [['210', '医疗卫生与计划生育支出', { 预算数: '30.05' }, { block: 'expenditure' }]],
        ),
        table('T4', ['合计'], [['234', '抗疫特别国债还本支出', {}, { block: 'expenditure' }]]),
        table(
          'T6',
          ['合计'],
          [
            ['30110', '职工基本医疗保险缴费', { 合计: '27.85' }],
            ['30106', '伙食费', { 合计: '2.00' }],
          ],
        ),
      ],
    });
    const r = run(rule, doc);
    assert.deepEqual(
      r.findings.map((f) => [f.severity, f.message, f.locations]),
      [
        [
          'warning',
          '功能分类 210 印为“医疗卫生与计划生育支出”，是2018年的旧科目名称，2023年应为“卫生健康支出”。',
          [{ table: 'T1', row: '210', line: 100 }],
        ],
        [
          'warning',
          '功能分类 234 印为“抗疫特别国债还本支出”，与2023年科目名称“抗疫特别国债安排的支出”不符。',
          [{ table: 'T4', row: '234', line: 100 }],
        ],
        [
          'info',
          '经济分类 30110 印为“职工基本医疗保险缴费”，目录中该名称见于2024年，2023年名称为“城镇职工基本医疗保险缴费”。',
          [{ table: 'T6', row: '30110', line: 100 }],
        ],
        [
          'info',
          '经济分类 30106 印为“伙食费”，与目录2024年的名称“伙食补助费”不符（目录未核实2023年的名称）。',
          [{ table: 'T6', row: '30106', line: 101 }],
        ],
      ],
    );
    assert.equal(r.findings[0]!.rule, 'classification.name-matches');
    assert.equal(r.findings[0]!.category, 'classification');
  });
});
