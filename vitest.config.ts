import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '~': path.resolve(__dirname, 'app') } },
  test: {
    include: [
      'tests/unit/**/*.test.ts',
      'tests/integration/**/*.test.ts',
      'tests/matching/**/*.test.ts',
      // timing-sensitive tests run on their own, one file at a time (see tests/run-all.mjs)
      ...(process.env.LOTSE_TEST_TIMING === '1' ? ['tests/timing/**/*.test.ts'] : []),
    ],
    globalSetup: ['tests/setup/global-setup.ts'],
    setupFiles: ['tests/setup/per-worker-db.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
