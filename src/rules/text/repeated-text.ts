/**
 * Text doubled by mistake: the same 2–4 Chinese characters twice in a row (`标准标准`, `企业企业`), and a
 * sentence printed twice in the same paragraph. Single-character reduplication (常常, 人人) is never
 * matched, and a few legitimate doubled words are allowed (一个一个, 研究研究). Information: it is
 * usually a typo, and it does not change a number.
 */
import { defineRule, type Finding } from '../types.ts';
import { around, quote, textUnits } from './units.ts';

const isHan = (c: number) => c >= 0x4e00 && c <= 0x9fff;

/**
 * The doubled words of a text, as the regex `([\u4e00-\u9fff]{2,4})\1` would find them scanning from
 * the start (the longest word first at each position, matches not overlapping), by comparing
 * character codes: a plain scan, several times faster than the backtracking regex.
 */
export function doubledWords(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const n = text.length;
  for (let i = 0; i + 4 <= n; i++) {
    if (!isHan(text.charCodeAt(i))) continue;
    for (let k = 4; k >= 2; k--) {
      if (i + 2 * k > n || text.charCodeAt(i) !== text.charCodeAt(i + k)) continue;
      let j = 1;
      while (j < k && isHan(text.charCodeAt(i + j)) && text.charCodeAt(i + j) === text.charCodeAt(i + k + j))
        j++;
      if (j === k) {
        out.push({ start: i, end: i + 2 * k });
        i += 2 * k - 1;
        break;
      }
    }
  }
  return out;
}

/** Doubled words that are correct Chinese: 一X一X (一个一个, 一步一步) and verb reduplication. */
const ALLOWED = new Set([
  '研究',
  '讨论',
  '学习',
  '商量',
  '考虑',
  '休息',
  '检查',
  '了解',
  '介绍',
  '锻炼',
  '打扫',
]);
export function allowedDouble(word: string): boolean {
  return (word.length === 2 && word.startsWith('一')) || ALLOWED.has(word);
}

/** Sentences at least this long (characters, without the final mark) are compared. */
const MIN_SENTENCE = 10;

/** Sentences (ending with 。！？ or the end of the text) that occur twice or more in the text. */
const SENTENCE = /[^。！？!?]+[。！？!?]*/g;

export function repeatedSentences(text: string): { sentence: string; second: number }[] {
  const out: { sentence: string; second: number }[] = [];
  // a sentence long enough, printed twice, takes at least twice that many characters
  if (text.length < 2 * MIN_SENTENCE) return out;
  const seen = new Set<string>();
  SENTENCE.lastIndex = 0;
  for (let m = SENTENCE.exec(text); m; m = SENTENCE.exec(text)) {
    const sentence = m[0].trim();
    if (sentence.replace(/[。！？!?]+$/, '').length < MIN_SENTENCE || seen.has(sentence)) continue;
    seen.add(sentence);
    const first = text.indexOf(sentence);
    const second = text.indexOf(sentence, first + sentence.length);
    if (second >= 0) out.push({ sentence, second });
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'text.repeated-text',
    title: { zh: '文字重复', en: 'Repeated text' },
    category: 'text',
    severity: 'info',
    description: '同一词语（2–4 个汉字）紧接着重复出现（如“标准标准”），或同一句话在同一段落中重复出现。',
  },
  check(ctx) {
    const units = textUnits(ctx);
    if (units.length === 0) return { insufficient: '未读取到可检查的文字' };
    const findings: Finding[] = [];
    for (const u of units) {
      for (const m of doubledWords(u.text)) {
        const word = u.text.slice(m.start, (m.start + m.end) / 2);
        if (allowedDouble(word)) continue;
        findings.push({
          rule: 'text.repeated-text',
          severity: 'info',
          category: 'text',
          message: `词语“${word}”重复：“${around(u.text, m.start, m.end)}”。`,
          locations: [u.locate(m.start, m.end)],
        });
      }
      for (const r of repeatedSentences(u.text)) {
        findings.push({
          rule: 'text.repeated-text',
          severity: 'info',
          category: 'text',
          message: `同一段落中句子重复出现：“${quote(r.sentence)}”。`,
          locations: [u.locate(r.second, r.second + r.sentence.length)],
        });
      }
    }
    return { findings, checked: units.length };
  },
});
