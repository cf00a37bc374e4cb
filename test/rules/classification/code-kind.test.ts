import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rule from '../../../src/rules/classification/code-kind.ts';
import { emptyDoc, run, table } from '../../helpers/doc.ts';

describe('classification.code-kind', () => {
  it('passes functional codes in functional tables, project subjects, and economic codes in T6', () => {
    const doc = emptyDoc({
      tables: [
        table('T1', ['预算数'], [['201', '一般公共服务支出', { 预算数: '1.00' }, { block: 'expenditure' }]]),
        table('T5', ['合计'], [['2011301', '行政运行', { 合计: '1.00' }]]),
        table(
          'T6',
          ['合计'],
          [
            ['301', '工资福利支出', { 合计: '1.00' }],
            ['50101', '工资奖金津补贴', { 合计: '1.00' }],
          ],
        ),
        table(
          'T7',
          ['项目支出合计'],
          [
            [
              '测试项目',
              '测试项目',
              { 项目支出合计: '1.00' },
              { kind: 'project', code: '2011399', level: '项', subject: '其他商贸事务支出' },
            ],
          ],
        ),
      ],
    });
    const r = run(rule, doc);
    assert.deepEqual(r.findings, []);
    assert.deepEqual(r.obligation, {
      rule: 'classification.code-kind',
      status: 'passed',
      reason: '5 checked',
    });
  });

  it('is an error when the name shows which code of the table was meant', () => {
    const doc = emptyDoc({
      tables: [
        table(
          'T6',
          ['合计'],
          [['20111', '公务员医疗补助缴费', { 合计: '1.74' }, { raw: '201 11 公务员医疗补助缴费 1.74 1.74' }]],
        ),
      ],
    });
    assert.deepEqual(run(rule, doc).findings, [
      {
        rule: 'classification.code-kind',
        severity: 'error',
        category: 'classification',
        message:
          '表 6（经济分类表）印有功能分类编码 201 11“公务员医疗补助缴费”，而“公务员医疗补助缴费”是经济分类 30111 的名称，编码应为 30111。',
        locations: [{ table: 'T6', row: '20111', line: 100 }],
      },
    ]);
  });

  it('is a warning without that evidence, and for a code of neither shape', () => {
    const doc = emptyDoc({
      tables: [
        table(
          'T2',
          ['总计'],
          [
            ['30101', '基本工资', { 总计: '1.00' }],
            ['399', '其他支出', { 总计: '1.00' }],
            ['2011', '商贸事务', { 总计: '1.00' }],
          ],
        ),
      ],
    });
    assert.deepEqual(
      run(rule, doc).findings.map((f) => [f.severity, f.message, f.locations]),
      [
        [
          'warning',
          '表 2（功能分类表）印有经济分类编码 30101“基本工资”，该表只应使用功能分类编码。',
          [{ table: 'T2', row: '30101', line: 100 }],
        ],
        // 399 其他支出 is a coherent economic row, though 其他支出 is also the functional 229's name
        [
          'warning',
          '表 2（功能分类表）印有经济分类编码 399“其他支出”，该表只应使用功能分类编码。',
          [{ table: 'T2', row: '399', line: 101 }],
        ],
        [
          'warning',
          '表 2（功能分类表）编码 2011“商贸事务”不是功能分类或经济分类编码的格式。',
          [{ table: 'T2', row: '2011', line: 102 }],
        ],
      ],
    );
  });
});
