/**
 * Values derived once from a long-lived object (a template, a list of line specs): compiled patterns,
 * normalised labels. Kept while the object lives.
 */
export function memoByObject<K extends object, V>(make: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = make(key);
      cache.set(key, value);
    }
    return value;
  };
}
