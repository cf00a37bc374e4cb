/** Child process: check throughput on the example, and check time on documents 10× and 100× larger. */
import { readFileSync } from 'node:fs';
import { loadCatalog } from '../src/catalog/catalog.ts';
import { extractText } from '../src/ingest/index.ts';
import { checkDisclosure } from '../src/rules/engine.ts';
import { scaleDisclosure } from './synthetic.ts';

const [file, seconds] = process.argv.slice(2) as [string, string];
const content = readFileSync(file, 'utf8');
const catalog = loadCatalog('/nonexistent-gongkai-bench');
const doc = extractText(content);

function loop(fn: () => void, s: number): { n: number; ms: number } {
  const t0 = performance.now();
  let n = 0;
  while (performance.now() - t0 < s * 1000) {
    fn();
    n++;
  }
  return { n, ms: performance.now() - t0 };
}
// Rules keep per-document work in WeakMaps; every measured check gets a fresh copy of the model so
// nothing carries over from a previous run (copies are made outside the timed region).
const copies = (n: number) => Array.from({ length: n }, () => structuredClone(doc));
let pool = copies(300);
let next = 0;
const fresh = () => {
  if (next === pool.length) {
    const t = performance.now();
    pool = copies(300);
    next = 0;
    paused += performance.now() - t;
  }
  return pool[next++]!;
};
let paused = 0;
function timed(s: number): { n: number; ms: number } {
  paused = 0;
  const r = loop(() => checkDisclosure(fresh(), { catalog }), s);
  return { n: r.n, ms: r.ms - paused };
}
timed(1);
const check = timed(Number(seconds));
const both = loop(() => checkDisclosure(extractText(content), { catalog }), Number(seconds));
const growth = [1, 10, 100].map((f) => {
  const big = scaleDisclosure(doc, f);
  const rows = big.tables.reduce((a, t) => a + t.rows.length, 0);
  const claims = big.narrative.reduce((a, s) => a + s.claims.length, 0);
  checkDisclosure(structuredClone(big), { catalog });
  const runs = f === 100 ? 3 : f === 10 ? 10 : 50;
  const docs = Array.from({ length: runs }, () => structuredClone(big));
  const t0 = performance.now();
  for (const d of docs) checkDisclosure(d, { catalog });
  return { factor: f, rows, claims, ms: (performance.now() - t0) / runs };
});
console.log(JSON.stringify({ check, both, growth }));
