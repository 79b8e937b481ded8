import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { NeedsTable } from '~/components/needs-table';
import { can } from '~/domain/permissions';
import { listAudiencesWithNeeds } from '~/models/audience.server';
import { requirePermission } from '~/utils/auth.server';
import { pageTitle } from '~/utils/meta';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'audiences.title');

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'audiences:read');
  return json({
    audiences: await listAudiencesWithNeeds(),
    canManage: can(user.roles, 'audiences:manage'),
    canMatch: can(user.roles, 'matches:read'),
  });
}

export default function AudiencesIndex() {
  const { audiences, canManage, canMatch } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const deleted = params.get('deleted');
  return (
    <>
      <div className="toolbar">
        <h1>{t('audiences.title')}</h1>
        {canManage ? (
          <div className="inline">
            <Link className="button" to="/audiences/new">
              {t('audiences.new')}
            </Link>
            <Link to="/glossary">{t('glossary.title')}</Link>
          </div>
        ) : null}
      </div>
      <p className="intro">{t('audiences.intro')}</p>
      {deleted ? (
        <p className="notice" role="status">
          {t('audiences.deleted', { name: deleted })}
        </p>
      ) : null}
      {audiences.length ? (
        audiences.map((a) => (
          <section key={a.id} className="card" aria-labelledby={`audience-${a.id}`}>
            <div className="toolbar">
              <h2 id={`audience-${a.id}`}>
                <Link to={`/audiences/${a.id}`}>{a.name}</Link>
              </h2>
              {canManage ? (
                <Link className="button button-secondary" to={`/needs/new?audience=${a.id}`}>
                  {t('needs.addTo', { audience: a.name })}
                </Link>
              ) : null}
            </div>
            {a.description ? <p>{a.description}</p> : null}
            <h3>{t('audiences.needs')}</h3>
            <NeedsTable needs={a.needs} canManage={canManage} canMatch={canMatch} />
          </section>
        ))
      ) : (
        <div className="empty">
          <p>{t('audiences.empty')}</p>
          {canManage ? <Link to="/audiences/new">{t('audiences.createFirst')}</Link> : null}
        </div>
      )}
    </>
  );
}
