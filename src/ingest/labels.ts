/** Matching printed row labels against a template's fixed lines. */
import type { LineSpec } from '../templates/schema.ts';
import { memoByObject } from './memo.ts';
import { squash } from './normalize.ts';

const NUMBERING =
  /^(?:[一二三四五六七八九十]+、|\d+[.．、]|（[一二三四五六七八九十\d]+）|\([一二三四五六七八九十\d]+\))/;
const OF_WHICH = /^其中[：:]/;

/** A label reduced for matching: no spaces, no list numbering, no 其中：, ASCII brackets as full-width. */
export function labelKey(text: string): string {
  let s = squash(text).replace(/\(/g, '（').replace(/\)/g, '）').replace(/"/g, '“');
  for (let i = 0; i < 2; i++) s = s.replace(NUMBERING, '').replace(OF_WHICH, '');
  return s;
}

/** The match keys of a fixed line's labels. */
const keysOf = memoByObject((line: LineSpec) => line.labels.map(labelKey));

/**
 * Find the fixed line a printed label names, searching forward from `from` in template order (so
 * repeated labels such as 单位资金 under 本年收入 and under 结转结余 resolve by position).
 * Returns 'prefix' when the label is only the start of some line's label (wrapped text).
 */
export function matchLine(
  label: string,
  lines: LineSpec[],
  from: number,
): { index: number } | 'prefix' | null {
  const key = labelKey(label);
  if (!key) return null;
  for (let pass = 0; pass < 2; pass++) {
    const start = pass === 0 ? from : 0;
    const end = pass === 0 ? lines.length : from;
    for (let i = start; i < end; i++) {
      if (keysOf(lines[i]!).includes(key)) return { index: i };
    }
  }
  for (const l of lines) if (keysOf(l).some((x) => x.startsWith(key))) return 'prefix';
  return null;
}
