import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { PieceOrigin } from '~/models/piece-origin.server';

/**
 * Where a piece came from: the needs it answers (with their audiences), the knowledge items it
 * draws on and the experts behind them, each linked to its page where the reader may open it.
 */
export function PieceOriginSection({
  origin,
  links,
}: {
  origin: PieceOrigin;
  /** which pages the reader may open: a need's page is for those who manage audiences */
  links: { needs: boolean; audiences: boolean };
}) {
  const { t } = useTranslation();
  const nothing = !origin.needs.length && !origin.knowledge.length && !origin.experts.length;
  return (
    <section className="card piece-origin" aria-labelledby="origin-title">
      <h2 id="origin-title">{t('calendar.origin.title')}</h2>
      {origin.byHand ? (
        <p className="empty">{t('calendar.origin.byHand')}</p>
      ) : (
        <>
          {origin.fromMatch ? <p>{t('calendar.origin.fromMatch')}</p> : null}
          {nothing ? <p className="empty">{t('calendar.origin.noneVisible')}</p> : null}
          {origin.needs.length ? (
            <>
              <h3 id="origin-needs">{t('calendar.origin.needs')}</h3>
              <ul className="plain" aria-labelledby="origin-needs">
                {origin.needs.map((n) => (
                  <li key={n.id}>
                    {links.needs ? (
                      <Link to={`/needs/${n.id}`} lang={n.language}>
                        {n.text}
                      </Link>
                    ) : (
                      <span lang={n.language}>{n.text}</span>
                    )}{' '}
                    <span className="field-hint">
                      {t('calendar.origin.audience')}{' '}
                      {links.audiences ? (
                        <Link to={`/audiences/${n.audience.id}`}>{n.audience.name}</Link>
                      ) : (
                        n.audience.name
                      )}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {origin.knowledge.length ? (
            <>
              <h3 id="origin-knowledge">{t('calendar.origin.knowledge')}</h3>
              <ul className="plain" aria-labelledby="origin-knowledge">
                {origin.knowledge.map((k) => (
                  <li key={k.id}>
                    <Link to={`/knowledge/${k.id}`} lang={k.language}>
                      {k.title}
                    </Link>{' '}
                    <span className="field-hint">{t(`kinds.${k.kind}`)}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {origin.experts.length ? (
            <>
              <h3 id="origin-experts">{t('calendar.origin.experts')}</h3>
              <ul className="plain" aria-labelledby="origin-experts">
                {origin.experts.map((e) => (
                  <li key={e.id}>
                    <Link to={`/experts/${e.id}`}>{e.name}</Link>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}

/** The goals a piece serves, each linked to its page on the strategy. */
export function PieceGoalsSection({
  goals,
}: {
  goals: { id: string; title: string; status: string }[];
}) {
  const { t } = useTranslation();
  return (
    <section className="card piece-goals" aria-labelledby="piece-goals-title">
      <h2 id="piece-goals-title">{t('calendar.goals.title')}</h2>
      {goals.length ? (
        <ul className="plain">
          {goals.map((g) => (
            <li key={g.id}>
              <Link to={`/strategy/goals/${g.id}`}>{g.title}</Link>
              {g.status !== 'agreed' ? (
                <span className="field-hint"> ({t(`strategy.statuses.${g.status}`)})</span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">{t('calendar.goals.none')}</p>
      )}
    </section>
  );
}
