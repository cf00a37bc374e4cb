/**
 * What the main job loads before serving: the bundled examples, and generated units composed for two
 * years, so that region totals and comparisons across years have something to show. Idempotent: a
 * file or a composed text already stored (same bytes) is not stored again.
 */
import { compose } from '../compose/compose.ts';
import { generate } from '../generate/generate.ts';
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
    for (const facts of generate({ units: o.units, year, seed: o.seed + year })) {
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
      });
      if (r.status === 'imported') generated++;
    }
    o.log?.(`${o.units} generated units for ${year}`);
  }
  return { examples, generated };
}
