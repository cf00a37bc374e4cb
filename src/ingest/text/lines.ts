/** Lines and tokens of an extracted text document. */
import { hasRadicals, normalizeCjk } from '../normalize.ts';

export interface Line {
  /** 1-based line number in the file. */
  no: number;
  text: string;
}

export type TokenKind = 'num' | 'text';

export interface Token {
  kind: TokenKind;
  text: string;
  line: number;
}

const NBSP = /\u00a0/g;

export function splitLines(content: string): Line[] {
  const raw = content.includes('\r') ? content.split(/\r\n|\r|\n/) : content.split('\n');
  // Most documents have no no-break space and no radical: then no line needs looking at.
  const nbsp = content.includes('\u00a0');
  const radicals = hasRadicals(content);
  if (!nbsp && !radicals) return raw.map((text, i) => ({ no: i + 1, text }));
  return raw.map((text, i) => ({ no: i + 1, text: normalizeCjk(nbsp ? text.replace(NBSP, ' ') : text) }));
}

/** A number as printed in a table cell: digits, separators, optional sign and point. */
export const NUMBER_TOKEN =
  /^[-+－]?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]*)?$|^[-+－]?[.．][0-9０-９]+$/;

/** Whitespace as JavaScript's `\s` and `trim` define it. */
export function isWhite(code: number): boolean {
  return code <= 0x20
    ? code === 0x20 || (code >= 0x09 && code <= 0x0d)
    : code === 0xa0 ||
        code === 0x1680 ||
        (code >= 0x2000 && code <= 0x200a) ||
        code === 0x2028 ||
        code === 0x2029 ||
        code === 0x202f ||
        code === 0x205f ||
        code === 0x3000 ||
        code === 0xfeff;
}

/** A token can only be a number if it starts with a sign, a digit or a point (see NUMBER_TOKEN). */
function mayBeNumber(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0xff10 && code <= 0xff19) ||
    code === 0x2d || // -
    code === 0x2b || // +
    code === 0xff0d || // －
    code === 0x2e || // .
    code === 0xff0e // ．
  );
}

/** The words of a line (split at whitespace), each marked as a number or text. */
export function tokenize(line: Line): Token[] {
  const out: Token[] = [];
  const s = line.text;
  const n = s.length;
  let i = 0;
  for (;;) {
    while (i < n && isWhite(s.charCodeAt(i))) i++;
    if (i >= n) return out;
    let j = i + 1;
    while (j < n && !isWhite(s.charCodeAt(j))) j++;
    const part = s.slice(i, j);
    const num = mayBeNumber(s.charCodeAt(i)) && NUMBER_TOKEN.test(part);
    out.push({ kind: num ? 'num' : 'text', text: part, line: line.no });
    i = j;
  }
}

/** Lines that are not blank, in order. */
export function nonBlank(lines: Line[]): Line[] {
  return lines.filter((l) => l.text.trim() !== '');
}
