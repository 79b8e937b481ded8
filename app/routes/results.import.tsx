import {
  json,
  redirect,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import {
  Form,
  useActionData,
  useLoaderData,
  useNavigation,
  useSearchParams,
} from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { useDayFormat } from '~/components/observations';
import { ProblemAlert } from '~/components/problem-alert';
import { ResultsImportHistory, ResultsPreviewTable } from '~/components/results-import';
import { MappingForm, SavedMappings } from '~/components/results-mappings';
import { UploadField } from '~/components/upload-field';
import { decodeExport, MAX_RESULTS_BYTES } from '~/domain/results/csv';
import { PRESETS } from '~/domain/results/presets';
import {
  mappingOfForm,
  ResultMappingDeleteSchema,
  ResultMappingSaveSchema,
  ResultsCommitSchema,
  ResultsPreviewSchema,
  ResultsUndoSchema,
} from '~/forms/results';
import {
  commitResultsImport,
  listResultImports,
  previewResultsImport,
  undoResultsImport,
  type ImportRequest,
} from '~/models/results-import.server';
import {
  deleteResultMapping,
  listSavedMappings,
  saveResultMapping,
} from '~/models/results-mapping.server';
import { requirePermission } from '~/utils/auth.server';
import { intent, intentAction } from '~/utils/intent-action.server';
import { errorsOf, failureOf } from '~/utils/intent-result';
import { pageTitle } from '~/utils/meta';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'results.import.title');

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'results:import');
  const [imports, mappings] = await Promise.all([listResultImports(), listSavedMappings()]);
  return json({ imports, mappings });
}

/** The upload's form, or a 413 answer when the file is larger than an import reads. */
async function readUpload(request: Request): Promise<FormData | Response> {
  if (!(request.headers.get('Content-Type') ?? '').startsWith('multipart/form-data'))
    return request.formData();
  try {
    return await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: MAX_RESULTS_BYTES }),
    );
  } catch {
    const problem = 'tooLarge';
    const body = { ok: false, intent: 'preview', errors: {}, problem, values: null, detail: null };
    return json(body, { status: 413 });
  }
}

type ImportFields = { preset: string; from: string; to: string; mapping: string };
const requestOf = (fileName: string, text: string, data: ImportFields): ImportRequest => ({
  fileName,
  text,
  preset: data.preset === 'auto' ? undefined : (data.preset as ImportRequest['preset']),
  mappingId: data.mapping || null,
  period: data.from && data.to ? { start: data.from, end: data.to } : undefined,
});

/**
 * "preview" reads the uploaded file and writes nothing; "commit" sends the same content again
 * and imports it all or nothing; "undo" removes a whole import's results. "saveMapping" saves
 * a column mapping under a name (then chosen for the next import), "deleteMapping" removes one.
 */
export async function action(args: ActionFunctionArgs) {
  const fileProblems = { file: 400, mappingGone: 409, noFile: 400 } as const;
  return intentAction(
    args,
    {
      preview: intent({
        schema: ResultsPreviewSchema,
        keepValues: true,
        run: async ({ data, form }) => {
          const file = form.get('file');
          if (!(file instanceof File) || (!file.size && !file.name))
            return { ok: false as const, problem: 'noFile' as const };
          // a file was chosen, but it holds nothing
          if (!file.size)
            return {
              ok: false as const,
              problem: 'file' as const,
              file: { code: 'empty' as const, message: 'the file is empty' },
            };
          const text = decodeExport(new Uint8Array(await file.arrayBuffer()));
          const outcome = await previewResultsImport(requestOf(file.name, text, data));
          return outcome.ok ? { ...outcome, fileName: file.name, text } : outcome;
        },
        problems: fileProblems,
        done: ({ preview, fileName, text }, { data }) =>
          json({
            ok: true as const,
            intent: 'preview' as const,
            preview,
            fileName,
            text,
            fields: data,
          }),
      }),
      commit: intent({
        schema: ResultsCommitSchema,
        run: ({ user, data }) =>
          commitResultsImport({ actor: user, request: requestOf(data.name, data.content, data) }),
        problems: { ...fileProblems, hasProblems: 400, nothingMatched: 400, notAllowed: 403 },
        done: ({ id }) => redirect(`/results/import?imported=${encodeURIComponent(id)}`),
      }),
      undo: intent({
        schema: ResultsUndoSchema,
        run: ({ user, data }) =>
          undoResultsImport({ actor: user, id: data.id, expectedVersion: data.expectedVersion }),
        problems: { notFound: 404, alreadyUndone: 409, conflict: 409, notAllowed: 403 },
        done: () => redirect('/results/import?undone=1'),
      }),
      saveMapping: intent({
        schema: ResultMappingSaveSchema,
        keepValues: true,
        run: ({ user, data }) =>
          saveResultMapping({
            actor: user,
            input: { name: data.name, preset: data.preset, mapping: mappingOfForm(data) },
          }),
        problems: {
          invalid: 400,
          notAllowed: 403,
          nameTaken: { status: 409, field: 'name', key: 'results.problems.nameTaken' },
        },
        done: ({ id }) =>
          redirect(`/results/import?mappingSaved=1&mapping=${encodeURIComponent(id)}`),
      }),
      deleteMapping: intent({
        schema: ResultMappingDeleteSchema,
        run: ({ user, data }) => deleteResultMapping({ actor: user, ...data }),
        problems: { notFound: 409, conflict: 409, notAllowed: 403 },
        done: ({ name }) => redirect(`/results/import?mappingDeleted=${encodeURIComponent(name)}`),
      }),
    },
    { guard: 'results:import', readForm: readUpload },
  );
}

export default function ResultsImport() {
  const { imports, mappings } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const day = useDayFormat();
  // the submitted action's button says so; the others wait, keeping their names
  const submitting = navigation.state === 'submitting' ? navigation.formData : undefined;
  const busy = Boolean(submitting);
  const busyIntent = submitting?.get('intent') ?? null;
  const checked = data?.ok && data.intent === 'preview' ? data : null;
  const refused = failureOf(data, 'commit');
  const detail = refused?.detail as { preview?: NonNullable<typeof checked>['preview'] } | null;
  const preview = checked?.preview ?? detail?.preview ?? null;
  const fileFailure = failureOf(data, 'preview') ?? (detail?.preview ? null : refused);
  const fileDetail = fileFailure?.detail as {
    file?: { code: string; column?: string; values?: Record<string, string> };
  } | null;
  const fileProblem = fileFailure?.problem === 'file' ? fileDetail?.file : undefined;
  // a period that ends after today is the last day's problem
  const periodInvalid = fileProblem?.code === 'periodInFuture' ? 'to' : null;
  const errors = errorsOf(data, 'preview');
  const fields = checked?.fields;
  const mappingFailure = failureOf(data, 'saveMapping');
  return (
    <section className="card" aria-labelledby="results-import-title">
      <h1 id="results-import-title">{t('results.import.title')}</h1>
      <p className="intro">{t('results.import.intro')}</p>
      {params.get('imported') ? (
        <p role="status">{t('results.import.imported')}</p>
      ) : params.get('undone') ? (
        <p role="status">{t('results.import.undoneNow')}</p>
      ) : params.get('mappingSaved') ? (
        <p role="status">{t('results.mappings.saved')}</p>
      ) : params.get('mappingDeleted') ? (
        <p role="status">
          {t('results.mappings.deleted', { name: params.get('mappingDeleted') ?? '' })}
        </p>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="stack">
        <UploadField
          id="results-file"
          label={t('results.import.file')}
          hint={t('results.import.fileHint')}
          accept=".csv,text/csv"
        />
        <div className="field">
          <label htmlFor="results-preset">{t('results.import.preset')}</label>
          <select id="results-preset" name="preset" defaultValue={fields?.preset ?? 'auto'}>
            <option value="auto">{t('results.import.presetAuto')}</option>
            {PRESETS.map((p) => (
              <option key={p} value={p}>
                {t(`results.presets.${p}`)}
              </option>
            ))}
          </select>
        </div>
        {mappings.length ? (
          <div className="field">
            <label htmlFor="results-mapping">{t('results.import.mapping')}</label>
            <select
              id="results-mapping"
              name="mapping"
              key={params.get('mapping') ?? ''}
              defaultValue={fields?.mapping ?? params.get('mapping') ?? ''}
            >
              <option value="">{t('results.import.mappingNone')}</option>
              {mappings.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <fieldset>
          <legend>{t('results.import.period')}</legend>
          <p className="field-hint" id="results-period-hint">
            {t('results.import.periodHint')}
          </p>
          {(['from', 'to'] as const).map((name) => (
            <div className="field" key={name}>
              <label htmlFor={`results-${name}`}>{t(`results.import.${name}`)}</label>
              <input
                id={`results-${name}`}
                name={name}
                type="date"
                defaultValue={fields?.[name] ?? ''}
                aria-describedby="results-period-hint"
                aria-invalid={errors?.[name] || periodInvalid === name ? true : undefined}
              />
              {errors?.[name] ? <p className="field-error">{t(errors[name]!.key)}</p> : null}
            </div>
          ))}
        </fieldset>
        <div>
          <button type="submit" name="intent" value="preview" disabled={busy}>
            {busyIntent === 'preview' ? t('results.import.checking') : t('results.import.check')}
          </button>
        </div>
      </Form>
      {fileFailure?.problem ? (
        <ProblemAlert
          data={fileFailure}
          message={(p) =>
            p === 'file' && fileProblem
              ? t(`results.problems.${fileProblem.code}`, {
                  column: fileProblem.column ?? '',
                  ...fileProblem.values,
                  ...(fileProblem.values?.preset
                    ? { preset: t(`results.presets.${fileProblem.values.preset}`) }
                    : {}),
                  ...(fileProblem.values?.detected
                    ? { detected: t(`results.presets.${fileProblem.values.detected}`) }
                    : {}),
                  ...(fileProblem.values?.today ? { today: day(fileProblem.values.today) } : {}),
                })
              : t(`results.problems.${p}`)
          }
        />
      ) : null}
      {preview ? (
        <ResultsPreviewTable preview={preview} refused={refused?.problem ?? null}>
          {checked && !preview.problems.length && preview.observations ? (
            <Form method="post">
              <input type="hidden" name="name" value={checked.fileName} />
              <input type="hidden" name="content" value={checked.text} />
              {(['preset', 'from', 'to', 'mapping'] as const).map((name) => (
                <input key={name} type="hidden" name={name} value={checked.fields[name]} />
              ))}
              <button type="submit" name="intent" value="commit" disabled={busy}>
                {busyIntent === 'commit'
                  ? t('results.import.importing')
                  : t('results.import.commit', { count: preview.observations })}
              </button>
            </Form>
          ) : null}
        </ResultsPreviewTable>
      ) : null}
      <ResultsImportHistory
        imports={imports}
        refusal={failureOf(data, 'undo')?.problem ?? null}
        busy={busy}
        undoing={busyIntent === 'undo' ? String(submitting?.get('id') ?? '') : null}
      />
      <section aria-labelledby="mappings-title">
        <h2 id="mappings-title">{t('results.mappings.title')}</h2>
        <p className="intro">{t('results.mappings.intro')}</p>
        <ProblemAlert
          data={failureOf(data, 'deleteMapping')}
          message={(p) => t(`results.mappings.problems.${p}`)}
        />
        <SavedMappings
          mappings={mappings}
          busy={busy}
          deleting={busyIntent === 'deleteMapping' ? String(submitting?.get('id') ?? '') : null}
        />
        <MappingForm
          key={`${params.get('mappingSaved') ?? ''}-${preview?.preset ?? ''}`}
          values={mappingFailure?.values}
          serverErrors={mappingFailure?.errors}
          preset={preview?.preset}
          busy={busy}
          saving={busyIntent === 'saveMapping'}
        />
      </section>
    </section>
  );
}
