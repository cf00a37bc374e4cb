/** Finding each template column in a table's header, printed in one cell or stacked over lines. */
import type { TableSpec } from '../../../templates/schema.ts';
import { squash } from '../../normalize.ts';
import type { PdfLine, Span } from '../layout.ts';

export interface Anchor {
  column: string;
  /** the header as printed */
  printed: string;
  center: number;
  x1: number;
}

/** A header line's spans, and the words of spans that join several headers printed close together. */
export function headerCells(line: PdfLine): Span[] {
  const out: Span[] = [];
  for (const s of line.spans) {
    out.push(s);
    const words = s.text.split(' ');
    if (words.length < 2) continue;
    let at = 0;
    for (const w of words) {
      const i = s.text.indexOf(w, at);
      at = i + w.length;
      const k = (s.x1 - s.x0) / s.text.length;
      out.push({ text: w, x0: s.x0 + k * i, x1: s.x0 + k * at });
    }
  }
  return out;
}

/** Header cells: single spans and stacks of spans over consecutive lines that overlap in x. */
export function findHeader(header: PdfLine[], text: string, after: number): Anchor | null {
  const want = squash(text);
  let best: Anchor | null = null;
  for (let i = 0; i < header.length; i++) {
    for (const s of headerCells(header[i]!)) {
      const mid = (s.x0 + s.x1) / 2;
      if (mid <= after) continue;
      let acc = squash(s.text);
      let x0 = s.x0;
      let x1 = s.x1;
      let found = acc === want;
      // Stacked cells continue on a later header line below, overlapping in x (lines between may
      // hold other columns' headers).
      for (let j = i + 1; !found && j < header.length && want.startsWith(acc) && j <= i + 8; j++) {
        const next = header[j]!.spans.find((t) => t.x0 < x1 && t.x1 > x0);
        if (!next) continue;
        if (!want.startsWith(acc + squash(next.text))) break;
        acc += squash(next.text);
        x0 = Math.min(x0, next.x0);
        x1 = Math.max(x1, next.x1);
        found = acc === want;
      }
      if (!found) continue;
      const center = (x0 + x1) / 2;
      if (!best || center < best.center) best = { column: text, printed: text, center, x1 };
    }
  }
  return best;
}

/** Anchors for every column of every block, left to right; null for a block whose headers are not all found. */
export function anchorsOf(spec: TableSpec, header: PdfLine[]): (Anchor[] | null)[] {
  let after = -Infinity;
  return spec.blocks.map((b) => {
    const out: Anchor[] = [];
    for (const c of b.columns) {
      let a: Anchor | null = null;
      for (const h of [c.header, ...(c.variants ?? [])]) {
        a = findHeader(header, h, after);
        if (a) break;
      }
      if (!a) return null;
      out.push({ ...a, column: c.id });
      after = a.center;
    }
    return out;
  });
}

export function pathAnchorsOf(paths: string[], header: PdfLine[]): number[] | null {
  const out: number[] = [];
  for (const p of paths) {
    const a = findHeader(header, p, -Infinity);
    if (!a) return null;
    out.push(a.center);
  }
  return out;
}
