import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { KnowledgeForm } from '~/components/knowledge-form';
import { canEdit } from '~/domain/knowledge/workflow';
import type { KnowledgeStatus } from '~/domain/knowledge/vocabulary';
import {
  getKnowledgeItem,
  inventoryFacets,
  listTagNames,
  updateKnowledgeItem,
} from '~/models/knowledge.server';
import { requirePermission } from '~/utils/auth.server';
import { intent, intentAction } from '~/utils/intent-action.server';
import { failureOf } from '~/utils/intent-result';
import { parseJsonLinks } from '~/utils/json';
import { KnowledgeFormSchema, readKnowledgeFormData } from '~/forms/knowledge';
import { pageTitle } from '~/utils/meta';
import { invariantResponse } from '~/utils/misc';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, 'knowledge.edit', data?.item.title);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'knowledge:submit');
  const item = await getKnowledgeItem({ id: params.itemId ?? '', viewer: user });
  invariantResponse(item, 'Not found', { status: 404 });
  invariantResponse(
    canEdit(item.status as KnowledgeStatus, {
      isOwner: item.ownerId === user.id,
      canReview: false,
    }),
    'Forbidden',
    {
      status: 403,
    },
  );
  const [tags, facets] = await Promise.all([listTagNames(), inventoryFacets({ viewer: user })]);
  return json({ item, tags, departments: facets.departments });
}

/** Saves the expert's changes, or saves and submits them for review. */
const update = (submit: boolean) =>
  intent({
    permission: 'knowledge:submit',
    schema: KnowledgeFormSchema,
    read: readKnowledgeFormData,
    run: ({ user, data: { intent: _i, expectedVersion, ...input }, params }) =>
      updateKnowledgeItem({
        id: params.itemId ?? '',
        actor: user,
        input,
        expectedVersion: expectedVersion ?? 0,
        submit,
      }),
    problems: {
      notFound: 404,
      conflict: 409,
      notEditable: 400,
      notAllowed: 400,
      wrongStatus: 400,
      commentRequired: 400,
    },
    done: (_, { params }) =>
      redirect(`/knowledge/${params.itemId}?done=${submit ? 'submitted' : 'saved'}`),
  });

export async function action(args: ActionFunctionArgs) {
  return intentAction(
    args,
    { save: update(false), submit: update(true) },
    { guard: 'knowledge:submit' },
  );
}

export default function EditKnowledgeItem() {
  const { item, tags, departments } = useLoaderData<typeof loader>();
  const failed = failureOf(useActionData<typeof action>());
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="edit-item-title">
      <h1 id="edit-item-title">{t('knowledge.edit')}</h1>
      <KnowledgeForm
        values={
          failed?.values ?? {
            title: item.title,
            summary: item.summary,
            details: item.details,
            kind: item.kind,
            language: item.language,
            department: item.department,
            tags: item.tags.map((x) => x.tag.name),
            links: parseJsonLinks(item.links)
              .map((l) => l.url)
              .join('\n'),
          }
        }
        errors={failed?.errors}
        problem={failed?.problem ? `knowledge.problems.${failed.problem}` : null}
        tagSuggestions={tags}
        departments={departments}
        version={item.version}
        cancelTo={`/knowledge/${item.id}`}
        isDraft={item.status === 'draft'}
      />
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/components/error-boundary';
