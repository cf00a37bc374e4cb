/** Reading the store: regions, units, disclosures, cells, and region totals. Latest versions unless asked. */
import { type Kysely, sql } from 'kysely';
import { getTemplate, templates } from '../templates/index.ts';
import type { Database } from './schema.ts';

/** A fen value or sum read back: exact, or an error (never a rounded number). */
function fen(v: unknown): number {
  const n = typeof v === 'string' ? Number(v) : (v as number);
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
    throw new RangeError(`amount ${String(v)} is not an exact integer of fen`);
  }
  return n;
}

export interface RegionSummary {
  code: string;
  name: string;
  units: number;
}

export async function listRegions(db: Kysely<Database>): Promise<RegionSummary[]> {
  const rows = await db
    .selectFrom('regions as r')
    .leftJoin('units as u', 'u.region_id', 'r.id')
    .select(['r.code', 'r.name', (eb) => eb.fn.count('u.id').as('units')])
    .groupBy(['r.id', 'r.code', 'r.name'])
    .orderBy('r.code')
    .execute();
  return rows.map((r) => ({ code: r.code, name: r.name, units: Number(r.units) }));
}

export interface UnitSummary {
  id: number;
  region: string;
  name: string;
  parentId: number | null;
}

export interface UnitFilter {
  region?: string;
  /** only the units under this unit (its 所属单位) */
  parent?: number;
}

/** Units by region and name; `parent` narrows to one department's units. */
export async function listUnits(
  db: Kysely<Database>,
  filter: string | UnitFilter = {},
): Promise<UnitSummary[]> {
  const { region, parent } = typeof filter === 'string' ? { region: filter, parent: undefined } : filter;
  let q = db
    .selectFrom('units as u')
    .innerJoin('regions as r', 'r.id', 'u.region_id')
    .select(['u.id', 'r.code as region', 'u.name', 'u.parent_id']);
  if (region) q = q.where('r.code', '=', region);
  if (parent !== undefined) q = q.where('u.parent_id', '=', parent);
  const rows = await q.orderBy('r.code').orderBy('u.name').execute();
  return rows.map((r) => ({ id: r.id, region: r.region, name: r.name, parentId: r.parent_id }));
}

export interface DisclosureFilter {
  region?: string;
  unit?: string;
  year?: number;
  /** all versions instead of the latest of each document */
  allVersions?: boolean;
  /** at most this many */
  limit?: number;
}

export interface DisclosureSummary {
  id: number;
  region: string;
  unit: string;
  year: number;
  kind: string;
  template: string;
  version: number;
  latest: boolean;
  sha256: string;
  file: string | null;
  importedAt: string;
}

export async function listDisclosures(
  db: Kysely<Database>,
  filter: DisclosureFilter = {},
): Promise<DisclosureSummary[]> {
  let q = db
    .selectFrom('disclosures as d')
    .innerJoin('documents as doc', 'doc.id', 'd.document_id')
    .innerJoin('units as u', 'u.id', 'doc.unit_id')
    .innerJoin('regions as r', 'r.id', 'u.region_id')
    .select([
      'd.id',
      'r.code as region',
      'u.name as unit',
      'doc.year',
      'doc.kind',
      'doc.template',
      'd.version',
      'doc.latest_id',
      'd.sha256',
      'd.file_name',
      'd.imported_at',
    ]);
  if (filter.region) q = q.where('r.code', '=', filter.region);
  if (filter.unit) q = q.where('u.name', '=', filter.unit);
  if (filter.year !== undefined) q = q.where('doc.year', '=', filter.year);
  if (!filter.allVersions) q = q.whereRef('doc.latest_id', '=', 'd.id');
  if (filter.limit !== undefined) q = q.limit(filter.limit);
  const rows = await q
    .orderBy('r.code')
    .orderBy('u.name')
    .orderBy('doc.year')
    .orderBy('doc.template')
    .orderBy('d.version')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    region: r.region,
    unit: r.unit,
    year: r.year,
    kind: r.kind,
    template: r.template,
    version: r.version,
    latest: r.latest_id === r.id,
    sha256: r.sha256,
    file: r.file_name,
    importedAt: r.imported_at,
  }));
}

export interface CellFilter {
  /** unit name */
  unit?: string;
  region?: string;
  year?: number;
  table?: string;
  code?: string;
  column?: string;
  /** one version by id instead of the latest versions */
  disclosureId?: number;
}

export interface CellFact {
  disclosureId: number;
  unit: string;
  year: number;
  table: string;
  rowKey: string;
  label: string;
  code: string | null;
  level: string | null;
  column: string | null;
  value: string;
  fen: number | null;
  /** the unit the amount was printed in */
  moneyUnit: string | null;
}

/** Printed cells, in printed order, of the latest versions (or of one version). */
export async function queryCells(db: Kysely<Database>, filter: CellFilter): Promise<CellFact[]> {
  let q = db
    .selectFrom('cells as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .select([
      'c.disclosure_id',
      'u.name as unit_name',
      'c.year',
      'c.table_id',
      'c.row_key',
      'c.label',
      'c.code',
      'c.level',
      'c.column_id',
      'c.value',
      'c.fen',
      'c.unit',
    ]);
  if (filter.disclosureId !== undefined) q = q.where('c.disclosure_id', '=', filter.disclosureId);
  else q = q.innerJoin('documents as doc', 'doc.latest_id', 'c.disclosure_id');
  if (filter.unit) q = q.where('u.name', '=', filter.unit);
  if (filter.region) {
    const region = filter.region;
    q = q.where('c.region_id', '=', (eb) => eb.selectFrom('regions').select('id').where('code', '=', region));
  }
  if (filter.year !== undefined) q = q.where('c.year', '=', filter.year);
  if (filter.table) q = q.where('c.table_id', '=', filter.table);
  if (filter.code) q = q.where('c.code', '=', filter.code);
  if (filter.column) q = q.where('c.column_id', '=', filter.column);
  const rows = await q.orderBy('c.disclosure_id').orderBy('c.ord').execute();
  return rows.map((r) => ({
    disclosureId: r.disclosure_id,
    unit: r.unit_name,
    year: r.year,
    table: r.table_id,
    rowKey: r.row_key,
    label: r.label,
    code: r.code,
    level: r.level,
    column: r.column_id,
    value: r.value,
    fen: r.fen === null ? null : fen(r.fen),
    moneyUnit: r.unit,
  }));
}

export interface TotalsQuery {
  region: string;
  year: number;
  table: string;
  /**
   * a column id; default: the table's total column, and for economic totals the total column of
   * tables whose rows are economic codes plus the columns that are economic classes (so that
   * nothing is counted twice)
   */
  column?: string;
  /** by row code at this level (类/款/项), or by economic class */
  by: 'code' | 'economic';
  level?: '类' | '款' | '项';
  /** only documents of this template (table ids are per template) */
  template?: string;
}

export interface Total {
  key: string;
  fen: number;
  /** how many disclosures (latest versions) contributed */
  disclosures: number;
}

/** The default columns of a totals query, from the templates' column meanings. */
export function defaultTotalColumns(
  table: string,
  by: 'code' | 'economic',
  template?: string | string[],
): string[] {
  const ids = new Set<string>();
  const only = template === undefined ? null : new Set(typeof template === 'string' ? [template] : template);
  if (typeof template === 'string') getTemplate(template); // an unknown id is an error
  for (const t of templates().filter((x) => !only || only.has(x.id))) {
    for (const b of t.tables.find((x) => x.id === table)?.blocks ?? []) {
      const amounts = b.columns.filter((c) => c.meaning.measure === 'amount');
      // A block with one amount column (金额) has it as its total.
      const totals = amounts.length === 1 ? amounts : amounts.filter((c) => c.meaning.total);
      const wanted =
        by === 'code' || b.rows === 'economic' ? totals : amounts.filter((c) => c.meaning.economic);
      for (const c of wanted) ids.add(c.id);
    }
  }
  return [...ids].sort();
}

/**
 * Region totals of one table over the latest versions: by functional/economic code of the rows (at a
 * level), or by economic class (rows of economic tables, economic columns of project tables).
 * Unresolved cells (no column) never count. Answered from covering indexes (see the migrations).
 */
export async function regionTotals(db: Kysely<Database>, query: TotalsQuery): Promise<Total[]> {
  const keyColumn = query.by === 'economic' ? 'c.economic' : 'c.code';
  const region = await db
    .selectFrom('regions')
    .select('id')
    .where('code', '=', query.region)
    .executeTakeFirst();
  if (!region) return [];
  // Default columns from the templates present in the region that year: usually one column, which
  // lets the index give the rows in key order (no sort of every row).
  const present = query.template
    ? [query.template]
    : (
        await db
          .selectFrom('documents as d')
          .innerJoin('units as u', 'u.id', 'd.unit_id')
          .select('d.template')
          .distinct()
          .where('u.region_id', '=', region.id)
          .where('d.year', '=', query.year)
          .execute()
      ).map((r) => r.template);
  const columns = query.column
    ? [query.column]
    : defaultTotalColumns(query.table, query.by, query.template ?? present);
  if (columns.length === 0) return [];
  let q = db
    .selectFrom('cells as c')
    .where('c.region_id', '=', region.id)
    .where('c.year', '=', query.year)
    .where('c.table_id', '=', query.table)
    .where('c.column_id', 'in', columns)
    .where(keyColumn, 'is not', null)
    .where('c.fen', 'is not', null);
  // The latest versions: a set lookup per cell. The unary plus keeps SQLite's planner from driving
  // the query by this set (every cell of every latest version: ~50× slower when several columns
  // are asked for); to PostgreSQL it is a no-op.
  const disclosure = sql<number>`+${sql.ref('c.disclosure_id')}`;
  q = query.template
    ? q.where(disclosure, 'in', (eb) =>
        eb
          .selectFrom('documents')
          .select('latest_id')
          .where('template', '=', query.template as string),
      )
    : q.where(disclosure, 'in', (eb) => eb.selectFrom('documents').select('latest_id'));
  if (query.level) {
    q =
      query.by === 'code'
        ? q.where('c.level', '=', query.level)
        : q.where('c.economic_level', '=', query.level);
  }
  const rows = await q
    .select([
      `${keyColumn} as key`,
      (eb) => eb.fn.sum<string | number>('c.fen').as('fen'),
      (eb) => eb.fn.count<string | number>('c.disclosure_id').distinct().as('disclosures'),
    ])
    .groupBy(keyColumn)
    .orderBy(keyColumn)
    .execute();
  return rows.map((r) => ({ key: r.key as string, fen: fen(r.fen), disclosures: Number(r.disclosures) }));
}
