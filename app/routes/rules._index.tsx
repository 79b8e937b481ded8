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
import { ExemptionRequests } from '~/components/exemption-requests';
import { HighlightedText } from '~/components/highlighted-text';
import { PublishedButBlocked } from '~/components/published-but-blocked';
import { ReachSummary } from '~/components/rule-reach';
import { publishedButBlocked, tryRules } from '~/models/disclosure.server';
import { decideExemption, listOpenExemptions } from '~/models/exemption.server';
import { importRuleSet, listRules, RuleImportConflict } from '~/models/rule.server';
import { ruleSetReach } from '~/models/rule-reach.server';
import { requirePermission } from '~/utils/auth.server';
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

type TryResult = {
  intent: 'try';
  text: string;
  decision: string;
  findings: { start: number; end: number; ruleId: string; severity: string; message?: string }[];
};
type ImportResult = {
  intent: 'import';
  ok: boolean;
  errors: string[];
  created?: number;
  updated?: number;
  movedBack?: number;
};
type DecideResult = { intent: 'decide'; ok: boolean; problem?: string };
type ImportPreview = {
  intent: 'import-preview';
  rules: Awaited<ReturnType<typeof ruleSetReach>>;
};

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'rules:manage');
  if ((request.headers.get('Content-Type') ?? '').startsWith('multipart/form-data')) {
    let form: FormData;
    try {
      form = await unstable_parseMultipartFormData(
        request,
        unstable_createMemoryUploadHandler({ maxPartSize: 5 * 1024 * 1024 }),
      );
    } catch {
      return json<ImportResult>(
        { intent: 'import', ok: false, errors: ['import.fileTooLarge'] },
        { status: 413 },
      );
    }
    const file = form.get('file');
    if (!(file instanceof File) || !file.size)
      return json<ImportResult>(
        { intent: 'import', ok: false, errors: ['import.noFile'] },
        { status: 400 },
      );
    let data: unknown;
    try {
      data = JSON.parse(await file.text());
    } catch {
      return json<ImportResult>(
        { intent: 'import', ok: false, errors: ['import.invalidJson'] },
        { status: 400 },
      );
    }
    const parsed = parseRuleSet(data);
    if (!parsed.ok)
      return json<ImportResult>(
        { intent: 'import', ok: false, errors: parsed.errors },
        { status: 400 },
      );
    // a dry run first: what each rule of the set would block or warn on, nothing imported
    if (form.get('intent') === 'preview-import')
      return json<ImportPreview>({
        intent: 'import-preview',
        rules: await ruleSetReach({ rules: parsed.rules, viewer: user }),
      });
    let result;
    try {
      result = await importRuleSet({ rules: parsed.rules, actorId: user.id });
    } catch (error) {
      // other writers kept changing these rules while the import tried again and again
      if (error instanceof RuleImportConflict)
        return json<ImportResult>(
          { intent: 'import', ok: false, errors: ['import.rulesChangedMeanwhile'] },
          { status: 409 },
        );
      throw error;
    }
    return json<ImportResult>({
      intent: 'import',
      ok: true,
      errors: [],
      created: result.created,
      updated: result.updated,
      movedBack: result.recheck.movedBack,
    });
  }
  const form = await request.formData();
  const intent = form.get('intent');
  if (intent === 'try') {
    const text = String(form.get('text') ?? '').slice(0, 200_000);
    const verdict = await tryRules({ text });
    return json<TryResult>({
      intent: 'try',
      text,
      decision: verdict.decision,
      findings: verdict.findings,
    });
  }
  if (intent === 'grant' || intent === 'deny') {
    const outcome = await decideExemption({
      id: String(form.get('id') ?? ''),
      actorId: user.id,
      grant: intent === 'grant',
      note: String(form.get('note') ?? '').slice(0, 2000),
    });
    return json<DecideResult>(
      {
        intent: 'decide',
        ok: outcome.ok,
        problem: outcome.ok ? undefined : `rules.exemptions.${outcome.problem}`,
      },
      { status: outcome.ok ? 200 : 409 },
    );
  }
  throw new Response('Unknown intent', { status: 400 });
}

export default function RulesIndex() {
  const { rules, exemptions, blockedPublished } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const tried = data?.intent === 'try' ? (data as TryResult) : null;
  const imported = data?.intent === 'import' ? (data as ImportResult) : null;
  const importPreview = data?.intent === 'import-preview' ? (data as ImportPreview) : null;
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
      <ExemptionRequests
        exemptions={exemptions}
        result={data?.intent === 'decide' ? (data as DecideResult) : null}
      />
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
