/**
 * What the main job loads before serving: the bundled examples, and generated units composed for two
 * years, so that region totals and comparisons across years have something to show. Idempotent: a
 * file or a composed text already stored (same bytes) is not stored again.
 */
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
  log?: (line: string) => void;
}

export async function loadDemo(
  store: Store,
  o: DemoOptions,
): Promise<{ examples: FileOutcome[]; generated: number }> {
  const examples = await importPaths(store, [o.examples]);
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
