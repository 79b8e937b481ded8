import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FilterSelect } from '~/components/filter-select';
import { auditQueryToSearch, parseAuditQuery } from '~/domain/audit';
import { auditFilterOptions, listAuditEvents, SYSTEM_ACTOR } from '~/models/audit.server';
import { getWorkspace } from '~/models/workspace.server';
import { requirePermission } from '~/utils/auth.server';
import { pageTitle } from '~/utils/meta';
import { useFormat } from '~/utils/use-format';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'audit.title');

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'audit:read');
  const query = parseAuditQuery(new URL(request.url).searchParams);
  const { timeZone } = await getWorkspace();
  const [result, options] = await Promise.all([
    listAuditEvents({ query, timeZone, viewer: user }),
    auditFilterOptions(),
  ]);
  return json({ ...result, query: { ...query, page: result.page }, options });
}

export default function AuditLog() {
  const { events, total, page, pages, query, options } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const f = useFormat();
  const filtered = Boolean(query.actor || query.action || query.from || query.to);
  const actionLabel = (action: string) => t(`audit.actions.${action}`, { defaultValue: action });
  return (
    <>
      <h1>{t('audit.title')}</h1>
      <p className="intro">{t('audit.intro')}</p>
      <Form
        method="get"
        className="filters"
        role="search"
        aria-label={t('audit.filters.title')}
        key={JSON.stringify(query)}
      >
        <FilterSelect
          id="audit-actor"
          name="actor"
          label={t('audit.filters.actor')}
          current={query.actor}
          options={[
            ...options.actors.map((a) => ({ value: a.id, label: a.name })),
            { value: SYSTEM_ACTOR, label: t('audit.system') },
          ]}
        />
        <FilterSelect
          id="audit-action"
          name="action"
          label={t('audit.filters.action')}
          current={query.action}
          options={options.actions.map((a) => ({ value: a, label: actionLabel(a) }))}
        />
        <div className="field">
          <label htmlFor="audit-from">{t('audit.filters.from')}</label>
          <input id="audit-from" type="date" name="from" defaultValue={query.from} />
        </div>
        <div className="field">
          <label htmlFor="audit-to">{t('audit.filters.to')}</label>
          <input id="audit-to" type="date" name="to" defaultValue={query.to} />
        </div>
        <button type="submit">{t('audit.filters.apply')}</button>
        {filtered ? <Link to="/audit">{t('audit.filters.reset')}</Link> : null}
      </Form>

      <p role="status">{t('audit.count', { count: total })}</p>
      {events.length ? (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t('audit.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('audit.columns.time')}</th>
                <th scope="col">{t('audit.columns.actor')}</th>
                <th scope="col">{t('audit.columns.action')}</th>
                <th scope="col">{t('audit.columns.subject')}</th>
                <th scope="col">{t('audit.columns.details')}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td>
                    <time dateTime={e.createdAt}>{f.dateTime(e.createdAt)}</time>
                  </td>
                  <td>{e.actor?.name ?? t('audit.system')}</td>
                  <td>{actionLabel(e.action)}</td>
                  <td>
                    <span className="badge">
                      {t(`audit.entities.${e.subject.type}`, { defaultValue: e.subject.type })}
                    </span>{' '}
                    {e.subject.many ? (
                      t('audit.several')
                    ) : e.subject.href && e.subject.name ? (
                      <Link to={e.subject.href}>{e.subject.name}</Link>
                    ) : (
                      (e.subject.name ?? '')
                    )}
                  </td>
                  <td>
                    {e.changes === null ? (
                      t('audit.hidden')
                    ) : e.changes.length ? (
                      <ul>
                        {e.changes.map((c) => (
                          <li key={c.field}>
                            <strong>{c.field}</strong>:{' '}
                            {c.before !== undefined && c.after !== undefined
                              ? t('audit.changed', { before: c.before, after: c.after })
                              : (c.after ?? t('audit.removed', { before: c.before }))}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="empty">{filtered ? t('audit.emptyFiltered') : t('audit.empty')}</p>
      )}

      {pages > 1 ? (
        <nav className="pagination" aria-label={t('audit.pagination')}>
          {page > 1 ? (
            <Link to={`/audit${auditQueryToSearch({ ...query, page: page - 1 })}`}>
              {t('knowledge.table.previous')}
            </Link>
          ) : (
            <span aria-disabled="true">{t('knowledge.table.previous')}</span>
          )}
          <span>{t('knowledge.table.pageOf', { page, pages })}</span>
          {page < pages ? (
            <Link to={`/audit${auditQueryToSearch({ ...query, page: page + 1 })}`}>
              {t('knowledge.table.next')}
            </Link>
          ) : (
            <span aria-disabled="true">{t('knowledge.table.next')}</span>
          )}
        </nav>
      ) : null}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/components/error-boundary';
