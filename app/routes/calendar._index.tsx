import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import ShieldX from 'lucide-react/icons/shield-x';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CalendarFilters } from '~/components/calendar-filters';
import { AgendaView, Backlog, MonthView, WeekView } from '~/components/calendar-views';
import { PlanningAids } from '~/components/planning-aids';
import { parseBacklogQuery, withBacklogQuery } from '~/domain/calendar/backlog';
import {
  calendarQueryToSearch,
  isDay,
  hasBadDate,
  parseCalendarQuery,
} from '~/domain/calendar/calendar-query';
import { localDay, monthGrid, shiftAnchor, viewRange, weekGrid } from '~/domain/calendar/grid';
import {
  audienceCoverage,
  cadenceGaps,
  overloads,
  profileMismatches,
  type PlannedPiece,
} from '~/domain/calendar/planning';
import type { CadencePeriod, Channel } from '~/domain/calendar/vocabulary';
import { can } from '~/domain/permissions';
import { listAudienceProfiles } from '~/models/audience-profile.server';
import { getOrCreateFeedToken, resetFeedToken } from '~/models/piece-feed.server';
import { calendarFacets, calendarLists, type CalendarPiece } from '~/models/piece-queries.server';
import { movePiece } from '~/models/piece-writes.server';
import { withheldPieces } from '~/models/calendar-withheld.server';
import { milestonesInRange } from '~/models/calendar-milestones.server';
import { getWorkspace } from '~/models/workspace.server';
import { requirePermission } from '~/utils/auth.server';
import { intent, intentAction } from '~/utils/intent-action.server';
import { invariantResponse } from '~/utils/misc';
import { pageTitle } from '~/utils/meta';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'calendar.title');

const plain = (p: CalendarPiece): PlannedPiece => ({
  ...p,
  experts: p.experts.map((e) => e.user.name),
  audiences: p.audiences.map((a) => a.audience.name),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'calendar:read');
  const url = new URL(request.url);
  invariantResponse(!hasBadDate(url.searchParams), 'errors.dateRange', { status: 400 });
  const query = parseCalendarQuery(url.searchParams);
  const backlogQuery = parseBacklogQuery(url.searchParams);
  const { timeZone } = await getWorkspace();
  const today = localDay(new Date(), timeZone);
  const anchor = query.date ?? today;
  const month = query.view === 'month' ? monthGrid(anchor, timeZone) : null;
  const week = query.view === 'week' ? weekGrid(anchor, timeZone) : null;
  const { from, to } = viewRange(query.view, anchor, timeZone);
  const canPlan = can(user.roles, 'calendar:plan');
  const [{ pieces, backlog }, facets, feedToken, milestones] = await Promise.all([
    calendarLists({ viewer: user, from, to, query, backlog: backlogQuery }),
    calendarFacets(),
    getOrCreateFeedToken(user.id),
    milestonesInRange({ viewer: user, from, to, timeZone }),
  ]);
  const targets = facets.plans.map((p) => ({
    channel: p.channel as Channel,
    cadenceCount: p.cadenceCount,
    cadencePeriod: p.cadencePeriod as CadencePeriod,
  }));
  const planned = pieces.map(plain);
  // the behaviour profiles of the audiences planned for, for the planning aids
  const profiles = canPlan
    ? await listAudienceProfiles({ names: planned.flatMap((p) => p.audiences) })
    : [];
  // what the output gate keeps out of the feed and the exports, and why, marked on every view
  const withheld = await withheldPieces([...pieces, ...backlog.pieces].map((p) => p.id));
  const mark = <P extends { id: string }>(p: P) => ({ ...p, withheld: withheld.get(p.id) ?? null });
  return json({
    query,
    anchor,
    today,
    timeZone,
    month,
    week,
    range: { from: from.toISOString(), to: to.toISOString() },
    pieces: pieces.map(mark),
    backlog: { ...backlog, pieces: backlog.pieces.map(mark), query: backlogQuery },
    /** pieces of the view's range that the CSV export and the print view leave out */
    withheldCount: pieces.filter((p) => withheld.has(p.id)).length,
    milestones,
    facets: {
      audiences: facets.audiences,
      owners: facets.owners,
      experts: facets.experts,
      goals: facets.goals,
    },
    canPlan,
    prev: shiftAnchor(anchor, query.view, -1, timeZone),
    next: shiftAnchor(anchor, query.view, 1, timeZone),
    feedUrl: `${url.origin}/calendar/feed/${feedToken}.ics`,
    aids: canPlan
      ? {
          gaps:
            query.view === 'agenda'
              ? []
              : cadenceGaps(planned, targets, from, to, timeZone, new Date()),
          ...overloads(planned, timeZone),
          profileMismatches: profileMismatches(planned, profiles),
          coverage: [...audienceCoverage(planned, timeZone)].map(([audience, months]) => ({
            audience,
            months: Object.fromEntries(months),
          })),
        }
      : null,
  });
}

const MoveSchema = z.object({
  id: z.string().min(1, 'calendar.problems.badDay').max(40, 'calendar.problems.badDay'),
  day: z.string().refine(isDay, 'calendar.problems.badDay'),
  expectedVersion: z.coerce.number().int().positive().optional().catch(undefined),
});

export async function action(args: ActionFunctionArgs) {
  return intentAction(
    args,
    {
      'reset-feed': intent({
        schema: z.object({}),
        run: async ({ user }) => {
          await resetFeedToken(user.id);
          return { ok: true as const };
        },
        done: () => json({ ok: true as const, intent: 'reset-feed' as const }),
      }),
      move: intent({
        permission: 'calendar:plan',
        schema: MoveSchema,
        run: ({ user, data }) => movePiece({ actor: user, ...data }),
        problems: {
          notFound: 404,
          notAllowed: 403,
          conflict: 409,
          blocked: 409,
          wrongStatus: 409,
          needsDate: 409,
        },
        done: () => json({ ok: true as const, intent: 'move' as const }),
      }),
    },
    // authorize before reading the form: without calendar access the answer is the login or a
    // 403, never a 400 about the form
    { guard: 'calendar:read' },
  );
}

export default function CalendarPage() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { query } = data;
  // the calendar's own navigation keeps the backlog's filter and length
  const keep = (search: string) => withBacklogQuery(search, data.backlog.query);
  return (
    <div className="calendar-page">
      <div className="toolbar">
        <h1>{t('calendar.title')}</h1>
        <div className="inline no-print">
          {data.canPlan ? (
            <Link
              className="button"
              to={`/calendar/new${data.query.date ? `?date=${data.query.date}` : ''}`}
            >
              {t('calendar.newPiece')}
            </Link>
          ) : null}
          <a
            className="button button-secondary"
            href={`/calendar/export${calendarQueryToSearch(query, { date: data.anchor })}`}
            download
            aria-describedby={data.withheldCount ? 'withheld-note' : undefined}
          >
            {t('calendar.exportCsv')}
          </a>
          {data.canPlan ? (
            <Link className="button button-secondary" to="/calendar/plans">
              {t('calendar.plans.title')}
            </Link>
          ) : null}
        </div>
      </div>
      <p className="intro">{t('calendar.intro')}</p>
      {data.withheldCount ? (
        <p className="callout withheld-note no-print" id="withheld-note" role="note">
          <ShieldX className="icon" aria-hidden="true" focusable="false" />{' '}
          {t('calendar.withheld.count', { count: data.withheldCount })}
        </p>
      ) : null}
      <nav className="toolbar no-print" aria-label={t('calendar.viewNav')}>
        <div className="inline" role="group" aria-label={t('calendar.views')}>
          {(['month', 'week', 'agenda'] as const).map((v) => (
            <Link
              key={v}
              to={keep(calendarQueryToSearch(query, { view: v, date: data.anchor }))}
              className={`button ${query.view === v ? '' : 'button-secondary'}`}
              aria-current={query.view === v ? 'page' : undefined}
            >
              {t(`calendar.view.${v}`)}
            </Link>
          ))}
        </div>
        <div className="inline">
          <Link
            to={keep(calendarQueryToSearch(query, { date: data.prev }))}
            className="button button-secondary"
          >
            {t('calendar.previous')}
          </Link>
          <Link
            to={keep(calendarQueryToSearch(query, { date: data.today }))}
            className="button button-secondary"
          >
            {t('calendar.today')}
          </Link>
          <Link
            to={keep(calendarQueryToSearch(query, { date: data.next }))}
            className="button button-secondary"
          >
            {t('calendar.next')}
          </Link>
          <Link
            to={`/calendar/print${calendarQueryToSearch(query, { date: data.anchor })}`}
            className="button button-secondary"
          >
            {t('calendar.printView.open')}
          </Link>
        </div>
      </nav>
      <CalendarFilters query={query} facets={data.facets} />
      {data.aids ? <PlanningAids aids={data.aids} /> : null}
      <p className="print-only">{t('calendar.printView.pageNote')}</p>
      {/* the page shows editors what a rule blocks, so it is not what gets printed */}
      <div className={`no-print ${data.canPlan ? 'calendar-layout' : ''}`}>
        <div>
          {data.month ? (
            <MonthView
              weeks={data.month}
              pieces={data.pieces}
              milestones={data.milestones}
              anchor={data.anchor}
              today={data.today}
              canPlan={data.canPlan}
            />
          ) : data.week ? (
            <WeekView
              days={data.week}
              pieces={data.pieces}
              milestones={data.milestones}
              today={data.today}
              canPlan={data.canPlan}
            />
          ) : (
            <AgendaView pieces={data.pieces} milestones={data.milestones} />
          )}
        </div>
        <Backlog
          backlog={data.backlog}
          calendarSearch={calendarQueryToSearch(query, { date: data.anchor })}
          canPlan={data.canPlan}
        />
      </div>
      <section className="card no-print" aria-labelledby="feed-title">
        <h2 id="feed-title">{t('calendar.feed.title')}</h2>
        <p>{t('calendar.feed.intro')}</p>
        {data.withheldCount || data.backlog.pieces.some((p) => p.withheld) ? (
          <p className="field-hint">{t('calendar.withheld.feedNote')}</p>
        ) : null}
        <p>
          <a href={data.feedUrl}>{data.feedUrl}</a>
        </p>
        <Form method="post">
          <input type="hidden" name="intent" value="reset-feed" />
          <button type="submit" className="button-secondary">
            {t('calendar.feed.reset')}
          </button>
        </Form>
      </section>
    </div>
  );
}
