// `npm run bench`: every benchmark, each in its own process (each fills its own database).
import { spawnSync } from 'node:child_process';

let failed = 0;
for (const bench of [
  'tests/bench/inventory.ts',
  'tests/bench/calendar.ts',
  'tests/bench/disclosure.ts',
  'tests/bench/cli-disclosure.ts',
  'tests/bench/matching.ts',
  'tests/bench/matching-quality.ts',
]) {
  console.log(`\n━━ ${bench} ━━`);
  const r = spawnSync('node_modules/.bin/tsx', [bench], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
