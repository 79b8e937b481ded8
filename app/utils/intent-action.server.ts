import { json, type ActionFunctionArgs, type TypedResponse } from '@remix-run/node';
import type { z } from 'zod';
import { NotAllowedError, type Action } from '~/domain/permissions';
import { requirePermission, requireUser } from './auth.server';
import { formDataToObject, parseForm, type FieldErrors } from './forms';
import type { SessionUser } from './session.server';

/**
 * The one shape of a route action: a table of intents, each with its permission, its form
 * schema, its model call and what the model's problems answer. `intentAction` parses the form,
 * authorizes, calls the model and maps the outcome, so a route declares what it does and never
 * repeats how.
 *
 * A model call answers `{ ok: true, … }` or `{ ok: false, problem, … }`. A problem maps to an
 * HTTP status, optionally with the field its message belongs next to; a problem answered with 404
 * is thrown (the error boundary shows "not found") rather than rendered in the form. A failure
 * that carries `errors` (field errors the model found, e.g. a vanished owner) shows them next to
 * their fields.
 */

export type Outcome = { ok: true } | { ok: false; problem: string };
type ProblemOf<O> = O extends { ok: false; problem: infer P extends string } ? P : never;
type SuccessOf<O> = Exclude<O, { ok: false }>;
/**
 * The model's failure as it was (a conflict's stored version, failing examples…), with its
 * problem, so that a page can narrow it by `detail.problem`.
 */
type DetailOf<O> = O extends { ok: false } ? Omit<O, 'ok' | 'errors'> : never;

export type ProblemAnswer =
  | number
  | {
      status: number;
      /** The field whose message this is; without one the message shows above the form. */
      field?: string;
      /** The i18n key of the field's message. */
      key?: string;
    };

export type IntentContext<Data> = {
  user: SessionUser;
  data: Data;
  form: FormData;
  request: Request;
  params: ActionFunctionArgs['params'];
};

type Values = Record<string, unknown>;
type FormReader<V extends Values> = (form: FormData) => { values: V; input: Values };

export type IntentSpec<
  S extends z.ZodType,
  O extends Outcome | Response,
  Done,
  V extends Values = Values,
> = {
  /** Who may use the intent; without one, the route's `guard` (or any signed-in user). */
  permission?: Action;
  /** The form's schema, or a function that builds it per request (e.g. in the workspace's zone). */
  schema: S | (() => Promise<S>);
  /**
   * Reads the form into the schema's input and the values to show again when it fails; by
   * default every field as entered (`arrays` lists the fields that repeat).
   */
  read?: FormReader<V>;
  arrays?: readonly string[];
  /**
   * Whether a failure sends the entered values back, so the form shows what was typed; always
   * so with a `read`.
   */
  keepValues?: boolean;
  run: (ctx: IntentContext<z.output<S>>) => Promise<O> | O;
  /** Every problem the model call may answer, or one status for all of them. */
  problems?: { [P in ProblemOf<O>]: ProblemAnswer } | number;
  /** The answer to success: usually a redirect, sometimes data for the page. */
  done: (outcome: SuccessOf<Exclude<O, Response>>, ctx: IntentContext<z.output<S>>) => Done;
};

/** Declares one intent; a function so that each entry infers its own schema and outcome. */
export function intent<
  S extends z.ZodType,
  O extends Outcome | Response,
  Done,
  V extends Values = Values,
>(spec: IntentSpec<S, O, Done, V>): IntentSpec<S, O, Done, V> {
  return spec;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyIntent = IntentSpec<any, any, any, any>;

/** The data a failed intent answers with, the same for every route. */
export type IntentFailure<I extends string = string, Detail = unknown, V = Values> = {
  ok: false;
  intent: I;
  errors: FieldErrors;
  /** A problem without a field of its own (conflict, in use, …); null for field errors. */
  problem: string | null;
  /** The form as entered, when the intent keeps values; null otherwise. */
  values: V | null;
  detail: Detail | null;
};

type DoneData<D> =
  Awaited<D> extends TypedResponse<infer T> ? T : Awaited<D> extends Response ? never : never;

type FailureOf<T extends Record<string, AnyIntent>> = {
  [K in keyof T & string]: T[K] extends IntentSpec<infer _S, infer O, infer _D, infer V>
    ? IntentFailure<K, DetailOf<Exclude<O, Response>>, V>
    : never;
}[keyof T & string];

type SuccessDataOf<T extends Record<string, AnyIntent>> = {
  [K in keyof T & string]: T[K] extends IntentSpec<infer _S, infer _O, infer D, infer _V>
    ? DoneData<D>
    : never;
}[keyof T & string];

export type IntentActionData<T extends Record<string, AnyIntent>> = FailureOf<T> | SuccessDataOf<T>;

export type IntentOptions<T> = {
  /** The intent of a form that sends none (a page's main form). */
  default?: keyof T & string;
  /** Checked before anything else, for every intent, also unknown ones. */
  guard?: Action;
  /**
   * Reads the request's form when it is not a plain one (an upload with a size limit); a
   * Response it returns (e.g. 413) is the answer.
   */
  readForm?: (request: Request) => Promise<FormData | Response>;
};

function failure(body: Omit<IntentFailure, 'ok'>, status: number): TypedResponse<IntentFailure> {
  return json({ ok: false as const, ...body }, { status });
}

async function authorize(request: Request, action: Action | undefined) {
  return action ? requirePermission(request, action) : requireUser(request);
}

/**
 * Answers a route action from a table of intents. The form's `intent` field picks the entry (or
 * `options.default` when the form has none); an unknown intent answers 400 after the guard.
 *
 * Routes call it inside `export async function action(args)`, building the table there: the
 * browser build drops that function with everything it uses, whereas a table built at module
 * level would run in the browser too, where server modules are empty.
 */
export async function intentAction<T extends Record<string, AnyIntent>>(
  { request, params }: ActionFunctionArgs,
  table: T,
  options: IntentOptions<T> = {},
): Promise<TypedResponse<IntentActionData<T>>> {
  {
    if (options.guard) await requirePermission(request, options.guard);
    const form = options.readForm ? await options.readForm(request) : await request.formData();
    if (form instanceof Response) return form as TypedResponse<never>;
    const sent = form.get('intent');
    const name = sent === null ? options.default : typeof sent === 'string' ? sent : undefined;
    const spec = name !== undefined && Object.hasOwn(table, name) ? table[name] : undefined;
    if (!name || !spec) {
      if (!options.guard) await requireUser(request);
      throw new Response('Unknown intent', {
        status: 400,
        headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      });
    }
    const user = await authorize(request, spec.permission ?? options.guard);
    // no database stores a NUL character in text (PostgreSQL refuses it): a field holding one is
    // refused here, with its message, instead of failing in the model
    const withNul = [...form.entries()].find(
      ([, value]) => typeof value === 'string' && value.includes('\u0000'),
    );
    if (withNul) {
      return failure(
        {
          intent: name,
          errors: { [withNul[0]]: { key: 'validation.invalid' } },
          problem: null,
          values: null,
          detail: null,
        },
        400,
      ) as TypedResponse<never>;
    }
    const { values, input } = spec.read
      ? spec.read(form)
      : (() => {
          const all = formDataToObject(form, spec.arrays ?? []);
          return { values: all, input: all };
        })();
    const shown = spec.read || spec.keepValues ? values : null;
    const schema = typeof spec.schema === 'function' ? await spec.schema() : spec.schema;
    const parsed = parseForm(schema, input);
    if (!parsed.ok) {
      return failure(
        { intent: name, errors: parsed.errors, problem: null, values: shown, detail: null },
        400,
      ) as TypedResponse<never>;
    }
    const ctx: IntentContext<unknown> = { user, data: parsed.data, form, request, params };
    let outcome: Outcome | Response;
    try {
      outcome = await spec.run(ctx);
    } catch (error) {
      // a model's own permission check (assertCan) refused: the same answer as the route's guard
      if (error instanceof NotAllowedError) {
        throw new Response('Forbidden', { status: 403, statusText: 'Forbidden' });
      }
      throw error;
    }
    if (outcome instanceof Response) return outcome as TypedResponse<never>;
    if (!outcome.ok) {
      const {
        ok: _ok,
        errors: modelErrors,
        ...detail
      } = outcome as { ok: false; problem: string; errors?: FieldErrors };
      const { problem } = detail;
      const answer: ProblemAnswer | undefined =
        typeof spec.problems === 'number' ? spec.problems : spec.problems?.[problem];
      if (answer === undefined) {
        throw new Error(`Intent ${name}: the model's problem "${problem}" has no answer`);
      }
      const { status, field, key } =
        typeof answer === 'number' ? { status: answer, field: undefined, key: undefined } : answer;
      if (status === 404 && !field) {
        throw new Response('Not found', {
          status: 404,
          headers: { 'Content-Type': 'text/plain; charset=utf-8' },
        });
      }
      if (status === 403 && !field) {
        throw new Response('Forbidden', { status: 403, statusText: 'Forbidden' });
      }
      const errors: FieldErrors =
        modelErrors ?? (field ? { [field]: { key: key ?? problem } } : {});
      return failure(
        {
          intent: name,
          errors,
          problem: field || modelErrors ? null : problem,
          values: shown,
          detail,
        },
        status,
      ) as TypedResponse<never>;
    }
    return (await spec.done(outcome, ctx)) as TypedResponse<never>;
  }
}
