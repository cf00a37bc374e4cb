/**
 * Child process: check throughput on the example (arguments FILE SECONDS), or the check time of one
 * synthetic document FACTOR times larger (FILE SECONDS FACTOR). Each size is timed in a process of its
 * own: timed in one process, sizes charge each other's garbage collection (interleaving the ×1 checks
 * made ×10 25% faster and left ×100 as it was).
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

const [file, seconds, factorArg] = process.argv.slice(2) as [string, string, string | undefined];
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

if (factorArg === undefined) {
  stateless(doc);
  loop(() => checkDisclosure(doc, { catalog }), 1); // warm-up
  const check = loop(() => checkDisclosure(doc, { catalog }), Number(seconds));
  const both = loop(() => checkDisclosure(extractText(content), { catalog }), Number(seconds));
  console.log(JSON.stringify({ check, both }));
} else {
  const factor = Number(factorArg);
  const big = scaleDisclosure(doc, factor);
  stateless(big);
  loop(() => checkDisclosure(big, { catalog }), 1); // warm-up
  // ROUNDS timed rounds of at least a fifth of SECONDS each, the median kept: a busy machine slows a
  // round, not the size.
  const ROUNDS = 7;
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const r = loop(() => checkDisclosure(big, { catalog }), Number(seconds) / 5);
    times.push(r.ms / r.n);
  }
  console.log(
    JSON.stringify({
      factor,
      rows: big.tables.reduce((a, t) => a + t.rows.length, 0),
      claims: big.narrative.reduce((a, s) => a + s.claims.length, 0),
      ms: times.sort((a, b) => a - b)[ROUNDS >> 1]!,
    }),
  );
}
