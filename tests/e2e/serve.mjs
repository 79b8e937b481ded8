// Playwright's web server: a production build of Lotse on a fresh database with the demo
// workspace. (Playwright starts the web server before any global setup, so the reset is here.)
// SQLite by default; with LOTSE_TEST_DATABASE=postgresql://… a fresh schema of that database
// (one per port, so two runs on different ports don't collide).
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { tsImport } from 'tsx/esm/api';

// the app's own reading of database URLs (TypeScript: loaded through tsx, for this module only)
const { isPostgresUrl, postgresSettings } = await tsImport(
  '../../app/utils/database-url.ts',
  import.meta.url,
);

const postgres = process.env.LOTSE_TEST_DATABASE;
if (isPostgresUrl(postgres)) {
  const url = new URL(postgres);
  url.searchParams.set('schema', `e2e_${process.env.PORT ?? '3901'}`);
  const { schema, config } = postgresSettings(url.toString());
  // the database itself is created when missing (connecting to "postgres" to do so)
  const admin = new URL(postgres);
  admin.pathname = '/postgres';
  const name = decodeURIComponent(new URL(postgres).pathname.slice(1));
  const server = new pg.Client(postgresSettings(admin.toString()).config);
  await server.connect();
  if (!(await server.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount) {
    await server.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  }
  await server.end();
  const client = new pg.Client(config);
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
  process.env.DATABASE_URL = url.toString();
} else {
  const file = path.resolve(process.env.LOTSE_TEST_TMP ?? 'tests/.tmp', 'e2e.db');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
  process.env.DATABASE_URL = `file:${file}`;
}
process.env.LOTSE_DEMO = 'on';
// the server's entry, as `npm start` runs it
await import('../../app/server/run.mjs');
