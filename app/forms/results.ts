import { z } from 'zod';
import { isoDay } from '~/domain/results/dates';
import { PRESETS } from '~/domain/results/presets';

/** The results import's forms (routes/results.import.tsx): check a file, commit it, undo one. */

const day = z
  .string()
  .trim()
  .default('')
  .refine((v) => v === '' || isoDay(v) !== null, 'results.problems.notADate');

const importFields = {
  preset: z.enum(['auto', ...PRESETS], 'validation.invalid').default('auto'),
  from: day,
  to: day,
  mapping: z.string().trim().max(100).default(''),
};

const bothOrNeither = (v: { from: string; to: string }) => (v.from === '') === (v.to === '');

export const ResultsPreviewSchema = z
  .object(importFields)
  .refine(bothOrNeither, { path: ['to'], message: 'results.import.periodBoth' })
  .refine((v) => !v.from || !v.to || v.from <= v.to, {
    path: ['to'],
    message: 'results.problems.badPeriod',
  });

export const ResultsCommitSchema = z
  .object({
    ...importFields,
    name: z.string().max(255).default(''),
    content: z
      .string()
      .min(1, 'validation.required')
      .max(5 * 1024 * 1024),
  })
  .refine(bothOrNeither, { path: ['to'], message: 'results.import.periodBoth' });

export const ResultsUndoSchema = z.object({
  id: z.string().min(1).max(100),
  expectedVersion: z.coerce.number().int().positive(),
});
