import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { pageTitle } from '~/utils/meta';
import { listAudiencesWithNeeds } from '~/models/audience.server';
import { requirePermission } from '~/utils/auth.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'audiences.title');

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'audiences:read');
  return json({ audiences: await listAudiencesWithNeeds() });
}

export default function AudiencesIndex() {
  const { audiences } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('audiences.title')}</h1>
      <p className="intro">{t('audiences.intro')}</p>
      {audiences.length ? (
        audiences.map((a) => (
          <section key={a.id} className="card" aria-labelledby={`audience-${a.id}`}>
            <h2 id={`audience-${a.id}`}>{a.name}</h2>
            <p>{a.description}</p>
            <h3>{t('audiences.needs')}</h3>
            {a.needs.length ? (
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('matches.need')}</th>
                    <th scope="col">{t('audiences.priority')}</th>
                    <th scope="col">{t('knowledge.columns.language')}</th>
                    <th scope="col">{t('knowledge.columns.tags')}</th>
                    <th scope="col">{t('audiences.acceptedMatches')}</th>
                  </tr>
                </thead>
                <tbody>
                  {a.needs.map((n) => (
                    <tr key={n.id}>
                      <td lang={n.language}>{n.text}</td>
                      <td>{t(`priority.${n.priority}`)}</td>
                      <td>{t(`contentLanguages.${n.language}`)}</td>
                      <td>
                        <div className="tags">
                          {n.tags.map(({ tag }) => (
                            <span key={tag.name} className="badge">
                              {tag.name}
                            </span>
                          ))}
                        </div>
                      </td>
                      <td>{n._count.matches}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p className="empty">{t('audiences.needsEmpty')}</p>
            )}
          </section>
        ))
      ) : (
        <p className="empty">{t('audiences.empty')}</p>
      )}
    </>
  );
}
