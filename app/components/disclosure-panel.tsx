import { useTranslation } from 'react-i18next';

type PanelFinding = {
  field: string;
  excerpt: string;
  severity: string;
  ruleName: string;
  message?: string;
  exempted: boolean;
};

/** What the disclosure rules found, with each rule's message, and what that means for the piece. */
export function DisclosurePanel({
  disclosure,
  context = 'piece',
}: {
  disclosure: { decision: string; failed?: boolean; findings: PanelFinding[] };
  context?: 'piece' | 'knowledge';
}) {
  const { t } = useTranslation();
  const blocked = disclosure.decision === 'block';
  return (
    <section
      className={`card disclosure ${blocked ? 'blocked' : 'warned'}`}
      aria-labelledby="disclosure-title"
    >
      <h2 id="disclosure-title">
        {disclosure.failed
          ? t('disclosure.failed')
          : blocked
            ? t(context === 'piece' ? 'disclosure.blockedPiece' : 'disclosure.blockedKnowledge')
            : disclosure.decision === 'warn'
              ? t('disclosure.warned')
              : t('disclosure.exemptedOnly')}
      </h2>
      <ul className="plain">
        {disclosure.findings.map((f, i) => (
          <li key={`${f.field}-${i}`}>
            <span
              className="badge"
              data-tone={f.exempted ? 'ok' : f.severity === 'block' ? 'danger' : 'warn'}
            >
              {f.exempted ? t('disclosure.exempted') : t(`severity.${f.severity}`)}
            </span>{' '}
            <strong>{f.ruleName}</strong> · {t(`disclosure.fields.${f.field}`)}:{' '}
            <mark>{f.excerpt}</mark>
            {f.message ? <div className="field-hint">{f.message}</div> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
