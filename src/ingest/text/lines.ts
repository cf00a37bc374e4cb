/** Lines and tokens of an extracted text document. */
import { normalizeCjk } from '../normalize.ts';

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

export function splitLines(content: string): Line[] {
  const raw = content.split(/\r\n|\r|\n/);
  return raw.map((text, i) => ({ no: i + 1, text: normalizeCjk(text.replace(/\u00a0/g, ' ')) }));
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
