/**
 * `npm run bench:portal [-- --units N --engine sqlite|pg|both --saves S --seconds T]`: the portal with
 * N units loaded (default 10,000), on SQLite, PostgreSQL, or both side by side (default: both when
 * DATABASE_URL is set, else SQLite; `--engine pg` without DATABASE_URL starts a throwaway cluster
 * with scripts/pg-cluster.sh).
 *
 * On each engine: the Xinjiang example is imported as any file; S more copies of it are saved
 * through `saveDisclosure` (the import path, timed: ms per saved version); the other N−1 units are
 * copies of its stored rows made in SQL (cells, findings, obligations, indicators; their model is
 * not copied, so only the example's own pages are requested). Then region totals are timed in
 * process, and the server runs in a child process (`gongkai serve --no-load`): wrk drives the
 * disclosure page at 50 connections (cold first request, then the cached page, then revalidation
 * with If-None-Match → 304), side by side with the same page saved as a file and served by a
 * minimal static file server. Also the server's peak memory. Needs wrk (`apt-get install wrk`).
 */
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { extractText } from '../src/ingest/index.ts';
import { checkDisclosure } from '../src/rules/engine.ts';
import { type OpenOptions, openStore, regionTotals, saveDisclosure } from '../src/store/index.ts';
import { copyPostgres, copySqlite } from './portal-copy.ts';

const { values } = parseArgs({
  options: {
    units: { type: 'string', default: '10000' },
    seconds: { type: 'string', default: '10' },
    engine: { type: 'string' },
    saves: { type: 'string', default: '50' },
  },
});
const units = Number(values.units);
const saves = Number(values.saves);
const engineArg = values.engine ?? (process.env.DATABASE_URL ? 'both' : 'sqlite');
if (!['sqlite', 'pg', 'both'].includes(engineArg)) throw new Error('--engine is sqlite, pg or both');
const engines = engineArg === 'both' ? ['sqlite', 'pg'] : [engineArg];
const root = new URL('..', import.meta.url).pathname;
const example = `${root}examples/changji-miit-2023-budget.txt`;
const bytes = readFileSync(example);
const text = bytes.toString('utf8');
const model = extractText(text, { file: example });
const report = checkDisclosure(model);

// PostgreSQL: DATABASE_URL, or a throwaway cluster
const cluster: { server: { url: string; stop(): void } | null } = { server: null };
function postgresServer(): { url: string; stop(): void } {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop() {} };
  const r = spawnSync(`${root}scripts/pg-cluster.sh`, ['start'], { encoding: 'utf8', timeout: 120_000 });
  const [dir, url] = r.stdout.trim().split('\n');
  if (r.status !== 0 || !dir || !url) throw new Error(`pg-cluster.sh start failed: ${r.stderr}`);
  return { url, stop: () => spawnSync(`${root}scripts/pg-cluster.sh`, ['stop', dir], { timeout: 60_000 }) };
}
async function pgDatabase(serverUrl: string): Promise<string> {
  const pg = (await import('pg')).default;
  const name = `gongkai_bench_${process.pid}`;
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

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
interface Wrk {
  rps: number;
  p50: string;
  p99: string;
}
function wrk(url: string, header?: string): Wrk {
  const args = ['-t2', '-c50', `-d${values.seconds}s`, '--latency', ...(header ? ['-H', header] : []), url];
  const out = execFileSync('wrk', args, { encoding: 'utf8' });
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  const p = (q: string) => new RegExp(`\\s${q}%\\s+([\\d.]+\\w+)`).exec(out)?.[1] ?? '?';
  return { rps, p50: p('50'), p99: p('99') };
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Figures {
  cells: number;
  saveMs: number;
  loadS: number;
  totalsMs: number;
  cold: number;
  warm: number;
  page: Wrk;
  revalidate: Wrk;
  peakMb: number;
  html: string;
}

async function run(engine: string): Promise<Figures> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-portal-'));
  let open: OpenOptions;
  let env: Record<string, string>;
  if (engine === 'pg') {
    cluster.server ??= postgresServer();
    const url = await pgDatabase(cluster.server.url);
    open = { url };
    env = { DATABASE_URL: url };
  } else {
    open = { file: join(dir, 'gongkai.sqlite') };
    env = { GONGKAI_DATA: dir, DATABASE_URL: '' };
  }
  // 1. the example, imported as any file; then `saves` copies through the import path, timed
  const store = await openStore(open);
  const input = { model, findings: report.findings, obligations: report.obligations };
  const saved = await saveDisclosure(store.db, { ...input, original: bytes });
  const s0 = performance.now();
  for (let i = 0; i < saves; i++) {
    await saveDisclosure(store.db, {
      ...input,
      original: Buffer.concat([bytes, Buffer.from(`\n${i}`)]),
      region: 'save-bench',
      unit: `保存测试单位${i}`,
    });
  }
  const saveMs = (performance.now() - s0) / Math.max(1, saves);
  await store.close();

  // 2. the other units: copies of its rows, in SQL
  const t0 = performance.now();
  const cells =
    engine === 'pg'
      ? await copyPostgres(open.url!, saved.disclosureId, units)
      : copySqlite(open.file!, saved.disclosureId, units);
  const loadS = (performance.now() - t0) / 1000;

  // 3. region totals, in this process
  const reader = await openStore(open);
  const times: number[] = [];
  for (let i = 0; i < 8; i++) {
    const s = performance.now();
    await regionTotals(reader.db, { region: 'xinjiang', year: 2023, table: 'T5', by: 'code', level: '类' });
    if (i > 0) times.push(performance.now() - s);
  }
  await reader.close();

  // 4. the server in a child process, driven by wrk
  const server = await start(
    ['--import', 'tsx', `${root}src/cli/main.ts`, 'serve', '--no-load', '--port', '0'],
    env,
  );
  const page = `http://127.0.0.1:${server.port}/d/${saved.disclosureId}`;
  const c0 = performance.now();
  const first = await fetch(page);
  const html = await first.text();
  const cold = performance.now() - c0;
  const w0 = performance.now();
  await (await fetch(page)).text();
  const warm = performance.now() - w0;
  const dynamic = wrk(page);
  const revalidate = wrk(page, `If-None-Match: ${first.headers.get('etag')}`);
  const peakMb = peakKb(server.child.pid!) / 1024;
  server.child.kill();
  rmSync(dir, { recursive: true, force: true });
  return {
    cells,
    saveMs,
    loadS,
    totalsMs: median(times),
    cold,
    warm,
    page: dynamic,
    revalidate,
    peakMb,
    html,
  };
}

const results = new Map<string, Figures>();
try {
  for (const e of engines) results.set(e, await run(e));
} finally {
  cluster.server?.stop();
}

// the same page as a static file
const first = [...results.values()][0]!;
const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-static-'));
writeFileSync(join(dir, 'page.html'), first.html);
const staticServer = await start([`${root}bench/static-server.mjs`, join(dir, 'page.html')], {});
const fixed = wrk(`http://127.0.0.1:${staticServer.port}/`);
staticServer.child.kill();
rmSync(dir, { recursive: true, force: true });

const cols = [...results.keys()];
const row = (k: string, f: (x: Figures) => string, t = '') =>
  console.log(`${k.padEnd(44)} ${cols.map((c) => f(results.get(c)!).padStart(16)).join(' ')}  ${t}`);
console.log(
  `portal: ${units} units, ${first.cells} cells; page ${(first.html.length / 1024).toFixed(0)} KB; wrk -c50 ${values.seconds} s; load average ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`,
);
console.log(
  `${''.padEnd(44)} ${cols.map((c) => (c === 'pg' ? 'PostgreSQL' : 'SQLite').padStart(16)).join(' ')}`,
);
row('saveDisclosure, one version (ms)', (x) => x.saveMs.toFixed(1), `mean of ${saves}`);
row(`loading ${units} units as SQL copies (s)`, (x) => x.loadS.toFixed(1));
row('region totals T5 by 类, median (ms)', (x) => x.totalsMs.toFixed(1), 'target ≤ 300');
row('disclosure page: first request, cold (ms)', (x) => x.cold.toFixed(1));
row('disclosure page: second request (ms)', (x) => x.warm.toFixed(1));
row('disclosure page: requests/s', (x) => x.page.rps.toFixed(1));
row('disclosure page: latency p50 / p99', (x) => `${x.page.p50} / ${x.page.p99}`);
row('revalidation (304): requests/s', (x) => x.revalidate.rps.toFixed(1));
row('revalidation (304): p50 / p99', (x) => `${x.revalidate.p50} / ${x.revalidate.p99}`);
row('ratio portal / static (requests/s)', (x) => (x.page.rps / fixed.rps).toFixed(3));
row('server peak RSS (MB)', (x) => x.peakMb.toFixed(1));
console.log(`${'same page as a static file: requests/s'.padEnd(44)} ${fixed.rps.toFixed(1).padStart(16)}`);
console.log(
  `${'same page as a static file: p50 / p99'.padEnd(44)} ${`${fixed.p50} / ${fixed.p99}`.padStart(16)}`,
);
