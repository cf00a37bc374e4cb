/**
 * `npm run bench:compose` (also a section of `npm run bench`): composing the Xinjiang-sized document
 * from its facts and rendering it (issue 5: HTML ≥ 100 documents/s, PDF ≤ 1.5 s per document), side
 * by side with LibreOffice converting our XLSX of the same document to PDF, in the same run. The
 * library runs bundled, in a child process (bench/compose-worker.ts); LibreOffice is required: without
 * it the bench fails with the command that installs it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
/** The corrected facts of the example when present, else facts read from the example's text. */
const FACTS = `${root}examples/changji-miit-2023-budget.facts.json`;
const EXAMPLE = `${root}examples/changji-miit-2023-budget.txt`;
const INSTALL = 'apt-get install -y --no-install-recommends libreoffice-calc-nogui';
/** Files converted in one soffice call, for a per-document time without its startup. */
const BATCH = 10;
/** Warm rounds of LibreOffice (each one file, then the batch); the medians are kept. */
const LO_ROUNDS = Math.max(3, Number(process.env.BENCH_LO_ROUNDS ?? 3));

const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
if (soffice.error || soffice.status !== 0) {
  console.error(
    `bench: LibreOffice (soffice) is needed for the comparison and is not installed:\n  ${INSTALL}`,
  );
  process.exit(1);
}

const dir = `${root}tmp/bench-build`;
const out = `${root}tmp/bench-compose`;
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
buildSync({
  entryPoints: [`${root}bench/compose-worker.ts`],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: `${dir}/compose-worker.mjs`,
  // loaded as installed: pdfmake reads its own font metrics and the fonts package beside its modules
  external: ['exceljs', 'pdfmake', '@embedpdf/fonts-sc', 'docx', 'pdfjs-dist'],
  logLevel: 'error',
  define: { 'import.meta.url': JSON.stringify(`file://${root}src/catalog/catalog.ts`) },
});

const source = existsSync(FACTS) ? FACTS : EXAMPLE;
const seconds = process.env.BENCH_SECONDS ?? '3';
const rounds = process.env.BENCH_ROUNDS ?? '5';
interface Timing {
  coldMs: number;
  coldCpuMs: number;
  warmMs: number;
  warmCpuMs: number;
  bytes: number;
}
interface Loop {
  n: number;
  ms: number;
  cpuMs: number;
}
const ours = JSON.parse(
  execFileSync(process.execPath, [`${dir}/compose-worker.mjs`, source, seconds, rounds, out], {
    encoding: 'utf8',
  }),
) as {
  tables: number;
  rows: number;
  claims: number;
  performance: number;
  compose: Loop;
  html: Loop;
  pdf: Timing;
  xlsx: Timing;
  docx: Timing;
  htmlMaxRssKb: number;
  maxRssKb: number;
};

/** CPU time (ms) of the children this process has waited for (soffice and what it waited for). */
function childrenCpuMs(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8')
    .replace(/^.*\) /, '')
    .split(' ');
  // after the command: state is field 3, so cutime (16) and cstime (17) are at 13 and 14
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / CLOCK_TICKS;
}
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

interface Run {
  ms: number;
  cpuMs: number;
}
/** One soffice call converting `files` to PDF in `outdir` with the given profile: wall and CPU time. */
function convert(profile: string, files: string[], outdir: string): Run {
  const c0 = childrenCpuMs();
  const t0 = performance.now();
  const r = spawnSync(
    'soffice',
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      outdir,
      ...files,
    ],
    { encoding: 'utf8', timeout: 300_000 },
  );
  const ms = performance.now() - t0;
  const made = files.filter((f) => existsSync(`${outdir}/${basename(f, '.xlsx')}.pdf`));
  if (r.status !== 0 || made.length !== files.length)
    throw new Error(`soffice failed (status ${r.status}): ${r.error?.message ?? ''}${r.stderr ?? ''}`);
  return { ms, cpuMs: childrenCpuMs() - c0 };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const profile = mkdtempSync(`${tmpdir()}/gongkai-lo-profile-`);
const xlsx = `${out}/ours.xlsx`;
let lo: { cold: Run; warm: Run; batch: Run };
try {
  const loOut = `${out}/libreoffice`;
  mkdirSync(loOut);
  // cold: a fresh profile, created by this first call
  const cold = convert(profile, [xlsx], loOut);
  const batchIn = `${out}/batch`;
  mkdirSync(`${batchIn}/pdf`, { recursive: true });
  const files = Array.from({ length: BATCH }, (_, k) => {
    const f = `${batchIn}/doc${k + 1}.xlsx`;
    copyFileSync(xlsx, f);
    return f;
  });
  // one file and the batch in turns, so that a change in the machine's load falls on both alike
  const warm: Run[] = [];
  const batches: Run[] = [];
  for (let r = 0; r < LO_ROUNDS; r++) {
    warm.push(convert(profile, [xlsx], loOut));
    batches.push(convert(profile, files, `${batchIn}/pdf`));
  }
  const mid = (runs: Run[]) => ({
    ms: median(runs.map((w) => w.ms)),
    cpuMs: median(runs.map((w) => w.cpuMs)),
  });
  lo = { cold, warm: mid(warm), batch: mid(batches) };
} finally {
  rmSync(profile, { recursive: true, force: true });
}

/** Pages of a PDF, by poppler's pdfinfo when installed. */
function pages(file: string): string {
  const r = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  return r.error ? '?' : (/^Pages:\s+(\d+)/m.exec(r.stdout)?.[1] ?? '?');
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const perSecond = (n: number, ms: number) => ((n / ms) * 1000).toFixed(1);
const sec = (ms: number) => (ms / 1000).toFixed(3);
const mb = (n: number) => (n / 1048576).toFixed(2);
const col = (a: string, b: string, c: string, d = '') =>
  console.log(`${a.padEnd(48)} ${b.padStart(9)} ${c.padStart(9)}  ${d}`);
console.log(
  `document: ${source.replace(root, '')} → ${ours.tables} tables, ${ours.rows} rows, ${ours.claims} claims, ${ours.performance} performance tables; node ${process.version}`,
);
col('', 'wall', 'CPU', '(CPU: every thread of the worker, GC included; the machine is shared)');
col(
  'compose alone: documents/s',
  perSecond(ours.compose.n, ours.compose.ms),
  perSecond(ours.compose.n, ours.compose.cpuMs),
);
col(
  'compose + HTML: documents/s',
  perSecond(ours.html.n, ours.html.ms),
  perSecond(ours.html.n, ours.html.cpuMs),
  'target ≥ 100',
);
col(
  'compose + PDF: s per document, warm (median)',
  sec(ours.pdf.warmMs),
  sec(ours.pdf.warmCpuMs),
  'target ≤ 1.5',
);
col('compose + PDF: first in the process (cold)', sec(ours.pdf.coldMs), sec(ours.pdf.coldCpuMs));
col('compose + XLSX: s per document, warm', sec(ours.xlsx.warmMs), sec(ours.xlsx.warmCpuMs));
col('compose + DOCX: s per document, warm', sec(ours.docx.warmMs), sec(ours.docx.warmCpuMs));
col('peak RSS after compose + HTML (MB)', (ours.htmlMaxRssKb / 1024).toFixed(1), '');
col('peak RSS after PDF, XLSX and DOCX too (MB)', (ours.maxRssKb / 1024).toFixed(1), '');
console.log(
  `sizes: our PDF ${mb(ours.pdf.bytes)} MB, ${pages(`${out}/ours.pdf`)} pages (the whole document); XLSX ${mb(ours.xlsx.bytes)} MB (the tables); DOCX ${mb(ours.docx.bytes)} MB; LibreOffice's PDF of the XLSX: ${pages(`${out}/libreoffice/ours.pdf`)} pages`,
);
const version = soffice.stdout.trim().split(' ').slice(0, 2).join(' ');
console.log(
  `\nPDF, s per document: ours from the facts beside ${version} converting our XLSX (load ${load()})`,
);
const ratio = (theirs: number, mine: number) => `×${(theirs / mine).toFixed(2)}`;
const row = (k: string, r: Run) =>
  console.log(
    `  ${k.padEnd(64)} ${sec(r.ms).padStart(7)} ${sec(r.cpuMs).padStart(7)} ${ratio(r.ms, ours.pdf.warmMs).padStart(8)} ${ratio(r.cpuMs, ours.pdf.warmCpuMs).padStart(8)}`,
  );
console.log(
  `  ${''.padEnd(64)} ${'wall'.padStart(7)} ${'CPU'.padStart(7)} ${'÷ ours'.padStart(8)} ${'(CPU)'.padStart(8)}`,
);
row('gongkai: compose + PDF, warm (median)', { ms: ours.pdf.warmMs, cpuMs: ours.pdf.warmCpuMs });
row(`LibreOffice: one soffice call, warm profile (median of ${LO_ROUNDS})`, lo.warm);
row('LibreOffice: one soffice call, fresh profile (cold)', lo.cold);
row(`LibreOffice: ${BATCH} files in one soffice call, per file (median)`, {
  ms: lo.batch.ms / BATCH,
  cpuMs: lo.batch.cpuMs / BATCH,
});
row(`LibreOffice: without startup, (batch − one) / ${BATCH - 1}`, {
  ms: (lo.batch.ms - lo.warm.ms) / (BATCH - 1),
  cpuMs: (lo.batch.cpuMs - lo.warm.cpuMs) / (BATCH - 1),
});
console.log(
  `  (÷ ours: LibreOffice's time over ours, > 1 when ours is faster; soffice's times include its startup but the last line's; outputs in ${out.replace(root, '')})`,
);
