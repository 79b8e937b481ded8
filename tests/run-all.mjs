// `npm test`: every suite, in order: typecheck, lint (ESLint and Prettier), unit and integration
// tests (vitest, a real SQLite file per worker), end-to-end tests (Playwright in Chromium against
// a production build on a fresh database). With LOTSE_TEST_DATABASE=postgresql://… (CI starts a
// PostgreSQL server and sets it) the integration and end-to-end suites run a second time on
// PostgreSQL (LOTSE_TEST_POSTGRES_E2E=off leaves the journeys there out). All suites run even when one fails; the last line sums them up as
// "N passed, N failed" and the exit code is non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tsImport } from 'tsx/esm/api';

// the app's own reading of database URLs (TypeScript: loaded through tsx, for this module only)
const { isPostgresUrl } = await tsImport('../app/utils/database-url.ts', import.meta.url);

const REPORTS = path.resolve('.cache/test-reports');
fs.rmSync(REPORTS, { recursive: true, force: true });
fs.mkdirSync(REPORTS, { recursive: true });

const bin = (name) => path.resolve('node_modules/.bin', name);
const results = [];

const POSTGRES = isPostgresUrl(process.env.LOTSE_TEST_DATABASE)
  ? process.env.LOTSE_TEST_DATABASE
  : undefined;
// the SQLite runs never see the PostgreSQL database
const sqliteEnv = { ...process.env };
delete sqliteEnv.LOTSE_TEST_DATABASE;

function run(name, command, args, count, env = sqliteEnv) {
  const started = Date.now();
  console.log(`\n━━ ${name} ━━`);
  const r = spawnSync(command, args, { stdio: 'inherit', env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = r.status === 0;
  let counted = count ? count() : null;
  // a runner that failed without reporting a failed test still counts as a failure
  if (!counted || (!ok && counted.failed === 0))
    counted = { passed: ok ? 1 : (counted?.passed ?? 0), failed: ok ? 0 : 1 };
  results.push({ name, ok, seconds, ...counted });
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

const vitestCount = (file) => () => {
  const report = readJson(path.join(REPORTS, file));
  return (
    report && {
      passed: report.numPassedTests,
      failed: report.numFailedTests + (report.numFailedTestSuites ?? 0),
    }
  );
};

run('typecheck', bin('tsc'), ['--noEmit']);
run('lint', bin('eslint'), ['--max-warnings=0', '.']);
run('format', bin('prettier'), ['--check', '.']);
run(
  'unit and integration (vitest)',
  bin('vitest'),
  [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${path.join(REPORTS, 'vitest.json')}`,
  ],
  () => {
    const report = readJson(path.join(REPORTS, 'vitest.json'));
    return (
      report && {
        passed: report.numPassedTests,
        failed: report.numFailedTests + (report.numFailedTestSuites ?? 0),
      }
    );
  },
);
// (each run's count is read right after it, so both Playwright runs can write the same report)
const playwrightCount = () => {
  const report = readJson(path.join(REPORTS, 'playwright.json'));
  return (
    report && {
      passed: report.stats.expected + report.stats.flaky,
      failed: report.stats.unexpected,
    }
  );
};
// tests that measure how long something waits: one file at a time, with no other suite running
run(
  'timing-sensitive tests, one at a time (vitest)',
  bin('vitest'),
  [
    'run',
    'tests/timing',
    'tests/integration/rule-import.test.ts',
    '--fileParallelism=false',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${path.join(REPORTS, 'vitest-timing.json')}`,
  ],
  vitestCount('vitest-timing.json'),
  { ...sqliteEnv, LOTSE_TEST_TIMING: '1' },
);
run('end-to-end (Playwright, Chromium)', 'node', ['tests/e2e/run.mjs'], playwrightCount);

if (POSTGRES) {
  const postgresEnv = { ...process.env, LOTSE_TEST_DATABASE: POSTGRES };
  run(
    'integration on PostgreSQL (vitest)',
    bin('vitest'),
    [
      'run',
      'tests/integration',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${path.join(REPORTS, 'vitest-postgres.json')}`,
    ],
    vitestCount('vitest-postgres.json'),
    postgresEnv,
  );
  if (process.env.LOTSE_TEST_POSTGRES_E2E !== 'off') {
    fs.rmSync(path.join(REPORTS, 'playwright.json'), { force: true });
    run(
      'end-to-end on PostgreSQL (Playwright, Chromium)',
      'node',
      ['tests/e2e/run.mjs'],
      playwrightCount,
      postgresEnv,
    );
  }
} else {
  console.log('\n(no LOTSE_TEST_DATABASE=postgresql://…: the PostgreSQL runs are left out)');
}

console.log('\n━━ summary ━━');
for (const r of results) {
  console.log(
    `${r.ok ? 'ok  ' : 'FAIL'}  ${r.name}: ${r.passed} passed, ${r.failed} failed (${r.seconds} s)`,
  );
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
const line = `${passed} passed, ${failed} failed`;
fs.writeFileSync(path.join(REPORTS, 'summary.txt'), `${line}\n`);
console.log(line);
process.exit(failed === 0 && results.every((r) => r.ok) ? 0 : 1);
