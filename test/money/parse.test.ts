import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  formatAmount,
  formatDecimal,
  groupThousands,
  parseAmount,
  parseDecimal,
  parseNumber,
  plainToFen,
  sumFen,
  toFen,
} from '../../src/money/index.ts';

describe('parseNumber: every written form', () => {
  const cases: [string, string, Partial<{ unit: string; percent: boolean; blank: boolean }>][] = [
    ['7111.51', '7111.51', {}],
    ['96,282,213.44', '96282213.44', {}],
    ['７１１１．５１', '7111.51', {}],
    ['０.4', '0.4', {}],
    ['40', '40', {}],
    ['-12.5', '-12.5', {}],
    ['', '0', { blank: true }],
    ['-', '0', { blank: true }],
    ['—', '0', { blank: true }],
    [' 162 万元', '162', { unit: '万元' }],
    ['162.00元', '162.00', { unit: '元' }],
    ['41.03%', '41.03', { percent: true }],
    ['317.4 %', '317.4', { percent: true }],
    ['1，234，567', '1234567', {}],
  ];
  for (const [raw, text, extra] of cases) {
    it(`reads ${JSON.stringify(raw)}`, () => {
      const n = parseNumber(raw);
      assert.ok(n, raw);
      assert.equal(n.text, text);
      assert.equal(n.unit, extra.unit);
      assert.equal(n.percent, extra.percent ?? false);
      assert.equal(n.blank, extra.blank ?? false);
    });
  }
  for (const bad of ['12,34', 'abc', '1.2.3', '12万', '1,2345.6', '..5']) {
    it(`refuses ${JSON.stringify(bad)}`, () => assert.equal(parseNumber(bad), null));
  }
  it('keeps the printed precision', () => {
    assert.equal(parseNumber('634.70')!.value.scale, 2);
    assert.equal(parseNumber('634.7')!.value.scale, 1);
  });
});

describe('amounts in fen', () => {
  it('converts 万元 and 元 exactly', () => {
    assert.equal(parseAmount('7111.51', '万元'), 7111_510000);
    assert.equal(parseAmount('96,282,213.44', '元'), 9628221344);
    assert.equal(parseAmount('7.192', '万元'), 7_192_000);
    assert.equal(parseAmount('1.5亿元', '万元'), 15_000_000_000);
  });
  it('refuses precision finer than a fen', () => {
    assert.throws(() => toFen(parseDecimal('1.001')!, '元'), /finer than one fen/);
  });
  it('formats at a precision, rounding half away from zero, with optional thousands', () => {
    assert.equal(formatAmount(7111_510000, '万元'), '7111.51');
    assert.equal(formatAmount(634_700000, '万元', { precision: 1 }), '634.7');
    assert.equal(formatAmount(5_000, '万元', { precision: 2 }), '0.01');
    assert.equal(formatAmount(-5_000, '万元', { precision: 2 }), '-0.01');
    assert.equal(formatAmount(9628221344, '元', { thousands: true }), '96,282,213.44');
  });
  it('sums exactly and refuses to leave the safe range', () => {
    assert.equal(sumFen([1, 2, 3]), 6);
    assert.throws(() => sumFen([Number.MAX_SAFE_INTEGER, 1]), /safe integer/);
  });
});

describe('number properties (fast-check)', () => {
  const fen = fc.integer({ min: -9e13, max: 9e13 });
  it('format then parse gives back the amount (元 at 2 decimals)', () => {
    fc.assert(
      fc.property(fen, (x) => {
        const text = formatAmount(x, '元');
        assert.equal(parseAmount(text, '元'), x);
      }),
    );
  });
  it('thousands separators do not change the value', () => {
    fc.assert(
      fc.property(fen, (x) => {
        const plain = formatAmount(x, '元');
        assert.equal(parseAmount(groupThousands(plain), '元'), x);
      }),
    );
  });
  it('full-width digits read the same as ASCII digits', () => {
    fc.assert(
      fc.property(fen, (x) => {
        const plain = formatAmount(x, '万元', { precision: 6 });
        const wide = plain
          .replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
          .replace('.', '．');
        assert.equal(parseAmount(wide, '万元'), x);
      }),
    );
  });
  it('rounding to a precision is within half a unit of the last digit', () => {
    fc.assert(
      fc.property(fen, fc.integer({ min: 0, max: 4 }), (x, p) => {
        const text = formatAmount(x, '万元', { precision: p });
        const back = parseAmount(text, '万元')!;
        const half = 10 ** (6 - p) / 2;
        assert.ok(Math.abs(back - x) <= half, `${x} → ${text}`);
      }),
    );
  });
  it('decimal strings round-trip', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.integer({ min: 0, max: 8 }),
        (units, scale) => {
          const text = formatDecimal({ units, scale });
          assert.deepEqual(parseDecimal(text), { units, scale });
        },
      ),
    );
  });
});

describe('plainToFen (fast path) agrees with the exact parser', () => {
  it('on every plain decimal (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999_999_999 }),
        fc.integer({ min: 0, max: 8 }),
        fc.constantFrom('元' as const, '万元' as const),
        (n, scale, unit) => {
          const text = formatDecimal({ units: BigInt(n), scale });
          const slow = (() => {
            try {
              return toFen(parseDecimal(text)!, unit);
            } catch {
              return null;
            }
          })();
          assert.equal(plainToFen(text, unit), slow);
        },
      ),
    );
  });
  it('declines what it does not handle', () => {
    assert.equal(plainToFen('03.5', '元'), null);
    assert.equal(plainToFen('1,234', '元'), null);
    assert.equal(plainToFen('１２', '元'), null);
  });
});
