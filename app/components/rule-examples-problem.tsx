import { useTranslation } from 'react-i18next';

type RuleFailure = {
  ok: false;
  problem: string | null;
  detail: { problem: string; missed?: string[]; wronglyHit?: string[] } | null;
};

/**
 * Why a rule could not be saved or restored: its own examples fail, its key is taken, or someone
 * changed it meanwhile. Shows nothing for other answers (a reach preview, field errors).
 */
export function RuleExamplesProblem({ data }: { data: unknown }) {
  const { t } = useTranslation();
  const failure = isRuleFailure(data) ? data : null;
  if (!failure?.problem) return null;
  const missed = failure.detail?.missed ?? [];
  const wronglyHit = failure.detail?.wronglyHit ?? [];
  return (
    <div className="form-error" role="alert">
      <p>{t(`rules.problems.${failure.problem}`)}</p>
      {missed.length ? (
        <p>
          {t('rules.problems.missed')} {missed.map((x) => `“${x}”`).join(', ')}
        </p>
      ) : null}
      {wronglyHit.length ? (
        <p>
          {t('rules.problems.wronglyHit')} {wronglyHit.map((x) => `“${x}”`).join(', ')}
        </p>
      ) : null}
    </div>
  );
}

function isRuleFailure(data: unknown): data is RuleFailure {
  return !!data && typeof data === 'object' && 'ok' in data && data.ok === false;
}
