/**
 * Deriving every table of a template from the facts. Amounts enter at the lowest level (a functional
 * 项 and a detail column); the template's declarations do the rest: code rows are rolled up to the
 * levels the block prints, fixed lines add up to their parent lines, and the template's row identities
 * (总计 = 小计 + …) fill the total columns. So the identities the checker tests hold by construction.
 */
import type { Row, Table } from '../model/schema.ts';
import type { MoneyUnit } from '../money/index.ts';
import type { BlockSpec, Identity, Template } from '../templates/schema.ts';
import { fenOf, rowOf, tableOf, type Values } from './cells.ts';
import type { Facts } from './facts.ts';
import { FISCAL_T4, FISCAL_TABLE, type Fiscal, FUNDS } from './funds.ts';
import type { Names } from './names.ts';

const LEVEL_LEN = { 类: 3, 款: 5, 项: 7 } as const;
type Level = keyof typeof LEVEL_LEN;
const LEVEL_OF: Record<number, Level> = { 3: '类', 5: '款', 7: '项' };

/** An amount at a leaf code in a column. */
export interface Entry {
  code: string;
  column: string;
  fen: number;
}

function add(map: Values, column: string, fen: number): void {
  map.set(column, (map.get(column) ?? 0) + fen);
}

/** Fill total columns from the template's row identities of this table and block, until none is left. */
function applyRowIdentities(values: Values, identities: Identity[]): void {
  const rows = identities.filter((i) => i.kind === 'row');
  const done = new Set<string>();
  for (let pass = 0; pass < rows.length + 1; pass++) {
    for (const id of rows) {
      if (done.has(id.total)) continue;
      // a part that is itself the total of a pending identity must be filled first
      if (id.parts.some((p) => rows.some((o) => o.total === p && !done.has(o.total)))) continue;
      values.set(
        id.total,
        id.parts.reduce((s, p) => s + (values.get(p) ?? 0), 0),
      );
      done.add(id.total);
    }
  }
}

function rowIdentities(template: Template, table: string, block: string): Identity[] {
  return template.identities.filter(
    (i) => i.kind === 'row' && i.table === table && (i.block ?? 'main') === block,
  );
}

/**
 * Rows of a block keyed by classification code: the entries rolled up to each printed level, in code
 * order (a code sorts before the codes under it), then the total row.
 */
export function codeRows(
  template: Template,
  table: string,
  block: BlockSpec,
  entries: Entry[],
  names: Names,
  unit: MoneyUnit,
  kind: 'functional' | 'economic',
): Row[] {
  const levels = (block.levels ?? ['类', '款', '项']) as Level[];
  const byCode = new Map<string, Values>();
  for (const e of entries) {
    for (const level of levels) {
      const code = e.code.slice(0, LEVEL_LEN[level]);
      let v = byCode.get(code);
      if (!v) {
        v = new Map();
        byCode.set(code, v);
      }
      add(v, e.column, e.fen);
    }
  }
  const ids = rowIdentities(template, table, block.id);
  const columns = block.columns.map((c) => c.id);
  const total: Values = new Map();
  const rows: Row[] = [];
  for (const code of [...byCode.keys()].sort()) {
    const v = byCode.get(code)!;
    applyRowIdentities(v, ids);
    const level = LEVEL_OF[code.length]!;
    if (level === levels[0]) for (const [c, f] of v) add(total, c, f);
    rows.push(rowOf({ key: code, kind: 'code', code, level, label: names.of(kind, code) }, columns, v, unit));
  }
  if (block.total) {
    const totalRow = rowOf(
      { key: block.total.id, kind: 'total', label: block.total.labels[0]! },
      columns,
      total,
      unit,
    );
    rows.push(totalRow);
  }
  const two = template.tables.find((t) => t.id === table)!.blocks.length > 1;
  return two ? rows.map((r) => ({ ...r, block: block.id })) : rows;
}

/**
 * Rows of a block of fixed lines: leaf values given, each line's value the sum of its own value and
 * its child lines'; the total line sums the lines without parent.
 */
export function lineRows(
  block: BlockSpec,
  leaves: Map<string, Values>,
  unit: MoneyUnit,
  two: boolean,
): Row[] {
  const lines = block.lines ?? [];
  const columns = block.columns.map((c) => c.id);
  const value = new Map<string, Values>();
  const lineValue = (id: string): Values => {
    const have = value.get(id);
    if (have) return have;
    const v: Values = new Map(leaves.get(id) ?? []);
    for (const child of lines.filter((l) => l.parent === id))
      for (const [c, f] of lineValue(child.id)) add(v, c, f);
    value.set(id, v);
    return v;
  };
  const total: Values = new Map();
  const totalId = block.total?.id;
  for (const l of lines)
    if (!l.parent || l.parent === totalId) for (const [c, f] of lineValue(l.id)) add(total, c, f);
  const rows: Row[] = [];
  const mark = (r: Row) => (two ? { ...r, block: block.id } : r);
  // a total printed first (T10) or last (T1, T4): the template lists it as the block's total
  const totalRow =
    block.total &&
    mark(rowOf({ key: block.total.id, kind: 'total', label: block.total.labels[0]! }, columns, total, unit));
  if (totalRow && lines.some((l) => l.parent === totalId)) rows.push(totalRow);
  for (const l of lines)
    rows.push(mark(rowOf({ key: l.id, kind: 'line', label: l.labels[0]! }, columns, lineValue(l.id), unit)));
  if (totalRow && !lines.some((l) => l.parent === totalId)) rows.push(totalRow);
  return rows;
}

export interface Derived {
  tables: Table[];
  /** fen by (table, row key, column) for the narrative */
  get: (table: string, row: string, column: string) => number;
}

/** Derive all tables of the template from the facts. */
export function deriveTables(facts: Facts, template: Template, names: Names): Derived {
  const unit = facts.unit;
  const spec = (id: string) => {
    const s = template.tables.find((t) => t.id === id);
    if (!s) throw new Error(`template ${template.id} has no table ${id}`);
    return s;
  };
  const lines = facts.lines.map((l) => ({ ...l, fen: fenOf(l.amount, unit), place: FUNDS[l.fund] }));
  const spending = (s: 'basic' | 'project') => (s === 'basic' ? '基本支出' : '项目支出');
  const tables: Table[] = [];

  // T1: income lines by fund ‖ expenditure by 类
  {
    const s = spec('T1');
    const leaves = new Map<string, Values>();
    for (const l of lines) {
      const v = leaves.get(l.place.t1) ?? new Map();
      add(v, '预算数', l.fen);
      leaves.set(l.place.t1, v);
    }
    const income = lineRows(s.blocks[0]!, leaves, unit, true);
    const exp = codeRows(
      template,
      'T1',
      s.blocks[1]!,
      lines.map((l) => ({ code: l.code, column: '预算数', fen: l.fen })),
      names,
      unit,
      'functional',
    );
    tables.push(tableOf(s, facts.unitName, [...income, ...exp]));
  }
  // T2: income by functional code and fund column
  {
    const s = spec('T2');
    const entries = lines.map((l) => ({ code: l.code, column: l.place.t2, fen: l.fen }));
    tables.push(
      tableOf(s, facts.unitName, codeRows(template, 'T2', s.blocks[0]!, entries, names, unit, 'functional')),
    );
  }
  // T3: expenditure by functional code, basic/project
  {
    const s = spec('T3');
    const entries = lines.map((l) => ({ code: l.code, column: spending(l.spending), fen: l.fen }));
    tables.push(
      tableOf(s, facts.unitName, codeRows(template, 'T3', s.blocks[0]!, entries, names, unit, 'functional')),
    );
  }
  // T4: fiscal appropriations: income lines ‖ expenditure by 类 and budget
  const fiscal = lines.filter((l) => l.place.fiscal !== null);
  {
    const s = spec('T4');
    const leaves = new Map<string, Values>();
    for (const l of fiscal) {
      const id = FISCAL_T4[l.place.fiscal as Fiscal].line;
      const v = leaves.get(id) ?? new Map();
      add(v, '合计', l.fen);
      leaves.set(id, v);
    }
    const income = lineRows(s.blocks[0]!, leaves, unit, true);
    const entries = fiscal.map((l) => ({
      code: l.code,
      column: FISCAL_T4[l.place.fiscal as Fiscal].column,
      fen: l.fen,
    }));
    const exp = codeRows(template, 'T4', s.blocks[1]!, entries, names, unit, 'functional');
    tables.push(tableOf(s, facts.unitName, [...income, ...exp]));
  }
  // T5, T8, T9: each fiscal appropriation by functional code, basic/project
  const fiscalTables = new Map<string, Table>();
  for (const f of ['general', 'fund', 'capital'] as const) {
    const id = FISCAL_TABLE[f];
    const s = spec(id);
    const entries = fiscal
      .filter((l) => l.place.fiscal === f)
      .map((l) => ({ code: l.code, column: spending(l.spending), fen: l.fen }));
    const rows = codeRows(template, id, s.blocks[0]!, entries, names, unit, 'functional');
    const empty = entries.length === 0;
    const statement = empty && s.emptyStatement ? emptySentence(facts, s.emptyStatement) : undefined;
    // an empty table prints its total label alone
    if (empty) for (const r of rows) if (r.kind === 'total') r.cells = [];
    fiscalTables.set(id, tableOf(s, facts.unitName, rows, statement));
  }
  tables.push(fiscalTables.get('T5')!);
  // T6: general-budget basic expenditure by economic 类/款, personnel/operating
  {
    const s = spec('T6');
    const entries = facts.basic.map((b) => ({
      code: b.code,
      column: b.kind === 'personnel' ? '人员经费' : '公用经费',
      fen: fenOf(b.amount, unit),
    }));
    tables.push(
      tableOf(s, facts.unitName, codeRows(template, 'T6', s.blocks[0]!, entries, names, unit, 'economic')),
    );
  }
  // T7: general-budget projects under their functional 类 and 款, by economic 类
  tables.push(projectTable(facts, template, names, spec('T7')));
  tables.push(fiscalTables.get('T8')!, fiscalTables.get('T9')!);
  // T10: 三公 by item and fund
  {
    const s = spec('T10');
    const column = {
      一般公共预算: '一般公共预算',
      政府性基金: '政府性基金',
      国有资本经营预算: '国有资本经营预算',
    };
    const leaves = new Map<string, Values>();
    for (const x of facts.sangong) {
      const v = leaves.get(x.item) ?? new Map();
      add(v, column[x.fund], fenOf(x.amount, unit));
      leaves.set(x.item, v);
    }
    const ids = rowIdentities(template, 'T10', 'main');
    for (const v of leaves.values()) applyRowIdentities(v, ids);
    const rows = lineRows(s.blocks[0]!, leaves, unit, false);
    const empty = rows.every((r) => r.cells.every((c) => c.fen === 0));
    const statement = empty
      ? `${facts.unitName}${facts.year}年没有安排财政拨款“三公”经费，${s.titles[0]}为空表。`
      : undefined;
    tables.push(tableOf(s, facts.unitName, rows, statement));
  }
  const index = new Map<string, number>();
  for (const t of tables)
    for (const r of t.rows) for (const c of r.cells) index.set(`${t.id}|${r.key}|${c.column}`, c.fen ?? 0);
  return { tables, get: (t, r, c) => index.get(`${t}|${r}|${c}`) ?? 0 };
}

function projectTable(facts: Facts, template: Template, names: Names, s: Template['tables'][number]): Table {
  const unit = facts.unit;
  const block = s.blocks[0]!;
  const columns = block.columns.map((c) => c.id);
  const byEconomic = new Map(
    block.columns.filter((c) => c.meaning.economic).map((c) => [c.meaning.economic!, c.id]),
  );
  const ids = rowIdentities(template, 'T7', 'main');
  const projectValues = facts.projects.map((p) => {
    const v: Values = new Map();
    for (const [econ, amount] of Object.entries(p.amounts)) {
      const col = byEconomic.get(econ);
      if (!col) throw new Error(`project ${p.name}: economic class ${econ} has no column in ${s.id}`);
      add(v, col, fenOf(amount, unit));
    }
    applyRowIdentities(v, ids);
    // a total given beside an incomplete split is printed as given (the row identity then fails, and says so)
    if (p.total !== undefined) v.set(block.columns[0]!.id, fenOf(p.total, unit));
    return { p, v };
  });
  const sums = new Map<string, Values>();
  const total: Values = new Map();
  for (const { p, v } of projectValues) {
    for (const code of [p.code.slice(0, 3), p.code.slice(0, 5)]) {
      const acc = sums.get(code) ?? new Map();
      for (const [c, f] of v) add(acc, c, f);
      sums.set(code, acc);
    }
    for (const [c, f] of v) add(total, c, f);
  }
  const rows: Row[] = [];
  const seen = new Map<string, number>();
  for (const code of [...sums.keys()].sort()) {
    rows.push(
      rowOf(
        { key: code, kind: 'code', code, level: LEVEL_OF[code.length]!, label: names.of('functional', code) },
        columns,
        sums.get(code)!,
        unit,
      ),
    );
    if (code.length !== 5) continue;
    for (const { p, v } of projectValues
      .filter((x) => x.p.code.startsWith(code))
      .sort((a, b) => (a.p.code < b.p.code ? -1 : a.p.code > b.p.code ? 1 : 0))) {
      const n = (seen.get(p.name) ?? 0) + 1;
      seen.set(p.name, n);
      rows.push(
        rowOf(
          {
            key: n > 1 ? `${p.name}#${n}` : p.name,
            kind: 'project',
            code: p.code,
            level: '项',
            subject: names.of('functional', p.code),
            label: p.name,
          },
          columns,
          v,
          unit,
        ),
      );
    }
  }
  if (block.total)
    rows.push(
      rowOf({ key: block.total.id, kind: 'total', label: block.total.labels[0]! }, columns, total, unit),
    );
  return tableOf(s, facts.unitName, rows);
}

/** The sentence saying a table is empty: the template's pattern, with the unit and the year. */
function emptySentence(facts: Facts, pattern: string): string {
  return `${facts.unitName}${facts.year}年${pattern.replace(/\\/g, '')}。`;
}
