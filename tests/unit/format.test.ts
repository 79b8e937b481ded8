import { describe, expect, it } from 'vitest';
import { formatCurrency, formatDateTime, formatLongDate } from '~/utils/format';

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
