/** A disclosure's performance indicators as rows: one per indicator of each performance table. */
import type { Disclosure } from '../model/schema.ts';
import type { NewIndicator } from './schema.ts';

export type IndicatorRow = Omit<NewIndicator, 'disclosure_id'>;

/** Every indicator in printed order; `project_ord`/`indicator_ord` locate it (1-based) on the page. */
export function indicatorsOf(model: Disclosure): IndicatorRow[] {
  const out: IndicatorRow[] = [];
  model.performance.forEach((p, k) => {
    p.indicators.forEach((i, n) => {
      out.push({
        ord: out.length,
        project_ord: k + 1,
        indicator_ord: n + 1,
        project: p.project,
        level1: i.level1,
        level2: i.level2,
        level3: i.level3,
        value: i.value,
      });
    });
  });
  return out;
}
