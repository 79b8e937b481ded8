// `npm run bench:load`: the production server under 50 concurrent users for 30 s, next to a
// trivial Node HTTP server on the same machine as the ceiling. Each virtual user has its own
// account, session and content piece; it reads the calendar, reads the knowledge inventory and
// saves its piece, over and over. Target: no errors and a p99 latency under 250 ms on 2 cores.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon, { type Client, type Request } from 'autocannon';
import {
  ensureBuild,
  freePort,
  login,
  postForm,
  startProductionServer,
} from '../support/production-server';

const USERS = 50;
const DURATION_S = 30;
const TARGET = { p99Ms: 250, errors: 0 };

type Counts = { expected: number; conflicts: number; unexpected: Record<string, number> };
type Measured = {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  timeouts: number;
  /** connection errors other than timeouts */
  connectionErrors: number;
  statuses: Record<string, number>;
  conflicts: number;
  unexpected: Record<string, number>;
};

function log(message: string) {
  console.log(`bench:load: ${message}`);
}

/**
 * One autocannon run: every connection loops over its own requests. `check` says whether a
 * status is what that request should answer; 409 on a save is a version conflict, counted apart.
 */
async function drive(
  url: string,
  requestsFor: (slot: number, counts: Counts) => Request[],
): Promise<Measured> {
  const counts: Counts = { expected: 0, conflicts: 0, unexpected: {} };
  let slot = 0;
  const result = await autocannon({
    url,
    connections: USERS,
    duration: DURATION_S,
    timeout: 10,
    setupClient: (client: Client) => client.setRequests(requestsFor(slot++ % USERS, counts)),
  });
  const connectionErrors = result.errors - result.timeouts;
  const unexpectedResponses = Object.values(counts.unexpected).reduce((a, b) => a + b, 0);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: unexpectedResponses + connectionErrors,
    timeouts: result.timeouts,
    connectionErrors,
    statuses: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, count ?? 0]),
    ),
    conflicts: counts.conflicts,
    unexpected: counts.unexpected,
  };
}

function tally(counts: Counts, status: number, ok: boolean) {
  if (ok) counts.expected++;
  else if (status === 409) counts.conflicts++;
  else counts.unexpected[status] = (counts.unexpected[status] ?? 0) + 1;
}

await ensureBuild();
const tmp = path.resolve(process.env.LOTSE_TEST_TMP ?? path.join('tests', '.tmp'));
fs.mkdirSync(tmp, { recursive: true });
const dir = fs.mkdtempSync(path.join(tmp, 'load-'));
const databaseFile = path.join(dir, 'lotse.db');
const started = Date.now();
const server = await startProductionServer({ databaseFile });
log(`server up on ${server.base} in ${((Date.now() - started) / 1000).toFixed(1)} s`);

let ceilingChild: ReturnType<typeof spawn> | undefined;
try {
  // 50 editors besides the demo's, created with the same model function as `lotse user create`
  process.env.DATABASE_URL = `file:${databaseFile}`;
  const { createUser } = await import('~/models/user.server');
  const { prisma } = await import('~/utils/db.server');
  const password = 'load-test-editor-password';
  const users: { email: string; cookie: string; pieceId: string; version: number }[] = [];
  for (let i = 0; i < USERS; i++) {
    const email = `load-${String(i + 1).padStart(2, '0')}@bench.lotse`;
    await createUser({ email, name: `Load Editor ${i + 1}`, password, roles: ['editor'] });
  }
  await prisma.$disconnect();
  // sequential logins: every one verifies an Argon2 hash, and none of them fails, so the login
  // throttle (which counts failures) never delays them
  for (let i = 0; i < USERS; i++) {
    const email = `load-${String(i + 1).padStart(2, '0')}@bench.lotse`;
    const cookie = await login(server.base, { email, password });
    const res = await postForm(server.base, cookie, '/calendar/new', {
      channel: 'blog',
      title: `Load test piece ${i + 1}`,
    });
    const pieceId = /^\/calendar\/([^/?]+)\?/.exec(res.headers.get('location') ?? '')?.[1];
    if (res.status !== 302 || !pieceId) throw new Error(`creating a piece: HTTP ${res.status}`);
    users.push({ email, cookie, pieceId, version: 1 });
  }
  log(`${USERS} users logged in, each with its own piece`);

  const appRequests = (slot: number, counts: Counts): Request[] => {
    const user = users[slot]!;
    const headers = { cookie: user.cookie };
    let saves = 0;
    return [
      {
        method: 'GET',
        path: '/calendar',
        headers,
        onResponse: (status) => tally(counts, status, status === 200),
      },
      {
        method: 'GET',
        path: '/knowledge',
        headers,
        onResponse: (status) => tally(counts, status, status === 200),
      },
      {
        method: 'POST',
        path: `/calendar/${user.pieceId}`,
        setupRequest: (req) => ({
          ...req,
          headers: {
            ...headers,
            origin: server.base,
            'content-type': 'application/x-www-form-urlencoded',
          },
          body: new URLSearchParams({
            channel: 'blog',
            title: `Load test piece ${slot + 1}`,
            brief: `save ${++saves}`,
            expectedVersion: String(user.version),
          }).toString(),
        }),
        onResponse: (status) => {
          if (status === 302) user.version++;
          tally(counts, status, status === 302);
        },
      },
    ];
  };
  log(`driving Lotse: ${USERS} connections for ${DURATION_S} s`);
  const app = await drive(server.base, appRequests);

  // the ceiling: the same load on the simplest Node server, in its own process
  const port = await freePort();
  ceilingChild = spawn(
    process.execPath,
    [
      '-e',
      `require('node:http').createServer((q, s) => { q.resume(); q.on('end', () => s.end('ok')); })` +
        `.listen(${port}, '127.0.0.1', () => console.log('listening'))`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await new Promise((resolve) => ceilingChild!.stdout!.once('data', resolve));
  const ceilingRequests = (slot: number, counts: Counts): Request[] =>
    appRequests(slot, counts).map(({ onResponse: _, ...req }) => ({
      ...req,
      onResponse: (status: number) => tally(counts, status, status === 200),
    }));
  log(`driving a bare Node server: ${USERS} connections for ${DURATION_S} s`);
  const ceiling = await drive(`http://127.0.0.1:${port}`, ceilingRequests);

  const rows: [string, (m: Measured) => string][] = [
    ['requests/s', (m) => m.rps.toFixed(0)],
    ['requests', (m) => String(m.requests)],
    ['p50 latency', (m) => `${m.p50} ms`],
    ['p99 latency', (m) => `${m.p99} ms`],
    ['errors', (m) => String(m.errors)],
    ['timeouts', (m) => String(m.timeouts)],
    ['version conflicts (409)', (m) => String(m.conflicts)],
  ];
  console.log(`\n${''.padEnd(26)}${'Lotse'.padStart(12)}${'bare Node'.padStart(12)}`);
  for (const [label, value] of rows) {
    console.log(label.padEnd(26) + value(app).padStart(12) + value(ceiling).padStart(12));
  }
  log(
    `Lotse answered ${JSON.stringify(app.statuses)}; unexpected: ${JSON.stringify(app.unexpected)}`,
  );
  log(`Lotse connection errors besides timeouts: ${app.connectionErrors}`);
  const met = app.errors === TARGET.errors && app.timeouts === 0 && app.p99 < TARGET.p99Ms;
  console.log(
    `\ntarget (${TARGET.errors} errors, p99 < ${TARGET.p99Ms} ms): ${met ? 'met' : 'NOT met'}`,
  );
} finally {
  ceilingChild?.kill('SIGTERM');
  server.child.kill('SIGTERM');
  await server.exited();
  fs.rmSync(dir, { recursive: true, force: true });
}
