/**
 * The hand-checked PDF fixtures (test/fixtures/pdf/<region>/<document>/): every printed cell of the
 * tables with its page, made by reading the rendered pages (see each NOTES.md), compared with what
 * the reader extracts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseCsv } from '../../src/catalog/csv.ts';
import { extractFile } from '../../src/ingest/index.ts';
import { labelKey } from '../../src/ingest/labels.ts';
import type { Disclosure } from '../../src/model/schema.ts';
import { ROOT } from './fixtures.ts';

export const CORPUS = `${ROOT}../shared/corpus/`;

function csv(path: string): Record<string, string>[] {
  if (!existsSync(path)) return [];
  const rows = parseCsv(readFileSync(path, 'utf8'));
  const header = rows.shift()!;
  return rows
    .filter((r) => r.some((x) => x !== ''))
    .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

export interface PdfFixture {
  region: string;
  name: string;
  pdf: string;
  cells: Record<string, string>[];
  tables: Record<string, string>[];
}

export function pdfFixture(region: string, name: string): PdfFixture {
  const dir = `${ROOT}test/fixtures/pdf/${region}/${name}/`;
  return {
    region,
    name,
    pdf: `${CORPUS}${region}/${name}.pdf`,
    cells: csv(`${dir}cells.csv`),
    tables: csv(`${dir}tables.csv`),
  };
}

const cache = new Map<string, Promise<Disclosure>>();
export function extracted(f: PdfFixture): Promise<Disclosure> {
  let p = cache.get(f.pdf);
  if (!p) {
    p = extractFile(f.pdf);
    cache.set(f.pdf, p);
  }
  return p;
}

/** `table|row|column` → `value@page`, under every name a fixture may use for the row and column. */
export function cellIndex(d: Disclosure): {
  index: Map<string, string>;
  all: { key: string[]; value: string }[];
} {
  const index = new Map<string, string>();
  const all: { key: string[]; value: string }[] = [];
  for (const t of d.tables) {
    const header = new Map(t.columns.map((c) => [c.id, c.header]));
    for (const r of t.rows) {
      for (const c of r.cells) {
        const keys: string[] = [];
        for (const row of new Set([labelKey(r.key), labelKey(r.label)]))
          for (const col of new Set([c.column ?? '?', header.get(c.column ?? '') ?? '?']))
            keys.push(`${t.id}|${row}|${col}`);
        const value = `${c.value}@${c.source.page}`;
        for (const k of keys) index.set(k, value);
        all.push({ key: keys, value });
      }
    }
  }
  return { index, all };
}

/**
 * Differences between a fixture and the extraction: missing or wrong cells, and cells not in the
 * fixture. Row names are compared as labels (list numbers dropped, brackets full-width).
 */
export function compareCells(f: PdfFixture, d: Disclosure, tables?: (id: string) => boolean): string[] {
  const { index, all } = cellIndex(d);
  const out: string[] = [];
  const wanted = new Set<string>();
  for (const c of f.cells) {
    if (tables && !tables(c.table!)) continue;
    const key = `${c.table}|${labelKey(c.row!)}|${c.column}`;
    wanted.add(key);
    const got = index.get(key);
    if (got !== `${c.value}@${c.page}`)
      out.push(`${key}: fixture ${c.value}@${c.page}, extracted ${got ?? 'nothing'}`);
  }
  for (const a of all) {
    if (tables && !tables(a.key[0]!.split('|')[0]!)) continue;
    if (!a.key.some((k) => wanted.has(k))) out.push(`${a.key[0]}: extracted ${a.value}, not in the fixture`);
  }
  return out;
}

/** Cells whose column was not decided by their position on the page (`T3 (1) 15897.44`). */
export function notByPosition(d: Disclosure): string[] {
  return d.tables.flatMap((t) =>
    t.rows.flatMap((r) =>
      r.cells.filter((c) => c.placement !== 'position').map((c) => `${t.id} ${r.key} ${c.value}`),
    ),
  );
}
