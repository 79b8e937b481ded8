import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { pageTitle } from '~/utils/meta';
import { StatusBadge } from '~/components/labels';
import { getKnowledgeItem } from '~/models/knowledge.server';
import { requirePermission } from '~/utils/auth.server';
import { invariantResponse } from '~/utils/misc';
import { useFormat } from '~/utils/use-format';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, 'knowledge.title', data?.item.title);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'knowledge:read');
  const item = await getKnowledgeItem({ id: params.itemId ?? '', viewer: user });
  invariantResponse(item, 'Not found', { status: 404 });
  return json({ item });
}

export default function KnowledgeItemPage() {
  const { item } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <article className="card" aria-labelledby="item-title">
      <p>
        <Link to="/knowledge">{t('common.back')}</Link>
      </p>
      <h1 id="item-title" lang={item.language}>
        {item.title}
      </h1>
      <p>
        <StatusBadge kind="knowledge" status={item.status} /> · {t(`kinds.${item.kind}`)} ·{' '}
        {t(`contentLanguages.${item.language}`)} · {item.department} ·{' '}
        <Link to={`/experts/${item.owner.id}`}>{item.owner.name}</Link>
      </p>
      <div className="tags">
        {item.tags.map(({ tag }) => (
          <span key={tag.name} className="badge">
            {tag.name}
          </span>
        ))}
      </div>
      <p lang={item.language}>{item.summary}</p>
      {item.details ? (
        <p lang={item.language} style={{ whiteSpace: 'pre-wrap' }}>
          {item.details}
        </p>
      ) : null}
      {item.transitions.length ? (
        <>
          <h2>{t('knowledge.history')}</h2>
          <ol>
            {item.transitions.map((tr) => (
              <li key={tr.id}>
                {f.dateTime(tr.createdAt)} · {tr.actor.name}:{' '}
                <StatusBadge kind="knowledge" status={tr.toStatus} />
                {tr.comment ? <> — {tr.comment}</> : null}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </article>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/components/error-boundary';
