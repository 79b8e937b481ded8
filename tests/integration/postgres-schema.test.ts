// The PostgreSQL schema and its migrations must not drift from the SQLite schema, the source of
// truth (prisma/schema.prisma; prisma/postgres-schema.mjs derives prisma/postgresql/schema.prisma).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMigrations } from '../../app/server/migrate';
import { POSTGRES_SCHEMA, SQLITE_SCHEMA, postgresSchema } from '../../prisma/postgres-schema.mjs';
import {
  describeSchema,
  dropSchemas,
  migratedSchema,
  runSql,
  TEST_POSTGRES,
  TMP,
  uniqueSchema,
} from '../setup/postgres';

/**
 * The model and enum blocks of a schema, by name, with comments, blank lines and
 * database-specific attributes (native types, `map:` names of the provider) left out.
 */
function models(text: string): Map<string, string> {
  const blocks = new Map<string, string>();
  for (const match of text.matchAll(/^(model|enum|view|type)\s+(\w+)\s*\{([^}]*)\}/gm)) {
    const body = (match[3] as string)
      .split('\n')
      .map((line) =>
        line
          .replace(/\/\/.*$/, '')
          .replace(/@db\.\w+(\([^)]*\))?/g, '')
          .replace(/\s+/g, ' ')
          .trim(),
      )
      .filter(Boolean)
      .join('\n');
    blocks.set(`${match[1]} ${match[2]}`, body);
  }
  return blocks;
}

const sqlite = fs.readFileSync(SQLITE_SCHEMA, 'utf8');
const postgres = fs.readFileSync(POSTGRES_SCHEMA, 'utf8');

describe('the PostgreSQL schema', () => {
  it('has the same models as the SQLite schema', () => {
    const expected = models(sqlite);
    expect(expected.size).toBeGreaterThan(20);
    expect(Object.fromEntries(models(postgres))).toEqual(Object.fromEntries(expected));
  });

  it('is what prisma/postgres-schema.mjs derives (run it after changing prisma/schema.prisma)', () => {
    expect(postgres).toBe(postgresSchema(sqlite));
    expect(postgres).toMatch(/provider\s*=\s*"postgresql"/);
  });
});

describe('the PostgreSQL migrations', () => {
  // the database the PostgreSQL schema describes, as Prisma would create it from nothing
  const fromEmpty = () =>
    execFileSync(
      path.resolve('node_modules/.bin/prisma'),
      ['migrate', 'diff', '--from-empty', '--to-schema-datamodel', POSTGRES_SCHEMA, '--script'],
      {
        encoding: 'utf8',
        // (the JS engine of prisma.config.ts diffs without connecting; it needs a SQLite URL)
        env: { ...process.env, DATABASE_URL: `file:${path.resolve(TMP, 'diff.db')}` },
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
  const migrations = readMigrations();

  it('exist and are named like the SQLite ones', () => {
    expect(migrations.length).toBeGreaterThan(0);
    for (const m of migrations) {
      expect(fs.existsSync(path.join('prisma', 'migrations', m.name, 'migration.sql'))).toBe(true);
    }
  });

  it.skipIf(!TEST_POSTGRES)(
    'create the database the PostgreSQL schema describes (on LOTSE_TEST_DATABASE)',
    { timeout: 180_000 },
    async () => {
      const url = TEST_POSTGRES as string;
      const migrated = uniqueSchema('drift_migrated');
      const expected = uniqueSchema('drift_expected');
      try {
        await migratedSchema(url, migrated);
        await runSql(url, expected, fromEmpty());
        expect(await describeSchema(url, migrated)).toEqual(await describeSchema(url, expected));
      } finally {
        await dropSchemas(url, [migrated, expected]);
      }
    },
  );

  // Without a PostgreSQL server the migrations can only be compared as text: the first
  // migration must be exactly what Prisma writes for the schema from nothing.
  it.skipIf(Boolean(TEST_POSTGRES) || migrations.length !== 1)(
    'create the database the PostgreSQL schema describes (compared as SQL text)',
    { timeout: 180_000 },
    () => {
      const normalize = (sql: string) => sql.replace(/\s+/g, ' ').trim();
      expect(normalize(migrations.map((m) => m.sql).join('\n'))).toBe(normalize(fromEmpty()));
    },
  );
});
