/**
 * `npm run bench -- pdf` (or `npm run bench:pdf`): PDF extraction on the corpus (../shared/corpus
 * jiangsu and shanghai), pages per second, side by side with poppler's `pdftotext -layout` and
 * pdfminer.six's `pdf2txt` on the same files in the same run (issue 4: faster than pdfminer.six,
 * within 3× of pdftotext, peak RSS < 300 MB). Gongkai builds the structured model (tables placed,
 * narrative read); the reference tools only write text.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const corpus = `${root}../shared/corpus/`;
const files = ['jiangsu', 'shanghai'].flatMap((d) =>
  existsSync(corpus + d)
    ? readdirSync(corpus + d)
        .filter((f) => f.endsWith('.pdf'))
        .sort()
        .map((f) => `${corpus}${d}/${f}`)
    : [],
);
if (files.length === 0) {
  console.error(`bench: no PDFs under ${corpus}jiangsu or shanghai`);
  process.exit(2);
}
const dir = `${root}tmp/bench-build`;
buildSync({
  entryPoints: [`${root}bench/pdf-worker.ts`],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: `${dir}/pdf-worker.mjs`,
  external: ['exceljs', 'pdfjs-dist'],
  logLevel: 'error',
  define: { 'import.meta.url': JSON.stringify(`file://${root}src/catalog/catalog.ts`) },
});

const rounds = process.env.BENCH_ROUNDS ?? '4';
const ours = JSON.parse(
  execFileSync(process.execPath, [`${dir}/pdf-worker.mjs`, rounds, ...files], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  }),
) as { pages: number; coldMs: number; warmMs: number; maxRssKb: number };

/** Wall time of running a tool once per file (as a user would), or null when it is not installed. */
function timeTool(cmd: string, args: (f: string) => string[]): number | null {
  if (spawnSync(cmd, ['-h'], { stdio: 'ignore' }).error) return null;
  const t0 = performance.now();
  for (const f of files) {
    const r = spawnSync(cmd, args(f), { stdio: ['ignore', 'ignore', 'ignore'] });
    if (r.status !== 0) throw new Error(`${cmd} failed on ${f}`);
  }
  return performance.now() - t0;
}
const poppler = timeTool('pdftotext', (f) => ['-layout', f, '-']);
const pdfminer = timeTool('pdf2txt', (f) => [f]);

const rate = (ms: number) => (ours.pages / ms) * 1000;
const line = (name: string, ms: number | null, note = '') =>
  console.log(
    `${name.padEnd(44)} ${ms === null ? '   (not installed)' : `${rate(ms).toFixed(1).padStart(8)} pages/s`}${note}`,
  );
console.log(`corpus: ${files.length} PDFs, ${ours.pages} pages; node ${process.version}`);
line('gongkai extract (model), warm', ours.warmMs);
line('gongkai extract (model), first round', ours.coldMs, ' (includes loading pdf.js)');
line('pdftotext -layout (poppler), per file', poppler);
line('pdf2txt (pdfminer.six), per file', pdfminer);
console.log(
  `peak RSS, gongkai (MB)                        ${(ours.maxRssKb / 1024).toFixed(1).padStart(8)}   target < 300`,
);
if (poppler !== null)
  console.log(
    `ratio gongkai warm / pdftotext                 ${(poppler / ours.warmMs).toFixed(2).padStart(8)}   target ≥ 0.33 (within 3×)`,
  );
if (pdfminer !== null)
  console.log(
    `ratio gongkai warm / pdfminer.six              ${(pdfminer / ours.warmMs).toFixed(2).padStart(8)}   target > 1`,
  );
if (poppler === null || pdfminer === null)
  console.log('reference tools: apt-get install poppler-utils python3-pdfminer');
