/**
 * A disclosure's tables as a workbook laid out like the printed tables: one sheet per table of the
 * template, in template order; the title merged across, 编制单位 and 单位 under it, the header with
 * merged cells (income | expenditure blocks, a parent header over its columns), codes as text,
 * amounts as numbers shown at the precision they were printed (`#,##0.00` for the usual two
 * decimals), blank cells blank. A readme sheet says where the tables came from. The workbook reads
 * back into the same tables (src/ingest/xlsx).
 */
import ExcelJS from 'exceljs';
import { squash } from '../ingest/normalize.ts';
import { headingsOf, TABLE_NUMBER, titleId } from '../ingest/titles.ts';
import { UNPLACED_HEADER } from '../ingest/xlsx/header.ts';
import { README_KEYS, README_SHEET } from '../ingest/xlsx/readme.ts';
import type { Cell, Disclosure, Row, Table } from '../model/schema.ts';
import { parseNumber } from '../money/index.ts';
import { getTemplate } from '../templates/index.ts';
import type { BlockSpec, TableSpec, Template } from '../templates/schema.ts';
import { tableLayout } from './layout.ts';

type Role = 'code' | 'name' | 'project' | 'label' | 'path' | 'amount' | 'unplaced';

interface Col {
  role: Role;
  block: BlockSpec | null;
  header: string;
  parent?: string;
  /** template column id (amounts) or path index (paths) */
  id?: string;
  index?: number;
}

const GROUP: Record<string, string> = { income: '收入' };

function labelCols(b: BlockSpec): Col[] {
  if (b.rows === 'lines') return [{ role: 'label', block: b, header: '项目' }];
  if (b.rows === 'paths')
    return (b.paths ?? []).map((p, index) => ({ role: 'path', block: b, header: p, index }));
  const out: Col[] = [
    { role: 'code', block: b, header: '科目编码' },
    { role: 'name', block: b, header: '科目名称' },
  ];
  if (b.rows === 'projects') out.push({ role: 'project', block: b, header: '项目名称' });
  return out;
}

function layout(spec: TableSpec, table: Table, unplaced: boolean): Col[] {
  const cols: Col[] = [];
  for (const b of spec.blocks) {
    cols.push(...labelCols(b));
    for (const c of b.columns) {
      const printed = table.columns.find((x) => x.id === c.id && (x.block ?? b.id) === b.id)?.header;
      const col: Col = { role: 'amount', block: b, header: printed ?? c.header, id: c.id };
      if (c.id.includes('/')) col.parent = c.id.slice(0, c.id.lastIndexOf('/'));
      cols.push(col);
    }
  }
  if (unplaced) cols.push({ role: 'unplaced', block: null, header: UNPLACED_HEADER });
  return cols;
}

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function decimalsOf(value: string): number {
  return value.split('.')[1]?.length ?? 0;
}

/** Sheet names: table number and short title, at most 31 characters, no forbidden characters, unique. */
function sheetName(spec: TableSpec, table: Table, used: Set<string>): string {
  const raw = (table.number ?? spec.number ?? spec.id).replace(/\s+/g, '');
  const number = /^\d+$/.test(raw) ? `表${raw}` : raw;
  const base = `${number} ${spec.titles[0] ?? ''}`
    .replace(/[[\]\\/?*:']/g, '')
    .slice(0, 31)
    .trim();
  let name = base;
  for (let n = 2; used.has(name) || name === README_SHEET; n++) name = `${base.slice(0, 27)}(${n})`;
  used.add(name);
  return name;
}

function writeAmount(cell: ExcelJS.Cell, c: Cell): void {
  const parsed = parseNumber(c.raw);
  if (parsed?.blank) {
    cell.value = c.raw.trim();
    cell.alignment = { horizontal: 'right' };
    return;
  }
  const d = decimalsOf(c.value);
  cell.value = Number(c.value);
  cell.numFmt = d === 0 ? '#,##0' : `#,##0.${'0'.repeat(d)}`;
}

function writeTable(ws: ExcelJS.Worksheet, template: Template, spec: TableSpec, table: Table): void {
  const hasUnplaced = table.rows.some((r) => r.cells.some((c) => c.column === null));
  const cols = layout(spec, table, hasUnplaced);
  const width = cols.length;
  let r = 1;
  // A title the template does not know (a reader that kept the table number as the title) is
  // written as the number over the template's title, so that the table is found again.
  const known = titleId(squash(table.title), headingsOf(template).byTitle) === spec.id;
  const number = table.number ?? (!known && TABLE_NUMBER.test(squash(table.title)) ? table.title : undefined);
  if (number) ws.getCell(r++, 1).value = number;
  const title = ws.getCell(r, 1);
  title.value = known ? table.title : spec.titles[0]!;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.mergeCells(r, 1, r, width);
  r++;
  if (table.unitName) ws.getCell(r, 1).value = `编制单位：${table.unitName}`;
  const unit = ws.getCell(r, width);
  unit.value = `单位：${table.unit ?? spec.unit}`;
  unit.alignment = { horizontal: 'right' };
  r++;
  // Header: block groups, parents, leaves.
  const grouped = spec.blocks.length > 1;
  const parents = cols.some((c) => c.parent);
  const top = r;
  const leaf = top + (grouped ? 1 : 0) + (parents ? 1 : 0);
  if (grouped) {
    for (const b of spec.blocks) {
      const idx = cols.flatMap((c, i) => (c.block === b ? [i + 1] : []));
      ws.getCell(top, idx[0]!).value = GROUP[b.id] ?? '支出';
      if (idx.length > 1) ws.mergeCells(top, idx[0]!, top, idx[idx.length - 1]!);
    }
  }
  const below = grouped ? top + 1 : top;
  for (let i = 0; i < width; i++) {
    const c = cols[i]!;
    if (c.parent) {
      ws.getCell(leaf, i + 1).value = c.header;
      const prev = cols[i - 1];
      if (prev?.parent === c.parent && prev.block === c.block) continue;
      ws.getCell(below, i + 1).value = c.parent;
      let j = i;
      while (j + 1 < width && cols[j + 1]!.parent === c.parent && cols[j + 1]!.block === c.block) j++;
      if (j > i) ws.mergeCells(below, i + 1, below, j + 1);
      continue;
    }
    ws.getCell(below, i + 1).value = c.header;
    if (leaf > below) ws.mergeCells(below, i + 1, leaf, i + 1);
  }
  for (let rr = top; rr <= leaf; rr++) {
    for (let i = 1; i <= width; i++) {
      const cell = ws.getCell(rr, i);
      cell.font = { bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = BORDER;
    }
  }
  r = leaf + 1;
  // Body: blocks side by side; rows keep the model's order read line by line, left to right.
  const lines: (Row | undefined)[][] = [];
  for (const row of table.rows) {
    const bi = Math.max(
      0,
      spec.blocks.findIndex((b) => b.id === (row.block ?? spec.blocks[0]!.id)),
    );
    const last = lines[lines.length - 1];
    if (last?.every((x, i) => !x || i < bi)) last[bi] = row;
    else {
      const line: (Row | undefined)[] = spec.blocks.map(() => undefined);
      line[bi] = row;
      lines.push(line);
    }
  }
  for (const line of lines) {
    const unplaced: string[] = [];
    spec.blocks.forEach((b, bi) => {
      const row = line[bi];
      if (row) writeRow(ws, r, cols, b, row, unplaced);
    });
    if (hasUnplaced && unplaced.length > 0) ws.getCell(r, width).value = unplaced.join('；');
    for (let i = 1; i <= width; i++) ws.getCell(r, i).border = BORDER;
    r++;
  }
  if (table.statement) {
    const cell = ws.getCell(r, 1);
    cell.value = table.statement;
    cell.alignment = { wrapText: true, vertical: 'top' };
    ws.mergeCells(r, 1, r, width);
    ws.getRow(r).height = 15 * Math.max(1, Math.ceil(table.statement.length / (width * 8)));
  }
  cols.forEach((c, i) => {
    ws.getColumn(i + 1).width =
      c.role === 'name' || c.role === 'label' || c.role === 'project' || c.role === 'path'
        ? 30
        : c.role === 'code'
          ? 12
          : 16;
  });
  ws.views = [{ state: 'frozen', ySplit: leaf }];
  // Wrapped headers get the height of their lines (a converter does not grow rows of merged cells);
  // a CJK character is two units of column width.
  let headerLines = 1;
  for (let rr = top; rr <= leaf; rr++)
    for (let i = 1; i <= width; i++) {
      const cell = ws.getCell(rr, i);
      if (cell.isMerged && cell.master !== cell) continue;
      const chars = String(cell.value ?? '').length;
      headerLines = Math.max(
        headerLines,
        Math.ceil((chars * 2) / Math.max(1, (ws.getColumn(i).width ?? 10) - 2)),
      );
    }
  ws.getRow(leaf).height = 15 * headerLines;
  // Printed as the PDF prints it: A4, wide tables landscape, one page wide, the header on each page.
  ws.pageSetup = {
    paperSize: 9,
    orientation: tableLayout(table, template).landscape ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    printTitlesRow: `${top}:${leaf}`,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

function writeRow(
  ws: ExcelJS.Worksheet,
  r: number,
  cols: Col[],
  b: BlockSpec,
  row: Row,
  unplaced: string[],
): void {
  const at = (role: Role, index?: number) =>
    cols.findIndex((c) => c.block === b && c.role === role && (index === undefined || c.index === index)) + 1;
  if (b.rows === 'lines') {
    if (row.label) ws.getCell(r, at('label')).value = row.label;
  } else if (b.rows === 'paths') {
    const parts = row.label.split('/');
    const depth = row.kind === 'total' ? 0 : row.key.split('/').length;
    const first = Math.max(0, depth - parts.length);
    if (row.kind === 'total') ws.getCell(r, at('path', 0)).value = row.label;
    else
      parts.forEach((p, i) => {
        if (p) ws.getCell(r, at('path', first + i)).value = p;
      });
  } else if (row.kind === 'total' || !row.code) {
    const c = at('code');
    ws.getCell(r, c).value = row.label;
    if (row.kind === 'total') ws.mergeCells(r, c, r, at('name'));
  } else {
    const code = ws.getCell(r, at('code'));
    code.value = row.code;
    code.numFmt = '@';
    if (row.kind === 'project') {
      if (row.subject) ws.getCell(r, at('name')).value = row.subject;
      ws.getCell(r, at('project')).value = row.label;
    } else if (row.label) ws.getCell(r, at('name')).value = row.label;
  }
  const filled = new Set<string>();
  for (const c of row.cells) {
    const i =
      c.column === null || filled.has(c.column)
        ? 0
        : cols.findIndex((x) => x.block === b && x.role === 'amount' && x.id === c.column) + 1;
    if (i <= 0) {
      const cands = c.candidates ?? (c.column ? [c.column] : []);
      unplaced.push(cands.length > 0 ? `${c.value}（候选：${cands.join('／')}）` : c.value);
      continue;
    }
    filled.add(c.column!);
    writeAmount(ws.getCell(r, i), c);
  }
}

function writeReadme(ws: ExcelJS.Worksheet, d: Disclosure, template: Template): void {
  ws.getCell(1, 1).value = '说明';
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  const rows: [string, string][] = [
    [README_KEYS.file, d.source.file ?? ''],
    [README_KEYS.format, d.source.format],
    [README_KEYS.sha256, d.source.sha256],
    [README_KEYS.template, `${template.id}（${template.name}）`],
    [README_KEYS.year, d.year === null ? '' : String(d.year)],
    [README_KEYS.unit, d.unitName ?? ''],
    [README_KEYS.missing, d.missing.filter((m) => m.startsWith('T')).join('、') || '无'],
    [README_KEYS.generator, '由 Gongkai（公开）根据原文生成'],
  ];
  rows.forEach(([k, v], i) => {
    ws.getCell(i + 2, 1).value = k;
    ws.getCell(i + 2, 2).value = v;
  });
  const note = ws.getCell(rows.length + 3, 1);
  note.value = `每张表一个工作表，按模板顺序排列；金额按原文的数值和位数写出，原文空白的单元格留空。「${UNPLACED_HEADER}」一列中的数，原文中无法确定所属的列。`;
  ws.mergeCells(rows.length + 3, 1, rows.length + 3, 4);
  note.alignment = { wrapText: true, vertical: 'top' };
  ws.getRow(rows.length + 3).height = 45;
  ws.getColumn(1).width = 16;
  ws.getColumn(2).width = 60;
}

/** The disclosure's tables as a workbook, for a caller that adds sheets of its own. */
export function tablesWorkbook(d: Disclosure): ExcelJS.Workbook {
  const template = getTemplate(d.template);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gongkai';
  const used = new Set<string>();
  for (const spec of template.tables) {
    const table = d.tables.find((t) => t.id === spec.id);
    if (!table) continue;
    writeTable(wb.addWorksheet(sheetName(spec, table, used)), template, spec, table);
  }
  writeReadme(wb.addWorksheet(README_SHEET), d, template);
  return wb;
}

/** The disclosure's tables as an .xlsx workbook. */
export async function renderXlsx(d: Disclosure): Promise<Buffer> {
  return Buffer.from(await tablesWorkbook(d).xlsx.writeBuffer());
}
