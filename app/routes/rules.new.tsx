import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { useActionData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { RuleExamplesProblem } from '~/components/rule-examples-problem';
import { RuleForm, type RuleFormValues } from '~/components/rule-form';
import { requirePermission } from '~/utils/auth.server';
import { pageTitle } from '~/utils/meta';
import { saveRuleFromForm } from '~/utils/rule-actions.server';
import { previewReachFromForm } from '~/utils/rule-reach.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'rules.new');

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'rules:manage');
  return json({});
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'rules:manage');
  const form = await request.formData();
  if (form.get('intent') === 'preview') return previewReachFromForm(form, user);
  const saved = await saveRuleFromForm(form, user.id);
  if ('response' in saved) return saved.response;
  const { checked, movedBack } = saved.recheck;
  return redirect(`/rules/${saved.id}?checked=${checked}&movedBack=${movedBack}`);
}

export default function NewRule() {
  const data = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="new-rule-title">
      <h1 id="new-rule-title">{t('rules.new')}</h1>
      {data?.problem ? (
        <RuleExamplesProblem problem={data.problem} examples={data.examples} />
      ) : null}
      <RuleForm
        values={
          (data?.values as RuleFormValues) ?? { severity: 'block', kind: 'term', active: true }
        }
        errors={data?.errors}
        submitLabel={t('rules.form.create')}
        preview={data && 'reach' in data ? data.reach : null}
      />
    </section>
  );
}
