/** narrative.share, narrative.growth, narrative.zero-base, narrative.direction, narrative.comparison-year. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Claim } from '../../../src/model/schema.ts';
import comparisonYear from '../../../src/rules/narrative/comparison-year.ts';
import direction from '../../../src/rules/narrative/direction.ts';
import growth from '../../../src/rules/narrative/growth.ts';
import share from '../../../src/rules/narrative/share.ts';
import zeroBase from '../../../src/rules/narrative/zero-base.ts';
import { claim, emptyDoc, run } from '../../helpers/doc.ts';

const income = (claims: Claim[]) =>
  emptyDoc({
    narrative: [
      {
        id: '二',
        title: '关于测试局2023年收入预算情况说明',
        text: '',
        source: { line: 10 },
        claims: [
          claim({
            section: '二',
            subject: '收入预算',
            kind: 'income',
            amount: { raw: '7111.51万元', value: '7111.51', unit: '万元' },
          }),
          ...claims,
        ],
      },
    ],
  });
const source = (p: Partial<Claim>) =>
  claim({
    section: '二',
    subject: '一般公共预算',
    kind: 'income',
    amount: { raw: '2918.03万元', value: '2918.03', unit: '万元' },
    share: { raw: '占41.03%', percent: '41.03', base: '收入预算' },
    change: { raw: '增加2218.93万元', value: '2218.93', word: '增加', unit: '万元' },
    growth: { raw: '增长317.4%', percent: '317.4', word: '增长' },
    comparison: '上年预算',
    ...p,
  });

describe('narrative.share', () => {
  it('passes 2918.03 / 7111.51 = 41.03%', () =>
    assert.deepEqual(run(share, income([source({})])).findings, []));
  it('reports a wrong share, and a last-digit one as information', () => {
    const wrong = run(
      share,
      income([source({ share: { raw: '占43.03%', percent: '43.03', base: '收入预算' } })]),
    ).findings;
    assert.deepEqual(
      wrong.map((f) => [f.severity, f.stated, f.expected]),
      [['error', '43.03', '41.03']],
    );
    const near = run(
      share,
      income([source({ share: { raw: '占41.04%', percent: '41.04', base: '收入预算' } })]),
    ).findings;
    assert.deepEqual(
      near.map((f) => f.severity),
      ['info'],
    );
  });
  it('takes the base from the first claim of the part stating it', () => {
    const later = claim({
      section: '二（一）',
      subject: '收入预算',
      kind: 'income',
      amount: { raw: '9999.99万元', value: '9999.99', unit: '万元' },
    });
    assert.deepEqual(run(share, income([source({}), later])).findings, []);
  });
});

describe('narrative.growth', () => {
  it('passes 2218.93 over 699.10 = 317.4%', () =>
    assert.deepEqual(run(growth, income([source({})])).findings, []));
  it('reports a growth rate that is not change / prior (the Xinjiang 80.82% for 80.52%)', () => {
    const c = source({
      amount: { raw: '1.74万元', value: '1.74', unit: '万元' },
      change: { raw: '减少7.192万元', value: '7.192', word: '减少', unit: '万元' },
      growth: { raw: '下降80.82%', percent: '80.82', word: '下降' },
      share: null,
    });
    const [f] = run(growth, income([c])).findings;
    assert.equal(f!.severity, 'error');
    assert.equal(f!.stated, '80.82');
    assert.equal(f!.expected, '80.52');
  });
});

describe('narrative.zero-base', () => {
  it('says nothing when last year was not zero', () =>
    assert.deepEqual(run(zeroBase, income([source({})])).findings, []));
  it('notes growth printed from a zero base, as information', () => {
    const c = source({
      subject: '单位资金',
      amount: { raw: '162万元', value: '162', unit: '万元' },
      change: { raw: '增加162万元', value: '162', word: '增加', unit: '万元' },
      growth: { raw: '增长100%', percent: '100', word: '增长' },
    });
    assert.deepEqual(
      run(zeroBase, income([c])).findings.map((f) => [f.severity, f.stated]),
      [['info', '100']],
    );
  });
});

describe('narrative.direction', () => {
  it('passes matching words', () => assert.deepEqual(run(direction, income([source({})])).findings, []));
  it('reports opposite words as an error and a zero change called 增加 as information', () => {
    const opposite = source({ growth: { raw: '下降317.4%', percent: '317.4', word: '下降' } });
    const zero = source({
      change: { raw: '增加0万元', value: '0', word: '增加', unit: '万元' },
      growth: { raw: '增长0%', percent: '0', word: '增长' },
    });
    assert.deepEqual(
      run(direction, income([opposite, zero])).findings.map((f) => f.severity),
      ['error', 'info'],
    );
  });
});

describe('narrative.comparison-year', () => {
  it('passes 比上年 and the year before', () => {
    assert.deepEqual(
      run(comparisonYear, income([source({}), source({ comparison: '2022年预算' })])).findings,
      [],
    );
  });
  it('reports a comparison with the wrong year', () => {
    const [f] = run(comparisonYear, income([source({ comparison: '2021年预算' })])).findings;
    assert.deepEqual([f!.severity, f!.stated, f!.expected], ['error', '2021', '2022']);
  });
});
