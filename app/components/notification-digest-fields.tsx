import { useTranslation } from 'react-i18next';
import { DIGEST_FREQUENCIES } from '~/forms/notifications';
import type { FieldErrors } from '~/utils/forms';
import { FieldError } from './field';

const HOURS = Array.from({ length: 24 }, (_, h) => h);
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** When the digest mail comes: daily or weekly, at a local hour, on a weekday (weekly). */
export function NotificationDigestFields({
  digest,
  values,
  errors,
  timeZone,
}: {
  digest: { frequency: string; hour: number; weekday: number };
  /** the form as sent, after a failed save */
  values: Record<string, unknown>;
  errors?: FieldErrors;
  timeZone: string;
}) {
  const { t } = useTranslation();
  const sent = (name: string, fallback: string | number) => {
    const v = values[name];
    return typeof v === 'string' ? v : String(fallback);
  };
  const frequency = sent('digestFrequency', digest.frequency);
  const describedBy = (name: string) => (errors?.[name] ? `digest-${name}-error` : undefined);
  return (
    <fieldset className="stack">
      <legend>{t('notifications.preferences.digest.title')}</legend>
      <p className="field-hint">{t('notifications.preferences.digest.hint', { timeZone })}</p>
      <fieldset aria-describedby={describedBy('digestFrequency')}>
        <legend>{t('notifications.preferences.digest.frequency')}</legend>
        {DIGEST_FREQUENCIES.map((f) => (
          <label key={f} className="inline">
            <input type="radio" name="digestFrequency" value={f} defaultChecked={frequency === f} />{' '}
            {t(`notifications.preferences.digest.frequencies.${f}`)}
          </label>
        ))}
        <FieldError errors={errors} name="digestFrequency" id="digest-digestFrequency-error" />
      </fieldset>
      <div className="field">
        <label htmlFor="digest-hour">{t('notifications.preferences.digest.hour')}</label>
        <select
          id="digest-hour"
          name="digestHour"
          defaultValue={sent('digestHour', digest.hour)}
          aria-invalid={errors?.digestHour ? true : undefined}
          aria-describedby={describedBy('digestHour')}
        >
          {HOURS.map((h) => (
            <option key={h} value={h}>
              {`${String(h).padStart(2, '0')}:00`}
            </option>
          ))}
        </select>
        <FieldError errors={errors} name="digestHour" id="digest-digestHour-error" />
      </div>
      <div className="field">
        <label htmlFor="digest-weekday">{t('notifications.preferences.digest.weekday')}</label>
        <select
          id="digest-weekday"
          name="digestWeekday"
          defaultValue={sent('digestWeekday', digest.weekday)}
          aria-invalid={errors?.digestWeekday ? true : undefined}
          aria-describedby={describedBy('digestWeekday')}
        >
          {WEEKDAYS.map((d) => (
            <option key={d} value={d}>
              {t(`notifications.preferences.digest.weekdays.${d}`)}
            </option>
          ))}
        </select>
        <FieldError errors={errors} name="digestWeekday" id="digest-digestWeekday-error" />
      </div>
    </fieldset>
  );
}
