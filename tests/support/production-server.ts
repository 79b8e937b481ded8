// The production server as a child process, for tests and benchmarks that talk to it over HTTP:
// `node app/server/run.mjs` on a given SQLite file (or database URL), on a free port of 127.0.0.1.
// It runs as `npm start` does: LOTSE_WORKERS server processes, one per core unless `env` says.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export type ProductionServer = {
  child: ChildProcess;
  base: string;
  /** everything the server printed so far */
  output: () => string;
  /** resolves when the process has ended */
  exited: () => Promise<void>;
};

function newestMtime(folder: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** The same rule as the server's start-up: no build, or sources newer than it. */
export function buildIsStale(): boolean {
  const buildFile = path.join(ROOT, 'build', 'index.js');
  if (!fs.existsSync(buildFile)) return true;
  const built = fs.statSync(buildFile).mtimeMs;
  return (
    newestMtime(path.join(ROOT, 'app')) > built ||
    fs.statSync(path.join(ROOT, 'remix.config.js')).mtimeMs > built
  );
}

/**
 * Runs `remix build` when the build is missing or stale. The server would do it on start-up too,
 * but then the build's minute counts against whatever waits for the server.
 */
export async function ensureBuild(): Promise<void> {
  if (!buildIsStale()) return;
  // a production build, whatever NODE_ENV the tests run with (vitest sets "test")
  const build = spawn(path.join(ROOT, 'node_modules', '.bin', 'remix'), ['build'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  build.stdout.on('data', (d: Buffer) => (output += d));
  build.stderr.on('data', (d: Buffer) => (output += d));
  const code = await new Promise<number | null>((resolve) => build.on('close', resolve));
  if (code !== 0) throw new Error(`remix build failed (exit ${code}):\n${output}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function exitedPromise(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts `node app/server/run.mjs` (migrations, reference and demo data, then serving) on the
 * SQLite file, or on `databaseUrl` (SQLite or PostgreSQL), and resolves once it listens (all its
 * workers); rejects with its output when it exits before.
 */
export async function startProductionServer({
  databaseFile,
  databaseUrl,
  env = {},
}: {
  env?: Record<string, string>;
} & (
  { databaseFile: string; databaseUrl?: never } | { databaseUrl: string; databaseFile?: never }
)): Promise<ProductionServer> {
  const port = await freePort();
  // LOTSE_SERVER_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/profiles", to look inside
  const nodeArgs = (process.env.LOTSE_SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, 'app/server/run.mjs'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl ?? `file:${path.resolve(databaseFile as string)}`,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOTSE_DEMO: 'on',
      NODE_ENV: 'production',
      // plain HTTP on 127.0.0.1: cookies without the Secure flag
      LOTSE_SECURE_COOKIES: 'off',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d));
  child.stderr!.on('data', (d: Buffer) => (output += d));
  await new Promise<void>((resolve, reject) => {
    const onExit = (code: number | null, signal: string | null) =>
      reject(new Error(`server exited (${code ?? signal}) before serving:\n${output}`));
    child.once('exit', onExit);
    child.stdout!.on('data', () => {
      if (!output.includes('lotse: serving on')) return;
      child.off('exit', onExit);
      resolve();
    });
  });
  return {
    child,
    base: `http://127.0.0.1:${port}`,
    output: () => output,
    exited: () => exitedPromise(child),
  };
}

/** Logs in through the login form; returns the session cookie for later requests. */
export async function login(
  base: string,
  credentials: { email: string; password: string },
): Promise<string> {
  const res = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    // the cross-site check wants an Origin that names this host
    headers: { Origin: base },
    body: new URLSearchParams(credentials),
  });
  if (res.status !== 302) throw new Error(`login as ${credentials.email}: HTTP ${res.status}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  if (!cookie.includes('lotse_session=')) throw new Error('login set no session cookie');
  return cookie;
}

/** A form POST as the browser sends it from one of Lotse's pages. */
export function postForm(
  base: string,
  cookie: string,
  pathname: string,
  fields: Record<string, string>,
): Promise<Response> {
  return fetch(`${base}${pathname}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: base, Cookie: cookie },
    body: new URLSearchParams(fields),
  });
}
