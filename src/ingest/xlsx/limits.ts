/**
 * Checks made on a workbook's bytes before a library parses them, so that a hostile file is refused
 * with a clear message in bounded time and memory: the zip directory of an .xlsx (entries, declared
 * and actual uncompressed sizes, cells per sheet) and the OLE container of an .xls (encryption).
 */
import { inflateRawSync } from 'node:zlib';
import { InputError } from '../errors.ts';

/** A workbook of a disclosure is tens to hundreds of KB; 20 MB is ample. */
export const MAX_WORKBOOK_BYTES = 20 * 1024 * 1024;
/**
 * An .xls is parsed whole before its cells can be counted (SheetJS: about 2 s and 100 MB per MB of
 * dense numeric cells), so its bytes are bounded more tightly.
 */
export const MAX_XLS_BYTES = 5 * 1024 * 1024;
/** Everything inside an .xlsx, uncompressed. */
export const MAX_UNZIPPED_BYTES = 64 * 1024 * 1024;
/** Cells in all sheets: a disclosure's tables have a few thousand. */
export const MAX_CELLS = 200_000;
const MAX_ENTRIES = 2000;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

function invalid(detail: string): InputError {
  return new InputError(`not a valid workbook (xlsx): ${detail}`, 'unreadable');
}

interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressed: number;
  size: number;
  offset: number;
}

/** The entries of a zip's central directory, refusing a truncated or inconsistent one. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw invalid('the zip directory is missing (the file is truncated or not a zip)');
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdOffset === 0xffffffff) throw invalid('ZIP64 archives are not supported');
  if (count > MAX_ENTRIES) throw invalid(`${count} entries in the zip (limit ${MAX_ENTRIES})`);
  if (cdOffset + cdSize > eocd) throw invalid('the zip directory points outside the file');
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== CENTRAL) throw invalid('a damaged zip directory');
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const entry: ZipEntry = {
      flags: view.getUint16(p + 8, true),
      method: view.getUint16(p + 10, true),
      compressed: view.getUint32(p + 20, true),
      size: view.getUint32(p + 24, true),
      offset: view.getUint32(p + 42, true),
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen)),
    };
    entries.push(entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function dataOf(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (e.offset + 30 > bytes.length || view.getUint32(e.offset, true) !== LOCAL) {
    throw invalid(`entry ${e.name} is damaged`);
  }
  const start = e.offset + 30 + view.getUint16(e.offset + 26, true) + view.getUint16(e.offset + 28, true);
  if (start + e.compressed > bytes.length) throw invalid(`entry ${e.name} is truncated`);
  return bytes.subarray(start, start + e.compressed);
}

/** How many `<c` cell elements an XML sheet holds. */
function countCells(xml: Uint8Array): number {
  let n = 0;
  const buf = Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength);
  for (let i = buf.indexOf('<c', 0); i >= 0; i = buf.indexOf('<c', i + 2)) {
    const next = buf[i + 2];
    if (next === 0x20 || next === 0x3e || next === 0x2f) n++;
  }
  return n;
}

/**
 * Refuse an .xlsx that is not a zip, is truncated, encrypted, a zip bomb (declared or actual sizes
 * over the limit) or holds more cells than a disclosure could: every entry is inflated once here
 * with its output bounded, before exceljs loads the file.
 */
export function checkXlsx(bytes: Uint8Array): void {
  const entries = zipEntries(bytes);
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) {
    throw invalid('no xl/workbook.xml in the archive (a zip, but not a workbook)');
  }
  let total = 0;
  for (const e of entries) total += e.size;
  if (total > MAX_UNZIPPED_BYTES) {
    throw new InputError(
      `the workbook unpacks to ${(total / 1048576).toFixed(1)} MB (limit ${MAX_UNZIPPED_BYTES / 1048576} MB)`,
      'too-large',
    );
  }
  let cells = 0;
  for (const e of entries) {
    if (e.flags & 1) throw new InputError('the workbook is encrypted (password-protected)', 'encrypted');
    if (e.name.endsWith('/')) continue;
    const raw = dataOf(bytes, e);
    let out: Uint8Array;
    if (e.method === 0) out = raw;
    else if (e.method === 8) {
      try {
        out = inflateRawSync(raw, { maxOutputLength: Math.max(1, e.size) });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
          throw new InputError(
            `the workbook is a zip bomb: ${e.name} unpacks to more than its declared ${e.size} bytes`,
            'too-large',
          );
        }
        throw invalid(`entry ${e.name} cannot be decompressed (${(err as Error).message})`);
      }
    } else throw invalid(`entry ${e.name} uses an unsupported compression method ${e.method}`);
    if (out.length !== e.size) throw invalid(`entry ${e.name} is not the size its directory says`);
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) {
      cells += countCells(out);
      if (cells > MAX_CELLS) {
        throw new InputError(
          `the workbook holds more than ${MAX_CELLS} cells (a disclosure's tables hold a few thousand)`,
          'too-large',
        );
      }
    }
  }
}

/** "EncryptionInfo" in UTF-16LE: the stream an encrypted OOXML file keeps in its OLE container. */
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

/** Refuse an OLE file that is an encrypted workbook (an encrypted .xlsx is stored in OLE). */
export function checkOle(bytes: Uint8Array): void {
  if (bytes.length > MAX_XLS_BYTES) {
    throw new InputError(
      `the workbook is too large for an .xls (${(bytes.length / 1048576).toFixed(1)} MB; limit ${MAX_XLS_BYTES / 1048576} MB)`,
      'too-large',
    );
  }
  if (bytes.length < 512)
    throw new InputError('not a valid workbook (xls): the file is truncated', 'unreadable');
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.indexOf(ENCRYPTION_INFO) >= 0) {
    throw new InputError('the workbook is encrypted (password-protected)', 'encrypted');
  }
}
