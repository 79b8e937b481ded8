// The servers `npm run bench:load` compares: this tree ("after") and a git worktree of the
// commit before the write-safe SQLite layer, the workers and the cheaper pages ("before"). Each
// runs as `npm start` runs it, on its own SQLite file, with its own 50 load-test editors.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ROOT, freePort, login, postForm } from '../support/production-server';

export type Side = {
  label: string;
  /** the tree the server runs from */
  root: string;
};

export type RunningServer = {
  side: Side;
  child: ChildProcess;
  base: string;
  databaseFile: string;
  output: () => string;
  /** the processes serving requests: the server, or its workers */
  processes: number;
  stop: () => Promise<void>;
};

export type LoadUser = { email: string; cookie: string; pieceId: string; version: number };

function newestMtime(folder: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** `remix build` in `root` when its build is missing or older than its sources. */
export function buildIfStale(root: string): void {
  const buildFile = path.join(root, 'build', 'index.js');
  const stale =
    !fs.existsSync(buildFile) ||
    newestMtime(path.join(root, 'app')) > fs.statSync(buildFile).mtimeMs ||
    fs.statSync(path.join(root, 'remix.config.js')).mtimeMs > fs.statSync(buildFile).mtimeMs;
  if (!stale) return;
  const result = spawnSync(path.join(root, 'node_modules', '.bin', 'remix'), ['build'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production' },
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`remix build in ${root} failed:\n${result.stdout}${result.stderr}`);
  }
}

/**
 * The packages of this tree for a worktree of `commit` in `dir`, as that commit had them: a copy
 * of node_modules made of hard links (no space, a few seconds), with the patches this tree applies
 * and `commit` did not (patches/, applied by `postinstall`) taken out again. Linking this tree's
 * node_modules instead would give the older code the newer patches (the plan memo of the Prisma
 * compiler, the route matching cache) and credit their gain to it.
 */
function packagesAsOf(repo: string, commit: string, dir: string) {
  const target = path.join(dir, 'node_modules');
  // (this tree's node_modules may itself be a link: copy what it links to)
  execFileSync('cp', ['-al', fs.realpathSync(path.join(ROOT, 'node_modules')), target]);
  if (fs.lstatSync(target).isSymbolicLink())
    throw new Error(`${target} must be a copy, not a link`);
  const theirs = new Set(
    execFileSync('git', ['-C', repo, 'ls-tree', '--name-only', commit, 'patches/'], {
      encoding: 'utf8',
    })
      .split('\n')
      .filter(Boolean)
      .map((f) => path.basename(f)),
  );
  const patches = path.join(ROOT, 'patches');
  if (!fs.existsSync(patches)) return;
  for (const name of fs.readdirSync(patches).filter((f) => f.endsWith('.patch'))) {
    if (theirs.has(name)) continue;
    const patch = path.join(patches, name);
    // the files the patch touches get their own copy first: a hard link would change this tree's
    for (const [, file] of fs.readFileSync(patch, 'utf8').matchAll(/^\+\+\+ b\/(\S+)$/gm)) {
      const copy = path.join(dir, file!);
      const text = fs.readFileSync(copy);
      fs.rmSync(copy);
      fs.writeFileSync(copy, text);
    }
    execFileSync('git', ['apply', '-R', patch], { cwd: dir, stdio: 'pipe' });
  }
}

/**
 * A git worktree of `commit` in `dir`, ready to serve: the packages of this tree as `commit` had
 * them (see `packagesAsOf`), its Prisma clients generated and its app built. `remove` takes the
 * worktree away again.
 */
export function prepareBaseline({
  repo,
  commit,
  dir,
}: {
  repo: string;
  commit: string;
  dir: string;
}): { side: Side; remove: () => void } {
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8', stdio: 'pipe' });
  const remove = () => {
    // the packages first (hard links: this tree's files stay as they are)
    fs.rmSync(path.join(dir, 'node_modules'), { recursive: true, force: true });
    if (fs.existsSync(dir)) git('worktree', 'remove', '--force', dir);
    // a folder left by an interrupted run that git no longer knows about
    fs.rmSync(dir, { recursive: true, force: true });
    git('worktree', 'prune');
  };
  const ready = path.join(dir, '.bench-ready');
  // the commit and how its packages were made: a worktree kept from another way is made afresh
  const stamp = `${git('rev-parse', commit).trim()} packages as of the commit`;
  if (!(fs.existsSync(ready) && fs.readFileSync(ready, 'utf8') === stamp)) {
    if (fs.existsSync(dir)) remove();
    git('worktree', 'add', '--detach', dir, commit);
    packagesAsOf(repo, commit, dir);
    const generate = spawnSync(process.execPath, ['prisma/generate.mjs'], {
      cwd: dir,
      encoding: 'utf8',
    });
    if (generate.status !== 0) {
      throw new Error(`prisma generate in ${dir} failed:\n${generate.stdout}${generate.stderr}`);
    }
    buildIfStale(dir);
    fs.writeFileSync(ready, stamp);
  }
  return { side: { label: `before (${commit})`, root: dir }, remove };
}

/** The node processes whose parent is `pid` (the workers of a cluster's primary). */
function childNodeProcesses(pid: number): number {
  let count = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // pid (comm) state ppid …: comm may hold spaces, so read after its closing parenthesis
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const ppid = Number(stat.slice(close + 2).split(' ')[1]);
      if (ppid === pid && comm.startsWith('node')) count++;
    } catch {
      // the process ended meanwhile
    }
  }
  return count;
}

/** /healthz answers 200 (on a connection of its own, closed after: no socket left to reuse). */
function healthy(base: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get(`${base}/healthz`, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode === 200));
    });
    req.on('error', () => resolve(false));
    req.setTimeout(5000, () => req.destroy());
  });
}

/** Runs a command without blocking the event loop (idle keep-alive sockets must still close). */
function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }) {
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d));
    child.stderr.on('data', (d: Buffer) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** `node app/server/run.mjs` of `side` on a new SQLite file, once it serves. */
export async function startServer({
  side,
  databaseFile,
  env = {},
}: {
  side: Side;
  databaseFile: string;
  env?: Record<string, string>;
}): Promise<RunningServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(side.root, 'app', 'server', 'run.mjs')], {
    cwd: side.root,
    env: {
      ...process.env,
      DATABASE_URL: `file:${path.resolve(databaseFile)}`,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOTSE_DEMO: 'on',
      NODE_ENV: 'production',
      LOTSE_SECURE_COOKIES: 'off',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d));
  child.stderr!.on('data', (d: Buffer) => (output += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + 600_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${side.label}: the server exited before serving:\n${output}`);
    }
    if (Date.now() > until) {
      child.kill('SIGTERM');
      throw new Error(`${side.label}: the server did not answer in time:\n${output}`);
    }
    if (await healthy(base)) break;
    await new Promise((r) => setTimeout(r, 300));
  }
  // workers may come up one after the other: count until the number holds still
  let processes = childNodeProcesses(child.pid!);
  for (let i = 0; i < 10; i++) {
    await new Promise((r) => setTimeout(r, 300));
    const now = childNodeProcesses(child.pid!);
    if (now === processes) break;
    processes = now;
  }
  return {
    side,
    child,
    base,
    databaseFile,
    output: () => output,
    processes: Math.max(1, processes),
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * `count` editors for the load, created in the server's own tree with its own model function
 * (tests/bench/load-users.ts, copied there for the older tree), each logged in through the form
 * and given a blog piece of their own.
 */
export async function loadUsers(server: RunningServer, count: number): Promise<LoadUser[]> {
  const script = path.join('tests', 'bench', 'load-users.ts');
  const target = path.join(server.side.root, script);
  if (path.resolve(target) !== path.resolve(ROOT, script)) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(ROOT, script), target);
  }
  const password = 'load-test-editor-password';
  const created = await run(path.join(server.side.root, 'node_modules', '.bin', 'tsx'), [script], {
    cwd: server.side.root,
    env: {
      ...process.env,
      DATABASE_URL: `file:${path.resolve(server.databaseFile)}`,
      LOAD_USERS: String(count),
      LOAD_PASSWORD: password,
    },
  });
  if (created.code !== 0)
    throw new Error(`creating the load-test users failed:\n${created.output}`);
  const users: LoadUser[] = [];
  // sequential logins: each verifies an Argon2 hash, and none fails, so the throttle stays quiet
  for (let i = 0; i < count; i++) {
    const email = loadUserEmail(i);
    const cookie = await login(server.base, { email, password });
    const res = await postForm(server.base, cookie, '/calendar/new', {
      channel: 'blog',
      title: `Load test piece ${i + 1}`,
    });
    const pieceId = /^\/calendar\/([^/?]+)\?/.exec(res.headers.get('location') ?? '')?.[1];
    if (res.status !== 302 || !pieceId) throw new Error(`creating a piece: HTTP ${res.status}`);
    users.push({ email, cookie, pieceId, version: 1 });
  }
  return users;
}

export const loadUserEmail = (i: number) => `load-${String(i + 1).padStart(2, '0')}@bench.lotse`;
