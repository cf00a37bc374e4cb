/**
 * Runs in a child process (bundled with esbuild, plain node): `throughput SECONDS` extracts the
 * example in a loop; `once` extracts it once. Prints one JSON line of measurements.
 */
import { readFileSync } from 'node:fs';
import { extractText } from '../src/ingest/index.ts';

const [mode, file, seconds] = process.argv.slice(2) as [string, string, string];
const content = readFileSync(file, 'utf8');
const rssBefore = process.resourceUsage().maxRSS;
if (mode === 'once') {
  const t0 = performance.now();
  extractText(content);
  const ms = performance.now() - t0;
  console.log(JSON.stringify({ ms, maxRssKb: process.resourceUsage().maxRSS, baseRssKb: rssBefore }));
} else {
  const until = (s: number) => {
    const t0 = performance.now();
    let docs = 0;
    const times: number[] = [];
    while (performance.now() - t0 < s * 1000) {
      const a = performance.now();
      extractText(content);
      times.push(performance.now() - a);
      docs++;
    }
    return { docs, ms: performance.now() - t0, times };
  };
  until(1);
  const r = until(Number(seconds));
  r.times.sort((a, b) => a - b);
  console.log(
    JSON.stringify({
      docs: r.docs,
      ms: r.ms,
      median: r.times[r.times.length >> 1],
      p99: r.times[Math.floor(r.times.length * 0.99)],
      maxRssKb: process.resourceUsage().maxRSS,
    }),
  );
}
