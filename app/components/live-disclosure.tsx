import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveFinding, LiveVerdict } from '~/models/live-check.server';

/** How long typing must pause before the form asks the server again. */
export const LIVE_CHECK_DELAY = 400;
/** Characters of the field shown on each side of a finding. */
const CONTEXT = 40;

/** True once React runs in the browser: live panels are an enhancement, absent without JS. */
export function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

type Payload = Record<string, string | string[]>;

/**
 * Posts a form's values as JSON to a resource route once typing has paused for `delay` ms. The
 * values are read when the pause is over, each new call replaces the waiting one, and a new
 * request aborts the one still in flight, so the answer shown belongs to the latest values sent
 * (`sent`).
 *
 * A plain `fetch` rather than a Remix fetcher, on purpose: a fetcher's action makes Remix reload
 * every loader of the page after each answer (the piece page re-checks the stored piece, reads
 * its activity, …), several times a minute while someone types, and a fetcher still running when
 * the form is saved races the navigation. A check changes nothing, so there is nothing to reload.
 */
export function useDebouncedPost<T>(action: string, delay = LIVE_CHECK_DELAY) {
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const inFlight = useRef<AbortController | null>(null);
  const [sent, setSent] = useState<Payload>({});
  const [data, setData] = useState<T | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const post = useCallback(
    async (payload: Payload) => {
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      setSent(payload);
      setBusy(true);
      try {
        const response = await fetch(action, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify(payload),
          credentials: 'same-origin',
          signal: controller.signal,
        });
        const answer = (await response.json()) as T;
        if (!controller.signal.aborted) setData(answer);
      } catch {
        // aborted for a newer request, or the network is gone: the save checks regardless
      } finally {
        if (inFlight.current === controller) {
          inFlight.current = null;
          setBusy(false);
        }
      }
    },
    [action],
  );
  const schedule = useCallback(
    (read: () => Payload | null, wait = delay) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        const payload = read();
        if (payload) void post(payload);
      }, wait);
    },
    [delay, post],
  );
  // nothing is left running once the form is submitted or leaves the page
  const cancel = useCallback(() => {
    clearTimeout(timer.current);
    inFlight.current?.abort();
  }, []);
  useEffect(() => cancel, [cancel]);
  return { data, sent, schedule, cancel, busy };
}

/**
 * The live disclosure check of a form: call `onChange` on every change of the form; it also
 * checks once when the form appears, so what is already written is covered.
 */
export function useLiveDisclosure(
  form: React.RefObject<HTMLFormElement>,
  read: (form: HTMLFormElement) => Payload,
) {
  const { data, sent, schedule, cancel, busy } = useDebouncedPost<LiveAnswer>('/disclosure/check');
  const readRef = useRef(read);
  useEffect(() => {
    readRef.current = read;
  });
  const onChange = useCallback(
    (wait?: number) => schedule(() => (form.current ? readRef.current(form.current) : null), wait),
    [form, schedule],
  );
  useEffect(() => onChange(0), [onChange]);
  const valueOf = (field: string) => {
    const value = sent[field];
    return typeof value === 'string' ? value : undefined;
  };
  return { answer: data, busy, onChange: () => onChange(), onSubmit: cancel, valueOf };
}

/** What the check route answers: the verdict, or why it could not check (bad or oversized input). */
export type LiveAnswer = LiveVerdict | { error: string; fields?: string[] };

/** A form's text fields as the live check sends them (several values of one name as a list). */
export function formPayload(form: HTMLFormElement, lists: readonly string[]) {
  const data = new FormData(form);
  const out: Payload = {};
  for (const key of new Set(data.keys())) {
    const values = data.getAll(key).filter((v): v is string => typeof v === 'string');
    out[key] = lists.includes(key) ? values : (values[0] ?? '');
  }
  return out;
}

/**
 * Where a finding sits in the field's value: at its offsets when the value there still reads
 * the same, else the occurrence nearest to them (the person may have typed on since), else
 * nowhere (the field is a list of names, or the passage is gone).
 */
function locate(value: string | undefined, f: LiveFinding): [number, number] | null {
  if (!value) return null;
  if (value.slice(f.start, f.end) === f.excerpt) return [f.start, f.end];
  let best: number | null = null;
  for (let at = value.indexOf(f.excerpt); at >= 0; at = value.indexOf(f.excerpt, at + 1)) {
    if (best === null || Math.abs(at - f.start) < Math.abs(best - f.start)) best = at;
    if (!f.excerpt) break;
  }
  return best === null || !f.excerpt ? null : [best, best + f.excerpt.length];
}

function Passage({ value, finding }: { value: string | undefined; finding: LiveFinding }) {
  const span = locate(value, finding);
  if (!span || value === undefined) return <mark>{finding.excerpt}</mark>;
  const [start, end] = span;
  const from = Math.max(0, start - CONTEXT);
  const to = Math.min(value.length, end + CONTEXT);
  return (
    <>
      {from > 0 ? '…' : ''}
      {value.slice(from, start)}
      <mark>{value.slice(start, end)}</mark>
      {value.slice(end, to)}
      {to < value.length ? '…' : ''}
    </>
  );
}

/**
 * The findings of the disclosure check while a form is being written: each with its severity,
 * rule, field and passage (highlighted within its context in the field's value) and the rule's
 * message. Announced politely, so a screen reader hears new findings without losing its place.
 */
export function LiveDisclosurePanel({
  id,
  answer,
  busy,
  valueOf,
  labelOf,
}: {
  id: string;
  answer: LiveAnswer | undefined;
  busy: boolean;
  /** the field's value as it was sent, for the passage's context */
  valueOf: (field: string) => string | undefined;
  labelOf: (field: string) => string;
}) {
  const { t } = useTranslation();
  const verdict = answer && 'findings' in answer ? answer : null;
  const problem = answer && 'error' in answer ? answer.error : null;
  return (
    <section className="card live-disclosure" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('disclosure.live.title')}</h2>
      {/* a live region without role="status": the page's own status messages (saved, moved)
          stay the one status on the page */}
      <div aria-live="polite">
        {busy ? <p className="field-hint">{t('disclosure.live.checking')}</p> : null}
        {problem ? (
          <p className="field-hint">
            {problem === 'tooLarge' ? t('disclosure.live.tooLarge') : t('disclosure.live.invalid')}
          </p>
        ) : verdict?.failed ? (
          <p className="field-hint">{t('disclosure.live.failed')}</p>
        ) : verdict && !verdict.findings.length ? (
          <p>{t('disclosure.live.clean')}</p>
        ) : verdict ? (
          <ul className="plain">
            {verdict.findings.map((f, i) => (
              <li key={`${f.field}-${f.start}-${f.end}-${i}`}>
                <span
                  className="badge"
                  data-tone={f.exempted ? 'ok' : f.severity === 'block' ? 'danger' : 'warn'}
                >
                  {f.exempted ? t('disclosure.exempted') : t(`severity.${f.severity}`)}
                </span>{' '}
                <strong>{f.ruleName}</strong> · {labelOf(f.field)}
                <p className="pre-wrap">
                  <Passage value={valueOf(f.field)} finding={f} />
                </p>
                {f.message ? <p className="field-hint">{f.message}</p> : null}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <p className="field-hint">{t('disclosure.live.hint')}</p>
    </section>
  );
}
