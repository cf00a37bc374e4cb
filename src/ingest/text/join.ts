/**
 * Joining the lines of running text back into paragraphs while remembering where each line starts.
 * Line breaks and spaces next to CJK characters are layout, not content; so is a space before `%`.
 */
import { compactText } from '../normalize.ts';
import type { Line } from './lines.ts';

export interface Joined {
  text: string;
  /** offset in `text` where each joined line starts, ascending */
  starts: number[];
  /** the line number of each of those starts */
  lines: number[];
}

const CJK_RE = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’《》]/;

export function joinLines(input: Line[]): Joined {
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

/** The line a character of the joined text came from. */
export function lineOf(j: Joined, pos: number): number {
  let lo = 0;
  let hi = j.starts.length - 1;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (j.starts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return j.lines[lo]!;
}
