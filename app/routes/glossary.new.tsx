import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { GlossaryForm } from '~/components/glossary-form';
import { MAX_TERM_LENGTH } from '~/domain/matching/glossary';
import { createConcept } from '~/models/glossary.server';
import { requirePermission } from '~/utils/auth.server';
import { intent, intentAction } from '~/utils/intent-action.server';
import { failureOf } from '~/utils/intent-result';
import { GlossaryFormSchema, readGlossaryForm } from '~/forms/glossary';
import { pageTitle } from '~/utils/meta';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'glossary.new');

/** The longest `term` a link may hand in; anything longer is no term but junk, and ignored. */
const MAX_QUERY_TERM = 100;

/**
 * `?term=…&lang=de|en`: a term to start the concept with (from a page that found it missing),
 * in the German (default) or English field. A term that could not be saved as one — too long,
 * with control characters, or with commas and line breaks that would make it several — is
 * ignored, and so is an unknown language.
 */
const PrefillSchema = z.object({
  term: z
    .string()
    .max(MAX_QUERY_TERM)
    .refine((raw) => !/[\p{Cc}\p{Cf},;]/u.test(raw))
    .transform((raw) => raw.normalize('NFC').trim().replace(/\s+/g, ' '))
    .pipe(z.string().min(1).max(MAX_TERM_LENGTH)),
  lang: z.enum(['de', 'en']).catch('de'),
});

function prefillFrom(params: URLSearchParams) {
  const parsed = PrefillSchema.safeParse({
    term: params.get('term') ?? '',
    lang: params.get('lang') ?? undefined,
  });
  return parsed.success ? parsed.data : null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'glossary:manage');
  return json({ prefill: prefillFrom(new URL(request.url).searchParams) });
}

export async function action(args: ActionFunctionArgs) {
  return intentAction(
    args,
    {
      save: intent({
        schema: GlossaryFormSchema,
        read: readGlossaryForm,
        run: ({ user, data }) => createConcept({ actorId: user.id, input: data }),
        done: ({ id }) => redirect(`/glossary/${id}?created=1`),
      }),
    },
    { default: 'save', guard: 'glossary:manage' },
  );
}

export default function NewConcept() {
  const failed = failureOf(useActionData<typeof action>(), 'save');
  const { prefill } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="new-concept-title">
      <p>
        <Link to="/glossary">{t('glossary.back')}</Link>
      </p>
      <h1 id="new-concept-title">{t('glossary.new')}</h1>
      <GlossaryForm
        values={
          failed?.values ?? {
            de: prefill?.lang === 'de' ? prefill.term : '',
            en: prefill?.lang === 'en' ? prefill.term : '',
            both: '',
            note: '',
          }
        }
        errors={failed?.errors}
        submitLabel={t('glossary.form.create')}
      />
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/components/error-boundary';
