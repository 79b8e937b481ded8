import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { InventoryFilters } from '~/components/inventory-filters';
import { InventoryTable } from '~/components/inventory-table';
import { parseInventoryQuery } from '~/domain/knowledge/inventory-query';
import { can } from '~/domain/permissions';
import { bulkKnowledgeAction, inventoryFacets, queryInventory } from '~/models/knowledge.server';
import { requirePermission } from '~/utils/auth.server';
import { intent, intentAction } from '~/utils/intent-action.server';
import { BulkSchema } from '~/forms/knowledge';
import { pageTitle } from '~/utils/meta';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'knowledge.title');

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'knowledge:read');
  const query = parseInventoryQuery(new URL(request.url).searchParams);
  const [result, facets] = await Promise.all([
    queryInventory({ viewer: user, query }),
    inventoryFacets({ viewer: user }),
  ]);
  return json({
    ...result,
    query: { ...query, page: result.page },
    facets,
    canSubmit: can(user.roles, 'knowledge:submit'),
    canReview: can(user.roles, 'knowledge:review'),
  });
}

/** Bulk actions of reviewers on the selected rows. */
export async function action(args: ActionFunctionArgs) {
  return intentAction(
    args,
    {
      bulk: intent({
        schema: BulkSchema,
        arrays: ['ids'],
        run: async ({ user, data: { action, ids, tag } }) => ({
          ok: true as const,
          ...(await bulkKnowledgeAction({ ids, actor: user, action, tag })),
        }),
        done: ({ changed, skipped }) => json({ ok: true as const, changed, skipped }),
      }),
    },
    { guard: 'knowledge:review' },
  );
}

export default function KnowledgeIndex() {
  const { rows, total, page, pages, query, facets, canSubmit, canReview } =
    useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <div className="toolbar">
        <h1>{t('knowledge.title')}</h1>
        <div className="inline">
          {canSubmit ? (
            <Link className="button" to="new">
              {t('knowledge.new')}
            </Link>
          ) : null}
          {canReview ? (
            <Link className="button button-secondary" to="import">
              {t('knowledge.import.title')}
            </Link>
          ) : null}
        </div>
      </div>
      <p className="intro">{t('knowledge.intro')}</p>
      <InventoryFilters query={query} facets={facets} />
      <InventoryTable
        rows={rows}
        total={total}
        page={page}
        pages={pages}
        query={query}
        canReview={canReview}
      />
    </>
  );
}
