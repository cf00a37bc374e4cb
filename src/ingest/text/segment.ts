/** Finding the parts of a document and the tables inside Part 2. */

import type { Template } from '../../templates/schema.ts';
import { squash } from '../normalize.ts';
import { headingsOf, TABLE_NUMBER, TITLE_END, titleId } from '../titles.ts';
import type { Line } from './lines.ts';

export type PartId = 'P1' | 'P2' | 'P3' | 'P4';

export interface Segments {
  parts: Partial<Record<PartId, { start: number; end: number; heading: Line }>>;
  /** narrative parts printed after the tables (template `narrative.continued`), in order */
  continued: { start: number; end: number; heading: Line }[];
  /** index ranges into lines for each template table found */
  tables: { id: string; start: number; end: number }[];
}

export function segment(lines: Line[], template: Template): Segments {
  const heads: { id: PartId; index: number }[] = [];
  const { parts: partRes, byTitle } = headingsOf(template);
  // A heading printed again later wins: the first occurrence of a part heading may be the table of
  // contents.
  const at = new Map<PartId, number>();
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.text.length > 80) continue; // headings are short lines
    const t = l.text.trim();
    const c = t.charCodeAt(0);
    for (const p of partRes) if ((p.first < 0 || p.first === c) && p.re.test(t)) at.set(p.id, i);
  }
  for (const [id, index] of at) heads.push({ id, index });
  heads.sort((a, b) => a.index - b.index);
  const parts: Segments['parts'] = {};
  heads.forEach((h, k) => {
    parts[h.id] = { start: h.index, end: heads[k + 1]?.index ?? lines.length, heading: lines[h.index]! };
  });
  const tables: Segments['tables'] = [];
  const p2 = parts.P2;
  const from = p2 ? p2.start : 0;
  const continued = continuedParts(lines, template, from, p2 ? p2.end : lines.length);
  const to = continued[0]?.start ?? (p2 ? p2.end : (parts.P3?.start ?? lines.length));
  // A table starts at its title; a printed number (表 N) just before the title belongs to it.
  const starts: { id: string; index: number }[] = [];
  for (let i = from; i < to; i++) {
    const text = lines[i]!.text;
    if (text.length > 80) continue;
    // A long title may wrap onto a second line.
    const own = TITLE_END.test(text);
    const nextText = i + 1 < to ? lines[i + 1]!.text : '';
    if (!own && !TITLE_END.test(nextText)) continue;
    const sq = squash(text);
    if (!sq) continue;
    const next = squash(nextText);
    const id =
      (own ? titleId(sq, byTitle) : undefined) ??
      (next && next.length < 20 && !titleId(next, byTitle) ? titleId(sq + next, byTitle) : undefined);
    if (!id || starts.some((s) => s.id === id)) continue;
    let start = i;
    for (let j = i - 1; j >= from && j >= i - 4; j--) {
      const pj = squash(lines[j]!.text);
      if (TABLE_NUMBER.test(pj)) {
        start = j;
        break;
      }
      if (pj) break;
    }
    starts.push({ id, index: start });
  }
  starts.sort((a, b) => a.index - b.index);
  starts.forEach((s, k) => {
    tables.push({ id: s.id, start: s.index, end: starts[k + 1]?.index ?? to });
  });
  return { parts, tables, continued };
}

/**
 * Narrative parts printed after the tables, inside Part 2's range: each starts at a short line
 * matching one of the template's `narrative.continued` headings and runs to the next one.
 */
function continuedParts(lines: Line[], template: Template, from: number, to: number): Segments['continued'] {
  const res = template.narrative.continued.map((r) => new RegExp(r));
  if (res.length === 0) return [];
  const starts: number[] = [];
  for (let i = from; i < to; i++) {
    const t = lines[i]!.text.trim();
    if (t.length > 40 || /[，。；：]/.test(t)) continue;
    if (res.some((re) => re.test(squash(t)))) starts.push(i);
  }
  return starts.map((start, k) => ({ start, end: starts[k + 1] ?? to, heading: lines[start]! }));
}
