/** Helpers shared by the narrative rules. */
import type { Claim } from '../../model/schema.ts';
import { perCheck } from '../derived.ts';
import type { Location, RuleContext } from '../types.ts';
import { at } from '../where.ts';

/** Every claim of Part 3, in order (computed once per check). */
export const claims = perCheck((ctx): Claim[] => {
  const list: Claim[] = [];
  for (const s of ctx.doc.narrative) for (const c of s.claims) list.push(c);
  return list;
});

/** Claims by subject, in document order. */
const bySubject = perCheck((ctx) => {
  const map = new Map<string, Claim[]>();
  for (const c of claims(ctx)) {
    const list = map.get(c.subject);
    if (list) list.push(c);
    else map.set(c.subject, [c]);
  }
  return map;
});

/** Claims with this subject, in document order (indexed once per check). */
export function claimsAbout(ctx: RuleContext, subject: string): Claim[] {
  return bySubject(ctx).get(subject) ?? [];
}

export function claimLocation(c: Claim): Location {
  return {
    part: 'P3',
    section: c.section,
    item: c.item,
    excerpt: c.excerpt,
    ...at(c.source),
  };
}
