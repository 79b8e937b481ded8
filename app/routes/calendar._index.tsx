import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { pageTitle } from '~/utils/meta';
import { ChannelLabel, StatusBadge } from '~/components/labels';
import { getAgenda } from '~/models/piece.server';
import { requirePermission } from '~/utils/auth.server';
import { useFormat } from '~/utils/use-format';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'calendar.title');

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'calendar:read');
  const from = new Date(Date.now() - 7 * 24 * 3600 * 1000);
  return json(await getAgenda({ viewer: user, from }));
}

export default function CalendarIndex() {
  const { upcoming, backlog } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <>
      <h1>{t('calendar.title')}</h1>
      <p className="intro">{t('calendar.intro')}</p>
      <section aria-labelledby="agenda-title">
        <h2 id="agenda-title">{t('calendar.agenda')}</h2>
        {upcoming.length ? (
          <table>
            <thead>
              <tr>
                <th scope="col">{t('calendar.columns.date')}</th>
                <th scope="col">{t('calendar.columns.title')}</th>
                <th scope="col">{t('calendar.columns.channel')}</th>
                <th scope="col">{t('calendar.columns.status')}</th>
                <th scope="col">{t('calendar.columns.owner')}</th>
              </tr>
            </thead>
            <tbody>
              {upcoming.map((p) => (
                <tr key={p.id}>
                  <td>{p.publishAt ? f.dateTime(p.publishAt) : null}</td>
                  <td>{p.title}</td>
                  <td>
                    <ChannelLabel channel={p.channel} />
                  </td>
                  <td>
                    <StatusBadge kind="piece" status={p.status} />
                  </td>
                  <td>{p.owner?.name ?? t('common.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="empty">{t('calendar.empty')}</p>
        )}
      </section>
      <section aria-labelledby="backlog-title">
        <h2 id="backlog-title">{t('calendar.backlog')}</h2>
        {backlog.length ? (
          <ul className="plain">
            {backlog.map((p) => (
              <li key={p.id}>
                <ChannelLabel channel={p.channel} /> {p.title}{' '}
                <StatusBadge kind="piece" status={p.status} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">{t('calendar.backlogEmpty')}</p>
        )}
      </section>
    </>
  );
}
