/**
 * Synthetic larger documents for the growth benchmark: the Xinjiang model with every functional
 * class subtree, its T7 projects and the narrative's claims copied `factor` times under new class
 * codes. The numbers keep their structure, so the rules do the same work per row.
 */
import type { Disclosure, Row } from '../src/model/schema.ts';

const FREE_CLASSES = Array.from({ length: 800 }, (_, i) => String(100 + i));

export function scaleDisclosure(doc: Disclosure, factor: number): Disclosure {
  if (factor <= 1) return doc;
  const used = new Set(doc.tables.flatMap((t) => t.rows.map((r) => r.code?.slice(0, 3) ?? '')));
  const pool = FREE_CLASSES.filter((c) => !used.has(c));
  const out = structuredClone(doc);
  let next = 0;
  const remap = new Map<string, string>();
  for (let k = 1; k < factor; k++) {
    for (const cls of [...used].filter(Boolean).sort()) remap.set(`${k}:${cls}`, pool[next++ % pool.length]!);
  }
  for (const t of out.tables) {
    const total = t.rows.filter((r) => r.kind === 'total');
    const body = t.rows.filter((r) => r.kind !== 'total');
    const copies: Row[] = [];
    for (let k = 1; k < factor; k++) {
      for (const r of body) {
        if (!r.code) continue;
        const cls = remap.get(`${k}:${r.code.slice(0, 3)}`)!;
        const code = cls + r.code.slice(3);
        copies.push({
          ...r,
          key: r.kind === 'project' ? `${r.key}#${k}` : code,
          code,
          cells: r.cells.map((c) => ({ ...c })),
        });
      }
    }
    t.rows = [...body, ...copies, ...total];
  }
  for (const s of out.narrative) {
    const base = s.claims;
    s.claims = Array.from({ length: factor }, (_, k) =>
      k === 0 ? base : base.map((c) => ({ ...c, subject: `${c.subject}${k}` })),
    ).flat();
  }
  return out;
}
