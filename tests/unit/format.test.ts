import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { i18nConfig } from '~/i18n';
import de from '~/locales/de.json';
import en from '~/locales/en.json';
import { formatCurrency, formatDateTime, formatLongDate } from '~/utils/format';
import { rememberedText } from '~/utils/use-label';

describe('formatting per language and workspace time zone', () => {
  const date = new Date('2026-11-30T13:00:00Z');
  it('writes long dates in German and English', () => {
    expect(formatLongDate(date, 'de')).toBe('Montag, 30. November 2026');
    expect(formatLongDate(date, 'en')).toBe('Monday, 30 November 2026');
  });
  it('shows times in the workspace time zone', () => {
    expect(formatDateTime(date, 'de')).toBe('30.11.2026, 14:00');
    expect(formatDateTime(date, 'en', 'Europe/London')).toBe('30 Nov 2026, 13:00');
  });
  it('writes currencies the way each language does', () => {
    expect(formatCurrency(12300.5, 'de').replace(/\u00a0/g, ' ')).toBe('12.300,50 €');
    expect(formatCurrency(12300.5, 'en')).toBe('€12,300.50');
  });
});

describe('remembered texts and formats', () => {
  it('give the same results as formatting afresh, in every zone and language', () => {
    const instants = [0, 1_000, 86_399_999, Date.UTC(2026, 2, 29, 0, 59), Date.UTC(2026, 2, 29, 1)];
    for (const ms of instants) {
      for (const zone of ['Europe/Berlin', 'America/New_York', 'Asia/Kathmandu']) {
        const fresh = format(new TZDate(ms, zone), 'dd.MM.yyyy, HH:mm');
        for (let round = 0; round < 2; round++) {
          expect(formatDateTime(ms, 'de', zone)).toBe(fresh);
        }
      }
    }
    expect(() => formatLongDate('not a date', 'en')).toThrow(RangeError);
  });
  it('follow the language of the i18next instance', async () => {
    const i18n = createInstance();
    await i18n.init({ ...i18nConfig, lng: 'en' });
    expect(rememberedText(i18n, 'status.piece.scheduled')).toBe(en.status.piece.scheduled);
    await i18n.changeLanguage('de');
    expect(rememberedText(i18n, 'status.piece.scheduled')).toBe(de.status.piece.scheduled);
    await i18n.changeLanguage('en');
    expect(rememberedText(i18n, 'status.piece.scheduled')).toBe(en.status.piece.scheduled);
    expect(en.status.piece.scheduled).not.toBe(de.status.piece.scheduled);
  });
});
