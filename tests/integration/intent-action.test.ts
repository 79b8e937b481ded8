import { json, redirect } from '@remix-run/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { assertCan } from '~/domain/permissions';
import { intent, intentAction, type IntentOptions } from '~/utils/intent-action.server';
import { failureOf } from '~/utils/intent-result';
import { cookieFor, ORIGIN, setUpDemoWorkspace } from './route-harness';
import type { Who } from './route-access';

/**
 * The one helper every route action goes through: a table of intents, each with its
 * permission, schema, model call and problem answers. These tests use a table of their own, so
 * that each rule of the contract is checked once, here, rather than route by route.
 */

type Answer = { ok: true; id: string } | { ok: false; problem: 'gone' | 'taken' | 'changed' };

let modelAnswer: Answer = { ok: true, id: 'x1' };
const calls: unknown[] = [];

const table = {
  save: intent({
    permission: 'audiences:manage',
    schema: z.object({ name: z.string().trim().min(1, 'validation.required') }),
    keepValues: true,
    run: async ({ data }) => {
      calls.push(data);
      if (!modelAnswer.ok && modelAnswer.problem === 'changed') {
        return { ok: false as const, problem: 'changed' as const, current: { name: 'theirs' } };
      }
      return modelAnswer;
    },
    problems: {
      gone: 404,
      taken: { status: 409, field: 'name', key: 'audiences.form.nameTaken' },
      changed: 409,
    },
    done: ({ id }) => redirect(`/things/${id}`),
  }),
  peek: intent({
    schema: z.object({}),
    run: () => ({ ok: true as const }),
    done: () => json({ ok: true as const, intent: 'peek' as const }),
  }),
  forbidden: intent({
    schema: z.object({}),
    run: ({ user }) => {
      // a model's own check refuses what the route let through
      assertCan(user, 'users:manage');
      return { ok: true as const };
    },
    done: () => json({ ok: true as const }),
  }),
  any: intent({
    schema: z.object({}),
    run: (): { ok: true } | { ok: false; problem: 'a' | 'b' } => ({ ok: false, problem: 'b' }),
    problems: 422,
    done: () => json({ ok: true as const }),
  }),
};

async function post(
  who: Who,
  form: Record<string, string>,
  options: IntentOptions<typeof table> = {},
): Promise<{ status: number; body: unknown; location: string | null }> {
  const request = new Request(`${ORIGIN}/things`, {
    method: 'POST',
    headers: {
      ...(await cookieFor(who)),
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams(form),
  });
  let answer: Response;
  try {
    answer = await intentAction({ request, params: {}, context: {} }, table, options);
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    answer = thrown;
  }
  const type = answer.headers.get('Content-Type') ?? '';
  return {
    status: answer.status,
    location: answer.headers.get('Location'),
    body: type.includes('json') ? await answer.json() : await answer.text(),
  };
}

beforeAll(async () => {
  await setUpDemoWorkspace();
});

describe('intentAction', () => {
  it('calls the model with the parsed form and answers with the intent’s success', async () => {
    modelAnswer = { ok: true, id: 'x1' };
    calls.length = 0;
    const answer = await post('editor', { intent: 'save', name: '  Partners ' });
    expect(answer.status).toBe(302);
    expect(answer.location).toBe('/things/x1');
    expect(calls).toEqual([{ name: 'Partners' }]);
  });

  it('answers 400 to an unknown or missing intent, and calls nothing', async () => {
    calls.length = 0;
    expect((await post('editor', { intent: 'explode', name: 'x' })).status).toBe(400);
    expect((await post('editor', { name: 'x' })).status).toBe(400);
    expect((await post('editor', { intent: 'constructor' })).status).toBe(400);
    expect(calls).toEqual([]);
  });

  it('uses the default intent for a form that sends none', async () => {
    modelAnswer = { ok: true, id: 'x2' };
    const answer = await post('editor', { name: 'Partners' }, { default: 'save' });
    expect(answer.location).toBe('/things/x2');
  });

  it('checks the guard before anything else, also for an unknown intent', async () => {
    expect(
      (await post('expert', { intent: 'explode' }, { guard: 'audiences:manage' })).status,
    ).toBe(403);
    const anonymous = await post('anonymous', { intent: 'explode' });
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/login/);
  });

  it('checks each intent’s own permission before reading its fields', async () => {
    calls.length = 0;
    expect((await post('expert', { intent: 'save', name: '' })).status).toBe(403);
    expect(calls).toEqual([]);
    // an intent without a permission of its own is open to every signed-in user
    expect((await post('expert', { intent: 'peek' })).status).toBe(200);
  });

  it('refuses a NUL character, which no database stores, before calling the model', async () => {
    calls.length = 0;
    const answer = await post('editor', { intent: 'save', name: 'Part\u0000ners' });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ errors: { name: { key: 'validation.invalid' } } });
    expect(calls).toEqual([]);
  });

  it('answers a form the schema refuses with 400, the field’s message and the values typed', async () => {
    calls.length = 0;
    const answer = await post('editor', { intent: 'save', name: '   ' });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      ok: false,
      intent: 'save',
      errors: { name: { key: 'validation.required', values: { min: 1 } } },
      problem: null,
      values: { intent: 'save', name: '   ' },
      detail: null,
    });
    expect(calls).toEqual([]);
  });

  it('puts a problem that belongs to a field next to that field', async () => {
    modelAnswer = { ok: false, problem: 'taken' };
    const answer = await post('editor', { intent: 'save', name: 'Partners' });
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({
      ok: false,
      intent: 'save',
      errors: { name: { key: 'audiences.form.nameTaken' } },
      problem: null,
    });
  });

  it('answers other problems with their status, the problem and what the model said', async () => {
    modelAnswer = { ok: false, problem: 'changed' };
    const answer = await post('editor', { intent: 'save', name: 'Partners' });
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({
      problem: 'changed',
      detail: { problem: 'changed', current: { name: 'theirs' } },
      values: { name: 'Partners' },
    });
    expect(failureOf(answer.body, 'save')).not.toBeNull();
    expect(failureOf(answer.body, 'delete')).toBeNull();
  });

  it('throws a 404 for a problem answered with 404, so the error boundary shows it', async () => {
    modelAnswer = { ok: false, problem: 'gone' };
    const answer = await post('editor', { intent: 'save', name: 'Partners' });
    expect(answer.status).toBe(404);
    expect(answer.body).toBe('Not found');
  });

  it('answers every problem with one status when the intent gives one', async () => {
    modelAnswer = { ok: false, problem: 'gone' };
    const answer = await post('editor', { intent: 'any' });
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ problem: 'b' });
  });

  it('answers 403 when the model’s own permission check refuses', async () => {
    expect((await post('editor', { intent: 'forbidden' })).status).toBe(403);
  });

  it('returns what a custom form reader answers instead of reading further', async () => {
    const answer = await post(
      'editor',
      { intent: 'save', name: 'x' },
      { readForm: async () => json({ tooLarge: true }, { status: 413 }) },
    );
    expect(answer.status).toBe(413);
  });
});
