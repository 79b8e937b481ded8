import type { LoaderFunctionArgs } from '@remix-run/node';
import { buildFeed } from '~/domain/calendar/ical';
import { isLocale } from '~/i18n';
import { feedForToken } from '~/models/output.server';
import { getWorkspace } from '~/models/workspace.server';
import { getFixedT } from '~/utils/i18n.server';

/**
 * A user's personal iCalendar feed at a secret, revocable address (/calendar/feed/<token>.ics).
 * It holds only what that user may see, written in their language. `?deadlines=1` adds stage
 * deadlines.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const file = params.file ?? '';
  const token = file.endsWith('.ics') ? file.slice(0, -4) : '';
  // the model's output gate keeps out what a disclosure rule blocks
  const feed = await feedForToken({ token, from: new Date(Date.now() - 90 * 24 * 3600 * 1000) });
  if (!feed) throw new Response('Not found', { status: 404 });
  const { owner, pieces } = feed;
  const url = new URL(request.url);
  const { timeZone } = await getWorkspace();
  const t = await getFixedT(isLocale(owner.locale) ? owner.locale : 'en');
  const body = buildFeed(
    pieces,
    {
      calendarName: t('calendar.feed.name', { name: owner.name }),
      channel: (c) => t(`channels.${c}`),
      status: (s) => t('calendar.feed.status', { status: t(`status.piece.${s}`) }),
      deadline: (stage, title) =>
        t('calendar.feed.deadline', { stage: t(`status.piece.${stage}`), title }),
    },
    { baseUrl: url.origin, timeZone, deadlines: url.searchParams.get('deadlines') === '1' },
  );
  return new Response(body, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="lotse.ics"',
      'Cache-Control': 'private, no-store',
    },
  });
}
