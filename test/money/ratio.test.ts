import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { comparePercent, formatDecimal, growthRate, parseDecimal, percent } from '../../src/money/index.ts';

describe('shares and growth rates at the printed precision', () => {
  it('computes the Xinjiang income share 2918.03 / 7111.51 = 41.03%', () => {
    assert.equal(formatDecimal(percent(2918_030000, 7111_510000, 2)!), '41.03');
  });
  it('computes growth 2918.03 over 699.10 = 317.4% at one decimal', () => {
    assert.equal(formatDecimal(growthRate(2918_030000, 699_100000, 1)!), '317.4');
  });
  it('has no growth rate from a zero base', () => {
    assert.equal(growthRate(162_0000, 0, 2), null);
  });
  it('tells exact, rounding-level and real mismatches apart', () => {
    assert.equal(comparePercent(parseDecimal('41.03')!, 2918_030000, 7111_510000)!.agreement, 'exact');
    assert.equal(comparePercent(parseDecimal('41.04')!, 2918_030000, 7111_510000)!.agreement, 'rounding');
    assert.equal(comparePercent(parseDecimal('42.03')!, 2918_030000, 7111_510000)!.agreement, 'mismatch');
    // 五（三） item 8: 下降 80.82% printed, 7.192 / 8.932 = 80.52%.
    const r = comparePercent(parseDecimal('80.82')!, 7_192_000, 8_932_000)!;
    assert.equal(r.agreement, 'mismatch');
    assert.equal(formatDecimal(r.expected), '80.52');
  });
  it('the recomputed percentage always agrees exactly with itself (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 1, max: 1e12 }),
        fc.integer({ min: 0, max: 3 }),
        (a, b, p) => {
          const printed = percent(a, b, p)!;
          assert.equal(comparePercent(printed, a, b)!.agreement, 'exact');
        },
      ),
    );
  });
});
