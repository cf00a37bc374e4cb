/**
 * PostgreSQL for the store tests. DATABASE_URL when set (CI: .ci/run starts a throwaway cluster and
 * sets it); otherwise, outside CI, a throwaway cluster of our own (scripts/pg-cluster.sh). In CI
 * without DATABASE_URL the tests fail: PostgreSQL tests are never skipped.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { ROOT } from './fixtures.ts';

export interface Postgres {
  /** a server URL where databases can be created */
  url: string;
  stop(): void;
}

export function startPostgres(): Postgres {
  const given = process.env.DATABASE_URL;
  if (given) return { url: given, stop() {} };
  if (process.env.CI) {
    throw new Error(
      'DATABASE_URL is not set: in CI the PostgreSQL store tests need the cluster .ci/run starts',
    );
  }
  const r = spawnSync(`${ROOT}scripts/pg-cluster.sh`, ['start'], { encoding: 'utf8', timeout: 120_000 });
  const [dir, url] = r.stdout.trim().split('\n');
  if (r.status !== 0 || !dir || !url) {
    throw new Error(
      `could not start a PostgreSQL cluster for the tests (scripts/pg-cluster.sh start, exit ${r.status}): ${r.stderr.trim()}\n` +
        'Install PostgreSQL (initdb) or set DATABASE_URL to a server where databases can be created.',
    );
  }
  return {
    url,
    stop() {
      spawnSync(`${ROOT}scripts/pg-cluster.sh`, ['stop', dir], { encoding: 'utf8', timeout: 60_000 });
    },
  };
}

/** A new empty database on the server; drop() removes it. */
export async function freshDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `gongkai_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
