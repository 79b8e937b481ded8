import {
  json,
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
import { intentAction } from '~/utils/intent-action.server';
import { failureOf } from '~/utils/intent-result';
import { previewRuleIntent, saveRuleIntent } from './__rule-intents.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'rules.new');

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'rules:manage');
  return json({});
}

export async function action(args: ActionFunctionArgs) {
  return intentAction(
    args,
    { save: saveRuleIntent, preview: previewRuleIntent },
    { default: 'save', guard: 'rules:manage' },
  );
}

export default function NewRule() {
  const data = useActionData<typeof action>();
  const preview = data?.ok && data.intent === 'preview' ? data : null;
  const typed = preview?.values ?? failureOf(data, 'save')?.values;
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="new-rule-title">
      <h1 id="new-rule-title">{t('rules.new')}</h1>
      <RuleExamplesProblem data={data} />
      <RuleForm
        values={
          (typed as RuleFormValues | undefined) ?? { severity: 'block', kind: 'term', active: true }
        }
        errors={failureOf(data, 'save')?.errors}
        submitLabel={t('rules.form.create')}
        preview={preview?.reach ?? null}
      />
    </section>
  );
}
