import {
  json,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ExemptionRequests } from '~/components/exemption-requests';
import { HighlightedText } from '~/components/highlighted-text';
import { PublishedButBlocked } from '~/components/published-but-blocked';
import { ReachSummary } from '~/components/rule-reach';
import { publishedButBlocked, tryRules } from '~/models/disclosure.server';
import { decideExemption, listOpenExemptions } from '~/models/exemption.server';
import { importRuleSet, listRules, RuleImportConflict } from '~/models/rule.server';
import { ruleSetReach } from '~/models/rule-reach.server';
import { requirePermission } from '~/utils/auth.server';
import { intent, intentAction } from '~/utils/intent-action.server';
import { failureOf } from '~/utils/intent-result';
import { pageTitle } from '~/utils/meta';
import { parseRuleSet } from '~/utils/ruleset.server';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'rules.title');

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'rules:read');
  const [rules, exemptions, blockedPublished] = await Promise.all([
    listRules(),
    listOpenExemptions(),
    publishedButBlocked(),
  ]);
  return json({ rules, exemptions, blockedPublished });
}

/** A rule-set file as the import reads it: refused with the reasons, or its rules. */
async function readRuleSetFile(file: FormDataEntryValue | null) {
  if (!(file instanceof File) || !file.size)
    return { ok: false as const, problem: 'noFile' as const };
  let data: unknown;
  try {
    data = JSON.parse(await file.text());
  } catch {
    return { ok: false as const, problem: 'invalidJson' as const };
  }
  const parsed = parseRuleSet(data);
  return parsed.ok
    ? parsed
    : { ok: false as const, problem: 'invalidSet' as const, messages: parsed.errors };
}

const FILE_PROBLEMS = { noFile: 400, invalidJson: 400, invalidSet: 400 } as const;

/** The upload's form, or a 413 answer when the file is larger than an import reads. */
async function readUpload(request: Request): Promise<FormData | Response> {
  if (!(request.headers.get('Content-Type') ?? '').startsWith('multipart/form-data')) {
    return request.formData();
  }
  try {
    return await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: 5 * 1024 * 1024 }),
    );
  } catch {
    const problem = 'fileTooLarge';
    return json(
      { ok: false, intent: 'import', errors: {}, problem, values: null, detail: { problem } },
      { status: 413 },
    );
  }
}

export async function action(args: ActionFunctionArgs) {
  const decide = (grant: boolean) =>
    intent({
      schema: z.object({
        id: z.string().default(''),
        note: z
          .string()
          .default('')
          .transform((v) => v.slice(0, 2000)),
      }),
      run: ({ user, data }) => decideExemption({ ...data, actorId: user.id, grant }),
      // each problem has its message (already decided, the piece changed meanwhile…)
      problems: 409,
      done: () => json({ ok: true as const, intent: 'decide' as const }),
    });
  return intentAction(
    args,
    {
      try: intent({
        schema: z.object({
          text: z
            .string()
            .default('')
            .transform((v) => v.slice(0, 200_000)),
        }),
        run: async ({ data }) => ({
          ok: true as const,
          text: data.text,
          ...(await tryRules(data)),
        }),
        done: ({ text, decision, findings }) =>
          json({ ok: true as const, intent: 'try' as const, text, decision, findings }),
      }),
      grant: decide(true),
      deny: decide(false),
      // a dry run first: what each rule of the set would block or warn on, nothing imported
      'preview-import': intent({
        schema: z.object({}),
        run: async ({ user, form }) => {
          const set = await readRuleSetFile(form.get('file'));
          if (!set.ok) return set;
          return {
            ok: true as const,
            rules: await ruleSetReach({ rules: set.rules, viewer: user }),
          };
        },
        problems: FILE_PROBLEMS,
        done: ({ rules }) => json({ ok: true as const, intent: 'import-preview' as const, rules }),
      }),
      import: intent({
        schema: z.object({}),
        run: async ({ user, form }) => {
          const set = await readRuleSetFile(form.get('file'));
          if (!set.ok) return set;
          try {
            return {
              ok: true as const,
              ...(await importRuleSet({ rules: set.rules, actorId: user.id })),
            };
          } catch (error) {
            // other writers kept changing these rules while the import tried again and again
            if (error instanceof RuleImportConflict)
              return { ok: false as const, problem: 'rulesChangedMeanwhile' as const };
            throw error;
          }
        },
        problems: { ...FILE_PROBLEMS, rulesChangedMeanwhile: 409 },
        done: ({ created, updated, recheck }) =>
          json({
            ok: true as const,
            intent: 'import' as const,
            created,
            updated,
            movedBack: recheck.movedBack,
          }),
      }),
    },
    { guard: 'rules:manage', default: 'import', readForm: readUpload },
  );
}

type ActionData = ReturnType<typeof useActionData<typeof action>>;

/** An import's answer as the page shows it: the counts, or the reasons it was refused. */
function importOutcome(data: ActionData) {
  if (data?.ok && data.intent === 'import') return { ...data, errors: [] as string[] };
  // a refused file answers the preview as it answers the import
  const failed = failureOf(data, 'import') ?? failureOf(data, 'preview-import');
  if (!failed) return null;
  const detail = failed.detail as { messages?: string[] } | null;
  return { ok: false as const, errors: detail?.messages ?? [`import.${failed.problem}`] };
}

export default function RulesIndex() {
  const { rules, exemptions, blockedPublished } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const tried = data?.ok && data.intent === 'try' ? data : null;
  const importPreview = data?.ok && data.intent === 'import-preview' ? data : null;
  const imported = importOutcome(data);
  const refused = failureOf(data, 'grant') ?? failureOf(data, 'deny');
  const decided =
    data?.ok && data.intent === 'decide'
      ? { ok: true }
      : refused
        ? { ok: false, problem: `rules.exemptions.${refused.problem}` }
        : null;
  return (
    <>
      <div className="toolbar">
        <h1>{t('rules.title')}</h1>
        <div className="inline">
          <Link className="button" to="new">
            {t('rules.new')}
          </Link>
          <a className="button button-secondary" href="/rules/export" download>
            {t('rules.export')}
          </a>
        </div>
      </div>
      <p className="intro">{t('rules.intro')}</p>
      <ExemptionRequests exemptions={exemptions} result={decided} />
      <PublishedButBlocked pieces={blockedPublished} />
      {rules.length ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('rules.columns.name')}</th>
              <th scope="col">{t('rules.columns.category')}</th>
              <th scope="col">{t('rules.columns.severity')}</th>
              <th scope="col">{t('rules.columns.kind')}</th>
              <th scope="col">{t('rules.columns.patterns')}</th>
              <th scope="col">{t('rules.columns.active')}</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={r.id}>{r.name}</Link>
                </td>
                <td>{r.category || t('common.none')}</td>
                <td>
                  <span className="badge" data-tone={r.severity === 'block' ? 'danger' : 'warn'}>
                    {t(`severity.${r.severity}`)}
                  </span>
                </td>
                <td>{t(`ruleKinds.${r.kind}`)}</td>
                <td>
                  <div className="tags">
                    {r.patterns.map((p) => (
                      <code key={p} className="badge">
                        {p}
                      </code>
                    ))}
                  </div>
                </td>
                <td>{r.active ? t('rules.activeYes') : t('rules.inactive')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="empty">{t('rules.empty')}</p>
      )}
      <section className="card" aria-labelledby="try-title">
        <h2 id="try-title">{t('rules.try.title')}</h2>
        <Form method="post" className="stack wide">
          <input type="hidden" name="intent" value="try" />
          <div className="field">
            <label htmlFor="try-text">{t('rules.try.label')}</label>
            <textarea id="try-text" name="text" rows={5} defaultValue={tried?.text ?? ''} />
          </div>
          <div>
            <button type="submit" disabled={navigation.state === 'submitting'}>
              {t('rules.try.check')}
            </button>
          </div>
        </Form>
        {tried ? (
          <div role="status" aria-live="polite">
            <p>
              <span
                className="badge"
                data-tone={
                  tried.decision === 'block' ? 'danger' : tried.decision === 'warn' ? 'warn' : 'ok'
                }
              >
                {t(`rules.try.decision.${tried.decision}`)}
              </span>{' '}
              {t('rules.try.findings', { count: tried.findings.length })}
            </p>
            <HighlightedText text={tried.text} findings={tried.findings} />
          </div>
        ) : null}
      </section>
      <section className="card" aria-labelledby="import-rules-title">
        <h2 id="import-rules-title">{t('rules.import.title')}</h2>
        <p className="field-hint">{t('rules.import.intro')}</p>
        {imported ? (
          imported.ok ? (
            <p className="notice" role="status">
              {t('rules.import.done', {
                created: imported.created,
                updated: imported.updated,
                movedBack: imported.movedBack,
              })}
            </p>
          ) : (
            <div className="form-error" role="alert">
              <p>{t('rules.import.refused')}</p>
              <ul>
                {imported.errors.map((e) => (
                  <li key={e}>{e.startsWith('import.') ? t(e) : e}</li>
                ))}
              </ul>
            </div>
          )
        ) : null}
        <Form method="post" encType="multipart/form-data" className="inline">
          <label htmlFor="rules-file">{t('rules.import.file')}</label>
          <input id="rules-file" type="file" name="file" accept=".json,application/json" required />
          <button type="submit" name="intent" value="preview-import" className="button-secondary">
            {t('rules.import.preview')}
          </button>
          <button type="submit" className="button-secondary">
            {t('rules.import.submit')}
          </button>
        </Form>
        {importPreview ? (
          <div role="status" aria-live="polite">
            <h3>{t('rules.import.previewTitle')}</h3>
            <ul className="plain">
              {importPreview.rules.map((r) => (
                <li key={r.id}>
                  <span className="badge" data-tone={r.severity === 'block' ? 'danger' : 'warn'}>
                    {t(`severity.${r.severity}`)}
                  </span>{' '}
                  <strong>{r.name}</strong>
                  <ReachSummary reach={r.reach} />
                  {r.reach.items.length ? (
                    <ul>
                      {r.reach.items.map((item) => (
                        <li key={`${item.type}-${item.id}`}>
                          <Link
                            to={
                              item.type === 'piece'
                                ? `/calendar/${item.id}`
                                : `/knowledge/${item.id}`
                            }
                          >
                            {item.title}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  {r.reach.more ? <p>{t('rules.reach.more', { count: r.reach.more })}</p> : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>
    </>
  );
}
