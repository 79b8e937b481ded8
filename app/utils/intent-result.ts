import type { FieldErrors } from './forms';

type Failure = { ok: false; intent: string };

/**
 * The failure in a page's action data (see intent-action.server.ts): of the given intent, or of
 * any intent when the page has one form that sends several. Null when the data belongs to
 * another form on the page, or there is none. Pages use it to show each form's errors next to
 * that form only.
 */
export function failureOf<D, I extends string = string>(
  data: D | undefined,
  intent?: I,
): Extract<D, Failure & { intent: I }> | null {
  if (!data || typeof data !== 'object') return null;
  const d = data as { ok?: unknown; intent?: unknown };
  return d.ok === false && (intent === undefined || d.intent === intent)
    ? (data as Extract<D, Failure & { intent: I }>)
    : null;
}

/** The field errors of one intent's failure, for a form component's `errors` prop. */
export function errorsOf<D>(data: D | undefined, intent: string): FieldErrors | undefined {
  return (failureOf(data, intent) as { errors?: FieldErrors } | null)?.errors;
}
