import { z } from 'zod';
import {
  CHANNEL_FIELDS,
  type ChannelField,
  type ChannelFieldKind,
  type ChannelFieldValue,
  type ChannelFieldValues,
} from '~/domain/calendar/channel-fields';
import { FIRST_PLANNING_YEAR, fromLocalInput, LAST_PLANNING_YEAR } from '~/domain/calendar/grid';
import { CHANNELS, PIECE_STATUSES } from '~/domain/calendar/vocabulary';
import { checkEnteredDates, enteredDates } from './entered-dates';
import type { PieceInput } from '~/models/piece-writes.server';

const optionalText = (max: number) => z.string().trim().max(max, 'validation.tooLong').default('');
const optionalInt = (max: number) =>
  z
    .string()
    .trim()
    .default('')
    .transform((v) => (v === '' ? null : Number(v)))
    .pipe(
      z
        .number('validation.number')
        .int('validation.number')
        .min(0, 'validation.number')
        .max(max, 'validation.number')
        .nullable(),
    );
const optionalUrl = z
  .string()
  .trim()
  .default('')
  .transform((v) => v || null)
  .pipe(z.url({ protocol: /^https?$/, error: 'knowledge.form.badLink' }).nullable());
const list = z
  .string()
  .max(2000, 'validation.tooLong')
  .default('')
  .transform((v) =>
    v
      .split(/[,\n]/)
      .map((x) => x.trim())
      .filter(Boolean),
  );

const slug = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'validation.tooLong')
    .default('')
    .refine((v) => v === '' || /^[a-z0-9]+(-[a-z0-9]+)*$/.test(v), 'calendar.form.badSlug')
    .transform((v) => v || null);
const yesNo = z
  .enum(['yes', 'no', ''], 'validation.choose')
  .default('')
  .transform((v) => (v === '' ? null : v === 'yes'));

type FieldSchema<K extends ChannelFieldKind> = z.ZodType<ChannelFieldValue<K>, unknown>;

/** The schema of each channel-specific field, from its line in domain/calendar/channel-fields. */
function channelFieldShape(localDateTime: FieldSchema<'dateTime'>) {
  const schemaOf = (field: ChannelField): z.ZodType => {
    switch (field.kind) {
      case 'slug':
        return slug(field.max ?? 120);
      case 'url':
        return optionalUrl;
      case 'integer':
        return optionalInt(field.max ?? 100_000);
      case 'list':
        return list;
      case 'yesNo':
        return yesNo;
      case 'dateTime':
        return localDateTime;
    }
  };
  return Object.fromEntries(CHANNEL_FIELDS.map((f) => [f.name, schemaOf(f)])) as {
    [N in keyof ChannelFieldValues]: z.ZodType<ChannelFieldValues[N], unknown>;
  };
}

/** The piece form; dates are local date-times in the workspace's time zone. */
export function pieceFormSchema(timeZone: string) {
  const localDateTime = z
    .string()
    .trim()
    .default('')
    .transform((v, ctx) => {
      if (!v) return null;
      const d = fromLocalInput(v, timeZone);
      const year = Number(/^(\d{4,})-/.exec(v)?.[1]);
      // a well-formed date in a year the calendar does not plan for gets its own message
      if (!d)
        ctx.addIssue({
          code: 'custom',
          message:
            year && (year < FIRST_PLANNING_YEAR || year > LAST_PLANNING_YEAR)
              ? 'validation.dateRange'
              : 'validation.dateInvalid',
        });
      return d;
    });
  return z
    .object({
      channel: z.enum(CHANNELS, 'validation.choose'),
      title: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
      brief: optionalText(2000),
      body: optionalText(100_000),
      publishAt: localDateTime,
      ownerId: z
        .string()
        .max(40, 'validation.invalid')
        .default('')
        .transform((v) => v || null),
      audiences: z
        .array(z.string().max(40, 'validation.invalid'))
        .max(50, 'validation.invalid')
        .default([]),
      experts: z
        .array(z.string().max(40, 'validation.invalid'))
        .max(50, 'validation.invalid')
        .default([]),
      // the form always sends one empty `goals` beside its checkboxes: a request without any
      // `goals` (a script that predates them) leaves the piece's goals as they are, while the
      // form with every box cleared removes them all
      goals: z
        .array(z.string().max(40, 'validation.invalid'))
        .max(51, 'validation.invalid')
        .default([])
        .transform((ids) => (ids.length ? ids.filter(Boolean) : undefined)),
      ...channelFieldShape(localDateTime),
      expectedVersion: z.coerce.number().int().positive().optional(),
      // date fields that held input the browser could not read as a date (see entered-dates.ts)
      enteredDates,
    })
    .superRefine((v, ctx) => {
      checkEnteredDates(v, ctx);
      if (v.webinarStart && v.webinarEnd && v.webinarEnd <= v.webinarStart) {
        ctx.addIssue({
          code: 'custom',
          path: ['webinarEnd'],
          message: 'calendar.form.endBeforeStart',
        });
      }
    })
    .transform(({ expectedVersion, enteredDates: _enteredDates, ...rest }) => ({
      expectedVersion,
      // a webinar is published when it starts, unless a publish date is given
      input: {
        ...rest,
        publishAt: rest.publishAt ?? (rest.channel === 'webinar' ? rest.webinarStart : null),
      } satisfies PieceInput,
    }));
}

export const TransitionSchema = z.object({
  intent: z.literal('transition'),
  to: z.enum(PIECE_STATUSES),
  expectedVersion: z.coerce.number().int().positive(),
});

export const CommentSchema = z.object({
  intent: z.literal('comment'),
  body: z.string().trim().min(1, 'validation.required').max(5000, 'validation.tooLong'),
});
