import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { pageTitle } from '~/utils/meta';
import { listUsers } from '~/models/user.server';
import { requirePermission } from '~/utils/auth.server';
import { useFormat } from '~/utils/use-format';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'users.title');

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'users:manage');
  return json({ users: await listUsers() });
}

export default function UsersIndex() {
  const { users } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const f = useFormat();
  const created = params.get('created');
  return (
    <>
      <div className="toolbar">
        <h1>{t('users.title')}</h1>
        <Link className="button" to="new">
          {t('users.new')}
        </Link>
      </div>
      <p className="intro">{t('users.intro')}</p>
      {created ? (
        <p className="notice" role="status">
          {t('users.created', { email: created })}
        </p>
      ) : null}
      {users.length ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('users.name')}</th>
              <th scope="col">{t('users.email')}</th>
              <th scope="col">{t('users.roles')}</th>
              <th scope="col">{t('users.status')}</th>
              <th scope="col">{t('users.lastLogin')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>
                  <Link to={u.id}>{u.name}</Link>
                </td>
                <td>{u.email}</td>
                <td>{u.roles.map((r) => t(`roles.${r.role}`)).join(', ')}</td>
                <td>
                  <span className="badge" data-tone={u.active ? 'ok' : 'danger'}>
                    {u.active ? t('users.active') : t('users.inactive')}
                  </span>
                </td>
                <td>{u.lastLoginAt ? f.dateTime(u.lastLoginAt) : t('users.never')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="empty">{t('users.empty')}</p>
      )}
    </>
  );
}
