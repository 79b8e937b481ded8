import { useRouteLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { isLocale, type Locale } from '~/i18n';
import type { RootLoader } from '~/root';
import {
  DEFAULT_TIME_ZONE,
  formatDateTime,
  formatLongDate,
  formatMonthYear,
  formatNumber,
  formatShortDate,
  formatTime,
} from './format';

/** Formatters bound to the reader's language and the workspace's time zone. */
export function useFormat() {
  const { i18n } = useTranslation();
  const root = useRouteLoaderData<RootLoader>('root');
  const locale: Locale = isLocale(i18n.language) ? i18n.language : 'en';
  const tz = root?.timeZone ?? DEFAULT_TIME_ZONE;
  return {
    locale,
    timeZone: tz,
    longDate: (d: Date | string) => formatLongDate(d, locale, tz),
    dateTime: (d: Date | string) => formatDateTime(d, locale, tz),
    shortDate: (d: Date | string) => formatShortDate(d, locale, tz),
    number: (n: number) => formatNumber(n, locale),
    time: (d: Date | string) => formatTime(d, locale, tz),
    monthYear: (d: Date | string) => formatMonthYear(d, locale, tz),
  };
}
