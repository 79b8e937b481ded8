import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { PieceForm } from '~/components/piece-form';
import { isDay } from '~/domain/calendar/calendar-query';
import { CHANNELS } from '~/domain/calendar/vocabulary';
import { listGoalChoices } from '~/models/piece-goals.server';
import { calendarFacets } from '~/models/piece-queries.server';
import { createPiece, referencesAsProblem } from '~/models/piece-writes.server';
import { requirePermission } from '~/utils/auth.server';
import { intent, intentAction } from '~/utils/intent-action.server';
import { failureOf } from '~/utils/intent-result';
import { pageTitle } from '~/utils/meta';
import { pieceFormIntent } from './__piece-form.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'calendar.newPiece');

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'calendar:plan');
  const params = new URL(request.url).searchParams;
  const date = params.get('date');
  const channel = params.get('channel');
  const [{ audiences, owners, experts }, goals] = await Promise.all([
    calendarFacets(),
    listGoalChoices(),
  ]);
  return json({
    options: { audiences, owners, experts, goals },
    defaults: {
      channel: CHANNELS.includes(channel as never) ? (channel as string) : 'blog',
      // quick-create on a day: 09:00 local time that day
      publishAt: isDay(date) ? `${date}T09:00` : '',
      ownerId: user.id,
    },
  });
}

export async function action(args: ActionFunctionArgs) {
  return intentAction(
    args,
    {
      save: intent({
        ...pieceFormIntent,
        run: ({ user, data }) =>
          referencesAsProblem(async () => ({
            ok: true as const,
            ...(await createPiece({ actor: user, input: data.input })),
          })),
        problems: { references: 400 },
        done: ({ id }) => redirect(`/calendar/${id}?done=created`),
      }),
    },
    { default: 'save', guard: 'calendar:plan' },
  );
}

export default function NewPiece() {
  const { options, defaults } = useLoaderData<typeof loader>();
  const failed = failureOf(useActionData<typeof action>(), 'save');
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="new-piece-title">
      <h1 id="new-piece-title">{t('calendar.newPiece')}</h1>
      <PieceForm
        values={(failed?.values as Record<string, string | string[]> | undefined) ?? defaults}
        errors={failed?.errors}
        options={options}
        submitLabel={t('calendar.form.create')}
        cancelTo="/calendar"
      />
    </section>
  );
}
