import { z } from 'zod';
import { CHANNELS } from '~/domain/calendar/vocabulary';
import { isIsoDay } from '~/domain/strategy/review';
import {
  GOAL_CATEGORIES,
  KPI_DIRECTIONS,
  KPI_SCOPES,
  KPI_UNITS,
  MAX_GOAL_WEIGHT,
  METRIC_KEYS,
  MIN_GOAL_WEIGHT,
  REVIEW_CADENCES,
  STOCK_TAKE_KINDS,
} from '~/domain/strategy/vocabulary';

// The strategy's forms. Messages are i18n keys; the forms show them next to their inputs.

const expectedVersion = z.coerce.number().int().positive().optional();
const requiredVersion = z.coerce.number().int().positive();
const id = z.string().trim().min(1, 'validation.choose').max(40, 'validation.choose');
const day = z
  .string()
  .trim()
  .refine((v) => isIsoDay(v), 'validation.dateInvalid');
const optionalDay = z
  .string()
  .trim()
  .refine((v) => v === '' || isIsoDay(v), 'validation.dateInvalid')
  .transform((v) => v || null);
/** A decimal number as typed (comma or dot), or null when left empty. */
const decimal = (message: string) =>
  z
    .string()
    .trim()
    .max(30, message)
    .transform((v, ctx) => {
      if (v === '') return null;
      const n = Number(v.replace(',', '.'));
      if (!Number.isFinite(n) || Math.abs(n) > 1e12) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return n;
    });

export const GoalFormSchema = z
  .object({
    title: z.string().trim().min(1, 'validation.required').max(160, 'validation.tooLong'),
    description: z.string().trim().max(2000, 'validation.tooLong').default(''),
    category: z.enum(GOAL_CATEGORIES, 'validation.choose'),
    periodStart: day,
    periodEnd: day,
    weight: z.coerce
      .number('validation.number')
      .int('validation.number')
      .min(MIN_GOAL_WEIGHT, 'validation.number')
      .max(MAX_GOAL_WEIGHT, 'validation.number'),
    expectedVersion,
  })
  .superRefine((v, ctx) => {
    if (v.periodEnd < v.periodStart)
      ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'strategy.goal.periodOrder' });
  });
export type GoalFormData = z.infer<typeof GoalFormSchema>;

export const KpiFormSchema = z
  .object({
    kpiId: z.string().trim().max(40, 'validation.invalid').default(''),
    metric: z.enum(METRIC_KEYS, 'validation.choose'),
    customLabel: z.string().trim().max(120, 'validation.tooLong').default(''),
    unit: z.enum(KPI_UNITS, 'validation.choose'),
    direction: z.enum(KPI_DIRECTIONS, 'validation.choose'),
    baseline: decimal('strategy.kpi.numberInvalid'),
    target: decimal('strategy.kpi.numberInvalid'),
    targetDate: day,
    scope: z.enum(KPI_SCOPES, 'validation.choose'),
    channel: z.string().trim().max(40, 'validation.choose').default(''),
    audienceId: z.string().trim().max(40, 'validation.choose').default(''),
    expectedVersion,
  })
  .superRefine((v, ctx) => {
    if (v.target === null)
      ctx.addIssue({ code: 'custom', path: ['target'], message: 'validation.required' });
    if (v.metric === 'custom' && !v.customLabel)
      ctx.addIssue({
        code: 'custom',
        path: ['customLabel'],
        message: 'strategy.kpi.customLabelRequired',
      });
    if (v.scope === 'channel' && !(CHANNELS as readonly string[]).includes(v.channel))
      ctx.addIssue({ code: 'custom', path: ['channel'], message: 'validation.choose' });
    if (v.scope === 'audience' && !v.audienceId)
      ctx.addIssue({ code: 'custom', path: ['audienceId'], message: 'validation.choose' });
  })
  .transform((v) => ({
    ...v,
    target: v.target as number,
    customLabel: v.metric === 'custom' ? v.customLabel : '',
    channel: v.scope === 'channel' ? v.channel : null,
    audienceId: v.scope === 'audience' ? v.audienceId : null,
  }));
export type KpiFormData = z.infer<typeof KpiFormSchema>;

/** Removing a KPI: which one, and the version the page showed. */
export const KpiRemoveSchema = z.object({ kpiId: id, expectedVersion: requiredVersion });

/** Agreeing to a goal or retiring it: the version the page showed. */
export const GoalDecisionSchema = z.object({ expectedVersion: requiredVersion });

/** Sending a goal back: the reason is required. */
export const SendBackSchema = z.object({
  comment: z
    .string()
    .trim()
    .min(1, 'strategy.goal.commentRequired')
    .max(2000, 'validation.tooLong'),
  expectedVersion: requiredVersion,
});

/** Naming the overall owner (empty: nobody). */
export const OwnerSchema = z.object({
  ownerId: z.string().trim().max(40, 'validation.choose').default(''),
  expectedVersion,
});

export const CadenceSchema = z.object({
  cadenceMonths: z.coerce
    .number('validation.choose')
    .refine((n) => (REVIEW_CADENCES as readonly number[]).includes(n), 'validation.choose'),
  lastReviewOn: optionalDay,
  expectedVersion,
});

export const StockTakeSchema = z.object({
  kind: z.enum(STOCK_TAKE_KINDS, 'validation.choose'),
  text: z.string().trim().min(1, 'validation.required').max(500, 'validation.tooLong'),
  evidence: z.string().trim().max(2000, 'validation.tooLong').default(''),
  notedOn: day,
});
export type StockTakeFormData = z.infer<typeof StockTakeSchema>;

export const MilestoneSchema = z.object({
  title: z.string().trim().min(1, 'validation.required').max(160, 'validation.tooLong'),
  date: day,
  note: z.string().trim().max(1000, 'validation.tooLong').default(''),
});
export type MilestoneFormData = z.infer<typeof MilestoneSchema>;

/** Changing a stock-take entry in place: which one, and the version the page showed. */
export const StockTakeUpdateSchema = StockTakeSchema.extend({
  id,
  expectedVersion: requiredVersion,
});

/** Changing a milestone in place: which one, and the version the page showed. */
export const MilestoneUpdateSchema = MilestoneSchema.extend({
  id,
  expectedVersion: requiredVersion,
});

/** Removing a stock-take entry or a milestone. */
export const RemoveSchema = z.object({ id, expectedVersion: requiredVersion });

function text(form: FormData, key: string) {
  const v = form.get(key);
  return typeof v === 'string' ? v : '';
}

/** The goal form as entered (to show again) and as input for the schema. */
export function readGoalForm(form: FormData) {
  const values = {
    title: text(form, 'title'),
    description: text(form, 'description'),
    category: text(form, 'category'),
    periodStart: text(form, 'periodStart'),
    periodEnd: text(form, 'periodEnd'),
    weight: text(form, 'weight'),
  };
  return {
    values,
    input: { ...values, expectedVersion: text(form, 'expectedVersion') || undefined },
  };
}

/** The KPI form as entered and as input for the schema. */
export function readKpiForm(form: FormData) {
  const values = {
    kpiId: text(form, 'kpiId'),
    metric: text(form, 'metric'),
    customLabel: text(form, 'customLabel'),
    unit: text(form, 'unit'),
    direction: text(form, 'direction'),
    baseline: text(form, 'baseline'),
    target: text(form, 'target'),
    targetDate: text(form, 'targetDate'),
    scope: text(form, 'scope'),
    channel: text(form, 'channel'),
    audienceId: text(form, 'audienceId'),
  };
  return {
    values,
    input: { ...values, expectedVersion: text(form, 'expectedVersion') || undefined },
  };
}

/** Linking a piece to a goal, or undoing the link. */
export const PieceLinkSchema = z.object({ pieceId: id });
