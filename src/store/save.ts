/** Saving a checked disclosure: idempotent by the sha256 of the original file, each file a new version. */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { GENERIC_UNIT_NAMES } from '../ingest/unit-name.ts';
import type { Disclosure } from '../model/schema.ts';
import type { Finding, Obligation } from '../rules/types.ts';
import { getTemplate } from '../templates/index.ts';
import { insertRows } from './bulk.ts';
import { indicatorsOf } from './indicators.ts';
import type { Database } from './schema.ts';
import { tidyCells } from './tidy.ts';

export interface SaveInput {
  model: Disclosure;
  /** the file as published, stored by its hash */
  original: Uint8Array;
  findings: Finding[];
  obligations: Obligation[];
  /** region code; default: the template family (xinjiang, jiangsu, shanghai) */
  region?: string;
  /** the region's name when `region` is given (default: the code) */
  regionName?: string;
  /** the unit's name; default: the disclosing unit as printed */
  unit?: string;
  /**
   * the unit's department (主管部门) by name, in the same region, when the import says so (a 单位预算
   * of a unit under a department); created if not yet stored. Without it a stored parent is kept.
   */
  parent?: string;
}

export interface SaveResult {
  status: 'imported' | 'unchanged';
  disclosureId: number;
  version: number;
  region: string;
  unit: string;
  year: number;
  template: string;
  cells: number;
  findings: number;
}

/** Refused input: a disclosure that cannot be filed without inventing its unit or year. */
export class StoreInputError extends Error {
  override name = 'StoreInputError';
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The region a template's documents belong to: its family (the id before the first dash). */
export function regionOfTemplate(template: string): { code: string; name: string } {
  const t = getTemplate(template);
  return { code: template.split('-')[0] ?? template, name: t.region };
}

export function unitNameOf(model: Disclosure, given?: string): string {
  const name = (given ?? model.unitName ?? '').trim();
  if (name === '') {
    throw new StoreInputError(
      'the disclosing unit (编制单位) was not found in the document; give it with --unit',
    );
  }
  if (GENERIC_UNIT_NAMES.has(name)) {
    throw new StoreInputError(
      `the unit name was read as "${name}", which names no unit; give the unit with --unit`,
    );
  }
  return name;
}

/** The saved version with these exact bytes, if any. */
export async function findBySha256(db: Kysely<Database>, sha: string): Promise<SaveResult | null> {
  const row = await db
    .selectFrom('disclosures as d')
    .innerJoin('documents as doc', 'doc.id', 'd.document_id')
    .innerJoin('units as u', 'u.id', 'doc.unit_id')
    .innerJoin('regions as r', 'r.id', 'u.region_id')
    .select(['d.id', 'd.version', 'r.code as region', 'u.name as unit', 'doc.year', 'doc.template'])
    .where('d.sha256', '=', sha)
    .executeTakeFirst();
  if (!row) return null;
  const count = async (table: 'cells' | 'findings') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('disclosure_id', '=', row.id)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    status: 'unchanged',
    disclosureId: row.id,
    version: row.version,
    region: row.region,
    unit: row.unit,
    year: row.year,
    template: row.template,
    cells: await count('cells'),
    findings: await count('findings'),
  };
}

async function regionId(tx: Transaction<Database>, code: string, name: string): Promise<number> {
  await tx
    .insertInto('regions')
    .values({ code, name })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  return (await tx.selectFrom('regions').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

async function unitId(tx: Transaction<Database>, region: number, name: string): Promise<number> {
  await tx
    .insertInto('units')
    .values({ region_id: region, name, parent_id: null })
    .onConflict((oc) => oc.columns(['region_id', 'name']).doNothing())
    .execute();
  return (
    await tx
      .selectFrom('units')
      .select('id')
      .where('region_id', '=', region)
      .where('name', '=', name)
      .executeTakeFirstOrThrow()
  ).id;
}

/** Set a unit's department; refuses the unit itself and a department that is (under) the unit. */
async function setParent(tx: Transaction<Database>, region: number, unit: number, parent: string) {
  const pid = await unitId(tx, region, parent);
  for (let at: number | null = pid, depth = 0; at !== null; depth++) {
    if (at === unit || depth > 50) {
      throw new StoreInputError(`the department "${parent}" is the unit itself or one of its own units`);
    }
    const row = await tx.selectFrom('units').select('parent_id').where('id', '=', at).executeTakeFirst();
    at = row?.parent_id ?? null;
  }
  await tx.updateTable('units').set({ parent_id: pid }).where('id', '=', unit).execute();
}

/**
 * Save a disclosure with its findings and obligations. The same bytes saved again change nothing
 * (status "unchanged"); different bytes for the same unit, year, kind and template become the next
 * version, and the earlier versions stay as they were.
 */
export async function saveDisclosure(db: Kysely<Database>, input: SaveInput): Promise<SaveResult> {
  const { model } = input;
  const sha = sha256Hex(input.original);
  const found = await findBySha256(db, sha);
  if (found) return found;
  if (model.year === null) {
    throw new StoreInputError('the budget year was not found in the document; it cannot be filed');
  }
  const year = model.year;
  const unit = unitNameOf(model, input.unit);
  const region = input.region
    ? { code: input.region, name: input.regionName ?? input.region }
    : regionOfTemplate(model.template);
  const cells = tidyCells(model, getTemplate(model.template));
  const now = new Date().toISOString();
  return db.transaction().execute(async (tx) => {
    const rid = await regionId(tx, region.code, region.name);
    const uid = await unitId(tx, rid, unit);
    const parent = input.parent?.trim();
    if (parent) await setParent(tx, rid, uid, parent);
    await tx
      .insertInto('files')
      .values({
        sha256: sha,
        content: Buffer.from(input.original),
        size: input.original.length,
        format: model.source.format,
        stored_at: now,
      })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
    const key = { unit_id: uid, year, kind: model.kind, template: model.template };
    await tx
      .insertInto('documents')
      .values({ ...key, latest_id: null })
      .onConflict((oc) => oc.columns(['unit_id', 'year', 'kind', 'template']).doNothing())
      .execute();
    const doc = await tx
      .selectFrom('documents')
      .select('id')
      .where('unit_id', '=', uid)
      .where('year', '=', year)
      .where('kind', '=', model.kind)
      .where('template', '=', model.template)
      .executeTakeFirstOrThrow();
    const last = await tx
      .selectFrom('disclosures')
      .select((eb) => eb.fn.max('version').as('v'))
      .where('document_id', '=', doc.id)
      .executeTakeFirst();
    const version = Number(last?.v ?? 0) + 1;
    const { id } = await tx
      .insertInto('disclosures')
      .values({
        document_id: doc.id,
        version,
        sha256: sha,
        file_name: model.source.file,
        imported_at: now,
        unit_name: model.unitName ?? unit,
        schema_version: model.schemaVersion,
        model: JSON.stringify(model),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.updateTable('documents').set({ latest_id: id }).where('id', '=', doc.id).execute();
    const place = { disclosure_id: id, region_id: rid, unit_id: uid, year };
    await insertRows(
      tx,
      'cells',
      cells.map((c) => ({ ...place, ...c })),
    );
    await insertRows(
      tx,
      'findings',
      input.findings.map((f, ord) => ({
        disclosure_id: id,
        ord,
        rule: f.rule,
        severity: f.severity,
        category: f.category,
        message: f.message,
        locations: JSON.stringify(f.locations),
        stated: f.stated ?? null,
        expected: f.expected ?? null,
        difference: f.difference ?? null,
        tolerance: f.tolerance ?? null,
      })),
    );
    await insertRows(
      tx,
      'obligations',
      input.obligations.map((o) => ({
        disclosure_id: id,
        rule: o.rule,
        status: o.status,
        count: o.count ?? null,
        reason: o.reason ?? null,
      })),
    );
    await insertRows(
      tx,
      'indicators',
      indicatorsOf(model).map((x) => ({ disclosure_id: id, ...x })),
    );
    // last, so that concurrent saves wait on this row for as short a time as possible
    await tx
      .updateTable('store_state')
      .set((eb) => ({ generation: eb('generation', '+', 1) }))
      .where('id', '=', 1)
      .execute();
    return {
      status: 'imported' as const,
      disclosureId: id,
      version,
      region: region.code,
      unit,
      year,
      template: model.template,
      cells: cells.length,
      findings: input.findings.length,
    };
  });
}
