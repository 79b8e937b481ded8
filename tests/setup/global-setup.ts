import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { dropSchemas, ensureDatabase, schemasLike, TEST_POSTGRES, uniqueSchema } from './postgres';

/**
 * One migrated SQLite file that every test worker copies, so migrations run once per run.
 * LOTSE_TEST_TMP moves the scratch folder, so two runs on one checkout don't share it.
 * With LOTSE_TEST_DATABASE=postgresql://… the tests use that database instead: each test file
 * gets a schema of its own whose name starts with this run's prefix; they are dropped at the end.
 */
export const TMP = path.resolve(process.env.LOTSE_TEST_TMP ?? path.join('tests', '.tmp'));
export const BASE_DB = path.join(TMP, 'base.db');

declare module 'vitest' {
  export interface ProvidedContext {
    /** the prefix of this run's PostgreSQL schemas ('' on SQLite) */
    postgresRun: string;
  }
}

export default async function setup(project: TestProject) {
  fs.rmSync(TMP, { recursive: true, force: true });
  fs.mkdirSync(TMP, { recursive: true });
  if (TEST_POSTGRES) {
    const url = TEST_POSTGRES;
    await ensureDatabase(url);
    const run = uniqueSchema('test');
    project.provide('postgresRun', run);
    return async () => {
      await dropSchemas(url, await schemasLike(url, `${run}_`));
    };
  }
  project.provide('postgresRun', '');
  execFileSync(path.resolve('node_modules/.bin/prisma'), ['migrate', 'deploy'], {
    env: { ...process.env, DATABASE_URL: `file:${BASE_DB}` },
    stdio: 'ignore',
  });
}
