import assert from 'node:assert/strict';
import { it } from 'node:test';
import fc from 'fast-check';
import { compactText, isCjk } from '../../src/ingest/normalize.ts';

function reference(text: string): string {
  let out = '';
  let pending = false;
  let prevCjk = false;
  const sp = (c: number) =>
    c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3000 || c === 0xa0 || c === 12 || c === 11;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (sp(code)) {
      pending = out.length > 0;
      continue;
    }
    const cjk = isCjk(code);
    if (pending && !cjk && !prevCjk) out += ' ';
    pending = false;
    out += text[i];
    prevCjk = cjk;
  }
  return out;
}
it('compactText equals its definition: drop whitespace next to CJK, one space elsewhere, trimmed', () => {
  fc.assert(
    fc.property(
      fc
        .array(fc.constantFrom('a', 'b', ' ', '\t', '　', '中', '文', '1', '.', '%', '（', '）', '\n'), {
          maxLength: 30,
        })
        .map((a) => a.join('')),
      (t) => {
        assert.equal(compactText(t), reference(t));
      },
    ),
    { numRuns: 5000 },
  );
});
