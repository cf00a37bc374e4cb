/**
 * Synthetic larger documents for the growth benchmark: the Xinjiang model with every class subtree,
 * its T7 projects and the narrative's claims copied `factor` times. Each copy of a class gets a class
 * code of its own, so copies never collide with each other or with the original (a collision would
 * add cross-table findings that a real document of that size would not have). Three-digit numbers run
 * out after about 770 classes, so copies take codes of a letter and two base-36 characters (A00…ZZZ,
 * 33,696 of them): outside the catalog, each copied row is reported as an unknown code (info), at
 * every size alike, so the rules do the same work per row at ×10 and ×100.
 */
import type { Disclosure, Row } from '../src/model/schema.ts';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The n-th synthetic class code: a letter, then two base-36 digits. */
function classCode(n: number): string {
  const letter = LETTERS[Math.floor(n / 1296)];
  if (letter === undefined) throw new Error(`synthetic class code ${n} is out of range`);
  return letter + (n % 1296).toString(36).toUpperCase().padStart(2, '0');
}

export function scaleDisclosure(doc: Disclosure, factor: number): Disclosure {
  if (factor <= 1) return doc;
  const used = [...new Set(doc.tables.flatMap((t) => t.rows.map((r) => r.code?.slice(0, 3) ?? '')))]
    .filter(Boolean)
    .sort();
  const out = structuredClone(doc);
  const remap = new Map<string, string>();
  let next = 0;
  for (let k = 1; k < factor; k++) for (const cls of used) remap.set(`${k}:${cls}`, classCode(next++));
  for (const t of out.tables) {
    const total = t.rows.filter((r) => r.kind === 'total');
    const body = t.rows.filter((r) => r.kind !== 'total');
    const copies: Row[] = [];
    for (let k = 1; k < factor; k++) {
      for (const r of body) {
        if (!r.code) continue;
        const code = remap.get(`${k}:${r.code.slice(0, 3)}`)! + r.code.slice(3);
        copies.push({
          ...r,
          key: r.kind === 'project' ? `${r.key}#${k}` : code,
          code,
          raw: r.raw.replace(/^\s*\d[\d\s]*/, `${code} `),
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
