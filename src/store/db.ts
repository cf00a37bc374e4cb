/**
 * Opening the store: PostgreSQL when DATABASE_URL is a postgres:// URL, otherwise SQLite in a file
 * under the data directory (./data, or GONGKAI_DATA). Opening migrates to the latest schema.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { dataDir } from '../catalog/catalog.ts';
import { type Engine, migrateToLatest } from './migrations.ts';
import type { Database } from './schema.ts';

export type { Engine } from './migrations.ts';

export interface Store {
  db: Kysely<Database>;
  engine: Engine;
  /** where it is: the SQLite file, or the PostgreSQL URL without its password */
  location: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… ; default: the DATABASE_URL environment variable (an empty value means unset) */
  url?: string;
  /** SQLite file; default: gongkai.sqlite in the data directory */
  file?: string;
}

const PG_INT8 = 20;
const PG_NUMERIC = 1700;

/**
 * PostgreSQL sends bigint and numeric as text. Integers (fen, sums of fen, counts) become numbers
 * only when exact: a value beyond Number.MAX_SAFE_INTEGER is an error, never a rounded number.
 */
export function exactInteger(text: string): number {
  if (!/^-?\d+$/.test(text)) throw new TypeError(`not an integer: "${text}"`);
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new RangeError(`integer ${text} is beyond the exact range of a number`);
  return n;
}

function parseNumeric(text: string): number | string {
  // A sum of fen is a numeric with no fraction; any other numeric stays text.
  return /^-?\d+$/.test(text) ? exactInteger(text) : text;
}

const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === PG_INT8) return exactInteger;
    if (oid === PG_NUMERIC) return parseNumeric;
    // biome-ignore lint/suspicious/noExplicitAny: pg's overloaded signature
    return (pg.types.getTypeParser as any)(oid, format);
  },
};

export function defaultSqliteFile(): string {
  return join(dataDir(), 'gongkai.sqlite');
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres (unparsable URL)';
  }
}

/** Open (and migrate) the store. */
export async function openStore(options: OpenOptions = {}): Promise<Store> {
  const url = options.url ?? (process.env.DATABASE_URL || undefined);
  if (url && !options.file) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error(
        `DATABASE_URL must be a postgres:// URL (got "${url.slice(0, 20)}…"); unset it for SQLite`,
      );
    }
    const pool = new pg.Pool({ connectionString: url, types: pgTypes, max: 4 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const store: Store = { db, engine: 'postgres', location: redact(url), close: () => db.destroy() };
    await migrateOrClose(store);
    return store;
  }
  const file = options.file ?? defaultSqliteFile();
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  // In WAL mode NORMAL never corrupts the database; a power loss may lose the last commits.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  const store: Store = { db, engine: 'sqlite', location: file, close: () => db.destroy() };
  await migrateOrClose(store);
  return store;
}

async function migrateOrClose(store: Store): Promise<void> {
  try {
    await migrateToLatest(store.db as Kysely<unknown>, store.engine);
  } catch (e) {
    await store.close();
    throw e;
  }
}
