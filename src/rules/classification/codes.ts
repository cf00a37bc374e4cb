/**
 * The classification codes printed in a disclosure's tables, with the classification each table's
 * template block says it holds: functional (支出功能分类, also the subject codes of project rows) or
 * economic (支出经济分类). Shared by the classification rules.
 */
import type { Catalog, CatalogEntry, CatalogKind } from '../../catalog/catalog.ts';
import type { Disclosure, Row, Table } from '../../model/schema.ts';
import type { Template } from '../../templates/schema.ts';
import { perCheck } from '../derived.ts';
import type { Location } from '../types.ts';
import { at } from '../where.ts';

export interface CodedRow {
  table: Table;
  row: Row;
  /** the code without spaces */
  code: string;
  /** the code as printed (`201 11`), or the code when the printed form cannot be found */
  printed: string;
  /** the printed name of the code: the row label, or a project row's subject */
  name: string;
  /** the classification the template says the row holds; null when the template does not say */
  expected: CatalogKind | null;
  /** the classification the code's shape belongs to (shapeOf) */
  shape: CatalogKind | null;
  /**
   * the classification to look the code up in: the expected one, or the shape's when the template
   * does not say; null when the code does not have that shape
   */
  kind: CatalogKind | null;
  /** the name compared with others (normName) */
  normalized: string;
}

export const KIND_ZH: Record<CatalogKind, string> = { functional: '功能分类', economic: '经济分类' };

/**
 * The classification a code's shape belongs to: functional 类 201–234 with 3, 5 or 7 digits; economic
 * 类 301–313 and 399 (部门预算支出经济分类) or 501–599 (政府预算支出经济分类) with 3 or 5 digits.
 */
export function shapeOf(code: string): CatalogKind | null {
  if (!/^\d+$/.test(code)) return null;
  const cls = Number(code.slice(0, 3));
  if ([3, 5, 7].includes(code.length) && cls >= 201 && cls <= 234) return 'functional';
  const economic = (cls >= 301 && cls <= 313) || cls === 399 || (cls >= 501 && cls <= 599);
  if ([3, 5].includes(code.length) && economic) return 'economic';
  return null;
}

/** Names compared without spaces, full- and half-width brackets alike. */
const LIST_NUMBER = /^[一二三四五六七八九十]+、/;

export function normName(name: string): string {
  return name.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

function printedCode(row: Row, code: string): string {
  const m = /^\s*(\d[\d\s]*\d|\d)/.exec(row.raw);
  const lead = m?.[1]?.trim();
  return lead !== undefined && lead.replace(/\s+/g, '') === code ? lead.replace(/\s+/g, ' ') : code;
}

function expectedKind(template: Template, table: Table, row: Row): CatalogKind | null {
  const spec = template.tables.find((t) => t.id === table.id);
  if (!spec) return null;
  const block =
    spec.blocks.find((b) => b.id === (row.block ?? 'main')) ??
    (spec.blocks.length === 1 ? spec.blocks[0] : undefined);
  if (!block) return null;
  if (block.rows === 'functional' || block.rows === 'projects') return 'functional';
  if (block.rows === 'economic') return 'economic';
  return null;
}

/**
 * Every table row that prints a classification code (code rows and project rows), computed once per
 * check: the classification rules share it.
 */
export const codedRows = perCheck(({ doc, template }) => buildCodedRows(doc, template));

function buildCodedRows(doc: Disclosure, template: Template): CodedRow[] {
  const out: CodedRow[] = [];
  for (const table of doc.tables) {
    for (const row of table.rows) {
      if (row.kind !== 'code' && row.kind !== 'project') continue;
      const code = (row.code ?? (row.kind === 'code' ? row.key : '')).replace(/\s+/g, '');
      if (code === '') continue;
      // A class printed by name in a list (`一、一般公共服务支出`): the list number is not the name.
      const name = (row.kind === 'project' ? (row.subject ?? '') : row.label).trim().replace(LIST_NUMBER, '');
      const expected = expectedKind(template, table, row);
      const shape = shapeOf(code);
      const kind = expected ?? shape;
      out.push({
        table,
        row,
        code,
        printed: printedCode(row, code),
        name,
        expected,
        shape,
        kind: kind !== null && shape === kind ? kind : null,
        normalized: normName(name),
      });
    }
  }
  return out;
}

/** The coded rows that can be looked up in the catalog (their code has the shape of their kind). */
export const lookupRows = perCheck((ctx) =>
  codedRows(ctx).filter((r): r is CodedRow & { kind: CatalogKind } => r.kind !== null),
);

export function rowLocation(r: CodedRow): Location {
  return {
    table: r.table.id,
    row: r.row.key,
    ...at(r.row.source),
  };
}

/** `表 6`, or the table id when no number was printed. */
export function tableName(t: Table): string {
  return t.number ?? t.id;
}

/** Catalog entries of a kind whose name is the given one (compared with normName). */
const nameIndexes = new WeakMap<Catalog, Map<string, CatalogEntry[]>>();

export function entriesNamed(catalog: Catalog, kind: CatalogKind, name: string): CatalogEntry[] {
  const n = normName(name);
  if (n === '') return [];
  let index = nameIndexes.get(catalog);
  if (!index) {
    index = new Map();
    for (const e of catalog.entries()) {
      const key = `${e.kind}:${normName(e.name)}`;
      const list = index.get(key);
      if (list) list.push(e);
      else index.set(key, [e]);
    }
    nameIndexes.set(catalog, index);
  }
  return index.get(`${kind}:${n}`) ?? [];
}

/** Rows grouped by a key, in printed order of their first row. */
export function groupBy<T>(items: T[], key: (t: T) => string): T[][] {
  const map = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = map.get(k);
    if (list) list.push(it);
    else map.set(k, [it]);
  }
  return [...map.values()];
}

/** `2023年` or `2018–2020年` */
export function years(from: number, to: number): string {
  return from === to ? `${from}年` : `${from}–${to}年`;
}
