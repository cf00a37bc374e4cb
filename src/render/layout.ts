/**
 * The printed structure of a disclosure's tables, shared by the HTML, PDF and DOCX renderers: a grid
 * of header rows with row and column spans derived from the template (code columns under their
 * group, amount columns under the group of their subtotal), body rows with codes, names and amounts
 * formatted from fen at the table's unit. A covered grid position is null.
 */
import { LABEL_AHEAD, labelLineStarts } from '../ingest/text/narrative.ts';
import type { Disclosure, PerformanceTable, Row, Section, Table } from '../model/schema.ts';
import { groupThousands, type MoneyUnit, UNIT_EXPONENT } from '../money/index.ts';
import { getTemplate } from '../templates/index.ts';
import type { BlockSpec, TableSpec, Template } from '../templates/schema.ts';

export interface GridCell {
  text: string;
  rowSpan: number;
  colSpan: number;
  header: boolean;
  /** for header cells: what they head (th scope) */
  scope?: 'col' | 'colgroup' | 'row';
  align: 'left' | 'center' | 'right';
  /** an amount cell: its column id and exact value */
  column?: string;
  /** an amount cell: the key of its row (findings point to cells by table, row and column) */
  row?: string;
  fen?: number | null;
  /** a total row's cells are printed bold */
  strong?: boolean;
  /** vertical position in a tall row (default: middle) */
  valign?: 'top' | 'middle';
}

/** A grid position: a cell, or null where a span from the left or above covers it. */
export type Slot = GridCell | null;

export interface Grid {
  columns: number;
  head: Slot[][];
  body: Slot[][];
  /** relative widths of the columns: the share of the space left after the minimum widths */
  widths: number[];
  /** the narrowest each column can be printed, in points at 8 pt type */
  minWidths: number[];
}

export interface TableLayout {
  id: string;
  number: string | null;
  title: string;
  unitName: string | null;
  unit: MoneyUnit;
  grid: Grid;
  /** printed under the table: the empty-table statement or a note */
  statement: string | null;
  /** values whose column the reader could not decide: printed under the table, never guessed */
  unplaced: string[];
  /** wide tables are printed on landscape pages */
  landscape: boolean;
  /** the table has no row with an amount */
  empty: boolean;
}

type Maybe<T> = T | null | undefined;

function cell(text: string, over: Partial<GridCell> = {}): GridCell {
  return { text, rowSpan: 1, colSpan: 1, header: false, align: 'left', ...over };
}

/** Fen at a unit as printed in tables: at least two decimals, more only when the value has them. */
export function amountText(fen: number, unit: MoneyUnit): string {
  const exp = UNIT_EXPONENT[unit];
  const neg = fen < 0;
  const digits = Math.abs(fen)
    .toString()
    .padStart(exp + 1, '0');
  let int = digits.slice(0, digits.length - exp);
  let frac = digits.slice(digits.length - exp).replace(/0+$/, '');
  if (frac.length < 2) frac = frac.padEnd(2, '0');
  int = groupThousands(int);
  return `${neg ? '-' : ''}${int}.${frac}`;
}

/** A cell's printed text: from fen at the table's unit, else the value as printed. */
export function cellText(c: { fen: number | null; value: string }, unit: MoneyUnit): string {
  return c.fen !== null ? amountText(c.fen, unit) : c.value;
}

const BLOCK_TITLES: Record<string, string> = {
  income: '收入',
  expenditure: '支出',
  functional: '支出功能分类',
  use: '支出用途',
};

const CODE_HEADERS: Record<string, [string, string]> = {
  functional: ['功能分类科目编码', '功能分类科目名称'],
  economic: ['经济分类科目编码', '经济分类科目名称'],
  projects: ['功能分类科目编码', '科目名称'],
};

/** Points per character of printed amounts at 8 pt. */
const DIGIT = 4.6;
/**
 * The amount column ending a block printed left of another is wide, so that the reader (which
 * extends a block over numbers within 40 pt of its last header) keeps the next block's codes apart.
 */
const BLOCK_END_WIDTH = 100;

const CODE_WIDTH = [3, 2, 2];

/** The printable width of a portrait A4 page with 50 pt margins, and a cell's padding and rule. */
export const PORTRAIT_WIDTH = 595.28 - 2 * 50;
export const LANDSCAPE_WIDTH = 841.89 - 2 * 50;
export const CELL_PADDING = 9;

/** One printed column: its header path (groups, then its own header) and what it prints. */
interface Leaf {
  path: { key: string; text: string }[];
  kind: 'code' | 'name' | 'project' | 'path' | 'amount';
  block: string;
  level?: number;
  column?: string;
  width: number;
  minWidth: number;
}

/** Groups of amount columns: a row identity whose total is not the block's first column heads its parts. */
function amountGroups(template: Template | null, spec: TableSpec, block: BlockSpec): Map<string, string[]> {
  const ids = block.columns.map((c) => c.id);
  const groups = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (!template) return groups;
  for (const idn of template.identities) {
    if (idn.kind !== 'row' || idn.table !== spec.id || (idn.block && idn.block !== block.id)) continue;
    const from = ids.indexOf(idn.total);
    if (from <= 0) continue;
    const to = Math.max(...idn.parts.map((p) => ids.indexOf(p)));
    if (to <= from || idn.parts.some((p) => ids.indexOf(p) < from)) continue;
    const title = idn.total.includes('/')
      ? idn.total.slice(0, idn.total.lastIndexOf('/'))
      : idn.total.replace(/(小计|合计)$/, '');
    if (!title) continue;
    for (let i = from; i <= to; i++) groups.get(ids[i]!)!.push(`${idn.total}\u0000${title}`);
  }
  return groups;
}

function leavesOf(
  template: Template | null,
  spec: TableSpec,
  table: Table,
  several: boolean,
  unit: MoneyUnit,
): Leaf[] {
  const out: Leaf[] = [];
  for (const b of spec.blocks) {
    const top = several ? [{ key: `block:${b.id}`, text: BLOCK_TITLES[b.id] ?? b.id }] : [];
    const add = (l: Omit<Leaf, 'path' | 'block'>, path: { key: string; text: string }[]) =>
      out.push({ ...l, block: b.id, path: [...top, ...path] });
    if (b.rows === 'lines')
      add({ kind: 'name', width: 8, minWidth: 90 }, [{ key: `${b.id}:name`, text: '项目' }]);
    else if (b.rows === 'paths') {
      for (const [i, p] of (b.paths ?? []).entries())
        add({ kind: 'path', level: i, width: 5, minWidth: 50 }, [{ key: `${b.id}:path${i}`, text: p }]);
    } else {
      // Codes in their own columns, one per level: a wrapped name is printed centred on the line
      // that holds the code and the amounts, as the reader expects.
      const [codeHead, nameHead] = CODE_HEADERS[b.rows]!;
      const levels = b.levels ?? ['类', '款', '项'];
      levels.forEach((lv, i) => {
        const own = { key: `${b.id}:code${i}`, text: levels.length > 1 ? lv : '科目编码' };
        add({ kind: 'code', level: i, width: 0, minWidth: 10 + CODE_WIDTH[i]! * DIGIT }, [
          ...(levels.length > 1 ? [{ key: `${b.id}:code`, text: codeHead }] : []),
          own,
        ]);
      });
      add({ kind: 'name', width: b.rows === 'projects' ? 6 : 9, minWidth: 80 }, [
        { key: `${b.id}:name`, text: nameHead },
      ]);
      if (b.rows === 'projects')
        add({ kind: 'project', width: 9, minWidth: 80 }, [{ key: `${b.id}:project`, text: '项目名称' }]);
    }
    const groups = amountGroups(template, spec, b);
    const amounts = b.columns.filter((c) => (c.meaning?.measure ?? 'amount') === 'amount');
    // the longest printed text of each column of the block, in one pass over its cells
    const widest = new Map<string, number>();
    for (const r of table.rows) {
      if (several && r.block !== b.id) continue;
      for (const x of r.cells) {
        if (x.column === null) continue;
        const n = cellText(x, unit).length;
        if (n > (widest.get(x.column) ?? 0)) widest.set(x.column, n);
      }
    }
    for (const [k, c] of amounts.entries()) {
      const printed = table.columns.find((x) => x.id === c.id && (x.block ?? b.id) === b.id)?.header;
      const path = groups.get(c.id)!.map((g) => ({ key: `${b.id}:${g}`, text: g.split('\u0000')[1]! }));
      const own = printed || c.header;
      const longest = Math.max(4, widest.get(c.id) ?? 0);
      const blockEnd = several && k === amounts.length - 1 && b !== spec.blocks[spec.blocks.length - 1];
      add(
        {
          kind: 'amount',
          column: c.id,
          width: 3,
          minWidth: blockEnd ? BLOCK_END_WIDTH : 4 + longest * DIGIT,
        },
        [...path, { key: `${b.id}:col:${c.id}`, text: own }],
      );
    }
  }
  return out;
}

/** Header rows from the leaves' paths: equal keys side by side merge; a short path's own header reaches the bottom. */
function headRows(leaves: Leaf[]): Slot[][] {
  const depth = Math.max(...leaves.map((l) => l.path.length));
  const rows: Slot[][] = Array.from({ length: depth }, () => leaves.map(() => null));
  for (let r = 0; r < depth; r++) {
    for (let i = 0; i < leaves.length; ) {
      const p = leaves[i]!.path;
      const own = r === p.length - 1;
      if (r >= p.length) {
        i++;
        continue;
      }
      let j = i + 1;
      if (!own)
        while (j < leaves.length && leaves[j]!.path[r]?.key === p[r]!.key && r < leaves[j]!.path.length - 1)
          j++;
      rows[r]![i] = cell(p[r]!.text, {
        header: true,
        align: 'center',
        colSpan: j - i,
        rowSpan: own ? depth - r : 1,
        scope: own ? 'col' : 'colgroup',
      });
      i = j;
    }
  }
  return rows;
}

function codePart(code: string, level: number): string {
  const start = [0, 3, 5][level]!;
  return code.slice(start, start + CODE_WIDTH[level]!);
}

/** The printed label of a row, or its template line label. */
function rowLabel(r: Row, b: BlockSpec | undefined): string {
  if (r.label) return r.label;
  const spec = [...(b?.lines ?? []), ...(b?.total ? [b.total] : [])].find((l) => l.id === r.key);
  // A fixed line printed without a label (the one row of a one-row table) stays unlabelled.
  return spec ? (spec.labels[0] ?? '') : r.key;
}

/** One block's cells for a row (or blanks for a missing row). */
function rowCells(leaves: Leaf[], r: Maybe<Row>, b: BlockSpec | undefined, unit: MoneyUnit): Slot[] {
  const out: Slot[] = [];
  const strong = r?.kind === 'total';
  const labelLeaves = leaves.filter((l) => l.kind !== 'amount');
  const blank = (n: number) => {
    for (let k = 0; k < n; k++) out.push(cell(''));
  };
  if (!r) blank(labelLeaves.length);
  else if (labelLeaves[0]?.kind === 'path') {
    // A path row prints the columns it printed (its label), after the group columns carried down
    // from the rows above (the rest of its key).
    const parts = r.kind === 'total' ? [rowLabel(r, b)] : rowLabel(r, b).split('/');
    const first = r.kind === 'total' ? 0 : Math.max(0, r.key.split('/').length - parts.length);
    labelLeaves.forEach((_, i) => {
      out.push(
        cell(parts[i - first] ?? '', { header: i === first, scope: i === first ? 'row' : undefined, strong }),
      );
    });
  } else if (r.kind === 'total' || !r.code) {
    // A total or a line: its label over the code and name columns (a project's over the project column).
    const project = r.kind === 'project';
    const n = project ? labelLeaves.length - 1 : labelLeaves.length;
    const label = rowLabel(r, b);
    out.push(
      cell(label, { header: true, scope: 'row', colSpan: n, strong, align: strong ? 'center' : 'left' }),
    );
    for (let k = 1; k < n; k++) out.push(null);
    if (project) out.push(cell(r.label));
  } else {
    for (const l of labelLeaves) {
      if (l.kind === 'code') out.push(cell(codePart(r.code, l.level!)));
      else if (l.kind === 'name') {
        const name = r.kind === 'project' ? (r.subject ?? '') : rowLabel(r, b);
        out.push(cell(name, { header: true, scope: 'row' }));
      } else if (l.kind === 'project') out.push(cell(r.kind === 'project' ? r.label : ''));
    }
  }
  for (const l of leaves) {
    if (l.kind !== 'amount') continue;
    const c = r?.cells.find((x) => x.column === l.column);
    out.push(
      c
        ? cell(cellText(c, unit), { align: 'right', column: l.column, row: r!.key, fen: c.fen, strong })
        : cell('', { align: 'right', column: l.column, ...(r ? { row: r.key } : {}), strong }),
    );
  }
  return out;
}

/** The printed structure of one table. */
export function tableLayout(table: Table, template: Template | null): TableLayout {
  const spec = template?.tables.find((t) => t.id === table.id) ?? fallbackSpec(table);
  const unit = table.unit ?? spec.unit;
  const several = spec.blocks.length > 1;
  const leaves = leavesOf(template, spec, table, several, unit);
  const byBlock = spec.blocks.map((b) => ({
    spec: b,
    leaves: leaves.filter((l) => l.block === b.id),
    rows: table.rows.filter((r) => (several ? r.block === b.id : true)),
  }));
  const body: Slot[][] = [];
  if (several) {
    // Blocks side by side: rows paired in order, the totals together on the last line.
    const plain = byBlock.map((x) => x.rows.filter((r) => r.kind !== 'total'));
    const totals = byBlock.map((x) => x.rows.find((r) => r.kind === 'total'));
    const n = Math.max(0, ...plain.map((p) => p.length));
    for (let i = 0; i < n; i++)
      body.push(byBlock.flatMap((x, k) => rowCells(x.leaves, plain[k]![i], x.spec, unit)));
    if (totals.some(Boolean))
      body.push(byBlock.flatMap((x, k) => rowCells(x.leaves, totals[k], x.spec, unit)));
  } else {
    for (const r of byBlock[0]!.rows) body.push(rowCells(byBlock[0]!.leaves, r, byBlock[0]!.spec, unit));
  }
  const unplaced = table.rows.flatMap((r) =>
    r.cells
      .filter((c) => c.column === null)
      .map((c) => `${r.code ? `${r.code} ` : ''}${rowLabel(r, undefined)}：${cellText(c, unit)}`),
  );
  const amountColumns = leaves.filter((l) => l.kind === 'amount').length;
  return {
    id: table.id,
    number: table.number ?? spec.number ?? null,
    title: table.title || spec.titles[0]!,
    unitName: table.unitName ?? null,
    unit,
    grid: {
      columns: leaves.length,
      head: headRows(leaves),
      body,
      widths: leaves.map((l) => l.width),
      minWidths: leaves.map((l) => l.minWidth),
    },
    statement: table.statement ?? null,
    unplaced,
    landscape: leaves.reduce((a, l) => a + l.minWidth + CELL_PADDING, 0) > PORTRAIT_WIDTH,
    empty: !table.rows.some((r) => r.cells.length > 0) || amountColumns === 0,
  };
}

/** A table without a template: one block of its printed columns. */
function fallbackSpec(table: Table): TableSpec {
  const blocks = [...new Set(table.columns.map((c) => c.block ?? 'main'))].map((id) => ({
    id,
    rows: 'lines' as const,
    columns: table.columns
      .filter((c) => (c.block ?? 'main') === id)
      .map((c) => ({ id: c.id, header: c.header, meaning: { measure: 'amount' as const } })),
  }));
  return {
    id: table.id,
    titles: [table.title],
    unit: table.unit ?? '万元',
    layout: blocks.length > 1 ? 'two-block' : 'grid',
    blocks: blocks.length > 0 ? blocks : [{ id: 'main', rows: 'lines', columns: [] }],
  };
}

/** The template of a disclosure, or null when it is not registered. */
export function templateOf(d: Disclosure): Template | null {
  try {
    return getTemplate(d.template);
  } catch {
    return null;
  }
}

const PERF_KEYS = [
  'level1',
  'level2',
  'level3',
  'value',
  'basis',
  'prior',
  'weight',
  'scoring',
  'evidence',
] as const;
const PERF_FIELDS = [
  '一级指标',
  '二级指标',
  '三级指标',
  '指标值',
  '指标值设置依据',
  '上年完成值',
  '权重',
  '赋分规则',
  '佐证资料',
];

function quantityText(q: PerformanceTable['funds']['total']): string {
  return q ? q.raw : '';
}

/**
 * A performance target table's printed grid: the project block (unit, name, owner, funds, goal)
 * over the indicator rows, with equal 一级/二级 indicators merged down.
 */
export function performanceGrid(p: PerformanceTable, fields: string[] = PERF_FIELDS): Grid {
  const n = PERF_KEYS.length;
  const head: Slot[][] = [];
  const line = (label: string, value: string) => {
    const row: Slot[] = [cell(label, { header: true, scope: 'row', colSpan: 2, align: 'center' }), null];
    row.push(cell(value, { colSpan: n - 2 }));
    for (let k = 3; k < n; k++) row.push(null);
    head.push(row);
  };
  line('预算单位', p.unitName);
  line('项目名称', p.project);
  line('项目负责人', p.owner);
  // The caption names the unit of amounts printed bare (`0`).
  const unit = [p.funds.total, p.funds.fiscal, p.funds.other].find((q) => q)?.unit ?? '万元';
  const funds: Slot[] = [
    cell(`项目资金（${unit}）`, { header: true, scope: 'row', colSpan: 2, align: 'center' }),
    null,
  ];
  funds.push(
    cell('年度预算总额', { header: true, scope: 'col', align: 'center' }),
    cell(quantityText(p.funds.total), { align: 'right' }),
    cell('财政拨款', { header: true, scope: 'col', align: 'center' }),
    cell(quantityText(p.funds.fiscal), { align: 'right' }),
    cell('其他资金', { header: true, scope: 'col', align: 'center' }),
    cell(quantityText(p.funds.other), { align: 'right', colSpan: n - 7 }),
  );
  for (let k = 8; k < n; k++) funds.push(null);
  head.push(funds);
  line('项目总体目标', p.goal);
  head.push(
    PERF_KEYS.map((_, i) =>
      cell(fields[i] ?? PERF_FIELDS[i]!, { header: true, scope: 'col', align: 'center' }),
    ),
  );
  const body: Slot[][] = p.indicators.map((ind) =>
    PERF_KEYS.map((k, i) =>
      cell(ind[k], { align: i === 6 ? 'right' : 'left', header: i < 3, scope: i < 3 ? 'row' : undefined }),
    ),
  );
  // Merge equal 一级 and 二级 indicators printed one under another (二级 only within one 一级).
  for (const col of [0, 1] as const) {
    for (let i = 0; i < body.length; ) {
      let j = i + 1;
      const same = (a: number, b: number) =>
        p.indicators[a]![PERF_KEYS[col]] === p.indicators[b]![PERF_KEYS[col]] &&
        (col === 0 || p.indicators[a]!.level1 === p.indicators[b]!.level1);
      while (j < body.length && same(i, j)) j++;
      if (j - i > 1) {
        // A merged label is printed at the top of its group, where a reader looks for it.
        body[i]![col]!.rowSpan = j - i;
        body[i]![col]!.valign = 'top';
        for (let k = i + 1; k < j; k++) body[k]![col] = null;
      }
      i = j;
    }
  }
  // Columns as wide as their longest text (up to 26 characters at 8 pt), so that cells rarely wrap.
  const longest = PERF_KEYS.map((k, i) =>
    Math.max(4, (fields[i] ?? '').length, ...p.indicators.map((ind) => [...ind[k]].length)),
  );
  return {
    columns: n,
    head,
    body,
    widths: longest,
    minWidths: longest.map((l) => Math.min(l, 26) * 8.2 + 2),
  };
}

/**
 * Column widths in points for a given width: each column's minimum, and the space left shared by
 * the relative widths (or, when the minimums do not fit, the minimums scaled down).
 */
export function columnWidths(g: Grid, available: number): number[] {
  const min = g.minWidths.reduce((a, b) => a + b, 0);
  const weights = g.widths.reduce((a, b) => a + b, 0);
  if (min >= available || weights === 0) return g.minWidths.map((w) => w * Math.min(1, available / min));
  return g.minWidths.map((w, i) => w + ((available - min) * g.widths[i]!) / weights);
}

/** A performance table's title lines: the template's title, then the year in brackets. */
export function performanceTitle(p: PerformanceTable, template: Template | null): string[] {
  const title = template?.performance.title ?? '项目支出绩效目标表';
  return p.year ? [title, `（${p.year}年）`] : [title];
}

type PartId = 'P1' | 'P2' | 'P3' | 'P4';

/**
 * The four part headings of a document: the first wording the template's part pattern recognises
 * (`第一部分 …` in most regions; Shanghai starts Part 2 at its first table's title with the year,
 * Part 3 at `…预算编制说明`), so that a reader finds the parts again.
 */
export function partTitles(d: Disclosure, template: Template | null = null): Record<PartId, string> {
  const unit = d.unitName ?? '';
  const year = d.year ? `${d.year}年` : '';
  const kind = d.kind === 'final' ? '决算' : '预算';
  const first = template?.tables[0]?.titles[0];
  const candidates: Record<PartId, string[]> = {
    P1: [`第一部分 ${unit}概况`, `${unit}主要职能`],
    P2: [`第二部分 ${year}${kind}公开表`, ...(first ? [`${year}${first}`] : [])],
    P3: [`第三部分 ${year}${kind}情况说明`, `${year}${kind}编制说明`],
    P4: ['第四部分 名词解释', '名词解释'],
  };
  const out = {} as Record<PartId, string>;
  for (const id of ['P1', 'P2', 'P3', 'P4'] as const) {
    const re = template ? new RegExp(template.parts[id]) : null;
    out[id] = candidates[id].find((c) => !re || re.test(c)) ?? candidates[id][0]!;
  }
  return out;
}

/** The cover's lines: the unit, the year and what the document is. */
export function coverLines(d: Disclosure): string[] {
  const kind = d.kind === 'final' ? '部门决算公开' : '部门预算公开';
  return [d.unitName ?? '', `${d.year ? `${d.year}年` : ''}${kind}`].filter(Boolean);
}

/** A printed date `2023-01-31` as `2023年1月31日`; other forms as printed. */
export function dateText(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : date;
}

/** A narrative section's printed heading: `一、title` or `（一）title`. */
export function sectionHeading(id: string, title: string): string {
  const sub = /（[一二三四五六七八九十]+）$/.exec(id);
  return sub ? `${sub[0]}${title}` : `${id}、${title}`;
}

/**
 * A narrative section's text as printed paragraphs: running text is one paragraph, cut at the recorded
 * line starts where a label ends a value printed without closing punctuation (`预算安排规模：200万元`
 * then `项目承担单位：…`, see labelLineStarts) and, for a regular look, where a label opens a line after
 * a sentence's end.
 */
export function sectionParagraphs(s: Section): string[] {
  const starts = (s.lineStarts ?? []).map(([at]) => at);
  const cuts = new Set(labelLineStarts(s.text, starts));
  for (const at of starts)
    if (/[。；]/.test(s.text[at - 1] ?? '') && LABEL_AHEAD.test(s.text.slice(at, at + 16))) cuts.add(at);
  const out: string[] = [];
  let from = 0;
  for (const at of [...cuts].sort((x, y) => x - y)) {
    if (at <= from || at >= s.text.length) continue;
    out.push(s.text.slice(from, at));
    from = at;
  }
  if (from < s.text.length) out.push(s.text.slice(from));
  return out;
}

/** A staffing statement as printed in Part 1, when the organisation text does not already say it. */
export function staffingText(d: Disclosure): string | null {
  const s = d.part1?.staffing;
  if (!s || d.part1?.organization.text.includes('编制数')) return null;
  const parts: string[] = [];
  if (s.authorized) parts.push(`编制数${s.authorized.raw}`);
  if (s.actual) parts.push(`实有人数${s.actual.raw}`);
  const groups = s.groups.map(
    (g) => `${g.name}${g.count.raw}${g.change ? `，${g.change.word}${g.change.value}人` : ''}`,
  );
  const text = parts.join('，') + (groups.length ? `，其中：${groups.join('；')}` : '');
  return text ? `${text}。` : null;
}
