import {
  json,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { RuleExamplesProblem } from '~/components/rule-examples-problem';
import { RuleForm, type RuleFormValues } from '~/components/rule-form';
import { getRule, restoreRevision } from '~/models/rule.server';
import { requirePermission } from '~/utils/auth.server';
import { pageTitle } from '~/utils/meta';
import { invariantResponse } from '~/utils/misc';
import { intent, intentAction } from '~/utils/intent-action.server';
import { failureOf } from '~/utils/intent-result';
import { afterRuleSaved, previewRuleIntent, saveRuleIntent } from './__rule-intents.server';
import { useFormat } from '~/utils/use-format';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, 'rules.title', data?.rule.name);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'rules:manage');
  const rule = await getRule(params.ruleId ?? '');
  invariantResponse(rule, 'Not found', { status: 404 });
  return json({ rule });
}

export async function action(args: ActionFunctionArgs) {
  return intentAction(
    args,
    {
      save: saveRuleIntent,
      preview: previewRuleIntent,
      restore: intent({
        schema: z.object({ revision: z.coerce.number().int().positive() }),
        run: ({ user, data, params }) =>
          restoreRevision({ id: params.ruleId ?? '', revision: data.revision, actorId: user.id }),
        problems: { notFound: 404, conflict: 400, keyTaken: 400, examplesFail: 400 },
        done: ({ id, recheck }) => afterRuleSaved(id, recheck),
      }),
    },
    { default: 'save', guard: 'rules:manage' },
  );
}

export default function RulePage() {
  const { rule } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const preview = data?.ok && data.intent === 'preview' ? data : null;
  const typed = preview?.values ?? failureOf(data, 'save')?.values;
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const f = useFormat();
  const checked = params.get('checked');
  const values: RuleFormValues = {
    key: rule.key,
    name: rule.name,
    category: rule.category,
    severity: rule.severity,
    kind: rule.kind,
    patterns: rule.patterns.join('\n'),
    exceptions: rule.exceptions.join('\n'),
    window: rule.window?.toString() ?? '',
    message: rule.message,
    rationale: rule.rationale,
    examplesMatch: rule.examplesMatch.join('\n'),
    examplesNoMatch: rule.examplesNoMatch.join('\n'),
    active: rule.active,
  };
  return (
    <article aria-labelledby="rule-title">
      <p>
        <Link to="/rules">{t('rules.back')}</Link>
      </p>
      <h1 id="rule-title">{rule.name}</h1>
      {checked ? (
        <p className="notice" role="status">
          {t('rules.saved', {
            checked: Number(checked),
            movedBack: Number(params.get('movedBack') ?? 0),
          })}
        </p>
      ) : null}
      <RuleExamplesProblem data={data} />
      <section className="card" aria-labelledby="edit-rule-title">
        <h2 id="edit-rule-title">{t('rules.edit', { revision: rule.revision })}</h2>
        <RuleForm
          key={rule.revision}
          values={(typed as RuleFormValues | undefined) ?? values}
          errors={failureOf(data, 'save')?.errors}
          revision={rule.revision}
          submitLabel={t('rules.form.save')}
          preview={preview?.reach ?? null}
        />
      </section>
      <section className="card" aria-labelledby="revisions-title">
        <h2 id="revisions-title">{t('rules.revisions')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('rules.revision')}</th>
              <th scope="col">{t('rules.when')}</th>
              <th scope="col">{t('rules.who')}</th>
              <th scope="col">{t('rules.what')}</th>
              <th scope="col">{t('rules.columns.patterns')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('rules.restore')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rule.revisions.map((r) => (
              <tr key={r.id}>
                <td>{r.revision}</td>
                <td>{f.dateTime(r.createdAt)}</td>
                <td>{r.author ?? t('common.none')}</td>
                <td>{r.changeNote || t('common.none')}</td>
                <td>
                  <code>{(r.definition.patterns ?? []).join(', ')}</code>
                </td>
                <td>
                  {r.revision !== rule.revision ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="restore" />
                      <input type="hidden" name="revision" value={r.revision} />
                      <button type="submit" className="button-secondary">
                        {t('rules.restoreRevision', { revision: r.revision })}
                      </button>
                    </Form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </article>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/components/error-boundary';
