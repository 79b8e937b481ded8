import { z } from 'zod';
import { CHANNELS } from '~/domain/calendar/vocabulary';
import { MAX_TAG_LENGTH } from '~/domain/knowledge/tags';

/**
 * What the live disclosure check accepts: the piece form's or the knowledge form's text fields
 * with the same size limits as the forms themselves, so whatever a form may save can be checked
 * while it is typed. A field over its limit is "too large" (413), anything else malformed is
 * "invalid" (400).
 */

/** Largest body the check reads: the longest piece, fully escaped, fits well within it. */
export const LIVE_CHECK_MAX_BYTES = 1024 * 1024;

const text = (max: number) => z.string().max(max).default('');
/** A form sends one value as a string and several as a list. */
const ids = z
  .union([z.string().max(40), z.array(z.string().max(40)).max(200)])
  .default([])
  .transform((v) => (typeof v === 'string' ? [v] : v));

const PieceCheck = z.object({
  intent: z.literal('check-piece'),
  pieceId: z.string().max(40).default(''),
  channel: z.enum(CHANNELS).optional(),
  title: text(200),
  brief: text(2000),
  body: text(100_000),
  slug: text(120),
  targetUrl: text(2000),
  guests: text(2000),
  speakers: text(2000),
  registrationUrl: text(2000),
  ownerId: z.string().max(40).default(''),
  audiences: ids,
  experts: ids,
});

const KnowledgeCheck = z.object({
  intent: z.literal('check-knowledge'),
  title: text(200),
  summary: text(2000),
  details: text(20_000),
  department: text(120),
  tags: z
    .union([z.string().max(MAX_TAG_LENGTH), z.array(z.string().max(MAX_TAG_LENGTH)).max(100)])
    .default([])
    .transform((v) => (typeof v === 'string' ? [v] : v)),
  tagsText: text(1000),
  links: text(5000),
});

export const LiveCheckSchema = z.discriminatedUnion('intent', [PieceCheck, KnowledgeCheck]);
export type LiveCheckInput = z.infer<typeof LiveCheckSchema>;

/** The problems of a rejected input, by field, and whether any of them is a size limit. */
export function describeIssues(error: z.ZodError) {
  return {
    tooLarge: error.issues.some((i) => i.code === 'too_big'),
    fields: [...new Set(error.issues.map((i) => i.path.join('.') || 'intent'))],
  };
}
