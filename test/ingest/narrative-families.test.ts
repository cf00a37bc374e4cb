/**
 * Reading the Jiangsu and Shanghai narratives: a Part 3 without numbered headings, parts printed
 * after the tables, thousands separators, a comparison printed ahead of its change, quoted item
 * paths and item lines repeated by a PDF's clipped text.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readNarrative } from '../../src/ingest/text/narrative.ts';
import { getTemplate } from '../../src/templates/index.ts';

const lines = (text: string, from = 1) => text.split('\n').map((t, i) => ({ no: from + i, text: t }));
const view = (c: {
  section: string;
  item: number | null;
  subject: string;
  amount: { value: string } | null;
  change: { value: string; word: string } | null;
  comparison: string | null;
}) => [
  c.section,
  c.item,
  c.subject,
  c.amount?.value ?? null,
  c.change ? c.change.word + c.change.value : null,
  c.comparison,
];

describe('the Shanghai narrative', () => {
  const shanghai = getTemplate('shanghai-2025-dept');
  const p3 = lines(
    [
      '2025年部门预算编制说明',
      '2025年，上海市普陀区测试局收入预算37,151.47万元，其中：财政拨款收入37,151.47万元，比2024年预算执行数增加',
      '24,558.18万元；事业收入0万元。',
      '财政拨款支出主要内容如下：',
      '1. “一般公共服务支出（类）商贸事务（款）行政运行（项）”938.99万元，主要用于机关运行。',
      '2. “住房保障支出（类)住房改革支出（款)购房补贴（项）”1,148.80万元，主要用于房贴。',
      '2. “住房保障支出（类)住房改革支出（款)购房补贴（项）”1,148.80万元，主要用于房贴。',
    ].join('\n'),
  );
  const after = lines(
    [
      '其他相关情况说明',
      '一、2025年“三公”经费预算情况说明',
      '2025年“三公”经费预算数为1.00万元，与2024年预算持平。其中：',
      '（一）因公出国（境）费0万元，与2024年预算持平。',
      '二、机关运行经费预算',
      '2025年上海市普陀区测试局财政拨款的机关运行经费预算为171.01万元。',
    ].join('\n'),
    200,
  );
  const { sections } = readNarrative(p3, shanghai, [], ['上海市普陀区测试局'], [after]);
  const claims = sections.flatMap((s) => s.claims);

  it('reads the text before any numbered heading as a section titled by the part', () => {
    assert.deepEqual(
      sections.map((s) => [s.id, s.title]),
      [
        ['P3', '2025年部门预算编制说明'],
        ['P3.1:一', '2025年“三公”经费预算情况说明'],
        ['P3.1:二', '机关运行经费预算'],
      ],
    );
  });
  it('reads amounts with thousands separators, the comparison with 执行数, item paths without quotes, and a repeated item once', () => {
    assert.deepEqual(claims.filter((c) => c.section === 'P3').map(view), [
      ['P3', null, '收入预算', '37151.47', null, null],
      ['P3', null, '财政拨款收入', '37151.47', '增加24558.18', '2024年预算执行数'],
      ['P3', null, '事业收入', '0', null, null],
      ['P3', 1, '一般公共服务支出（类）商贸事务（款）行政运行（项）', '938.99', null, null],
      ['P3', 2, '住房保障支出（类)住房改革支出（款)购房补贴（项）', '1148.80', null, null],
    ]);
    const income = claims.find((c) => c.subject === '财政拨款收入')!;
    assert.equal(income.amount!.fen, 37151_470000);
    assert.equal(income.change!.fen, 24558_180000);
  });
  it('reads the parts after the tables with their subjects', () => {
    assert.deepEqual(
      claims.filter((c) => c.section !== 'P3').map((c) => [c.section, c.subject, c.amount?.value]),
      [
        ['P3.1:一', '“三公”经费', '1.00'],
        ['P3.1:一', '因公出国（境）费', '0'],
        ['P3.1:二', '财政拨款的机关运行经费预算', '171.01'],
      ],
    );
  });
});

describe('the Jiangsu narrative', () => {
  const jiangsu = getTemplate('jiangsu-2017');
  const p3 = lines(
    [
      '第三部分 江苏省测试院2018',
      '年度预算情况说明',
      '一、收支预算总体情况说明',
      '江苏省测试院2018年度收入、支出预算总计33172.15万元，与上年相比收、支预算总计各增加4322.77万元，增长14.98%。',
      '（一）公共安全（类）',
      '1．法院（款）行政运行（项）支出14857.61万元，主要用于人员支出。与上年相比增加3070.69万元，增长26.05%。',
      '2．公诉、审判、执行等检察监督支出（项）1,895万元，与上年相比减少134万元，降幅0.66%。',
    ].join('\n'),
  );
  const { sections } = readNarrative(p3, jiangsu, [], ['江苏省测试院']);
  const claims = sections.flatMap((s) => s.claims);

  it('joins a wrapped part heading and adds no empty section for it', () =>
    assert.deepEqual(
      sections.map((s) => s.id),
      ['一', '一（一）'],
    ));
  it('ties a change printed after 与上年相比 to the amount it follows; reads a name cut at 、 whole', () => {
    assert.deepEqual(claims.map(view), [
      ['一', null, '支出预算总计', '33172.15', '增加4322.77', '与上年相比'],
      ['一（一）', 1, '法院（款）行政运行（项）', '14857.61', '增加3070.69', '与上年相比'],
      ['一（一）', 2, '公诉、审判、执行等检察监督支出（项）', '1895', '减少134', '与上年相比'],
    ]);
    assert.deepEqual(
      claims.map((c) => [c.growth?.word, c.growth?.percent]),
      [
        ['增长', '14.98'],
        ['增长', '26.05'],
        ['降幅', '0.66'],
      ],
    );
  });
});
