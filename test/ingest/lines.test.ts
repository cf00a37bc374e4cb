/** The line splitter and tokenizer, property-tested against their definitions. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { normalizeCjk, squash, squashedHead } from '../../src/ingest/normalize.ts';
import { isWhite, NUMBER_TOKEN, splitLines, tokenize } from '../../src/ingest/text/lines.ts';

const pieces = [
  'a',
  '中',
  '1',
  '２',
  '.',
  '．',
  '-',
  '－',
  '+',
  ',',
  '%',
  ' ',
  '\t',
  '\u3000',
  '\u00a0',
  '\u2003',
  '\u200b',
  '\ufeff',
  '\u2028',
  '\n',
  '\r',
  '\r\n',
  '⻔',
  '⼀',
  '\u{2f800}',
];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((a) => a.join(''));

it('tokenize equals trim + split at \\s + NUMBER_TOKEN', () => {
  fc.assert(
    fc.property(text, (t) => {
      const expected = t
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map((part) => ({ kind: NUMBER_TOKEN.test(part) ? 'num' : 'text', text: part, line: 7 }));
      assert.deepEqual(tokenize({ no: 7, text: t }), expected);
    }),
    { numRuns: 5000 },
  );
});

it('isWhite is \\s for every UTF-16 code unit', () => {
  for (let c = 0; c < 0x10000; c++) assert.equal(isWhite(c), /\s/.test(String.fromCharCode(c)), `U+${c}`);
});

it('splitLines equals its definition: split at any line end, no-break spaces as spaces, radicals normalised', () => {
  fc.assert(
    fc.property(text, (t) => {
      const expected = t
        .split(/\r\n|\r|\n/)
        .map((line, i) => ({ no: i + 1, text: normalizeCjk(line.replace(/\u00a0/g, ' ')) }));
      assert.deepEqual(splitLines(t), expected);
    }),
    { numRuns: 5000 },
  );
});

it('squashedHead is the first code unit of squash, or -1', () => {
  fc.assert(
    fc.property(text, (t) => {
      const s = squash(t);
      assert.equal(squashedHead(t), s ? s.charCodeAt(0) : -1);
    }),
    { numRuns: 5000 },
  );
});
