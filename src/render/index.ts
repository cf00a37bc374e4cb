/** The document renderers by format: each turns a disclosure into one file's bytes. */
import type { Disclosure } from '../model/schema.ts';
import { renderDocx } from './docx.ts';
import { renderHtml } from './html.ts';
import { renderPdf } from './pdf.ts';
import { renderXlsx } from './xlsx.ts';

export type DocumentFormat = 'html' | 'pdf' | 'docx' | 'xlsx';

export interface Renderer {
  /** file name extension */
  extension: string;
  mime: string;
  render(d: Disclosure): Promise<Uint8Array>;
}

export const RENDERERS: Record<DocumentFormat, Renderer> = {
  html: {
    extension: 'html',
    mime: 'text/html; charset=utf-8',
    render: async (d) => new TextEncoder().encode(renderHtml(d)),
  },
  pdf: { extension: 'pdf', mime: 'application/pdf', render: renderPdf },
  docx: {
    extension: 'docx',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    render: renderDocx,
  },
  xlsx: {
    extension: 'xlsx',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    render: async (d) => new Uint8Array(await renderXlsx(d)),
  },
};

export const DOCUMENT_FORMATS = Object.keys(RENDERERS) as DocumentFormat[];

/** The formats named in a comma-separated list, refusing unknown ones. */
export function parseFormats(list: string): DocumentFormat[] {
  const names = list
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const unknown = names.filter((n) => !(n in RENDERERS));
  if (unknown.length > 0 || names.length === 0) {
    throw new Error(
      `unknown format${unknown.length === 1 ? '' : 's'} ${unknown.join(', ') || '(none given)'}; known: ${DOCUMENT_FORMATS.join(', ')}`,
    );
  }
  return [...new Set(names)] as DocumentFormat[];
}
