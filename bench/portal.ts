/**
 * `npm run bench:portal [-- --units N]`: the portal with N units loaded (default 10,000) in SQLite.
 * The Xinjiang example is imported as it is (model, cells, findings); the other units are copies of
 * its stored rows made in SQL (cells, findings, obligations; their model is not copied, so only the
 * example's own pages are requested). The server runs in a child process (`gongkai serve --no-load`);
 * wrk drives the disclosure page at 50 connections, side by side with the same page saved as a file
 * and served by a minimal static file server. Also: region totals (target ≤ 300 ms) and the server's
 * peak memory. Needs wrk (`apt-get install wrk`).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { extractText } from '../src/ingest/index.ts';
import { checkDisclosure } from '../src/rules/engine.ts';
import { openStore, regionTotals, saveDisclosure } from '../src/store/index.ts';

const { values } = parseArgs({
  options: { units: { type: 'string', default: '10000' }, seconds: { type: 'string', default: '10' } },
});
const units = Number(values.units);
const root = new URL('..', import.meta.url).pathname;
const example = `${root}examples/changji-miit-2023-budget.txt`;
const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-portal-'));
const file = join(dir, 'gongkai.sqlite');

// 1. the example, imported as any file
const store = await openStore({ file });
const bytes = readFileSync(example);
const model = extractText(bytes.toString('utf8'), { file: example });
const report = checkDisclosure(model);
const saved = await saveDisclosure(store.db, {
  model,
  original: bytes,
  findings: report.findings,
  obligations: report.obligations,
});
await store.close();

// 2. the other units: copies of its rows, in SQL
const t0 = performance.now();
const db = new BetterSqlite3(file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = OFF');
const columns = (table: string, replace: Record<string, string>) =>
  (db.prepare(`pragma table_info(${table})`).all() as { name: string }[]).map((c) => ({
    name: c.name,
    expr: replace[c.name] ?? c.name,
  }));
const copy = (table: string, replace: Record<string, string>) => {
  const cols = columns(table, replace);
  return db.prepare(
    `insert into ${table} (${cols.map((c) => c.name).join(',')}) select ${cols.map((c) => c.expr).join(',')} from ${table} where disclosure_id = ${saved.disclosureId}`,
  );
};
const region = (
  db
    .prepare('select region_id from units where id = (select unit_id from documents where latest_id = ?)')
    .get(saved.disclosureId) as { region_id: number }
).region_id;
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
const copyCells = copy('cells', { disclosure_id: '@id', unit_id: '@unit' });
const copyFindings = copy('findings', { disclosure_id: '@id' });
const copyObligations = copy('obligations', { disclosure_id: '@id' });
db.transaction(() => {
  for (let i = 1; i < units; i++) {
    const name = `基准单位${i}`;
    const unit = Number(insUnit.run(region, name).lastInsertRowid);
    insFile.run(`bench-${i}`);
    const doc = Number(insDoc.run(unit, model.template).lastInsertRowid);
    const id = Number(insDisc.run(doc, `bench-${i}`, name).lastInsertRowid);
    setLatest.run(id, doc);
    copyCells.run({ id, unit });
    copyFindings.run({ id });
    copyObligations.run({ id });
  }
})();
db.exec('analyze');
const cells = (db.prepare('select count(*) as n from cells').get() as { n: number }).n;
db.close();
const loaded = (performance.now() - t0) / 1000;

// 3. region totals, in this process
const reader = await openStore({ file });
const times: number[] = [];
for (let i = 0; i < 8; i++) {
  const s = performance.now();
  await regionTotals(reader.db, { region: 'xinjiang', year: 2023, table: 'T5', by: 'code', level: '类' });
  if (i > 0) times.push(performance.now() - s);
}
await reader.close();
times.sort((a, b) => a - b);

// 4. the server and a static file server, each in a child process, driven by wrk
function start(args: string[], env: Record<string, string>): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      const m = /http:\/\/localhost:(\d+)/.exec(d.toString());
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
  });
}
const peakKb = (pid: number) =>
  Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
function wrk(url: string): { rps: number; p50: string; p99: string } {
  const out = execFileSync('wrk', ['-t2', '-c50', `-d${values.seconds}s`, '--latency', url], {
    encoding: 'utf8',
  });
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  const p = (q: string) => new RegExp(`\\s${q}%\\s+([\\d.]+\\w+)`).exec(out)?.[1] ?? '?';
  return { rps, p50: p('50'), p99: p('99') };
}
const server = await start(
  ['--import', 'tsx', `${root}src/cli/main.ts`, 'serve', '--no-load', '--port', '0'],
  {
    GONGKAI_DATA: dir,
    DATABASE_URL: '',
  },
);
const page = `http://127.0.0.1:${server.port}/d/${saved.disclosureId}`;
const html = await (await fetch(page)).text();
writeFileSync(join(dir, 'page.html'), html);
const s0 = performance.now();
await fetch(page);
const single = performance.now() - s0;
const dynamic = wrk(page);
const serverPeak = peakKb(server.child.pid!);
server.child.kill();
const staticServer = await start([`${root}bench/static-server.mjs`, join(dir, 'page.html')], {});
const fixed = wrk(`http://127.0.0.1:${staticServer.port}/`);
staticServer.child.kill();
rmSync(dir, { recursive: true, force: true });

const row = (k: string, v: string, t = '') => console.log(`${k.padEnd(46)} ${v.padStart(12)}  ${t}`);
console.log(
  `portal on SQLite: ${units} units, ${cells} cells (loaded in ${loaded.toFixed(1)} s); page ${(html.length / 1024).toFixed(0)} KB; wrk -c50 ${values.seconds} s`,
);
row('disclosure page, one request (ms)', single.toFixed(1));
row('disclosure page: requests/s', dynamic.rps.toFixed(1));
row('disclosure page: latency p50 / p99', `${dynamic.p50} / ${dynamic.p99}`);
row('same page as a static file: requests/s', fixed.rps.toFixed(1));
row('same page as a static file: p50 / p99', `${fixed.p50} / ${fixed.p99}`);
row('ratio portal / static (requests/s)', (dynamic.rps / fixed.rps).toFixed(3));
row('region totals T5 by 类, median (ms)', times[Math.floor(times.length / 2)]!.toFixed(1), 'target ≤ 300');
row('server peak RSS (MB)', (serverPeak / 1024).toFixed(1));
