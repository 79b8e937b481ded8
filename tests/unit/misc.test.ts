import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formDataToObject, parseForm } from '~/utils/forms';
import { isCrossSite } from '../../app/server/http';

describe('parseForm', () => {
  const schema = z.object({
    name: z.string().min(1, 'validation.required'),
    age: z.coerce.number().max(3, 'validation.tooLong'),
  });
  it('answers the data when valid', () => {
    expect(parseForm(schema, { name: 'A', age: '2' })).toEqual({
      ok: true,
      data: { name: 'A', age: 2 },
    });
  });
  it('answers one i18n key per field with its values', () => {
    const result = parseForm(schema, { name: '', age: '9' });
    expect(result).toEqual({
      ok: false,
      errors: {
        name: { key: 'validation.required', values: { min: 1 } },
        age: { key: 'validation.tooLong', values: { max: 3 } },
      },
    });
  });
  it('turns repeated fields into arrays', () => {
    const fd = new FormData();
    fd.append('roles', 'a');
    fd.append('roles', 'b');
    fd.append('name', 'x');
    expect(formDataToObject(fd, ['roles', 'tags'])).toEqual({
      roles: ['a', 'b'],
      name: 'x',
      tags: [],
    });
  });
});

describe('isCrossSite', () => {
  const req = (method: string, headers: Record<string, string>) => ({
    method,
    get: (name: string) => headers[name.toLowerCase()],
    app: { get: () => undefined },
  });
  it('refuses a POST from another origin', () => {
    expect(isCrossSite(req('POST', { origin: 'http://evil.example', host: 'lotse.example' }))).toBe(
      true,
    );
    expect(isCrossSite(req('POST', { origin: 'null', host: 'lotse.example' }))).toBe(true);
    expect(
      isCrossSite(req('POST', { referer: 'https://evil.example/x', host: 'lotse.example' })),
    ).toBe(true);
  });
  it('lets same-origin, unlabelled and reading requests pass', () => {
    expect(
      isCrossSite(req('POST', { origin: 'https://lotse.example', host: 'lotse.example' })),
    ).toBe(false);
    expect(isCrossSite(req('POST', { host: 'lotse.example' }))).toBe(false);
    expect(isCrossSite(req('GET', { origin: 'http://evil.example', host: 'lotse.example' }))).toBe(
      false,
    );
  });
});

describe('pageTitle', () => {
  it('names the page in the reader’s language', async () => {
    const { pageTitle } = await import('~/utils/meta');
    expect(pageTitle([{ id: 'root', data: { locale: 'de' } }], 'calendar.title')).toEqual([
      { title: 'Redaktionskalender · Lotse' },
    ]);
    expect(pageTitle([{ id: 'root', data: { locale: 'en' } }], 'knowledge.title', 'Item')).toEqual([
      { title: 'Item · Knowledge inventory · Lotse' },
    ]);
    expect(pageTitle([], null)).toEqual([{ title: 'Lotse' }]);
  });
});
