/**
 * Searching performance indicators and the projects they belong to: the `indicators` table (one row
 * per indicator, written on save) of the latest versions, by LIKE on its text columns; at most
 * `limit` hits, by unit, year and printed order.
 */
import type { Store } from '../store/db.ts';
import { contains } from '../store/read.ts';
import type { IndicatorHit } from './pages/search.tsx';

export async function searchIndicators(store: Store, q: string, limit = 100): Promise<IndicatorHit[]> {
  const rows = await store.db
    .selectFrom('indicators as i')
    .innerJoin('documents as doc', 'doc.latest_id', 'i.disclosure_id')
    .innerJoin('units as u', 'u.id', 'doc.unit_id')
    .select([
      'i.disclosure_id',
      'u.id as unit_id',
      'u.name as unit',
      'doc.year',
      'i.project_ord',
      'i.indicator_ord',
      'i.project',
      'i.level1',
      'i.level2',
      'i.level3',
      'i.value',
    ])
    .where((eb) =>
      eb.or((['i.project', 'i.level2', 'i.level3', 'i.value'] as const).map((c) => contains(c, q))),
    )
    .orderBy('u.name')
    .orderBy('doc.year', 'desc')
    .orderBy('i.disclosure_id')
    .orderBy('i.ord')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    disclosureId: r.disclosure_id,
    unitId: r.unit_id,
    unit: r.unit,
    year: r.year,
    anchor: `ind-${r.project_ord}-${r.indicator_ord}`,
    project: r.project,
    level1: r.level1,
    level2: r.level2,
    indicator: r.level3,
    value: r.value,
  }));
}
