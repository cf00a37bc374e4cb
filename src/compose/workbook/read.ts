/**
 * Reading a facts workbook (./write.ts, or one a preparer filled in) back into Facts. The sheets are
 * found by name and their columns by header, so that a workbook that also holds a document's tables
 * (gongkai extract --format xlsx) is read the same and its table sheets ignored. Every problem names
 * its sheet, cell and text; nothing is guessed. The bytes are checked for hostile input first
 * (src/ingest/xlsx/limits.ts, through loadGrid).
 */
import { ZodError } from 'zod';
import { sniff } from '../../ingest/detect.ts';
import { InputError } from '../../ingest/errors.ts';
import { address, type Grid, type GridCell, loadGrid, type Sheet } from '../../ingest/xlsx/grid.ts';
import { Facts } from '../facts.ts';
import { readCell } from './cells.ts';
import { CLASS_HEADER } from './codes.ts';
import { type ColumnSpec, FIELD_HEADERS, SHEETS, type SheetSpec } from './layout.ts';
import { factsOf, type Place, type ReadRows, type RowPlace, type SheetRow } from './map.ts';

/** Problems listed in one message at most; the rest are counted. */
const MAX_LISTED = 20;

interface Problem {
  place: Place;
  message: string;
}

const where = (p: Place) => (p.cell ? `${p.sheet}!${p.cell}` : p.sheet);

function fail(problems: Problem[]): never {
  const lines = problems.slice(0, MAX_LISTED).map((p) => `${where(p.place)}: ${p.message}`);
  if (problems.length > MAX_LISTED) lines.push(`… and ${problems.length - MAX_LISTED} more`);
  throw new InputError(`the facts workbook has problems:\n  ${lines.join('\n  ')}`, 'unreadable');
}

const cellText = (c: GridCell | undefined) => (c ? (c.num !== undefined ? String(c.num) : c.text) : '');

/** The columns of a list sheet by header (row 1): the declared ones, and 项目's economic 类 columns. */
function columnsOf(spec: SheetSpec, sheet: Sheet, problems: Problem[]): Map<number, ColumnSpec> {
  const header = sheet.rows.find((r) => r.r === 0);
  const byText = new Map<string, number>();
  for (const [c, cell] of header?.cells ?? []) byText.set(cellText(cell).trim(), c);
  const out = new Map<number, ColumnSpec>();
  for (const col of spec.columns) {
    const c = byText.get(col.header);
    if (c === undefined)
      problems.push({
        place: { sheet: sheet.name, cell: '1:1', raw: '' },
        message: `the column 「${col.header}」 is missing from the header row`,
      });
    else out.set(c, col);
  }
  if (spec.name === '项目')
    for (const [text, c] of byText) {
      const m = CLASS_HEADER.exec(text);
      if (m) out.set(c, { header: text, key: `amounts.${m[1]}`, kind: 'amount' });
    }
  return out;
}

function place(sheet: Sheet, r: number, c: number, cell: GridCell | undefined): Place {
  return { sheet: sheet.name, cell: address(r, c), raw: cellText(cell) };
}

function readList(spec: SheetSpec, sheet: Sheet, problems: Problem[]): ReadRows {
  const cols = columnsOf(spec, sheet, problems);
  const out: ReadRows = { rows: [], places: [] };
  for (const row of sheet.rows) {
    if (row.r === 0) continue;
    const values: SheetRow = {};
    const cells: RowPlace['cells'] = {};
    const blanks: [ColumnSpec, number][] = [];
    let any = false;
    for (const [c, col] of cols) {
      const cell = row.cells.get(c);
      const read = readCell(col, cell);
      if (read === null) {
        if (col.required) blanks.push([col, c]);
        continue;
      }
      any = true;
      const at = place(sheet, row.r, c, cell);
      if ('error' in read) problems.push({ place: at, message: read.error });
      else {
        values[col.key] = read.value;
        cells[col.key] = at;
      }
    }
    if (!any) continue;
    // the row's first entry says which row it is (上年数: 基本支出)
    const label = [...row.cells.values()].map(cellText).find((t) => t.trim());
    for (const [col, c] of blanks)
      problems.push({
        place: place(sheet, row.r, c, undefined),
        message: `empty: 「${col.header}」 is required${label ? `（${label.trim()}）` : ''}`,
      });
    const first = Math.min(...cols.keys());
    const raw = [...row.cells.values()].map(cellText).join(' | ');
    out.rows.push(values);
    out.places.push({ row: { sheet: sheet.name, cell: address(row.r, first), raw }, cells });
  }
  return out;
}

function readFields(spec: SheetSpec, sheet: Sheet, grid: Grid, problems: Problem[]): ReadRows {
  const values: SheetRow = {};
  const cells: RowPlace['cells'] = {};
  const found: Problem[] = [];
  const blanks: Problem[] = [];
  for (const col of spec.columns) {
    const row = sheet.rows.find((r) => cellText(r.cells.get(0)).trim() === col.header);
    if (!row) {
      found.push({
        place: { sheet: sheet.name, cell: '', raw: '' },
        message: `the row 「${col.header}」 is missing (column A names the field, column B holds it)`,
      });
      continue;
    }
    const cell = row.cells.get(1);
    const at = place(sheet, row.r, 1, cell);
    const read = readCell(col, cell);
    if (read === null) {
      if (col.required) blanks.push({ place: at, message: `empty: 「${col.header}」 is required` });
    } else if ('error' in read) found.push({ place: at, message: read.error });
    else {
      values[col.key] = read.value;
      cells[col.key] = at;
    }
  }
  const companion = spec.optional?.unless;
  const given =
    Object.keys(values).length > 0 ||
    found.some((p) => p.place.cell) ||
    (companion !== undefined && (grid.sheets.find((s) => s.name === companion)?.rows.length ?? 0) > 1);
  problems.push(...found);
  if (!spec.optional || given) problems.push(...blanks);
  return { rows: [values], places: [{ row: { sheet: sheet.name, cell: 'B2', raw: '' }, cells }] };
}

/** The facts sheets a workbook lacks (all of them: it is not a facts workbook). */
export function missingFactsSheets(grid: Grid): string[] {
  const names = new Set(grid.sheets.map((s) => s.name));
  return SHEETS.filter((s) => !names.has(s.name)).map((s) => s.name);
}

/** The place a schema issue is about: its path, or the nearest enclosing path that has one. */
function placeOf(path: PropertyKey[], places: Map<string, Place>): Place | undefined {
  for (let n = path.length; n > 0; n--) {
    const hit = places.get(path.slice(0, n).map(String).join('.'));
    if (hit) return hit;
  }
  return undefined;
}

/** Facts from a grid that holds the facts sheets. */
export function factsFromGrid(grid: Grid): Facts {
  const missing = missingFactsSheets(grid);
  if (missing.length === SHEETS.length)
    throw new InputError(
      `not a facts workbook: none of its sheets (${SHEETS.map((s) => s.name).join('、')}) is in the file; write one with \`gongkai workbook --template ID --out FILE.xlsx\``,
      'not-disclosure',
    );
  if (missing.length)
    throw new InputError(
      `not a complete facts workbook: the sheets ${missing.join('、')} are missing`,
      'unreadable',
    );
  const problems: Problem[] = [];
  const sheets = new Map<string, ReadRows>();
  for (const spec of SHEETS) {
    const sheet = grid.sheets.find((s) => s.name === spec.name)!;
    if (spec.form === 'fields') {
      const header = sheet.rows.find((r) => r.r === 0);
      if (cellText(header?.cells.get(1)).trim() !== FIELD_HEADERS[1])
        problems.push({
          place: { sheet: sheet.name, cell: 'B1', raw: cellText(header?.cells.get(1)) },
          message: `column B should be 「${FIELD_HEADERS[1]}」`,
        });
    }
    sheets.set(
      spec.name,
      spec.form === 'fields' ? readFields(spec, sheet, grid, problems) : readList(spec, sheet, problems),
    );
  }
  // what the rows say together (a key given twice, an indicator of no project), beside the cells'
  // own problems; a cell is named once
  const places = new Map<string, Place>();
  const joined: Problem[] = [];
  const input = factsOf(sheets, places, joined);
  const named = new Set(problems.map((p) => where(p.place)));
  problems.push(...joined.filter((p) => !named.has(where(p.place))));
  if (problems.length) fail(problems);
  try {
    return Facts.parse(input);
  } catch (e) {
    if (!(e instanceof ZodError)) throw e;
    fail(
      e.issues.map((i) => {
        const at = placeOf(i.path, places);
        const path = i.path.join('.') || '(root)';
        return at
          ? { place: at, message: `${at.raw ? `"${at.raw}": ` : ''}${i.message} (${path})` }
          : { place: { sheet: path, cell: '', raw: '' }, message: i.message };
      }),
    );
  }
}

/** Read a facts workbook (.xlsx, or .xls saved from one) into Facts. */
export async function readFactsWorkbook(bytes: Uint8Array): Promise<Facts> {
  if (bytes.length === 0) throw new InputError('the file is empty (0 bytes)', 'empty');
  const kind = sniff(bytes.subarray(0, 8));
  if (kind !== 'xlsx' && kind !== 'xls')
    throw new InputError('not a workbook (.xlsx or .xls)', 'unsupported');
  return factsFromGrid(await loadGrid(bytes, kind));
}
