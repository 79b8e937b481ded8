/**
 * A bounded memo for pure functions of a string key. Pages format the same few dates in the same
 * time zone over and over, and time-zone arithmetic (Intl under the hood) costs microseconds each
 * time; remembering results keeps rendering cheap. When `limit` entries are held the memo starts
 * afresh, so memory stays bounded whatever the keys.
 */
export function memoized<V>(limit: number, compute: (key: string) => V): (key: string) => V {
  let entries = new Map<string, V>();
  return (key) => {
    const known = entries.get(key);
    if (known !== undefined || entries.has(key)) return known as V;
    const value = compute(key);
    if (entries.size >= limit) entries = new Map();
    entries.set(key, value);
    return value;
  };
}
