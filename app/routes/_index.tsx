import {
  json,
  type LoaderFunctionArgs,
  type MetaFunction,
  type SerializeFrom,
} from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { pageTitle } from '~/utils/meta';
import { DEFAULT_QUERY, inventoryQueryToSearch } from '~/domain/knowledge/inventory-query';
import { dashboardFor } from '~/models/dashboard.server';
import { getStrategySettings } from '~/models/strategy.server';
import { getWorkspace } from '~/models/workspace.server';
import { requireUser } from '~/utils/auth.server';
import { ChannelLabel, StatusBadge } from '~/components/labels';
import { useFormat } from '~/utils/use-format';
import { winLink } from '~/utils/win-links';
import { formatDay, formatValue, useMetricName } from '~/components/strategy-parts';

/** The inventory filtered to what waits for review, oldest first (the dashboard's order). */
const SUBMITTED_SEARCH = inventoryQueryToSearch({
  ...DEFAULT_QUERY,
  status: ['submitted'],
  sort: 'updated',
  dir: 'asc',
});

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, null);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { timeZone } = await getWorkspace();
  const [{ expert, editor, management, admin, wins, resultsDue }, strategy] = await Promise.all([
    dashboardFor({ viewer: user, now: new Date(), timeZone }),
    getStrategySettings(),
  ]);
  const owner = strategy.owner?.name ?? null;
  return json({ name: user.name, owner, expert, editor, management, admin, wins, resultsDue });
}

type Wins = NonNullable<SerializeFrom<typeof loader>['wins']>;

/** Early wins in words, each with a link to what it is about. */
function EarlyWins({ wins }: { wins: Wins }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const metricName = useMetricName();
  const count = (n: number) => formatValue(n, lang);
  const none = !wins.reached.length && !wins.pieces.length && !wins.firstResults.length;
  return (
    <section className="card" aria-labelledby="dash-wins">
      <h2 id="dash-wins">{t('dashboard.wins.title')}</h2>
      {none ? (
        <p className="empty">{t('dashboard.wins.empty')}</p>
      ) : (
        <ul className="plain">
          {wins.reached.map((w) => (
            <li key={`kpi-${w.kpiId}`}>
              <Link to={winLink({ kind: 'kpiReached', goalId: w.goalId })}>
                {t('dashboard.wins.reached', {
                  metric: metricName(w),
                  actual: `${count(w.actual)} ${t(`strategy.units.${w.unit}`)}`,
                  target: `${count(w.target)} ${t(`strategy.units.${w.unit}`)}`,
                  goal: w.goalTitle,
                })}
              </Link>
            </li>
          ))}
          {wins.pieces.map((w) => (
            <li key={`piece-${w.pieceId}`}>
              <Link to={winLink({ kind: 'aboveMedian', pieceId: w.pieceId })}>
                {t('dashboard.wins.aboveMedian', {
                  title: w.title,
                  value: count(w.value),
                  metric: t(`strategy.metrics.${w.metric}`),
                  median: count(w.median),
                })}
              </Link>
            </li>
          ))}
          {wins.firstResults.map((w) => (
            <li key={`channel-${w.channel}`}>
              <Link to={winLink({ kind: 'firstResults', channel: w.channel })}>
                {t('dashboard.wins.firstResults', {
                  channel: t(`channels.${w.channel}`),
                  date: formatDay(w.since, lang),
                })}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export default function Dashboard() {
  const { name, owner, expert, editor, management, admin, wins, resultsDue } =
    useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const f = useFormat();
  return (
    <>
      <h1>{t('dashboard.welcome', { name })}</h1>
      <p>
        {owner ? t('dashboard.owner', { name: owner }) : t('dashboard.noOwner')}{' '}
        <Link to="/strategy">{t('dashboard.strategyLink')}</Link>
      </p>
      <div className="grid">
        {resultsDue ? (
          <section className="card" aria-labelledby="dash-results-due">
            <h2 id="dash-results-due">{t('dashboard.resultsDue.title')}</h2>
            {resultsDue.length ? (
              <ul className="plain">
                {resultsDue.map((d) => (
                  <li key={d.dedupeKey}>
                    <Link to={`/calendar/${d.pieceId}`}>
                      {t('dashboard.resultsDue.item', {
                        title: d.title,
                        days: d.window,
                        date: formatDay(d.dueOn, i18n.language),
                      })}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="empty">{t('dashboard.resultsDue.empty')}</p>
            )}
          </section>
        ) : null}
        {wins ? <EarlyWins wins={wins} /> : null}
        {expert ? (
          <>
            <section className="card" aria-labelledby="dash-waiting">
              <h2 id="dash-waiting">{t('dashboard.expert.waiting')}</h2>
              {expert.waiting.length ? (
                <ul className="plain">
                  {expert.waiting.map((i) => (
                    <li key={i.id}>
                      <Link to={`/knowledge/${i.id}`}>{i.title}</Link>{' '}
                      <StatusBadge kind="knowledge" status={i.status} />
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="empty">{t('dashboard.expert.waitingEmpty')}</p>
              )}
            </section>
            <section className="card" aria-labelledby="dash-submissions">
              <h2 id="dash-submissions">{t('dashboard.expert.title')}</h2>
              {expert.items.length ? (
                <ul className="plain">
                  {expert.items.map((i) => (
                    <li key={i.id}>
                      <Link to={`/knowledge/${i.id}`}>{i.title}</Link>{' '}
                      <StatusBadge kind="knowledge" status={i.status} />
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="empty">{t('dashboard.expert.empty')}</p>
              )}
            </section>
            <section className="card" aria-labelledby="dash-my-pieces">
              <h2 id="dash-my-pieces">{t('dashboard.expert.myPieces')}</h2>
              {expert.pieces.length ? (
                <ul className="plain">
                  {expert.pieces.map((p) => (
                    <li key={p.id}>
                      <ChannelLabel channel={p.channel} /> {p.title}{' '}
                      <span className="field-hint">
                        {p.publishAt ? f.shortDate(p.publishAt) : t('calendar.unscheduled')}
                      </span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="empty">{t('dashboard.expert.myPiecesEmpty')}</p>
              )}
            </section>
            <section className="card" aria-labelledby="dash-topic-requests">
              <h2 id="dash-topic-requests">{t('dashboard.expert.topicRequests')}</h2>
              {expert.topicRequests.length ? (
                <ul className="plain">
                  {expert.topicRequests.map((r) => (
                    <li key={r.id}>
                      <strong>{r.text}</strong>{' '}
                      <span className="field-hint">
                        {t('dashboard.expert.topicRequestFor', {
                          need: r.need.text,
                          audience: r.need.audience.name,
                          name: r.requestedBy.name,
                          date: f.shortDate(r.createdAt),
                        })}
                      </span>{' '}
                      <Link
                        to={`/knowledge/new?request=${encodeURIComponent(r.id)}`}
                        aria-label={t('dashboard.expert.answerRequestNamed', { text: r.text })}
                      >
                        {t('dashboard.expert.answerRequest')}
                      </Link>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="empty">{t('dashboard.expert.topicRequestsEmpty')}</p>
              )}
            </section>
          </>
        ) : null}
        {editor ? (
          <>
            <section className="card" aria-labelledby="dash-week">
              <h2 id="dash-week">{t('dashboard.editor.thisWeek')}</h2>
              {editor.thisWeek.length ? (
                <ul className="plain">
                  {editor.thisWeek.map((p) => (
                    <li key={p.id}>
                      <ChannelLabel channel={p.channel} /> {p.title}{' '}
                      <span className="field-hint">
                        {p.publishAt ? f.dateTime(p.publishAt) : null}
                      </span>{' '}
                      <StatusBadge kind="piece" status={p.status} />
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="empty">{t('dashboard.editor.thisWeekEmpty')}</p>
              )}
            </section>
            <section className="card" aria-labelledby="dash-gaps">
              <h2 id="dash-gaps">{t('dashboard.editor.gaps')}</h2>
              {editor.gaps.length ? (
                <ul className="plain">
                  {editor.gaps.map((n) => (
                    <li key={n.id}>
                      {n.text} <span className="field-hint">({n.audience.name})</span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="empty">{t('dashboard.editor.gapsEmpty')}</p>
              )}
            </section>
            <section className="card" aria-labelledby="dash-review">
              <h2 id="dash-review">{t('dashboard.editor.toReview')}</h2>
              {editor.toReview.length ? (
                <>
                  <p>
                    {t('dashboard.editor.toReviewCount', { count: editor.toReviewTotal })}
                    {editor.toReviewTotal > editor.toReview.length
                      ? ` ${t('dashboard.editor.toReviewShown', { shown: editor.toReview.length })}`
                      : null}
                  </p>
                  <ul className="plain">
                    {editor.toReview.map((i) => (
                      <li key={i.id}>
                        <Link to={`/knowledge/${i.id}`}>{i.title}</Link>{' '}
                        <span className="field-hint">({i.owner.name})</span>
                      </li>
                    ))}
                  </ul>
                  <p>
                    <Link to={`/knowledge${SUBMITTED_SEARCH}`}>
                      {t('dashboard.editor.toReviewAll')}
                    </Link>
                  </p>
                </>
              ) : (
                <p className="empty">{t('dashboard.editor.toReviewEmpty')}</p>
              )}
            </section>
          </>
        ) : null}
        {management ? (
          <>
            <section className="card" aria-labelledby="dash-rules">
              <h2 id="dash-rules">{t('dashboard.management.rules')}</h2>
              {management.rules.active ? (
                <p>
                  <Link to="/rules">
                    {t('dashboard.management.rulesSummary', management.rules)}
                  </Link>
                </p>
              ) : (
                <p className="empty">{t('dashboard.management.rulesEmpty')}</p>
              )}
            </section>
            <section className="card" aria-labelledby="dash-exemptions">
              <h2 id="dash-exemptions">{t('dashboard.management.exemptions')}</h2>
              {management.exemptions.length ? (
                <ul className="plain">
                  {management.exemptions.map((e) => (
                    <li key={e.id}>
                      {e.piece.title} · {e.rule.name}{' '}
                      <span className="field-hint">({e.requestedBy.name})</span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="empty">{t('dashboard.management.exemptionsEmpty')}</p>
              )}
            </section>
          </>
        ) : null}
        {admin ? (
          <section className="card" aria-labelledby="dash-users">
            <h2 id="dash-users">{t('dashboard.admin.users')}</h2>
            <p>{t('dashboard.admin.usersSummary', admin)}</p>
            <p>
              <Link to="/users">{t('dashboard.admin.manage')}</Link>
            </p>
          </section>
        ) : null}
      </div>
    </>
  );
}
