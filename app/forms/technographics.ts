import { z } from 'zod';
import { isDay } from '~/domain/calendar/calendar-query';
import { TECHNOGRAPHIC_GROUPS, type TechnographicGroup } from '~/domain/strategy/technographics';

// Messages are i18n keys; the form shows them next to their inputs.

/** A share in whole percent; the groups overlap, so each is checked on its own, not their sum. */
const share = z
  .string()
  .trim()
  .min(1, 'validation.required')
  .transform(Number)
  .pipe(
    z
      .number('technographics.form.shareRange')
      .int('technographics.form.shareRange')
      .min(0, 'technographics.form.shareRange')
      .max(100, 'technographics.form.shareRange'),
  );

const shares = Object.fromEntries(TECHNOGRAPHIC_GROUPS.map((g) => [g, share])) as Record<
  TechnographicGroup,
  typeof share
>;

export const TechnographicsFormSchema = z.object({
  ...shares,
  source: z.string().trim().max(200, 'validation.tooLong').default(''),
  surveyedAt: z
    .string()
    .trim()
    .min(1, 'validation.required')
    .refine((v) => isDay(v), 'validation.dateInvalid'),
  expectedVersion: z.coerce.number().int().positive().optional(),
});
export type TechnographicsFormData = z.infer<typeof TechnographicsFormSchema>;

function text(form: FormData, key: string) {
  const v = form.get(key);
  return typeof v === 'string' ? v : '';
}

/** The profile form as entered (to show again) and as input for the schema. */
export function readTechnographicsForm(form: FormData) {
  const values = {
    ...(Object.fromEntries(TECHNOGRAPHIC_GROUPS.map((g) => [g, text(form, g)])) as Record<
      TechnographicGroup,
      string
    >),
    source: text(form, 'source'),
    surveyedAt: text(form, 'surveyedAt'),
  };
  return {
    values,
    input: { ...values, expectedVersion: text(form, 'expectedVersion') || undefined },
  };
}
