import { describe, expect, it } from 'vitest';
import { isStrong, MIN_FIT, splitByFit } from '~/domain/matching/fit';
import { measureFit, shownSuggestions } from './calibration';
import { loadSets } from './evaluate';

const reason = { type: 'word', need: 'linsen', item: 'linsen' };

describe('the minimum fit', () => {
  it('puts suggestions at or above it with a reason first, the others behind, in order', () => {
    const list = [
      { id: 'a', score: 0.8, reasons: [reason] },
      { id: 'b', score: 0.2, reasons: [reason] },
      { id: 'c', score: MIN_FIT, reasons: [reason] },
      { id: 'd', score: 0.9, reasons: [] },
      { id: 'e', score: MIN_FIT - 0.001, reasons: [reason] },
    ];
    const { strong, weak } = splitByFit(list);
    expect(strong.map((s) => s.id)).toEqual(['a', 'c']);
    expect(weak.map((s) => s.id)).toEqual(['b', 'd', 'e']);
  });

  it('keeps an accepted suggestion among the strong ones whatever its fit', () => {
    expect(isStrong({ score: 0.1, reasons: [], decision: 'accepted' })).toBe(true);
    expect(isStrong({ score: 0.1, reasons: [reason], decision: 'suggested' })).toBe(false);
  });

  it('is a threshold that separates good from weak suggestions on both labelled sets', () => {
    const all = loadSets().flatMap(shownSuggestions);
    const everything = measureFit(all, 0);
    const calibrated = measureFit(all, MIN_FIT);
    // the strong suggestions are far more often good ones, and most good ones stay strong
    expect(calibrated.precision).toBeGreaterThan(2 * everything.precision);
    expect(calibrated.recall).toBeGreaterThanOrEqual(0.6);
    expect(calibrated.f1).toBeGreaterThan(everything.f1 + 0.2);
  });
});
