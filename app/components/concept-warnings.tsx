import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { ConceptWarningView } from '~/domain/matching/concept-health';

/** Why a concept is to be checked: its terms in different company, suggestions dismissed. */
export function ConceptWarningReasons({ warning }: { warning: ConceptWarningView }) {
  const { t } = useTranslation();
  const words = (list: string[]) =>
    list.map((word) => t('glossary.health.word', { word })).join(', ');
  return (
    <>
      {warning.contexts.length ? (
        <>
          <p>{t('glossary.health.contexts')}</p>
          <ul>
            {warning.contexts.map((c) => (
              <li key={`${c.first.term}|${c.second.term}`}>
                {t('glossary.health.contextPair', {
                  first: c.first.term,
                  firstCount: c.first.texts,
                  firstWords: words(c.first.words),
                  second: c.second.term,
                  secondCount: c.second.texts,
                  secondWords: words(c.second.words),
                })}{' '}
                {t('glossary.health.similarity', { percent: Math.round(c.similarity * 100) })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {warning.dismissed.length ? (
        <>
          <p>{t('glossary.health.dismissed', { count: warning.dismissed.length })}</p>
          <ul>
            {warning.dismissed.map((d) => (
              <li key={`${d.needId}|${d.itemId}`}>
                <Link to={`/matches/${d.needId}`}>{d.needText}</Link> →{' '}
                <Link to={`/knowledge/${d.itemId}`}>{d.itemTitle}</Link>{' '}
                {t('glossary.health.linked', { need: d.needWords, item: d.itemWords })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

/**
 * The glossary's concepts to check: each flagged concept with its terms, why it is flagged, the
 * evidence, and (for those who maintain the glossary) a link to change it.
 */
export function ConceptWarnings({
  warnings,
  canManage,
}: {
  warnings: ConceptWarningView[];
  canManage: boolean;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="concept-warnings" className="card">
      <h2 id="concept-warnings">{t('glossary.health.title')}</h2>
      <p className="hint">{t('glossary.health.intro')}</p>
      {warnings.length ? (
        <ul className="concept-warnings">
          {warnings.map((w) => (
            <li key={w.id}>
              <article aria-labelledby={`concept-warning-${w.id}`}>
                <h3 id={`concept-warning-${w.id}`}>
                  {w.name}{' '}
                  <span className="badge">
                    {t(`glossary.sources.${w.builtIn ? 'builtIn' : 'company'}`)}
                  </span>
                </h3>
                <p>
                  {t('glossary.health.terms')}{' '}
                  {[...w.de, ...w.en, ...w.both].map((term, i) => (
                    <span key={`${i}-${term}`}>
                      {i ? ', ' : null}
                      <q>{term}</q>
                    </span>
                  ))}
                </p>
                <ConceptWarningReasons warning={w} />
                {canManage ? (
                  <p>
                    <Link to={`/glossary/${w.id}`}>
                      {t('glossary.health.edit', { name: w.name })}
                    </Link>
                  </p>
                ) : null}
              </article>
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">{t('glossary.health.empty')}</p>
      )}
    </section>
  );
}
