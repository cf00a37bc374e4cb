/** narrative.subject-name and narrative.items-sum. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Claim, Section } from '../../../src/model/schema.ts';
import itemsSum from '../../../src/rules/narrative/items-sum.ts';
import subjectName from '../../../src/rules/narrative/subject-name.ts';
import { claim, emptyDoc, run, table } from '../../helpers/doc.ts';

const T5 = table(
  'T5',
  ['合计', '基本支出', '项目支出'],
  [
    ['201', '一般公共服务支出', { 合计: '100.00', 基本支出: '60.00', 项目支出: '40.00' }],
    ['20113', '商贸事务', { 合计: '100.00', 基本支出: '60.00', 项目支出: '40.00' }],
    ['2011301', '行政运行', { 合计: '60.00', 基本支出: '60.00' }],
    ['2011399', '其他商贸事务支出', { 合计: '40.00', 项目支出: '40.00' }],
    ['合计', '合计', { 合计: '100.00', 基本支出: '60.00', 项目支出: '40.00' }],
  ],
);
const item = (n: number, name: string, amount: string, change = '0'): Claim =>
  claim({
    section: '五（三）',
    item: n,
    kind: 'item',
    subject: `一般公共服务（类）商贸事务（款）${name}（项）`,
    amount: { raw: `${amount}万元`, value: amount, unit: '万元' },
    change: { raw: `增加${change}万元`, value: change, word: '增加', unit: '万元' },
  });
const sections = (items: Claim[], prior: string): Section[] => [
  {
    id: '五',
    title: '关于测试局2023年一般公共预算当年拨款情况说明',
    text: '',
    source: { line: 1 },
    claims: [],
  },
  {
    id: '五（一）',
    title: '一般公共预算当年拨款规模变化情况',
    text: '',
    source: { line: 2 },
    claims: [
      claim({
        section: '五（一）',
        subject: '基本支出',
        kind: 'expenditure',
        amount: { raw: '100万元', value: '100', unit: '万元' },
        change: { raw: `增加${prior}万元`, value: prior, word: '增加', unit: '万元' },
      }),
    ],
  },
  { id: '五（三）', title: '一般公共预算当年拨款具体使用情况', text: '', source: { line: 3 }, claims: items },
];

describe('narrative.subject-name', () => {
  it('passes names found as printed', () => {
    const doc = emptyDoc({
      tables: [T5],
      narrative: sections([item(1, '行政运行', '60'), item(2, '其他商贸事务支出', '40')], '0'),
    });
    assert.deepEqual(run(subjectName, doc).findings, []);
  });
  it('reports a name that differs from the table and one that is not there', () => {
    const doc = emptyDoc({
      tables: [T5],
      narrative: sections(
        [item(1, '行政运行', '60'), item(2, '其他商贸事务支出务', '40'), item(3, '住房公积金', '1')],
        '0',
      ),
    });
    assert.deepEqual(
      run(subjectName, doc).findings.map((f) => [f.severity, f.message]),
      [
        ['warning', '说明中的「其他商贸事务支出务」与T5的名称「其他商贸事务支出」不一致。'],
        [
          'warning',
          '说明中的「一般公共服务（类）商贸事务（款）住房公积金（项）」在表格中找不到对应的行（「住房公积金」is not a row of T5）。',
        ],
      ],
    );
  });
  it('matches a resembling name each time it is named, and no row when the name is printed twice', () => {
    const [head, kuan, ...rest] = T5.rows;
    const twice = { ...T5, rows: [head!, kuan!, { ...rest[0]!, key: '2011302', code: '2011302' }, ...rest] };
    const doc = emptyDoc({
      tables: [twice],
      narrative: sections(
        [item(1, '行政运行', '60'), item(2, '其他商贸事务支出务', '40'), item(3, '其他商贸事务支出务', '40')],
        '0',
      ),
    });
    assert.deepEqual(
      run(subjectName, doc).findings.map((f) => f.message),
      [
        '说明中的「一般公共服务（类）商贸事务（款）行政运行（项）」在表格中找不到对应的行（「行政运行」is not a row of T5）。',
        '说明中的「其他商贸事务支出务」与T5的名称「其他商贸事务支出」不一致。',
        '说明中的「其他商贸事务支出务」与T5的名称「其他商贸事务支出」不一致。',
      ],
    );
  });
});

describe('narrative.items-sum', () => {
  it('passes items that add up to T5, this year and last', () => {
    const doc = emptyDoc({
      tables: [T5],
      narrative: sections([item(1, '行政运行', '60', '10'), item(2, '其他商贸事务支出', '40', '20')], '30'),
    });
    assert.deepEqual(run(itemsSum, doc).findings, []);
  });
  it('reports items that do not add up to T5 and priors that do not add up to last year', () => {
    const doc = emptyDoc({
      tables: [T5],
      narrative: sections([item(1, '行政运行', '60', '10'), item(2, '其他商贸事务支出', '50', '20')], '40'),
    });
    assert.deepEqual(
      run(itemsSum, doc).findings.map((f) => [f.severity, f.stated, f.expected]),
      [
        ['error', '110.00', '100.00'],
        ['error', '80.000000', '60.000000'],
      ],
    );
  });
});
