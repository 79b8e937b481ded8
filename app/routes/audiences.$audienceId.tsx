import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AudienceForm } from '~/components/audience-form';
import { ChannelMix } from '~/components/channel-mix';
import { DeleteForm } from '~/components/delete-form';
import { NeedsTable } from '~/components/needs-table';
import { ProblemAlert } from '~/components/problem-alert';
import {
  profileFormValues,
  SourceLine,
  TechnographicsForm,
  TechnographicsSummary,
} from '~/components/technographics-form';
import { can } from '~/domain/permissions';
import { suggestChannelMix } from '~/domain/strategy/technographics';
import { deleteAudience, getAudience, updateAudience } from '~/models/audience.server';
import { getAudienceProfile, saveAudienceProfile } from '~/models/audience-profile.server';
import { AudienceFormSchema, readAudienceForm } from '~/forms/audience';
import { readTechnographicsForm, TechnographicsFormSchema } from '~/forms/technographics';
import { requirePermission } from '~/utils/auth.server';
import { DeleteSchema } from '~/forms/delete';
import { intent, intentAction } from '~/utils/intent-action.server';
import { errorsOf, failureOf } from '~/utils/intent-result';
import { pageTitle } from '~/utils/meta';
import { invariantResponse } from '~/utils/misc';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, 'audiences.title', data?.audience.name);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'audiences:read');
  const audience = await getAudience(params.audienceId ?? '');
  invariantResponse(audience, 'Not found', { status: 404 });
  const profile = await getAudienceProfile({ audienceId: audience.id });
  return json({
    audience,
    profile,
    mix: profile ? suggestChannelMix(profile.shares) : [],
    canManage: can(user.roles, 'audiences:manage'),
    canMatch: can(user.roles, 'matches:read'),
  });
}

export async function action(args: ActionFunctionArgs) {
  return intentAction(
    args,
    {
      save: intent({
        schema: AudienceFormSchema,
        read: readAudienceForm,
        run: ({ user, data, params }) =>
          updateAudience({
            id: params.audienceId ?? '',
            actorId: user.id,
            input: data,
            expectedVersion: data.expectedVersion ?? 0,
          }),
        problems: {
          notFound: 404,
          conflict: 409,
          nameTaken: { status: 409, field: 'name', key: 'audiences.form.nameTaken' },
        },
        done: (_, { params }) => redirect(`/audiences/${params.audienceId}?saved=1`),
      }),
      delete: intent({
        schema: DeleteSchema,
        run: async ({ user, data, params }) => {
          const id = params.audienceId ?? '';
          const name = (await getAudience(id))?.name ?? '';
          const outcome = await deleteAudience({ id, actorId: user.id, ...data });
          return outcome.ok ? { ...outcome, name } : outcome;
        },
        problems: { notFound: 404, conflict: 409, inUse: 409 },
        done: ({ name }) => redirect(`/audiences?deleted=${encodeURIComponent(name)}`),
      }),
      profile: intent({
        schema: TechnographicsFormSchema,
        read: readTechnographicsForm,
        run: ({ user, data, params }) =>
          saveAudienceProfile({
            audienceId: params.audienceId ?? '',
            actor: user,
            input: data,
            expectedVersion: data.expectedVersion,
          }),
        problems: { notFound: 404, conflict: 409 },
        done: (_, { params }) =>
          redirect(`/audiences/${params.audienceId}?profileSaved=1#technographics-title`),
      }),
    },
    { guard: 'audiences:manage' },
  );
}

export default function AudienceDetail() {
  const { audience, profile, mix, canManage, canMatch } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const saveFailure = failureOf(data, 'save');
  const profileFailure = failureOf(data, 'profile');
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const plannedNeeds = audience.needs.reduce((sum, n) => sum + n._count.pieces, 0);
  return (
    <article aria-labelledby="audience-title">
      <p>
        <Link to="/audiences">{t('audiences.back')}</Link>
      </p>
      <h1 id="audience-title">{audience.name}</h1>
      {params.get('created') ? (
        <p className="notice" role="status">
          {t('audiences.created')}
        </p>
      ) : params.get('saved') ? (
        <p className="notice" role="status">
          {t('audiences.saved')}
        </p>
      ) : params.get('profileSaved') ? (
        <p className="notice" role="status">
          {t('technographics.saved')}
        </p>
      ) : params.get('needDeleted') ? (
        <p className="notice" role="status">
          {t('audiences.needDeleted')}
        </p>
      ) : null}
      <ProblemAlert
        data={profileFailure ? null : data}
        message={(p) => t(`audiences.problems.${p}`)}
      />
      {canManage ? (
        <section className="card" aria-labelledby="audience-edit-title">
          <h2 id="audience-edit-title">{t('audiences.edit')}</h2>
          <AudienceForm
            values={saveFailure?.values ?? audience}
            errors={saveFailure?.errors}
            version={audience.version}
            submitLabel={t('audiences.form.save')}
            cancelTo="/audiences"
          />
        </section>
      ) : audience.description ? (
        <p>{audience.description}</p>
      ) : null}
      <section className="card" aria-labelledby="technographics-title">
        <h2 id="technographics-title">{t('technographics.title')}</h2>
        <p className="intro">{t('technographics.intro')}</p>
        <ProblemAlert data={profileFailure} message={(p) => t(`technographics.problems.${p}`)} />
        {canManage ? (
          <>
            {profile ? null : <p className="empty">{t('technographics.empty')}</p>}
            <TechnographicsForm
              values={profileFailure?.values ?? profileFormValues(profile)}
              errors={profileFailure?.errors}
              version={profile?.version}
            />
            {profile ? <SourceLine profile={profile} /> : null}
          </>
        ) : profile ? (
          <TechnographicsSummary profile={profile} />
        ) : (
          <p className="empty">{t('technographics.emptyReadOnly')}</p>
        )}
        {profile ? (
          <>
            <h3 id="channel-mix-title">{t('technographics.mix.title')}</h3>
            <p className="field-hint">{t('technographics.mix.intro')}</p>
            <ChannelMix mix={mix} />
          </>
        ) : null}
      </section>
      <section className="card" aria-labelledby="audience-needs-title">
        <div className="toolbar">
          <h2 id="audience-needs-title">{t('audiences.needs')}</h2>
          {canManage ? (
            <Link className="button" to={`/needs/new?audience=${audience.id}`}>
              {t('needs.new')}
            </Link>
          ) : null}
        </div>
        <NeedsTable needs={audience.needs} canManage={canManage} canMatch={canMatch} />
      </section>
      {canManage ? (
        <section className="card" aria-labelledby="audience-delete-title">
          <h2 id="audience-delete-title">{t('audiences.delete')}</h2>
          {audience._count.pieces + plannedNeeds > 0 ? (
            <p>{t('audiences.deleteBlocked')}</p>
          ) : (
            <DeleteForm
              version={audience.version}
              confirmLabel={t('audiences.deleteConfirm', { count: audience.needs.length })}
              buttonLabel={t('audiences.delete')}
              errors={errorsOf(data, 'delete')}
            />
          )}
        </section>
      ) : null}
    </article>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/components/error-boundary';
