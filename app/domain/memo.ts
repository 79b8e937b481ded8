/**
 * Lotse's one memo: remembered results, bounded. Pages format the same few dates in the same
 * time zone over and over, the matcher analyses the same words, the disclosure check reads the
 * same characters, and the models keep the compiled rules and the matcher until their data
 * changes. When `limit` entries are held the memo starts afresh, so memory stays bounded
 * whatever the keys; a limit of 1 keeps only the latest key's value (a cache that a new key
 * replaces), Infinity keeps everything for the memo's own lifetime (e.g. one matcher's).
 */
export class Memo<K, V> {
  private entries = new Map<K, V>();

  constructor(private readonly limit: number) {}

  has(key: K): boolean {
    return this.entries.has(key);
  }

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  set(key: K, value: V): V {
    if (this.entries.size >= this.limit && !this.entries.has(key)) this.entries = new Map();
    this.entries.set(key, value);
    return value;
  }

  /** The remembered value for `key`, else `compute(key)`, remembered. */
  recall(key: K, compute: (key: K) => V): V {
    const known = this.entries.get(key);
    if (known !== undefined || this.entries.has(key)) return known as V;
    return this.set(key, compute(key));
  }
}

/** A pure function of its key (a string unless said otherwise), remembered in a Memo. */
export function memoized<V, K = string>(limit: number, compute: (key: K) => V): (key: K) => V {
  const memo = new Memo<K, V>(limit);
  return (key) => memo.recall(key, compute);
}
