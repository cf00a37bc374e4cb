/**
 * Bad workbooks are refused with a clear InputError before a library parses them, in bounded time
 * and memory: not a zip, truncated, not a workbook, encrypted, a zip bomb, too many cells.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError, readWorkbook } from '../../../src/ingest/index.ts';
import { renderXlsx } from '../../../src/render/xlsx.ts';
import { xinjiang } from '../../helpers/fixtures.ts';
import { zip } from '../../helpers/zip-writer.ts';

async function refused(bytes: Uint8Array, code: InputError['code'], message: RegExp): Promise<void> {
  const t0 = Date.now();
  await assert.rejects(readWorkbook(bytes), (e: unknown) => {
    assert.ok(e instanceof InputError, String(e));
    assert.equal(e.code, code);
    assert.match(e.message, message);
    return true;
  });
  assert.ok(Date.now() - t0 < 10_000);
}

const WORKBOOK_XML = Buffer.from('<?xml version="1.0"?><workbook/>');

function ole(extra: Buffer = Buffer.alloc(0)): Uint8Array {
  const b = Buffer.alloc(2048);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b);
  extra.copy(b, 1024);
  return new Uint8Array(b);
}

describe('bad workbooks', () => {
  it('bytes that start like a zip and are not one', () =>
    refused(
      new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]),
      'unreadable',
      /not a valid workbook \(xlsx\): the zip directory is missing/,
    ));
  it('a truncated workbook (the first 60% of a real one)', async () => {
    const good = await renderXlsx(xinjiang());
    await refused(
      new Uint8Array(good.subarray(0, Math.floor(good.length * 0.6))),
      'unreadable',
      /zip directory is missing/,
    );
  });
  it('a zip that is not a workbook', () =>
    refused(
      new Uint8Array(zip([{ name: 'a.txt', data: Buffer.from('hello') }])),
      'unreadable',
      /no xl\/workbook\.xml/,
    ));
  it('a zip whose entries are encrypted', () =>
    refused(
      new Uint8Array(zip([{ name: 'xl/workbook.xml', data: WORKBOOK_XML, flags: 1 }])),
      'encrypted',
      /encrypted \(password-protected\)/,
    ));
  it('an encrypted .xlsx (an OLE container with EncryptionInfo)', () =>
    refused(ole(Buffer.from('EncryptionInfo', 'utf16le')), 'encrypted', /encrypted/));
  it('an .xls over 5 MB is refused before SheetJS parses it', () => {
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(ole());
    return refused(big, 'too-large', /too large for an \.xls \(5\.0 MB; limit 5 MB\)/);
  });
  it('an OLE file that holds no workbook', () =>
    refused(ole(), 'unreadable', /not a valid workbook \(xls\)/));
  it('a zip bomb: an entry that inflates past its declared size', () =>
    refused(
      new Uint8Array(
        zip([
          { name: 'xl/workbook.xml', data: WORKBOOK_XML },
          { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(16 * 1024 * 1024, 0x20), declared: 1000 },
        ]),
      ),
      'too-large',
      /zip bomb: xl\/worksheets\/sheet1\.xml unpacks to more than its declared 1000 bytes/,
    ));
  it('a zip bomb: declared sizes over the limit', () =>
    refused(
      new Uint8Array(
        zip([
          { name: 'xl/workbook.xml', data: WORKBOOK_XML },
          { name: 'xl/sharedStrings.xml', data: Buffer.from('x'), declared: 3_000_000_000 },
        ]),
      ),
      'too-large',
      /unpacks to 2861\.0 MB \(limit 64 MB\)/,
    ));
  it('a huge sheet (200 001 cells) is refused before it is parsed', () => {
    const sheet = Buffer.from(
      `<worksheet><sheetData><row r="1">${'<c r="A1"/>'.repeat(200_001)}</row></sheetData></worksheet>`,
    );
    return refused(
      new Uint8Array(
        zip([
          { name: 'xl/workbook.xml', data: WORKBOOK_XML },
          { name: 'xl/worksheets/sheet1.xml', data: sheet },
        ]),
      ),
      'too-large',
      /more than 200000 cells/,
    );
  });
  it('a workbook with no table of a known template', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('诗').getCell('A1').value = '床前明月光';
    await refused(
      new Uint8Array(await wb.xlsx.writeBuffer()),
      'not-disclosure',
      /no table title of a known template family/,
    );
  });
});
