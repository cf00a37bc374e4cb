/**
 * The store tests run the same cases on SQLite and on PostgreSQL. Each case gets an empty store;
 * `env` is what a child `gongkai` process needs to open the same store.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { type Engine, openStore, type Store } from '../../src/store/index.ts';
import { freshDatabase, type Postgres, startPostgres } from './pg.ts';

export interface Fresh {
  store: Store;
  env: Record<string, string>;
  /** open the same store again (a second connection) */
  reopen(): Promise<Store>;
  done(): Promise<void>;
}

export const ENGINES: Engine[] = ['sqlite', 'postgres'];

/** Call inside a describe: sets up the engine once, returns a maker of empty stores. */
export function engineHarness(engine: Engine): () => Promise<Fresh> {
  let server: Postgres | null = null;
  let startError: unknown = null;
  if (engine === 'postgres') {
    before(() => {
      try {
        server = startPostgres();
      } catch (e) {
        startError = e;
      }
    });
    after(() => server?.stop());
  }
  return async (): Promise<Fresh> => {
    if (engine === 'sqlite') {
      const dir = mkdtempSync(join(tmpdir(), 'gongkai-store-'));
      const file = join(dir, 'gongkai.sqlite');
      const store = await openStore({ file });
      return {
        store,
        env: { GONGKAI_DATA: dir, DATABASE_URL: '' },
        reopen: () => openStore({ file }),
        async done() {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    }
    if (startError) throw startError;
    if (!server) throw new Error('PostgreSQL was not started');
    const database = await freshDatabase((server as Postgres).url);
    const store = await openStore({ url: database.url });
    return {
      store,
      env: { DATABASE_URL: database.url },
      reopen: () => openStore({ url: database.url }),
      async done() {
        await store.close();
        await database.drop();
      },
    };
  };
}
