/**
 * `npm run bench:store [-- --units N]`: the store's read queries with N units (default 10,000) loaded
 * into one region, each unit holding the Xinjiang example's cells (one disclosure, ~330 cells).
 * SQLite in a temporary file, or PostgreSQL when DATABASE_URL is set. Target (issue 6): region
 * totals ≤ 300 ms with 10,000 units.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { extractText } from '../src/ingest/index.ts';
import { listDisclosures, openStore, queryCells, regionTotals, tidyCells } from '../src/store/index.ts';
import { getTemplate } from '../src/templates/index.ts';

const { values } = parseArgs({
  options: { units: { type: 'string', default: '10000' }, keep: { type: 'string' } },
});
const units = Number(values.units);
if (!Number.isInteger(units) || units < 1) throw new Error('--units must be a positive integer');

const root = new URL('..', import.meta.url).pathname;
const doc = extractText(readFileSync(`${root}examples/changji-miit-2023-budget.txt`, 'utf8'));
const cells = tidyCells(doc, getTemplate(doc.template));
const dir =
  process.env.DATABASE_URL || values.keep ? null : mkdtempSync(join(tmpdir(), 'gongkai-bench-store-'));
// --keep FILE: SQLite in FILE, kept afterwards (for looking at query plans)
const store = await openStore(
  dir ? { file: join(dir, 'bench.sqlite') } : values.keep ? { file: values.keep } : {},
);
const { db } = store;

const t0 = performance.now();
const region = (
  await db
    .insertInto('regions')
    .values({ code: 'bench', name: '基准' })
    .returning('id')
    .executeTakeFirstOrThrow()
).id;
const BATCH = 500;
for (let start = 0; start < units; start += BATCH) {
  await db.transaction().execute(async (tx) => {
    for (let i = start; i < Math.min(units, start + BATCH); i++) {
      const unit = (
        await tx
          .insertInto('units')
          .values({ region_id: region, name: `单位${i}`, parent_id: null })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      const sha = `bench-${i}`;
      await tx
        .insertInto('files')
        .values({ sha256: sha, content: Buffer.from(sha), size: sha.length, format: 'text', stored_at: '' })
        .execute();
      const document = (
        await tx
          .insertInto('documents')
          .values({ unit_id: unit, year: 2023, kind: 'budget', template: doc.template, latest_id: null })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      const id = (
        await tx
          .insertInto('disclosures')
          .values({
            document_id: document,
            version: 1,
            sha256: sha,
            file_name: null,
            imported_at: '',
            unit_name: `单位${i}`,
            schema_version: '1',
            model: '{}',
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      await tx.updateTable('documents').set({ latest_id: id }).where('id', '=', document).execute();
      const rows = cells.map((c) => ({
        ...c,
        disclosure_id: id,
        region_id: region,
        unit_id: unit,
        year: 2023,
      }));
      for (let k = 0; k < rows.length; k += 500)
        await tx
          .insertInto('cells')
          .values(rows.slice(k, k + 500))
          .execute();
    }
  });
}
// PostgreSQL: VACUUM too, so that index-only scans need no heap fetches.
await sql.raw(store.engine === 'postgres' ? 'VACUUM ANALYZE' : 'ANALYZE').execute(db);
const loaded = performance.now() - t0;

async function timed(name: string, run: () => Promise<unknown[]>): Promise<void> {
  let n = (await run()).length; // warm
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    const s = performance.now();
    n = (await run()).length;
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  const ms = (x: number) => x.toFixed(1).padStart(8);
  console.log(
    `${name.padEnd(52)} ${String(n).padStart(6)} rows  median ${ms(times[3]!)} ms  max ${ms(times[6]!)} ms`,
  );
}

console.log(
  `${store.engine}: ${units} units, ${units * cells.length} cells loaded in ${(loaded / 1000).toFixed(1)} s`,
);
await timed('region totals T5 合计 by 类', () =>
  regionTotals(db, { region: 'bench', year: 2023, table: 'T5', by: 'code', level: '类' }),
);
await timed('region totals T5 基本支出 by 项', () =>
  regionTotals(db, { region: 'bench', year: 2023, table: 'T5', column: '基本支出', by: 'code', level: '项' }),
);
await timed('region totals T6 by economic 款', () =>
  regionTotals(db, { region: 'bench', year: 2023, table: 'T6', by: 'economic', level: '款' }),
);
await timed('cells of one unit, year, table', () =>
  queryCells(db, { unit: `单位${Math.floor(units / 2)}`, year: 2023, table: 'T5' }),
);
await timed('cells of one unit, year, table, code', () =>
  queryCells(db, { unit: `单位${Math.floor(units / 2)}`, year: 2023, table: 'T5', code: '201' }),
);
await timed('latest disclosures of the region', () => listDisclosures(db, { region: 'bench' }));

await store.close();
if (dir) rmSync(dir, { recursive: true, force: true });
else console.log('(the bench data stays in the database)');
