/**
 * The narrative rules on the Jiangsu and Shanghai families: tables in 元 against a narrative in 万元,
 * item paths as those documents print them, percentages printed without decimals, and changes
 * compared with last year's executed amount (执行数).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Claim, Section, Table } from '../../../src/model/schema.ts';
import { parseAmount } from '../../../src/money/index.ts';
import amount from '../../../src/rules/narrative/amount.ts';
import growth from '../../../src/rules/narrative/growth.ts';
import itemsSum, { priorBasis } from '../../../src/rules/narrative/items-sum.ts';
import { itemPath } from '../../../src/rules/narrative/resolve.ts';
import { claim, emptyDoc, run, table } from '../../helpers/doc.ts';

/** A table printed in 元 (the Shanghai tables). */
function yuan(t: Table): Table {
  return {
    ...t,
    unit: '元',
    rows: t.rows.map((r) => ({
      ...r,
      cells: r.cells.map((c) => ({ ...c, unit: '元' as const, fen: parseAmount(c.value, '元')! })),
    })),
  };
}

const T5 = yuan(
  table(
    'T5',
    ['合计', '基本支出', '项目支出'],
    [
      ['208', '社会保障和就业支出', { 合计: '1750697.00' }],
      ['20805', '行政事业单位养老支出', { 合计: '1750697.00' }],
      ['2080501', '行政单位离退休', { 合计: '877080.00' }],
      ['2080506', '机关事业单位职业年金缴费支出', { 合计: '873617.00' }],
      ['合计', '合计', { 合计: '1750697.00' }],
    ],
  ),
);

const item = (n: number, subject: string, value: string): Claim =>
  claim({
    section: 'P3',
    item: n,
    subject,
    amount: { raw: `${value}万元`, value, unit: '万元' },
  });

const lead = (claims: Claim[]): Section[] => [
  {
    id: 'P3',
    title: '2025年部门预算编制说明',
    text: '财政拨款支出主要内容如下：',
    source: { line: 60 },
    claims,
  },
];

const shanghai = (claims: Claim[]) =>
  emptyDoc({ template: 'shanghai-2025-dept', year: 2025, tables: [T5], narrative: lead(claims) });

describe('item paths as printed in the Jiangsu and Shanghai narratives', () => {
  it('reads 类/款/项, 款/项, dashed and half-width paths, and a 项 alone', () => {
    assert.deepEqual(itemPath('社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）'), {
      kuan: '行政事业单位养老支出',
      xiang: '行政单位离退休',
    });
    assert.deepEqual(itemPath('法院（款）行政运行（项）'), { kuan: '法院', xiang: '行政运行' });
    assert.deepEqual(itemPath('一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行'), {
      kuan: '政府办公厅（室）及相关机构事务',
      xiang: '行政运行',
    });
    assert.deepEqual(itemPath('卫生健康支出（类）行政事业单位医疗（款)行政单位医疗（项）'), {
      kuan: '行政事业单位医疗',
      xiang: '行政单位医疗',
    });
    assert.deepEqual(itemPath('行政运行（项）'), { kuan: '', xiang: '行政运行' });
    assert.equal(itemPath('一般公共预算收入'), null);
  });
});

describe('narrative.amount against a table in 元', () => {
  const subject = '社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）';
  it('passes 87.36 万元 for 873,617.00 元', () =>
    assert.deepEqual(run(amount, shanghai([item(7, subject, '87.36')])).findings, []));
  it('reports 887.36 万元 (the Putuo finance bureau’s item 7), naming the table’s unit', () => {
    const [f] = run(amount, shanghai([item(7, subject, '887.36')])).findings;
    assert.equal(f!.severity, 'error');
    assert.equal(f!.expected, '87.36');
    assert.match(f!.message, /873617\.00元（87\.36万元）/);
  });
  it('reports a truncated hundredth (87.70 for 877,080.00 元 = 87.71) as information', () => {
    const s = '社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）';
    const [f] = run(amount, shanghai([item(5, s, '87.70')])).findings;
    assert.equal(f!.severity, 'info');
  });
  it('finds a dashed path too', () => {
    const s = '社会保障和就业支出-行政事业单位养老支出-行政单位离退休';
    assert.deepEqual(run(amount, shanghai([item(5, s, '87.71')])).findings, []);
    assert.equal(run(amount, shanghai([item(5, s, '97.71')])).findings[0]!.severity, 'error');
  });
});

describe('narrative.items-sum of the Shanghai list against a table in 元', () => {
  const a = '社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）';
  const b = '社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位职业年金缴费支出（项）';
  it('compares at 0.01 万元: 87.71 + 87.36 = 175.07 = 1,750,697.00 元', () =>
    assert.deepEqual(run(itemsSum, shanghai([item(1, a, '87.71'), item(2, b, '87.36')])).findings, []));
  it('reports items that do not add up', () => {
    const [f] = run(itemsSum, shanghai([item(1, a, '87.71'), item(2, b, '887.36')])).findings;
    assert.deepEqual([f!.severity, f!.stated, f!.expected], ['error', '975.07', '175.07']);
  });
});

describe('changes compared with last year’s executed amount', () => {
  it('tells 执行数 from 预算', () => {
    assert.equal(priorBasis('2024年预算执行数'), 'executed');
    assert.equal(priorBasis('2024年预算'), 'budget');
    assert.equal(priorBasis(null), 'budget');
  });
  const executed = (percent: string): Claim =>
    claim({
      section: 'P3',
      subject: '财政拨款收入',
      amount: { raw: '110万元', value: '110', unit: '万元' },
      change: { raw: '增加10万元', value: '10', word: '增加', unit: '万元' },
      comparison: '2024年预算执行数',
      growth: { raw: `增长${percent}%`, percent, word: '增长' },
    });
  it('checks the growth against the executed amount implied by the item (110 − 10)', () => {
    assert.deepEqual(run(growth, emptyDoc({ narrative: lead([executed('10.00')]) })).findings, []);
    const [f] = run(growth, emptyDoc({ narrative: lead([executed('9.09')]) })).findings;
    assert.deepEqual([f!.severity, f!.expected], ['error', '10.00']);
  });
  it('never adds items’ executed priors to a total’s budget prior', () => {
    const T5w = table('T5', ['合计'], [['合计', '合计', { 合计: '110.00' }]]);
    const sections: Section[] = [
      {
        id: '五',
        title: '一般公共预算当年拨款情况说明',
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
            subject: '一般公共预算拨款合计',
            amount: { raw: '110万元', value: '110', unit: '万元' },
            change: { raw: '增加50万元', value: '50', word: '增加', unit: '万元' },
            comparison: '上年预算',
          }),
        ],
      },
      {
        id: '五（三）',
        title: '一般公共预算当年拨款具体使用情况',
        text: '',
        source: { line: 3 },
        claims: [{ ...executed('10.00'), section: '五（三）', item: 1, subject: '行政运行（项）' }],
      },
    ];
    // 110 − 10 = 100 executed against 110 − 50 = 60 budgeted: not comparable, not reported.
    assert.deepEqual(run(itemsSum, emptyDoc({ tables: [T5w], narrative: sections })).findings, []);
    // The same item compared with last year's budget is added up, and the difference reported.
    const budget = sections.map((s) =>
      s.id === '五（三）' ? { ...s, claims: s.claims.map((c) => ({ ...c, comparison: '上年预算' })) } : s,
    );
    const found = run(itemsSum, emptyDoc({ tables: [T5w], narrative: budget })).findings;
    assert.deepEqual(
      found.map((f) => f.expected),
      ['60.000000'],
    );
  });
});

describe('percentages printed without two decimals', () => {
  const housing = (percent: string): Claim =>
    claim({
      section: '一（二）',
      subject: '住房保障（类）',
      amount: { raw: '3894.09万元', value: '3894.09', unit: '万元' },
      change: { raw: '增加878.93万元', value: '878.93', word: '增加', unit: '万元' },
      growth: { raw: `增长${percent}%`, percent, word: '增长' },
    });
  const doc = (percent: string) =>
    emptyDoc({
      narrative: [
        { id: '一（二）', title: '支出预算总计', text: '', source: { line: 1 }, claims: [housing(percent)] },
      ],
    });
  it('passes 29% for 878.93 / 3015.16 = 29.15%', () => assert.deepEqual(run(growth, doc('29')).findings, []));
  it('reports 30% (the Jiangsu 2019 party committee office) as an error, not a rounding', () => {
    const [f] = run(growth, doc('30')).findings;
    assert.deepEqual([f!.severity, f!.expected], ['error', '29']);
  });
  it('keeps one unit at two decimals as information (29.14%)', () =>
    assert.equal(run(growth, doc('29.14')).findings[0]!.severity, 'info'));
});

describe('the Jiangsu direction words 降幅 and 增幅', () => {
  const doc = (percent: string) =>
    emptyDoc({
      template: 'jiangsu-2017',
      narrative: [
        {
          id: '五（一）',
          title: '公共安全（类）',
          text: '',
          source: { line: 1 },
          claims: [
            claim({
              section: '五（一）',
              subject: '公诉、审判、执行等检察监督支出（项）',
              amount: { raw: '1,895万元', value: '1895', unit: '万元' },
              change: { raw: '减少134万元', value: '134', word: '减少', unit: '万元' },
              growth: { raw: `降幅${percent}%`, percent, word: '降幅' },
            }),
          ],
        },
      ],
    });
  it('passes 降幅6.60% for −134 on 2029', () => assert.deepEqual(run(growth, doc('6.60')).findings, []));
  it('reports 降幅0.66% (the Jiangsu 2018 procuratorate) as a decrease of 6.60%', () => {
    const [f] = run(growth, doc('0.66')).findings;
    assert.deepEqual([f!.severity, f!.expected], ['error', '6.60']);
    assert.match(f!.message, /降幅应为 6\.60%/);
  });
});
