import { Form, Link, useFetcher } from '@remix-run/react';
import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  useReactTable,
} from '@tanstack/react-table';
import Flag from 'lucide-react/icons/flag';
import ShieldX from 'lucide-react/icons/shield-x';
import { useMemo, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BACKLOG_STEP, withBacklogQuery, type BacklogQuery } from '~/domain/calendar/backlog';
import type { CalendarDay } from '~/domain/calendar/grid';
import { PLANNING_DAY_RANGE } from '~/domain/calendar/vocabulary';
import { useFormat } from '~/utils/use-format';
import { useLabel } from '~/utils/use-label';
import { ChannelLabel, StatusBadge } from './labels';

/** Why the output gate withholds a piece: the blocking rules' names, or a check that failed. */
export type WithheldReason = { rules: string[]; failed: boolean };

type Jsonified<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K];
};
export type ViewPiece = {
  id: string;
  title: string;
  channel: string;
  status: string;
  publishAt: string | null;
  version: number;
  owner: { id: string; name: string } | null;
  experts: { user: { id: string; name: string } }[];
  deadlines: { stage: string; dueAt: string }[];
  /** set when the output gate keeps the piece out of the feed and the exports */
  withheld?: WithheldReason | null;
};
type DayJson = Jsonified<CalendarDay>;

/** A milestone of the strategy's timeline, on its day (YYYY-MM-DD). */
export type ViewMilestone = { id: string; title: string; date: string; note: string };

const MOVE_KEY = 'calendar-move';
const DRAG_TYPE = 'application/x-lotse-piece';

function addDays(day: string, n: number) {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The calendar's answer to a move (a failed intent carries a problem or field errors). */
type MoveAnswer =
  | { ok: true }
  | { ok: false; problem?: string | null; errors?: Record<string, { key: string } | undefined> };

function useMove() {
  const fetcher = useFetcher<MoveAnswer>({ key: MOVE_KEY });
  return (piece: { id: string; version: number }, day: string) =>
    fetcher.submit(
      { intent: 'move', id: piece.id, day, expectedVersion: String(piece.version) },
      { method: 'post', action: '/calendar?index' },
    );
}

/** Says what happened to the last move, for everyone (screen readers included). */
export function MoveStatus() {
  const { t } = useTranslation();
  const fetcher = useFetcher<MoveAnswer>({ key: MOVE_KEY });
  const failed = fetcher.data && !fetcher.data.ok ? fetcher.data : null;
  const firstError = failed?.errors ? Object.values(failed.errors)[0]?.key : undefined;
  const text =
    fetcher.state !== 'idle'
      ? t('calendar.moving')
      : !fetcher.data
        ? ''
        : !failed
          ? t('calendar.moved')
          : failed.problem
            ? t(`calendar.problems.${failed.problem}`)
            : t(firstError ?? 'errors.badRequest');
  return (
    <p role="status" className={fetcher.data && !fetcher.data.ok ? 'form-error' : 'move-status'}>
      {text}
    </p>
  );
}

/**
 * The mark of a piece that a disclosure rule keeps out of the iCal feed and the exports, with the
 * reason: as a tooltip, and as text for screen readers. `full` shows it all as text (the list).
 */
export function WithheldMark({ reason, full = false }: { reason: WithheldReason; full?: boolean }) {
  const { t } = useTranslation();
  const label = t('calendar.withheld.label');
  const why = reason.rules.length
    ? t('calendar.withheld.reason', { rules: reason.rules.join(', ') })
    : t('calendar.withheld.failed');
  return (
    <span className={full ? 'withheld full' : 'withheld'} title={`${label}. ${why}`}>
      <ShieldX className="icon" aria-hidden="true" focusable="false" />
      {full ? (
        <span>
          {label}. <span className="withheld-reason">{why}</span>
        </span>
      ) : (
        <>
          <span aria-hidden="true">{t('calendar.withheld.short')}</span>
          <span className="visually-hidden">
            {label}. {why}
          </span>
        </>
      )}
    </span>
  );
}

/** A piece in a calendar cell: a link; planners drag it, or move it with Alt + arrow keys. */
function PieceChip({
  piece,
  canPlan,
  day,
}: {
  piece: ViewPiece;
  canPlan: boolean;
  day: string | null;
}) {
  const label = useLabel();
  const f = useFormat();
  const move = useMove();
  const onKeyDown = (e: KeyboardEvent) => {
    if (!canPlan || !e.altKey || !day) return;
    const step = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 }[e.key];
    if (step === undefined) return;
    e.preventDefault();
    move(piece, addDays(day, step));
  };
  return (
    <Link
      to={`/calendar/${piece.id}`}
      className="piece-chip"
      data-channel={piece.channel}
      data-withheld={piece.withheld ? 'true' : undefined}
      draggable={canPlan}
      onDragStart={(e: DragEvent) => {
        e.dataTransfer.setData(DRAG_TYPE, JSON.stringify({ id: piece.id, version: piece.version }));
        e.dataTransfer.effectAllowed = 'move';
      }}
      onKeyDown={onKeyDown}
      aria-describedby={canPlan ? 'move-hint' : undefined}
    >
      <ChannelLabel channel={piece.channel} />
      <span className="piece-title">{piece.title}</span>
      <span className="piece-meta">
        {piece.publishAt ? f.time(piece.publishAt) : null}{' '}
        <StatusBadge kind="piece" status={piece.status} />
      </span>
      {piece.withheld ? <WithheldMark reason={piece.withheld} /> : null}
      <span className="visually-hidden">{label('calendar.openPiece')}</span>
    </Link>
  );
}

/**
 * A milestone in a calendar cell or list: named as one in words and by its flag (not by its
 * colour), and a link to the timeline on the strategy page.
 */
function MilestoneChip({ milestone }: { milestone: ViewMilestone }) {
  const { t } = useTranslation();
  return (
    <Link
      to="/strategy"
      className="piece-chip milestone-chip"
      data-kind="milestone"
      title={milestone.note || undefined}
    >
      <span className="channel">
        <Flag className="icon" aria-hidden="true" focusable="false" /> {t('calendar.milestone')}
      </span>
      <span className="piece-title">{milestone.title}</span>
    </Link>
  );
}

function DayCell({
  day,
  pieces,
  milestones,
  today,
  canPlan,
  className,
}: {
  day: DayJson;
  pieces: ViewPiece[];
  milestones: ViewMilestone[];
  today: string;
  canPlan: boolean;
  className?: string;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const move = useMove();
  const [over, setOver] = useState(false);
  const label = f.longDate(`${day.date}T12:00:00Z`);
  return (
    <td
      className={`${className ?? ''} day${day.date === today ? ' today' : ''}${day.inMonth ? '' : ' outside'}${over ? ' drop-target' : ''}`}
      data-day={day.date}
      aria-label={label}
      onDragOver={(e) => {
        if (!canPlan || !e.dataTransfer.types.includes(DRAG_TYPE)) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        setOver(false);
        const raw = e.dataTransfer.getData(DRAG_TYPE);
        if (!raw) return;
        e.preventDefault();
        move(JSON.parse(raw) as { id: string; version: number }, day.date);
      }}
    >
      <div className="day-head">
        <span className="day-number">{Number(day.date.slice(8))}</span>
        {canPlan ? (
          <Link
            to={`/calendar/new?date=${day.date}`}
            className="quick-add"
            aria-label={t('calendar.newOn', { date: label })}
          >
            +
          </Link>
        ) : null}
      </div>
      <ul className="plain day-pieces">
        {milestones
          .filter((m) => m.date === day.date)
          .map((m) => (
            <li key={m.id}>
              <MilestoneChip milestone={m} />
            </li>
          ))}
        {pieces.map((p) => (
          <li key={p.id}>
            <PieceChip piece={p} canPlan={canPlan} day={day.date} />
          </li>
        ))}
      </ul>
    </td>
  );
}

function byDay(pieces: ViewPiece[], days: DayJson[]) {
  const map = new Map<string, ViewPiece[]>(days.map((d) => [d.date, []]));
  for (const p of pieces) {
    if (!p.publishAt) continue;
    const t = new Date(p.publishAt).getTime();
    const d = days.find((x) => t >= new Date(x.start).getTime() && t < new Date(x.end).getTime());
    if (d) map.get(d.date)!.push(p);
  }
  return map;
}

function Weekdays() {
  const { t } = useTranslation();
  return (
    <thead>
      <tr>
        {(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((d) => (
          <th key={d} scope="col">
            {t(`calendar.weekdays.${d}`)}
          </th>
        ))}
      </tr>
    </thead>
  );
}

export function MonthView({
  weeks,
  pieces,
  milestones = [],
  anchor,
  today,
  canPlan,
}: {
  weeks: DayJson[][];
  pieces: ViewPiece[];
  milestones?: ViewMilestone[];
  anchor: string;
  today: string;
  canPlan: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const map = useMemo(() => byDay(pieces, weeks.flat()), [pieces, weeks]);
  return (
    <section aria-labelledby="month-title">
      <h2 id="month-title">{f.monthYear(`${anchor}T12:00:00Z`)}</h2>
      {canPlan ? (
        <p className="field-hint no-print" id="move-hint">
          {t('calendar.moveHint')}
        </p>
      ) : null}
      <MoveStatus />
      <table className="calendar-grid month">
        <Weekdays />
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]!.date}>
              {week.map((day) => (
                <DayCell
                  key={day.date}
                  day={day}
                  pieces={map.get(day.date) ?? []}
                  milestones={milestones}
                  today={today}
                  canPlan={canPlan}
                />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function WeekView({
  days,
  pieces,
  milestones = [],
  today,
  canPlan,
}: {
  days: DayJson[];
  pieces: ViewPiece[];
  milestones?: ViewMilestone[];
  today: string;
  canPlan: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const map = useMemo(() => byDay(pieces, days), [pieces, days]);
  return (
    <section aria-labelledby="week-title">
      <h2 id="week-title">
        {t('calendar.weekOf', { date: f.longDate(`${days[0]!.date}T12:00:00Z`) })}
      </h2>
      {canPlan ? (
        <p className="field-hint no-print" id="move-hint">
          {t('calendar.moveHint')}
        </p>
      ) : null}
      <MoveStatus />
      <table className="calendar-grid week">
        <Weekdays />
        <tbody>
          <tr>
            {days.map((day) => (
              <DayCell
                key={day.date}
                day={day}
                pieces={map.get(day.date) ?? []}
                milestones={milestones}
                today={today}
                canPlan={canPlan}
              />
            ))}
          </tr>
        </tbody>
      </table>
    </section>
  );
}

const column = createColumnHelper<ViewPiece>();

export function AgendaView({
  pieces,
  milestones = [],
}: {
  pieces: ViewPiece[];
  milestones?: ViewMilestone[];
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const columns = useMemo(
    () => [
      column.accessor('publishAt', {
        header: t('calendar.columns.date'),
        cell: (c) => (c.getValue() ? f.dateTime(c.getValue() as string) : ''),
      }),
      column.accessor('title', {
        header: t('calendar.columns.title'),
        cell: (c) => (
          <>
            <Link to={`/calendar/${c.row.original.id}`}>{c.getValue()}</Link>
            {c.row.original.withheld ? (
              <WithheldMark reason={c.row.original.withheld} full />
            ) : null}
          </>
        ),
      }),
      column.accessor('channel', {
        header: t('calendar.columns.channel'),
        cell: (c) => <ChannelLabel channel={c.getValue()} />,
      }),
      column.accessor('status', {
        header: t('calendar.columns.status'),
        cell: (c) => <StatusBadge kind="piece" status={c.getValue()} />,
      }),
      column.accessor((p) => p.owner?.name ?? '', {
        id: 'owner',
        header: t('calendar.columns.owner'),
      }),
      column.accessor((p) => p.experts.map((e) => e.user.name).join(', '), {
        id: 'experts',
        header: t('calendar.columns.experts'),
      }),
    ],
    [t, f],
  );
  const table = useReactTable({ data: pieces, columns, getCoreRowModel: getCoreRowModel() });
  const timeline = milestones.length ? (
    <section aria-labelledby="agenda-milestones-title">
      <h3 id="agenda-milestones-title">{t('calendar.milestones')}</h3>
      <ul className="plain agenda-milestones">
        {milestones.map((m) => (
          <li key={m.id}>
            <time dateTime={m.date}>{f.longDate(`${m.date}T12:00:00Z`)}</time>
            <MilestoneChip milestone={m} />
          </li>
        ))}
      </ul>
    </section>
  ) : null;
  if (!pieces.length)
    return (
      <>
        {timeline}
        <p className="empty">{t('calendar.empty')}</p>
      </>
    );
  return (
    <section aria-labelledby="agenda-title">
      <h2 id="agenda-title">{t('calendar.agenda')}</h2>
      {timeline}
      <table>
        <thead>
          {table.getHeaderGroups().map((g) => (
            <tr key={g.id}>
              {g.headers.map((h) => (
                <th key={h.id} scope="col">
                  {flexRender(h.column.columnDef.header, h.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((r) => (
            <tr key={r.id} data-withheld={r.original.withheld ? 'true' : undefined}>
              {r.getVisibleCells().map((c) => (
                <td key={c.id}>{flexRender(c.column.columnDef.cell, c.getContext())}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Ideas without a date: drag one onto a day, or pick a date in its form. */
export type BacklogView = {
  pieces: ViewPiece[];
  /** ideas that pass the filter text */
  matching: number;
  /** ideas under the calendar's filters, before the filter text */
  total: number;
  query: BacklogQuery;
};

/**
 * The unscheduled ideas, highest-priority and newest first, a page at a time: a filter on the
 * titles and "show more" keep their state in the address, beside the calendar's own
 * (`calendarSearch`, the calendar's view, day and filters as `?…`).
 */
export function Backlog({
  backlog,
  calendarSearch,
  canPlan,
}: {
  backlog: BacklogView;
  calendarSearch: string;
  canPlan: boolean;
}) {
  const { t } = useTranslation();
  const { pieces, matching, total, query } = backlog;
  const more = Math.min(BACKLOG_STEP, matching - pieces.length);
  return (
    <aside className="backlog card" aria-labelledby="backlog-title">
      <h2 id="backlog-title">{t('calendar.backlog')}</h2>
      {total ? (
        <>
          <Form
            method="get"
            className="backlog-filter no-print"
            role="search"
            aria-label={t('calendar.backlogFilter.label')}
            key={query.search}
          >
            {[...new URLSearchParams(calendarSearch)].map(([name, value], i) => (
              <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
            ))}
            <label htmlFor="backlog-search">{t('calendar.backlogFilter.field')}</label>
            <div className="inline">
              <input
                id="backlog-search"
                type="search"
                name="idea"
                defaultValue={query.search}
                maxLength={100}
                aria-describedby="backlog-order backlog-count"
              />
              <button type="submit" className="button-secondary">
                {t('calendar.backlogFilter.apply')}
              </button>
            </div>
          </Form>
          <p className="field-hint" id="backlog-order">
            {t('calendar.backlogOrder')}
          </p>
          <p className="field-hint" id="backlog-count">
            {query.search
              ? t('calendar.backlogCountFiltered', { shown: pieces.length, count: matching, total })
              : t('calendar.backlogCount', { shown: pieces.length, count: matching })}
          </p>
        </>
      ) : null}
      {pieces.length ? (
        <ul className="plain">
          {pieces.map((p) => (
            <li key={p.id}>
              <PieceChip piece={p} canPlan={canPlan} day={null} />
              {canPlan ? (
                <Form method="post" className="inline schedule-form no-print">
                  <input type="hidden" name="intent" value="move" />
                  <input type="hidden" name="id" value={p.id} />
                  <input type="hidden" name="expectedVersion" value={p.version} />
                  <label htmlFor={`schedule-${p.id}`} className="visually-hidden">
                    {t('calendar.scheduleOn', { title: p.title })}
                  </label>
                  <input
                    id={`schedule-${p.id}`}
                    type="date"
                    name="day"
                    required
                    {...PLANNING_DAY_RANGE}
                  />
                  <button type="submit" className="button-secondary">
                    {t('calendar.schedule')}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">
          {total
            ? t('calendar.backlogNoMatch', { search: query.search })
            : t('calendar.backlogEmpty')}
        </p>
      )}
      {more > 0 || query.search ? (
        <p className="inline no-print">
          {more > 0 ? (
            <Link
              className="button button-secondary"
              to={withBacklogQuery(calendarSearch, query, { shown: query.shown + BACKLOG_STEP })}
              preventScrollReset
            >
              {t('calendar.backlogMore', { count: more })}
            </Link>
          ) : null}
          {query.search ? (
            <Link
              className="button button-secondary"
              to={withBacklogQuery(calendarSearch, query, { search: '', shown: BACKLOG_STEP })}
              preventScrollReset
            >
              {t('calendar.backlogFilter.clear')}
            </Link>
          ) : null}
        </p>
      ) : null}
    </aside>
  );
}
