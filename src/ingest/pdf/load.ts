/**
 * Opening a PDF with pdf.js (legacy build, no browser) and taking each page's text items with their
 * positions. Everything pdf.js needs (character maps, standard fonts) is read from the installed
 * package: nothing is fetched. Bad PDFs (encrypted, corrupt, image-only, too many pages, too slow)
 * are refused with one clear line; the document is always destroyed, so no memory is kept.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { InputError } from '../errors.ts';

/** A text run as pdf.js gives it, in PDF user space (origin bottom left, y up). */
export interface TextItem {
  str: string;
  x: number;
  /** baseline */
  y: number;
  width: number;
  /** font size (the text matrix scale) */
  size: number;
}

export interface PdfPage {
  /** 1-based */
  page: number;
  width: number;
  height: number;
  items: TextItem[];
}

export interface PdfLimits {
  /** refuse documents with more pages than this */
  maxPages: number;
  /** stop after this much wall time */
  maxMs: number;
  /** refuse a page with more text items than this (hostile content streams) */
  maxItemsPerPage: number;
}

export const PDF_LIMITS: PdfLimits = { maxPages: 500, maxMs: 60_000, maxItemsPerPage: 50_000 };
/** A disclosure PDF is a few MB at most; 50 MB is ample. */
export const MAX_PDF_BYTES = 50 * 1024 * 1024;

/** The installed pdf.js package directory (character maps and fonts are read from it). */
const pkg = `${dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))}/`;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;
function library(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

function refusal(e: unknown): InputError {
  const name = (e as { name?: string }).name ?? '';
  const message = ((e as Error).message ?? String(e)).split('\n')[0]!;
  if (name === 'PasswordException') {
    return new InputError('the PDF is encrypted with a password: it cannot be read without it', 'encrypted');
  }
  if (name === 'InvalidPDFException') return new InputError(`not a valid PDF: ${message}`, 'unreadable');
  return new InputError(`the PDF cannot be read: ${message}`, 'unreadable');
}

/** Read every page's text items. */
export async function loadPdf(bytes: Uint8Array, limits: PdfLimits = PDF_LIMITS): Promise<PdfPage[]> {
  if (bytes.length > MAX_PDF_BYTES) {
    throw new InputError(
      `the PDF is too large (${(bytes.length / 1048576).toFixed(1)} MB; limit ${MAX_PDF_BYTES / 1048576} MB)`,
      'too-large',
    );
  }
  const { getDocument } = await library();
  const started = Date.now();
  // pdf.js takes ownership of (and may detach) the buffer it is given: pass a copy.
  const task = getDocument({
    data: bytes.slice(),
    cMapUrl: `${pkg}cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${pkg}standard_fonts/`,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => {});
    throw refusal(e);
  }
  try {
    if (doc.numPages > limits.maxPages) {
      throw new InputError(`the PDF has ${doc.numPages} pages; limit ${limits.maxPages}`, 'too-large');
    }
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      if (Date.now() - started > limits.maxMs) {
        throw new InputError(
          `reading the PDF took longer than ${limits.maxMs / 1000} s (stopped at page ${n} of ${doc.numPages})`,
          'too-large',
        );
      }
      let page: Awaited<ReturnType<typeof doc.getPage>>;
      let content: Awaited<ReturnType<typeof page.getTextContent>>;
      try {
        page = await doc.getPage(n);
        content = await page.getTextContent();
      } catch (e) {
        if (e instanceof InputError) throw e;
        throw refusal(e);
      }
      if (content.items.length > limits.maxItemsPerPage) {
        throw new InputError(
          `page ${n} of the PDF holds ${content.items.length} text runs (limit ${limits.maxItemsPerPage}): not a disclosure page`,
          'too-large',
        );
      }
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const items: TextItem[] = [];
      for (const it of content.items) {
        if (!('str' in it) || it.str === '') continue;
        const [a, b, , , e, f] = it.transform as number[];
        items.push({ str: it.str, x: e! - x0, y: f! - y0, width: it.width, size: Math.hypot(a!, b!) });
      }
      pages.push({ page: n, width: x1 - x0, height: y1 - y0, items });
      page.cleanup();
    }
    if (pages.every((p) => p.items.every((i) => i.str.trim() === ''))) {
      throw new InputError(
        `the PDF has no text layer (${pages.length} pages of images): it needs OCR before it can be read`,
        'no-text',
      );
    }
    return pages;
  } finally {
    await doc.destroy().catch(() => {});
  }
}
