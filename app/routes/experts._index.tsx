import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { pageTitle } from '~/utils/meta';
import { listExperts } from '~/models/expert.server';
import { requirePermission } from '~/utils/auth.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'experts.title');

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'experts:read');
  return json({ experts: await listExperts() });
}

export default function ExpertsIndex() {
  const { experts } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('experts.title')}</h1>
      <p className="intro">{t('experts.intro')}</p>
      {experts.length ? (
        <div className="grid">
          {experts.map((e) => (
            <section key={e.id} className="card" aria-labelledby={`expert-${e.id}`}>
              <h2 id={`expert-${e.id}`}>
                <Link to={e.id}>{e.name}</Link>
              </h2>
              <p>{e.department}</p>
              <div className="tags" aria-label={t('experts.areas')}>
                {e.areas.map((a) => (
                  <span key={a} className="badge">
                    {a}
                  </span>
                ))}
              </div>
              <p className="field-hint">{t('experts.accepted', { count: e.acceptedCount })}</p>
            </section>
          ))}
        </div>
      ) : (
        <p className="empty">{t('experts.empty')}</p>
      )}
    </>
  );
}
