/**
 * Filling a bench store with N units fast: copies of one stored disclosure's rows (cells, findings,
 * obligations, indicators) under new units, made in SQL inside the database. Each copy is its own
 * unit, document, file (a one-byte stand-in) and version, with the model left empty ('{}').
 */
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';

const COPIED = ['cells', 'findings', 'obligations', 'indicators'] as const;

/** SQLite: one transaction of prepared statements per unit. Returns the number of cells. */
export function copySqlite(file: string, example: number, units: number): number {
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const copy = (table: string, replace: Record<string, string>) => {
    const cols = (db.prepare(`pragma table_info(${table})`).all() as { name: string }[]).map((c) => ({
      name: c.name,
      expr: replace[c.name] ?? c.name,
    }));
    return db.prepare(
      `insert into ${table} (${cols.map((c) => c.name).join(',')}) select ${cols.map((c) => c.expr).join(',')} from ${table} where disclosure_id = ${example}`,
    );
  };
  const { region_id: region, template } = db
    .prepare(
      'select u.region_id, doc.template from documents doc join units u on u.id = doc.unit_id where doc.latest_id = ?',
    )
    .get(example) as { region_id: number; template: string };
  const insUnit = db.prepare('insert into units (region_id, parent_id, name) values (?, null, ?)');
  const insFile = db.prepare(
    "insert into files (sha256, content, size, format, stored_at) values (?, x'00', 1, 'text', '')",
  );
  const insDoc = db.prepare(
    "insert into documents (unit_id, year, kind, template, latest_id) values (?, 2023, 'budget', ?, null)",
  );
  const insDisc = db.prepare(
    "insert into disclosures (document_id, version, sha256, file_name, imported_at, unit_name, schema_version, model) values (?, 1, ?, null, '', ?, '1', '{}')",
  );
  const setLatest = db.prepare('update documents set latest_id = ? where id = ?');
  const copies = COPIED.map((t) =>
    copy(t, t === 'cells' ? { disclosure_id: '@id', unit_id: '@unit' } : { disclosure_id: '@id' }),
  );
  db.transaction(() => {
    for (let i = 1; i < units; i++) {
      const name = `基准单位${i}`;
      const unit = Number(insUnit.run(region, name).lastInsertRowid);
      insFile.run(`bench-${i}`);
      const doc = Number(insDoc.run(unit, template).lastInsertRowid);
      const id = Number(insDisc.run(doc, `bench-${i}`, name).lastInsertRowid);
      setLatest.run(id, doc);
      copies[0]!.run({ id, unit });
      for (const c of copies.slice(1)) c.run({ id });
    }
    db.prepare('update store_state set generation = generation + 1').run();
  })();
  db.exec('analyze');
  const cells = (db.prepare('select count(*) as n from cells').get() as { n: number }).n;
  db.close();
  return cells;
}

/** PostgreSQL: a few set-based statements in one transaction, then VACUUM ANALYZE. */
export async function copyPostgres(url: string, example: number, units: number): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('BEGIN');
    const { region_id: region, template } = (
      await c.query(
        'select u.region_id, doc.template from documents doc join units u on u.id = doc.unit_id where doc.latest_id = $1',
        [example],
      )
    ).rows[0] as { region_id: number; template: string };
    const n = units - 1;
    await c.query(
      `insert into units (region_id, parent_id, name) select $1, null, '基准单位' || i from generate_series(1, $2::int) i`,
      [region, n],
    );
    await c.query(
      `insert into files (sha256, content, size, format, stored_at)
       select 'bench-' || i, '\\x00'::bytea, 1, 'text', '' from generate_series(1, $1::int) i`,
      [n],
    );
    await c.query(
      `insert into documents (unit_id, year, kind, template, latest_id)
       select id, 2023, 'budget', $2, null from units where region_id = $1 and name like '基准单位%'`,
      [region, template],
    );
    await c.query(
      `insert into disclosures (document_id, version, sha256, file_name, imported_at, unit_name, schema_version, model)
       select doc.id, 1, 'bench-' || substr(u.name, 5), null, '', u.name, '1', '{}'
       from documents doc join units u on u.id = doc.unit_id where u.region_id = $1 and u.name like '基准单位%'`,
      [region],
    );
    await c.query(
      'update documents set latest_id = d.id from disclosures d where d.document_id = documents.id and documents.latest_id is null',
    );
    await c.query(
      `create temp table bench_map on commit drop as
       select d.id as disclosure_id, doc.unit_id from disclosures d join documents doc on doc.id = d.document_id
       where d.sha256 like 'bench-%'`,
    );
    for (const t of COPIED) {
      const cols = (
        await c.query(
          'select column_name from information_schema.columns where table_name = $1 order by ordinal_position',
          [t],
        )
      ).rows.map((r: { column_name: string }) => r.column_name as string);
      const expr = cols.map((k) =>
        k === 'disclosure_id' ? 'm.disclosure_id' : k === 'unit_id' && t === 'cells' ? 'm.unit_id' : `x.${k}`,
      );
      await c.query(
        `insert into ${t} (${cols.join(',')}) select ${expr.join(',')} from ${t} x cross join bench_map m where x.disclosure_id = $1`,
        [example],
      );
    }
    await c.query('update store_state set generation = generation + 1');
    await c.query('COMMIT');
    await c.query('VACUUM ANALYZE');
    return Number((await c.query('select count(*) as n from cells')).rows[0].n);
  } finally {
    await c.end();
  }
}
