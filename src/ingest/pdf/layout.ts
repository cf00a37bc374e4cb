/**
 * Rebuilding lines from positioned text: items on one baseline form a line; items that touch form a
 * span (a table cell, a run of prose). Each line keeps its spans with their x-range, and a text in
 * which spans are separated by at least two spaces, so that the text readers can work on it as on a
 * PDF-to-text file while the table reader uses the positions.
 */
import { normalizeCjk } from '../normalize.ts';
import type { Line } from '../text/lines.ts';
import type { PdfPage, TextItem } from './load.ts';

export interface Span {
  text: string;
  x0: number;
  x1: number;
}

export interface PdfLine extends Line {
  page: number;
  /** baseline, measured from the top of the page */
  y: number;
  size: number;
  spans: Span[];
}

/** `- 7 -`, `─ 7 ─`, `第 7 页`, `7`: a page number. */
const PAGE_NUMBER = /^[\s\-─—－]*(?:第\s*)?\d{1,4}\s*(?:页)?[\s\-─—－]*$/;

/** Two items are on one line when their baselines differ by less than this share of the font size. */
const SAME_LINE = 0.35;
/** A gap narrower than this share of the font size joins two items into one span. */
const SAME_SPAN = 0.55;

function byPosition(a: TextItem, b: TextItem): number {
  return b.y - a.y || a.x - b.x;
}

function spansOf(items: TextItem[]): Span[] {
  const spans: Span[] = [];
  let cur: (Span & { size: number }) | null = null;
  for (const it of items) {
    const text = normalizeCjk(it.str.replace(/\u00a0/g, ' '));
    if (text.trim() === '') continue;
    const x1 = it.x + Math.max(it.width, 0);
    if (cur && it.x - cur.x1 < SAME_SPAN * Math.max(cur.size, it.size)) {
      // A visible gap inside a span is one space (a word break in Latin text or a spaced number).
      cur.text += it.x - cur.x1 > 0.2 * it.size && !/\s$/.test(cur.text) ? ` ${text}` : text;
      cur.x1 = Math.max(cur.x1, x1);
      continue;
    }
    cur = { text, x0: it.x, x1, size: it.size };
    spans.push(cur);
  }
  return spans.map((s) => ({ text: s.text.trim().replace(/\s+/g, ' '), x0: s.x0, x1: s.x1 }));
}

/** Lines of one page, top to bottom. */
export function pageLines(page: PdfPage): Omit<PdfLine, 'no'>[] {
  const items = page.items.filter((i) => i.str.trim() !== '').sort(byPosition);
  const groups: TextItem[][] = [];
  for (const it of items) {
    const g = groups[groups.length - 1];
    const ref = g?.[0];
    if (ref && Math.abs(ref.y - it.y) < SAME_LINE * Math.min(ref.size, it.size)) g.push(it);
    else groups.push([it]);
  }
  const out: Omit<PdfLine, 'no'>[] = [];
  // A page number printed alone at the top or bottom of the page is not part of the text.
  const last = groups.length - 1;
  for (const [k, g] of groups.entries()) {
    if ((k === 0 || k === last) && PAGE_NUMBER.test(g.map((i) => i.str).join(''))) continue;
    g.sort((a, b) => a.x - b.x);
    const spans = spansOf(g);
    if (spans.length === 0) continue;
    out.push({
      page: page.page,
      y: page.height - g[0]!.y,
      size: Math.max(...g.map((i) => i.size)),
      spans,
      text: spans.map((s) => s.text).join('  '),
    });
  }
  return out;
}

/** Every page's lines, numbered from 1 through the document. */
export function layoutLines(pages: PdfPage[]): PdfLine[] {
  const lines: PdfLine[] = [];
  for (const p of pages) for (const l of pageLines(p)) lines.push({ ...l, no: lines.length + 1 });
  return lines;
}

/** The lines as plain text (one per line, spans separated by two spaces), for display and search. */
export function layoutText(lines: PdfLine[]): string {
  return lines.map((l) => l.text).join('\n');
}
