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
import { ProblemAlert } from '~/components/problem-alert';
import {
  createKnowledgeItem,
  createKnowledgeItemAnswering,
  inventoryFacets,
  listTagNames,
} from '~/models/knowledge.server';
import { expertDepartment } from '~/models/expert.server';
import { topicRequestToAnswer } from '~/models/topic-request.server';
import { TopicRequestSummary } from '~/components/topic-request-summary';
import { requirePermission } from '~/utils/auth.server';
import { intent, intentAction } from '~/utils/intent-action.server';
import { failureOf } from '~/utils/intent-result';
import { KnowledgeFormSchema, readKnowledgeFormData, readRequestId } from '~/forms/knowledge';
import { pageTitle } from '~/utils/meta';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'knowledge.new');

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'knowledge:submit');
  // `?request=<id>`: the expert answers an editor's topic request (from the dashboard)
  const requestId = readRequestId(new URL(request.url).searchParams.get('request'));
  const [department, tags, facets, topicRequest] = await Promise.all([
    expertDepartment({ userId: user.id }),
    listTagNames(),
    inventoryFacets({ viewer: user }),
    requestId ? topicRequestToAnswer({ id: requestId }) : Promise.resolve(null),
  ]);
  return json({
    department,
    tags,
    departments: facets.departments,
    // asked for, but unknown or no longer open: the form proposes a topic without it
    requestGone: Boolean(requestId) && topicRequest?.status !== 'open',
    topicRequest: topicRequest?.status === 'open' ? topicRequest : null,
  });
}

/** Saves the new item as a draft, or submits it for review straight away. */
const create = (submit: boolean) =>
  intent({
    permission: 'knowledge:submit',
    schema: KnowledgeFormSchema,
    read: readKnowledgeFormData,
    run: async ({ user, form, data: { intent: _i, expectedVersion: _v, ...input } }) => {
      const requestId = readRequestId(form.get('requestId'));
      if (requestId === null)
        return {
          ok: true as const,
          ...(await createKnowledgeItem({ owner: user, input, submit })),
        };
      return createKnowledgeItemAnswering({ owner: user, input, submit, requestId });
    },
    problems: { requestNotFound: 409, requestClosed: 409 },
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
  const { department, tags, departments, topicRequest, requestGone } =
    useLoaderData<typeof loader>();
  const failed = failureOf(useActionData<typeof action>());
  const { t } = useTranslation();
  // a request closed (or gone) while the expert wrote: the form goes on without it
  const answering =
    topicRequest && failed?.problem !== 'requestClosed' && failed?.problem !== 'requestNotFound'
      ? topicRequest
      : null;
  return (
    <section className="card" aria-labelledby="new-item-title">
      <h1 id="new-item-title">{t('knowledge.new')}</h1>
      <p className="intro">{t('knowledge.newIntro')}</p>
      {answering ? (
        <TopicRequestSummary request={answering} />
      ) : requestGone ? (
        <p className="notice" role="status">
          {t('topicRequests.answer.gone')}
        </p>
      ) : null}
      <ProblemAlert data={failed} message={(p) => t(`topicRequests.problems.${p}`)} />
      <KnowledgeForm
        values={
          failed?.values ?? {
            title: '',
            summary: '',
            details: '',
            kind: 'expertise',
            language: '',
            department: topicRequest?.department ?? department,
            tags: [],
            links: '',
          }
        }
        errors={failed?.errors}
        tagSuggestions={tags}
        departments={departments}
        cancelTo="/knowledge"
        isDraft
      >
        {answering ? <input type="hidden" name="requestId" value={answering.id} /> : null}
      </KnowledgeForm>
    </section>
  );
}
