import { randomBytes } from 'node:crypto';

/**
 * Helpers for long jobs that write in bulk (imports, re-checks): on SQLite the driver runs each
 * statement synchronously, so such a job lets the event loop serve other requests between its
 * steps, and makes its rows' ids itself so they can be written by set-based statements.
 */

/** Lets the event loop serve other requests before a long job goes on. */
export const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * `count` cuid-shaped ids (drawn from the random source at once: thousands of small reads add
 * up).
 */
export function newIds(count: number): string[] {
  const hex = randomBytes(12 * count).toString('hex');
  return Array.from({ length: count }, (_, i) => `c${hex.slice(i * 24, (i + 1) * 24)}`);
}

/** One cuid-shaped id. */
export const newId = () => newIds(1)[0] as string;
