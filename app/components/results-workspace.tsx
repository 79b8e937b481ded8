import { Form, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { CHANNELS } from '~/domain/calendar/vocabulary';
import { subjectChoice, SubjectEntrySchema } from '~/forms/results';
import type { FieldErrors } from '~/utils/forms';
import { useValidatedForm } from '~/utils/use-validated-form';
import { FieldError } from './field';
import {
  ObservationChart,
  ObservationEntryFields,
  type EntryValues,
  type Observation,
} from './observations';
import { metricLabel } from './results-table';

/** The numbers of the whole workspace that people usually enter by hand, offered first. */
export const WORKSPACE_METRICS = [
  'nps',
  'mentions',
  'tonality',
  'repurchase_rate',
  'support_tickets',
  'engagement',
] as const;

/** What a group of numbers beyond single pieces is about. */
export type SubjectOfNumbers =
  | { subject: 'workspace' }
  | { subject: 'channel'; channel: string }
  | { subject: 'audience'; audienceId: string; audienceName: string };

/** The subject's name as its heading says it: "The whole workspace", "Channel: Podcast", … */
export function subjectLabel(t: TFunction, s: SubjectOfNumbers): string {
  if (s.subject === 'channel')
    return t('results.workspace.channelHeading', { channel: t(`channels.${s.channel}`) });
  if (s.subject === 'audience')
    return t('results.workspace.audienceHeading', { audience: s.audienceName });
  return t('results.workspace.wholeWorkspace');
}

/** The subject as part of an element id: `workspace`, `channel-podcast`, `audience-<id>`. */
export const subjectKey = (s: SubjectOfNumbers) =>
  s.subject === 'channel'
    ? `channel-${s.channel}`
    : s.subject === 'audience'
      ? `audience-${s.audienceId}`
      : 'workspace';

const text = (v: unknown) => (typeof v === 'string' ? v : '');
const WHOLE_WORKSPACE = subjectChoice({ subject: 'workspace', channel: null, audienceId: null });

/**
 * Entering one number beyond single pieces for a period: what it was measured for (the whole
 * workspace, a channel or an audience), then the metric, value, period and note; checked in the
 * browser before it is posted.
 */
export function WorkspaceEntryForm({
  values,
  errors: serverErrors,
  audiences,
}: {
  values?: (EntryValues & { for?: unknown }) | null;
  errors?: FieldErrors;
  audiences: readonly { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const validation = useValidatedForm({ schema: SubjectEntrySchema });
  const errors = validation.errorsWith(serverErrors);
  const busy = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'enter';
  return (
    <Form method="post" className="stack" {...validation.formProps()}>
      <input type="hidden" name="intent" value="enter" />
      <div className="field">
        <label htmlFor="field-for">{t('results.workspace.for')}</label>
        <select
          id="field-for"
          name="for"
          defaultValue={text(values?.for) || WHOLE_WORKSPACE}
          aria-invalid={Boolean(errors.for) || undefined}
          aria-describedby={errors.for ? 'field-for-error' : undefined}
        >
          <option value={WHOLE_WORKSPACE}>{t('results.workspace.wholeWorkspace')}</option>
          <optgroup label={t('results.workspace.forChannels')}>
            {CHANNELS.map((c) => (
              <option
                key={c}
                value={subjectChoice({ subject: 'channel', channel: c, audienceId: null })}
              >
                {t(`channels.${c}`)}
              </option>
            ))}
          </optgroup>
          {audiences.length ? (
            <optgroup label={t('results.workspace.forAudiences')}>
              {audiences.map((a) => (
                <option
                  key={a.id}
                  value={subjectChoice({ subject: 'audience', channel: null, audienceId: a.id })}
                >
                  {a.name}
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
        <FieldError errors={errors} name="for" id="field-for-error" />
      </div>
      <ObservationEntryFields
        values={values}
        errors={errors}
        usual={WORKSPACE_METRICS}
        noteHint={t('results.workspace.noteHint')}
      />
      <div>
        <button type="submit" disabled={busy}>
          {busy ? t('results.workspace.saving') : t('results.workspace.save')}
        </button>
      </div>
    </Form>
  );
}

/**
 * One metric's numbers over the periods under its own heading: a bar per period (oldest at the
 * top), the same figures as a table and as a CSV download, with a delete button per entry for
 * those who may enter results.
 */
export function WorkspaceMetric({
  subject,
  metric,
  observations,
  canWrite,
}: {
  subject: SubjectOfNumbers;
  metric: string;
  observations: Observation[];
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const label = metricLabel(t, metric);
  const id = `metric-${subjectKey(subject)}-${metric}`;
  return (
    <section className="card" aria-labelledby={id}>
      <h3 id={id}>{label}</h3>
      <ObservationChart
        title={
          subject.subject === 'workspace'
            ? t('results.workspace.chartTitle', { metric: label })
            : t('results.workspace.chartTitleFor', {
                metric: label,
                subject: subjectLabel(t, subject),
              })
        }
        titleHidden
        metric={metric}
        observations={observations}
        canWrite={canWrite}
        deleteIntent="delete"
        csv="/results/workspace.csv"
      />
    </section>
  );
}

/** The numbers of one subject (the whole workspace, a channel, an audience), metric by metric. */
export function SubjectNumbers({
  subject,
  metrics,
  canWrite,
}: {
  subject: SubjectOfNumbers;
  metrics: readonly { metric: string; observations: Observation[] }[];
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const id = `subject-${subjectKey(subject)}`;
  return (
    <section className="stack" aria-labelledby={id}>
      <h2 id={id}>{subjectLabel(t, subject)}</h2>
      {metrics.map((m) => (
        <WorkspaceMetric
          key={m.metric}
          subject={subject}
          metric={m.metric}
          observations={m.observations}
          canWrite={canWrite}
        />
      ))}
    </section>
  );
}

/**
 * Links to the page's sections (the whole workspace, each channel and audience with numbers),
 * for a long page; shown only when there is more than one.
 */
export function SubjectsNav({ subjects }: { subjects: readonly SubjectOfNumbers[] }) {
  const { t } = useTranslation();
  if (subjects.length < 2) return null;
  return (
    <nav aria-label={t('results.workspace.subjectsNav')} className="no-print">
      <p>
        {t('results.workspace.jumpTo')}{' '}
        {subjects.map((s, i) => (
          <span key={subjectKey(s)}>
            {i > 0 ? ' · ' : null}
            <a href={`#subject-${subjectKey(s)}`}>{subjectLabel(t, s)}</a>
          </span>
        ))}
      </p>
    </nav>
  );
}
