import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CHANNELS } from '~/domain/calendar/vocabulary';
import { DECISION_KINDS } from '~/domain/strategy/review-snapshot';
import { DecisionSchema, FindingSchema, kpiVersionsField } from '~/forms/review';
import type { FieldErrors } from '~/utils/forms';
import { errorsOf, failureOf } from '~/utils/intent-result';
import { useValidatedForm } from '~/utils/use-validated-form';
import { TextAreaField } from './field';
import { formatValue, InputField, SelectField, useBusy } from './strategy-parts';

type Values = Record<string, string> | null | undefined;
const kept = (data: unknown, intent: string): Values =>
  (failureOf(data, intent) as { values?: Values } | null)?.values;

export function ReviewFindingForm({ data }: { data: unknown }) {
  const { t } = useTranslation();
  const form = useValidatedForm({ schema: FindingSchema });
  const busy = useBusy('finding');
  return (
    <Form method="post" className="stack no-print" {...form.formProps()}>
      <input type="hidden" name="intent" value="finding" />
      <TextAreaField
        name="finding"
        label={t('reviews.findings.text')}
        rows={3}
        errors={form.errorsWith(errorsOf(data, 'finding'))}
        defaultValue={kept(data, 'finding')?.finding ?? ''}
      />
      <div className="toolbar">
        <button type="submit" disabled={busy}>
          {t('reviews.findings.add')}
        </button>
      </div>
    </Form>
  );
}

type Subjects = {
  goals: {
    id: string;
    title: string;
    kpis: {
      id: string;
      metric: string;
      customLabel: string | null;
      target: number;
      unit: string;
      version: number;
    }[];
  }[];
  audiences: { id: string; name: string }[];
};

/** A field of the decision form: its name, its error, the value kept from a refused submission. */
type DecisionField = { name: string; errors: FieldErrors; defaultValue: string };

/**
 * One select of the decision form: ids prefixed, and "none" to choose when the decision does not
 * change that kind of thing.
 */
function DecisionSelect({
  field,
  label,
  options,
  placeholder,
}: {
  field: DecisionField;
  label: string;
  options: { value: string; label: string }[];
  placeholder?: string;
}) {
  const { t } = useTranslation();
  return (
    <SelectField
      idPrefix="decision"
      {...field}
      label={label}
      placeholder={placeholder ?? t('reviews.decision.none')}
      options={options}
    />
  );
}

/** A decision and what it changes; a new KPI target is applied when the decision is recorded. */
export function ReviewDecisionForm({ data, subjects }: { data: unknown; subjects: Subjects }) {
  const { t, i18n } = useTranslation();
  const form = useValidatedForm({ schema: DecisionSchema });
  const busy = useBusy('decision');
  const errors = form.errorsWith(errorsOf(data, 'decision'));
  const values = kept(data, 'decision');
  const field = (name: string): DecisionField => ({
    name,
    errors,
    defaultValue: values?.[name] ?? '',
  });
  return (
    <Form method="post" className="stack no-print" {...form.formProps()}>
      <input type="hidden" name="intent" value="decision" />
      {/* the KPIs' versions with the targets shown: a target changed meanwhile is not overwritten */}
      <input
        type="hidden"
        name="kpiVersions"
        value={kpiVersionsField(subjects.goals.flatMap((g) => g.kpis))}
      />
      <h3>{t('reviews.decision.new')}</h3>
      <p>{t('reviews.decision.hint')}</p>
      <DecisionSelect
        field={field('kind')}
        label={t('reviews.decision.kind')}
        placeholder={t('reviews.decision.chooseKind')}
        options={DECISION_KINDS.map((k) => ({ value: k, label: t(`reviews.decision.kinds.${k}`) }))}
      />
      <TextAreaField {...field('text')} label={t('reviews.decision.text')} rows={3} />
      <DecisionSelect
        field={field('goalId')}
        label={t('reviews.decision.goal')}
        options={subjects.goals.map((g) => ({ value: g.id, label: g.title }))}
      />
      <DecisionSelect
        field={field('kpiId')}
        label={t('reviews.decision.kpi')}
        options={subjects.goals.flatMap((g) =>
          g.kpis.map((k) => ({
            value: k.id,
            label: t('reviews.decision.kpiOption', {
              goal: g.title,
              kpi: k.customLabel ?? t(`strategy.metrics.${k.metric}`),
              target: formatValue(k.target, i18n.language),
            }),
          })),
        )}
      />
      <InputField
        idPrefix="decision"
        {...field('target')}
        inputMode="decimal"
        label={t('reviews.decision.target')}
        hint={t('reviews.decision.targetHint')}
      />
      <DecisionSelect
        field={field('channel')}
        label={t('reviews.decision.channel')}
        options={CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }))}
      />
      <DecisionSelect
        field={field('audienceId')}
        label={t('reviews.decision.audience')}
        options={subjects.audiences.map((a) => ({ value: a.id, label: a.name }))}
      />
      <div className="toolbar">
        <button type="submit" disabled={busy}>
          {t('reviews.decision.add')}
        </button>
      </div>
    </Form>
  );
}

/**
 * The sign-off is final: the hint above the button says so (and is the button's description), and
 * a double submission or a second tab is answered as already signed off.
 */
export function ReviewSignOff({ version }: { data: unknown; version: number }) {
  const { t } = useTranslation();
  const busy = useBusy('signoff');
  return (
    <section className="card no-print" aria-labelledby="signoff-title">
      <h2 id="signoff-title">{t('reviews.signOff.title')}</h2>
      <p id="signoff-hint">{t('reviews.signOff.hint')}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="signoff" />
        <input type="hidden" name="expectedVersion" value={version} />
        <button type="submit" disabled={busy} aria-describedby="signoff-hint">
          {t('reviews.signOff.submit')}
        </button>
      </Form>
    </section>
  );
}
