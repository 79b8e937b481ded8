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
import { calendarFacets, createPiece, PieceReferenceError } from '~/models/piece.server';
import { getWorkspace } from '~/models/workspace.server';
import { requirePermission } from '~/utils/auth.server';
import { formDataToObject, parseForm } from '~/utils/forms';
import { pageTitle } from '~/utils/meta';
import { pieceFormSchema } from '~/forms/piece';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'calendar.newPiece');

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'calendar:plan');
  const params = new URL(request.url).searchParams;
  const date = params.get('date');
  const channel = params.get('channel');
  const { audiences, owners, experts } = await calendarFacets();
  return json({
    options: { audiences, owners, experts },
    defaults: {
      channel: CHANNELS.includes(channel as never) ? (channel as string) : 'blog',
      // quick-create on a day: 09:00 local time that day
      publishAt: isDay(date) ? `${date}T09:00` : '',
      ownerId: user.id,
    },
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'calendar:plan');
  const { timeZone } = await getWorkspace();
  const values = formDataToObject(await request.formData(), ['audiences', 'experts']);
  const result = parseForm(pieceFormSchema(timeZone), values);
  if (!result.ok) return json({ errors: result.errors, values }, { status: 400 });
  try {
    const piece = await createPiece({ actor: user, input: result.data.input });
    return redirect(`/calendar/${piece.id}?done=created`);
  } catch (error) {
    if (error instanceof PieceReferenceError)
      return json({ errors: error.errors, values }, { status: 400 });
    throw error;
  }
}

export default function NewPiece() {
  const { options, defaults } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="new-piece-title">
      <h1 id="new-piece-title">{t('calendar.newPiece')}</h1>
      <PieceForm
        values={(data?.values as Record<string, string | string[]>) ?? defaults}
        errors={data?.errors}
        options={options}
        submitLabel={t('calendar.form.create')}
        cancelTo="/calendar"
      />
    </section>
  );
}
