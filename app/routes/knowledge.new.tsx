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
import { createKnowledgeItem, inventoryFacets, listTagNames } from '~/models/knowledge.server';
import { expertDepartment } from '~/models/expert.server';
import { requirePermission } from '~/utils/auth.server';
import { intent, intentAction } from '~/utils/intent-action.server';
import { failureOf } from '~/utils/intent-result';
import { KnowledgeFormSchema, readKnowledgeFormData } from '~/forms/knowledge';
import { pageTitle } from '~/utils/meta';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'knowledge.new');

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'knowledge:submit');
  const [department, tags, facets] = await Promise.all([
    expertDepartment({ userId: user.id }),
    listTagNames(),
    inventoryFacets({ viewer: user }),
  ]);
  return json({ department, tags, departments: facets.departments });
}

/** Saves the new item as a draft, or submits it for review straight away. */
const create = (submit: boolean) =>
  intent({
    permission: 'knowledge:submit',
    schema: KnowledgeFormSchema,
    read: readKnowledgeFormData,
    run: async ({ user, data: { intent: _i, expectedVersion: _v, ...input } }) => ({
      ok: true as const,
      ...(await createKnowledgeItem({ owner: user, input, submit })),
    }),
    done: ({ id }) => redirect(`/knowledge/${id}?done=${submit ? 'submitted' : 'saved'}`),
  });

export async function action(args: ActionFunctionArgs) {
  return intentAction(
    args,
    { save: create(false), submit: create(true) },
    { guard: 'knowledge:submit' },
  );
}

export default function NewKnowledgeItem() {
  const { department, tags, departments } = useLoaderData<typeof loader>();
  const failed = failureOf(useActionData<typeof action>());
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="new-item-title">
      <h1 id="new-item-title">{t('knowledge.new')}</h1>
      <p className="intro">{t('knowledge.newIntro')}</p>
      <KnowledgeForm
        values={
          failed?.values ?? {
            title: '',
            summary: '',
            details: '',
            kind: 'expertise',
            language: '',
            department,
            tags: [],
            links: '',
          }
        }
        errors={failed?.errors}
        tagSuggestions={tags}
        departments={departments}
        cancelTo="/knowledge"
        isDraft
      />
    </section>
  );
}
