import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3901);
const baseURL = `http://127.0.0.1:${PORT}`;
// the server mails through a test SMTP server that the mail journey (notifications.spec.ts)
// starts on this port; while it is not listening, mails wait and are retried like in real life
const SMTP_PORT = PORT + 1000;

export default defineConfig({
  testDir: 'tests/e2e',
  // beside the scratch database when LOTSE_TEST_TMP moves it, so that two runs don't clear each
  // other's traces
  outputDir: process.env.LOTSE_TEST_TMP
    ? `${process.env.LOTSE_TEST_TMP}/test-results`
    : 'test-results',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  // the longest journeys (three people, a dozen steps) need more than 30 s on a busy 2-core machine
  timeout: 90_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list'], ['json', { outputFile: '.cache/test-reports/playwright.json' }]],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    ...devices['Desktop Chrome'],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH,
      args: [
        '--no-sandbox',
        '--headless',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  // every journey once with an English and once with a German browser
  projects: [
    {
      name: 'en',
      use: { locale: 'en-GB', extraHTTPHeaders: { 'Accept-Language': 'en-GB,en;q=0.9' } },
    },
    {
      name: 'de',
      use: { locale: 'de-DE', extraHTTPHeaders: { 'Accept-Language': 'de-DE,de;q=0.9' } },
      testIgnore: /language\.spec\.ts/,
    },
  ],
  webServer: {
    command: 'node tests/e2e/serve.mjs',
    url: `${baseURL}/healthz`,
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
      LOTSE_MAIL_FROM: 'Lotse <lotse@e2e.lotse.test>',
    },
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
