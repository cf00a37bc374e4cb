/**
 * Searching performance indicators and project names: they live in the stored model, not in the
 * tidy cells. The candidate disclosures are found by the text in their model (LIKE), then the
 * matching indicators are read from the model itself; at most `limit` hits.
 */
import { sql } from 'kysely';
import type { Disclosure } from '../model/schema.ts';
import type { Store } from '../store/db.ts';
import { likeText } from '../store/read.ts';
import type { IndicatorHit } from './pages/search.tsx';

export async function searchIndicators(store: Store, q: string, limit = 100): Promise<IndicatorHit[]> {
  const rows = await store.db
    .selectFrom('disclosures as d')
    .innerJoin('documents as doc', 'doc.latest_id', 'd.id')
    .select(['d.id', 'd.unit_name', 'doc.year', 'd.model'])
    .where(sql<boolean>`d.model like ${likeText(q)} escape '\\'`)
    .orderBy('doc.year', 'desc')
    .limit(50)
    .execute();
  const out: IndicatorHit[] = [];
  for (const r of rows) {
    const model = JSON.parse(r.model) as Disclosure;
    for (const p of model.performance) {
      for (const i of p.indicators) {
        if (out.length >= limit) return out;
        if (i.level3.includes(q) || p.project.includes(q) || i.value.includes(q)) {
          out.push({
            disclosureId: r.id,
            unit: r.unit_name,
            year: r.year,
            project: p.project,
            indicator: i.level3,
            value: i.value,
          });
        }
      }
    }
  }
  return out;
}
