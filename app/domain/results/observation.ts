import { CHANNELS } from '../calendar/vocabulary';
import { isoDay } from './dates';
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

export type ObservationError = { field: string; code: string };

/** Checks an entry; the errors name the field (and a message key under results.entry). */
export function checkObservation(
  input: ObservationInput,
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
  if (!Number.isFinite(input.value) || Math.abs(input.value) > MAX_OBSERVATION_VALUE)
    errors.push({ field: 'value', code: 'notANumber' });
  else if (input.value < 0 && input.metric !== 'nps')
    errors.push({ field: 'value', code: 'negative' });
  const start = isoDay(input.periodStart);
  const end = isoDay(input.periodEnd);
  if (!start) errors.push({ field: 'periodStart', code: 'notADate' });
  if (!end) errors.push({ field: 'periodEnd', code: 'notADate' });
  if (start && end && start > end) errors.push({ field: 'periodEnd', code: 'badPeriod' });
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
