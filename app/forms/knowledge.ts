import { z } from 'zod';
import { MAX_TAG_LENGTH, MAX_TAGS, parseTags } from '~/domain/knowledge/tags';
import { CONTENT_LANGUAGES, KNOWLEDGE_KINDS } from '~/domain/knowledge/vocabulary';
import { KNOWLEDGE_ACTIONS, type KnowledgeAction } from '~/domain/knowledge/workflow';

// Messages are i18n keys; the form shows them next to their inputs.
export const KnowledgeFormSchema = z.object({
  title: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
  summary: z.string().trim().min(1, 'validation.required').max(2000, 'validation.tooLong'),
  details: z.string().trim().max(20_000, 'validation.tooLong').default(''),
  kind: z.enum(KNOWLEDGE_KINDS, 'validation.choose'),
  language: z.enum(CONTENT_LANGUAGES, 'validation.choose'),
  department: z.string().trim().min(1, 'validation.required').max(120, 'validation.tooLong'),
  tags: z
    .array(z.string().max(MAX_TAG_LENGTH, 'knowledge.form.tagTooLong'))
    .transform((tags) => parseTags(tags))
    .pipe(z.array(z.string()).max(MAX_TAGS, 'knowledge.form.tooManyTags')),
  links: z
    .string()
    .max(5000, 'validation.tooLong')
    .default('')
    .transform((text) =>
      text
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.url({ protocol: /^https?$/, error: 'knowledge.form.badLink' }))
        .max(20, 'validation.tooLong'),
    )
    .transform((urls) => urls.map((url) => ({ url }))),
  intent: z.enum(['save', 'submit']),
  expectedVersion: z.coerce.number().int().positive().optional(),
});

export type KnowledgeFormValues = {
  title: string;
  summary: string;
  details: string;
  kind: string;
  language: string;
  department: string;
  tags: string[];
  links: string;
};

/** A review step on an item: its form's intent is the workflow action. */
export type ReviewStep = KnowledgeAction;

export const ReviewSchema = z.object({
  intent: z.enum(KNOWLEDGE_ACTIONS),
  comment: z.string().trim().max(2000, 'validation.tooLong').default(''),
  expectedVersion: z.coerce.number().int().positive(),
});

export const BulkSchema = z
  .object({
    intent: z.literal('bulk'),
    action: z.enum(['accept', 'archive', 'add_tag']),
    ids: z
      .array(z.string().min(1, 'validation.invalid').max(40, 'validation.invalid'))
      .min(1, 'knowledge.bulk.noneSelected')
      .max(500, 'validation.invalid'),
    tag: z.string().trim().max(MAX_TAG_LENGTH, 'knowledge.form.tagTooLong').default(''),
  })
  .refine((d) => d.action !== 'add_tag' || d.tag, {
    path: ['tag'],
    message: 'validation.required',
  });

/** The knowledge form's data as the schema's input (the browser checks the same input). */
export function readKnowledgeFormData(form: FormData) {
  const get = (k: string) => {
    const v = form.get(k);
    return typeof v === 'string' ? v : '';
  };
  const tags = [
    ...form.getAll('tags').filter((v): v is string => typeof v === 'string'),
    ...get('tagsText').split(','),
  ].filter((v) => v.trim());
  const input = {
    title: get('title'),
    summary: get('summary'),
    details: get('details'),
    kind: get('kind'),
    language: get('language'),
    department: get('department'),
    tags,
    links: get('links'),
    intent: get('intent'),
    expectedVersion: get('expectedVersion') || undefined,
  };
  const values: KnowledgeFormValues = { ...input, tags: tags.map((t) => t.trim().toLowerCase()) };
  return { input, values };
}

/**
 * The topic request a new item answers, from the form's hidden `requestId` field (or the page's
 * `?request=`); null when there is none. Any other text is passed on, so that a request that
 * does not exist is refused rather than ignored.
 */
export function readRequestId(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value.trim() : null;
}
