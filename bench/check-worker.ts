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
loop(() => checkDisclosure(doc, { catalog }), 1);
const check = loop(() => checkDisclosure(doc, { catalog }), Number(seconds));
const both = loop(() => checkDisclosure(extractText(content), { catalog }), Number(seconds));
const growth = [1, 10, 100].map((f) => {
  const big = scaleDisclosure(doc, f);
  const rows = big.tables.reduce((a, t) => a + t.rows.length, 0);
  const claims = big.narrative.reduce((a, s) => a + s.claims.length, 0);
  checkDisclosure(big, { catalog });
  const r = loop(() => checkDisclosure(big, { catalog }), f === 100 ? 3 : 1);
  return { factor: f, rows, claims, ms: r.ms / r.n };
});
console.log(JSON.stringify({ check, both, growth }));
