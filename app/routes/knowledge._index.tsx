import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { pageTitle } from '~/utils/meta';
import { StatusBadge } from '~/components/labels';
import { countKnowledge, listKnowledge } from '~/models/knowledge.server';
import { requirePermission } from '~/utils/auth.server';
import { useFormat } from '~/utils/use-format';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'knowledge.title');

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'knowledge:read');
  const [items, total] = await Promise.all([
    listKnowledge({ viewer: user }),
    countKnowledge({ viewer: user }),
  ]);
  return json({ items, total });
}

export default function KnowledgeIndex() {
  const { items, total } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <>
      <h1>{t('knowledge.title')}</h1>
      <p className="intro">{t('knowledge.intro')}</p>
      <p>{t('knowledge.count', { count: total })}</p>
      {items.length ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('knowledge.columns.title')}</th>
              <th scope="col">{t('knowledge.columns.kind')}</th>
              <th scope="col">{t('knowledge.columns.language')}</th>
              <th scope="col">{t('knowledge.columns.department')}</th>
              <th scope="col">{t('knowledge.columns.expert')}</th>
              <th scope="col">{t('knowledge.columns.status')}</th>
              <th scope="col">{t('knowledge.columns.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td>
                  <Link to={item.id}>{item.title}</Link>
                  <div className="tags">
                    {item.tags.map(({ tag }) => (
                      <span key={tag.name} className="badge">
                        {tag.name}
                      </span>
                    ))}
                  </div>
                </td>
                <td>{t(`kinds.${item.kind}`)}</td>
                <td>{t(`contentLanguages.${item.language}`)}</td>
                <td>{item.department}</td>
                <td>
                  <Link to={`/experts/${item.owner.id}`}>{item.owner.name}</Link>
                </td>
                <td>
                  <StatusBadge kind="knowledge" status={item.status} />
                </td>
                <td>{f.shortDate(item.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="empty">{t('knowledge.empty')}</p>
      )}
    </>
  );
}
