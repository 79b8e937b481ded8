// `npm run test:e2e`: finds (or installs) Chromium, then runs Playwright against a production
// build on a fresh test database. Extra arguments go to `playwright test`.
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './browser.mjs';

let chromium;
try {
  chromium = ensureChromium();
} catch (error) {
  console.error(`e2e: ${error.message}`);
  process.exit(1);
}
const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: chromium },
});
process.exit(result.status ?? 1);
