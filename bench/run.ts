/**
 * `npm run bench`: extraction throughput on the Xinjiang example (documents/s, MB/s) and peak memory.
 * Targets (issue 2): ≥ 200 documents/s on one core, < 150 MB peak RSS.
 */
import { readFileSync } from 'node:fs';
import { extractText } from '../src/ingest/index.ts';

const file = new URL('../examples/changji-miit-2023-budget.txt', import.meta.url);
const content = readFileSync(file, 'utf8');
const bytes = Buffer.byteLength(content);

function measure(seconds: number): { docs: number; ms: number } {
  const t0 = performance.now();
  let docs = 0;
  while (performance.now() - t0 < seconds * 1000) {
    extractText(content);
    docs++;
  }
  return { docs, ms: performance.now() - t0 };
}

measure(1); // warm up
const { docs, ms } = measure(Number(process.env.BENCH_SECONDS ?? 5));
const perSecond = (docs / ms) * 1000;
const peakMb = process.resourceUsage().maxRSS / 1024;
const rows: [string, string, string][] = [
  ['documents', String(docs), ''],
  ['extract: documents/s (one core)', perSecond.toFixed(1), '≥ 200'],
  ['extract: MB/s', ((perSecond * bytes) / 1048576).toFixed(2), ''],
  ['extract: ms per document', (ms / docs).toFixed(2), '≤ 5'],
  ['peak RSS (MB)', peakMb.toFixed(1), '< 150'],
];
console.log(`Xinjiang example: ${(bytes / 1024).toFixed(1)} KB, ${content.split('\n').length} lines`);
for (const [k, v, t] of rows) console.log(`${k.padEnd(34)} ${v.padStart(10)}  ${t ? `target ${t}` : ''}`);
