/** The column solver on small synthetic rows. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Instance } from '../../src/identities/instances.ts';
import { type PlaceRow, placeRows } from '../../src/ingest/place.ts';

const cols = ['合计', '基本支出', '项目支出'];
const row = (key: string, nums: string[], line = 1): PlaceRow => ({
  table: 'T',
  key,
  columns: cols,
  numbers: nums.map((text) => ({ text, line })),
  unit: '万元',
});
const rowSum = (key: string): Instance => ({
  identity: 'row',
  op: 'eq',
  left: [{ table: 'T', row: key, column: '合计' }],
  right: [
    { table: 'T', row: key, column: '基本支出' },
    { table: 'T', row: key, column: '项目支出' },
  ],
  where: key,
});
const colSum = (parent: string, kids: string[], column: string): Instance => ({
  identity: 'tree',
  op: 'eq',
  left: [{ table: 'T', row: parent, column }],
  right: kids.map((k) => ({ table: 'T', row: k, column })),
  where: parent,
});

describe('placeRows', () => {
  it('places by position when there are as many numbers as columns', () => {
    const [r] = placeRows([row('a', ['3', '1', '2'])], [rowSum('a')]);
    assert.deepEqual(
      r!.numbers.map((n) => [n.column, n.placement]),
      [
        ['合计', 'position'],
        ['基本支出', 'position'],
        ['项目支出', 'position'],
      ],
    );
  });
  it('places by a column sum when the row alone is ambiguous', () => {
    const rows = [row('p', ['5', '2', '3']), row('a', ['2', '2']), row('b', ['3', '3'])];
    const inst = [rowSum('p'), rowSum('a'), rowSum('b'), ...cols.map((c) => colSum('p', ['a', 'b'], c))];
    const [, a, b] = placeRows(rows, inst);
    assert.deepEqual(
      a!.numbers.map((n) => n.column),
      ['合计', '基本支出'],
    );
    assert.deepEqual(
      b!.numbers.map((n) => n.column),
      ['合计', '项目支出'],
    );
    assert.equal(a!.numbers[1]!.placement, 'identity');
  });
  it('leaves a cell unresolved when two columns fit equally, listing both', () => {
    const [r] = placeRows([row('a', ['2', '2'])], [rowSum('a')]);
    assert.equal(r!.numbers[0]!.column, '合计');
    assert.equal(r!.numbers[1]!.column, null);
    assert.equal(r!.numbers[1]!.placement, 'unresolved');
    assert.deepEqual(r!.numbers[1]!.candidates, ['基本支出', '项目支出']);
  });
  it('joins a number split across lines when the identities need it', () => {
    const r = placeRows(
      [
        {
          table: 'T',
          key: 'a',
          columns: cols,
          unit: '万元',
          numbers: [
            { text: '5.51', line: 1 },
            { text: '3.4', line: 1 },
            { text: '2.1', line: 1 },
            { text: '1', line: 3 },
          ],
        },
      ],
      [rowSum('a')],
    )[0]!;
    assert.deepEqual(
      r.numbers.map((n) => [n.value, n.column]),
      [
        ['5.51', '合计'],
        ['3.4', '基本支出'],
        ['2.11', '项目支出'],
      ],
    );
    assert.deepEqual(
      r.numbers[2]!.tokens.map((t) => t.line),
      [1, 3],
    );
  });
  it('says nearest when no placement satisfies the identities', () => {
    const rows = [row('p', ['5', '2', '3']), row('a', ['2', '2']), row('b', ['4', '4'])];
    const inst = [rowSum('p'), rowSum('a'), rowSum('b'), ...cols.map((c) => colSum('p', ['a', 'b'], c))];
    const [, , b] = placeRows(rows, inst);
    assert.equal(b!.numbers[1]!.column, '项目支出');
    assert.equal(b!.numbers[1]!.placement, 'identity-nearest');
  });
  it('reports more numbers than columns as unresolved, keeping them', () => {
    const [r] = placeRows([row('a', ['1', '2', '3', '4'])], []);
    assert.equal(r!.numbers.length, 4);
    assert.ok(r!.numbers.every((n) => n.column === null && n.placement === 'unresolved'));
    assert.match(r!.problems[0]!, /4 numbers for 3 columns/);
  });
});
