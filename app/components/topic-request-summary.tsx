import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '~/utils/use-format';

export type TopicRequestShown = {
  id: string;
  text: string;
  department: string;
  need: { id: string; text: string; language: string };
  /** open | closed */
  status?: string;
  /** answered | withdrawn, when closed */
  closedReason?: string | null;
  createdAt?: string;
  requestedBy?: { name: string } | null;
};

/**
 * The editor's topic request a knowledge item answers: what was asked, for which need, of which
 * department, and (on the item's page) who asked, when, and whether the request is still open.
 * `needLink` links the need to its matching page for those who may read it.
 */
export function TopicRequestSummary({
  request,
  needLink = false,
}: {
  request: TopicRequestShown;
  needLink?: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const state = !request.status
    ? null
    : request.status === 'open'
      ? 'open'
      : request.closedReason === 'withdrawn'
        ? 'withdrawn'
        : 'answered';
  return (
    <section className="notice" aria-labelledby={`request-${request.id}-title`}>
      <h2 id={`request-${request.id}-title`}>{t('topicRequests.answer.title')}</h2>
      <dl>
        <dt>{t('topicRequests.answer.request')}</dt>
        <dd>{request.text}</dd>
        <dt>{t('topicRequests.answer.need')}</dt>
        <dd lang={request.need.language}>
          {needLink ? (
            <Link to={`/matches/${request.need.id}`}>{request.need.text}</Link>
          ) : (
            request.need.text
          )}
        </dd>
        <dt>{t('topicRequests.answer.department')}</dt>
        <dd>{request.department}</dd>
        {request.requestedBy && request.createdAt ? (
          <>
            <dt>{t('topicRequests.answer.askedBy')}</dt>
            <dd>
              {request.requestedBy.name}, {f.longDate(request.createdAt)}
            </dd>
          </>
        ) : null}
        {state ? (
          <>
            <dt>{t('topicRequests.answer.state')}</dt>
            <dd>{t(`topicRequests.answer.states.${state}`)}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
