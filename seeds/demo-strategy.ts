import { localDay } from '~/domain/calendar/grid';
import { addMonthsToDay } from '~/domain/strategy/review';
import type { Tx } from '~/utils/db.server';

/**
 * Klarblick's content strategy for the demo workspace: an overall owner, four agreed goals and
 * one waiting for management, two or three KPIs each, a stock-take and a timeline. Days are
 * relative to `now`, so the demo always looks current.
 */

type Kpi = {
  metric: string;
  customLabel?: string;
  unit: string;
  direction: 'more' | 'less';
  baseline: number | null;
  target: number;
  /** months from today */
  inMonths: number;
  scope: 'workspace' | 'channel' | 'audience';
  channel?: string;
  audience?: string;
};

type Goal = {
  title: string;
  description: string;
  category: string;
  status: 'agreed' | 'proposed';
  weight: number;
  proposedBy: string;
  kpis: Kpi[];
};

export const DEMO_GOALS: Goal[] = [
  {
    title: 'Become the first address for lens-care questions online',
    description:
      'People who search for lens care, dry eyes or wearing times should find Klarblick’s experts first.',
    category: 'brand_awareness',
    status: 'agreed',
    weight: 30,
    proposedBy: 'editor',
    kpis: [
      {
        metric: 'page_views',
        unit: 'count',
        direction: 'more',
        baseline: 42000,
        target: 60000,
        inMonths: 6,
        scope: 'channel',
        channel: 'blog',
      },
      {
        metric: 'podcast_downloads_30d',
        unit: 'count',
        direction: 'more',
        baseline: 800,
        target: 1500,
        inMonths: 6,
        scope: 'channel',
        channel: 'podcast',
      },
      {
        metric: 'mentions',
        unit: 'count',
        direction: 'more',
        baseline: 120,
        target: 200,
        inMonths: 6,
        scope: 'workspace',
      },
    ],
  },
  {
    title: 'Answer recurring care questions before they reach customer service',
    description:
      'The ten most frequent questions to customer service get a lasting answer in the blog and the podcast.',
    category: 'service_relief',
    status: 'agreed',
    weight: 25,
    proposedBy: 'editor2',
    kpis: [
      {
        metric: 'support_tickets',
        unit: 'count',
        direction: 'less',
        baseline: 1900,
        target: 1400,
        inMonths: 6,
        scope: 'workspace',
      },
      {
        metric: 'page_views',
        unit: 'count',
        direction: 'more',
        baseline: 9000,
        target: 15000,
        inMonths: 6,
        scope: 'audience',
        audience: 'customers',
      },
    ],
  },
  {
    title: 'Win first-time lens wearers',
    description:
      'Whitepapers and webinars that take the fear out of the first lenses and lead to a trial order.',
    category: 'new_customers',
    status: 'agreed',
    weight: 25,
    proposedBy: 'editor',
    kpis: [
      {
        metric: 'whitepaper_downloads',
        unit: 'count',
        direction: 'more',
        baseline: 300,
        target: 600,
        inMonths: 6,
        scope: 'channel',
        channel: 'whitepaper',
      },
      {
        metric: 'leads',
        unit: 'count',
        direction: 'more',
        baseline: 150,
        target: 300,
        inMonths: 6,
        scope: 'workspace',
      },
      {
        metric: 'webinar_registrations',
        unit: 'count',
        direction: 'more',
        baseline: 200,
        target: 400,
        inMonths: 6,
        scope: 'channel',
        channel: 'webinar',
      },
    ],
  },
  {
    title: 'Keep subscribers for a second year',
    description: 'Content that makes existing subscribers feel looked after by experts.',
    category: 'customer_retention',
    status: 'agreed',
    weight: 20,
    proposedBy: 'editor2',
    kpis: [
      {
        metric: 'repurchase_rate',
        unit: 'percent',
        direction: 'more',
        baseline: 62,
        target: 70,
        inMonths: 12,
        scope: 'audience',
        audience: 'customers',
      },
      {
        metric: 'nps',
        unit: 'score',
        direction: 'more',
        baseline: 38,
        target: 45,
        inMonths: 12,
        scope: 'workspace',
      },
    ],
  },
  {
    title: 'Learn what opticians expect from an online partner',
    description:
      'Webinars for opticians that also collect their expectations, for the market research team.',
    category: 'market_feedback',
    status: 'proposed',
    weight: 10,
    proposedBy: 'editor2',
    kpis: [
      {
        metric: 'webinar_attendees',
        unit: 'count',
        direction: 'more',
        baseline: 60,
        target: 120,
        inMonths: 6,
        scope: 'audience',
        audience: 'opinion',
      },
      {
        metric: 'custom',
        customLabel: 'Survey answers from opticians',
        unit: 'count',
        direction: 'more',
        baseline: null,
        target: 150,
        inMonths: 6,
        scope: 'audience',
        audience: 'opinion',
      },
    ],
  },
];

const STOCK_TAKE = [
  {
    kind: 'strength',
    text: 'Optometrists and pharmacists in house',
    evidence: 'Twelve experts in six departments answer customers’ questions today.',
    daysAgo: 40,
  },
  {
    kind: 'strength',
    text: 'A large base of subscribers',
    evidence: 'About 4,800 lens wearers answered the 2026 wearing-habits survey.',
    daysAgo: 40,
  },
  {
    kind: 'weakness',
    text: 'Little known outside existing customers',
    evidence: 'Brand search volume is a fifth of the two largest competitors’.',
    daysAgo: 35,
  },
  {
    kind: 'weakness',
    text: 'Customer service answers the same care questions every day',
    evidence: 'A third of all tickets in Q3 were about lens care and wearing times.',
    daysAgo: 35,
  },
  {
    kind: 'trend',
    text: 'Daily lenses replace monthly lenses',
    evidence: 'Trade press, autumn 2026: daily lenses grow fastest.',
    daysAgo: 30,
  },
  {
    kind: 'competitor',
    text: 'Large online opticians invest in video',
    evidence: 'Two competitors started weekly video series this year.',
    daysAgo: 25,
  },
] as const;

const MILESTONES = [
  {
    title: 'Strategy workshop with management',
    note: 'Goals and KPIs for the coming half-year agreed.',
    days: -30,
  },
  {
    title: 'Care-question series starts',
    note: 'Blog and podcast answer the first three questions.',
    days: 14,
  },
  { title: 'First-wearer whitepaper published', note: '', days: 45 },
  {
    // six months after the last review (see lastReviewOn below): due now
    title: 'Half-yearly strategy review',
    note: 'Results against the KPIs, decisions for the next half-year.',
    days: 0,
  },
] as const;

/** The review cadence in months, and the last review: signed off one cadence ago, so due now. */
export const DEMO_REVIEW_CADENCE = 6;
export const demoLastReviewOn = (today: string) => addMonthsToDay(today, -DEMO_REVIEW_CADENCE);

export async function seedDemoStrategy(
  tx: Tx,
  {
    now,
    timeZone,
    userId,
    audiences,
  }: {
    now: Date;
    timeZone: string;
    userId: (key: string) => string;
    audiences: Map<string, string>;
  },
) {
  const today = localDay(now, timeZone);
  const dayIn = (days: number) =>
    localDay(new Date(now.getTime() + days * 24 * 3600 * 1000), timeZone);
  const management = userId('management');
  await tx.strategy.upsert({
    where: { id: 1 },
    update: {},
    create: {
      id: 1,
      ownerId: userId('editor2'),
      reviewCadenceMonths: DEMO_REVIEW_CADENCE,
      // the review signed off half a year ago (demo-results.ts): the next one is due today
      lastReviewOn: demoLastReviewOn(today),
    },
  });
  const periodStart = dayIn(-30);
  const goalIds = new Map<string, string>();
  for (const goal of DEMO_GOALS) {
    const { id } = await tx.goal.create({
      data: {
        title: goal.title,
        description: goal.description,
        category: goal.category,
        status: goal.status,
        weight: goal.weight,
        periodStart,
        periodEnd: addMonthsToDay(periodStart, 12),
        proposedById: userId(goal.proposedBy),
        ...(goal.status === 'agreed'
          ? { agreedById: management, agreedAt: new Date(now.getTime() - 28 * 24 * 3600 * 1000) }
          : {}),
        kpis: {
          create: goal.kpis.map((k) => ({
            metric: k.metric,
            customLabel: k.customLabel ?? null,
            unit: k.unit,
            direction: k.direction,
            baseline: k.baseline,
            target: k.target,
            targetDate: addMonthsToDay(today, k.inMonths),
            scope: k.scope,
            channel: k.channel ?? null,
            audienceId: k.audience ? (audiences.get(k.audience) ?? null) : null,
          })),
        },
      },
      select: { id: true },
    });
    goalIds.set(goal.category, id);
  }
  // the plan serves three of the agreed goals; retention has no piece, so its coverage aid fires
  const serves: Record<string, string[]> = {
    blog: ['brand_awareness', 'service_relief'],
    podcast: ['brand_awareness'],
    whitepaper: ['new_customers'],
    webinar: ['new_customers'],
  };
  const planned = await tx.contentPiece.findMany({
    where: { publishAt: { not: null } },
    select: { id: true, channel: true },
    orderBy: { publishAt: 'asc' },
  });
  for (const [i, piece] of planned.entries()) {
    const categories = serves[piece.channel] ?? [];
    // blog posts alternate between awareness and service relief
    const chosen = piece.channel === 'blog' ? [categories[i % 2] as string] : categories;
    for (const category of chosen) {
      await tx.pieceGoal.create({
        data: { pieceId: piece.id, goalId: goalIds.get(category) as string },
      });
    }
  }
  for (const entry of STOCK_TAKE) {
    await tx.stockTakeEntry.create({
      data: {
        kind: entry.kind,
        text: entry.text,
        evidence: entry.evidence,
        notedOn: dayIn(-entry.daysAgo),
      },
    });
  }
  for (const m of MILESTONES) {
    await tx.milestone.create({ data: { title: m.title, note: m.note, date: dayIn(m.days) } });
  }
}
