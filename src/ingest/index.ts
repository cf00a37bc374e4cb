/** Reading a disclosure from a file or a string into the model. */
import { open, stat } from 'node:fs/promises';
import type { Disclosure } from '../model/schema.ts';
import { getTemplate, templates } from '../templates/index.ts';
import { chooseTemplate, decodeText, MAX_TEXT_BYTES, sniff } from './detect.ts';
import { InputError } from './errors.ts';
import { layoutLines } from './pdf/layout.ts';
import { loadPdf, MAX_PDF_BYTES } from './pdf/load.ts';
import { readPdfDisclosure } from './pdf/read.ts';
import { splitLines } from './text/lines.ts';
import { readTextDisclosure } from './text/read.ts';
import { MAX_WORKBOOK_BYTES } from './xlsx/limits.ts';
import { readWorkbook } from './xlsx/read.ts';

export { InputError } from './errors.ts';
export { readWorkbook } from './xlsx/read.ts';

export interface ExtractOptions {
  /** Template id; detected from the document when absent. */
  template?: string;
  file?: string | null;
}

function namedTemplate(id: string) {
  try {
    return getTemplate(id);
  } catch (e) {
    throw new InputError((e as Error).message, 'unsupported');
  }
}

/** Read a text document (already decoded). */
export function extractText(content: string, options: ExtractOptions = {}): Disclosure {
  if (content.trim() === '') throw new InputError('the document is empty', 'empty');
  const lines = splitLines(content);
  const template = options.template
    ? namedTemplate(options.template)
    : chooseTemplate(
        lines.map((l) => l.text),
        templates(),
      );
  return readTextDisclosure(content, template, { file: options.file ?? null, lines });
}

/** Read a document from bytes, refusing what is not a readable text disclosure. */
export function extractBytes(bytes: Uint8Array, options: ExtractOptions = {}): Disclosure {
  if (bytes.length === 0) throw new InputError('the file is empty (0 bytes)', 'empty');
  if (bytes.length > MAX_TEXT_BYTES) {
    throw new InputError(
      `the file is too large (${(bytes.length / 1048576).toFixed(1)} MB; limit ${MAX_TEXT_BYTES / 1048576} MB)`,
      'too-large',
    );
  }
  const kind = sniff(bytes.subarray(0, 8192));
  if (kind === 'pdf') throw new InputError('a PDF is read with extractPdf or extractFile', 'unsupported');
  if (kind === 'xlsx' || kind === 'xls') {
    throw new InputError(`a workbook (${kind}) is read with readWorkbook or extractFile`, 'unsupported');
  }
  if (kind === 'binary') throw new InputError('a binary file, not a text document', 'binary');
  const d = extractText(decodeText(bytes), options);
  d.source.bytes = bytes.length;
  return d;
}

/** Read a PDF: its text layer with positions, tables by position. */
export async function extractPdf(bytes: Uint8Array, options: ExtractOptions = {}): Promise<Disclosure> {
  const pages = await loadPdf(bytes);
  const lines = layoutLines(pages);
  const template = options.template
    ? namedTemplate(options.template)
    : chooseTemplate(
        lines.map((l) => l.text),
        templates(),
      );
  return readPdfDisclosure(bytes, pages, template, options.file ?? null, lines);
}

/** Read a document of any supported kind from its bytes: PDF, workbook (.xlsx, .xls) or text. */
export async function extractAny(bytes: Uint8Array, options: ExtractOptions = {}): Promise<Disclosure> {
  const kind = sniff(bytes.subarray(0, 8));
  if (kind === 'pdf') {
    if (bytes.length > MAX_PDF_BYTES) throw tooLarge(bytes.length, MAX_PDF_BYTES);
    return extractPdf(bytes, options);
  }
  if (kind === 'xlsx' || kind === 'xls') {
    if (bytes.length > MAX_WORKBOOK_BYTES) throw tooLarge(bytes.length, MAX_WORKBOOK_BYTES);
    return readWorkbook(bytes, options);
  }
  return extractBytes(bytes, options);
}

function tooLarge(size: number, limit: number): InputError {
  return new InputError(
    `the file is too large (${(size / 1048576).toFixed(1)} MB; limit ${limit / 1048576} MB)`,
    'too-large',
  );
}

/** Read a file, checking its size before reading it. */
export async function extractFile(path: string, options: ExtractOptions = {}): Promise<Disclosure> {
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new InputError(`${path} is not a file`, 'unreadable');
    size = s.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(
      `cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      'unreadable',
    );
  }
  const fh = await open(path, 'r');
  try {
    // The first bytes say whether it is a PDF or a workbook, whose size limits are larger.
    const head = new Uint8Array(8);
    await fh.read(head, 0, 8, 0);
    const kind = sniff(head);
    const pdf = kind === 'pdf';
    const workbook = kind === 'xlsx' || kind === 'xls';
    const limit = pdf ? MAX_PDF_BYTES : workbook ? MAX_WORKBOOK_BYTES : MAX_TEXT_BYTES;
    if (size > limit) throw tooLarge(size, limit);
    const bytes = new Uint8Array(size);
    let off = 0;
    while (off < size) {
      const { bytesRead } = await fh.read(bytes, off, size - off, off);
      if (bytesRead === 0) break;
      off += bytesRead;
    }
    return await extractAny(bytes.subarray(0, off), { ...options, file: options.file ?? path });
  } finally {
    await fh.close();
  }
}
