import { useTranslation } from 'react-i18next';

/** Why a rule could not be saved: its own examples fail, or someone changed it meanwhile. */
export function RuleExamplesProblem({
  problem,
  examples,
}: {
  problem: string;
  examples: { missed: string[]; wronglyHit: string[] } | null;
}) {
  const { t } = useTranslation();
  return (
    <div className="form-error" role="alert">
      <p>{t(problem)}</p>
      {examples?.missed.length ? (
        <p>
          {t('rules.problems.missed')} {examples.missed.map((x) => `“${x}”`).join(', ')}
        </p>
      ) : null}
      {examples?.wronglyHit.length ? (
        <p>
          {t('rules.problems.wronglyHit')} {examples.wronglyHit.map((x) => `“${x}”`).join(', ')}
        </p>
      ) : null}
    </div>
  );
}
