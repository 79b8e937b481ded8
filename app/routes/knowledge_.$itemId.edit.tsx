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
import { parseForm, type FieldErrors } from '~/utils/forms';
import { parseJsonLinks } from '~/utils/json';
import { KnowledgeFormSchema, readKnowledgeForm } from '~/forms/knowledge';
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

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'knowledge:submit');
  const id = params.itemId ?? '';
  const { input, values } = await readKnowledgeForm(request);
  const result = parseForm(KnowledgeFormSchema, input);
  if (!result.ok) return json({ errors: result.errors, values, problem: null }, { status: 400 });
  const { intent, expectedVersion, ...data } = result.data;
  const outcome = await updateKnowledgeItem({
    id,
    actor: user,
    input: data,
    expectedVersion: expectedVersion ?? 0,
    submit: intent === 'submit',
  });
  if (!outcome.ok) {
    invariantResponse(outcome.problem !== 'notFound', 'Not found', { status: 404 });
    return json(
      { errors: {} as FieldErrors, values, problem: `knowledge.problems.${outcome.problem}` },
      { status: outcome.problem === 'conflict' ? 409 : 400 },
    );
  }
  return redirect(`/knowledge/${id}?done=${intent === 'submit' ? 'submitted' : 'saved'}`);
}

export default function EditKnowledgeItem() {
  const { item, tags, departments } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="edit-item-title">
      <h1 id="edit-item-title">{t('knowledge.edit')}</h1>
      <KnowledgeForm
        defaults={
          data?.values ?? {
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
        errors={data?.errors}
        problem={data?.problem}
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
