/**
 * Joining the lines of running text back into paragraphs while remembering, for every character,
 * the line it came from. Line breaks and spaces next to CJK characters are layout, not content.
 */
import type { Line } from './lines.ts';

export interface Joined {
  text: string;
  /** line number of each character of `text` */
  lineAt: number[];
}

const CJK_RE = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’《》]/;

export function joinLines(lines: Line[]): Joined {
  const chars: string[] = [];
  const at: number[] = [];
  for (const l of lines) {
    const t = l.text.trim();
    if (!t) continue;
    if (chars.length > 0) {
      chars.push(' ');
      at.push(l.no);
    }
    for (const ch of t) {
      chars.push(ch);
      at.push(l.no);
    }
  }
  // Drop whitespace next to CJK characters and before % ; collapse the rest to one space.
  const text: string[] = [];
  const lineAt: number[] = [];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (/\s/.test(ch)) {
      if (text.length === 0) continue;
      const prev = text[text.length - 1]!;
      let j = i + 1;
      while (j < chars.length && /\s/.test(chars[j]!)) j++;
      const next = chars[j];
      if (next === undefined || CJK_RE.test(prev) || CJK_RE.test(next) || next === '%' || next === '％') {
        i = j - 1;
        continue;
      }
      text.push(' ');
      lineAt.push(at[i]!);
      i = j - 1;
      continue;
    }
    text.push(ch);
    lineAt.push(at[i]!);
  }
  return { text: text.join(''), lineAt };
}
