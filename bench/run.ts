/**
 * `npm run bench`: extraction of the Xinjiang example. The library is bundled with esbuild and run
 * by plain node (as a published build would run), in child processes so that memory figures are the
 * extraction's own. Targets (issue 2): ≥ 200 documents/s on one core, < 150 MB peak. Then PDF
 * extraction on the corpus (bench/pdf.ts) and composing and rendering beside LibreOffice
 * (bench/compose.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const example = `${root}examples/changji-miit-2023-budget.txt`;
const dir = `${root}tmp/bench-build`; // per checkout (tmp/ is ignored)
mkdirSync(dir, { recursive: true });
for (const name of ['extract-worker', 'check-worker']) {
  buildSync({
    entryPoints: [`${root}bench/${name}.ts`],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: `${dir}/${name}.mjs`,
    external: ['exceljs'],
    logLevel: 'error',
    // The catalog reads its shipped CSVs next to its module: point the bundle at the sources.
    define: { 'import.meta.url': JSON.stringify(`file://${root}src/catalog/catalog.ts`) },
  });
}
const out = `${dir}/extract-worker.mjs`;

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
type Growth = { factor: number; rows: number; claims: number; ms: number };
const worker = (...args: string[]) =>
  execFileSync(process.execPath, [`${dir}/check-worker.mjs`, example, seconds, ...args], {
    encoding: 'utf8',
  });
const checked = JSON.parse(worker()) as {
  check: { n: number; ms: number };
  both: { n: number; ms: number };
  growth: Growth[];
};
checked.growth = [1, 10, 100, 200].map((f) => JSON.parse(worker(String(f))) as Growth);
const rate = (x: { n: number; ms: number }) => ((x.n / x.ms) * 1000).toFixed(1);
rows.push(
  ['check alone: documents/s (one core)', rate(checked.check), '≥ 500'],
  ['extract + check: documents/s', rate(checked.both), ''],
);
console.log(
  `Xinjiang example: ${(bytes / 1024).toFixed(1)} KB; ${loop.docs} documents in ${(loop.ms! / 1000).toFixed(1)} s; node ${process.version}; load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')} on ${cpus().length} cores`,
);
for (const [k, v, t] of rows) console.log(`${k.padEnd(42)} ${v.padStart(9)}  ${t ? `target ${t}` : ''}`);
console.log('check time on larger synthetic documents (must grow linearly):');
let prev = checked.growth[0]!;
for (const g of checked.growth) {
  const step =
    g === prev
      ? ''
      : `   time ×${(g.ms / prev.ms).toFixed(1).padStart(5)} for rows ×${(g.rows / prev.rows).toFixed(1)} (vs ×${prev.factor})`;
  console.log(
    `  ×${String(g.factor).padEnd(4)} ${String(g.rows).padStart(6)} rows ${String(g.claims).padStart(6)} claims ${g.ms.toFixed(1).padStart(9)} ms  ${((g.ms / g.rows) * 1000).toFixed(1).padStart(6)} µs/row${step}`,
  );
  prev = g;
}
const [, ten, hundred, twoHundred] = checked.growth;
const perRow = (g: Growth) => g.ms / g.rows;
if (ten && hundred) {
  const r = perRow(hundred) / perRow(ten);
  console.log(
    `  time per row ×100 / ×10: ${r.toFixed(2)} (${r <= 1.2 ? 'linear' : 'NOT linear'}: 1.00 is exactly linear; ≤ 1.20 allows timing noise)`,
  );
}
if (hundred && twoHundred) {
  console.log(`  time per row ×200 / ×100: ${(perRow(twoHundred) / perRow(hundred)).toFixed(2)}`);
}

console.log('\nPDF extraction on the corpus (issue 4):');
execFileSync(process.execPath, ['--import', 'tsx', `${root}bench/pdf.ts`], { stdio: 'inherit' });

console.log('\nCompose and render, beside LibreOffice (issue 5):');
execFileSync(process.execPath, ['--import', 'tsx', `${root}bench/compose.ts`], { stdio: 'inherit' });
