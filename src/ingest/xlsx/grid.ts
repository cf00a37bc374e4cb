/**
 * A workbook as a neutral grid: sheets of rows of cells (text, or a number with its number format)
 * and the merged ranges. .xlsx is read with exceljs, .xls with @e965/xlsx (SheetJS); both end here,
 * so that finding and reading tables does not depend on the file format.
 */
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { InputError } from '../errors.ts';
import { checkOle, checkXlsx, MAX_CELLS } from './limits.ts';

export interface GridCell {
  /** 0-based row and column */
  r: number;
  c: number;
  /** the text of a text cell; for a number, its plain digits */
  text: string;
  /** the value of a numeric cell */
  num?: number;
  /** the number format of a numeric cell */
  fmt?: string;
}

export interface Merge {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface Sheet {
  name: string;
  /** rows with at least one cell, in order */
  rows: { r: number; cells: Map<number, GridCell> }[];
  merges: Merge[];
}

export interface Grid {
  sheets: Sheet[];
}

/** `C7` for row 6, column 2 (0-based). */
export function address(r: number, c: number): string {
  let col = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26))
    col = String.fromCharCode(65 + ((n - 1) % 26)) + col;
  return `${col}${r + 1}`;
}

function decodeAddress(a: string): { r: number; c: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(a.trim());
  if (!m) return null;
  let c = 0;
  for (const ch of m[1]!) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { r: Number(m[2]) - 1, c: c - 1 };
}

function sheetOf(name: string, cells: GridCell[], merges: Merge[]): Sheet {
  const byRow = new Map<number, Map<number, GridCell>>();
  for (const cell of cells) {
    let row = byRow.get(cell.r);
    if (!row) {
      row = new Map();
      byRow.set(cell.r, row);
    }
    row.set(cell.c, cell);
  }
  const rows = [...byRow.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([r, m]) => ({ r, cells: new Map([...m.entries()].sort((a, b) => a[0] - b[0])) }));
  return { name, rows, merges };
}

type ExcelValue = ExcelJS.CellValue;

/** The text or number an exceljs cell value shows (a formula's cached result). */
function excelValue(v: ExcelValue): { text: string; num?: number } | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? { text: String(v), num: v } : null;
  if (typeof v === 'string') return { text: v };
  if (typeof v === 'boolean') return { text: v ? 'TRUE' : 'FALSE' };
  if (v instanceof Date) return { text: v.toISOString().slice(0, 10) };
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return { text: v.richText.map((t) => t.text).join('') };
    if ('result' in v) return excelValue((v as { result?: ExcelValue }).result ?? null);
    if ('text' in v && typeof (v as { text: unknown }).text === 'string')
      return { text: (v as { text: string }).text };
    if ('error' in v) return { text: String((v as { error: unknown }).error) };
  }
  return null;
}

async function loadXlsx(bytes: Uint8Array): Promise<Grid> {
  checkXlsx(bytes);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch (e) {
    throw new InputError(`not a valid workbook (xlsx): ${(e as Error).message}`, 'unreadable');
  }
  const sheets: Sheet[] = [];
  wb.eachSheet((ws) => {
    const cells: GridCell[] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        if (cell.isMerged && cell.master !== cell) return;
        const v = excelValue(cell.value);
        if (!v) return;
        const g: GridCell = { r: rowNumber - 1, c: colNumber - 1, text: v.text };
        if (v.num !== undefined) {
          g.num = v.num;
          if (cell.numFmt) g.fmt = cell.numFmt;
        }
        cells.push(g);
      });
    });
    const merges: Merge[] = [];
    for (const range of (ws.model as { merges?: string[] }).merges ?? []) {
      const [a, b] = range.split(':');
      const s = a ? decodeAddress(a) : null;
      const e = b ? decodeAddress(b) : s;
      if (s && e) merges.push({ r0: s.r, c0: s.c, r1: e.r, c1: e.c });
    }
    sheets.push(sheetOf(ws.name, cells, merges));
  });
  return { sheets };
}

function loadXls(bytes: Uint8Array): Grid {
  checkOle(bytes);
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: 'array', cellNF: true, cellDates: false, dense: false });
  } catch (e) {
    const msg = (e as Error).message;
    if (/password-protected/i.test(msg)) {
      throw new InputError('the workbook is encrypted (password-protected)', 'encrypted');
    }
    throw new InputError(`not a valid workbook (xls): ${msg}`, 'unreadable');
  }
  const sheets: Sheet[] = [];
  let count = 0;
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    if (!ws) continue;
    const cells: GridCell[] = [];
    for (const key of Object.keys(ws)) {
      if (key.startsWith('!')) continue;
      const at = decodeAddress(key);
      const cell = ws[key] as XLSX.CellObject;
      if (!at || !cell) continue;
      if (++count > MAX_CELLS) {
        throw new InputError(
          `the workbook holds more than ${MAX_CELLS} cells (a disclosure's tables hold a few thousand)`,
          'too-large',
        );
      }
      if (cell.t === 'n' && typeof cell.v === 'number' && Number.isFinite(cell.v)) {
        const g: GridCell = { r: at.r, c: at.c, text: String(cell.v), num: cell.v };
        if (typeof cell.z === 'string') g.fmt = cell.z;
        cells.push(g);
      } else if (cell.t === 's') {
        cells.push({ r: at.r, c: at.c, text: String(cell.v ?? '') });
      } else if (cell.t === 'b') cells.push({ r: at.r, c: at.c, text: cell.v ? 'TRUE' : 'FALSE' });
      else if (cell.w) cells.push({ r: at.r, c: at.c, text: cell.w });
    }
    const merges = (ws['!merges'] ?? []).map((m) => ({ r0: m.s.r, c0: m.s.c, r1: m.e.r, c1: m.e.c }));
    sheets.push(sheetOf(name, cells, merges));
  }
  return { sheets };
}

/** Load a workbook's cells, refusing what is not a readable workbook. */
export async function loadGrid(bytes: Uint8Array, kind: 'xlsx' | 'xls'): Promise<Grid> {
  return kind === 'xlsx' ? await loadXlsx(bytes) : loadXls(bytes);
}
