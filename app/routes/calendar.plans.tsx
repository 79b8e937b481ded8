import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CHANNELS, DEADLINE_STAGES } from '~/domain/calendar/vocabulary';
import { listChannelPlans, saveChannelPlan } from '~/models/channel-plan.server';
import { requirePermission } from '~/utils/auth.server';
import { intent, intentAction } from '~/utils/intent-action.server';
import { pageTitle } from '~/utils/meta';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'calendar.plans.title');

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'calendar:plan');
  return json({ plans: await listChannelPlans() });
}

const days = z.coerce
  .number('validation.number')
  .int('validation.number')
  .min(0, 'validation.number')
  .max(365, 'validation.number');
const PlanSchema = z.object({
  channel: z.enum(CHANNELS),
  cadenceCount: z.coerce
    .number('validation.number')
    .int('validation.number')
    .min(0, 'validation.number')
    .max(100, 'validation.number'),
  cadencePeriod: z.enum(['week', 'month', 'quarter']),
  in_production: days,
  in_review: days,
  approved: days,
});

export async function action(args: ActionFunctionArgs) {
  return intentAction(
    args,
    {
      save: intent({
        schema: PlanSchema,
        run: async ({ user, data: { channel, cadenceCount, cadencePeriod, ...lead } }) => {
          await saveChannelPlan({ channel, cadenceCount, cadencePeriod, lead, actorId: user.id });
          return { ok: true as const };
        },
        done: () => redirect('/calendar/plans?saved=1'),
      }),
    },
    { default: 'save', guard: 'calendar:plan' },
  );
}

export default function ChannelPlans() {
  const { plans } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <section aria-labelledby="plans-title">
      <p>
        <Link to="/calendar">{t('calendar.back')}</Link>
      </p>
      <h1 id="plans-title">{t('calendar.plans.title')}</h1>
      <p className="intro">{t('calendar.plans.intro')}</p>
      {data && !data.ok ? (
        <p className="form-error" role="alert">
          {t('calendar.plans.invalid')}
        </p>
      ) : null}
      <div className="grid">
        {plans.map((p) => (
          <Form
            method="post"
            key={p.channel}
            className="card stack"
            aria-label={t(`channels.${p.channel}`)}
          >
            <h2>{t(`channels.${p.channel}`)}</h2>
            <input type="hidden" name="channel" value={p.channel} />
            <div className="field">
              <label htmlFor={`${p.channel}-count`}>{t('calendar.plans.cadence')}</label>
              <div className="inline">
                <input
                  id={`${p.channel}-count`}
                  name="cadenceCount"
                  type="number"
                  min={0}
                  max={100}
                  defaultValue={p.cadenceCount}
                />
                <label htmlFor={`${p.channel}-period`} className="visually-hidden">
                  {t('calendar.plans.period')}
                </label>
                <select
                  id={`${p.channel}-period`}
                  name="cadencePeriod"
                  defaultValue={p.cadencePeriod}
                >
                  {(['week', 'month', 'quarter'] as const).map((x) => (
                    <option key={x} value={x}>
                      {t(`calendar.plans.per.${x}`)}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            {DEADLINE_STAGES.map((s) => (
              <div className="field" key={s}>
                <label htmlFor={`${p.channel}-${s}`}>
                  {t('calendar.plans.lead', { stage: t(`status.piece.${s}`) })}
                </label>
                <input
                  id={`${p.channel}-${s}`}
                  name={s}
                  type="number"
                  min={0}
                  max={365}
                  defaultValue={p.lead[s] ?? 0}
                />
              </div>
            ))}
            <div>
              <button type="submit">{t('calendar.plans.save')}</button>
            </div>
          </Form>
        ))}
      </div>
    </section>
  );
}
