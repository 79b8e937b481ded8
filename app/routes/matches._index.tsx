import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { matchingOverview } from '~/models/matching.server';
import { requirePermission } from '~/utils/auth.server';
import { pageTitle } from '~/utils/meta';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'matches.title');

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'matches:read');
  const { audiences, unused } = await matchingOverview();
  return json({ audiences, unused });
}

export default function MatchesIndex() {
  const { audiences, unused } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const gaps = audiences.flatMap((a) =>
    a.needs.filter((n) => n._count.matches === 0).map((n) => ({ ...n, audience: a.name })),
  );
  return (
    <>
      <div className="toolbar">
        <h1>{t('matches.title')}</h1>
        <Link to="/glossary">{t('glossary.title')}</Link>
      </div>
      <p className="intro">{t('matches.intro')}</p>
      <div className="grid">
        <section className="card" aria-labelledby="gaps-title">
          <h2 id="gaps-title">{t('matches.gaps')}</h2>
          {gaps.length ? (
            <ul className="plain">
              {gaps.map((n) => (
                <li key={n.id}>
                  <Link to={n.id} lang={n.language}>
                    {n.text}
                  </Link>{' '}
                  <span className="field-hint">({n.audience})</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="empty">{t('dashboard.editor.gapsEmpty')}</p>
          )}
        </section>
        <section className="card" aria-labelledby="unused-title">
          <h2 id="unused-title">{t('matches.unused')}</h2>
          {unused.length ? (
            <ul className="plain">
              {unused.map((i) => (
                <li key={i.id}>
                  <Link to={`/knowledge/${i.id}`} lang={i.language}>
                    {i.title}
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <p className="empty">{t('matches.unusedEmpty')}</p>
          )}
        </section>
      </div>
      {audiences.map((a) => (
        <section key={a.id} className="card" aria-labelledby={`aud-${a.id}`}>
          <h2 id={`aud-${a.id}`}>{a.name}</h2>
          {a.needs.length ? (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('matches.need')}</th>
                  <th scope="col">{t('audiences.priority')}</th>
                  <th scope="col">{t('audiences.acceptedMatches')}</th>
                </tr>
              </thead>
              <tbody>
                {a.needs.map((n) => (
                  <tr key={n.id}>
                    <td>
                      <Link to={n.id} lang={n.language}>
                        {n.text}
                      </Link>
                    </td>
                    <td>{t(`priority.${n.priority}`)}</td>
                    <td>{n._count.matches}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="empty">{t('audiences.needsEmpty')}</p>
          )}
        </section>
      ))}
    </>
  );
}
