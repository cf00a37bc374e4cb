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
    },
  });
}
