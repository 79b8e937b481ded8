// Finds a Chromium for the end-to-end tests, installing one when there is none:
// CHROMIUM_PATH, else Playwright's own download, else the system's; when none is found,
// Playwright's download is tried (needs the internet), then Debian's `chromium` package (needs
// root and apt). Otherwise it stops with a message saying exactly what to install.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const SYSTEM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (fs.existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, but there is no file there.`);
  }
  try {
    const own = require('@playwright/test').chromium.executablePath();
    if (own && fs.existsSync(own)) return own;
  } catch {
    // Playwright has no browser of its own here
  }
  return SYSTEM_PATHS.find((p) => fs.existsSync(p)) ?? null;
}

function attempt(label, command, args, timeoutMs) {
  console.error(`e2e: no Chromium found; trying ${label} …`);
  const result = spawnSync(command, args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: timeoutMs,
  });
  return result.status === 0;
}

export function ensureChromium() {
  let found = findChromium();
  if (found) return found;
  attempt(
    "Playwright's download",
    process.platform === 'win32' ? 'npx.cmd' : 'npx',
    ['playwright', 'install', 'chromium'],
    5 * 60_000,
  );
  found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get']).status === 0;
  if (isRoot && hasApt) {
    attempt(
      "Debian's chromium package",
      'sh',
      [
        '-c',
        'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium',
      ],
      10 * 60_000,
    );
    found = findChromium();
    if (found) return found;
  }
  throw new Error(
    'No Chromium for the end-to-end tests. Install one of:\n' +
      '  npx playwright install chromium        (with internet access)\n' +
      '  sudo apt-get install chromium          (Debian/Ubuntu)\n' +
      'or point CHROMIUM_PATH at a Chromium or Chrome executable.',
  );
}
