/**
 * A Disclosure reduced to what it says, for comparing a composed document with its plain text read
 * back. Left out, because they describe where or how something was printed rather than what:
 * the document's source (file, hash, format), every `source` location, a section's `lineStarts`, a
 * row's `raw` text (the layout of the line), an indicator's `placement` notes (how the reader decided
 * a field) and the reader's `problems` (each listed separately by the tests, and expected empty).
 * Rows of a table printed in two blocks side by side are taken block by block: the reader meets them
 * interleaved, line by line.
 */
import type { Disclosure } from '../model/schema.ts';

/** Keys left out everywhere; `raw` only on rows (a cell's, a quantity's and a claim's raw is content). */
export const CANONICAL_DROPS = ['source', 'lineStarts', 'placement', 'row.raw'];

function strip(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(strip);
  if (v && typeof v === 'object') {
    const isRow = 'cells' in v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (k === 'source' || k === 'lineStarts' || k === 'placement' || (k === 'raw' && isRow)) continue;
      out[k] = strip(x);
    }
    return out;
  }
  return v;
}

export function canonical(d: Disclosure): unknown {
  const { source: _source, problems: _problems, ...rest } = d;
  const tables = rest.tables.map((t) => {
    const blocks = [...new Set(t.columns.map((c) => c.block))];
    if (blocks.length < 2) return t;
    const rows = blocks.flatMap((b) => t.rows.filter((r) => r.block === b));
    return { ...t, rows };
  });
  return strip({ ...rest, tables });
}
