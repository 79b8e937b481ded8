import { describe, expect, it } from 'vitest';
import { checkObservation, valueProblem, valueRange } from '~/domain/results/observation';

// A result entered by hand: the value within what its metric can take, the period over by today
// and, for a piece, not before it was published.
const entry = {
  subject: 'piece',
  pieceId: 'p1',
  metric: 'page_views',
  value: 1200,
  periodStart: '2026-10-01',
  periodEnd: '2026-10-31',
};
const codes = (result: ReturnType<typeof checkObservation>) =>
  result.ok ? [] : result.errors.map((e) => `${e.field}:${e.code}`);

describe('the value a metric can take', () => {
  it('goes by the unit: shares 0–100, the NPS −100 to 100, counts from 0', () => {
    expect(valueRange('repurchase_rate')).toEqual({ min: 0, max: 100 });
    expect(valueRange('nps')).toEqual({ min: -100, max: 100 });
    expect(valueRange('page_views').min).toBe(0);
    expect(valueProblem('nps', -12.5)).toBeNull();
    expect(valueProblem('nps', 500)).toEqual({
      code: 'outOfRange',
      values: { min: '-100', max: '100' },
    });
    expect(valueProblem('tonality', 150)?.code).toBe('outOfRange');
    expect(valueProblem('repurchase_rate', 66)).toBeNull();
    expect(valueProblem('page_views', -1)?.code).toBe('negative');
    expect(valueProblem('page_views', 1e20)?.code).toBe('notANumber');
    expect(valueProblem('page_views', Number.NaN)?.code).toBe('notANumber');
    expect(valueProblem('custom:newsletter-signups', 40)).toBeNull();
  });
});

describe('an entry by hand', () => {
  it('takes a period that is over, after the publication', () => {
    expect(checkObservation(entry, { today: '2026-12-03', publishedOn: '2026-09-15' }).ok).toBe(
      true,
    );
    // the last day may be today
    expect(
      checkObservation({ ...entry, periodEnd: '2026-12-03' }, { today: '2026-12-03' }).ok,
    ).toBe(true);
  });

  it('refuses a period that ends after today', () => {
    const result = checkObservation(
      { ...entry, periodStart: '2027-10-01', periodEnd: '2027-10-31' },
      { today: '2026-12-03' },
    );
    expect(codes(result)).toEqual(['periodEnd:enteredInFuture']);
    expect(!result.ok && result.errors[0]?.values).toEqual({ day: '2026-12-03' });
  });

  it("refuses a period that is over before the piece's publication", () => {
    const context = { today: '2026-12-03', publishedOn: '2026-10-15' };
    const result = checkObservation(
      { ...entry, periodStart: '2025-01-01', periodEnd: '2025-01-31' },
      context,
    );
    expect(codes(result)).toEqual(['periodEnd:enteredBeforePublication']);
    expect(!result.ok && result.errors[0]?.values).toEqual({ day: '2026-10-15' });
    // a month the piece was published in the middle of is fine
    expect(checkObservation(entry, context).ok).toBe(true);
    // registrations come in before a webinar takes place
    expect(
      checkObservation(
        {
          ...entry,
          metric: 'webinar_registrations',
          periodStart: '2026-09-01',
          periodEnd: '2026-09-30',
        },
        context,
      ).ok,
    ).toBe(true);
  });

  it('refuses a share above 100 % and an NPS beyond ±100', () => {
    const ws = { ...entry, subject: 'workspace', pieceId: null };
    expect(codes(checkObservation({ ...ws, metric: 'repurchase_rate', value: 250 }))).toEqual([
      'value:outOfRange',
    ]);
    expect(codes(checkObservation({ ...ws, metric: 'nps', value: -101 }))).toEqual([
      'value:outOfRange',
    ]);
    expect(checkObservation({ ...ws, metric: 'nps', value: -100 }).ok).toBe(true);
  });
});
