// Playwright's web server: a production build of Lotse on a fresh SQLite file with the demo
// workspace. (Playwright starts the web server before any global setup, so the reset is here.)
import fs from 'node:fs';
import path from 'node:path';

const file = path.resolve(process.env.LOTSE_TEST_TMP ?? 'tests/.tmp', 'e2e.db');
fs.mkdirSync(path.dirname(file), { recursive: true });
for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
process.env.DATABASE_URL = `file:${file}`;
process.env.LOTSE_DEMO = 'on';
await import('../../app/server/main.mjs');
