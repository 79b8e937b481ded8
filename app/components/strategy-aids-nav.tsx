import { useTranslation } from 'react-i18next';

/**
 * Links to the strategy's planning aids (goal coverage, goal mix, the content strategy matrix):
 * on the strategy page they jump to the sections, from the calendar they lead to them.
 */
export function StrategyAidsNav({ page = '' }: { page?: '' | '/strategy' }) {
  const { t } = useTranslation();
  const aids = [
    ['coverage-title', 'strategy.aids.coverage'],
    ['mix-title', 'strategy.aids.mix'],
    ['matrix-title', 'strategy.aids.matrix'],
  ] as const;
  return (
    <nav aria-label={t('strategy.aids.title')} className="no-print">
      <p>
        {t('strategy.aids.intro')}{' '}
        {aids.map(([anchor, key], i) => (
          <span key={anchor}>
            {i > 0 ? ' · ' : null}
            <a href={`${page}#${anchor}`}>{t(key)}</a>
          </span>
        ))}
      </p>
    </nav>
  );
}
