import { CHANNELS } from '../calendar/vocabulary';
import { isoDay } from './dates';
import { METRICS, type MetricKey } from '../strategy/vocabulary';
import { isObservationMetric } from './presets';

/**
 * A result entered by hand: a value of a metric over a period, about exactly one subject (a
 * piece, a channel, an audience or the whole workspace, e.g. the NPS of a quarter).
 */

export const OBSERVATION_SUBJECTS = ['piece', 'channel', 'audience', 'workspace'] as const;
export type ObservationSubject = (typeof OBSERVATION_SUBJECTS)[number];

export const MAX_OBSERVATION_NOTE = 500;
/** values beyond this are typing mistakes, not results */
export const MAX_OBSERVATION_VALUE = 1e12;

export type ObservationInput = {
  subject: string;
  pieceId?: string | null;
  channel?: string | null;
  audienceId?: string | null;
  metric: string;
  value: number;
  periodStart: string;
  periodEnd: string;
  note?: string;
};

/** The checked observation: the subject's one column set, the others null. */
export type CheckedObservation = {
  subject: ObservationSubject;
  pieceId: string | null;
  channel: string | null;
  audienceId: string | null;
  metric: string;
  value: number;
  periodStart: string;
  periodEnd: string;
  note: string;
};

export type ObservationError = { field: string; code: string; values?: Record<string, string> };

/**
 * The values a metric can take, by its unit: a share (tonality, engagement, repurchase rate) from
 * 0 to 100 %, the Net Promoter Score from −100 to 100, a count (and a custom metric) from 0 to
 * MAX_OBSERVATION_VALUE.
 */
export function valueRange(metric: string): { min: number; max: number } {
  const unit = Object.hasOwn(METRICS, metric) ? METRICS[metric as MetricKey].unit : 'count';
  if (unit === 'percent') return { min: 0, max: 100 };
  if (unit === 'score') return { min: -100, max: 100 };
  return { min: 0, max: MAX_OBSERVATION_VALUE };
}

/**
 * What is wrong with a metric's value, if anything: `notANumber` (also for values too large to
 * be a result), `negative` (below 0 where nothing is), `outOfRange` (with min and max).
 */
export function valueProblem(
  metric: string,
  value: number,
): null | { code: 'notANumber' | 'negative' | 'outOfRange'; values?: Record<string, string> } {
  if (!Number.isFinite(value) || Math.abs(value) > MAX_OBSERVATION_VALUE)
    return { code: 'notANumber' };
  const { min, max } = valueRange(metric);
  if (value < 0 && min === 0) return { code: 'negative' };
  if (value < min || value > max)
    return { code: 'outOfRange', values: { min: String(min), max: String(max) } };
  return null;
}

/**
 * Whether a piece's result covers only days before the piece was published, when nothing can
 * have happened yet. A period that merely starts earlier is fine (a month's export counts a piece
 * published in the middle of it), and registrations for a webinar come in before it takes place.
 */
export function endsBeforePublication(metric: string, periodEnd: string, publishedOn: string) {
  return metric !== 'webinar_registrations' && periodEnd < publishedOn;
}

/**
 * When an entry is checked: `today` (the workspace's day: a period must not end after it, as
 * results are given for days that are over) and, for a piece, the day it was published (a period
 * must not end before it, see endsBeforePublication).
 */
export type EntryContext = { today?: string; publishedOn?: string | null };

/** Checks an entry; the errors name the field (and a message key under results.problems). */
export function checkObservation(
  input: ObservationInput,
  context: EntryContext = {},
): { ok: true; observation: CheckedObservation } | { ok: false; errors: ObservationError[] } {
  const errors: ObservationError[] = [];
  const subject = (OBSERVATION_SUBJECTS as readonly string[]).includes(input.subject)
    ? (input.subject as ObservationSubject)
    : null;
  if (!subject) errors.push({ field: 'subject', code: 'subject' });
  const pieceId = subject === 'piece' ? (input.pieceId?.trim() ?? '') : '';
  const channel = subject === 'channel' ? (input.channel?.trim() ?? '') : '';
  const audienceId = subject === 'audience' ? (input.audienceId?.trim() ?? '') : '';
  if (subject === 'piece' && !pieceId) errors.push({ field: 'pieceId', code: 'required' });
  if (subject === 'channel' && !(CHANNELS as readonly string[]).includes(channel))
    errors.push({ field: 'channel', code: 'channel' });
  if (subject === 'audience' && !audienceId) errors.push({ field: 'audienceId', code: 'required' });
  if (!isObservationMetric(input.metric)) errors.push({ field: 'metric', code: 'unknownMetric' });
  const wrongValue = valueProblem(input.metric, input.value);
  if (wrongValue) errors.push({ field: 'value', ...wrongValue });
  const start = isoDay(input.periodStart);
  const end = isoDay(input.periodEnd);
  if (!start) errors.push({ field: 'periodStart', code: 'notADate' });
  if (!end) errors.push({ field: 'periodEnd', code: 'notADate' });
  if (start && end && start > end) errors.push({ field: 'periodEnd', code: 'badPeriod' });
  else if (end && context.today && end > context.today)
    errors.push({ field: 'periodEnd', code: 'enteredInFuture', values: { day: context.today } });
  if (end && context.publishedOn && endsBeforePublication(input.metric, end, context.publishedOn))
    errors.push({
      field: 'periodEnd',
      code: 'enteredBeforePublication',
      values: { day: context.publishedOn },
    });
  const note = (input.note ?? '').trim();
  if (note.length > MAX_OBSERVATION_NOTE) errors.push({ field: 'note', code: 'tooLong' });
  if (errors.length || !subject || !start || !end) return { ok: false, errors };
  return {
    ok: true,
    observation: {
      subject,
      pieceId: pieceId || null,
      channel: channel || null,
      audienceId: audienceId || null,
      metric: input.metric,
      value: input.value,
      periodStart: start,
      periodEnd: end,
      note,
    },
  };
}
