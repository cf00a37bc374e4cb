/**
 * What the portal reads besides lists and totals: one disclosure with its model and check report,
 * its original file, a unit with its documents and their quality, search across units.
 */
import { type Kysely, sql } from 'kysely';
import type { Disclosure } from '../model/schema.ts';
import type { Finding, Location, Obligation, Report } from '../rules/types.ts';
import type { Database } from './schema.ts';

export interface Quality {
  error: number;
  warning: number;
  info: number;
}

export interface DisclosureRecord {
  id: number;
  documentId: number;
  region: string;
  regionName: string;
  unitId: number;
  unit: string;
  year: number;
  kind: string;
  template: string;
  version: number;
  latestId: number | null;
  sha256: string;
  file: string | null;
  format: string;
  size: number;
  importedAt: string;
  model: Disclosure;
  report: Report;
}

export async function getDisclosure(db: Kysely<Database>, id: number): Promise<DisclosureRecord | null> {
  const r = await db
    .selectFrom('disclosures as d')
    .innerJoin('documents as doc', 'doc.id', 'd.document_id')
    .innerJoin('units as u', 'u.id', 'doc.unit_id')
    .innerJoin('regions as g', 'g.id', 'u.region_id')
    .innerJoin('files as f', 'f.sha256', 'd.sha256')
    .select([
      'd.id',
      'd.document_id',
      'g.code as region',
      'g.name as region_name',
      'u.id as unit_id',
      'u.name as unit',
      'doc.year',
      'doc.kind',
      'doc.template',
      'd.version',
      'doc.latest_id',
      'd.sha256',
      'd.file_name',
      'f.format',
      'f.size',
      'd.imported_at',
      'd.model',
    ])
    .where('d.id', '=', id)
    .executeTakeFirst();
  if (!r) return null;
  const model = JSON.parse(r.model) as Disclosure;
  const findings = await db
    .selectFrom('findings')
    .selectAll()
    .where('disclosure_id', '=', id)
    .orderBy('ord')
    .execute();
  const obligations = await db
    .selectFrom('obligations')
    .selectAll()
    .where('disclosure_id', '=', id)
    .execute();
  const report: Report = {
    source: r.file_name,
    unit: model.unitName,
    year: model.year,
    template: r.template,
    findings: findings.map(
      (f): Finding => ({
        rule: f.rule,
        severity: f.severity as Finding['severity'],
        category: f.category as Finding['category'],
        message: f.message,
        locations: JSON.parse(f.locations) as Location[],
        ...(f.stated !== null ? { stated: f.stated } : {}),
        ...(f.expected !== null ? { expected: f.expected } : {}),
        ...(f.difference !== null ? { difference: f.difference } : {}),
        ...(f.tolerance !== null ? { tolerance: f.tolerance } : {}),
      }),
    ),
    obligations: obligations.map(
      (o): Obligation => ({
        rule: o.rule,
        status: o.status as Obligation['status'],
        ...(o.count !== null ? { count: Number(o.count) } : {}),
        ...(o.reason !== null ? { reason: o.reason } : {}),
      }),
    ),
  };
  return {
    id: r.id,
    documentId: r.document_id,
    region: r.region,
    regionName: r.region_name,
    unitId: r.unit_id,
    unit: r.unit,
    year: r.year,
    kind: r.kind,
    template: r.template,
    version: r.version,
    latestId: r.latest_id,
    sha256: r.sha256,
    file: r.file_name,
    format: r.format,
    size: Number(r.size),
    importedAt: r.imported_at,
    model,
    report,
  };
}

/** The original file as published. */
export async function getOriginal(
  db: Kysely<Database>,
  sha256: string,
): Promise<{ content: Uint8Array; format: string } | null> {
  const f = await db
    .selectFrom('files')
    .select(['content', 'format'])
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return f ? { content: new Uint8Array(f.content), format: f.format } : null;
}

/** Findings by severity for some disclosures. */
export async function qualityOf(db: Kysely<Database>, ids: number[]): Promise<Map<number, Quality>> {
  const out = new Map<number, Quality>();
  for (const id of ids) out.set(id, { error: 0, warning: 0, info: 0 });
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('findings')
    .select(['disclosure_id', 'severity', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('disclosure_id', 'in', ids)
    .groupBy(['disclosure_id', 'severity'])
    .execute();
  for (const r of rows) {
    const q = out.get(r.disclosure_id);
    if (q && (r.severity === 'error' || r.severity === 'warning' || r.severity === 'info')) {
      q[r.severity] = Number(r.n);
    }
  }
  return out;
}

export interface UnitRecord {
  id: number;
  name: string;
  region: string;
  regionName: string;
  /** its department (主管部门), if it has one */
  parent: { id: number; name: string } | null;
  /** its own units (所属单位), by name */
  children: { id: number; name: string }[];
  /** every version of every document, newest year first */
  disclosures: {
    id: number;
    year: number;
    kind: string;
    template: string;
    version: number;
    latest: boolean;
    quality: Quality;
  }[];
}

export async function getUnit(db: Kysely<Database>, id: number): Promise<UnitRecord | null> {
  const u = await db
    .selectFrom('units as u')
    .innerJoin('regions as g', 'g.id', 'u.region_id')
    .leftJoin('units as p', 'p.id', 'u.parent_id')
    .select([
      'u.id',
      'u.name',
      'g.code as region',
      'g.name as region_name',
      'p.id as parent_id',
      'p.name as parent_name',
    ])
    .where('u.id', '=', id)
    .executeTakeFirst();
  if (!u) return null;
  const children = await db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('parent_id', '=', id)
    .orderBy('name')
    .execute();
  const rows = await db
    .selectFrom('disclosures as d')
    .innerJoin('documents as doc', 'doc.id', 'd.document_id')
    .select(['d.id', 'doc.year', 'doc.kind', 'doc.template', 'd.version', 'doc.latest_id'])
    .where('doc.unit_id', '=', id)
    .orderBy('doc.year', 'desc')
    .orderBy('doc.template')
    .orderBy('d.version', 'desc')
    .execute();
  const quality = await qualityOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    id: u.id,
    name: u.name,
    region: u.region,
    regionName: u.region_name,
    parent: u.parent_id !== null && u.parent_name !== null ? { id: u.parent_id, name: u.parent_name } : null,
    children,
    disclosures: rows.map((r) => ({
      id: r.id,
      year: r.year,
      kind: r.kind,
      template: r.template,
      version: r.version,
      latest: r.latest_id === r.id,
      quality: quality.get(r.id)!,
    })),
  };
}

export interface SearchHit {
  disclosureId: number;
  unitId: number;
  unit: string;
  year: number;
  table: string;
  rowKey: string;
  label: string;
  code: string | null;
  rowKind: string;
}

/** LIKE pattern for a literal text (%, _ and \ escaped): use with `escape '\'`. */
export function likeText(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** `column` contains the literal text `q` (LIKE with likeText's escapes), on both engines. */
export function contains(column: string, q: string) {
  return sql<boolean>`${sql.ref(column)} like ${likeText(q)} escape '\\'`;
}

/**
 * Rows of the latest versions whose name contains the text, or whose code starts with it (a number):
 * subjects, projects and lines across all units. One hit per disclosure and row.
 */
export async function searchRows(db: Kysely<Database>, text: string, limit = 100): Promise<SearchHit[]> {
  const q = text.trim();
  if (q === '') return [];
  const byCode = /^\d{3,7}$/.test(q);
  let query = db
    .selectFrom('cells as c')
    .innerJoin('documents as doc', 'doc.latest_id', 'c.disclosure_id')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .select([
      'c.disclosure_id',
      'c.unit_id',
      'u.name as unit',
      'c.year',
      'c.table_id',
      'c.row_key',
      'c.label',
      'c.code',
      'c.row_kind',
    ])
    .distinct();
  query = byCode ? query.where('c.code', 'like', `${q}%`) : query.where(contains('c.label', q));
  const rows = await query
    .orderBy('c.year', 'desc')
    .orderBy('u.name')
    .orderBy('c.table_id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    disclosureId: r.disclosure_id,
    unitId: r.unit_id,
    unit: r.unit,
    year: r.year,
    table: r.table_id,
    rowKey: r.row_key,
    label: r.label,
    code: r.code,
    rowKind: r.row_kind,
  }));
}

/** The years a region has disclosures for, newest first. */
export async function regionYears(db: Kysely<Database>, region: string): Promise<number[]> {
  const rows = await db
    .selectFrom('documents as doc')
    .innerJoin('units as u', 'u.id', 'doc.unit_id')
    .innerJoin('regions as g', 'g.id', 'u.region_id')
    .select('doc.year')
    .distinct()
    .where('g.code', '=', region)
    .orderBy('doc.year', 'desc')
    .execute();
  return rows.map((r) => r.year);
}

/**
 * The store's generation: bumped by every saved version (see the 0003 migration). Pages that list
 * versions or name the latest are cached by it.
 */
export async function storeGeneration(db: Kysely<Database>): Promise<number> {
  const r = await db.selectFrom('store_state').select('generation').where('id', '=', 1).executeTakeFirst();
  return Number(r?.generation ?? 0);
}
