import { z } from 'zod';
import type { DisclosureRule } from '~/domain/disclosure/engine';
import { RULE_KINDS, RULE_SEVERITIES } from '~/domain/disclosure/vocabulary';
import type { RuleDefinition } from '~/models/rule.server';

const lines = (max: number) =>
  z
    .string()
    .max(20_000, 'validation.tooLong')
    .default('')
    .transform((v) => [
      ...new Set(
        v
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(z.string().max(500, 'validation.tooLong')).max(max, 'validation.tooLong'));

/** The rule form (one pattern, exception or example per line). Messages are i18n keys. */
const ruleFields = z.object({
  key: z
    .string()
    .trim()
    .min(1, 'validation.required')
    .max(100, 'validation.tooLong')
    .regex(/^[A-Za-z0-9_.-]+$/, 'rules.form.badKey'),
  name: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
  category: z.string().trim().max(100, 'validation.tooLong').default(''),
  rationale: z.string().trim().max(2000, 'validation.tooLong').default(''),
  message: z.string().trim().max(2000, 'validation.tooLong').default(''),
  severity: z.enum(RULE_SEVERITIES, 'validation.choose'),
  kind: z.enum(RULE_KINDS, 'validation.choose'),
  patterns: lines(1000).pipe(z.array(z.string()).min(1, 'rules.form.needsPattern')),
  exceptions: lines(1000),
  window: z
    .string()
    .trim()
    .default('')
    .transform((v) => (v === '' ? null : Number(v)))
    .pipe(
      z
        .number('validation.number')
        .int('validation.number')
        .min(0, 'validation.number')
        .max(10_000, 'validation.number')
        .nullable(),
    ),
  examplesMatch: lines(100),
  examplesNoMatch: lines(100),
  active: z
    .string()
    .optional()
    .transform((v) => v === 'on' || v === 'true'),
  changeNote: z.string().trim().max(500, 'validation.tooLong').default(''),
  expectedRevision: z.coerce.number().int().positive().optional(),
});

/**
 * The rule form's schema. `patternProblem` checks the patterns further (the server compiles
 * regular expressions with the disclosure engine, which the browser does not load): it answers
 * the message key of a problem, or null.
 */
export function ruleFormSchema(
  patternProblem: (rule: z.output<typeof ruleFields>) => string | null = () => null,
) {
  return ruleFields
    .superRefine((v, ctx) => {
      const message = patternProblem(v);
      if (message) ctx.addIssue({ code: 'custom', path: ['patterns'], message });
    })
    .transform(({ changeNote, expectedRevision, ...definition }) => ({
      changeNote,
      expectedRevision,
      definition: definition satisfies RuleDefinition,
    }));
}

/**
 * A rule as drafted in the rule form, for its reach: only what decides what it finds (kind,
 * severity, patterns, exceptions, window), with the form's limits. Empty patterns are allowed
 * here (the form is being typed); the reach of a rule without patterns is nothing.
 */
const draftLines = z
  .string()
  .max(20_000)
  .default('')
  .transform((v) => [
    ...new Set(
      v
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean),
    ),
  ])
  .pipe(z.array(z.string().max(500)).max(1000));

export const DraftRuleSchema = z
  .object({
    key: z.string().trim().max(100).default(''),
    name: z.string().trim().max(200).default(''),
    severity: z.enum(RULE_SEVERITIES),
    kind: z.enum(RULE_KINDS),
    patterns: draftLines,
    exceptions: draftLines,
    window: z
      .string()
      .trim()
      .max(10)
      .default('')
      .transform((v) => (v === '' ? undefined : Number(v)))
      .pipe(z.number().int().min(0).max(10_000).optional()),
  })
  .transform((d): DisclosureRule => ({
    id: d.key || 'draft',
    name: d.name || d.key || 'draft',
    severity: d.severity,
    kind: d.kind,
    patterns: d.patterns,
    exceptions: d.exceptions,
    window: d.window,
  }));
