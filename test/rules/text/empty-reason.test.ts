import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import rule, { reasonDefect } from '../../../src/rules/text/empty-reason.ts';
import { claim, emptyDoc, run } from '../../helpers/doc.ts';
import { section } from './docs.ts';

const change = (value: string, word = '增加') => ({
  raw: `比上年预算${word}${value}万元`,
  value,
  word,
  unit: '万元',
});
const growth = (percent: string) => ({ raw: `增长${percent}%`, percent, word: '增长' });

describe('text.empty-reason', () => {
  it('passes a change with a reason, a zero change without one, and a change outside the reason sections', () => {
    const doc = emptyDoc({
      narrative: [
        section('二', '', [
          claim({
            section: '二',
            subject: '单位资金',
            change: change('162'),
            growth: growth('100'),
            reason: '上年没有安排单位资金预算',
          }),
          claim({ section: '十', subject: '财政拨款“三公”经费', change: change('0'), growth: growth('0') }),
          claim({ section: '四', subject: '一般公共服务支出', change: change('10') }),
        ]),
      ],
    });
    const r = run(rule, doc);
    assert.deepEqual(r.findings, []);
    assert.deepEqual(r.obligation, { rule: 'text.empty-reason', status: 'passed', reason: '3 checked' });
  });

  it('flags 主要原因是。 printed empty', () => {
    const excerpt = '基本支出634.7万元，比上年预算增加65.6万元，增长11.53%，主要原因是。';
    const c = claim({
      section: '三',
      subject: '基本支出',
      change: change('65.6'),
      growth: growth('11.53'),
      reason: '',
      excerpt,
      source: { line: 1111 },
    });
    const r = run(rule, emptyDoc({ narrative: [section('三', excerpt, [c])] }));
    assert.deepEqual(r.findings, [
      {
        rule: 'text.empty-reason',
        severity: 'warning',
        category: 'text',
        message: `“基本支出”比上年预算增加65.6万元，增长11.53%，但“主要原因是”后为空：“${excerpt}”。`,
        locations: [{ part: 'P3', section: '三', item: null, excerpt, line: 1111 }],
      },
    ]);
  });

  it('flags a placeholder reason and a missing reason in 五（三）', () => {
    const c1 = claim({
      section: '五（三）',
      item: 1,
      subject: '行政运行（项）',
      change: change('35.31'),
      reason: 'XX',
      excerpt: '比上年预算增加35.31万元，主要原因是XX。',
    });
    const c2 = claim({
      section: '五（三）',
      item: 2,
      subject: '住房公积金（项）',
      change: change('1.24', '减少'),
      excerpt: '比上年预算减少1.24万元。',
    });
    const r = run(rule, emptyDoc({ narrative: [section('五（三）', '', [c1, c2])] }));
    assert.deepEqual(
      r.findings.map((f) => [f.severity, f.message, f.locations]),
      [
        [
          'warning',
          '“行政运行（项）”比上年预算增加35.31万元，原因只写了“XX”，未说明实际原因：“比上年预算增加35.31万元，主要原因是XX。”。',
          [
            {
              part: 'P3',
              section: '五（三）',
              item: 1,
              excerpt: '比上年预算增加35.31万元，主要原因是XX。',
              line: 500,
            },
          ],
        ],
        [
          'warning',
          '“住房公积金（项）”比上年预算减少1.24万元，但未说明变动原因：“比上年预算减少1.24万元。”。',
          [{ part: 'P3', section: '五（三）', item: 2, excerpt: '比上年预算减少1.24万元。', line: 500 }],
        ],
      ],
    );
  });

  it('tells empty from placeholder reasons', () => {
    assert.equal(reasonDefect('。'), 'empty');
    assert.equal(reasonDefect('（具体原因）'), 'placeholder');
    assert.equal(reasonDefect('无'), 'placeholder');
    assert.equal(reasonDefect('……'), 'placeholder');
    assert.equal(reasonDefect('调标增资'), null);
  });

  it('needs Part 3', () => {
    assert.equal(run(rule, emptyDoc()).obligation.status, 'insufficient-data');
  });
});
