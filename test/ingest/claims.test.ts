/**
 * Every claim of Part 3 against the hand-read list (test/fixtures/xinjiang-2023/claims.jsonl; the
 * conventions are in CLAIMS-NOTES.md).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixtureJsonl, xinjiang } from '../helpers/fixtures.ts';

describe('Xinjiang Part 3 claims', () => {
  const d = xinjiang();
  const claims = d.narrative.flatMap((s) => s.claims);
  const want = fixtureJsonl('claims.jsonl');
  const view = (c: (typeof claims)[number]) => ({
    section: c.section,
    item: c.item,
    subject: c.subject,
    amount: c.amount?.value ?? null,
    unit: c.amount?.unit ?? c.change?.unit ?? null,
    share: c.share?.percent ?? null,
    change: c.change?.value ?? null,
    changeWord: c.change?.word ?? null,
    growth: c.growth?.percent ?? null,
    growthWord: c.growth?.word ?? null,
    comparison: c.comparison,
    reason: c.reason,
    line: c.source.line,
    kind: c.kind,
  });

  it('finds 85 claims', () => assert.equal(claims.length, 85));

  it('extracts each claim with its kind, numbers, direction words, comparison, reason and line', () => {
    assert.deepEqual(claims.map(view), want);
  });

  it('gives shares their base and changes exact fen', () => {
    const income = claims.find((c) => c.section === '二' && c.subject === '一般公共预算')!;
    assert.deepEqual(income.share, { raw: '占41.03%', percent: '41.03', base: '收入预算' });
    assert.equal(income.change?.fen, 2218_930000);
    assert.equal(income.amount?.fen, 2918_030000);
  });

  it('splits Part 3 into its numbered sections and subsections', () => {
    assert.deepEqual(
      d.narrative.map((s) => s.id),
      [
        '一',
        '二',
        '三',
        '四',
        '五',
        '五（一）',
        '五（二）',
        '五（三）',
        '六',
        '七',
        '八',
        '九',
        '十',
        '十一',
        '十一（一）',
        '十一（二）',
        '十一（三）',
        '十一（四）',
        '十一（五）',
      ],
    );
  });
});
