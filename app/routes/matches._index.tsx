import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { pageTitle } from '~/utils/meta';
import { StatusBadge } from '~/components/labels';
import { listMatches } from '~/models/match.server';
import { requirePermission } from '~/utils/auth.server';
import { useFormat } from '~/utils/use-format';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'matches.title');

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'matches:read');
  return json({ matches: await listMatches() });
}

export default function MatchesIndex() {
  const { matches } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <>
      <h1>{t('matches.title')}</h1>
      <p className="intro">{t('matches.intro')}</p>
      {matches.length ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('matches.need')}</th>
              <th scope="col">{t('matches.item')}</th>
              <th scope="col">{t('matches.score')}</th>
              <th scope="col">{t('matches.decision')}</th>
            </tr>
          </thead>
          <tbody>
            {matches.map((m) => (
              <tr key={m.id}>
                <td lang={m.need.language}>
                  {m.need.text} <span className="field-hint">({m.need.audience.name})</span>
                </td>
                <td lang={m.knowledgeItem.language}>
                  <Link to={`/knowledge/${m.knowledgeItem.id}`}>{m.knowledgeItem.title}</Link>
                </td>
                <td>{f.number(Math.round(m.score * 100) / 100)}</td>
                <td>
                  <StatusBadge kind="match" status={m.decision} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="empty">{t('matches.empty')}</p>
      )}
    </>
  );
}
