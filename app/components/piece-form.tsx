import type { SerializeFrom } from '@remix-run/node';
import { Form, Link, useNavigation, useParams } from '@remix-run/react';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNEL_FIELDS } from '~/domain/calendar/channel-fields';
import { CHANNELS, PLANNING_INPUT_RANGE } from '~/domain/calendar/vocabulary';
import { ENTERED_DATES } from '~/forms/entered-dates';
import { pieceFormSchema } from '~/forms/piece';
import type { loader as newPieceLoader } from '~/routes/calendar.new';
import type { FieldErrors } from '~/utils/forms';
import { useFormat } from '~/utils/use-format';
import { useValidatedForm } from '~/utils/use-validated-form';
import { FieldError, TextAreaField, TextField } from './field';
import { ChannelFields } from './channel-fields';
import { ExpertPicker } from './expert-picker';
import { MarkdownField } from './markdown-preview';
import {
  formPayload,
  LiveDisclosurePanel,
  useHydrated,
  useLiveDisclosure,
} from './live-disclosure';

/** The label of each field the disclosure check reads, as the form names it. */
/** The label of each field a live disclosure finding can point at. */
const FIELD_LABELS: Record<string, string> = {
  title: 'calendar.form.title',
  brief: 'calendar.form.brief',
  body: 'calendar.form.body',
  owner: 'calendar.form.owner',
  audiences: 'calendar.form.audiences',
  experts: 'calendar.form.experts',
  goals: 'calendar.form.goals',
  ...Object.fromEntries(CHANNEL_FIELDS.map((field) => [field.name, field.label])),
};

export type PieceFormValues = Record<string, string | string[]>;
/** The audiences, owners and experts to choose from, as the pages' loaders list them. */
type PieceFormOptions = SerializeFrom<typeof newPieceLoader>['options'];

/** Create and edit a content piece, with the fields its channel needs. */
export function PieceForm({
  values,
  errors: serverErrors,
  options,
  version,
  submitLabel,
  cancelTo,
}: {
  values: PieceFormValues;
  errors?: FieldErrors;
  options: PieceFormOptions;
  version?: number;
  submitLabel: string;
  cancelTo: string;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  // the action's schema, in the workspace's time zone; the browser's own checks stay on until
  // hydration, so that without JavaScript a date the browser cannot read is never sent empty
  const { timeZone } = useFormat();
  const schema = useMemo(() => pieceFormSchema(timeZone), [timeZone]);
  const validation = useValidatedForm({
    schema,
    arrays: ['audiences', 'experts', 'goals'],
    nativeChecksUntilHydrated: true,
  });
  const errors = validation.errorsWith(serverErrors);
  const [channel, setChannel] = useState(String(values.channel || 'blog'));
  const v = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : '');
  const many = (k: string) => (Array.isArray(values[k]) ? (values[k] as string[]) : []);
  const form = useRef<HTMLFormElement>(null);
  const hydrated = useHydrated();
  // on a piece's own page the check applies the piece's granted exemptions
  const { pieceId } = useParams();
  const live = useLiveDisclosure(form, (f) => ({
    ...formPayload(f, ['audiences', 'experts']),
    intent: 'check-piece',
    pieceId: pieceId ?? '',
  }));
  return (
    <Form
      ref={form}
      method="post"
      className="stack wide"
      onChange={live.onChange}
      {...validation.formProps(live.onSubmit)}
    >
      {version ? <input type="hidden" name="expectedVersion" value={version} /> : null}
      <input type="hidden" name={ENTERED_DATES} defaultValue="" />
      <div className="field">
        <label htmlFor="field-channel">{t('calendar.form.channel')}</label>
        <select
          id="field-channel"
          name="channel"
          value={channel}
          onChange={(e) => setChannel(e.target.value)}
        >
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`channels.${c}`)}
            </option>
          ))}
        </select>
      </div>
      <TextField
        name="title"
        label={t('calendar.form.title')}
        errors={errors}
        defaultValue={v('title')}
        required
      />
      <TextAreaField
        name="brief"
        label={t('calendar.form.brief')}
        errors={errors}
        rows={2}
        defaultValue={v('brief')}
      />
      <TextField
        name="publishAt"
        type="datetime-local"
        {...PLANNING_INPUT_RANGE}
        label={t('calendar.form.publishAt')}
        errors={errors}
        defaultValue={v('publishAt')}
        hint={t('calendar.form.publishAtHint')}
      />
      <ChannelFields channel={channel} value={v} errors={errors} />
      <div className="field">
        <label htmlFor="field-ownerId">{t('calendar.form.owner')}</label>
        <select id="field-ownerId" name="ownerId" defaultValue={v('ownerId')}>
          <option value="">{t('common.none')}</option>
          {options.owners.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="field">
        <legend>{t('calendar.form.audiences')}</legend>
        {options.audiences.map((a) => (
          <label key={a.id} className="checkbox">
            <input
              type="checkbox"
              name="audiences"
              value={a.id}
              defaultChecked={many('audiences').includes(a.id)}
            />
            {a.name}
          </label>
        ))}
      </fieldset>
      <GoalChoices options={options.goals} chosen={many('goals')} errors={errors} />
      <ExpertPicker
        id="field-experts"
        name="experts"
        label={t('calendar.form.experts')}
        options={options.experts}
        defaultValue={many('experts')}
        errors={errors}
        onChange={live.onChange}
      />
      <MarkdownField
        name="body"
        label={t('calendar.form.body')}
        errors={errors}
        rows={8}
        defaultValue={v('body')}
        hint={t('calendar.form.bodyHint')}
      />
      {hydrated ? (
        <LiveDisclosurePanel
          id="piece-live-disclosure"
          answer={live.answer}
          busy={live.busy}
          valueOf={live.valueOf}
          labelOf={(field) => t(FIELD_LABELS[field] ?? `disclosure.fields.${field}`)}
        />
      ) : null}
      <FieldError errors={errors} name="_form" id="form-error" />
      <div className="toolbar">
        <Link to={cancelTo}>{t('common.cancel')}</Link>
        <button
          type="submit"
          name="intent"
          value="save"
          disabled={navigation.state === 'submitting'}
        >
          {navigation.state === 'submitting' ? t('common.saving') : submitLabel}
        </button>
      </div>
    </Form>
  );
}

/**
 * The agreed goals the piece serves, as a group of checkboxes. The empty hidden `goals` tells
 * the server that the form carried the field, so clearing every box unlinks every goal.
 */
function GoalChoices({
  options,
  chosen,
  errors,
}: {
  options: PieceFormOptions['goals'];
  chosen: string[];
  errors?: FieldErrors;
}) {
  const { t } = useTranslation();
  const error = errors?.goals ? 'field-goals-error' : '';
  return (
    <fieldset className="field" aria-describedby={`field-goals-hint ${error}`.trim()}>
      <legend>{t('calendar.form.goals')}</legend>
      <input type="hidden" name="goals" value="" />
      <p className="field-hint" id="field-goals-hint">
        {t('calendar.form.goalsHint')}
      </p>
      {options.length ? (
        options.map((g) => (
          <label key={g.id} className="checkbox">
            <input
              type="checkbox"
              name="goals"
              value={g.id}
              defaultChecked={chosen.includes(g.id)}
            />
            {g.title}
            {g.status !== 'agreed' ? (
              <span className="field-hint"> ({t(`strategy.statuses.${g.status}`)})</span>
            ) : null}
          </label>
        ))
      ) : (
        <p className="empty">{t('calendar.form.noGoals')}</p>
      )}
      <FieldError errors={errors} name="goals" id="field-goals-error" />
    </fieldset>
  );
}
