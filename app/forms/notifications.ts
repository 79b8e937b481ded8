import { z } from 'zod';
import {
  NOTIFICATION_EVENTS,
  NOTIFICATION_MODES,
  type NotificationEvent,
} from '~/domain/notifications/events';
import { DIGEST_FREQUENCIES } from '~/domain/notifications/schedule';

// The notification forms: a person's preferences, marking notifications read, the admin's retry.
// Messages are i18n keys; the forms show them next to their inputs.

export { DIGEST_FREQUENCIES };

/**
 * The form field of an event's mode. Event keys hold dots, which form libraries read as nested
 * paths, so the field name spells them with hyphens (event keys hold no hyphens).
 */
export function modeField(event: NotificationEvent): string {
  return `mode-${event.replace(/\./g, '-')}`;
}

const mode = z.enum(NOTIFICATION_MODES, 'validation.choose');

export const PreferencesFormSchema = z
  .object({
    ...Object.fromEntries(NOTIFICATION_EVENTS.map((event) => [modeField(event), mode])),
    digestFrequency: z.enum(DIGEST_FREQUENCIES, 'validation.choose'),
    digestHour: z.coerce
      .number('validation.choose')
      .int('validation.choose')
      .min(0, 'validation.choose')
      .max(23, 'validation.choose'),
    digestWeekday: z.coerce
      .number('validation.choose')
      .int('validation.choose')
      .min(1, 'validation.choose')
      .max(7, 'validation.choose'),
  })
  .transform((v) => {
    const fields = v as Record<string, unknown>;
    return {
      modes: Object.fromEntries(
        NOTIFICATION_EVENTS.map((event) => [event, fields[modeField(event)]]),
      ) as Record<NotificationEvent, (typeof NOTIFICATION_MODES)[number]>,
      digestFrequency: v.digestFrequency,
      digestHour: v.digestHour,
      digestWeekday: v.digestWeekday,
    };
  });
export type PreferencesInput = z.output<typeof PreferencesFormSchema>;

const id = z.string().trim().min(1, 'validation.required').max(40, 'validation.invalid');

/** One notification, by id (marking read, sending again). */
export const NotificationIdSchema = z.object({ id });

/** Forms that carry nothing but their intent (mark all read, send all failed again). */
export const EmptyFormSchema = z.object({});
