import { describe, expect, it } from 'vitest';
import type { Observation } from '~/domain/results/aggregate';
import {
  buildReviewSnapshot,
  dueReview,
  overlapsSignedOff,
  parseSnapshot,
  reviewWriteProblem,
  type SnapshotInput,
} from '~/domain/strategy/review-snapshot';
import { DecisionSchema, kpiVersionsField } from '~/forms/review';

const obs = (o: Partial<Observation> & Pick<Observation, 'metric' | 'value'>): Observation => ({
  id: Math.random().toString(36),
  periodStart: '2026-07-01',
  periodEnd: '2026-07-31',
  subject: 'piece',
  pieceId: null,
  channel: null,
  audienceId: null,
  createdAt: '2026-08-01T00:00:00.000Z',
  piece: null,
  ...o,
});

const kpi = (over: Partial<SnapshotInput['goals'][number]['kpis'][number]> = {}) => ({
  id: 'kpi-views',
  goalId: 'g1',
  metric: 'page_views',
  customLabel: null,
  unit: 'count',
  scope: 'channel' as const,
  channel: 'blog',
  audienceId: null,
  direction: 'more' as const,
  baseline: 1000,
  target: 5000,
  targetDate: '2026-12-31',
  ...over,
});

const blog = { channel: 'blog', audienceIds: [] };

function input(): SnapshotInput {
  return {
    period: { from: '2026-06-01', to: '2026-11-30' },
    goals: [
      { id: 'g1', title: 'Awareness', periodStart: '2026-06-01', kpis: [kpi()] },
      {
        id: 'g2',
        title: 'Retention',
        periodStart: '2026-06-01',
        kpis: [
          kpi({
            id: 'kpi-nps',
            goalId: 'g2',
            metric: 'nps',
            scope: 'workspace',
            channel: null,
            baseline: 38,
            target: 45,
          }),
        ],
      },
    ],
    pieces: [
      { id: 'p1', title: 'Strong post', channel: 'blog', goalIds: ['g1'], needIds: ['n1'] },
      { id: 'p2', title: 'Middle post', channel: 'blog', goalIds: ['g1'], needIds: [] },
      { id: 'p3', title: 'Weak post', channel: 'blog', goalIds: ['g1'], needIds: [] },
    ],
    needs: [
      { id: 'n1', text: 'Care tips', audience: 'Customers' },
      { id: 'n2', text: 'Sports', audience: 'Customers' },
    ],
    observations: [
      obs({ metric: 'page_views', value: 3000, pieceId: 'p1', piece: blog }),
      obs({ metric: 'page_views', value: 1000, pieceId: 'p2', piece: blog }),
      obs({ metric: 'page_views', value: 400, pieceId: 'p3', piece: blog }),
      // outside the period: not counted
      obs({
        metric: 'page_views',
        value: 9999,
        pieceId: 'p3',
        piece: blog,
        periodStart: '2026-12-01',
        periodEnd: '2026-12-31',
      }),
      obs({ metric: 'nps', value: 41, subject: 'workspace', periodEnd: '2026-09-30' }),
      obs({
        metric: 'nps',
        value: 46,
        subject: 'workspace',
        periodStart: '2026-10-01',
        periodEnd: '2026-10-31',
      }),
    ],
  };
}

describe('review snapshot', () => {
  it('holds every KPI with its actual over the period, target and progress', () => {
    const snapshot = buildReviewSnapshot(input());
    const [awareness, retention] = snapshot.goals;
    expect(awareness?.kpis[0]).toMatchObject({
      kpiId: 'kpi-views',
      actual: 4400,
      target: 5000,
      reached: false,
      share: 0.85,
    });
    expect(retention?.kpis[0]).toMatchObject({ actual: 46, reached: true, status: 'reached' });
  });

  it('names the best and the weakest pieces per goal against their channel median', () => {
    const [awareness, retention] = buildReviewSnapshot(input()).goals;
    expect(awareness?.best.map((p) => p.title)).toEqual([
      'Strong post',
      'Middle post',
      'Weak post',
    ]);
    expect(awareness?.best[2]).toMatchObject({ title: 'Weak post', value: 400, relative: 0.4 });
    expect(awareness?.best[0]?.relative).toBe(3);
    // three pieces are all among the best: none is named among the weakest as well
    expect(awareness?.weakest).toEqual([]);
    expect(retention?.best).toEqual([]);
  });

  it('names as the weakest only pieces that are not among the best, weakest first', () => {
    const more = input();
    more.pieces.push(
      { id: 'p4', title: 'Poor post', channel: 'blog', goalIds: ['g1'], needIds: [] },
      { id: 'p5', title: 'Poorest post', channel: 'blog', goalIds: ['g1'], needIds: [] },
    );
    more.observations = [
      ...more.observations,
      obs({ metric: 'page_views', value: 300, pieceId: 'p4', piece: blog }),
      obs({ metric: 'page_views', value: 100, pieceId: 'p5', piece: blog }),
    ];
    const [awareness] = buildReviewSnapshot(more).goals;
    expect(awareness?.best.map((p) => p.title)).toEqual([
      'Strong post',
      'Middle post',
      'Weak post',
    ]);
    expect(awareness?.weakest.map((p) => p.title)).toEqual(['Poorest post', 'Poor post']);
  });

  it('names the coverage gaps and the needs left unserved', () => {
    const snapshot = buildReviewSnapshot(input());
    expect(snapshot.gaps.goals).toEqual([{ goalId: 'g2', title: 'Retention' }]);
    expect(snapshot.gaps.channels).toEqual(['podcast', 'whitepaper', 'webinar']);
    expect(snapshot.unservedNeeds.map((n) => n.needId)).toEqual(['n2']);
    expect(snapshot.published).toBe(3);
  });

  it('names no weakest piece when fewer than two had results', () => {
    const one = input();
    one.pieces = one.pieces.slice(0, 1);
    expect(buildReviewSnapshot(one).goals[0]?.weakest).toEqual([]);
  });

  it('reads back what it stored, and refuses what is not a snapshot', () => {
    const snapshot = buildReviewSnapshot(input());
    expect(parseSnapshot(JSON.stringify(snapshot))).toEqual(snapshot);
    expect(parseSnapshot('not json')).toBeNull();
    expect(parseSnapshot('{"goals":1}')).toBeNull();
  });
});

describe('when a review is due', () => {
  const base = { cadenceMonths: 6, since: null, existingDueDays: [] as string[] };

  it('is due from the cadence after the last review on, covering the time since', () => {
    expect(dueReview({ ...base, lastReviewOn: '2026-05-15', today: '2026-11-14' })).toBeNull();
    expect(dueReview({ ...base, lastReviewOn: '2026-05-15', today: '2026-11-20' })).toEqual({
      dueOn: '2026-11-15',
      periodStart: '2026-05-15',
      periodEnd: '2026-11-20',
    });
  });

  it('counts the first review from the earliest agreed goal, and none without one', () => {
    expect(
      dueReview({ ...base, lastReviewOn: null, since: '2026-03-01', today: '2026-09-02' })?.dueOn,
    ).toBe('2026-09-01');
    expect(dueReview({ ...base, lastReviewOn: null, today: '2027-01-01' })).toBeNull();
  });

  it('is not due again once the review of that day exists', () => {
    expect(
      dueReview({
        ...base,
        lastReviewOn: '2026-05-15',
        today: '2026-11-20',
        existingDueDays: ['2026-11-15'],
      }),
    ).toBeNull();
  });
});

describe('overlapping reviews', () => {
  it('lets a period begin on the day the signed off one ended, not before', () => {
    expect(overlapsSignedOff('2026-12-03', '2026-12-03')).toBe(false);
    expect(overlapsSignedOff('2026-12-04', '2026-12-03')).toBe(false);
    expect(overlapsSignedOff('2026-04-01', '2026-12-03')).toBe(true);
    expect(overlapsSignedOff('2026-04-01', null)).toBe(false);
  });
});

describe('freezing', () => {
  it('lets open reviews be written and refuses signed off ones', () => {
    expect(reviewWriteProblem({ status: 'open' })).toBeNull();
    expect(reviewWriteProblem({ status: 'signed_off' })).toBe('signedOff');
  });
});

describe('the decision form', () => {
  it('asks for what the decision changes', () => {
    const result = DecisionSchema.safeParse({ kind: 'kpi_target', text: 'Raise it', kpiId: '' });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['kpiId', 'target']));
    expect(
      DecisionSchema.safeParse({ kind: 'kpi_target', text: 'x', kpiId: 'k', target: '-3' }).success,
    ).toBe(false);
    expect(
      DecisionSchema.parse({
        kind: 'kpi_target',
        text: 'x',
        kpiId: 'k',
        target: '1.500,5'.replace('.', ''),
      }),
    ).toMatchObject({ target: 1500.5 });
    expect(
      DecisionSchema.safeParse({ kind: 'channel_plan', text: 'x', channel: 'radio' }).success,
    ).toBe(false);
  });
});

describe('what the decision and sign-off forms send', () => {
  const kpiVersions = kpiVersionsField([
    { id: 'k1', version: 3 },
    { id: 'k2', version: 7 },
  ]);

  it('names the version of the chosen KPI the form showed', () => {
    const decision = { kind: 'kpi_target', text: 'x', target: '450', kpiVersions };
    expect(DecisionSchema.parse({ ...decision, kpiId: 'k2' })).toMatchObject({
      kpiId: 'k2',
      target: 450,
      expectedKpiVersion: 7,
    });
    // a KPI the form did not show, or no versions at all: none (the model refuses the decision)
    expect(DecisionSchema.parse({ ...decision, kpiId: 'k9' }).expectedKpiVersion).toBeNull();
    expect(
      DecisionSchema.parse({ kind: 'kpi_target', text: 'x', target: '1', kpiId: 'k1' })
        .expectedKpiVersion,
    ).toBeNull();
    expect(
      DecisionSchema.parse({ ...decision, kpiId: 'k1', kpiVersions: 'k1:abc' }).expectedKpiVersion,
    ).toBeNull();
  });
});
