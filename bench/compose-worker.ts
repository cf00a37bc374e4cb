/**
 * Runs in a child process (bundled with esbuild, plain node): composes the Xinjiang-sized document
 * from its facts and renders it, timing each step, and prints one JSON line. Arguments: the facts
 * source (a facts JSON, or the example's text, turned into facts with factsFromDisclosure), seconds
 * per throughput loop, warm rounds of the slow renderers, and the directory where the rendered PDF,
 * XLSX and HTML are written (for LibreOffice to convert and for a look).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { compose } from '../src/compose/compose.ts';
import type { FactsInput } from '../src/compose/facts.ts';
import { factsFromDisclosure } from '../src/compose/from-disclosure.ts';
import { extractText } from '../src/ingest/index.ts';
import type { Disclosure } from '../src/model/schema.ts';
import { renderDocx } from '../src/render/docx.ts';
import { renderHtml } from '../src/render/html.ts';
import { renderPdf } from '../src/render/pdf.ts';
import { renderXlsx } from '../src/render/xlsx.ts';

const [source, secondsArg, roundsArg, outDir] = process.argv.slice(2) as [string, string, string, string];
const seconds = Number(secondsArg);
const rounds = Number(roundsArg);

const facts: FactsInput = source.endsWith('.json')
  ? (JSON.parse(readFileSync(source, 'utf8')) as FactsInput)
  : factsFromDisclosure(extractText(readFileSync(source, 'utf8'), { file: source })).facts;

/** CPU time of this process so far, ms (user + system). */
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Runs of `step` for `seconds` (after a second of untimed runs, as the check bench warms up): count, wall and CPU time. */
async function throughput(step: () => unknown): Promise<{ n: number; ms: number; cpuMs: number }> {
  const w0 = performance.now();
  do await step();
  while (performance.now() - w0 < 1000);
  let n = 0;
  const c0 = cpu();
  const t0 = performance.now();
  let ms = 0;
  do {
    await step();
    n++;
    ms = performance.now() - t0;
  } while (ms < seconds * 1000);
  return { n, ms, cpuMs: cpu() - c0 };
}

/** Wall and CPU time of one run of `step`, in ms, and its result. */
async function timed<T>(step: () => Promise<T> | T): Promise<{ ms: number; cpuMs: number; value: T }> {
  const c0 = cpu();
  const t0 = performance.now();
  const value = await step();
  return { ms: performance.now() - t0, cpuMs: cpu() - c0, value };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** The first (cold) run and the median of `rounds` later ones, of compose + render. */
async function coldWarm(render: (d: Disclosure) => Promise<Uint8Array | Buffer>) {
  const cold = await timed(async () => render(compose(facts).disclosure));
  const warm: { ms: number; cpuMs: number }[] = [];
  for (let r = 0; r < rounds; r++) warm.push(await timed(async () => render(compose(facts).disclosure)));
  return {
    coldMs: cold.ms,
    coldCpuMs: cold.cpuMs,
    warmMs: median(warm.map((w) => w.ms)),
    warmCpuMs: median(warm.map((w) => w.cpuMs)),
    bytes: cold.value,
  };
}

const first = compose(facts);
const d = first.disclosure;
const composeOnly = await throughput(() => compose(facts));
const html = await throughput(() => renderHtml(compose(facts).disclosure));
const htmlMaxRssKb = process.resourceUsage().maxRSS;
const pdf = await coldWarm(renderPdf);
const xlsx = await coldWarm(renderXlsx);
const docx = await coldWarm(renderDocx);
writeFileSync(`${outDir}/ours.pdf`, pdf.bytes);
writeFileSync(`${outDir}/ours.xlsx`, xlsx.bytes);
writeFileSync(`${outDir}/ours.html`, renderHtml(d));

console.log(
  JSON.stringify({
    tables: d.tables.length,
    rows: d.tables.reduce((a, t) => a + t.rows.length, 0),
    claims: d.narrative.reduce((a, s) => a + s.claims.length, 0),
    performance: d.performance.length,
    findings: first.findings.length,
    compose: composeOnly,
    html,
    pdf: { ...pdf, bytes: pdf.bytes.length },
    xlsx: { ...xlsx, bytes: xlsx.bytes.length },
    docx: { ...docx, bytes: docx.bytes.length },
    htmlMaxRssKb,
    maxRssKb: process.resourceUsage().maxRSS,
  }),
);
