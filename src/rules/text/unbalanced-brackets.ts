/**
 * Unbalanced brackets and quotes within a paragraph: （） () 《》 “” ‘’ 【】 「」 『』. Full- and
 * half-width round brackets count as one family (`（补助)` is balanced). A closing bracket right after
 * a list number at the start of a clause (`1）`, `a)`) is an enumerator, not a bracket.
 */
import { defineRule, type Finding } from '../types.ts';
import { around, textUnits } from './units.ts';

/** opening character → family */
const OPEN: Record<string, string> = {
  '（': 'round',
  '(': 'round',
  '《': 'book',
  '“': 'double',
  '‘': 'single',
  '【': 'lenticular',
  '「': 'corner',
  '『': 'white-corner',
};
const CLOSE: Record<string, string> = {
  '）': 'round',
  ')': 'round',
  '》': 'book',
  '”': 'double',
  '’': 'single',
  '】': 'lenticular',
  '」': 'corner',
  '』': 'white-corner',
};

/** A list number closed by a bracket at the start of a clause: `1）`, `a)`, `一）`. */
function isEnumerator(text: string, i: number): boolean {
  return /(^|[。；：，、\s])\s*([0-9]{1,2}|[a-zA-Z]|[一二三四五六七八九十]{1,3})$/.test(text.slice(0, i));
}

export interface Unmatched {
  index: number;
  char: string;
  kind: 'open' | 'close';
}

/** The brackets of a text left without their partner. */
const ANY_BRACKET = /[（）()《》“”【】]/g;

export function unmatchedBrackets(text: string): Unmatched[] {
  ANY_BRACKET.lastIndex = 0;
  if (!ANY_BRACKET.test(text)) return [];
  const stack: { index: number; char: string; family: string }[] = [];
  const out: Unmatched[] = [];
  // Visit only the bracket characters (a regex scan is much faster than a loop over every character).
  ANY_BRACKET.lastIndex = 0;
  for (let m = ANY_BRACKET.exec(text); m; m = ANY_BRACKET.exec(text)) {
    const i = m.index;
    const ch = m[0];
    const open = OPEN[ch];
    if (open) {
      stack.push({ index: i, char: ch, family: open });
      continue;
    }
    const close = CLOSE[ch];
    if (!close) continue;
    let j = stack.length - 1;
    while (j >= 0 && stack[j]!.family !== close) j--;
    if (j < 0) {
      if (!(close === 'round' && isEnumerator(text, i))) out.push({ index: i, char: ch, kind: 'close' });
      continue;
    }
    // stack[j] is the partner; brackets opened after it and never closed are unmatched
    for (const s of stack.splice(j).slice(1)) out.push({ index: s.index, char: s.char, kind: 'open' });
  }
  for (const s of stack) out.push({ index: s.index, char: s.char, kind: 'open' });
  return out.sort((a, b) => a.index - b.index);
}

export default defineRule({
  meta: {
    id: 'text.unbalanced-brackets',
    title: { zh: '括号引号不成对', en: 'Unbalanced brackets' },
    category: 'text',
    severity: 'warning',
    description: '同一段落中括号、书名号、引号（（）()《》“”【】）不成对。',
  },
  check(ctx) {
    const units = textUnits(ctx);
    if (units.length === 0) return { insufficient: '未读取到可检查的文字' };
    const findings: Finding[] = [];
    for (const u of units) {
      for (const m of unmatchedBrackets(u.text)) {
        const what = m.kind === 'open' ? `“${m.char}”没有对应的闭合符号` : `“${m.char}”没有对应的起始符号`;
        findings.push({
          rule: 'text.unbalanced-brackets',
          severity: 'warning',
          category: 'text',
          message: `${what}：“${around(u.text, m.index, m.index + 1)}”。`,
          locations: [u.locate(m.index, m.index + 1)],
        });
      }
    }
    return { findings, checked: units.length };
  },
});
