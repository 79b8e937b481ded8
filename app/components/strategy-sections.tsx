import { Form, Link, useSearchParams } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { REVIEW_CADENCES, STOCK_TAKE_KINDS } from '~/domain/strategy/vocabulary';
import { isReviewOverdue } from '~/domain/strategy/review';
import {
  CadenceSchema,
  MilestoneSchema,
  MilestoneUpdateSchema,
  OwnerSchema,
  StockTakeSchema,
  StockTakeUpdateSchema,
} from '~/forms/strategy';
import type { FieldErrors } from '~/utils/forms';
import { errorsOf, failureOf } from '~/utils/intent-result';
import { useValidatedForm } from '~/utils/use-validated-form';
import { TextAreaField } from './field';
import { formatDay, InputField, RemoveButton, SelectField, useBusy } from './strategy-parts';

type Settings = {
  owner: { id: string; name: string } | null;
  reviewCadenceMonths: number;
  lastReviewOn: string | null;
  nextReviewOn: string | null;
  version: number;
};

/** The values a failed form of the page sent, to show them again. */
function sent(data: unknown, intent: string): Record<string, string> {
  const values = (failureOf(data, intent) as { values?: unknown } | null)?.values;
  return values && typeof values === 'object' ? (values as Record<string, string>) : {};
}

/** The overall owner and the review cadence, with management's forms to change them. */
export function OwnerAndReview({
  settings,
  owners,
  today,
  canAgree,
  data,
}: {
  settings: Settings;
  owners: { id: string; name: string }[];
  today: string;
  canAgree: boolean;
  data: unknown;
}) {
  const { t, i18n } = useTranslation();
  const ownerForm = useValidatedForm({ schema: OwnerSchema });
  const cadenceForm = useValidatedForm({ schema: CadenceSchema });
  const ownerBusy = useBusy('owner');
  const cadenceBusy = useBusy('cadence');
  const version = settings.version || undefined;
  const overdue = settings.nextReviewOn && isReviewOverdue(settings.nextReviewOn, today);
  return (
    <div className="grid">
      <section className="card" aria-labelledby="owner-title">
        <h2 id="owner-title">{t('strategy.owner.title')}</h2>
        <p>
          {settings.owner
            ? t('strategy.owner.named', { name: settings.owner.name })
            : t('strategy.owner.none')}
        </p>
        {canAgree ? (
          <Form method="post" className="stack" {...ownerForm.formProps()}>
            <input type="hidden" name="intent" value="owner" />
            {version ? <input type="hidden" name="expectedVersion" value={version} /> : null}
            <SelectField
              name="ownerId"
              label={t('strategy.owner.label')}
              errors={ownerForm.errorsWith(errorsOf(data, 'owner'))}
              defaultValue={settings.owner?.id ?? ''}
              placeholder={t('strategy.owner.nobody')}
              options={owners.map((o) => ({ value: o.id, label: o.name }))}
            />
            <div className="toolbar">
              <button type="submit" disabled={ownerBusy}>
                {ownerBusy ? t('common.saving') : t('strategy.owner.save')}
              </button>
            </div>
          </Form>
        ) : null}
      </section>
      <section className="card" aria-labelledby="review-title">
        <h2 id="review-title">{t('strategy.review.title')}</h2>
        <dl className="facts">
          <dt>{t('strategy.review.cadence')}</dt>
          <dd>{t('strategy.review.everyMonths', { count: settings.reviewCadenceMonths })}</dd>
          <dt>{t('strategy.review.last')}</dt>
          <dd>
            {settings.lastReviewOn
              ? formatDay(settings.lastReviewOn, i18n.language)
              : t('strategy.review.never')}
          </dd>
          <dt>{t('strategy.review.next')}</dt>
          <dd>
            {settings.nextReviewOn
              ? formatDay(settings.nextReviewOn, i18n.language)
              : t('strategy.review.unknown')}
            {overdue ? ` (${t('strategy.review.overdue')})` : null}
          </dd>
        </dl>
        {canAgree ? (
          <Form method="post" className="stack" {...cadenceForm.formProps()}>
            <input type="hidden" name="intent" value="cadence" />
            {version ? <input type="hidden" name="expectedVersion" value={version} /> : null}
            <SelectField
              name="cadenceMonths"
              label={t('strategy.review.cadence')}
              errors={cadenceForm.errorsWith(errorsOf(data, 'cadence'))}
              defaultValue={String(settings.reviewCadenceMonths)}
              options={REVIEW_CADENCES.map((m) => ({
                value: String(m),
                label: t('strategy.review.everyMonths', { count: m }),
              }))}
            />
            <InputField
              type="date"
              name="lastReviewOn"
              label={t('strategy.review.last')}
              errors={cadenceForm.errorsWith(errorsOf(data, 'cadence'))}
              defaultValue={settings.lastReviewOn ?? ''}
            />
            <div className="toolbar">
              <button type="submit" disabled={cadenceBusy}>
                {cadenceBusy ? t('common.saving') : t('strategy.review.save')}
              </button>
            </div>
          </Form>
        ) : null}
      </section>
    </div>
  );
}

type Entry = {
  id: string;
  kind: string;
  text: string;
  evidence: string;
  notedOn: string;
  version: number;
};

/** A record of one of the page's lists (a stock-take entry, a milestone) as its form shows it. */
type ListRecord = { id: string; version: number };

/**
 * The form that adds a record to one of the strategy's lists or changes one in place: the
 * intent, the record's id and version when it changes one (so a change made meanwhile is a
 * conflict), the fields, and Save with Cancel. Used by the stock-take and the timeline alike.
 */
function ListRecordForm<S extends Parameters<typeof useValidatedForm>[0]['schema']>({
  intent,
  schema,
  record,
  heading,
  headingId,
  submitLabel,
  cancelTo,
  data,
  fields,
}: {
  intent: string;
  schema: S;
  record?: ListRecord;
  heading: string;
  headingId?: string;
  submitLabel: string;
  cancelTo?: string;
  data: unknown;
  fields: (form: { errors: FieldErrors; values: Record<string, string> }) => ReactNode;
}) {
  const { t } = useTranslation();
  const form = useValidatedForm({ schema });
  const errors = form.errorsWith(errorsOf(data, intent));
  const busy = useBusy(intent);
  return (
    <Form
      method="post"
      className="stack"
      key={record ? `${record.id}-${record.version}` : intent}
      {...form.formProps()}
    >
      <h3 id={headingId}>{heading}</h3>
      <input type="hidden" name="intent" value={intent} />
      {record ? (
        <>
          <input type="hidden" name="id" value={record.id} />
          <input type="hidden" name="expectedVersion" value={record.version} />
        </>
      ) : null}
      {fields({ errors, values: sent(data, intent) })}
      <div className="toolbar">
        {cancelTo ? <Link to={cancelTo}>{t('common.cancel')}</Link> : null}
        <button type="submit" disabled={busy}>
          {busy ? t('common.saving') : submitLabel}
        </button>
      </div>
    </Form>
  );
}

/** Which record of a list is being changed in place (`?edit<list>=id`), if any. */
function useEditing<R extends ListRecord>(param: string, records: R[], canEdit: boolean) {
  const [params] = useSearchParams();
  const id = params.get(param);
  return canEdit && id ? (records.find((r) => r.id === id) ?? null) : null;
}

/** Strengths, weaknesses, market trends and competitors, each with its evidence and date. */
export function StockTake({
  entries,
  canEdit,
  today,
  data,
}: {
  entries: Entry[];
  canEdit: boolean;
  today: string;
  data: unknown;
}) {
  const { t, i18n } = useTranslation();
  const editing = useEditing('editStock', entries, canEdit);
  const fields =
    (entry?: Entry) =>
    ({ errors, values }: { errors: FieldErrors; values: Record<string, string> }) => {
      const p = entry ? 'stock-edit' : 'stock';
      return (
        <>
          <SelectField
            idPrefix={p}
            name="kind"
            label={t('strategy.stock.kind')}
            errors={errors}
            defaultValue={values.kind ?? entry?.kind ?? 'strength'}
            options={STOCK_TAKE_KINDS.map((k) => ({
              value: k,
              label: t(`strategy.stockKinds.${k}`),
            }))}
          />
          <InputField
            idPrefix={p}
            name="text"
            label={t('strategy.stock.text')}
            errors={errors}
            defaultValue={values.text ?? entry?.text}
            maxLength={500}
            required
          />
          <TextAreaField
            name="evidence"
            label={t('strategy.stock.evidence')}
            hint={t('strategy.stock.evidenceHint')}
            errors={errors}
            defaultValue={values.evidence ?? entry?.evidence}
            rows={2}
            maxLength={2000}
          />
          <InputField
            idPrefix={p}
            type="date"
            name="notedOn"
            label={t('strategy.stock.notedOn')}
            errors={errors}
            defaultValue={values.notedOn ?? entry?.notedOn ?? today}
            required
          />
        </>
      );
    };
  return (
    <section className="card" aria-labelledby="stock-title">
      <h2 id="stock-title">{t('strategy.stock.title')}</h2>
      {entries.length ? (
        <table>
          <caption className="visually-hidden">{t('strategy.stock.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('strategy.stock.kind')}</th>
              <th scope="col">{t('strategy.stock.text')}</th>
              <th scope="col">{t('strategy.stock.evidence')}</th>
              <th scope="col">{t('strategy.stock.notedOn')}</th>
              {canEdit ? <th scope="col">{t('common.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{t(`strategy.stockKinds.${e.kind}`)}</td>
                <th scope="row">{e.text}</th>
                <td>{e.evidence || t('common.none')}</td>
                <td>{formatDay(e.notedOn, i18n.language)}</td>
                {canEdit ? (
                  <td>
                    <div className="inline">
                      <Link to={`?editStock=${e.id}#stock-editing`}>
                        {t('strategy.stock.edit', { text: e.text })}
                      </Link>
                      <RemoveButton
                        intent="stock-remove"
                        id={e.id}
                        version={e.version}
                        label={t('strategy.stock.remove', { text: e.text })}
                      />
                    </div>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t('strategy.stock.none')}</p>
      )}
      {editing ? (
        <ListRecordForm
          intent="stock-update"
          schema={StockTakeUpdateSchema}
          record={editing}
          heading={t('strategy.stock.editTitle', { text: editing.text })}
          headingId="stock-editing"
          submitLabel={t('strategy.stock.save')}
          cancelTo="/strategy#stock-title"
          data={data}
          fields={fields(editing)}
        />
      ) : canEdit ? (
        <ListRecordForm
          intent="stock"
          schema={StockTakeSchema}
          heading={t('strategy.stock.add')}
          submitLabel={t('strategy.stock.addSubmit')}
          data={data}
          fields={fields()}
        />
      ) : null}
    </section>
  );
}

type Milestone = { id: string; title: string; date: string; note: string; version: number };

/** The strategy's timeline: milestones in date order. */
export function MilestoneList({
  milestones,
  canEdit,
  today,
  data,
}: {
  milestones: Milestone[];
  canEdit: boolean;
  today: string;
  data: unknown;
}) {
  const { t, i18n } = useTranslation();
  const editing = useEditing('editMilestone', milestones, canEdit);
  const fields =
    (milestone?: Milestone) =>
    ({ errors, values }: { errors: FieldErrors; values: Record<string, string> }) => {
      const p = milestone ? 'milestone-edit' : 'milestone';
      return (
        <>
          <InputField
            idPrefix={p}
            name="title"
            label={t('strategy.timeline.milestoneTitle')}
            errors={errors}
            defaultValue={values.title ?? milestone?.title}
            maxLength={160}
            required
          />
          <InputField
            idPrefix={p}
            type="date"
            name="date"
            label={t('strategy.timeline.date')}
            errors={errors}
            defaultValue={values.date ?? milestone?.date}
            required
          />
          <TextAreaField
            name="note"
            label={t('strategy.timeline.note')}
            errors={errors}
            defaultValue={values.note ?? milestone?.note}
            rows={2}
            maxLength={1000}
          />
        </>
      );
    };
  return (
    <section className="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('strategy.timeline.title')}</h2>
      {milestones.length ? (
        <ol className="plain">
          {milestones.map((m) => (
            <li key={m.id}>
              <div className="inline">
                <strong>{formatDay(m.date, i18n.language)}</strong>
                <span>{m.title}</span>
                {m.date < today ? (
                  <span className="badge">{t('strategy.timeline.past')}</span>
                ) : null}
                {canEdit ? (
                  <>
                    <Link to={`?editMilestone=${m.id}#milestone-editing`}>
                      {t('strategy.timeline.edit', { title: m.title })}
                    </Link>
                    <RemoveButton
                      intent="milestone-remove"
                      id={m.id}
                      version={m.version}
                      label={t('strategy.timeline.remove', { title: m.title })}
                    />
                  </>
                ) : null}
              </div>
              {m.note ? <p>{m.note}</p> : null}
            </li>
          ))}
        </ol>
      ) : (
        <p>{t('strategy.timeline.none')}</p>
      )}
      {editing ? (
        <ListRecordForm
          intent="milestone-update"
          schema={MilestoneUpdateSchema}
          record={editing}
          heading={t('strategy.timeline.editTitle', { title: editing.title })}
          headingId="milestone-editing"
          submitLabel={t('strategy.timeline.save')}
          cancelTo="/strategy#timeline-title"
          data={data}
          fields={fields(editing)}
        />
      ) : canEdit ? (
        <ListRecordForm
          intent="milestone"
          schema={MilestoneSchema}
          heading={t('strategy.timeline.add')}
          submitLabel={t('strategy.timeline.addSubmit')}
          data={data}
          fields={fields()}
        />
      ) : null}
    </section>
  );
}
