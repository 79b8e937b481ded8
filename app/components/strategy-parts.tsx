import { Form, Link, useNavigation } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay as formatCalendarDay } from '~/utils/format';
import type { FieldErrors } from '~/utils/forms';
import { FieldError } from './field';

/** A calendar day (YYYY-MM-DD) in the reader's language: "28 Feb 2027" / "28.02.2027". */
export function formatDay(day: string, language: string): string {
  return formatCalendarDay(day, language === 'de' ? 'de' : 'en');
}

/** A number as the reader writes it (1.234,5 / 1,234.5). */
export function formatValue(value: number, language: string): string {
  return new Intl.NumberFormat(language === 'de' ? 'de-DE' : 'en-GB', {
    maximumFractionDigits: 2,
  }).format(value);
}

/** Whether a submission of this intent is on its way (to show "Saving…"). */
export function useBusy(intent: string): boolean {
  const navigation = useNavigation();
  return navigation.state === 'submitting' && navigation.formData?.get('intent') === intent;
}

type ControlProps = {
  id: string;
  name: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
};

/**
 * Label, hint and error around one control, ids prefixed so several forms can share a page;
 * `control` gets the attributes that tie it to them. Both fields below are this one helper.
 */
function PrefixedField({
  name,
  label,
  errors,
  idPrefix = 'field',
  hint,
  control,
}: {
  name: string;
  label: ReactNode;
  errors?: FieldErrors;
  idPrefix?: string;
  hint?: ReactNode;
  control: (props: ControlProps) => ReactNode;
}) {
  const id = `${idPrefix}-${name}`;
  const invalid = Boolean(errors?.[name]);
  const describedBy =
    [hint ? `${id}-hint` : null, invalid ? `${id}-error` : null].filter(Boolean).join(' ') ||
    undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {control({ id, name, 'aria-invalid': invalid || undefined, 'aria-describedby': describedBy })}
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <FieldError errors={errors} name={name} id={`${id}-error`} />
    </div>
  );
}

type FieldFrame = {
  name: string;
  label: ReactNode;
  errors?: FieldErrors;
  idPrefix?: string;
  hint?: ReactNode;
};

/** A labelled select with its error, ids prefixed so several forms can share a page. */
export function SelectField({
  options,
  defaultValue,
  placeholder,
  ...frame
}: FieldFrame & {
  options: { value: string; label: string }[];
  defaultValue?: string;
  placeholder?: string;
}) {
  return (
    <PrefixedField
      {...frame}
      control={(props) => (
        <select {...props} defaultValue={defaultValue}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

/** A labelled input with its error, ids prefixed so several forms can share a page. */
export function InputField({
  name,
  label,
  errors,
  idPrefix,
  hint,
  ...input
}: FieldFrame & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <PrefixedField
      name={name}
      label={label}
      errors={errors}
      idPrefix={idPrefix}
      hint={hint}
      control={(props) => <input {...props} {...input} />}
    />
  );
}

/** A one-button form that removes a record (a stock-take entry, a milestone, a KPI). */
export function RemoveButton({
  intent,
  idName = 'id',
  id,
  version,
  label,
}: {
  intent: string;
  idName?: string;
  id: string;
  version: number;
  label: string;
}) {
  return (
    <Form method="post" className="inline">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name={idName} value={id} />
      <input type="hidden" name="expectedVersion" value={version} />
      <button type="submit" className="button-secondary">
        {label}
      </button>
    </Form>
  );
}

type Kpi = {
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
  audience: { name: string } | null;
  version: number;
};

/** The name of a KPI's metric: the catalogue's, or its own label for a custom one. */
export function useMetricName() {
  const { t } = useTranslation();
  return (kpi: Pick<Kpi, 'metric' | 'customLabel'>) =>
    kpi.metric === 'custom' && kpi.customLabel
      ? kpi.customLabel
      : t(`strategy.metrics.${kpi.metric}`);
}

/** A goal's KPIs as a table: metric, scope, baseline → target (and which way is better), by when. */
export function KpiTable({
  kpis,
  caption,
  actions,
}: {
  kpis: Kpi[];
  caption: string;
  actions?: (kpi: Kpi) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const metricName = useMetricName();
  if (!kpis.length) return <p>{t('strategy.kpi.none')}</p>;
  const scope = (k: Kpi) =>
    k.scope === 'channel' && k.channel
      ? t(`channels.${k.channel}`)
      : k.scope === 'audience'
        ? (k.audience?.name ?? t('strategy.kpi.audienceGone'))
        : t('strategy.scopes.workspace');
  return (
    <table>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('strategy.kpi.metric')}</th>
          <th scope="col">{t('strategy.kpi.scope')}</th>
          <th scope="col">{t('strategy.kpi.baseline')}</th>
          <th scope="col">{t('strategy.kpi.target')}</th>
          <th scope="col">{t('strategy.kpi.targetDate')}</th>
          {actions ? <th scope="col">{t('common.actions')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {kpis.map((k) => (
          <tr key={k.id}>
            <th scope="row">{metricName(k)}</th>
            <td>{scope(k)}</td>
            <td>
              {k.baseline === null
                ? t('common.none')
                : `${formatValue(k.baseline, i18n.language)} ${t(`strategy.units.${k.unit}`)}`}
            </td>
            <td>
              {formatValue(k.target, i18n.language)} {t(`strategy.units.${k.unit}`)} (
              {t(`strategy.directions.${k.direction}`)})
            </td>
            <td>{formatDay(k.targetDate, i18n.language)}</td>
            {actions ? <td>{actions(k)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type GoalSummary = {
  id: string;
  title: string;
  category: string;
  status: string;
  periodStart: string;
  periodEnd: string;
  weight: number;
  agreedAt: Date | string | null;
  agreedBy: { name: string } | null;
  proposedBy: { name: string };
  sentBackComment: string | null;
  kpis: Kpi[];
};

/** One goal on the strategy page: its facts, its status and its KPIs. */
export function GoalCard({ goal }: { goal: GoalSummary }) {
  const { t } = useTranslation();
  const titleId = `goal-${goal.id}`;
  return (
    <article className="card" aria-labelledby={titleId}>
      <h3 id={titleId}>
        <Link to={`/strategy/goals/${goal.id}`}>{goal.title}</Link>
      </h3>
      <GoalFacts goal={goal} />
      <KpiTable kpis={goal.kpis} caption={t('strategy.kpi.caption', { title: goal.title })} />
    </article>
  );
}

/** A goal's category, status, period, weight and who proposed or agreed to it. */
export function GoalFacts({ goal }: { goal: Omit<GoalSummary, 'kpis'> }) {
  const { t, i18n } = useTranslation();
  return (
    <dl className="facts">
      <dt>{t('strategy.goal.category')}</dt>
      <dd>{t(`strategy.categories.${goal.category}`)}</dd>
      <dt>{t('strategy.goal.status')}</dt>
      <dd>{t(`strategy.statuses.${goal.status}`)}</dd>
      <dt>{t('strategy.goal.period')}</dt>
      <dd>
        {t('strategy.goal.periodRange', {
          start: formatDay(goal.periodStart, i18n.language),
          end: formatDay(goal.periodEnd, i18n.language),
        })}
      </dd>
      <dt>{t('strategy.goal.weight')}</dt>
      <dd>{goal.weight}</dd>
      {goal.status === 'agreed' && goal.agreedBy && goal.agreedAt ? (
        <>
          <dt>{t('strategy.goal.agreed')}</dt>
          <dd>
            {t('strategy.goal.agreedBy', {
              name: goal.agreedBy.name,
              date: formatDay(String(goal.agreedAt).slice(0, 10), i18n.language),
            })}
          </dd>
        </>
      ) : (
        <>
          <dt>{t('strategy.goal.proposedBy')}</dt>
          <dd>{goal.proposedBy.name}</dd>
        </>
      )}
      {goal.status === 'sent_back' && goal.sentBackComment ? (
        <>
          <dt>{t('strategy.goal.sentBackComment')}</dt>
          <dd>{goal.sentBackComment}</dd>
        </>
      ) : null}
    </dl>
  );
}
