import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Disclosure } from '../../../src/model/schema.ts';
import rule from '../../../src/rules/text/subordinate-wording.ts';
import { emptyDoc, run } from '../../helpers/doc.ts';

const doc = (subordinate: string, text: string): Disclosure =>
  emptyDoc({
    part1: {
      functions: [],
      organization: {
        text: '',
        subordinateUnits: subordinate,
        divisionCount: null,
        divisions: [],
        source: { line: 90 },
      },
      staffing: null,
    },
    narrative: [
      { id: '十一（三）', title: '国有资产占用使用情况', text, source: { line: 1430 }, claims: [] },
    ],
  });

describe('text.subordinate-wording', () => {
  it('passes wording that fits a department without subordinate units', () => {
    assert.deepEqual(
      run(rule, doc('无下属预算单位', '截至2022年底，本局占用使用国有资产总体情况为：')).findings,
      [],
    );
  });
  it('reports 下属各预算单位 in a department that has none', () => {
    const [f, ...rest] = run(
      rule,
      doc('无下属预算单位', '截至2022年底，本局及下属各预算单位占用使用国有资产总体情况为：'),
    ).findings;
    assert.equal(rest.length, 0);
    assert.equal(f!.severity, 'warning');
    assert.match(f!.message, /第一部分称“无下属预算单位”，此处却写“下属各预算单位”/);
  });
  it('is not applicable to a department with subordinate units', () => {
    assert.equal(
      run(rule, doc('下属预算单位3个', '本部门及下属各预算单位')).obligation.status,
      'not-applicable',
    );
  });
});
