import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { de, enGB } from 'date-fns/locale';
import { memoized } from '~/domain/memo';
import type { Locale as AppLocale } from '~/i18n';

/** Dates are stored in UTC and shown in the workspace's time zone, in the reader's language. */
export const DEFAULT_TIME_ZONE = 'Europe/Berlin';

const dateLocales = { de, en: enGB } as const;

/**
 * Formats an instant with a date-fns pattern in a zone and language. Results are remembered: a
 * calendar page formats the same days and times for every reader, and each fresh time-zone
 * conversion costs several Intl calls.
 */
const zonedFormat = memoized(20_000, (key) => {
  const [pattern, locale, timeZone, ms] = key.split('\u0000') as [
    string,
    AppLocale,
    string,
    string,
  ];
  return format(new TZDate(Number(ms), timeZone), pattern, { locale: dateLocales[locale] });
});

function formatIn(
  date: Date | string | number,
  pattern: string,
  locale: AppLocale,
  timeZone: string,
): string {
  const ms = new Date(date).getTime();
  // an invalid date is not remembered: date-fns throws its RangeError as before
  if (Number.isNaN(ms)) return format(new Date(NaN), pattern);
  return zonedFormat(`${pattern}\u0000${locale}\u0000${timeZone}\u0000${ms}`);
}

/** "Montag, 30. November 2026" / "Monday, 30 November 2026" */
export function formatLongDate(
  date: Date | string | number,
  locale: AppLocale,
  timeZone = DEFAULT_TIME_ZONE,
) {
  return formatIn(date, 'PPPP', locale, timeZone);
}

/** "30.11.2026, 14:00" / "30 Nov 2026, 14:00" */
export function formatDateTime(
  date: Date | string | number,
  locale: AppLocale,
  timeZone = DEFAULT_TIME_ZONE,
) {
  return formatIn(
    date,
    locale === 'de' ? 'dd.MM.yyyy, HH:mm' : 'd MMM yyyy, HH:mm',
    locale,
    timeZone,
  );
}

/**
 * A calendar day (an ISO day, `2026-10-01`) as the reader writes it, "01.10.2026" / "1 Oct 2026"
 * (like formatDateTime), never shifted by a time zone.
 */
export function formatDay(day: string, locale: AppLocale) {
  if (Number.isNaN(Date.parse(`${day}T12:00:00Z`))) return day;
  return formatIn(`${day}T12:00:00Z`, locale === 'de' ? 'dd.MM.yyyy' : 'd MMM yyyy', locale, 'UTC');
}

/** "Mo., 30.11." / "Mon 30 Nov" */
export function formatShortDate(
  date: Date | string | number,
  locale: AppLocale,
  timeZone = DEFAULT_TIME_ZONE,
) {
  return formatIn(date, locale === 'de' ? 'EEEEEE, dd.MM.' : 'EEE d MMM', locale, timeZone);
}

const plainNumberFormats = {
  de: new Intl.NumberFormat('de-DE'),
  en: new Intl.NumberFormat('en-GB'),
} as const;

export function formatNumber(value: number, locale: AppLocale, options?: Intl.NumberFormatOptions) {
  if (!options) return plainNumberFormats[locale].format(value);
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
  return formatIn(date, 'HH:mm', locale, timeZone);
}

/** "November 2026" */
export function formatMonthYear(
  date: Date | string | number,
  locale: AppLocale,
  timeZone = DEFAULT_TIME_ZONE,
) {
  return formatIn(date, 'LLLL yyyy', locale, timeZone);
}
