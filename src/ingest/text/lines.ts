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

export function tokenize(line: Line): Token[] {
  const out: Token[] = [];
  for (const part of line.text.trim().split(/\s+/)) {
    if (!part) continue;
    out.push({ kind: NUMBER_TOKEN.test(part) ? 'num' : 'text', text: part, line: line.no });
  }
  return out;
}

/** Lines that are not blank, in order. */
export function nonBlank(lines: Line[]): Line[] {
  return lines.filter((l) => l.text.trim() !== '');
}
