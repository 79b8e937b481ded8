import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { matchingOverview } from '~/models/matching.server';
import { needsServed } from '~/models/results-impact.server';
import { requirePermission } from '~/utils/auth.server';
import { pageTitle } from '~/utils/meta';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'matches.title');

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'matches:read');
  // ?audience=<id> lists all of that audience's needs; the others show their most pressing ones
  const expand = new URL(request.url).searchParams.get('audience');
  const { audiences, gaps, gapCount, unused } = await matchingOverview({ expand });
  // whether the published pieces serving each need perform (app/domain/results/needs.ts)
  const served = await needsServed(audiences.flatMap((a) => a.needs.map((n) => n.id)));
  return json({ audiences, gaps, gapCount, unused, served });
}

export default function MatchesIndex() {
  const { audiences, gaps, gapCount, unused, served } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
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
          {gapCount > gaps.length ? (
            <p className="field-hint">
              {t('matches.gapsMore', { shown: gaps.length, count: gapCount })}
            </p>
          ) : null}
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
      <p className="field-hint">{t('matches.served.hint')}</p>
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
                  <th scope="col">{t('matches.served.column')}</th>
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
                    <td>{t(`matches.served.${served[n.id] ?? 'unserved'}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="empty">{t('audiences.needsEmpty')}</p>
          )}
          {a.needCount > a.needs.length ? (
            <p>
              <Link to={`?audience=${a.id}#aud-${a.id}`} preventScrollReset>
                {t('matches.allNeeds', { count: a.needCount, audience: a.name })}
              </Link>
            </p>
          ) : a.collapsible ? (
            <p>
              <Link to={`.#aud-${a.id}`}>{t('matches.fewerNeeds')}</Link>
            </p>
          ) : null}
        </section>
      ))}
    </>
  );
}
