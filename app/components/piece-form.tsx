import { Form, Link, useNavigation, useParams } from '@remix-run/react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, PLANNING_INPUT_RANGE } from '~/domain/calendar/vocabulary';
import type { FieldErrors } from '~/utils/forms';
import { FieldError, TextAreaField, TextField } from './field';
import {
  formPayload,
  LiveDisclosurePanel,
  useHydrated,
  useLiveDisclosure,
} from './live-disclosure';

/** The label of each field the disclosure check reads, as the form names it. */
const FIELD_LABELS: Record<string, string> = {
  title: 'calendar.form.title',
  brief: 'calendar.form.brief',
  body: 'calendar.form.body',
  slug: 'calendar.form.slug',
  targetUrl: 'calendar.form.targetUrl',
  guests: 'calendar.form.guests',
  speakers: 'calendar.form.speakers',
  registrationUrl: 'calendar.form.registrationUrl',
  owner: 'calendar.form.owner',
  audiences: 'calendar.form.audiences',
  experts: 'calendar.form.experts',
};

export type PieceFormValues = Record<string, string | string[]>;
type Option = { id: string; name: string };

/** Create and edit a content piece, with the fields its channel needs. */
export function PieceForm({
  values,
  errors,
  options,
  version,
  submitLabel,
  cancelTo,
}: {
  values: PieceFormValues;
  errors?: FieldErrors;
  options: { audiences: Option[]; owners: Option[]; experts: Option[] };
  version?: number;
  submitLabel: string;
  cancelTo: string;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
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
      noValidate
      onChange={live.onChange}
      onSubmit={live.onSubmit}
    >
      {version ? <input type="hidden" name="expectedVersion" value={version} /> : null}
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
      {channel === 'blog' ? (
        <fieldset className="channel-fields">
          <legend>{t('channels.blog')}</legend>
          <TextField
            name="slug"
            label={t('calendar.form.slug')}
            errors={errors}
            defaultValue={v('slug')}
            hint={t('calendar.form.slugHint')}
          />
          <TextField
            name="targetUrl"
            type="url"
            label={t('calendar.form.targetUrl')}
            errors={errors}
            defaultValue={v('targetUrl')}
          />
        </fieldset>
      ) : null}
      {channel === 'podcast' ? (
        <fieldset className="channel-fields">
          <legend>{t('channels.podcast')}</legend>
          <TextField
            name="episodeNumber"
            inputMode="numeric"
            label={t('calendar.form.episodeNumber')}
            errors={errors}
            defaultValue={v('episodeNumber')}
          />
          <TextField
            name="guests"
            label={t('calendar.form.guests')}
            errors={errors}
            defaultValue={v('guests')}
            hint={t('calendar.form.listHint')}
          />
          <TextField
            name="durationMinutes"
            inputMode="numeric"
            label={t('calendar.form.duration')}
            errors={errors}
            defaultValue={v('durationMinutes')}
          />
        </fieldset>
      ) : null}
      {channel === 'whitepaper' ? (
        <fieldset className="channel-fields">
          <legend>{t('channels.whitepaper')}</legend>
          <div className="field">
            <label htmlFor="field-gated">{t('calendar.form.gated')}</label>
            <select id="field-gated" name="gated" defaultValue={v('gated')}>
              <option value="">{t('calendar.form.undecided')}</option>
              <option value="yes">{t('calendar.form.gatedYes')}</option>
              <option value="no">{t('calendar.form.gatedNo')}</option>
            </select>
          </div>
          <TextField
            name="pageEstimate"
            inputMode="numeric"
            label={t('calendar.form.pages')}
            errors={errors}
            defaultValue={v('pageEstimate')}
          />
        </fieldset>
      ) : null}
      {channel === 'webinar' ? (
        <fieldset className="channel-fields">
          <legend>{t('channels.webinar')}</legend>
          <TextField
            name="webinarStart"
            type="datetime-local"
            {...PLANNING_INPUT_RANGE}
            label={t('calendar.form.start')}
            errors={errors}
            defaultValue={v('webinarStart')}
          />
          <TextField
            name="webinarEnd"
            type="datetime-local"
            {...PLANNING_INPUT_RANGE}
            label={t('calendar.form.end')}
            errors={errors}
            defaultValue={v('webinarEnd')}
          />
          <TextField
            name="speakers"
            label={t('calendar.form.speakers')}
            errors={errors}
            defaultValue={v('speakers')}
            hint={t('calendar.form.listHint')}
          />
          <TextField
            name="registrationUrl"
            type="url"
            label={t('calendar.form.registrationUrl')}
            errors={errors}
            defaultValue={v('registrationUrl')}
          />
        </fieldset>
      ) : null}
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
      <div className="field">
        <label htmlFor="field-experts">{t('calendar.form.experts')}</label>
        <select
          id="field-experts"
          name="experts"
          multiple
          size={5}
          defaultValue={many('experts')}
          aria-describedby="field-experts-hint"
        >
          {options.experts.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
        <p className="field-hint" id="field-experts-hint">
          {t('calendar.form.expertsHint')}
        </p>
      </div>
      <TextAreaField
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
