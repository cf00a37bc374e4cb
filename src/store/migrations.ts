/**
 * Schema migrations as code (no files read at run time), for SQLite and PostgreSQL alike. A new
 * migration is a new entry with the next number; an applied migration is never edited.
 */
import {
  type ColumnDefinitionBuilder,
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
  Migrator,
  sql,
} from 'kysely';
import type { Disclosure } from '../model/schema.ts';
import { indicatorsOf } from './indicators.ts';
import type { Database } from './schema.ts';

export type Engine = 'sqlite' | 'postgres';

function idColumn(engine: Engine) {
  return (c: ColumnDefinitionBuilder) =>
    engine === 'postgres' ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement();
}

/** Tables whose rows, once written, are never changed: a published version stays as published. */
const IMMUTABLE = ['files', 'disclosures', 'cells'] as const;

async function immutable(db: Kysely<unknown>, engine: Engine): Promise<void> {
  if (engine === 'postgres') {
    await sql`CREATE FUNCTION gongkai_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'immutable: a published % row is never changed', TG_TABLE_NAME; END $$`.execute(
      db,
    );
    for (const t of IMMUTABLE) {
      await sql`CREATE TRIGGER ${sql.id(`${t}_immutable`)} BEFORE UPDATE OR DELETE ON ${sql.table(t)}
        FOR EACH ROW EXECUTE FUNCTION gongkai_immutable()`.execute(db);
    }
    return;
  }
  for (const t of IMMUTABLE) {
    for (const op of ['UPDATE', 'DELETE']) {
      await sql`CREATE TRIGGER ${sql.id(`${t}_no_${op.toLowerCase()}`)} BEFORE ${sql.raw(op)} ON ${sql.table(t)}
        BEGIN SELECT RAISE(ABORT, ${sql.lit(`immutable: a published ${t} row is never changed`)}); END`.execute(
        db,
      );
    }
  }
}

function initial(engine: Engine): Migration {
  const id = idColumn(engine);
  const blob = engine === 'postgres' ? 'bytea' : 'blob';
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('regions')
        .addColumn('id', 'integer', id)
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('units')
        .addColumn('id', 'integer', id)
        .addColumn('region_id', 'integer', (c) => c.notNull().references('regions.id'))
        .addColumn('parent_id', 'integer', (c) => c.references('units.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addUniqueConstraint('units_region_name', ['region_id', 'name'])
        .execute();
      await db.schema
        .createTable('files')
        .addColumn('sha256', 'text', (c) => c.primaryKey())
        .addColumn('content', blob, (c) => c.notNull())
        .addColumn('size', 'bigint', (c) => c.notNull())
        .addColumn('format', 'text', (c) => c.notNull())
        .addColumn('stored_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('documents')
        .addColumn('id', 'integer', id)
        .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('template', 'text', (c) => c.notNull())
        .addColumn('latest_id', 'integer')
        .addUniqueConstraint('documents_key', ['unit_id', 'year', 'kind', 'template'])
        .execute();
      await db.schema
        .createTable('disclosures')
        .addColumn('id', 'integer', id)
        .addColumn('document_id', 'integer', (c) => c.notNull().references('documents.id'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull().unique().references('files.sha256'))
        .addColumn('file_name', 'text')
        .addColumn('imported_at', 'text', (c) => c.notNull())
        .addColumn('unit_name', 'text', (c) => c.notNull())
        .addColumn('schema_version', 'text', (c) => c.notNull())
        .addColumn('model', 'text', (c) => c.notNull())
        .addUniqueConstraint('disclosures_version', ['document_id', 'version'])
        .execute();
      await db.schema.createIndex('documents_latest').on('documents').column('latest_id').execute();
      await db.schema
        .createTable('cells')
        .addColumn('disclosure_id', 'integer', (c) => c.notNull().references('disclosures.id'))
        .addColumn('region_id', 'integer', (c) => c.notNull())
        .addColumn('unit_id', 'integer', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('ord', 'integer', (c) => c.notNull())
        .addColumn('table_id', 'text', (c) => c.notNull())
        .addColumn('block', 'text')
        .addColumn('row_key', 'text', (c) => c.notNull())
        .addColumn('row_kind', 'text', (c) => c.notNull())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('code', 'text')
        .addColumn('level', 'text')
        .addColumn('classification', 'text')
        .addColumn('economic', 'text')
        .addColumn('column_id', 'text')
        .addColumn('fund', 'text')
        .addColumn('spending', 'text')
        .addColumn('total_column', 'integer', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('fen', 'bigint')
        .addColumn('unit', 'text')
        .addColumn('placement', 'text', (c) => c.notNull())
        .addColumn('line', 'integer')
        .addColumn('page', 'integer')
        .addPrimaryKeyConstraint('cells_pk', ['disclosure_id', 'ord'])
        .execute();
      // A unit's cells: by unit, year, table and code.
      await db.schema
        .createIndex('cells_by_unit')
        .on('cells')
        .columns(['unit_id', 'year', 'table_id', 'code'])
        .execute();
      // Region totals by code and level of a table's column. Covering: the disclosure id (for the
      // latest-version filter) and the amount are read from the index, never from the table.
      await db.schema
        .createIndex('cells_by_region_code')
        .on('cells')
        .columns(['region_id', 'year', 'table_id', 'column_id', 'level', 'code', 'disclosure_id', 'fen'])
        .execute();
      // Region totals by economic class (rows of economic tables, economic columns of project tables).
      await db.schema
        .createIndex('cells_by_region_economic')
        .on('cells')
        .columns(['region_id', 'year', 'table_id', 'column_id', 'economic', 'disclosure_id', 'fen'])
        .execute();
      await db.schema
        .createTable('findings')
        .addColumn('disclosure_id', 'integer', (c) => c.notNull().references('disclosures.id'))
        .addColumn('ord', 'integer', (c) => c.notNull())
        .addColumn('rule', 'text', (c) => c.notNull())
        .addColumn('severity', 'text', (c) => c.notNull())
        .addColumn('category', 'text', (c) => c.notNull())
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('locations', 'text', (c) => c.notNull())
        .addColumn('stated', 'text')
        .addColumn('expected', 'text')
        .addColumn('difference', 'text')
        .addColumn('tolerance', 'text')
        .addPrimaryKeyConstraint('findings_pk', ['disclosure_id', 'ord'])
        .execute();
      await db.schema.createIndex('findings_by_rule').on('findings').columns(['rule', 'severity']).execute();
      await db.schema
        .createTable('obligations')
        .addColumn('disclosure_id', 'integer', (c) => c.notNull().references('disclosures.id'))
        .addColumn('rule', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('count', 'integer')
        .addColumn('reason', 'text')
        .addPrimaryKeyConstraint('obligations_pk', ['disclosure_id', 'rule'])
        .execute();
      await immutable(db, engine);
    },
    async down(db: Kysely<unknown>) {
      for (const t of [
        'obligations',
        'findings',
        'cells',
        'disclosures',
        'documents',
        'files',
        'units',
        'regions',
      ])
        await db.schema.dropTable(t).execute();
      if (engine === 'postgres') await sql`DROP FUNCTION gongkai_immutable()`.execute(db);
    },
  };
}

/** Run `body` with the immutability triggers of `cells` lifted (a migration's backfill only). */
async function withCellsWritable(
  db: Kysely<unknown>,
  engine: Engine,
  body: () => Promise<void>,
): Promise<void> {
  if (engine === 'postgres') {
    await sql`ALTER TABLE cells DISABLE TRIGGER cells_immutable`.execute(db);
    await body();
    await sql`ALTER TABLE cells ENABLE TRIGGER cells_immutable`.execute(db);
    return;
  }
  await sql`DROP TRIGGER cells_no_update`.execute(db);
  await body();
  await sql`CREATE TRIGGER cells_no_update BEFORE UPDATE ON cells
    BEGIN SELECT RAISE(ABORT, 'immutable: a published cells row is never changed'); END`.execute(db);
}

/**
 * The level of a cell's economic class (类/款) as a column, so that economic totals at a level are
 * read from the covering index instead of testing length(economic) on every entry.
 */
function economicLevel(engine: Engine): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('cells').addColumn('economic_level', 'text').execute();
      await withCellsWritable(db, engine, async () => {
        await sql`UPDATE cells SET economic_level = CASE
            WHEN classification = 'economic' THEN level
            WHEN economic IS NOT NULL THEN '类' END`.execute(db);
      });
      await db.schema.dropIndex('cells_by_region_economic').execute();
      await db.schema
        .createIndex('cells_by_region_economic')
        .on('cells')
        .columns([
          'region_id',
          'year',
          'table_id',
          'column_id',
          'economic_level',
          'economic',
          'disclosure_id',
          'fen',
        ])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('cells_by_region_economic').execute();
      await db.schema
        .createIndex('cells_by_region_economic')
        .on('cells')
        .columns(['region_id', 'year', 'table_id', 'column_id', 'economic', 'disclosure_id', 'fen'])
        .execute();
      await db.schema.alterTable('cells').dropColumn('economic_level').execute();
    },
  };
}

/**
 * The store's generation: a number bumped by every saved version (in the same transaction), so that
 * pages listing versions or naming the latest can be cached by it and are never stale after an import,
 * whichever process imported. Starts at the number of versions already stored.
 */
const generation: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('store_state')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('generation', 'bigint', (c) => c.notNull())
      .execute();
    await sql`INSERT INTO store_state (id, generation) SELECT 1, count(*) FROM disclosures`.execute(db);
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('store_state').execute();
  },
};

/** The organisation tree: units by parent (主管部门 → 所属单位); `parent_id` itself is in 0001. */
const unitParent: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.createIndex('units_by_parent').on('units').column('parent_id').execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex('units_by_parent').execute();
  },
};

/**
 * Performance indicators as rows (one per indicator of each performance table), written on save, so
 * that searching them is a scan of one narrow table instead of LIKE over every model's JSON. Versions
 * stored before are filled from their models here.
 */
const indicatorRows: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('indicators')
      .addColumn('disclosure_id', 'integer', (c) => c.notNull().references('disclosures.id'))
      .addColumn('ord', 'integer', (c) => c.notNull())
      .addColumn('project_ord', 'integer', (c) => c.notNull())
      .addColumn('indicator_ord', 'integer', (c) => c.notNull())
      .addColumn('project', 'text', (c) => c.notNull())
      .addColumn('level1', 'text', (c) => c.notNull())
      .addColumn('level2', 'text', (c) => c.notNull())
      .addColumn('level3', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('indicators_pk', ['disclosure_id', 'ord'])
      .execute();
    const typed = db as unknown as Kysely<Database>;
    let after = 0;
    for (;;) {
      const rows = await typed
        .selectFrom('disclosures')
        .select(['id', 'model'])
        .where('id', '>', after)
        .orderBy('id')
        .limit(200)
        .execute();
      if (rows.length === 0) break;
      for (const r of rows) {
        const list = indicatorsOf(JSON.parse(r.model) as Disclosure).map((x) => ({
          disclosure_id: r.id,
          ...x,
        }));
        for (let i = 0; i < list.length; i += 500) {
          await typed
            .insertInto('indicators')
            .values(list.slice(i, i + 500))
            .execute();
        }
        after = r.id;
      }
    }
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable('indicators').execute();
  },
};

export function migrations(engine: Engine): Record<string, Migration> {
  return {
    '0001_initial': initial(engine),
    '0002_economic_level': economicLevel(engine),
    '0003_generation': generation,
    '0004_unit_parent': unitParent,
    '0005_indicators': indicatorRows,
  };
}

class CodeMigrations implements MigrationProvider {
  constructor(private readonly engine: Engine) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations(this.engine);
  }
}

/** Bring the database to the latest schema; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<unknown>, engine: Engine): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new CodeMigrations(engine) });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  const failed = result.results?.find((r) => r.status === 'Error');
  if (result.error) {
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(`migration failed${name}: ${(result.error as Error).message ?? String(result.error)}`);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
