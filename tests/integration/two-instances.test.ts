// Two Lotse servers on one PostgreSQL database, as behind a load balancer: what one instance
// writes, the other must respect at once. Needs LOTSE_TEST_DATABASE=postgresql://…; skipped
// without it (SQLite is one file on one host: one instance).
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../app/locales/en.json' with { type: 'json' };
import { TEST_POSTGRES } from '../setup/postgres';

const STARTUP_MS = 600_000; // the first start may build the app, on a busy 2-core machine

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

type Instance = { base: string; child: ChildProcess; output: string[] };

async function start(name: string): Promise<Instance> {
  const port = await freePort();
  const output: string[] = [];
  const child = spawn(process.execPath, [path.resolve('app/server/run.mjs')], {
    env: {
      ...process.env,
      // as `npm start` runs (vitest's NODE_ENV=test would make a start-up build a development one)
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOTSE_DEMO: 'on',
      LOTSE_SECURE_COOKIES: 'off',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => output.push(String(d)));
  child.stderr?.on('data', (d: Buffer) => output.push(String(d)));
  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + STARTUP_MS;
  while (Date.now() < until) {
    if (child.exitCode !== null) break;
    const ok = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { base, child, output };
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill('SIGTERM');
  throw new Error(`instance ${name} did not start:\n${output.join('')}`);
}

async function logIn(instance: Instance, email: string): Promise<string> {
  const res = await fetch(`${instance.base}/login`, {
    method: 'POST',
    body: new URLSearchParams({ email, password: 'lotse-demo' }),
    redirect: 'manual',
  });
  expect(res.status, `login of ${email}`).toBeLessThan(400);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

function post(instance: Instance, cookie: string, pathname: string, form: Record<string, string>) {
  return fetch(`${instance.base}${pathname}`, {
    method: 'POST',
    body: new URLSearchParams(form),
    headers: { cookie, 'Accept-Language': 'en' },
    redirect: 'manual',
  });
}

describe.skipIf(!TEST_POSTGRES)('two instances on one PostgreSQL database', () => {
  let a: Instance;
  let b: Instance;
  let editorA: string;
  let editorB: string;
  let managementA: string;

  beforeAll(async () => {
    // one after the other: the first builds (when needed), migrates and creates the demo
    a = await start('A');
    b = await start('B');
    editorA = await logIn(a, 'editor@demo.lotse');
    editorB = await logIn(b, 'editor@demo.lotse');
    managementA = await logIn(a, 'management@demo.lotse');
  }, 2 * STARTUP_MS);

  afterAll(async () => {
    for (const instance of [a, b]) instance?.child.kill('SIGTERM');
  });

  /** Creates a planned blog piece through instance A; returns its id. */
  async function newPiece(title: string): Promise<string> {
    const day = new Date(Date.now() + 3 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    const res = await post(a, editorA, '/calendar/new', {
      channel: 'blog',
      title,
      publishAt: `${day}T10:00`,
    });
    expect(res.status).toBe(302);
    const id = /\/calendar\/([^/?]+)/.exec(res.headers.get('location') ?? '')?.[1];
    expect(id).toBeTruthy();
    return id as string;
  }

  const edit = (instance: Instance, cookie: string, id: string, title: string, version: number) =>
    post(instance, cookie, `/calendar/${id}`, {
      channel: 'blog',
      title,
      publishAt: new Date(Date.now() + 3 * 24 * 3600 * 1000).toISOString().slice(0, 10) + 'T10:00',
      expectedVersion: String(version),
    });

  it('the second of two edits of one version gets the conflict, on the other instance', async () => {
    const id = await newPiece('Two instances, one piece');
    const first = await edit(a, editorA, id, 'Saved through A', 1);
    expect(first.status).toBe(302);
    const second = await edit(b, editorB, id, 'Saved through B', 1);
    expect(second.status).toBe(409);
    expect(await second.text()).toContain(en.calendar.problems.conflict);
  });

  it('of two simultaneous edits through different instances exactly one wins', async () => {
    const id = await newPiece('Two instances, a race');
    const answers = await Promise.all([
      edit(a, editorA, id, 'Race won by A', 1),
      edit(b, editorB, id, 'Race won by B', 1),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([302, 409]);
  });

  it("a rule added through A keeps the piece out of B's calendar feed at once", async () => {
    const word = 'Zanderwerk';
    const id = await newPiece(`The ${word} opens`);
    // the editor's personal feed, served by B
    const calendar = await fetch(`${b.base}/calendar`, { headers: { cookie: editorB } });
    const feedPath = /\/calendar\/feed\/[A-Za-z0-9_-]+\.ics/.exec(await calendar.text())?.[0];
    expect(feedPath, 'the feed address on the calendar page').toBeTruthy();
    const feed = async () => (await fetch(`${b.base}${feedPath}`)).text();
    expect(await feed()).toContain(word);

    const rule = await post(a, managementA, '/rules/new', {
      key: 'R-TWO-INSTANCES',
      name: 'Unannounced plant',
      severity: 'block',
      kind: 'term',
      patterns: word,
      message: 'Not announced yet.',
      active: 'on',
    });
    expect(rule.status).toBe(302);
    expect(await feed()).not.toContain(word);
    // and B's own pages say so too
    const page = await fetch(`${b.base}/calendar/${id}`, { headers: { cookie: editorB } });
    expect(await page.text()).toContain('Unannounced plant');
  });
});
