/**
 * The store on both engines: migrations from empty, saving idempotently by content hash, cells and
 * totals equal to the model's fen, immutable published versions, exact integers.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { type Kysely, Migrator, sql } from 'kysely';
import { extractFile, extractText } from '../../src/ingest/index.ts';
import type { Disclosure } from '../../src/model/schema.ts';
import { checkDisclosure } from '../../src/rules/engine.ts';
import {
  type Database,
  defaultTotalColumns,
  exactInteger,
  listDisclosures,
  listRegions,
  listUnits,
  migrateToLatest,
  migrations,
  queryCells,
  regionTotals,
  StoreInputError,
  saveDisclosure,
  sha256Hex,
  tidyCells,
} from '../../src/store/index.ts';
import { getTemplate } from '../../src/templates/index.ts';
import { ROOT, XINJIANG } from '../helpers/fixtures.ts';
import { ENGINES, engineHarness } from '../helpers/store.ts';

const CORPUS = `${ROOT}../shared/corpus/`;
const PDFS = [
  `${CORPUS}shanghai/2025-putuo-commerce-dept.pdf`,
  `${CORPUS}shanghai/2025-putuo-commerce-unit.pdf`,
];
const TABLES = [
  'regions',
  'units',
  'files',
  'documents',
  'disclosures',
  'cells',
  'findings',
  'obligations',
] as const;

interface Input {
  path: string;
  bytes: Buffer;
  model: Disclosure;
}

let inputs: Promise<Input[]> | null = null;
/** The Xinjiang example and two Shanghai PDFs (one unit's department and unit budgets), read once. */
function documents(): Promise<Input[]> {
  inputs ??= Promise.all(
    [XINJIANG, ...PDFS].map(async (path) => ({
      path,
      bytes: readFileSync(path),
      model: await extractFile(path),
    })),
  );
  return inputs;
}

function save(
  db: Kysely<Database>,
  model: Disclosure,
  bytes: Uint8Array,
  extra: { region?: string; unit?: string } = {},
) {
  const report = checkDisclosure(model);
  return saveDisclosure(db, {
    model,
    original: bytes,
    findings: report.findings,
    obligations: report.obligations,
    ...extra,
  });
}

async function counts(db: Kysely<Database>): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of TABLES) {
    const r = await db
      .selectFrom(t)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    out[t] = Number(r.n);
  }
  return out;
}

function modelCells(model: Disclosure) {
  return model.tables.flatMap((t) =>
    t.rows.flatMap((r) => r.cells.map((c) => ({ table: t.id, row: r, column: c.column, fen: c.fen }))),
  );
}

/** Sum of the model's fen over the cells that match, as a BigInt (exact whatever the size). */
function modelSum(
  model: Disclosure,
  table: string,
  keep: (row: Disclosure['tables'][0]['rows'][0], column: string | null) => boolean,
) {
  let sum = 0n;
  for (const c of modelCells(model))
    if (c.table === table && c.fen !== null && keep(c.row, c.column)) sum += BigInt(c.fen);
  return sum;
}

/** The Xinjiang text with T5's 201 一般公共服务支出 合计 printed 0.01 higher. */
function changedXinjiang(): string {
  const text = readFileSync(XINJIANG, 'utf8');
  const changed = text.replace(/^一般公共服务支出 2313\.63 459\.01$/m, '一般公共服务支出 2313.64 459.01');
  assert.notEqual(changed, text, 'the line to change is in the example');
  return changed;
}

for (const engine of ENGINES) {
  describe(`store on ${engine}`, () => {
    const fresh = engineHarness(engine);

    test('migrates an empty database; migrating again does nothing', async () => {
      const f = await fresh();
      try {
        assert.equal(f.store.engine, engine);
        const applied = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(
          f.store.db,
        );
        assert.deepEqual(
          applied.rows.map((r) => r.name),
          Object.keys(migrations(engine)),
        );
        assert.deepEqual(
          Object.values(await counts(f.store.db)),
          TABLES.map(() => 0),
        );
        assert.deepEqual(await migrateToLatest(f.store.db as Kysely<unknown>, engine), []);
        const again = await f.reopen();
        await again.close();
      } finally {
        await f.done();
      }
    });

    test('0002 fills economic_level in cells saved before it', async () => {
      const f = await fresh();
      try {
        const bytes = readFileSync(XINJIANG);
        const model = extractText(bytes.toString('utf8'));
        const saved = await save(f.store.db, model, bytes);
        const migrator = new Migrator({
          db: f.store.db,
          provider: { getMigrations: async () => migrations(engine) },
        });
        const down = await migrator.migrateTo('0001_initial');
        assert.equal(down.error, undefined);
        assert.deepEqual(
          await migrateToLatest(f.store.db as Kysely<unknown>, engine),
          Object.keys(migrations(engine)).slice(1),
        );
        const rows = await f.store.db
          .selectFrom('cells')
          .select(['ord', 'economic_level'])
          .where('disclosure_id', '=', saved.disclosureId)
          .orderBy('ord')
          .execute();
        const expected = tidyCells(model, getTemplate(model.template)).map((c) => c.economic_level);
        assert.deepEqual(
          rows.map((r) => r.economic_level),
          expected,
        );
        assert.ok(expected.includes('款') && expected.includes('类'));
      } finally {
        await f.done();
      }
    });

    test('saves the Xinjiang example and two PDFs; saving them again changes nothing', async () => {
      const docs = await documents();
      const f = await fresh();
      try {
        const first = [];
        for (const d of docs) first.push(await save(f.store.db, d.model, d.bytes));
        assert.deepEqual(
          first.map((r) => [r.status, r.version]),
          docs.map(() => ['imported', 1]),
        );
        assert.deepEqual(
          first.map((r) => r.region),
          ['xinjiang', 'shanghai', 'shanghai'],
        );
        // The department and unit budgets of one unit are two documents, not two versions.
        assert.deepEqual(
          first.map((r) => r.template),
          ['xinjiang-2023', 'shanghai-2025-dept', 'shanghai-2025-unit'],
        );
        const before = await counts(f.store.db);
        assert.equal(
          before.cells,
          docs.reduce((n, d) => n + modelCells(d.model).length, 0),
        );
        assert.deepEqual(
          [before.regions, before.units, before.documents, before.disclosures, before.files],
          [2, 2, 3, 3, 3],
        );
        assert.equal(
          before.obligations,
          docs.reduce((n, d) => n + checkDisclosure(d.model).obligations.length, 0),
        );

        const second = [];
        for (const d of docs) second.push(await save(f.store.db, d.model, d.bytes));
        assert.deepEqual(
          second.map((r) => r.status),
          ['unchanged', 'unchanged', 'unchanged'],
        );
        assert.deepEqual(
          second.map((r) => r.disclosureId),
          first.map((r) => r.disclosureId),
        );
        assert.deepEqual(
          second.map((r) => r.cells),
          first.map((r) => r.cells),
        );
        assert.deepEqual(await counts(f.store.db), before);

        assert.deepEqual(
          (await listRegions(f.store.db)).map((r) => [r.code, r.name, r.units]),
          [
            ['shanghai', '上海市', 1],
            ['xinjiang', '新疆维吾尔自治区', 1],
          ],
        );
        assert.deepEqual(
          (await listUnits(f.store.db, 'xinjiang')).map((u) => [u.name, u.parentId]),
          [['昌吉州工业和信息化局', null]],
        );
        const listed = await listDisclosures(f.store.db);
        assert.equal(listed.length, 3);
        assert.ok(listed.every((d) => d.latest && d.version === 1));

        // The original file is stored by its hash, byte for byte.
        for (const d of docs) {
          const sha = sha256Hex(d.bytes);
          const row = await f.store.db
            .selectFrom('files')
            .select(['content', 'size'])
            .where('sha256', '=', sha)
            .executeTakeFirstOrThrow();
          assert.equal(Number(row.size), d.bytes.length);
          assert.ok(Buffer.from(row.content).equals(d.bytes), `${d.path} stored as published`);
        }
      } finally {
        await f.done();
      }
    });

    test("cells and region totals equal the model's fen", async () => {
      const docs = await documents();
      const f = await fresh();
      try {
        for (const d of docs) {
          const saved = await save(f.store.db, d.model, d.bytes);
          const cells = await queryCells(f.store.db, { disclosureId: saved.disclosureId });
          const expected = modelCells(d.model);
          assert.equal(cells.length, expected.length);
          cells.forEach((c, i) => {
            const e = expected[i]!;
            assert.deepEqual(
              [c.table, c.rowKey, c.column, c.fen],
              [e.table, e.row.key, e.column, e.fen],
              `${d.path} cell ${i}`,
            );
            if (c.fen !== null) assert.equal(typeof c.fen, 'number');
          });
        }
        // Functional 类 totals of the Shanghai department budget's general-budget table (T5, 合计).
        const shanghai = docs[1]!.model;
        const byClass = await regionTotals(f.store.db, {
          region: 'shanghai',
          year: 2025,
          table: 'T5',
          by: 'code',
          level: '类',
          template: 'shanghai-2025-dept',
        });
        assert.ok(byClass.length > 0);
        for (const t of byClass) {
          assert.equal(typeof t.fen, 'number');
          assert.equal(
            BigInt(t.fen),
            modelSum(shanghai, 'T5', (r, col) => r.code === t.key && col === '合计'),
            `T5 ${t.key}`,
          );
          assert.equal(t.disclosures, 1);
        }
        const classes = new Set(
          shanghai.tables
            .find((t) => t.id === 'T5')!
            .rows.filter((r) => r.level === '类')
            .map((r) => r.code),
        );
        assert.deepEqual(new Set(byClass.map((t) => t.key)), classes);
        // Both Shanghai templates together: each code's total is the sum over both documents.
        const both = await regionTotals(f.store.db, {
          region: 'shanghai',
          year: 2025,
          table: 'T5',
          column: '合计',
          by: 'code',
          level: '项',
        });
        for (const t of both) {
          const sum = docs
            .slice(1)
            .reduce(
              (s, d) => s + modelSum(d.model, 'T5', (r, col) => r.code === t.key && col === '合计'),
              0n,
            );
          assert.equal(BigInt(t.fen), sum, `T5 项 ${t.key}`);
        }
        // Economic classes: Xinjiang's basic-expenditure table (T6) by 类, without naming a column,
        // counts the 合计 column only.
        const xinjiang = docs[0]!.model;
        const econ = await regionTotals(f.store.db, {
          region: 'xinjiang',
          year: 2023,
          table: 'T6',
          by: 'economic',
          level: '类',
        });
        assert.ok(econ.length > 0);
        for (const t of econ) {
          assert.equal(
            BigInt(t.fen),
            modelSum(xinjiang, 'T6', (r, col) => r.code === t.key && col === '合计'),
            `T6 ${t.key}`,
          );
        }
        const personnel = await regionTotals(f.store.db, {
          region: 'xinjiang',
          year: 2023,
          table: 'T6',
          column: '人员经费',
          by: 'economic',
          level: '款',
        });
        const kuan = modelSum(xinjiang, 'T6', (r, col) => r.level === '款' && col === '人员经费');
        assert.equal(BigInt(personnel.reduce((s, t) => s + t.fen, 0)), kuan);
      } finally {
        await f.done();
      }
    });

    test('a changed file for the same unit and year is a new version; the published one stays', async () => {
      const f = await fresh();
      try {
        const original = readFileSync(XINJIANG);
        const v1 = await save(
          f.store.db,
          extractText(original.toString('utf8'), { file: XINJIANG }),
          original,
        );
        const cellsV1 = await queryCells(f.store.db, { disclosureId: v1.disclosureId });
        const changedText = changedXinjiang();
        const v2 = await save(
          f.store.db,
          extractText(changedText, { file: XINJIANG }),
          Buffer.from(changedText),
        );
        assert.deepEqual([v1.version, v2.version, v2.status], [1, 2, 'imported']);
        assert.notEqual(v2.disclosureId, v1.disclosureId);

        const latest = await listDisclosures(f.store.db);
        assert.deepEqual(
          latest.map((d) => [d.id, d.version]),
          [[v2.disclosureId, 2]],
        );
        const all = await listDisclosures(f.store.db, { allVersions: true });
        assert.deepEqual(
          all.map((d) => [d.version, d.latest]),
          [
            [1, false],
            [2, true],
          ],
        );

        assert.deepEqual(await queryCells(f.store.db, { disclosureId: v1.disclosureId }), cellsV1);
        const t5 = await queryCells(f.store.db, {
          unit: '昌吉州工业和信息化局',
          year: 2023,
          table: 'T5',
          code: '201',
          column: '合计',
        });
        assert.deepEqual(
          t5.map((c) => [c.disclosureId, c.fen]),
          [[v2.disclosureId, 2313640000]],
        );
        const old = cellsV1.find((c) => c.table === 'T5' && c.code === '201' && c.column === '合计');
        assert.equal(old?.fen, 2313630000);
        const totals = await regionTotals(f.store.db, {
          region: 'xinjiang',
          year: 2023,
          table: 'T5',
          by: 'code',
          level: '类',
        });
        assert.equal(totals.find((t) => t.key === '201')?.fen, 2313640000);

        // Published rows refuse change at the database itself.
        await assert.rejects(
          f.store.db
            .updateTable('disclosures')
            .set({ model: '{}' })
            .where('id', '=', v1.disclosureId)
            .execute(),
          /immutable/,
        );
        await assert.rejects(
          f.store.db.deleteFrom('cells').where('disclosure_id', '=', v1.disclosureId).execute(),
          /immutable/,
        );
        await assert.rejects(f.store.db.updateTable('files').set({ size: 0 }).execute(), /immutable/);
        assert.equal(
          (await queryCells(f.store.db, { disclosureId: v1.disclosureId })).length,
          cellsV1.length,
        );
      } finally {
        await f.done();
      }
    });

    test('refuses a disclosure without a unit name or a year, and writes nothing', async () => {
      const f = await fresh();
      try {
        const bytes = readFileSync(XINJIANG);
        const noUnit = { ...extractText(bytes.toString('utf8')), unitName: '部门' };
        await assert.rejects(
          save(f.store.db, noUnit, bytes),
          (e) => e instanceof StoreInputError && /部门/.test(e.message),
        );
        const noYear = { ...extractText(bytes.toString('utf8')), year: null };
        await assert.rejects(
          save(f.store.db, noYear, bytes),
          (e) => e instanceof StoreInputError && /year/.test(e.message),
        );
        assert.deepEqual(
          Object.values(await counts(f.store.db)),
          TABLES.map(() => 0),
        );
      } finally {
        await f.done();
      }
    });

    test('amounts are exact integers of fen, read back exactly or refused', async () => {
      const f = await fresh();
      try {
        // Two units whose T5 201 合计 holds the largest exact fen: each reads back exactly, and the
        // region total, beyond the exact range, is an error rather than a rounded number.
        const model = structuredClone(extractText(readFileSync(XINJIANG, 'utf8')));
        const cell = model.tables
          .find((t) => t.id === 'T5')!
          .rows.find((r) => r.code === '201')!
          .cells.find((c) => c.column === '合计')!;
        cell.fen = Number.MAX_SAFE_INTEGER;
        for (const unit of ['甲单位', '乙单位']) {
          const saved = await save(f.store.db, model, Buffer.from(`synthetic: ${unit}`), {
            region: 'exact',
            unit,
          });
          const cells = await queryCells(f.store.db, {
            disclosureId: saved.disclosureId,
            table: 'T5',
            code: '201',
            column: '合计',
          });
          assert.deepEqual(
            cells.map((c) => c.fen),
            [Number.MAX_SAFE_INTEGER],
          );
        }
        await assert.rejects(
          regionTotals(f.store.db, { region: 'exact', year: 2023, table: 'T5', by: 'code', level: '类' }),
          RangeError,
        );
        const beyond = structuredClone(model);
        beyond.tables.find((t) => t.id === 'T5')!.rows[0]!.cells[0]!.fen = Number.MAX_SAFE_INTEGER + 2;
        await assert.rejects(save(f.store.db, beyond, Buffer.from('synthetic: beyond')), RangeError);
        if (engine === 'postgres') {
          const ok = await sql<{ x: number }>`SELECT 9007199254740991::bigint AS x`.execute(f.store.db);
          assert.equal(ok.rows[0]!.x, 9007199254740991);
          await assert.rejects(sql`SELECT 9007199254740993::bigint AS x`.execute(f.store.db), RangeError);
          const numeric = await sql<{
            x: number;
          }>`SELECT SUM(v) AS x FROM (VALUES (1::bigint), (2::bigint)) AS t(v)`.execute(f.store.db);
          assert.equal(numeric.rows[0]!.x, 3);
        }
      } finally {
        await f.done();
      }
    });
  });
}

test('default total columns come from the templates: totals, economic classes, a lone 金额', () => {
  assert.deepEqual(defaultTotalColumns('T5', 'code', 'xinjiang-2023'), ['合计']);
  assert.deepEqual(defaultTotalColumns('T5', 'code', 'jiangsu-2017'), ['金额']);
  assert.deepEqual(defaultTotalColumns('T6', 'economic', 'xinjiang-2023'), ['合计']);
  const t7 = defaultTotalColumns('T7', 'economic', 'xinjiang-2023');
  assert.equal(t7.length, 10);
  assert.ok(!t7.includes('项目支出合计'));
  assert.deepEqual(defaultTotalColumns('T99', 'code'), []);
});

test('exactInteger parses only exact integers', () => {
  assert.equal(exactInteger('-9007199254740991'), -9007199254740991);
  assert.throws(() => exactInteger('9007199254740992'), RangeError);
  assert.throws(() => exactInteger('1.5'), TypeError);
});
