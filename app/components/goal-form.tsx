import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CHANNELS } from '~/domain/calendar/vocabulary';
import {
  GOAL_CATEGORIES,
  KPI_DIRECTIONS,
  KPI_SCOPES,
  KPI_UNITS,
  METRIC_KEYS,
} from '~/domain/strategy/vocabulary';
import { GoalFormSchema, KpiFormSchema, readGoalForm, readKpiForm } from '~/forms/strategy';
import type { FieldErrors } from '~/utils/forms';
import { useValidatedForm } from '~/utils/use-validated-form';
import { TextAreaField, TextField } from './field';
import { InputField, SelectField, useBusy } from './strategy-parts';

export type GoalFormValues = ReturnType<typeof readGoalForm>['values'];
export type KpiFormValues = ReturnType<typeof readKpiForm>['values'];

type StoredKpi = {
  id: string;
  metric: string;
  customLabel: string | null;
  unit: string;
  direction: string;
  baseline: number | null;
  target: number;
  targetDate: string;
  scope: string;
  channel: string | null;
  audienceId: string | null;
};

/** The KPI form's values: a stored KPI to edit, or an empty one due by `targetDate`. */
export function kpiFormValues(kpi: StoredKpi | undefined, targetDate: string): KpiFormValues {
  return {
    kpiId: kpi?.id ?? '',
    metric: kpi?.metric ?? '',
    customLabel: kpi?.customLabel ?? '',
    unit: kpi?.unit ?? '',
    direction: kpi?.direction ?? '',
    baseline: kpi?.baseline == null ? '' : String(kpi.baseline),
    target: kpi ? String(kpi.target) : '',
    targetDate: kpi?.targetDate ?? targetDate,
    scope: kpi?.scope ?? '',
    channel: kpi?.channel ?? '',
    audienceId: kpi?.audienceId ?? '',
  };
}

/** A goal's title, description, category, period and weight. */
export function GoalForm({
  values,
  errors: serverErrors,
  version,
  submitLabel,
  cancelTo,
}: {
  values: GoalFormValues;
  errors?: FieldErrors;
  version?: number;
  submitLabel: string;
  cancelTo: string;
}) {
  const { t } = useTranslation();
  const validation = useValidatedForm({ schema: GoalFormSchema, read: readGoalForm });
  const errors = validation.errorsWith(serverErrors);
  const busy = useBusy('save');
  return (
    <Form method="post" className="stack" key={version} {...validation.formProps()}>
      <input type="hidden" name="intent" value="save" />
      {version ? <input type="hidden" name="expectedVersion" value={version} /> : null}
      <TextField
        name="title"
        label={t('strategy.goal.title')}
        hint={t('strategy.goal.titleHint')}
        errors={errors}
        defaultValue={values.title}
        maxLength={160}
        required
      />
      <TextAreaField
        name="description"
        label={t('strategy.goal.description')}
        errors={errors}
        defaultValue={values.description}
        rows={3}
        maxLength={2000}
      />
      <SelectField
        name="category"
        label={t('strategy.goal.category')}
        errors={errors}
        defaultValue={values.category}
        placeholder={values.category ? undefined : t('strategy.goal.chooseCategory')}
        options={GOAL_CATEGORIES.map((c) => ({
          value: c,
          label: t(`strategy.categories.${c}`),
        }))}
      />
      <div className="inline">
        <InputField
          type="date"
          name="periodStart"
          label={t('strategy.goal.periodStart')}
          errors={errors}
          defaultValue={values.periodStart}
          required
        />
        <InputField
          type="date"
          name="periodEnd"
          label={t('strategy.goal.periodEnd')}
          errors={errors}
          defaultValue={values.periodEnd}
          required
        />
      </div>
      <InputField
        type="number"
        name="weight"
        label={t('strategy.goal.weight')}
        hint={t('strategy.goal.weightHint')}
        errors={errors}
        defaultValue={values.weight}
        min={1}
        max={100}
        step={1}
        required
      />
      <div className="toolbar">
        <Link to={cancelTo}>{t('common.cancel')}</Link>
        <button type="submit" disabled={busy}>
          {busy ? t('common.saving') : submitLabel}
        </button>
      </div>
    </Form>
  );
}

/**
 * Adds a KPI to a goal or changes one: a metric of the catalogue (or a custom one with its own
 * name), unit and direction, baseline and target by a date, and what it is measured on.
 */
export function KpiForm({
  values,
  errors: serverErrors,
  version,
  audiences,
  submitLabel,
  cancelTo,
}: {
  values: KpiFormValues;
  errors?: FieldErrors;
  version?: number;
  audiences: { id: string; name: string }[];
  submitLabel: string;
  cancelTo?: string;
}) {
  const { t } = useTranslation();
  const validation = useValidatedForm({ schema: KpiFormSchema, read: readKpiForm });
  const errors = validation.errorsWith(serverErrors);
  const busy = useBusy('kpi');
  const p = 'kpi';
  return (
    <Form
      method="post"
      className="stack"
      key={`${values.kpiId}-${version ?? 0}`}
      {...validation.formProps()}
    >
      <input type="hidden" name="intent" value="kpi" />
      <input type="hidden" name="kpiId" value={values.kpiId} />
      {version ? <input type="hidden" name="expectedVersion" value={version} /> : null}
      <SelectField
        idPrefix={p}
        name="metric"
        label={t('strategy.kpi.metric')}
        errors={errors}
        defaultValue={values.metric}
        placeholder={values.metric ? undefined : t('strategy.kpi.chooseMetric')}
        options={METRIC_KEYS.map((m) => ({ value: m, label: t(`strategy.metrics.${m}`) }))}
      />
      <InputField
        idPrefix={p}
        name="customLabel"
        label={t('strategy.kpi.customLabel')}
        hint={t('strategy.kpi.customLabelHint')}
        errors={errors}
        defaultValue={values.customLabel}
        maxLength={120}
      />
      <div className="inline">
        <SelectField
          idPrefix={p}
          name="unit"
          label={t('strategy.kpi.unit')}
          errors={errors}
          defaultValue={values.unit || 'count'}
          options={KPI_UNITS.map((u) => ({ value: u, label: t(`strategy.units.${u}`) }))}
        />
        <SelectField
          idPrefix={p}
          name="direction"
          label={t('strategy.kpi.direction')}
          errors={errors}
          defaultValue={values.direction || 'more'}
          options={KPI_DIRECTIONS.map((d) => ({
            value: d,
            label: t(`strategy.directions.${d}`),
          }))}
        />
      </div>
      <div className="inline">
        <InputField
          idPrefix={p}
          name="baseline"
          inputMode="decimal"
          label={t('strategy.kpi.baseline')}
          errors={errors}
          defaultValue={values.baseline}
          maxLength={30}
        />
        <InputField
          idPrefix={p}
          name="target"
          inputMode="decimal"
          label={t('strategy.kpi.target')}
          errors={errors}
          defaultValue={values.target}
          maxLength={30}
          required
        />
        <InputField
          idPrefix={p}
          type="date"
          name="targetDate"
          label={t('strategy.kpi.targetDate')}
          errors={errors}
          defaultValue={values.targetDate}
          required
        />
      </div>
      <div className="inline">
        <SelectField
          idPrefix={p}
          name="scope"
          label={t('strategy.kpi.scope')}
          errors={errors}
          defaultValue={values.scope || 'workspace'}
          options={KPI_SCOPES.map((s) => ({ value: s, label: t(`strategy.scopes.${s}`) }))}
        />
        <SelectField
          idPrefix={p}
          name="channel"
          label={t('strategy.kpi.channel')}
          errors={errors}
          defaultValue={values.channel}
          placeholder={t('strategy.kpi.onlyForChannel')}
          options={CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }))}
        />
        <SelectField
          idPrefix={p}
          name="audienceId"
          label={t('strategy.kpi.audience')}
          errors={errors}
          defaultValue={values.audienceId}
          placeholder={t('strategy.kpi.onlyForAudience')}
          options={audiences.map((a) => ({ value: a.id, label: a.name }))}
        />
      </div>
      <div className="toolbar">
        {cancelTo ? <Link to={cancelTo}>{t('common.cancel')}</Link> : null}
        <button type="submit" disabled={busy}>
          {busy ? t('common.saving') : submitLabel}
        </button>
      </div>
    </Form>
  );
}
