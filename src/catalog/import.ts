/** Importing an official catalog file (CSV or XLSX) into the data directory. */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { InputError } from '../ingest/errors.ts';
import { csvLine } from '../render/csv.ts';
import { type CatalogEntry, type CatalogKind, dataDir, entriesFromCsv } from './catalog.ts';

const MAX_BYTES = 50 * 1024 * 1024;

async function xlsxToCsv(bytes: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new InputError('the workbook has no sheet', 'unreadable');
  const lines: string[] = [];
  let header = false;
  ws.eachRow((row) => {
    const values = (row.values as unknown[])
      .slice(1)
      .map((v) => (v === null || v === undefined ? '' : String((v as { text?: string }).text ?? v)));
    // Skip title rows above the header row.
    if (!header && !values.some((v) => /^(code|科目编码|编码|代码)$/i.test(v.trim()))) return;
    header = true;
    lines.push(csvLine(values));
  });
  if (!header)
    throw new InputError('no header row with a code column (科目编码/code) in the first sheet', 'unreadable');
  return lines.join('\n');
}

export async function importCatalog(
  file: string,
  kind: CatalogKind,
  year: number | undefined,
): Promise<{ count: number; path: string }> {
  const bytes = await readFile(file).catch((e: NodeJS.ErrnoException) => {
    throw new InputError(`cannot read ${file}: ${e.code ?? e.message}`, 'unreadable');
  });
  if (bytes.length === 0) throw new InputError(`${file} is empty`, 'empty');
  if (bytes.length > MAX_BYTES) throw new InputError(`${file} is too large (limit 50 MB)`, 'too-large');
  const ext = extname(file).toLowerCase();
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  let text: string;
  if (ext === '.xlsx' || isZip) text = await xlsxToCsv(bytes);
  else if (ext === '.csv' || ext === '.txt') text = bytes.toString('utf8');
  else throw new InputError(`${file}: expected a .csv or .xlsx catalog`, 'unsupported');
  let entries: CatalogEntry[];
  try {
    entries = entriesFromCsv(text, kind, `imported:${basename(file)}`, year);
  } catch (e) {
    throw new InputError(`${file}: ${(e as Error).message}`, 'unreadable');
  }
  const bad = entries.find((e) => !/^\d{3}(\d{2}){0,2}$/.test(e.code) || !e.name);
  if (bad)
    throw new InputError(`${file}: invalid row (code "${bad.code}", name "${bad.name}")`, 'unreadable');
  if (entries.some((e) => !e.from))
    throw new InputError(`${file}: no year column; pass --year`, 'unreadable');
  const dir = join(dataDir(), 'catalogs');
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${kind}-${basename(file, ext)}.json`);
  // Write then rename: an interrupted import never leaves a half-written catalog.
  await writeFile(`${path}.tmp`, JSON.stringify(entries));
  await rename(`${path}.tmp`, path);
  return { count: entries.length, path };
}
