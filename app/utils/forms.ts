import type { z } from 'zod';

/** Field errors as i18n keys (with interpolation values), keyed by field name. */
export type FieldErrors = Partial<
  Record<string, { key: string; values?: Record<string, unknown> }>
>;

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/**
 * Validates form data against a zod schema whose messages are i18n keys. Every field keeps only
 * its first error, shown next to its input.
 */
export function parseForm<S extends z.ZodType>(
  schema: S,
  input: Record<string, unknown>,
): FormResult<z.infer<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '_form');
    if (errors[field]) continue;
    const values: Record<string, unknown> = {};
    if ('minimum' in issue) values.min = issue.minimum;
    if ('maximum' in issue) values.max = issue.maximum;
    errors[field] = { key: issue.message, values };
  }
  return { ok: false, errors };
}

/** Form data as a plain object; repeated fields (checkbox groups) become arrays. */
export function formDataToObject(formData: FormData, arrays: readonly string[] = []) {
  const out: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    const values = formData.getAll(key).filter((v): v is string => typeof v === 'string');
    out[key] = arrays.includes(key) ? values : values[0];
  }
  for (const key of arrays) out[key] ??= [];
  return out;
}
