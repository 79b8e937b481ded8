import { z } from 'zod';
import { MAX_TAG_LENGTH, MAX_TAGS, parseTags } from '~/domain/knowledge/tags';
import { CONTENT_LANGUAGES } from '~/domain/knowledge/vocabulary';

// Messages are i18n keys; the form shows them next to their inputs.
const expectedVersion = z.coerce.number().int().positive().optional();

export const AudienceFormSchema = z.object({
  name: z.string().trim().min(1, 'validation.required').max(120, 'validation.tooLong'),
  description: z.string().trim().max(2000, 'validation.tooLong').default(''),
  expectedVersion,
});
export type AudienceFormData = z.infer<typeof AudienceFormSchema>;

export const NeedFormSchema = z.object({
  audienceId: z.string().trim().min(1, 'validation.choose').max(40, 'validation.choose'),
  text: z.string().trim().min(3, 'needs.form.textTooShort').max(1000, 'validation.tooLong'),
  tags: z
    .array(z.string().max(MAX_TAG_LENGTH, 'knowledge.form.tagTooLong'))
    .transform((tags) => parseTags(tags))
    .pipe(z.array(z.string()).max(MAX_TAGS, 'knowledge.form.tooManyTags')),
  priority: z.coerce
    .number('validation.choose')
    .int('validation.choose')
    .min(1, 'validation.choose')
    .max(3, 'validation.choose'),
  language: z.enum(CONTENT_LANGUAGES, 'validation.choose'),
  expectedVersion,
});
export type NeedFormData = z.infer<typeof NeedFormSchema>;

function text(form: FormData, key: string) {
  const v = form.get(key);
  return typeof v === 'string' ? v : '';
}

/** The audience form as entered (to show again) and as input for the schema. */
export function readAudienceForm(form: FormData) {
  const values = { name: text(form, 'name'), description: text(form, 'description') };
  return {
    values,
    input: { ...values, expectedVersion: text(form, 'expectedVersion') || undefined },
  };
}

/** The need form: tags from the chips plus anything still typed in the tag field. */
export function readNeedForm(form: FormData) {
  const tags = [
    ...form.getAll('tags').filter((v): v is string => typeof v === 'string'),
    ...text(form, 'tagsText').split(','),
  ].filter((v) => v.trim());
  const values = {
    audienceId: text(form, 'audienceId'),
    text: text(form, 'text'),
    tags: tags.map((t) => t.trim().toLowerCase()),
    priority: text(form, 'priority'),
    language: text(form, 'language'),
  };
  return {
    values,
    input: { ...values, tags, expectedVersion: text(form, 'expectedVersion') || undefined },
  };
}
