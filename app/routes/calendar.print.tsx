import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AgendaView } from '~/components/calendar-views';
import {
  calendarQueryToSearch,
  hasBadDate,
  parseCalendarQuery,
} from '~/domain/calendar/calendar-query';
import { milestonesForOutput, piecesForOutput } from '~/models/output.server';
import { requirePermission } from '~/utils/auth.server';
import { invariantResponse } from '~/utils/misc';
import { pageTitle } from '~/utils/meta';
import { useFormat } from '~/utils/use-format';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'calendar.printView.title');

/**
 * The print view: the calendar view's range and filters as a plain list, through the same output
 * gate as the CSV export, so a printed plan never shows what a disclosure rule blocks.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'calendar:read');
  const params = new URL(request.url).searchParams;
  invariantResponse(!hasBadDate(params), 'errors.dateRange', { status: 400 });
  const query = parseCalendarQuery(params);
  const { pieces, withheld, anchor, from, to, timeZone } = await piecesForOutput({
    viewer: user,
    query,
  });
  const milestones = await milestonesForOutput({ viewer: user, from, to, timeZone });
  return json({
    pieces,
    milestones,
    withheld,
    from: from.toISOString(),
    // the last day shown, not the instant after it
    to: new Date(to.getTime() - 1).toISOString(),
    back: `/calendar${calendarQueryToSearch(query, { date: anchor })}`,
  });
}

export default function CalendarPrint() {
  const { pieces, milestones, withheld, from, to, back } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <article className="print-view" aria-labelledby="print-title">
      <p className="inline no-print">
        <Link to={back}>{t('calendar.back')}</Link>
        <button type="button" className="button" onClick={() => window.print()}>
          {t('calendar.print')}
        </button>
      </p>
      <h1 id="print-title">
        {t('calendar.printView.heading', { from: f.longDate(from), to: f.longDate(to) })}
      </h1>
      {withheld ? (
        <p className="callout" role="note">
          {t('calendar.printView.withheld', { count: withheld })}
        </p>
      ) : null}
      <AgendaView pieces={pieces} milestones={milestones} />
    </article>
  );
}
