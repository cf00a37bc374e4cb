/**
 * Data derived from the document once per check and shared by the rules that need it (the claims in
 * order, the text units, the coded rows, the instances by kind …). It is kept on the check's context,
 * not in WeakMaps keyed by the document: it is dropped with the check (short-lived garbage, cheap to
 * collect), and a document changed between two checks is read afresh.
 */
import type { RuleContext } from './types.ts';

/** `build`, computed at most once per check. */
export function perCheck<T>(build: (ctx: RuleContext) => T): (ctx: RuleContext) => T {
  return (ctx) => {
    if (ctx.derived.has(build)) return ctx.derived.get(build) as T;
    const value = build(ctx);
    ctx.derived.set(build, value);
    return value;
  };
}
