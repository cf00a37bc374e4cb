/**
 * Multi-row inserts without the query builder: the statement text and its flat parameters are made
 * here and run as one compiled query per chunk. Kysely builds and compiles a node per value (330
 * cells × 26 columns per disclosure), which cost more than the database's work; the SQL is the same
 * on both engines but for the placeholders ($n on PostgreSQL, ? on SQLite). Column names come from
 * our own row objects (the store's schema), never from input.
 */
import { CompiledQuery, type Kysely, PostgresAdapter } from 'kysely';
import type { Database } from './schema.ts';

/** The most parameters in one statement (SQLite allows 32,766, PostgreSQL 65,535). */
const MAX_PARAMETERS = 30_000;
const MAX_ROWS = 1000;

/** Insert rows (all with the same keys, in the same order) into a table of the store. */
export async function insertRows<T extends keyof Database>(
  db: Kysely<Database>,
  table: T,
  rows: Record<string, unknown>[],
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  if (columns.some((c) => !/^[a-z_][a-z0-9_]*$/.test(c))) throw new Error(`bad column in ${columns}`);
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const per = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMETERS / columns.length)));
  const head = `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values `;
  for (let i = 0; i < rows.length; i += per) {
    const params: unknown[] = [];
    const tuples: string[] = [];
    for (const row of rows.slice(i, i + per)) {
      const marks: string[] = [];
      for (const c of columns) {
        const v = row[c];
        params.push(v === undefined ? null : v);
        marks.push(pg ? `$${params.length}` : '?');
      }
      tuples.push(`(${marks.join(', ')})`);
    }
    await db.executeQuery(CompiledQuery.raw(head + tuples.join(', '), params));
  }
}
