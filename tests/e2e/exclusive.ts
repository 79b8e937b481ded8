import { mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Runs `run` while no other journey holds the lock `name` (per test server): for journeys of both
 * languages that change one setting or figure of the whole workspace and run at the same time.
 */
export async function exclusively(name: string, run: () => Promise<void>) {
  const lock = join(tmpdir(), `lotse-e2e-${name}-${process.env.E2E_PORT ?? 'default'}`);
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // a lock left behind by an aborted run is taken over after five minutes
      const age = (() => {
        try {
          return Date.now() - statSync(lock).mtimeMs;
        } catch {
          return 0;
        }
      })();
      if (age > 5 * 60_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  try {
    await run();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
