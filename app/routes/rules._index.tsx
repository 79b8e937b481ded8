import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { pageTitle } from '~/utils/meta';
import { listRules } from '~/models/rule.server';
import { requirePermission } from '~/utils/auth.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'rules.title');

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'rules:read');
  return json({ rules: await listRules() });
}

export default function RulesIndex() {
  const { rules } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('rules.title')}</h1>
      <p className="intro">{t('rules.intro')}</p>
      {rules.length ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('rules.columns.name')}</th>
              <th scope="col">{t('rules.columns.category')}</th>
              <th scope="col">{t('rules.columns.severity')}</th>
              <th scope="col">{t('rules.columns.kind')}</th>
              <th scope="col">{t('rules.columns.patterns')}</th>
              <th scope="col">{t('rules.columns.active')}</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r) => (
              <tr key={r.id}>
                <td>{r.name}</td>
                <td>{r.category || t('common.none')}</td>
                <td>
                  <span className="badge" data-tone={r.severity === 'block' ? 'danger' : 'warn'}>
                    {t(`severity.${r.severity}`)}
                  </span>
                </td>
                <td>{t(`ruleKinds.${r.kind}`)}</td>
                <td>
                  <div className="tags">
                    {r.patterns.map((p) => (
                      <code key={p} className="badge">
                        {p}
                      </code>
                    ))}
                  </div>
                </td>
                <td>{r.active ? t('rules.activeYes') : t('rules.inactive')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="empty">{t('rules.empty')}</p>
      )}
    </>
  );
}
