import { z } from 'zod';
import { CHANNELS } from '~/domain/calendar/vocabulary';
import { DECISION_KINDS, MAX_REVIEW_TEXT } from '~/domain/strategy/review-snapshot';

// The forms of a strategy review. Messages are i18n keys; the forms show them next to their inputs.

const text = z
  .string()
  .trim()
  .min(1, 'validation.required')
  .max(MAX_REVIEW_TEXT, 'validation.tooLong');
const optionalId = z
  .string()
  .trim()
  .max(40, 'validation.choose')
  .optional()
  .transform((v) => v || null);

export const FindingSchema = z.object({ finding: text });

/** A decision and what it changes; which link it needs depends on its kind. */
export const DecisionSchema = z
  .object({
    kind: z.enum(DECISION_KINDS, 'validation.choose'),
    text,
    goalId: optionalId,
    kpiId: optionalId,
    audienceId: optionalId,
    channel: z
      .union([z.enum(CHANNELS), z.literal('')], 'validation.choose')
      .optional()
      .transform((v) => v || null),
    target: z
      .string()
      .trim()
      .max(30, 'reviews.decision.targetInvalid')
      .optional()
      .transform((v, ctx) => {
        if (!v) return null;
        const n = Number(v.replace(',', '.'));
        if (!Number.isFinite(n) || n < 0 || n > 1e12) {
          ctx.addIssue({ code: 'custom', message: 'reviews.decision.targetInvalid' });
          return z.NEVER;
        }
        return n;
      }),
    /**
     * the version of each KPI the form offered, as `id:version` separated by commas: the chosen
     * KPI's is the version its shown target belongs to
     */
    kpiVersions: z.string().max(20_000, 'validation.invalid').optional(),
  })
  .superRefine((d, ctx) => {
    const need = (field: string, ok: boolean, message = 'validation.choose') => {
      if (!ok) ctx.addIssue({ code: 'custom', path: [field], message });
    };
    if (d.kind === 'goal') need('goalId', !!d.goalId);
    if (d.kind === 'audience') need('audienceId', !!d.audienceId);
    if (d.kind === 'channel_plan') need('channel', !!d.channel);
    if (d.kind === 'kpi_target') {
      need('kpiId', !!d.kpiId);
      need('target', d.target !== null, 'reviews.decision.targetRequired');
    }
  })
  .transform(({ kpiVersions, ...d }) => ({
    ...d,
    expectedKpiVersion: d.kpiId ? shownVersion(kpiVersions, d.kpiId) : null,
  }));

/** The version the form showed for a KPI (null when it showed none). */
export function shownVersion(kpiVersions: string | undefined, kpiId: string): number | null {
  for (const pair of (kpiVersions ?? '').split(',')) {
    const at = pair.lastIndexOf(':');
    if (at > 0 && pair.slice(0, at).trim() === kpiId) {
      const version = Number(pair.slice(at + 1));
      return Number.isInteger(version) && version > 0 ? version : null;
    }
  }
  return null;
}

/** What the decision form sends as `kpiVersions`. */
export const kpiVersionsField = (kpis: readonly { id: string; version: number }[]) =>
  kpis.map((k) => `${k.id}:${k.version}`).join(',');

export const SignOffSchema = z.object({
  expectedVersion: z.coerce.number().int().positive(),
});
