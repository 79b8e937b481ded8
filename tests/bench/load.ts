// `npm run bench:load`: the production server under load, side by side with the code before the
// write-safe SQLite layer, the server workers and the cheaper pages (a git worktree of that
// commit, built in the scratch folder and removed afterwards), in one run:
//
// - mix: 50 users, each with its own account, session and piece, read the calendar, read the
//   knowledge inventory and save their piece, over and over, without pause (next to a trivial
//   Node HTTP server as the ceiling);
// - think time: the same 50 users pause after every request, 2 s on average (exponentially
//   distributed), as people do. Target: p50 < 80 ms, p99 < 250 ms, no errors;
// - saturation: the mix with more and more connections until requests/s stop growing (two steps
//   in a row), the two servers taking turns at each step. Target: at least twice the requests/s
//   of the older code, no errors;
// - scale: the calendar, the inventory and the matching pages on a demo workspace of scale 1 and
//   of scale 20 (LOTSE_DEMO_SCALE). Target: each page at scale 20 within 1.5× of scale 1.
//
// Settings: LOTSE_WORKERS is passed to the servers (the older code has one process);
// LOTSE_BENCH_QUICK=1 runs every part briefly (a check that it works, not a measurement);
// LOTSE_BENCH_BASELINE=<commit> (default ef14776) or "off" to measure this tree only;
// LOTSE_BENCH_REPO, the git checkout to take that commit from (default: this tree);
// LOTSE_BENCH_KEEP_BASELINE=1 keeps the built worktree for the next run;
// LOTSE_TEST_TMP, the scratch folder.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon, { type Client, type Request } from 'autocannon';
import Database from 'better-sqlite3';
import { ROOT, ensureBuild, freePort, login } from '../support/production-server';
import {
  loadUsers,
  prepareBaseline,
  startServer,
  type LoadUser,
  type RunningServer,
  type Side,
} from './load-servers';

const QUICK = process.env.LOTSE_BENCH_QUICK === '1';
const USERS = 50;
const MIX_S = QUICK ? 4 : 20;
const THINK_S = QUICK ? 8 : 40;
const THINK_MEAN_MS = 2000;
const SATURATION_STEPS = QUICK ? [16, 64] : [8, 16, 32, 64, 128];
const SATURATION_STEP_S = QUICK ? 3 : 8;
const PAGE_SAMPLES = QUICK ? 5 : 25;
const LARGE_SCALE = 20;
const TARGET = {
  think: { p50Ms: 80, p99Ms: 250 },
  saturationFactor: 2,
  scaleFactor: 1.5,
};
const BASELINE = process.env.LOTSE_BENCH_BASELINE ?? 'ef14776';

type Counts = { expected: number; conflicts: number; unexpected: Record<string, number> };
type Measured = {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** unexpected answers and connection errors, timeouts included */
  errors: number;
  timeouts: number;
  conflicts: number;
  unexpected: Record<string, number>;
  connections: number;
};

function log(message: string) {
  console.log(`bench:load: ${message}`);
}

function tally(counts: Counts, status: number, ok: boolean) {
  if (ok) counts.expected++;
  else if (status === 409) counts.conflicts++;
  else counts.unexpected[status] = (counts.unexpected[status] ?? 0) + 1;
}

const sum = (values: Record<string, number>) => Object.values(values).reduce((a, b) => a + b, 0);

/** One request of a user's round: calendar, inventory, a save of the user's own piece. */
type Step = {
  method: 'GET' | 'POST';
  path: string;
  headers: () => Record<string, string>;
  body?: () => string;
  onResponse: (status: number) => void;
};

function roundOf(base: string, user: LoadUser, slot: number, counts: Counts): Step[] {
  const headers = { cookie: user.cookie };
  let saves = 0;
  return [
    {
      method: 'GET',
      path: '/calendar',
      headers: () => headers,
      onResponse: (status) => tally(counts, status, status === 200),
    },
    {
      method: 'GET',
      path: '/knowledge',
      headers: () => headers,
      onResponse: (status) => tally(counts, status, status === 200),
    },
    {
      method: 'POST',
      path: `/calendar/${user.pieceId}`,
      headers: () => ({
        ...headers,
        origin: base,
        'content-type': 'application/x-www-form-urlencoded',
      }),
      body: () =>
        new URLSearchParams({
          channel: 'blog',
          title: `Load test piece ${slot + 1}`,
          brief: `save ${++saves}`,
          expectedVersion: String(user.version),
        }).toString(),
      onResponse: (status) => {
        if (status === 302) user.version++;
        tally(counts, status, status === 302);
      },
    },
  ];
}

/**
 * Each user's piece version as the server has it: a save the client never saw answered (cut off
 * at the end of a run, or after its timeout) went through all the same, and the next save would
 * otherwise be refused as a conflict for the rest of the runs.
 */
async function syncVersions(server: RunningServer, users: LoadUser[]) {
  for (const user of users) {
    const res = await fetch(`${server.base}/calendar/${user.pieceId}`, {
      headers: { cookie: user.cookie },
    });
    const html = await res.text();
    const version = /name="expectedVersion" value="(\d+)"/.exec(html)?.[1];
    if (res.status !== 200 || !version) {
      throw new Error(`reading the version of a load-test piece: HTTP ${res.status}`);
    }
    user.version = Number(version);
  }
}

/** Every connection loops over its user's round, without pause (autocannon). */
async function driveWithoutPause(
  url: string,
  connections: number,
  durationS: number,
  roundFor: (slot: number, counts: Counts) => Step[],
): Promise<Measured> {
  const counts: Counts = { expected: 0, conflicts: 0, unexpected: {} };
  let slot = 0;
  const result = await autocannon({
    url,
    connections,
    duration: durationS,
    timeout: 10,
    setupClient: (client: Client) =>
      client.setRequests(
        roundFor(slot++ % USERS, counts).map((step): Request => ({
          method: step.method,
          path: step.path,
          headers: step.headers(),
          ...(step.body
            ? { setupRequest: (req) => ({ ...req, headers: step.headers(), body: step.body!() }) }
            : {}),
          onResponse: (status) => step.onResponse(status),
        })),
      ),
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: sum(counts.unexpected) + result.errors,
    timeouts: result.timeouts,
    conflicts: counts.conflicts,
    unexpected: counts.unexpected,
    connections,
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** An exponentially distributed pause with the given mean. */
const pause = (meanMs: number) => -Math.log(1 - Math.random()) * meanMs;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * One request on a user's own keep-alive connection; resolves with the status once the whole
 * answer is read, or rejects (a connection error, or no answer within 10 s).
 */
function send(agent: http.Agent, base: string, step: Step): Promise<number> {
  return new Promise((resolve, reject) => {
    const body = step.body?.();
    const req = http.request(
      `${base}${step.path}`,
      {
        method: step.method,
        agent,
        headers: {
          ...step.headers(),
          ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(body);
  });
}

/** Each user does one request of their round, thinks, does the next, … (one user, one session). */
async function driveWithThinkTime(
  server: RunningServer,
  users: LoadUser[],
  durationS: number,
): Promise<Measured> {
  const counts: Counts = { expected: 0, conflicts: 0, unexpected: {} };
  const latencies: number[] = [];
  let connectionErrors = 0;
  const started = Date.now();
  const end = started + durationS * 1000;
  let timeouts = 0;
  let watchdog: NodeJS.Timeout | undefined;
  const overdue = new Promise<never>((_, reject) => {
    watchdog = setTimeout(
      () => reject(new Error(`the think-time run did not end within ${durationS + 30} s`)),
      (durationS + 30) * 1000,
    );
  });
  const all = Promise.all(
    users.map(async (user, slot) => {
      const round = roundOf(server.base, user, slot, counts);
      // a browser keeps its connection open between pages for a while (as Node's server does)
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1, timeout: 4000 });
      try {
        let think = pause(THINK_MEAN_MS);
        for (let i = 0; Date.now() + think < end; i++) {
          await sleep(think);
          const step = round[i % round.length]!;
          const t0 = performance.now();
          try {
            const status = await send(agent, server.base, step);
            latencies.push(performance.now() - t0);
            step.onResponse(status);
          } catch (error) {
            if (error instanceof Error && error.message === 'timeout') timeouts++;
            else connectionErrors++;
          }
          think = pause(THINK_MEAN_MS);
        }
      } finally {
        agent.destroy();
      }
    }),
  );
  await Promise.race([all, overdue]).finally(() => clearTimeout(watchdog));
  latencies.sort((a, b) => a - b);
  return {
    rps: latencies.length / ((Date.now() - started) / 1000),
    p50: Math.round(percentile(latencies, 50)),
    p99: Math.round(percentile(latencies, 99)),
    requests: latencies.length,
    errors: sum(counts.unexpected) + connectionErrors + timeouts,
    timeouts,
    conflicts: counts.conflicts,
    unexpected: counts.unexpected,
    connections: users.length,
  };
}

/** More and more connections until requests/s stop growing by 5 %; the best step counts. */
/**
 * The mix at more and more connections, on every side, until requests/s stop growing (two steps
 * in a row not 5 % above the best so far). The sides take turns at each step, so that both meet
 * the machine as it is at that moment (other work on it slows one side's step as much as the
 * other's).
 */
async function saturate(servers: RunningServer[], usersOf: (server: RunningServer) => LoadUser[]) {
  type Run = { steps: Measured[]; flat: number };
  const runs = new Map<RunningServer, Run>(servers.map((s) => [s, { steps: [], flat: 0 }]));
  for (const connections of SATURATION_STEPS) {
    for (const server of servers) {
      const run = runs.get(server)!;
      if (run.flat >= 2) continue;
      const users = usersOf(server);
      await syncVersions(server, users);
      const step = await driveWithoutPause(
        server.base,
        connections,
        SATURATION_STEP_S,
        (slot, counts) => roundOf(server.base, users[slot]!, slot, counts),
      );
      log(
        `  ${server.side.label}: ${connections} connections: ${step.rps.toFixed(0)} requests/s, ` +
          `p99 ${step.p99} ms, ${step.errors} errors`,
      );
      const best = Math.max(0, ...run.steps.map((s) => s.rps));
      run.steps.push(step);
      run.flat = run.steps.length > 1 && step.rps < best * 1.05 ? run.flat + 1 : 0;
    }
  }
  return new Map(
    [...runs].map(([server, { steps }]) => [
      server,
      {
        best: steps.reduce((a, b) => (b.rps > a.rps ? b : a)),
        errors: steps.reduce((n, s) => n + s.errors, 0),
        steps,
      },
    ]),
  );
}

/** The bare Node server: what the machine and autocannon manage without any application. */
async function ceiling(users: LoadUser[]): Promise<Measured> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      '-e',
      `require('node:http').createServer((q, s) => { q.resume(); q.on('end', () => s.end('ok')); })` +
        `.listen(${port}, '127.0.0.1', () => console.log('listening'))`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  try {
    await new Promise((resolve) => child.stdout!.once('data', resolve));
    const base = `http://127.0.0.1:${port}`;
    return await driveWithoutPause(base, USERS, MIX_S, (slot, counts) =>
      roundOf(base, users[slot]!, slot, counts).map((step) => ({
        ...step,
        onResponse: (status: number) => tally(counts, status, status === 200),
      })),
    );
  } finally {
    child.kill('SIGTERM');
  }
}

/** Median and 95th percentile of a page's time, the pages' requests taking turns. */
async function pageTimes(
  servers: RunningServer[],
  cookies: string[],
  pages: (server: RunningServer) => Record<string, string>,
) {
  const times = servers.map((s) =>
    Object.fromEntries(Object.keys(pages(s)).map((p) => [p, [] as number[]])),
  );
  const get = async (i: number, url: string) => {
    const t0 = performance.now();
    const res = await fetch(url, { headers: { cookie: cookies[i]! }, redirect: 'manual' });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}`);
    return performance.now() - t0;
  };
  for (let round = -2; round < PAGE_SAMPLES; round++) {
    for (const [i, server] of servers.entries()) {
      for (const [page, pathname] of Object.entries(pages(server))) {
        const ms = await get(i, `${server.base}${pathname}`);
        if (round >= 0) times[i]![page]!.push(ms);
      }
    }
  }
  return times.map((byPage) =>
    Object.fromEntries(
      Object.entries(byPage).map(([page, list]) => {
        list.sort((a, b) => a - b);
        return [page, { median: percentile(list, 50), p95: percentile(list, 95) }];
      }),
    ),
  );
}

function table(title: string, columns: string[], rows: [string, ...string[]][]) {
  const width = Math.max(26, ...rows.map((r) => r[0].length + 2));
  console.log(`\n${title}`);
  console.log(''.padEnd(width) + columns.map((c) => c.padStart(20)).join(''));
  for (const [label, ...values] of rows) {
    console.log(label.padEnd(width) + values.map((v) => v.padStart(20)).join(''));
  }
}

const verdict = (met: boolean) => (met ? 'met' : 'NOT met');

// ───────────────────────────── the run ─────────────────────────────

const tmp = path.resolve(process.env.LOTSE_TEST_TMP ?? path.join(ROOT, 'tests', '.tmp'));
fs.mkdirSync(tmp, { recursive: true });
const dir = fs.mkdtempSync(path.join(tmp, 'load-'));
const runStarted = Date.now();
const elapsed = () => `${((Date.now() - runStarted) / 1000).toFixed(0)} s`;
const running: RunningServer[] = [];
let removeBaseline: (() => void) | undefined;

try {
  log(QUICK ? 'quick run (LOTSE_BENCH_QUICK=1): figures are indicative only' : 'full run');
  log(`LOTSE_WORKERS=${process.env.LOTSE_WORKERS ?? '(unset: the server chooses)'}`);
  await ensureBuild();
  const after: Side = { label: 'after', root: ROOT };
  const sides: Side[] = [];
  if (BASELINE !== 'off') {
    log(`preparing a worktree of ${BASELINE} (checkout, Prisma clients, build) …`);
    const baseline = prepareBaseline({
      repo: process.env.LOTSE_BENCH_REPO ?? ROOT,
      commit: BASELINE,
      dir: path.join(tmp, `baseline-${BASELINE}`),
    });
    if (process.env.LOTSE_BENCH_KEEP_BASELINE !== '1') removeBaseline = baseline.remove;
    sides.push(baseline.side);
    log(`worktree ready (${elapsed()})`);
  }
  sides.push(after);

  // ── load: both servers up, each part run on one side right after the other ──
  const servers: RunningServer[] = [];
  const users = new Map<RunningServer, LoadUser[]>();
  for (const side of sides) {
    const server = await startServer({
      side,
      databaseFile: path.join(dir, `${side.root === ROOT ? 'after' : 'before'}.db`),
    });
    running.push(server);
    servers.push(server);
    users.set(server, await loadUsers(server, USERS));
    log(
      `${side.label}: serving on ${server.base} with ${server.processes} process` +
        `${server.processes === 1 ? '' : 'es'}; ${USERS} users logged in (${elapsed()})`,
    );
  }
  const mix = new Map<RunningServer, Measured>();
  const think = new Map<RunningServer, Measured>();

  for (const server of servers) {
    await syncVersions(server, users.get(server)!);
    log(`mix, ${server.side.label}: ${USERS} connections for ${MIX_S} s`);
    mix.set(
      server,
      await driveWithoutPause(server.base, USERS, MIX_S, (slot, counts) =>
        roundOf(server.base, users.get(server)![slot]!, slot, counts),
      ),
    );
  }
  log(`mix, bare Node server: ${USERS} connections for ${MIX_S} s`);
  const bare = await ceiling(users.get(servers[0]!)!);
  for (const server of servers) {
    log(
      `think time, ${server.side.label}: ${USERS} users, ${THINK_MEAN_MS} ms mean pause, ${THINK_S} s`,
    );
    await syncVersions(server, users.get(server)!);
    think.set(server, await driveWithThinkTime(server, users.get(server)!, THINK_S));
  }
  log(
    `saturation, ${servers.map((s) => s.side.label).join(' and ')} taking turns: ` +
      `${SATURATION_STEPS.join(', ')} connections, ${SATURATION_STEP_S} s each`,
  );
  const saturation = await saturate(servers, (server) => users.get(server)!);
  for (const server of servers) await server.stop();
  running.length = 0;

  // ── scale: this tree at scale 1 and at scale 20, pages taking turns ──
  log(`scale: starting this tree at scale 1 and at scale ${LARGE_SCALE} (${elapsed()})`);
  const scaled: RunningServer[] = [];
  for (const scale of [1, LARGE_SCALE]) {
    const server = await startServer({
      side: { label: `scale ${scale}`, root: ROOT },
      databaseFile: path.join(dir, `scale-${scale}.db`),
      env: { LOTSE_DEMO_SCALE: String(scale) },
    });
    running.push(server);
    scaled.push(server);
    const seeded = /demo workspace made .*$/m.exec(server.output())?.[0];
    log(
      `scale ${scale}: serving with ${server.processes} process(es)${seeded ? `; ${seeded}` : ''}`,
    );
  }
  const cookies = await Promise.all(
    scaled.map((s) => login(s.base, { email: 'editor@demo.lotse', password: 'lotse-demo' })),
  );
  // one of the demo's needs, for its suggestions page (the matcher ranks the whole inventory)
  const needIds = scaled.map((s) => {
    const db = new Database(s.databaseFile, { readonly: true });
    try {
      const need = db.prepare('SELECT id FROM "Need" WHERE "externalId" = ?').get('demo-n02') as
        { id: string } | undefined;
      if (!need) throw new Error('the demo need n02 is missing');
      return need.id;
    } finally {
      db.close();
    }
  });
  const pages = await pageTimes(scaled, cookies, (server) => ({
    '/calendar': '/calendar',
    '/knowledge': '/knowledge',
    '/matches': '/matches',
    '/matches/<need>': `/matches/${needIds[scaled.indexOf(server)]}`,
  }));
  for (const server of scaled) await server.stop();
  running.length = 0;

  // ── the figures ──
  const columns = servers.map((s) => `${s.side.label}`);
  const processRow: [string, ...string[]] = [
    'server processes',
    ...servers.map((s) => String(s.processes)),
  ];
  const loadRows = (m: (s: RunningServer) => Measured): [string, ...string[]][] => [
    processRow,
    ['requests/s', ...servers.map((s) => m(s).rps.toFixed(0))],
    ['requests', ...servers.map((s) => String(m(s).requests))],
    ['p50 latency', ...servers.map((s) => `${m(s).p50} ms`)],
    ['p99 latency', ...servers.map((s) => `${m(s).p99} ms`)],
    ['errors', ...servers.map((s) => String(m(s).errors))],
    ['timeouts', ...servers.map((s) => String(m(s).timeouts))],
    ['version conflicts (409)', ...servers.map((s) => String(m(s).conflicts))],
  ];
  const afterServer = servers.at(-1)!;
  const beforeServer = servers.length > 1 ? servers[0]! : undefined;

  const bareRows = loadRows(() => bare);
  table(
    `Mix: ${USERS} users without pause, ${MIX_S} s`,
    [...columns, 'bare Node'],
    loadRows((s) => mix.get(s)!).map(([label, ...values], i) => [
      label,
      ...values,
      i === 0 ? '1' : (bareRows[i]![1] ?? ''),
    ]),
  );

  table(
    `Think time: ${USERS} users, ${THINK_MEAN_MS / 1000} s mean exponential pause, ${THINK_S} s`,
    columns,
    loadRows((s) => think.get(s)!),
  );
  const thinkMet = (m: Measured) =>
    m.p50 < TARGET.think.p50Ms && m.p99 < TARGET.think.p99Ms && m.errors === 0;
  for (const server of servers) {
    console.log(
      `target (p50 < ${TARGET.think.p50Ms} ms, p99 < ${TARGET.think.p99Ms} ms, no errors), ` +
        `${server.side.label}: ${verdict(thinkMet(think.get(server)!))}`,
    );
  }

  table(
    `Saturation: the mix at ${SATURATION_STEPS.join(', ')} connections (${SATURATION_STEP_S} s each), best step`,
    columns,
    [
      processRow,
      [
        'connections (best step)',
        ...servers.map((s) => String(saturation.get(s)!.best.connections)),
      ],
      ['requests/s', ...servers.map((s) => saturation.get(s)!.best.rps.toFixed(0))],
      ['p50 latency', ...servers.map((s) => `${saturation.get(s)!.best.p50} ms`)],
      ['p99 latency', ...servers.map((s) => `${saturation.get(s)!.best.p99} ms`)],
      ['errors (all steps)', ...servers.map((s) => String(saturation.get(s)!.errors))],
      [
        'version conflicts (best)',
        ...servers.map((s) => String(saturation.get(s)!.best.conflicts)),
      ],
    ],
  );
  const satAfter = saturation.get(afterServer)!;
  if (beforeServer) {
    const satBefore = saturation.get(beforeServer)!;
    const factor = satAfter.best.rps / satBefore.best.rps;
    console.log(
      `target (at least ${TARGET.saturationFactor}× the requests/s of ${BASELINE}, no errors): ` +
        `${factor.toFixed(2)}×, ${satAfter.errors} errors: ` +
        verdict(factor >= TARGET.saturationFactor && satAfter.errors === 0),
    );
  } else {
    console.log('target (2× the older code): not judged, LOTSE_BENCH_BASELINE=off');
  }

  table(
    `Scale: page times of this tree, median (95th percentile) of ${PAGE_SAMPLES} requests each`,
    ['scale 1', `scale ${LARGE_SCALE}`, 'ratio', 'target'],
    Object.keys(pages[0]!).map((page) => {
      const small = pages[0]![page]!;
      const large = pages[1]![page]!;
      const ratio = large.median / small.median;
      const judged = page !== '/matches/<need>';
      return [
        page,
        `${small.median.toFixed(0)} (${small.p95.toFixed(0)}) ms`,
        `${large.median.toFixed(0)} (${large.p95.toFixed(0)}) ms`,
        `${ratio.toFixed(2)}×`,
        judged ? verdict(ratio <= TARGET.scaleFactor) : '(information)',
      ];
    }),
  );
  console.log(
    `target (each of /calendar, /knowledge, /matches at scale ${LARGE_SCALE} within ` +
      `${TARGET.scaleFactor}× of scale 1): ` +
      verdict(
        ['/calendar', '/knowledge', '/matches'].every(
          (p) => pages[1]![p]!.median <= TARGET.scaleFactor * pages[0]![p]!.median,
        ),
      ),
  );
  log(
    `unexpected answers: ${JSON.stringify(Object.fromEntries(servers.map((s) => [s.side.label, { mix: mix.get(s)!.unexpected, think: think.get(s)!.unexpected }])))}`,
  );
  log(`done in ${elapsed()}`);
} finally {
  for (const server of running) await server.stop().catch(() => undefined);
  fs.rmSync(dir, { recursive: true, force: true });
  if (removeBaseline) {
    try {
      removeBaseline();
    } catch (error) {
      console.error(`bench:load: removing the worktree failed: ${error}`);
    }
  }
}
