/**
 * Runs in a child process (bundled with esbuild, plain node): reads every PDF given, `ROUNDS` times,
 * and prints one JSON line: pages read, wall time of the first round (cold: the library loading)
 * and of the later rounds (warm), and peak RSS.
 */
import { readFileSync } from 'node:fs';
import { extractPdf } from '../src/ingest/index.ts';

const [rounds, ...files] = process.argv.slice(2) as [string, ...string[]];
const bytes = files.map((f) => new Uint8Array(readFileSync(f)));
const times: number[] = [];
let pages = 0;
for (let r = 0; r < Number(rounds); r++) {
  const t0 = performance.now();
  let n = 0;
  for (const [i, b] of bytes.entries()) {
    const d = await extractPdf(b, { file: files[i]! });
    n += d.source.pages ?? 0;
  }
  times.push(performance.now() - t0);
  pages = n;
}
const warm = times.slice(1);
console.log(
  JSON.stringify({
    pages,
    coldMs: times[0],
    warmMs: warm.length > 0 ? warm.reduce((a, b) => a + b, 0) / warm.length : times[0],
    maxRssKb: process.resourceUsage().maxRSS,
  }),
);
