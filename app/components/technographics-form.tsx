import { Form, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { TECHNOGRAPHIC_GROUPS, type TechnographicGroup } from '~/domain/strategy/technographics';
import { readTechnographicsForm, TechnographicsFormSchema } from '~/forms/technographics';
import type { FieldErrors } from '~/utils/forms';
import { useFormat } from '~/utils/use-format';
import { useValidatedForm } from '~/utils/use-validated-form';
import { FieldError, TextField } from './field';

/** The form's fields as the action reads them back (and the page fills them in). */
export type TechnographicsFormValues = ReturnType<typeof readTechnographicsForm>['values'];

type StoredProfile = {
  shares: Record<TechnographicGroup, number>;
  source: string;
  surveyedAt: string;
  version: number;
};

/** The stored profile as the form shows it; empty fields when there is none yet. */
export function profileFormValues(profile: StoredProfile | null): TechnographicsFormValues {
  return {
    ...(Object.fromEntries(
      TECHNOGRAPHIC_GROUPS.map((g) => [g, profile ? String(profile.shares[g]) : '']),
    ) as Record<TechnographicGroup, string>),
    source: profile?.source ?? '',
    surveyedAt: profile?.surveyedAt ?? '',
  };
}

/**
 * An audience's Social Technographics profile: the share of each group in percent, with source
 * and date. `version` (the stored profile's) guards against overwriting a change made meanwhile.
 */
export function TechnographicsForm({
  values,
  errors: serverErrors,
  version,
}: {
  values: TechnographicsFormValues;
  errors?: FieldErrors;
  version?: number;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const validation = useValidatedForm({
    schema: TechnographicsFormSchema,
    read: readTechnographicsForm,
  });
  const errors = validation.errorsWith(serverErrors);
  const busy =
    navigation.state === 'submitting' && navigation.formData?.get('intent') === 'profile';
  return (
    <Form
      method="post"
      className="stack technographics-form"
      key={version ?? 'new'}
      {...validation.formProps()}
    >
      <input type="hidden" name="intent" value="profile" />
      {version ? <input type="hidden" name="expectedVersion" value={version} /> : null}
      <fieldset className="share-fields">
        <legend>{t('technographics.form.shares')}</legend>
        {TECHNOGRAPHIC_GROUPS.map((group) => {
          const id = `field-${group}`;
          const invalid = Boolean(errors[group]);
          return (
            <div className="field" key={group}>
              <label htmlFor={id}>{t(`technographics.groups.${group}`)}</label>
              <span className="input-with-unit">
                <input
                  id={id}
                  name={group}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={100}
                  step={1}
                  required
                  defaultValue={values[group]}
                  aria-invalid={invalid || undefined}
                  aria-describedby={[`${id}-unit`, `${id}-hint`, invalid ? `${id}-error` : null]
                    .filter(Boolean)
                    .join(' ')}
                />
                <span id={`${id}-unit`} className="unit">
                  {t('technographics.form.percent')}
                </span>
              </span>
              <p className="field-hint" id={`${id}-hint`}>
                {t(`technographics.groupHints.${group}`)}
              </p>
              <FieldError errors={errors} name={group} id={`${id}-error`} />
            </div>
          );
        })}
      </fieldset>
      <TextField
        name="source"
        label={t('technographics.form.source')}
        hint={t('technographics.form.sourceHint')}
        errors={errors}
        defaultValue={values.source}
        maxLength={200}
      />
      <TextField
        name="surveyedAt"
        type="date"
        label={t('technographics.form.surveyedAt')}
        errors={errors}
        defaultValue={values.surveyedAt}
        required
      />
      <div className="toolbar">
        <button type="submit" disabled={busy}>
          {busy ? t('common.saving') : t('technographics.form.save')}
        </button>
      </div>
    </Form>
  );
}

/** The profile for readers who may not change it: the shares as a table, source and date. */
export function TechnographicsSummary({ profile }: { profile: StoredProfile }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <>
      <table>
        <caption className="visually-hidden">{t('technographics.form.shares')}</caption>
        <tbody>
          {TECHNOGRAPHIC_GROUPS.map((group) => (
            <tr key={group}>
              <th scope="row">{t(`technographics.groups.${group}`)}</th>
              <td>
                {f.number(profile.shares[group])} {t('technographics.form.percent')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <SourceLine profile={profile} />
    </>
  );
}

/** Where the figures come from and when they were surveyed. */
export function SourceLine({ profile }: { profile: Pick<StoredProfile, 'source' | 'surveyedAt'> }) {
  const { t } = useTranslation();
  const f = useFormat();
  const date = f.longDate(`${profile.surveyedAt}T12:00:00Z`);
  return (
    <p className="field-hint">
      {profile.source
        ? t('technographics.sourceLine', { source: profile.source, date })
        : t('technographics.dateLine', { date })}
    </p>
  );
}
