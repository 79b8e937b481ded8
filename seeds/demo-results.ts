import { TZDate } from '@date-fns/tz';
import { addDays, startOfDay } from 'date-fns';
import { localDay } from '~/domain/calendar/grid';
import { addMonthsToDay } from '~/domain/strategy/review';
import { snapshotOf } from '~/models/review.server';
import type { Tx } from '~/utils/db.server';
import { DEMO_PEOPLE } from './demo-people';
import { DEMO_REVIEW_CADENCE, demoLastReviewOn } from './demo-strategy';

/**
 * Half a year of Klarblick's results for the demo workspace: ten pieces published over the past
 * six months on all four channels, linked to experts, knowledge, needs, audiences and the agreed
 * goals, and their observations (page views and visitors per month for blog posts, downloads 7
 * and 30 days after publication for podcast episodes, registrations and attendees for webinars,
 * downloads and leads per month for the whitepaper), plus the NPS, mentions and support tickets
 * of the whole workspace per month over the past year (the half-year before the pieces is what
 * the last review looked at), and numbers of two audiences (AUDIENCE_MONTHS). Two committed imports own the blog numbers of one month and the
 * podcast downloads. The NPS of the last month reaches its KPI's target, so an early win shows.
 *
 * Months are the 30-day periods before today (month 1 ends yesterday and starts on the day the
 * agreed goals started), so the last month counts for the goals' KPIs. Days are relative to
 * `now`; seeding again changes nothing (the first import is the marker).
 */

const DAY = 24 * 3600 * 1000;

type Channel = 'blog' | 'podcast' | 'whitepaper' | 'webinar';

export type DemoPublished = {
  title: string;
  channel: Channel;
  /** days before today */
  daysAgo: number;
  brief: string;
  owner: 'editor' | 'editor2';
  experts: string[];
  knowledge: string[];
  needs: string[];
  audiences: string[];
  /** goal categories (demo-strategy.ts) the piece serves */
  goals: string[];
  platformId?: string;
  episodeNumber?: number;
  /** how well it did: scales its numbers */
  reach: number;
};

/** Published pieces, oldest first. */
export const DEMO_PUBLISHED: DemoPublished[] = [
  {
    title: 'Kontaktlinsen am Bildschirm: was trockene Augen wirklich brauchen',
    channel: 'blog',
    daysAgo: 172,
    brief:
      'Die Auswertung der Beratungsgespräche zu trockenen Augen, mit fünf Tipps für den Arbeitstag.',
    owner: 'editor',
    experts: ['expert'],
    knowledge: ['k02'],
    needs: ['n02'],
    audiences: ['customers'],
    goals: ['service_relief'],
    reach: 1.4,
  },
  {
    title: 'Klarblick Podcast #9: Wie lange darf eine Linse drin bleiben?',
    channel: 'podcast',
    daysAgo: 160,
    brief: 'Tragezeiten, Schlafen mit Linsen und was Kundinnen und Kunden wirklich tun.',
    owner: 'editor2',
    experts: ['expert', 'sophie'],
    knowledge: ['k40'],
    needs: ['n01'],
    audiences: ['customers'],
    goals: ['brand_awareness'],
    platformId: 'kb-episode-09',
    episodeNumber: 9,
    reach: 0.8,
  },
  {
    title: 'Care solutions compared: peroxide or all-in-one?',
    channel: 'whitepaper',
    daysAgo: 148,
    brief: 'A guide for first-time wearers: which care solution fits which lens and which habits.',
    owner: 'editor',
    experts: ['anna'],
    knowledge: ['k15'],
    needs: ['n01', 'n11'],
    audiences: ['customers', 'community'],
    goals: ['new_customers'],
    reach: 1,
  },
  {
    title: 'Webinar: Die ersten Kontaktlinsen – Fragen an die Optometristin',
    channel: 'webinar',
    daysAgo: 134,
    brief: 'Einsetzen, Herausnehmen, Pflege: eine Stunde Fragen und Antworten für Einsteiger.',
    owner: 'editor2',
    experts: ['expert'],
    knowledge: ['k28'],
    needs: ['n11'],
    audiences: ['community'],
    goals: ['new_customers'],
    platformId: '812 4410 2231',
    reach: 1.1,
  },
  {
    title: 'Trockene Augen im Winter: sechs Tipps aus der Sprechstunde',
    channel: 'blog',
    daysAgo: 118,
    brief: 'Heizungsluft, Kälte, lange Abende am Bildschirm: was in der kalten Jahreszeit hilft.',
    owner: 'editor2',
    experts: ['claire'],
    knowledge: ['k22'],
    needs: ['n02'],
    audiences: ['customers'],
    goals: ['service_relief'],
    reach: 1.8,
  },
  {
    title: 'Klarblick Podcast #10: Tageslinsen oder Monatslinsen?',
    channel: 'podcast',
    daysAgo: 100,
    brief: 'Ein ehrlicher Vergleich von Komfort, Pflegeaufwand und Verpackung.',
    owner: 'editor2',
    experts: ['tobias', 'claire'],
    knowledge: ['k21'],
    needs: ['n14'],
    audiences: ['customers', 'community'],
    goals: ['brand_awareness'],
    platformId: 'kb-episode-10',
    episodeNumber: 10,
    reach: 1,
  },
  {
    title: 'How to put in your first lenses: a step-by-step guide',
    channel: 'blog',
    daysAgo: 82,
    brief: 'The best tips from 300 explainer videos, in eight steps with pictures.',
    owner: 'editor',
    experts: ['katrin'],
    knowledge: ['k28'],
    needs: ['n11'],
    audiences: ['community'],
    goals: ['brand_awareness'],
    reach: 1.2,
  },
  {
    title: 'Webinar for opticians: working together with an online lens shop',
    channel: 'webinar',
    daysAgo: 62,
    brief: 'How Klarblick and local opticians share fittings, follow-ups and aftercare.',
    owner: 'editor',
    experts: ['ines', 'expert'],
    knowledge: ['k36'],
    needs: ['n09'],
    audiences: ['opinion'],
    goals: ['new_customers'],
    platformId: '815 7702 9914',
    reach: 0.6,
  },
  {
    title: 'Klarblick Podcast #11: Sport mit Kontaktlinsen',
    channel: 'podcast',
    daysAgo: 44,
    brief: 'Fußball, Schwimmen, Skifahren: was mit Linsen geht und worauf man achtet.',
    owner: 'editor2',
    experts: ['tobias'],
    knowledge: ['k07', 'k08'],
    needs: ['n05'],
    audiences: ['customers'],
    goals: ['brand_awareness'],
    platformId: 'kb-episode-11',
    episodeNumber: 11,
    reach: 1.3,
  },
  {
    title: 'Linsen richtig lesen: jedes Symbol auf der Packung erklärt',
    channel: 'blog',
    daysAgo: 24,
    brief: 'Was BC, DIA und PWR bedeuten, und wie man die richtige Nachbestellung findet.',
    owner: 'editor',
    experts: ['felix'],
    knowledge: ['k31'],
    needs: ['n04'],
    audiences: ['customers'],
    goals: ['service_relief'],
    reach: 1,
  },
];

/** NPS, mentions and support tickets of the whole workspace, month 12 (oldest) to month 1. */
const WORKSPACE_MONTHS = {
  nps: [33, 34, 33, 35, 34, 35, 36, 37, 39, 41, 43, 46],
  mentions: [12, 14, 11, 15, 16, 15, 17, 21, 22, 27, 30, 36],
  support_tickets: [352, 348, 361, 344, 350, 341, 335, 322, 310, 296, 281, 262],
};

/**
 * Numbers of an audience rather than of a piece, month 12 (oldest) to month 1: the existing
 * customers' repurchase rate from the shop (which the retention goal's KPI about them reads) and,
 * for the last half-year, how often opinion leaders mentioned Klarblick (a media monitoring
 * service's count).
 */
const AUDIENCE_MONTHS: { audience: string; metric: string; values: number[] }[] = [
  {
    audience: 'customers',
    metric: 'repurchase_rate',
    values: [61, 62, 62, 61, 63, 62, 63, 64, 64, 65, 66, 66],
  },
  { audience: 'opinion', metric: 'mentions', values: [3, 2, 4, 5, 5, 8] },
];

/** The blog's page views per month after publication, before scaling by reach. */
const BLOG_CURVE = [2600, 1500, 1150, 950, 820, 760];
const WHITEPAPER_CURVE = [190, 125, 96, 84, 72];

export const DEMO_IMPORTS = {
  plausible: 'plausible-pages-month-2.csv',
  podigee: 'podigee-episodes.csv',
};

export async function seedDemoResults(
  tx: Tx,
  {
    now,
    timeZone,
    userId,
    itemId,
    needId,
    audiences,
  }: {
    now: Date;
    timeZone: string;
    userId: (key: string) => string;
    itemId: (key: string) => string;
    needId: (key: string) => string;
    audiences: Map<string, string>;
  },
) {
  const marker = await tx.resultImport.findFirst({
    where: { fileName: DEMO_IMPORTS.plausible },
    select: { id: true },
  });
  if (marker) return;

  const dayIn = (days: number) => localDay(new Date(now.getTime() + days * DAY), timeZone);
  const today = startOfDay(new TZDate(now.getTime(), timeZone));
  /** month k (1 = the last 30 days before today) */
  const month = (k: number) => ({ start: dayIn(-30 * k), end: dayIn(-30 * k + 29) });
  const owner = userId('editor2');
  const enteredAt = (day: string) => new Date(`${day}T07:30:00.000Z`).getTime() + DAY;

  const goals = await tx.goal.findMany({ select: { id: true, category: true } });
  const goalId = (category: string) => {
    const goal = goals.find((g) => g.category === category);
    if (!goal) throw new Error(`demo data: unknown goal ${category}`);
    return goal.id;
  };
  const audienceId = (key: string) => {
    const id = audiences.get(key);
    if (!id) throw new Error(`demo data: unknown audience ${key}`);
    return id;
  };
  const names = (keys: string[]) =>
    JSON.stringify(keys.map((k) => DEMO_PEOPLE.find((p) => p.key === k)?.name ?? k));

  const plausible = await tx.resultImport.create({
    data: {
      fileName: DEMO_IMPORTS.plausible,
      preset: 'plausible',
      rows: 9,
      matched: 0,
      observations: 0,
      importedById: owner,
      createdAt: new Date(enteredAt(month(2).end)),
    },
    select: { id: true },
  });
  const podigee = await tx.resultImport.create({
    data: {
      fileName: DEMO_IMPORTS.podigee,
      preset: 'podigee',
      rows: 5,
      matched: 0,
      observations: 0,
      importedById: owner,
      createdAt: new Date(enteredAt(dayIn(-14))),
    },
    select: { id: true },
  });
  const importedAt = new Map<string, Date>([
    [plausible.id, new Date(enteredAt(month(2).end))],
    [podigee.id, new Date(enteredAt(dayIn(-14)))],
  ]);
  const counts = new Map<string, { matched: Set<string>; observations: number }>([
    [plausible.id, { matched: new Set(), observations: 0 }],
    [podigee.id, { matched: new Set(), observations: 0 }],
  ]);

  type Obs = {
    metric: string;
    value: number;
    start: string;
    end: string;
    pieceId?: string;
    audienceId?: string;
    importId?: string;
  };
  const observe = async (o: Obs) => {
    if (o.importId && o.pieceId) {
      const c = counts.get(o.importId)!;
      c.matched.add(o.pieceId);
      c.observations += 1;
    }
    await tx.metricObservation.create({
      data: {
        metric: o.metric,
        value: Math.round(o.value),
        periodStart: o.start,
        periodEnd: o.end,
        subject: o.pieceId ? 'piece' : o.audienceId ? 'audience' : 'workspace',
        pieceId: o.pieceId ?? null,
        audienceId: o.audienceId ?? null,
        source: o.importId ? 'import' : 'manual',
        importId: o.importId ?? null,
        enteredById: owner,
        createdAt: o.importId
          ? importedAt.get(o.importId)
          : new Date(Math.min(enteredAt(o.end), now.getTime() - DAY / 2)),
      },
    });
  };

  for (const p of DEMO_PUBLISHED) {
    const local = addDays(today, -p.daysAgo);
    local.setHours(p.channel === 'webinar' ? 16 : 9, 0, 0, 0);
    const publishAt = new Date(local.getTime());
    const published = dayIn(-p.daysAgo);
    const piece = await tx.contentPiece.create({
      data: {
        channel: p.channel,
        title: p.title,
        brief: p.brief,
        status: 'published',
        publishAt,
        ownerId: userId(p.owner),
        createdAt: new Date(publishAt.getTime() - 40 * DAY),
        slug:
          p.channel === 'blog'
            ? p.title
                .toLowerCase()
                .replace(/ü/g, 'ue')
                .replace(/ö/g, 'oe')
                .replace(/ä/g, 'ae')
                .replace(/[^a-z0-9]+/g, '-')
                .replace(/^-|-$/g, '')
            : null,
        episodeNumber: p.episodeNumber ?? null,
        durationMinutes: p.channel === 'podcast' ? 38 : null,
        guests: p.channel === 'podcast' ? names(p.experts) : null,
        gated: p.channel === 'whitepaper' ? true : null,
        pageEstimate: p.channel === 'whitepaper' ? 14 : null,
        webinarStart: p.channel === 'webinar' ? publishAt : null,
        webinarEnd: p.channel === 'webinar' ? new Date(publishAt.getTime() + 3600 * 1000) : null,
        speakers: p.channel === 'webinar' ? names(p.experts) : null,
        platformId: p.platformId ?? null,
        audiences: { create: p.audiences.map((a) => ({ audienceId: audienceId(a) })) },
        knowledge: { create: p.knowledge.map((k) => ({ knowledgeItemId: itemId(k) })) },
        needs: { create: p.needs.map((n) => ({ needId: needId(n) })) },
        experts: { create: p.experts.map((e) => ({ userId: userId(e) })) },
        goals: { create: p.goals.map((g) => ({ goalId: goalId(g) })) },
      },
      select: { id: true },
    });
    const pieceId = piece.id;
    // the months since publication, oldest first; the first one starts on the publication day
    const months = [6, 5, 4, 3, 2, 1]
      .map((k) => month(k))
      .filter((m) => m.end >= published)
      .map((m) => ({ start: m.start < published ? published : m.start, end: m.end }));

    if (p.channel === 'blog') {
      for (const [i, m] of months.entries()) {
        const views = (BLOG_CURVE[i] ?? 700) * p.reach;
        const importId =
          m.start >= month(2).start && m.end === month(2).end ? plausible.id : undefined;
        await observe({
          metric: 'page_views',
          value: views,
          start: m.start,
          end: m.end,
          pieceId,
          importId,
        });
        await observe({
          metric: 'visitors',
          value: views * 0.71,
          start: m.start,
          end: m.end,
          pieceId,
          importId,
        });
      }
    } else if (p.channel === 'whitepaper') {
      for (const [i, m] of months.entries()) {
        const downloads = (WHITEPAPER_CURVE[i] ?? 65) * p.reach;
        await observe({
          metric: 'whitepaper_downloads',
          value: downloads,
          start: m.start,
          end: m.end,
          pieceId,
        });
        await observe({
          metric: 'leads',
          value: downloads * 0.23,
          start: m.start,
          end: m.end,
          pieceId,
        });
      }
    } else if (p.channel === 'podcast') {
      await observe({
        metric: 'podcast_downloads_7d',
        value: 480 * p.reach,
        start: published,
        end: dayIn(-p.daysAgo + 6),
        pieceId,
        importId: podigee.id,
      });
      await observe({
        metric: 'podcast_downloads_30d',
        value: 1010 * p.reach,
        start: published,
        end: dayIn(-p.daysAgo + 29),
        pieceId,
        importId: podigee.id,
      });
    } else {
      await observe({
        metric: 'webinar_registrations',
        value: 220 * p.reach,
        start: published,
        end: published,
        pieceId,
      });
      await observe({
        metric: 'webinar_attendees',
        value: 118 * p.reach,
        start: published,
        end: published,
        pieceId,
      });
    }
  }

  for (const [metric, values] of Object.entries(WORKSPACE_MONTHS)) {
    for (const [i, value] of values.entries()) {
      const m = month(values.length - i);
      await observe({ metric, value, start: m.start, end: m.end });
    }
  }

  for (const { audience, metric, values } of AUDIENCE_MONTHS) {
    for (const [i, value] of values.entries()) {
      const m = month(values.length - i);
      await observe({
        metric,
        value,
        start: m.start,
        end: m.end,
        audienceId: audienceId(audience),
      });
    }
  }

  for (const [id, c] of counts) {
    await tx.resultImport.update({
      where: { id },
      data: { matched: c.matched.size, observations: c.observations },
    });
  }
}

/**
 * The review signed off half a year ago, the strategy's last review (demo-strategy.ts sets
 * lastReviewOn to its sign-off day, so with the half-yearly cadence the next review is due now).
 * As the model does, it was opened on its due day, a week before the sign-off, and covers the
 * half-year up to that day: its snapshot is computed for that period. Little was published then,
 * so the snapshot shows the workspace's numbers, the gaps and the unserved needs; its findings
 * and decisions started the content the demo has published since, and one decision set the
 * podcast KPI's target.
 */
export async function seedDemoReview(
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
  // ISO days: whole days apart in UTC, whatever the zone
  const signedOn = demoLastReviewOn(localDay(now, timeZone));
  const dueOn = new Date(Date.parse(`${signedOn}T00:00:00Z`) - 7 * DAY).toISOString().slice(0, 10);
  if (await tx.strategyReview.findUnique({ where: { dueOn }, select: { id: true } })) return;
  const owner = userId('editor2');
  const management = userId('management');
  const periodStart = addMonthsToDay(dueOn, -DEMO_REVIEW_CADENCE);
  const snapshot = await snapshotOf(tx, { from: periodStart, to: dueOn });
  const goals = await tx.goal.findMany({
    select: { id: true, title: true, category: true, kpis: true },
  });
  const goal = (category: string) => goals.find((g) => g.category === category)!;
  const podcastKpi = goal('brand_awareness').kpis.find(
    (k) => k.metric === 'podcast_downloads_30d',
  )!;
  const opinion = await tx.audience.findUnique({
    where: { id: audiences.get('opinion') ?? '' },
    select: { name: true },
  });
  // in the workspace's morning and afternoon (Europe/Berlin is an hour or two ahead of UTC)
  const opened = new Date(`${dueOn}T08:00:00.000Z`);
  const signed = new Date(`${signedOn}T14:00:00.000Z`);
  await tx.strategyReview.create({
    data: {
      dueOn,
      periodStart,
      periodEnd: dueOn,
      snapshot: JSON.stringify(snapshot),
      status: 'signed_off',
      openedById: owner,
      openedAt: opened,
      signedOffById: management,
      signedOffAt: signed,
      version: 8,
      findings: {
        create: [
          {
            text: 'Customer service answers the same care questions every day, and none of them has an answer on our website yet.',
            authorId: owner,
            createdAt: new Date(opened.getTime() + DAY),
          },
          {
            text: 'Mentions grew only after the trade-fair talk: outside existing customers hardly anyone knows our experts.',
            authorId: management,
            createdAt: new Date(opened.getTime() + 2 * DAY),
          },
        ],
      },
      decisions: {
        create: [
          {
            kind: 'kpi_target',
            text: 'The podcast pilot found listeners faster than planned: aim higher for downloads after 30 days.',
            goalId: podcastKpi.goalId,
            kpiId: podcastKpi.id,
            subjectName: `${goal('brand_awareness').title} · podcast_downloads_30d`,
            fromValue: 1200,
            toValue: podcastKpi.target,
            authorId: management,
            createdAt: new Date(opened.getTime() + 3 * DAY),
          },
          {
            kind: 'goal',
            text: 'Make winning first-time wearers a goal of its own, with whitepapers and webinars.',
            goalId: goal('new_customers').id,
            subjectName: goal('new_customers').title,
            authorId: management,
            createdAt: new Date(opened.getTime() + 3 * DAY),
          },
          {
            kind: 'channel_plan',
            text: 'One webinar a month, invitations four weeks ahead.',
            channel: 'webinar',
            subjectName: 'webinar',
            authorId: owner,
            createdAt: new Date(opened.getTime() + 4 * DAY),
          },
          {
            kind: 'audience',
            text: 'Treat opticians as an audience of their own, with their own needs.',
            audienceId: audiences.get('opinion') ?? null,
            subjectName: opinion?.name ?? '',
            authorId: management,
            createdAt: new Date(opened.getTime() + 4 * DAY),
          },
        ],
      },
    },
  });
}
