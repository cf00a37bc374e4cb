/**
 * Child process: check throughput on the example, and check time on documents 10× and 100× larger.
 *
 * The check keeps nothing keyed by the document (its derived data lives on the rule context of one
 * check; only per-template and per-catalog indexes outlive it), so checking the same model again is
 * a full check. The worker proves it before timing: the model is unchanged by a check and two checks
 * give the same report. Checking one model (instead of fresh copies) keeps the copies' own garbage
 * collection out of the check's time.
 */
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { loadCatalog } from '../src/catalog/catalog.ts';
import { extractText } from '../src/ingest/index.ts';
import type { Disclosure } from '../src/model/schema.ts';
import { checkDisclosure } from '../src/rules/engine.ts';
import { scaleDisclosure } from './synthetic.ts';

const [file, seconds] = process.argv.slice(2) as [string, string];
const content = readFileSync(file, 'utf8');
const catalog = loadCatalog('/nonexistent-gongkai-bench');
const doc = extractText(content);

function stateless(d: Disclosure): void {
  const before = structuredClone(d);
  const first = checkDisclosure(d, { catalog });
  const second = checkDisclosure(d, { catalog });
  if (!isDeepStrictEqual(before, d)) throw new Error('a check changed the model: the benchmark is invalid');
  if (!isDeepStrictEqual(first, second)) throw new Error('two checks differ: the benchmark is invalid');
}

function loop(fn: () => void, s: number): { n: number; ms: number } {
  const t0 = performance.now();
  let n = 0;
  while (performance.now() - t0 < s * 1000) {
    fn();
    n++;
  }
  return { n, ms: performance.now() - t0 };
}

stateless(doc);
loop(() => checkDisclosure(doc, { catalog }), 1); // warm-up
const check = loop(() => checkDisclosure(doc, { catalog }), Number(seconds));
const both = loop(() => checkDisclosure(extractText(content), { catalog }), Number(seconds));
// Each size is timed in ROUNDS rounds, interleaved, and the median kept: a busy machine slows one round,
// not one size.
const ROUNDS = 7;
const docs = [1, 10, 100].map((f) => {
  const big = scaleDisclosure(doc, f);
  stateless(big);
  return { factor: f, big, times: [] as number[] };
});
for (let round = 0; round < ROUNDS; round++) {
  for (const d of docs) {
    const runs = d.factor === 100 ? 4 : d.factor === 10 ? 20 : 100;
    const t0 = performance.now();
    for (let i = 0; i < runs; i++) checkDisclosure(d.big, { catalog });
    d.times.push((performance.now() - t0) / runs);
  }
}
const growth = docs.map(({ factor, big, times }) => ({
  factor,
  rows: big.tables.reduce((a, t) => a + t.rows.length, 0),
  claims: big.narrative.reduce((a, s) => a + s.claims.length, 0),
  ms: times.sort((a, b) => a - b)[ROUNDS >> 1]!,
}));
console.log(JSON.stringify({ check, both, growth }));
