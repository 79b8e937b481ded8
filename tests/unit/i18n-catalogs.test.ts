import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import de from '~/locales/de.json';
import en from '~/locales/en.json';
import { NOTIFICATION_EVENTS } from '~/domain/notifications/events';

function flatten(obj: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object'
      ? flatten(v as Record<string, unknown>, `${prefix}${k}.`)
      : [`${prefix}${k}`],
  );
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory())
      return e.name === 'generated' || e.name === 'locales' ? [] : sourceFiles(full);
    return /\.(ts|tsx|mjs)$/.test(e.name) ? [full] : [];
  });
}

const enKeys = flatten(en).sort();
const deKeys = flatten(de).sort();
const source = sourceFiles(path.resolve('app'))
  .map((f) => fs.readFileSync(f, 'utf8'))
  .join('\n');
// literal keys ('login.failed') and prefixes of keys built at run time (`status.piece.${status}`)
// notification events are identifiers that look like keys ('knowledge.submitted'); their
// texts live under notifications.events.<event>
const identifiers = new Set<string>(NOTIFICATION_EVENTS);
const literals = new Set(
  [...source.matchAll(/['"`]([a-z][A-Za-z]*(?:\.[A-Za-z0-9_]+)+)['"`]/g)]
    .map((m) => m[1])
    .filter((k) => !identifiers.has(k as string)),
);
// keys a text takes in by nesting (`$t(results.import.rowCount, {"count": {{rows}} })`), e.g.
// to give each count of a sentence its own plural; they must exist like the others
for (const text of [JSON.stringify(en), JSON.stringify(de)])
  for (const m of text.matchAll(/\$t\(([a-z][A-Za-z]*(?:\.[A-Za-z0-9_]+)+)/g)) literals.add(m[1]);
const prefixes = [...source.matchAll(/`([a-z][A-Za-z]*(?:\.[A-Za-z0-9_]+)*\.)\$\{/g)].map(
  (m) => m[1] as string,
);

/** The key a plural form belongs to (i18next picks `x_one`, `x_other`, … for `x` with a count). */
const plural = (key: string) => /^(.*)_(zero|one|two|few|many|other)$/.exec(key)?.[1] ?? null;

describe('message catalogs', () => {
  it('have the same keys in German and English', () => {
    expect(deKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
    expect(enKeys.filter((k) => !deKeys.includes(k))).toEqual([]);
  });

  it('have no empty texts', () => {
    const empty = (obj: Record<string, unknown>) =>
      flatten(obj).filter(
        (k) =>
          k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], obj) === '',
      );
    expect(empty(en)).toEqual([]);
    expect(empty(de)).toEqual([]);
  });

  it('contain every key the interface uses', () => {
    const namespaces = new Set(enKeys.map((k) => k.split('.')[0]));
    const missing = [...literals].filter(
      (k) =>
        k &&
        namespaces.has(k.split('.')[0] as string) &&
        !enKeys.includes(k) &&
        !enKeys.some((e) => e.startsWith(`${k}.`) || plural(e) === k),
    );
    expect(missing).toEqual([]);
  });

  it('contain no key the interface never uses', () => {
    const unused = enKeys.filter(
      (k) =>
        !literals.has(k) &&
        !literals.has(plural(k) as string) &&
        !prefixes.some((p) => k.startsWith(p)),
    );
    expect(unused).toEqual([]);
  });
});
