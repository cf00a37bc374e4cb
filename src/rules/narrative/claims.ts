/** Helpers shared by the narrative rules. */
import type { Claim, Disclosure } from '../../model/schema.ts';
import type { Location } from '../types.ts';

const flat = new WeakMap<Disclosure, Claim[]>();
const bySubject = new WeakMap<Disclosure, Map<string, Claim[]>>();

/** Every claim of Part 3, in order (computed once per document). */
export function claims(doc: Disclosure): Claim[] {
  let list = flat.get(doc);
  if (!list) {
    list = doc.narrative.flatMap((s) => s.claims);
    flat.set(doc, list);
  }
  return list;
}

/** Claims with this subject, in document order (indexed once per document). */
export function claimsAbout(doc: Disclosure, subject: string): Claim[] {
  let map = bySubject.get(doc);
  if (!map) {
    map = new Map();
    for (const c of claims(doc)) {
      const list = map.get(c.subject);
      if (list) list.push(c);
      else map.set(c.subject, [c]);
    }
    bySubject.set(doc, map);
  }
  return map.get(subject) ?? [];
}

export function claimLocation(c: Claim): Location {
  return {
    part: 'P3',
    section: c.section,
    item: c.item,
    excerpt: c.excerpt,
    ...(c.source.line ? { line: c.source.line } : {}),
  };
}
