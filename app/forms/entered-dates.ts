import { z } from 'zod';

/**
 * A date the browser's date field rejects (30 February typed in, a half-filled date) is sent as
 * an empty value, which would read as "no date". So a form with date fields carries this hidden
 * field: the names of the date fields that held input when the form was sent (filled in by
 * utils/use-validated-form.ts). The server then refuses an empty one instead of dropping it.
 */
export const ENTERED_DATES = 'enteredDates';

/** The hidden field's value: the names, separated by spaces. */
export const enteredDates = z
  .string()
  .max(500, 'validation.invalid')
  .default('')
  .transform((v) => v.split(/\s+/).filter(Boolean));

/** Each listed date field that arrived empty gets the message next to it. */
export function checkEnteredDates(
  value: { enteredDates: string[] } & Record<string, unknown>,
  ctx: z.RefinementCtx,
) {
  for (const name of value.enteredDates) {
    if (name in value && (value[name] === null || value[name] === '')) {
      ctx.addIssue({ code: 'custom', path: [name], message: 'validation.dateInvalid' });
    }
  }
}
