import { useTranslation } from 'react-i18next';
import type { Reason } from '~/domain/matching/engine';

/** Why a knowledge item and a need were matched: the terms, tags and concepts that connect them. */
export function MatchReasons({ reasons }: { reasons: readonly Reason[] }) {
  const { t } = useTranslation();
  return (
    <ul className="reasons">
      {reasons.map((r, i) => (
        <li key={i}>{t(`matches.reason.${r.type}`, { need: r.need, item: r.item })}</li>
      ))}
    </ul>
  );
}
