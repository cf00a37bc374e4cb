/** Joining running text, property-tested against its definition. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { compactText } from '../../src/ingest/normalize.ts';
import { joinLines } from '../../src/ingest/text/join.ts';

const CJK_RE = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’《》]/;

function reference(input: { no: number; text: string }[]) {
  let text = '';
  const starts: number[] = [];
  const lines: number[] = [];
  for (const l of input) {
    const t = compactText(l.text).replace(/\s+%/g, '%');
    if (!t) continue;
    if (text && !CJK_RE.test(text[text.length - 1]!) && !CJK_RE.test(t[0]!) && t[0] !== '%') text += ' ';
    starts.push(text.length);
    lines.push(l.no);
    text += t;
  }
  return { text, starts, lines };
}

it('joinLines equals its definition: compacted lines, a space only between two non-CJK ends', () => {
  const line = fc
    .array(fc.constantFrom('a', '中', '1', ' ', '\u3000', '%', '“', '》', '，', '.', '\u{20000}'), {
      maxLength: 12,
    })
    .map((a) => a.join(''));
  fc.assert(
    fc.property(fc.array(line, { maxLength: 8 }), (texts) => {
      const input = texts.map((text, i) => ({ no: i + 1, text }));
      assert.deepEqual(joinLines(input), reference(input));
    }),
    { numRuns: 5000 },
  );
});
