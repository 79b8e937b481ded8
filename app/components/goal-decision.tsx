import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { GoalAction } from '~/domain/strategy/workflow';
import type { FieldErrors } from '~/utils/forms';
import { TextAreaField } from './field';
import { useBusy } from './strategy-parts';

/** Management's decision on a goal: agree, retire, or send back with a comment. */
export function GoalDecision({
  actions,
  version,
  errors,
}: {
  actions: GoalAction[];
  version: number;
  errors?: FieldErrors;
}) {
  const { t } = useTranslation();
  const sendBackBusy = useBusy('send-back');
  return actions.some((a) => a !== 'edit') ? (
    <section className="card" aria-labelledby="goal-decision-title">
      <h2 id="goal-decision-title">{t('strategy.decision.title')}</h2>
      <div className="inline">
        {actions.includes('agree') ? (
          <Form method="post">
            <input type="hidden" name="intent" value="agree" />
            <input type="hidden" name="expectedVersion" value={version} />
            <button type="submit">{t('strategy.decision.agree')}</button>
          </Form>
        ) : null}
        {actions.includes('retire') ? (
          <Form method="post">
            <input type="hidden" name="intent" value="retire" />
            <input type="hidden" name="expectedVersion" value={version} />
            <button type="submit" className="button-secondary">
              {t('strategy.decision.retire')}
            </button>
          </Form>
        ) : null}
      </div>
      {actions.includes('send_back') ? (
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="send-back" />
          <input type="hidden" name="expectedVersion" value={version} />
          <TextAreaField
            name="comment"
            label={t('strategy.decision.comment')}
            hint={t('strategy.decision.commentHint')}
            errors={errors}
            rows={3}
            maxLength={2000}
          />
          <div className="toolbar">
            <button type="submit" className="button-secondary" disabled={sendBackBusy}>
              {t('strategy.decision.sendBack')}
            </button>
          </div>
        </Form>
      ) : null}
    </section>
  ) : null;
}
