import type { FieldErrors } from '~/utils/forms';
import { z } from 'zod';
import { CHANNELS, type Channel } from '~/domain/calendar/vocabulary';
import { isoDay } from '~/domain/results/dates';
import { MAX_OBSERVATION_NOTE, MAX_OBSERVATION_VALUE } from '~/domain/results/observation';
import {
  FIELDS,
  isObservationMetric,
  PRESETS,
  type ColumnMapping,
  type Field,
} from '~/domain/results/presets';

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

/**
 * Saving a column mapping on the import page: a name, the preset it starts from, the header of
 * each column the preset should read differently (empty: the preset's own), and up to three
 * columns whose values are observations of a metric (none: the preset's
 * own value columns).
 */
export const MAPPING_VALUE_ROWS = [1, 2, 3] as const;
const MAX_HEADER = 120;
const header = z.string().trim().max(MAX_HEADER, 'validation.tooLong').default('');
const valueMetric = z
  .string()
  .trim()
  .default('')
  .refine((v) => v === '' || isObservationMetric(v), 'results.problems.unknownMetric');

export const ResultMappingSaveSchema = z
  .object({
    name: z.string().trim().min(1, 'validation.required').max(80, 'validation.tooLong'),
    preset: z.enum(PRESETS, 'validation.choose'),
    url: header,
    path: header,
    slug: header,
    platformId: header,
    episodeNumber: header,
    date: header,
    metric: header,
    value: header,
    valueColumn1: header,
    valueMetric1: valueMetric,
    valueColumn2: header,
    valueMetric2: valueMetric,
    valueColumn3: header,
    valueMetric3: valueMetric,
  })
  .superRefine((v, ctx) => {
    for (const n of MAPPING_VALUE_ROWS) {
      const column = v[`valueColumn${n}`];
      const metric = v[`valueMetric${n}`];
      if (column && !metric)
        ctx.addIssue({ code: 'custom', path: [`valueMetric${n}`], message: 'validation.choose' });
      if (metric && !column)
        ctx.addIssue({ code: 'custom', path: [`valueColumn${n}`], message: 'validation.required' });
    }
  });
export type ResultMappingSaveData = z.output<typeof ResultMappingSaveSchema>;

/** The saved mapping a form describes: the columns and value columns it names. */
export function mappingOfForm(data: ResultMappingSaveData): ColumnMapping {
  const columns: Partial<Record<Field, string>> = {};
  for (const field of FIELDS) if (data[field]) columns[field] = data[field];
  const values: Record<string, string> = {};
  for (const n of MAPPING_VALUE_ROWS) {
    const column = data[`valueColumn${n}`];
    if (column) values[column] = data[`valueMetric${n}`];
  }
  return { columns, values };
}

/** Removing a saved column mapping (its version guards against a concurrent change). */
export const ResultMappingDeleteSchema = z.object({
  id: z.string().trim().min(1, 'validation.invalid').max(100, 'validation.invalid'),
  expectedVersion: z.coerce.number().int().positive(),
});

/**
 * One result entered by hand (a piece's Results section, the numbers beyond single pieces on
 * /results/workspace): a catalogue metric, a value as typed (comma or dot as the decimal mark),
 * the period's first and last day and a note. The model checks the same again
 * (domain/results/observation.ts).
 */
const entryFields = {
  metric: z
    .string()
    .trim()
    .refine((v) => v !== '', 'validation.choose')
    .refine((v) => v === '' || isObservationMetric(v), 'results.problems.unknownMetric'),
  value: z
    .string()
    .trim()
    .max(30, 'results.problems.notANumberTyped')
    .refine((v) => v !== '', 'validation.required')
    .transform((v, ctx) => {
      const n = Number(v.replace(',', '.'));
      if (v === '') return 0;
      if (!/^[+-]?\d/.test(v) || !Number.isFinite(n) || Math.abs(n) > MAX_OBSERVATION_VALUE) {
        ctx.addIssue({ code: 'custom', message: 'results.problems.notANumberTyped' });
        return z.NEVER;
      }
      return n;
    }),
  periodStart: z
    .string()
    .trim()
    .refine((v) => isoDay(v) !== null, 'results.problems.notADate'),
  periodEnd: z
    .string()
    .trim()
    .refine((v) => isoDay(v) !== null, 'results.problems.notADate'),
  note: z.string().trim().max(MAX_OBSERVATION_NOTE, 'validation.tooLong').default(''),
};

/** Only the NPS may be negative; a period starts on or before its last day. */
function checkEntry(
  v: { metric: string; value: number; periodStart: string; periodEnd: string },
  ctx: z.RefinementCtx,
) {
  if (v.value < 0 && v.metric !== 'nps')
    ctx.addIssue({ code: 'custom', path: ['value'], message: 'results.problems.negative' });
  const start = isoDay(v.periodStart);
  const end = isoDay(v.periodEnd);
  if (start && end && start > end)
    ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'results.problems.badPeriod' });
}

export const ObservationEntrySchema = z.object(entryFields).superRefine(checkEntry);
export type ObservationEntryData = z.output<typeof ObservationEntrySchema>;

/** What a number beyond single pieces is about: the whole workspace, a channel or an audience. */
export type EntrySubject =
  | { subject: 'workspace'; channel: null; audienceId: null }
  | { subject: 'channel'; channel: Channel; audienceId: null }
  | { subject: 'audience'; channel: null; audienceId: string };

/** The "Measured for" choice as the form posts it: `workspace`, `channel:<key>`, `audience:<id>`. */
export function subjectChoice(subject: EntrySubject): string {
  if (subject.subject === 'channel') return `channel:${subject.channel}`;
  if (subject.subject === 'audience') return `audience:${subject.audienceId}`;
  return 'workspace';
}

const MAX_AUDIENCE_ID = 100;

/**
 * The "Measured for" field: empty or `workspace` for the whole workspace, `channel:<key>` for one
 * of the channels, `audience:<id>` for an audience (whether it still exists is the model's check).
 */
const measuredFor = z
  .string()
  .trim()
  .default('')
  .transform((v, ctx): EntrySubject => {
    if (v === '' || v === 'workspace')
      return { subject: 'workspace', channel: null, audienceId: null };
    const colon = v.indexOf(':');
    const kind = colon < 0 ? v : v.slice(0, colon);
    const key = colon < 0 ? '' : v.slice(colon + 1).trim();
    if (kind === 'channel') {
      if ((CHANNELS as readonly string[]).includes(key))
        return { subject: 'channel', channel: key as Channel, audienceId: null };
      ctx.addIssue({ code: 'custom', message: 'results.workspace.unknownChannel' });
      return z.NEVER;
    }
    if (kind === 'audience' && key !== '' && key.length <= MAX_AUDIENCE_ID)
      return { subject: 'audience', channel: null, audienceId: key };
    ctx.addIssue({ code: 'custom', message: 'results.workspace.unknownSubject' });
    return z.NEVER;
  });

/**
 * One number beyond single pieces (/results/workspace): the fields above plus what it was
 * measured for (`for`).
 */
export const SubjectEntrySchema = z
  .object({ ...entryFields, for: measuredFor })
  .superRefine(checkEntry);
export type SubjectEntryData = z.output<typeof SubjectEntrySchema>;

/** Removing a result entered by hand. */
export const ObservationDeleteSchema = z.object({
  id: z.string().trim().min(1, 'validation.invalid').max(100, 'validation.invalid'),
});

/**
 * The results model's field errors (`{ field, code }`) as the form's messages: the codes the
 * entry forms know get their own text, the rest a general one; an error about the subject (its
 * kind, channel or audience) belongs to the "Measured for" field (`for`).
 */
export function entryErrors(
  errors: { field: string; code: string; values?: Record<string, string> }[],
): FieldErrors {
  const out: FieldErrors = {};
  const known = [
    'required',
    'negative',
    'notADate',
    'unknownMetric',
    'badPeriod',
    'outOfRange',
    'enteredInFuture',
    'enteredBeforePublication',
  ];
  const subjectFields = ['subject', 'channel', 'audienceId'];
  for (const { field, code, values } of errors)
    out[subjectFields.includes(field) ? 'for' : field] ??= {
      key:
        code === 'tooLong'
          ? 'validation.tooLong'
          : // typed into a form: a comma is as good a decimal mark as a dot
            code === 'notANumber'
            ? 'results.problems.notANumberTyped'
            : known.includes(code)
              ? `results.problems.${code}`
              : 'validation.invalid',
      ...(values ? { values } : {}),
    };
  return out;
}
