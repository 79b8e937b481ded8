import { describe, expect, it } from 'vitest';
import { goalCoverage } from '~/domain/strategy/coverage';
import { addMonthsToDay, isIsoDay, isReviewOverdue, nextReviewDay } from '~/domain/strategy/review';
import {
  GOAL_CATEGORIES,
  isMetricKey,
  kpiSubjectKey,
  METRIC_KEYS,
  METRICS,
} from '~/domain/strategy/vocabulary';
import {
  countsInPlan,
  goalActions,
  mayDo,
  mayPropose,
  sendBackComment,
  statusAfter,
} from '~/domain/strategy/workflow';

const editor = { id: 'e', roles: ['editor'] };
const expert = { id: 'x', roles: ['expert'] };
const management = { id: 'm', roles: ['management'] };
const admin = { id: 'a', roles: ['admin'] };

describe('strategy vocabulary', () => {
  it('has the method’s seven goal categories', () => {
    expect(GOAL_CATEGORIES).toHaveLength(7);
    expect(GOAL_CATEGORIES).toContain('other');
  });

  it('gives every metric a default unit and direction; support tickets are better fewer', () => {
    for (const key of METRIC_KEYS) {
      expect(['count', 'percent', 'score', 'rating']).toContain(METRICS[key].unit);
      expect(['more', 'less']).toContain(METRICS[key].direction);
    }
    expect(METRICS.support_tickets.direction).toBe('less');
    expect(METRICS.podcast_downloads_7d.channels).toEqual(['podcast']);
    expect(isMetricKey('nps')).toBe(true);
    expect(isMetricKey('toString')).toBe(false);
  });

  it('names what a KPI measures by metric and scope', () => {
    const base = { metric: 'leads', channel: null, audienceId: null };
    expect(kpiSubjectKey({ ...base, scope: 'workspace' })).toBe('leads|workspace|');
    expect(kpiSubjectKey({ ...base, scope: 'channel', channel: 'blog' })).toBe(
      'leads|channel|blog',
    );
    expect(kpiSubjectKey({ ...base, scope: 'audience', audienceId: 'a1', channel: 'blog' })).toBe(
      'leads|audience|a1',
    );
  });
});

describe('the goal workflow', () => {
  it('lets editors propose, nobody else', () => {
    expect(mayPropose(editor)).toBe(true);
    for (const who of [expert, management, admin]) expect(mayPropose(who)).toBe(false);
  });

  it('lets management agree to proposals, send them back and retire goals', () => {
    expect(goalActions(management, 'proposed')).toEqual(['agree', 'send_back', 'retire']);
    expect(goalActions(management, 'agreed')).toEqual(['retire']);
    expect(goalActions(management, 'sent_back')).toEqual(['retire']);
    expect(goalActions(management, 'retired')).toEqual([]);
    for (const who of [editor, expert, admin])
      for (const action of ['agree', 'send_back', 'retire'] as const)
        expect(mayDo(action, who, 'proposed')).toBe(false);
  });

  it('lets proposers edit proposals and goals sent back, never agreed ones', () => {
    expect(goalActions(editor, 'proposed')).toEqual(['edit']);
    expect(goalActions(editor, 'sent_back')).toEqual(['edit']);
    expect(goalActions(editor, 'agreed')).toEqual([]);
    expect(goalActions(expert, 'proposed')).toEqual([]);
    expect(statusAfter('edit')).toBe('proposed');
    expect(statusAfter('send_back')).toBe('sent_back');
    expect(statusAfter('agree')).toBe('agreed');
  });

  it('counts only agreed goals in the plan', () => {
    expect(
      ['proposed', 'agreed', 'sent_back', 'retired'].filter((s) => countsInPlan({ status: s })),
    ).toEqual(['agreed']);
  });

  it('requires a comment to send a goal back', () => {
    expect(sendBackComment('   ')).toBeNull();
    expect(sendBackComment(undefined)).toBeNull();
    expect(sendBackComment('  Too vague  ')).toBe('Too vague');
  });
});

describe('the review cadence', () => {
  it('reads calendar days only', () => {
    expect(isIsoDay('2026-02-28')).toBe(true);
    expect(isIsoDay('2026-02-29')).toBe(false);
    expect(isIsoDay('2026-2-1')).toBe(false);
    expect(isIsoDay(null)).toBe(false);
  });

  it('adds months and keeps the end of shorter months', () => {
    expect(addMonthsToDay('2026-06-15', 6)).toBe('2026-12-15');
    expect(addMonthsToDay('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonthsToDay('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonthsToDay('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonthsToDay('2026-01-10', 12)).toBe('2027-01-10');
  });

  it('computes the next review from the last one, half-yearly by default', () => {
    expect(nextReviewDay({ lastReviewOn: '2026-06-01', cadenceMonths: 6 })).toBe('2026-12-01');
    expect(nextReviewDay({ lastReviewOn: null, cadenceMonths: 6 })).toBeNull();
    expect(nextReviewDay({ lastReviewOn: null, cadenceMonths: 3, since: '2026-01-15' })).toBe(
      '2026-04-15',
    );
    expect(isReviewOverdue('2026-12-01', '2026-12-02')).toBe(true);
    expect(isReviewOverdue('2026-12-01', '2026-12-01')).toBe(false);
  });
});

describe('goal coverage', () => {
  const now = new Date('2026-12-01T09:00:00Z');
  const goals = [
    { id: 'a', title: 'Awareness', status: 'agreed', weight: 30 },
    { id: 'b', title: 'Retention', status: 'agreed', weight: 20 },
    { id: 'c', title: 'Proposal', status: 'proposed', weight: 50 },
    { id: 'd', title: 'Old', status: 'retired', weight: 50 },
  ];
  const piece = (publishAt: string | null, goalIds: string[], status = 'planned') => ({
    publishAt,
    goalIds,
    status,
  });

  it('flags agreed goals without a planned piece in the next weeks, uncovered first', () => {
    const coverage = goalCoverage({
      goals,
      pieces: [
        piece('2026-12-10T09:00:00Z', ['a', 'c']),
        piece('2026-12-11T09:00:00Z', ['a', 'a']),
      ],
      now,
    });
    expect(coverage.map((c) => [c.goal.id, c.planned, c.covered])).toEqual([
      ['b', 0, false],
      ['a', 2, true],
    ]);
  });

  it('counts neither ideas, cancelled pieces, undated ones nor pieces outside the window', () => {
    const coverage = goalCoverage({
      goals,
      pieces: [
        piece('2026-12-10T09:00:00Z', ['b'], 'idea'),
        piece('2026-12-10T09:00:00Z', ['b'], 'cancelled'),
        piece(null, ['b']),
        piece('2026-11-30T09:00:00Z', ['b']),
        piece('2027-01-13T09:00:00Z', ['b']),
      ],
      now,
    });
    expect(coverage.find((c) => c.goal.id === 'b')?.covered).toBe(false);
    expect(
      goalCoverage({ goals, pieces: [piece('2027-01-11T09:00:00Z', ['b'])], now })[1]?.goal.id,
    ).toBe('b');
    expect(
      goalCoverage({ goals, pieces: [piece('2027-01-11T09:00:00Z', ['b'])], now, weeks: 4 })[0]
        ?.covered,
    ).toBe(false);
  });
});
