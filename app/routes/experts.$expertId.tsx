import { json, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { pageTitle } from '~/utils/meta';
import { ChannelLabel, StatusBadge } from '~/components/labels';
import { can } from '~/domain/permissions';
import { ImpactList, useImpactPhrase } from '~/components/impact';
import { getExpert } from '~/models/expert.server';
import { expertImpact } from '~/models/results-impact.server';
import { requirePermission } from '~/utils/auth.server';
import { invariantResponse } from '~/utils/misc';
import { useFormat } from '~/utils/use-format';

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, 'experts.title', data?.expert.name);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'experts:read');
  // the pieces someone contributes to are planning data: shown to planners and to the expert
  const includePieces = can(user.roles, 'calendar:read-all') || user.id === params.expertId;
  const expert = await getExpert({ id: params.expertId ?? '', includePieces });
  invariantResponse(expert, 'Not found', { status: 404 });
  // what the pieces made with the expert's knowledge achieved: for the expert and results readers
  const impact = await expertImpact({ viewer: user, expertId: expert.id });
  return json({ expert, includePieces, impact });
}

export default function ExpertPage() {
  const { expert, includePieces, impact } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const f = useFormat();
  const phrase = useImpactPhrase();
  return (
    <article aria-labelledby="expert-name">
      <p>
        <Link to="/experts">{t('common.back')}</Link>
      </p>
      <h1 id="expert-name">{expert.name}</h1>
      <p>{expert.department}</p>
      <div className="tags" aria-label={t('experts.areas')}>
        {expert.areas.map((a) => (
          <span key={a} className="badge">
            {a}
          </span>
        ))}
      </div>
      {expert.bio ? <p>{expert.bio}</p> : null}
      <h2>{t('experts.acceptedItems')}</h2>
      {expert.items.length ? (
        <ul className="plain">
          {expert.items.map((i) => (
            <li key={i.id}>
              <Link to={`/knowledge/${i.id}`} lang={i.language}>
                {i.title}
              </Link>{' '}
              <span className="field-hint">{t(`kinds.${i.kind}`)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">{t('experts.noAcceptedItems')}</p>
      )}
      {impact ? (
        <section aria-labelledby="expert-impact">
          <h2 id="expert-impact">{t('impact.profileTitle')}</h2>
          {impact.pieces.length ? (
            <>
              <p>
                {t('impact.summary', {
                  count: impact.summary.pieces,
                  withResults: impact.summary.withResults,
                })}{' '}
                {impact.summary.totals.length
                  ? t('impact.totals', { totals: impact.summary.totals.map(phrase).join(', ') })
                  : null}
              </p>
              <ImpactList pieces={impact.pieces} />
            </>
          ) : (
            <p className="empty">{t('impact.noPieces')}</p>
          )}
        </section>
      ) : null}
      {includePieces ? (
        <>
          <h2>{t('experts.pieces')}</h2>
          {expert.pieces.length ? (
            <ul className="plain">
              {expert.pieces.map((p) => (
                <li key={p.id}>
                  <ChannelLabel channel={p.channel} /> {p.title}{' '}
                  <StatusBadge kind="piece" status={p.status} />{' '}
                  <span className="field-hint">
                    {p.publishAt ? f.shortDate(p.publishAt) : t('calendar.unscheduled')}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="empty">{t('experts.noPieces')}</p>
          )}
        </>
      ) : null}
    </article>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from '~/components/error-boundary';
