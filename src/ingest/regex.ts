/** Compiled regular expressions by pattern, for patterns that come from templates (data). */
const cache = new Map<string, RegExp>();

/** A compiled regex; for a global one the caller must set `lastIndex` before each use. */
export function re(pattern: string, flags = ''): RegExp {
  const key = `${flags}/${pattern}`;
  let r = cache.get(key);
  if (!r) {
    r = new RegExp(pattern, flags);
    cache.set(key, r);
  }
  return r;
}
