/**
 * `npm run bench`: extraction of the Xinjiang example. The library is bundled with esbuild and run
 * by plain node (as a published build would run), in child processes so that memory figures are the
 * extraction's own. Targets (issue 2): ≥ 200 documents/s on one core, < 150 MB peak.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const example = `${root}examples/changji-miit-2023-budget.txt`;
const out = `${root}node_modules/.gongkai-bench/extract-worker.mjs`;
mkdirSync(`${root}node_modules/.gongkai-bench`, { recursive: true });
buildSync({
  entryPoints: [`${root}bench/extract-worker.ts`],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: out,
  external: ['exceljs'],
  logLevel: 'error',
});

const run = (...args: string[]) =>
  JSON.parse(execFileSync(process.execPath, [out, ...args], { encoding: 'utf8' })) as Record<string, number>;
const seconds = process.env.BENCH_SECONDS ?? '5';
const once = run('once', example);
const loop = run('throughput', example, seconds);
const bytes = readFileSync(example).length;
const perSecond = (loop.docs! / loop.ms!) * 1000;
const mb = (kb: number) => (kb / 1024).toFixed(1);
const rows: [string, string, string][] = [
  ['extract: documents/s (one core)', perSecond.toFixed(1), '≥ 200'],
  ['extract: MB/s', ((perSecond * bytes) / 1048576).toFixed(2), ''],
  ['extract: ms per document, median', loop.median!.toFixed(2), ''],
  ['extract: ms per document, p99', loop.p99!.toFixed(2), ''],
  ['first extraction in a fresh process, ms', once.ms!.toFixed(1), ''],
  ['peak RSS, one extraction (MB)', mb(once.maxRssKb!), '< 150'],
  ['peak RSS, throughput loop (MB)', mb(loop.maxRssKb!), '< 150'],
  ['node baseline RSS (MB)', mb(once.baseRssKb!), ''],
];
console.log(`Xinjiang example: ${(bytes / 1024).toFixed(1)} KB; ${loop.docs} documents in ${(loop.ms! / 1000).toFixed(1)} s; node ${process.version}`);
for (const [k, v, t] of rows) console.log(`${k.padEnd(42)} ${v.padStart(9)}  ${t ? `target ${t}` : ''}`);
