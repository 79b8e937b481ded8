import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

/**
 * A fresh, migrated SQLite file for one benchmark; DATABASE_URL points at it before any module
 * opens the database. Returns a function that removes it.
 */
export function freshDatabase(name: string): () => void {
  const file = path.resolve(`tests/.tmp/bench-${name}.db`);
  const remove = () => {
    for (const s of ['', '-wal', '-shm']) fs.rmSync(file + s, { force: true });
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  remove();
  process.env.DATABASE_URL = `file:${file}`;
  execFileSync(path.resolve('node_modules/.bin/prisma'), ['migrate', 'deploy'], {
    stdio: 'ignore',
    env: process.env,
  });
  return remove;
}

/** Median and 95th percentile of `runs` timed runs, after one warm-up. */
export async function measure(
  run: () => unknown,
  runs = 30,
): Promise<{ median: number; p95: number }> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    await run();
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  return {
    median: times[Math.floor(times.length / 2)]!,
    p95: times[Math.floor(times.length * 0.95)]!,
  };
}
