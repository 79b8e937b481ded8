import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What one page request looks up once and shares: the root loader, the page's loader and the
 * renderer all ask for the signed-in user and the workspace, and Remix hands each of them a
 * Request object of its own. The HTTP layer (app/server/http.ts) opens a scope for every GET
 * and HEAD request; requests that change data get none, so nothing read before a write is reused
 * after it. Outside a scope (tests, the CLI) every call computes afresh.
 *
 * The store is a process global under a registered symbol because the HTTP layer and the app
 * build are separate module graphs.
 */
type Scope = AsyncLocalStorage<Map<string, unknown>>;
const KEY = Symbol.for('lotse.requestScope');
const holder = globalThis as unknown as Record<symbol, Scope | undefined>;
const scope: Scope = (holder[KEY] ??= new AsyncLocalStorage());

/** The value of `compute` for `key`, computed at most once per request scope. */
export function oncePerRequest<T>(key: string, compute: () => T): T {
  const store = scope.getStore();
  if (!store) return compute();
  if (store.has(key)) return store.get(key) as T;
  const value = compute();
  store.set(key, value);
  return value;
}

/** Runs `work` in a fresh request scope (the HTTP layer does this for reading requests). */
export function withRequestScope<T>(work: () => T): T {
  return scope.run(new Map(), work);
}
