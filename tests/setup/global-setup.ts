import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * One migrated SQLite file that every test worker copies, so migrations run once per run.
 * LOTSE_TEST_TMP moves the scratch folder, so two runs on one checkout don't share it.
 */
export const TMP = path.resolve(process.env.LOTSE_TEST_TMP ?? path.join('tests', '.tmp'));
export const BASE_DB = path.join(TMP, 'base.db');

export default function setup() {
  fs.rmSync(TMP, { recursive: true, force: true });
  fs.mkdirSync(TMP, { recursive: true });
  execFileSync(path.resolve('node_modules/.bin/prisma'), ['migrate', 'deploy'], {
    env: { ...process.env, DATABASE_URL: `file:${BASE_DB}` },
    stdio: 'ignore',
  });
}
