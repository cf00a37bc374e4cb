/**
 * What the main job loads before serving: the bundled examples, and generated units composed for two
 * years, so that region totals and comparisons across years have something to show. Idempotent: a
 * file or a composed text already stored (same bytes) is not stored again.
 * Facts among the examples (`*.facts.json`, e.g. the corrected Xinjiang example) are not documents:
 * with `corrected`, each is composed and stored as its own unit, labelled 更正示例.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { compose } from '../compose/compose.ts';
import { generate } from '../generate/generate.ts';
import { generateTree } from '../generate/tree.ts';
import { renderText } from '../render/text.ts';
import { checkDisclosure } from '../rules/engine.ts';
import type { Store } from '../store/db.ts';
import { type FileOutcome, importPaths } from '../store/importer.ts';
import { saveDisclosure } from '../store/save.ts';

export interface DemoOptions {
  examples: string;
  units: number;
  years: number[];
  seed: number;
  /**
   * an organisation tree: every `every`-th generated department has `under` units of its own (所属单位,
   * each with its 单位预算, filed under the department); default none
   */
  tree?: { every: number; under: number };
  /** compose the examples' `*.facts.json` too (each a unit named `…（更正示例）`) */
  corrected?: boolean;
  log?: (line: string) => void;
}

const FACTS_FILE = /\.facts\.json$/;

/** The examples to import as documents, and the facts files to compose (a folder's own entries). */
async function examplesIn(path: string): Promise<{ documents: string[]; facts: string[] }> {
  if (!(await stat(path).catch(() => null))?.isDirectory()) return { documents: [path], facts: [] };
  const names = (await readdir(path)).filter((n) => !n.startsWith('.')).sort();
  return {
    documents: names.filter((n) => !FACTS_FILE.test(n)).map((n) => join(path, n)),
    facts: names.filter((n) => FACTS_FILE.test(n)).map((n) => join(path, n)),
  };
}

/** A facts file composed, checked and stored as the unit `…（更正示例）`. */
async function storeFacts(store: Store, path: string): Promise<FileOutcome> {
  try {
    const { disclosure } = compose(JSON.parse(await readFile(path, 'utf8')));
    const report = checkDisclosure(disclosure);
    const r = await saveDisclosure(store.db, {
      model: disclosure,
      original: new TextEncoder().encode(renderText(disclosure)),
      findings: report.findings,
      obligations: report.obligations,
      unit: `${disclosure.unitName}（更正示例）`,
    });
    return { path, ok: true, ...r };
  } catch (e) {
    return { path, ok: false, error: (e as Error).message };
  }
}

export async function loadDemo(
  store: Store,
  o: DemoOptions,
): Promise<{ examples: FileOutcome[]; generated: number }> {
  const { documents, facts } = await examplesIn(o.examples);
  const examples = await importPaths(store, documents);
  if (o.corrected) for (const path of facts) examples.push(await storeFacts(store, path));
  let generated = 0;
  for (const year of o.years) {
    // unit names depend on the index only: another seed per year gives the same units, other amounts
    const options = { units: o.units, year, seed: o.seed + year };
    const units = o.tree
      ? generateTree({ ...options, ...o.tree })
      : generate(options).map((facts) => ({ facts, parent: null }));
    for (const { facts, parent } of units) {
      const { disclosure } = compose(facts);
      const text = renderText(disclosure);
      const report = checkDisclosure(disclosure);
      const r = await saveDisclosure(store.db, {
        model: disclosure,
        original: new TextEncoder().encode(text),
        findings: report.findings,
        obligations: report.obligations,
        region: 'demo',
        regionName: '示例地区（生成数据）',
        ...(parent ? { parent } : {}),
      });
      if (r.status === 'imported') generated++;
    }
    o.log?.(`${units.length} generated units for ${year}`);
  }
  return { examples, generated };
}
