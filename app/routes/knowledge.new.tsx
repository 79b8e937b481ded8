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
import { prisma } from '~/utils/db.server';
import { requirePermission } from '~/utils/auth.server';
import { parseForm } from '~/utils/forms';
import { KnowledgeFormSchema, readKnowledgeForm } from '~/forms/knowledge';
import { pageTitle } from '~/utils/meta';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'knowledge.new');

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'knowledge:submit');
  const [profile, tags, facets] = await Promise.all([
    prisma.expertProfile.findUnique({ where: { userId: user.id }, select: { department: true } }),
    listTagNames(),
    inventoryFacets({ viewer: user }),
  ]);
  return json({ department: profile?.department ?? '', tags, departments: facets.departments });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'knowledge:submit');
  const { input, values } = await readKnowledgeForm(request);
  const result = parseForm(KnowledgeFormSchema, input);
  if (!result.ok) return json({ errors: result.errors, values }, { status: 400 });
  const { intent, expectedVersion: _v, ...data } = result.data;
  const item = await createKnowledgeItem({ owner: user, input: data, submit: intent === 'submit' });
  return redirect(`/knowledge/${item.id}?done=${intent === 'submit' ? 'submitted' : 'saved'}`);
}

export default function NewKnowledgeItem() {
  const { department, tags, departments } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="new-item-title">
      <h1 id="new-item-title">{t('knowledge.new')}</h1>
      <p className="intro">{t('knowledge.newIntro')}</p>
      <KnowledgeForm
        defaults={
          data?.values ?? {
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
        errors={data?.errors}
        tagSuggestions={tags}
        departments={departments}
        cancelTo="/knowledge"
        isDraft
      />
    </section>
  );
}
