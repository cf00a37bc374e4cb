/**
 * Deciding what a file is before reading it: its size, whether it is text (UTF-8 or GB18030), a PDF,
 * a workbook, or other binary data; and which template fits a text best.
 */

import type { Template } from '../templates/schema.ts';
import { InputError } from './errors.ts';
import { squash } from './normalize.ts';
import { headingsOf, TITLE_END, titleId } from './titles.ts';

/** A disclosure text is tens to hundreds of KB; 2 MB is ample and keeps time and memory bounded. */
export const MAX_TEXT_BYTES = 2 * 1024 * 1024;

export type Kind = 'text' | 'pdf' | 'xlsx' | 'xls' | 'binary';

export function sniff(head: Uint8Array): Kind {
  const ascii = String.fromCharCode(...head.slice(0, 8));
  if (ascii.startsWith('%PDF')) return 'pdf';
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'xlsx';
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return 'xls';
  for (const b of head.slice(0, 8192)) if (b === 0) return 'binary';
  return 'text';
}

/** Decode text bytes: UTF-8 (with or without BOM), else GB18030; refuse anything else. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      throw new InputError('not a text file: the bytes are neither UTF-8 nor GB18030 text', 'binary');
    }
  }
}

/** The short lines, trimmed: headings are short. */
function shortLines(lines: string[]): string[] {
  const out: string[] = [];
  for (const l of lines) if (l.length < 80) out.push(l.trim());
  return out;
}

/** How many of a template's table titles and part headings a text contains. */
export function templateScore(
  lines: string[],
  template: Template,
  squashed: Set<string> = shortLinesSquashed(lines),
  short: string[] = shortLines(lines),
): { tables: number; parts: number; total: number } {
  const { byTitle, parts: patterns } = headingsOf(template);
  const found = new Set<string>();
  for (const l of squashed) {
    const id = titleId(l, byTitle);
    if (id) found.add(id);
  }
  const tables = found.size;
  let parts = 0;
  for (const p of patterns) {
    if (short.some((l) => (p.first < 0 || l.charCodeAt(0) === p.first) && p.re.test(l))) parts++;
  }
  return { tables, parts, total: template.tables.length + Object.keys(template.parts).length };
}

/**
 * The short lines that could be titles, squashed: titles are short lines ending like a title;
 * other lines are running text and need not be looked at.
 */
function shortLinesSquashed(lines: string[]): Set<string> {
  const squashed = new Set<string>();
  for (const l of lines) if (l.length < 80 && TITLE_END.test(l)) squashed.add(squash(l));
  return squashed;
}

/**
 * The template that fits a text best. A template fits when at least one of its table titles and
 * three of its titles and headings in all are printed; otherwise the text is refused, naming the
 * closest template and what was found of it.
 */
export function chooseTemplate(lines: string[], candidates: Template[]): Template {
  let best: { t: Template; tables: number; parts: number; total: number } | null = null;
  const squashed = shortLinesSquashed(lines);
  const short = shortLines(lines);
  for (const t of candidates) {
    const s = templateScore(lines, t, squashed, short);
    if (!best || s.tables + s.parts > best.tables + best.parts) best = { t, ...s };
  }
  if (!best || best.tables < 1 || best.tables + best.parts < 3) {
    const near = best
      ? ` (closest: ${best.t.id}, ${best.tables + best.parts} of ${best.total} headings and table titles found: ${best.parts} part headings, ${best.tables} table titles)`
      : '';
    throw new InputError(`not a budget disclosure of a known template family${near}`, 'not-disclosure');
  }
  return best.t;
}
