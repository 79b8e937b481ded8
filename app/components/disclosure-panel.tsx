import { Form } from '@remix-run/react';
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

/** An editor asks management to allow one blocking finding in this piece. */
export function ExemptionRequestForm({
  findings,
  errors,
}: {
  findings: { ruleId?: string; ruleName: string; severity: string; exempted: boolean }[];
  errors?: Record<string, { key: string } | undefined>;
}) {
  const { t } = useTranslation();
  const rules = [
    ...new Map(
      findings
        .filter((f) => f.severity === 'block' && !f.exempted && f.ruleId)
        .map((f) => [f.ruleId as string, f.ruleName]),
    ).entries(),
  ];
  if (!rules.length) return null;
  return (
    <section className="card" aria-labelledby="exemption-title">
      <h2 id="exemption-title">{t('rules.exemptions.request')}</h2>
      <Form method="post" className="stack wide">
        <input type="hidden" name="intent" value="exemption" />
        <div className="field">
          <label htmlFor="exemption-rule">{t('rules.exemptions.rule')}</label>
          <select id="exemption-rule" name="rule">
            {rules.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="exemption-reason">{t('rules.exemptions.reason')}</label>
          <textarea
            id="exemption-reason"
            name="reason"
            rows={2}
            required
            aria-invalid={Boolean(errors?.reason) || undefined}
          />
          {errors?.reason ? (
            <p className="field-error" role="alert">
              {t(errors.reason.key)}
            </p>
          ) : null}
        </div>
        <div>
          <button type="submit" className="button-secondary">
            {t('rules.exemptions.submit')}
          </button>
        </div>
      </Form>
    </section>
  );
}
