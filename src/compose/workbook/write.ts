/**
 * The facts workbook: a 说明 sheet, one sheet per group of facts (./layout.ts), and a hidden 代码表
 * sheet of the codes and lists the cells are validated against. Empty (to fill in) or filled from
 * facts; ./read.ts reads it back into the same facts.
 */
import ExcelJS from 'exceljs';
import { type Catalog, loadCatalog } from '../../catalog/catalog.ts';
import { getTemplate } from '../../templates/index.ts';
import type { Template } from '../../templates/schema.ts';
import type { FactsInput } from '../facts.ts';
import { cellValue, numFmtOf } from './cells.ts';
import { type CodeName, classHeader, codeList, projectClasses } from './codes.ts';
import {
  CHOICES,
  type ChoiceId,
  CODES,
  type CodeList,
  type ColumnSpec,
  FIELD_HEADERS,
  README,
  SHEETS,
  type SheetSpec,
  type SuggestId,
  VALIDATED_ROWS,
} from './layout.ts';
import { type SheetRow, sheetRows } from './map.ts';

export interface FactsSheetsOptions {
  /** name of the instructions sheet (default 说明) */
  readme?: string;
  /** notes to show on the instructions sheet (how the facts were read from a document) */
  notes?: string[];
  catalog?: Catalog;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };

/** A sheet-range formula of 代码表 (quoted: the name is not ASCII). */
const rangeOf = (col: string, n: number) => `'${CODES}'!$${col}$2:$${col}$${n + 1}`;

function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** The hidden 代码表 sheet: each list in its column(s); returns the range formula of each. */
function writeCodes(
  wb: ExcelJS.Workbook,
  lists: Record<CodeList, CodeName[]>,
  template: Template,
): {
  codes: Partial<Record<CodeList, string>>;
  choices: Record<ChoiceId, string>;
  suggest: Partial<Record<SuggestId, string>>;
} {
  const ws = wb.addWorksheet(CODES, { state: 'hidden' });
  let c = 1;
  const codes: Partial<Record<CodeList, string>> = {};
  const titles: Record<CodeList, string> = {
    functional: '功能分类科目（项）',
    economic: '经济分类科目（款）',
    economicClass: '经济分类科目（类）',
  };
  for (const list of Object.keys(lists) as CodeList[]) {
    const entries = lists[list];
    ws.getCell(1, c).value = titles[list];
    ws.getCell(1, c + 1).value = '名称';
    entries.forEach((e, i) => {
      const cell = ws.getCell(i + 2, c);
      cell.value = e.code;
      cell.numFmt = '@';
      ws.getCell(i + 2, c + 1).value = e.name;
    });
    if (entries.length) codes[list] = rangeOf(columnLetter(c), entries.length);
    ws.getColumn(c).width = 12;
    ws.getColumn(c + 1).width = 30;
    c += 2;
  }
  const choices = {} as Record<ChoiceId, string>;
  for (const id of Object.keys(CHOICES) as ChoiceId[]) {
    const list = CHOICES[id];
    ws.getCell(1, c).value = id;
    list.forEach(([, label], i) => {
      ws.getCell(i + 2, c).value = label;
    });
    choices[id] = rangeOf(columnLetter(c), list.length);
    ws.getColumn(c).width = 24;
    c++;
  }
  const suggestions: Record<SuggestId, string[]> = {
    level1: template.performance.level1,
    level2: [...new Set(Object.values(template.performance.level2).flat())],
  };
  const suggest: Partial<Record<SuggestId, string>> = {};
  for (const id of Object.keys(suggestions) as SuggestId[]) {
    const list = suggestions[id];
    ws.getCell(1, c).value = id;
    list.forEach((label, i) => {
      ws.getCell(i + 2, c).value = label;
    });
    if (list.length) suggest[id] = rangeOf(columnLetter(c), list.length);
    ws.getColumn(c).width = 20;
    c++;
  }
  ws.getRow(1).font = { bold: true };
  return { codes, choices, suggest };
}

type Ranges = ReturnType<typeof writeCodes>;

function validation(col: ColumnSpec, ranges: Ranges): ExcelJS.DataValidation | null {
  if (col.choices)
    return {
      type: 'list',
      allowBlank: true,
      formulae: [ranges.choices[col.choices]],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: col.header,
      error: '请从下拉列表中选择',
    };
  if (col.codes && ranges.codes[col.codes])
    return {
      type: 'list',
      allowBlank: true,
      formulae: [ranges.codes[col.codes]!],
      showErrorMessage: true,
      // the catalog is partial: a code it lacks is flagged, not refused
      errorStyle: 'warning',
      errorTitle: col.header,
      error: '代码表中没有这个编码，请核对（代码表不全时可保留）',
    };
  if (col.suggest && ranges.suggest[col.suggest])
    return {
      type: 'list',
      allowBlank: true,
      formulae: [ranges.suggest[col.suggest]!],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: col.header,
      error: '模板的绩效指标表中没有这一项，请核对',
    };
  if (col.kind === 'integer')
    return {
      type: 'whole',
      operator: 'greaterThanOrEqual',
      allowBlank: true,
      formulae: [0],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: col.header,
      error: '请填写不小于 0 的整数',
    };
  if (col.kind === 'amount' || col.kind === 'decimal')
    return {
      type: 'decimal',
      operator: 'between',
      allowBlank: true,
      formulae: [-1e12, 1e12],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: col.header,
      error: '请填写数字（金额以万元为单位，最多两位小数）',
    };
  return null;
}

/** exceljs keeps range validations here (its type declarations omit it). */
function validations(ws: ExcelJS.Worksheet): { add(range: string, v: ExcelJS.DataValidation): void } {
  return (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
}

function styleHeader(cell: ExcelJS.Cell): void {
  cell.font = { bold: true };
  cell.fill = HEADER_FILL;
  cell.alignment = { vertical: 'middle', wrapText: true };
}

function writeList(ws: ExcelJS.Worksheet, cols: ColumnSpec[], rows: SheetRow[], r: Ranges) {
  cols.forEach((col, i) => {
    const head = ws.getCell(1, i + 1);
    head.value = col.header;
    styleHeader(head);
    if (col.note) head.note = col.note;
    const column = ws.getColumn(i + 1);
    column.width = col.width ?? 14;
    if (col.kind !== 'decimal') column.numFmt = numFmtOf(col);
    const v = validation(col, r);
    const letter = columnLetter(i + 1);
    if (v) validations(ws).add(`${letter}2:${letter}${VALIDATED_ROWS + 1}`, v);
  });
  rows.forEach((row, k) => {
    cols.forEach((col, i) => {
      const v = row[col.key];
      if (v === undefined) return;
      const cell = ws.getCell(k + 2, i + 1);
      cell.value = cellValue(col, v);
      cell.numFmt = numFmtOf(col, v);
    });
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.getRow(1).height = 20;
}

function writeFields(ws: ExcelJS.Worksheet, spec: SheetSpec, row: SheetRow | undefined, r: Ranges) {
  FIELD_HEADERS.forEach((h, i) => {
    const head = ws.getCell(1, i + 1);
    head.value = h;
    styleHeader(head);
  });
  spec.columns.forEach((col, i) => {
    const label = ws.getCell(i + 2, 1);
    label.value = col.header;
    label.font = { bold: true };
    const cell = ws.getCell(i + 2, 2);
    const v = row?.[col.key];
    cell.numFmt = numFmtOf(col, v);
    if (v !== undefined) cell.value = cellValue(col, v);
    const note = [col.note, col.required ? '' : '（可不填）'].filter(Boolean).join('');
    if (note) ws.getCell(i + 2, 3).value = note;
    const dv = validation(col, r);
    if (dv) cell.dataValidation = dv;
  });
  ws.getColumn(1).width = 32;
  ws.getColumn(2).width = 40;
  ws.getColumn(3).width = 50;
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

function writeReadme(
  ws: ExcelJS.Worksheet,
  template: Template,
  year: number | null,
  notes: string[],
  codeCounts: Record<CodeList, number>,
) {
  const lines: (string | [string, string])[] = [
    `部门预算公开事实数据表（${template.name}${year ? `，${year}年` : ''}）`,
    '',
    '本工作簿只填写最基本的事实；各张公开表格、合计、占比、增减和说明文字都由 gongkai compose 从这些事实推算和生成，不要填写任何合计数。',
    '金额单位：万元，填数字，最多两位小数；留空表示没有这一项（不是 0）。',
    '科目编码按文本填写（保留前导零），如 2011301、30101；功能分类填到「项」（7 位），基本支出经济分类填到「款」（5 位），项目按经济分类「类」（3 位）分列。',
    `编码可从下拉列表中选择（列表来自本系统的科目目录：功能分类项 ${codeCounts.functional} 个、经济分类款 ${codeCounts.economic} 个、经济分类类 ${codeCounts.economicClass} 个；目录不全，列表中没有的编码会提示核对，但可以保留）。`,
    '资金来源、支出类型、经费类型、三公经费项目、车辆类型等只能从下拉列表中选择。',
    '每张表的第一行是栏目名称，不要修改；空行会被忽略。',
    '',
    ['工作表', '内容'],
    ...SHEETS.map((s) => [s.name, s.about] as [string, string]),
  ];
  if (notes.length) lines.push('', '从原文读出事实时的说明（请核对）：', ...notes.map((n) => `· ${n}`));
  lines.forEach((l, i) => {
    if (typeof l === 'string') {
      const cell = ws.getCell(i + 1, 1);
      cell.value = l;
      if (l) ws.mergeCells(i + 1, 1, i + 1, 2);
      cell.alignment = { wrapText: true, vertical: 'top' };
      if (l.length > 60) ws.getRow(i + 1).height = 15 * Math.ceil(l.length / 60);
    } else {
      ws.getCell(i + 1, 1).value = l[0];
      ws.getCell(i + 1, 2).value = l[1];
      ws.getCell(i + 1, 2).alignment = { wrapText: true, vertical: 'top' };
      if (l[1].length > 60) ws.getRow(i + 1).height = 15 * Math.ceil(l[1].length / 60);
      if (l[0] === '工作表') {
        styleHeader(ws.getCell(i + 1, 1));
        styleHeader(ws.getCell(i + 1, 2));
      }
    }
  });
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getColumn(1).width = 20;
  ws.getColumn(2).width = 90;
}

/** The columns of a list sheet: the 项目 sheet has one amount column per economic 类 after its code. */
export function projectColumns(classes: CodeName[]): ColumnSpec[] {
  const base = SHEETS.find((s) => s.name === '项目')!.columns;
  const at = base.findIndex((c) => c.key === 'code') + 1;
  const amounts: ColumnSpec[] = classes.map((c) => ({
    header: classHeader(c),
    key: `amounts.${c.code}`,
    kind: 'amount',
    width: 14,
  }));
  return [...base.slice(0, at), ...amounts, ...base.slice(at)];
}

/** Add the instructions, the facts sheets and the hidden 代码表 to a workbook. */
export function addFactsSheets(
  wb: ExcelJS.Workbook,
  facts: FactsInput | null,
  templateId: string,
  options: FactsSheetsOptions = {},
): void {
  const template = getTemplate(templateId);
  const catalog = options.catalog ?? loadCatalog();
  const years: [number, number] = facts ? [facts.year, facts.year] : template.years;
  const lists: Record<CodeList, CodeName[]> = {
    functional: codeList(catalog, 'functional', years),
    economic: codeList(catalog, 'economic', years),
    economicClass: codeList(catalog, 'economicClass', years),
  };
  const rows = sheetRows(facts ? { ...facts, template: facts.template ?? templateId } : null);
  if (!facts) rows.set('基本信息', [{ template: template.id, unit: '万元' }]);
  const readme = wb.addWorksheet(options.readme ?? README);
  const used = (facts?.projects ?? []).flatMap((p) => Object.keys(p.amounts));
  const classes = projectClasses(template, catalog, years, used);
  const sheets = SHEETS.map((spec) => ({ spec, ws: wb.addWorksheet(spec.name) }));
  const ranges = writeCodes(wb, lists, template);
  for (const { spec, ws } of sheets) {
    if (spec.form === 'fields') writeFields(ws, spec, rows.get(spec.name)?.[0], ranges);
    else {
      const cols = spec.name === '项目' ? projectColumns(classes) : spec.columns;
      writeList(ws, cols, rows.get(spec.name) ?? [], ranges);
    }
  }
  const counts = Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, v.length])) as Record<
    CodeList,
    number
  >;
  writeReadme(readme, template, facts?.year ?? null, options.notes ?? [], counts);
}

/**
 * The facts workbook as .xlsx bytes: empty (facts null: the rows to fill in, the lists and the
 * validations) or holding the given facts.
 */
export async function writeFactsWorkbook(
  facts: FactsInput | null,
  templateId = facts?.template ?? 'xinjiang-2023',
  options: FactsSheetsOptions = {},
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gongkai';
  addFactsSheets(wb, facts, templateId, options);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
