import { useTranslation } from 'react-i18next';

type Coverage = {
  goal: { id: string; title: string; weight: number };
  planned: number;
  covered: boolean;
};

/**
 * The goal-coverage aid: which agreed goals have no planned piece in the next weeks. A sentence
 * says what matters; the table gives every goal's count, with its state in words (never by
 * colour alone).
 */
export function GoalCoverageTable({ coverage, weeks }: { coverage: Coverage[]; weeks: number }) {
  const { t } = useTranslation();
  const uncovered = coverage.filter((c) => !c.covered);
  return (
    <section className="card" aria-labelledby="coverage-title">
      <h2 id="coverage-title">{t('strategy.coverage.title', { weeks })}</h2>
      {coverage.length === 0 ? (
        <p>{t('strategy.coverage.noGoals')}</p>
      ) : uncovered.length === 0 ? (
        <p role="status">{t('strategy.coverage.allCovered', { weeks })}</p>
      ) : (
        <div className="callout" role="note">
          <p>{t('strategy.coverage.summary', { weeks })}</p>
          <ul>
            {uncovered.map((c) => (
              <li key={c.goal.id}>
                {t('strategy.coverage.uncoveredGoal', { title: c.goal.title })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {coverage.length ? (
        <table>
          <caption className="visually-hidden">{t('strategy.coverage.caption', { weeks })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('strategy.coverage.goal')}</th>
              <th scope="col">{t('strategy.goal.weight')}</th>
              <th scope="col">{t('strategy.coverage.planned')}</th>
              <th scope="col">{t('strategy.coverage.state')}</th>
            </tr>
          </thead>
          <tbody>
            {coverage.map((c) => (
              <tr key={c.goal.id}>
                <th scope="row">{c.goal.title}</th>
                <td>{c.goal.weight}</td>
                <td>{c.planned}</td>
                <td>
                  {c.covered ? t('strategy.coverage.covered') : t('strategy.coverage.uncovered')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
