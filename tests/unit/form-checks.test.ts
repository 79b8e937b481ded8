import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { NeedFormSchema, readNeedForm } from '~/forms/audience';
import { DeleteSchema } from '~/forms/delete';
import { GlossaryFormSchema, readGlossaryForm } from '~/forms/glossary';
import { KnowledgeFormSchema, readKnowledgeFormData } from '~/forms/knowledge';
import { pieceFormSchema } from '~/forms/piece';
import { NewUserFormSchema } from '~/forms/user';
import { formDataToObject, parseForm } from '~/utils/forms';
import { checkFormData, toFieldErrors } from '~/utils/use-validated-form';
import { NewUserSchema } from '~/utils/user-validation.server';

const TZ = 'Europe/Berlin';

function formData(entries: [string, string][]) {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
}

/** The browser's errors (conform) for the form data, in the server's shape. */
function browserErrors(checks: Parameters<typeof checkFormData>[0], data: FormData) {
  const submission = checkFormData(checks, data);
  return submission.status === 'success' ? {} : toFieldErrors(submission.error ?? {});
}

function serverErrors(schema: z.ZodType, input: Record<string, unknown>) {
  const result = parseForm(schema, input);
  return result.ok ? {} : result.errors;
}

describe('the browser checks a form as its action does', () => {
  it('gives the same messages for the same form data', () => {
    const cases = [
      {
        checks: { schema: NeedFormSchema, read: readNeedForm },
        data: formData([
          ['audienceId', ''],
          ['text', 'a'],
          ['tags', 'x'.repeat(100)],
          ['tagsText', 'more, tags'],
          ['priority', '7'],
          ['language', 'xx'],
        ]),
      },
      {
        checks: { schema: GlossaryFormSchema, read: readGlossaryForm },
        data: formData([
          ['de', 'Zorbulak'],
          ['en', ''],
          ['both', ''],
          ['note', ''],
        ]),
      },
      {
        checks: { schema: KnowledgeFormSchema, read: readKnowledgeFormData },
        data: formData([
          ['title', ''],
          ['summary', ' '],
          ['kind', 'expertise'],
          ['language', 'de'],
          ['department', ''],
          ['links', 'ftp://example.org'],
          ['intent', 'submit'],
        ]),
      },
      { checks: { schema: DeleteSchema }, data: formData([['expectedVersion', '3']]) },
      {
        checks: { schema: pieceFormSchema(TZ), arrays: ['audiences', 'experts'] },
        data: formData([
          ['channel', 'webinar'],
          ['title', ''],
          ['publishAt', '2027-02-30T10:00'],
          ['slug', 'Not A Slug'],
          ['webinarStart', '2027-06-04T16:00'],
          ['webinarEnd', '2027-06-04T15:00'],
          ['audiences', 'a1'],
          ['audiences', 'a2'],
        ]),
      },
    ];
    for (const { checks, data } of cases) {
      const input =
        'read' in checks && checks.read
          ? checks.read(data).input
          : formDataToObject(data, 'arrays' in checks ? checks.arrays : []);
      const server = serverErrors(checks.schema, input);
      expect(Object.keys(server).length).toBeGreaterThan(0);
      expect(browserErrors(checks, data)).toEqual(server);
    }
  });

  it('lets valid data through', () => {
    const submission = checkFormData(
      { schema: GlossaryFormSchema, read: readGlossaryForm },
      formData([
        ['de', 'Zorbulak'],
        ['en', 'silicone hydrogel'],
      ]),
    );
    expect(submission.status).toBe('success');
  });
});

describe('a date the browser could not read', () => {
  const schema = pieceFormSchema(TZ);
  const base = { channel: 'blog', title: 'A piece' };

  it('is refused next to its field when the form says one was typed', () => {
    const result = parseForm(schema, { ...base, publishAt: '', enteredDates: 'publishAt' });
    expect(result).toMatchObject({
      ok: false,
      errors: { publishAt: { key: 'validation.dateInvalid' } },
    });
  });

  it('is refused when it arrives as an impossible date', () => {
    const result = parseForm(schema, { ...base, publishAt: '2027-02-30T10:00' });
    expect(result).toMatchObject({
      ok: false,
      errors: { publishAt: { key: 'validation.dateInvalid' } },
    });
  });

  it('refuses a webinar start typed but unreadable, too', () => {
    const result = parseForm(schema, {
      ...base,
      channel: 'webinar',
      webinarStart: '',
      enteredDates: 'publishAt webinarStart',
      publishAt: '2027-06-01T09:00',
    });
    expect(result).toMatchObject({
      ok: false,
      errors: { webinarStart: { key: 'validation.dateInvalid' } },
    });
  });

  it('keeps an empty date an idea when nothing was typed, and a readable one as it is', () => {
    const idea = parseForm(schema, { ...base, publishAt: '', enteredDates: '' });
    expect(idea.ok && idea.data.input.publishAt).toBeNull();
    const dated = parseForm(schema, {
      ...base,
      publishAt: '2027-02-28T10:00',
      enteredDates: 'publishAt',
    });
    expect(dated.ok && dated.data.input.publishAt).toEqual(new Date('2027-02-28T09:00:00Z'));
    // the flag is the form's business, not the piece's
    expect(dated.ok && 'enteredDates' in dated.data.input).toBe(false);
  });
});

describe('the user form', () => {
  it('is checked in the browser without the server’s password list', () => {
    const user = { name: 'Rita', email: 'rita@example.com', roles: ['editor'] };
    expect(NewUserFormSchema.safeParse({ ...user, password: 'Passwort2025!' }).success).toBe(true);
    expect(parseForm(NewUserSchema, { ...user, password: 'Passwort2025!' })).toMatchObject({
      ok: false,
      errors: { password: { key: 'validation.passwordCommon' } },
    });
    expect(serverErrors(NewUserFormSchema, { ...user, password: 'short' })).toEqual(
      serverErrors(NewUserSchema, { ...user, password: 'short' }),
    );
  });
});
