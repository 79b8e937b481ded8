import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { de, enGB } from 'date-fns/locale';
import type { Locale as AppLocale } from '~/i18n';

/** Dates are stored in UTC and shown in the workspace's time zone, in the reader's language. */
export const DEFAULT_TIME_ZONE = 'Europe/Berlin';

const dateLocales = { de, en: enGB } as const;

function inZone(date: Date | string | number, timeZone: string) {
  return new TZDate(new Date(date).getTime(), timeZone);
}

/** "Montag, 30. November 2026" / "Monday, 30 November 2026" */
export function formatLongDate(
  date: Date | string | number,
  locale: AppLocale,
  timeZone = DEFAULT_TIME_ZONE,
) {
  return format(inZone(date, timeZone), 'PPPP', { locale: dateLocales[locale] });
}

/** "30.11.2026, 14:00" / "30 Nov 2026, 14:00" */
export function formatDateTime(
  date: Date | string | number,
  locale: AppLocale,
  timeZone = DEFAULT_TIME_ZONE,
) {
  return format(
    inZone(date, timeZone),
    locale === 'de' ? 'dd.MM.yyyy, HH:mm' : 'd MMM yyyy, HH:mm',
    {
      locale: dateLocales[locale],
    },
  );
}

/** "Mo., 30.11." / "Mon 30 Nov" */
export function formatShortDate(
  date: Date | string | number,
  locale: AppLocale,
  timeZone = DEFAULT_TIME_ZONE,
) {
  return format(inZone(date, timeZone), locale === 'de' ? 'EEEEEE, dd.MM.' : 'EEE d MMM', {
    locale: dateLocales[locale],
  });
}

export function formatNumber(value: number, locale: AppLocale, options?: Intl.NumberFormatOptions) {
  return new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-GB', options).format(value);
}

/** "12.300,50 €" / "€12,300.50" */
export function formatCurrency(value: number, locale: AppLocale, currency = 'EUR') {
  return formatNumber(value, locale, { style: 'currency', currency });
}

/** "14:00" */
export function formatTime(
  date: Date | string | number,
  locale: AppLocale,
  timeZone = DEFAULT_TIME_ZONE,
) {
  return format(inZone(date, timeZone), 'HH:mm', { locale: dateLocales[locale] });
}

/** "November 2026" */
export function formatMonthYear(
  date: Date | string | number,
  locale: AppLocale,
  timeZone = DEFAULT_TIME_ZONE,
) {
  return format(inZone(date, timeZone), 'LLLL yyyy', { locale: dateLocales[locale] });
}
