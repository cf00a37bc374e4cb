/** A table line's tokens: cells cut from the spans, with their x-range. */
import { NUMBER_TOKEN } from '../../text/lines.ts';
import type { PdfLine } from '../layout.ts';

export interface Tok {
  kind: 'num' | 'text';
  text: string;
  x0: number;
  x1: number;
  line: PdfLine;
}

/** A list number that starts a label: `1.`, `2、`. */
const ORDINAL = /^\d{1,2}[.．、]$/;

/**
 * A line's tokens. A span is usually one cell, but narrow printed gaps can join cells into one span:
 * numbers and codes are cut out as their own tokens, and consecutive words form one text token,
 * positions shared out by length. A list number before a name (`1. 一般公共预算资金`) is text.
 */
export function tokensOf(line: PdfLine): Tok[] {
  const out: Tok[] = [];
  for (const s of line.spans) {
    const words = s.text.split(' ').filter(Boolean);
    const pieces: { text: string; num: boolean }[] = [];
    const isText = (w: string | undefined) => w !== undefined && !NUMBER_TOKEN.test(w);
    words.forEach((w, i) => {
      // A small whole number between two words of one span is part of the text (`空调机（总预算 20 万以
      // 下）`); an amount (`91,016,775.35`) between two labels is a cell of its own.
      const inText = i > 0 && isText(words[i - 1]) && isText(words[i + 1]) && /^\d{1,3}$/.test(w);
      const num = NUMBER_TOKEN.test(w) && !inText && !(ORDINAL.test(w) && i + 1 < words.length);
      const prev = pieces[pieces.length - 1];
      if (!num && prev && !prev.num) prev.text += ` ${w}`;
      else pieces.push({ text: w, num });
    });
    const total = s.text.length;
    let at = 0;
    for (const p of pieces) {
      const i = s.text.indexOf(p.text, at);
      at = i + p.text.length;
      const x0 = s.x0 + ((s.x1 - s.x0) * i) / total;
      const x1 = s.x0 + ((s.x1 - s.x0) * at) / total;
      out.push({ kind: p.num ? 'num' : 'text', text: p.text, x0, x1, line });
    }
  }
  return out;
}
