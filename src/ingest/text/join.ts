/**
 * Joining the lines of running text back into paragraphs while remembering where each line starts.
 * Line breaks and spaces next to CJK characters are layout, not content; so is a space before `%`.
 */
import { compactText, isCjk } from '../normalize.ts';
import type { Line } from './lines.ts';

export interface Joined {
  text: string;
  /** offset in `text` where each joined line starts, ascending */
  starts: number[];
  /** the line number of each of those starts */
  lines: number[];
}

const SPACE_BEFORE_PERCENT = /\s+%/g;

export function joinLines(input: Line[]): Joined {
  let text = '';
  const starts: number[] = [];
  const lines: number[] = [];
  let last = -1; // the last character of text, kept so as not to flatten text while it grows
  for (const l of input) {
    let t = compactText(l.text);
    if (t.includes('%')) t = t.replace(SPACE_BEFORE_PERCENT, '%');
    if (!t) continue;
    const first = t.charCodeAt(0);
    if (text && !isCjk(last) && !isCjk(first) && first !== 0x25 /* % */) text += ' ';
    starts.push(text.length);
    lines.push(l.no);
    text += t;
    last = t.charCodeAt(t.length - 1);
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
