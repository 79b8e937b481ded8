import type { LoaderFunctionArgs } from '@remix-run/node';
import Papa from 'papaparse';
import { hasBadDate, parseCalendarQuery } from '~/domain/calendar/calendar-query';
import { isLocale } from '~/i18n';
import { piecesForOutput } from '~/models/output.server';
import { requirePermission } from '~/utils/auth.server';
import { invariantResponse } from '~/utils/misc';
import { formatDateTime } from '~/utils/format';
import { getFixedT, getLocale } from '~/utils/i18n.server';

/** The calendar view on screen (same range and filters) as CSV, in the reader's language. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'calendar:read');
  const params = new URL(request.url).searchParams;
  invariantResponse(!hasBadDate(params), 'errors.dateRange', { status: 400 });
  const query = parseCalendarQuery(params);
  // through the model's output gate: nothing a disclosure rule blocks leaves through an export
  const { pieces, anchor, timeZone } = await piecesForOutput({ viewer: user, query });
  const locale = await getLocale(request);
  const t = await getFixedT(isLocale(locale) ? locale : 'en');
  const csv = Papa.unparse(
    {
      fields: [
        t('calendar.columns.date'),
        t('calendar.columns.title'),
        t('calendar.columns.channel'),
        t('calendar.columns.status'),
        t('calendar.columns.owner'),
        t('calendar.columns.experts'),
        t('calendar.audience'),
      ],
      data: pieces.map((p) => [
        p.publishAt ? formatDateTime(p.publishAt, locale, timeZone) : '',
        p.title,
        t(`channels.${p.channel}`),
        t(`status.piece.${p.status}`),
        p.owner?.name ?? '',
        p.experts.map((e) => e.user.name).join(', '),
        p.audiences.map((a) => a.audience.name).join(', '),
      ]),
    },
    { escapeFormulae: true },
  );
  return new Response(`\uFEFF${csv}\r\n`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="lotse-calendar-${anchor}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
}
