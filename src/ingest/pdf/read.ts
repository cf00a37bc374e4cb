/**
 * The PDF reader: pages → positioned lines → the same readers as for text, except that tables are
 * read by position (./grid.ts), so that every cell carries its page and position.
 */
import { createHash } from 'node:crypto';
import { loadCatalog } from '../../catalog/catalog.ts';
import type { Disclosure } from '../../model/schema.ts';
import type { Template } from '../../templates/schema.ts';
import { readTextDisclosure } from '../text/read.ts';
import { readPdfTable } from './grid.ts';
import { layoutLines, type PdfLine } from './layout.ts';
import type { PdfPage } from './load.ts';

/** The first line of each page (a page without text starts where the next one does). */
function pageStarts(lines: PdfLine[], pages: number): number[] {
  const out = new Array<number>(pages).fill(0);
  for (let i = lines.length - 1; i >= 0; i--) out[lines[i]!.page - 1] = lines[i]!.no;
  for (let p = pages - 2; p >= 0; p--) if (out[p] === 0) out[p] = out[p + 1] || lines.length + 1;
  return out;
}

export function readPdfDisclosure(
  bytes: Uint8Array,
  pages: PdfPage[],
  template: Template,
  file: string | null,
  lines: PdfLine[] = layoutLines(pages),
): Disclosure {
  const catalog = loadCatalog();
  return readTextDisclosure('', template, {
    lines,
    readTable: (spec, all, start, end) => readPdfTable(spec, all as PdfLine[], start, end, catalog),
    source: {
      file,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      format: 'pdf',
      bytes: bytes.length,
      lines: lines.length,
      pages: pages.length,
      pageStarts: pageStarts(lines, pages.length),
    },
  });
}
