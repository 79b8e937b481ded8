import { z } from 'zod';
import { MAX_TERM_LENGTH, MAX_TERMS_PER_LIST, parseTermLines } from '~/domain/matching/glossary';

// Messages are i18n keys; the form shows them next to their inputs.
const termList = z
  .string()
  .max(8000, 'validation.tooLong')
  .default('')
  .transform(parseTermLines)
  .pipe(
    z
      .array(z.string().max(MAX_TERM_LENGTH, 'glossary.form.termTooLong'))
      .max(MAX_TERMS_PER_LIST, 'glossary.form.tooManyTerms'),
  );

export const GlossaryFormSchema = z
  .object({
    de: termList,
    en: termList,
    both: termList,
    note: z.string().trim().max(1000, 'validation.tooLong').default(''),
    expectedVersion: z.coerce.number().int().positive().optional(),
  })
  .superRefine((value, ctx) => {
    // one term alone connects nothing: a concept joins at least two ways of saying it
    if (value.de.length + value.en.length + value.both.length < 2) {
      ctx.addIssue({ code: 'custom', path: ['de'], message: 'glossary.form.twoTerms' });
    }
  });
export type GlossaryFormData = z.infer<typeof GlossaryFormSchema>;

export function readGlossaryForm(form: FormData) {
  const get = (key: string) => {
    const v = form.get(key);
    return typeof v === 'string' ? v : '';
  };
  const values = {
    de: get('de'),
    en: get('en'),
    both: get('both'),
    note: get('note'),
  };
  return { values, input: { ...values, expectedVersion: get('expectedVersion') || undefined } };
}

/** Confirming or rejecting a glossary proposal: the proposal's key, as listed on the page. */
export const GlossaryProposalSchema = z.object({
  key: z.string().trim().min(1, 'validation.required').max(400, 'validation.tooLong'),
});
