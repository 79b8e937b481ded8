// Two people save the same version of a record at the same moment: exactly one save wins, the
// other is told about the conflict. On PostgreSQL (LOTSE_TEST_DATABASE=postgresql://…) the two
// saves really overlap: each runs in its own transaction on its own connection, and a third
// connection holds the record's row until both have read it and are waiting to write, so both
// start from the same version. Read-committed isolation then lets a save that compares the
// version it read and updates by id alone overwrite the other one; only a version checked in the
// UPDATE itself turns it into a conflict. On SQLite the saves run side by side as well, but the
// database serialises them.
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { createKnowledgeItem, updateKnowledgeItem } from '~/models/knowledge.server';
import { createPiece, movePiece, transitionPiece, updatePiece } from '~/models/piece-writes.server';
import { createUser, updateUser } from '~/models/user.server';
import { NotAllowedError } from '~/domain/permissions';
import { prisma } from '~/utils/db.server';
import { postgresSettings } from '~/utils/database-url';
import { ensureReferenceData } from '../../seeds/reference';
import { pieceInput } from '../support/piece-input';
import { TEST_POSTGRES } from '../setup/postgres';

type Viewer = { id: string; roles: string[] };
let editor: Viewer;
let expert: Viewer;

beforeAll(async () => {
  await ensureReferenceData(prisma);
  const mk = async (email: string, roles: ('expert' | 'editor')[]) => ({
    id: (await createUser({ email, name: email, password: 'password-123', roles })).id,
    roles,
  });
  editor = await mk('editor@example.com', ['editor']);
  expert = await mk('expert@example.com', ['expert']);
});

/** The connections that wait, directly or behind another waiter, for `holder` to finish. */
async function waitingBehind(monitor: pg.Client, holder: number): Promise<number> {
  const { rows } = await monitor.query<{ pid: number; blockers: number[] }>(
    `SELECT pid, pg_blocking_pids(pid) AS blockers FROM pg_stat_activity
      WHERE datname = current_database() AND cardinality(pg_blocking_pids(pid)) > 0`,
  );
  const behind = new Set([holder]);
  for (let grew = true; grew;) {
    grew = false;
    for (const row of rows) {
      if (!behind.has(row.pid) && row.blockers.some((b) => behind.has(b))) {
        behind.add(row.pid);
        grew = true;
      }
    }
  }
  return behind.size - 1;
}

/**
 * Runs the saves at the same time. On PostgreSQL the rows `held` (table and ids) are locked by a
 * connection of the test until all saves wait for them, so that each save has read the record
 * before any of them writes; then the rows are released and the saves race for real.
 */
async function overlapping<T>(
  held: { table: string; ids: string[] },
  saves: (() => Promise<T>)[],
): Promise<T[]> {
  if (!TEST_POSTGRES) return Promise.all(saves.map((save) => save()));
  const { config } = postgresSettings(process.env.DATABASE_URL!);
  const holder = new pg.Client(config);
  const monitor = new pg.Client(config);
  await holder.connect();
  await monitor.connect();
  try {
    await holder.query('BEGIN');
    const { rows } = await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    await holder.query(`SELECT 1 FROM "${held.table}" WHERE id = ANY($1) ORDER BY id FOR UPDATE`, [
      held.ids,
    ]);
    const running = Promise.allSettled(saves.map((save) => save()));
    const until = Date.now() + 30_000;
    while ((await waitingBehind(monitor, rows[0]!.pid)) < saves.length) {
      if (Date.now() > until) throw new Error('the saves never waited for the held rows');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await holder.query('COMMIT');
    const settled = await running;
    return settled.map((s) => {
      if (s.status === 'rejected') throw s.reason;
      return s.value;
    });
  } finally {
    await holder.query('ROLLBACK').catch(() => undefined);
    await holder.end();
    await monitor.end();
  }
}

const outcomes = (results: { ok: boolean; problem?: string }[]) =>
  results.map((r) => (r.ok ? 'ok' : r.problem)).sort();

/**
 * A user change as the route sees it: an actor who is no longer an administrator is refused.
 * Which refusal the second change gets depends on when it learns of the first one: serialised
 * (SQLite), its actor has already lost the role; overlapping (PostgreSQL), it finds itself the
 * last administrator.
 */
const asRouteSees = (change: () => ReturnType<typeof updateUser>) => () =>
  change().catch((error: unknown) => {
    if (error instanceof NotAllowedError) return { ok: false, problem: 'notAllowed' } as const;
    throw error;
  });
const lastAdminRefused = (results: { ok: boolean; problem?: string }[]) =>
  expect([
    ['lastAdmin', 'ok'],
    ['notAllowed', 'ok'],
  ]).toContainEqual(outcomes(results));

describe('two saves of the same version at the same moment', { timeout: 60_000 }, () => {
  it('keep one change to a knowledge item and report the other as a conflict', async () => {
    const base = {
      summary: 'Wie man Linsen richtig reinigt.',
      details: '',
      kind: 'expertise' as const,
      language: 'de' as const,
      department: 'Optometrie',
      tags: ['pflege'],
      links: [],
    };
    const item = await createKnowledgeItem({
      owner: expert,
      input: { ...base, title: 'Linsenpflege' },
      submit: false,
    });
    const save = (title: string, tags: string[]) => () =>
      updateKnowledgeItem({
        id: item.id,
        actor: expert,
        input: { ...base, title, tags },
        expectedVersion: 1,
        submit: false,
      });
    const results = await overlapping({ table: 'KnowledgeItem', ids: [item.id] }, [
      save('Linsenpflege im Winter', ['winter']),
      save('Linsenpflege im Sommer', ['sommer']),
    ]);
    expect(outcomes(results)).toEqual(['conflict', 'ok']);
    const winner = results[0]!.ok ? 0 : 1;
    const stored = await prisma.knowledgeItem.findUniqueOrThrow({
      where: { id: item.id },
      select: { title: true, version: true, tags: { select: { tag: { select: { name: true } } } } },
    });
    expect(stored.title).toBe(['Linsenpflege im Winter', 'Linsenpflege im Sommer'][winner]);
    expect(stored.tags.map((t) => t.tag.name)).toEqual([['winter'], ['sommer']][winner]);
    expect(stored.version).toBe(2);
    // the loser's change left no trace: one audit entry for the one update
    expect(
      await prisma.auditEvent.count({ where: { entityId: item.id, action: 'knowledge.update' } }),
    ).toBe(1);
  });

  it('keep one save of a piece and answer the other with the piece as saved', async () => {
    const input = pieceInput({ title: 'Lens care', publishAt: new Date('2026-03-27T08:00:00Z') });
    const { id } = await createPiece({ actor: editor, input });
    const save = (title: string) => () =>
      updatePiece({ id, actor: editor, input: { ...input, title }, expectedVersion: 1 });
    const results = await overlapping({ table: 'ContentPiece', ids: [id] }, [
      save('Lens care in winter'),
      save('Lens care in summer'),
    ]);
    expect(outcomes(results)).toEqual(['conflict', 'ok']);
    const loser = results.find((r) => !r.ok);
    const stored = await prisma.contentPiece.findUniqueOrThrow({
      where: { id },
      select: { title: true, version: true },
    });
    expect(stored.version).toBe(2);
    expect(loser).toMatchObject({ problem: 'conflict', version: 2 });
    expect(loser && 'current' in loser && loser.current.title).toBe(stored.title);
  });

  it('move a piece once when two people drag it to different days', async () => {
    const { id } = await createPiece({
      actor: editor,
      input: pieceInput({ title: 'Dragged', publishAt: new Date('2026-03-27T08:00:00Z') }),
    });
    const move = (day: string) => () => movePiece({ id, actor: editor, day, expectedVersion: 1 });
    const results = await overlapping({ table: 'ContentPiece', ids: [id] }, [
      move('2026-03-30'),
      move('2026-04-02'),
    ]);
    expect(outcomes(results)).toEqual(['conflict', 'ok']);
    const stored = await prisma.contentPiece.findUniqueOrThrow({
      where: { id },
      select: { publishAt: true, version: true },
    });
    expect(stored.version).toBe(2);
    const winner = results[0]!.ok ? '2026-03-30' : '2026-04-02';
    expect(stored.publishAt?.toISOString().slice(0, 10)).toBe(winner);
    expect(await prisma.auditEvent.count({ where: { entityId: id, action: 'piece.move' } })).toBe(
      1,
    );
  });

  it('move a piece through its workflow once when two people decide at the same time', async () => {
    const { id } = await createPiece({
      actor: editor,
      input: pieceInput({ title: 'Decided', publishAt: new Date('2026-03-27T08:00:00Z') }),
    });
    const decide = (to: 'in_production' | 'cancelled') => () =>
      transitionPiece({ id, actor: editor, to, expectedVersion: 1 });
    const results = await overlapping({ table: 'ContentPiece', ids: [id] }, [
      decide('in_production'),
      decide('cancelled'),
    ]);
    expect(outcomes(results)).toEqual(['conflict', 'ok']);
    const stored = await prisma.contentPiece.findUniqueOrThrow({
      where: { id },
      select: { status: true, version: true },
    });
    expect(stored).toEqual({
      status: results[0]!.ok ? 'in_production' : 'cancelled',
      version: 2,
    });
    expect(await prisma.auditEvent.count({ where: { entityId: id, action: 'piece.status' } })).toBe(
      1,
    );
  });

  it('change a user once when two administrators edit them', async () => {
    const admin = await createUser({
      email: 'first-admin@example.com',
      name: 'First Admin',
      password: 'password-123',
      roles: ['admin'],
    });
    const user = await createUser({
      email: 'carla@example.com',
      name: 'Carla',
      password: 'password-123',
      roles: ['expert'],
    });
    const save = (name: string) => () =>
      updateUser({
        id: user.id,
        actorId: admin.id,
        expectedVersion: 1,
        name,
        roles: ['expert'],
        active: true,
      });
    const results = await overlapping({ table: 'User', ids: [user.id] }, [
      save('Carla Berger'),
      save('Carla Meyer'),
    ]);
    expect(outcomes(results)).toEqual(['conflict', 'ok']);
    const stored = await prisma.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { version: true },
    });
    expect(stored.version).toBe(2);
  });
});

describe(
  'two administrators taking each other’s admin role at the same moment',
  { timeout: 60_000 },
  () => {
    it('leave one administrator', async () => {
      // this file's only active administrators (the test before keeps its first admin: end that)
      await prisma.userRole.deleteMany({ where: { role: 'admin' } });
      const mkAdmin = async (email: string) =>
        (await createUser({ email, name: email, password: 'password-123', roles: ['admin'] })).id;
      const one = await mkAdmin('one@example.com');
      const two = await mkAdmin('two@example.com');
      const demote = (actorId: string, id: string) =>
        asRouteSees(() =>
          updateUser({
            id,
            actorId,
            expectedVersion: 1,
            name: id,
            roles: ['editor'],
            active: true,
          }),
        );
      const results = await overlapping({ table: 'User', ids: [one, two] }, [
        demote(one, two),
        demote(two, one),
      ]);
      lastAdminRefused(results);
      expect(
        await prisma.user.count({ where: { active: true, roles: { some: { role: 'admin' } } } }),
      ).toBe(1);
    });

    it('leave one administrator when one is deactivated and the other demoted', async () => {
      await prisma.userRole.deleteMany({ where: { role: 'admin' } });
      const mkAdmin = async (email: string) =>
        (await createUser({ email, name: email, password: 'password-123', roles: ['admin'] })).id;
      const three = await mkAdmin('three@example.com');
      const four = await mkAdmin('four@example.com');
      const results = await overlapping({ table: 'User', ids: [three, four] }, [
        asRouteSees(() =>
          updateUser({
            id: four,
            actorId: three,
            expectedVersion: 1,
            name: 'Four',
            roles: ['admin'],
            active: false,
          }),
        ),
        asRouteSees(() =>
          updateUser({
            id: three,
            actorId: four,
            expectedVersion: 1,
            name: 'Three',
            roles: ['editor'],
            active: true,
          }),
        ),
      ]);
      lastAdminRefused(results);
      expect(
        await prisma.user.count({ where: { active: true, roles: { some: { role: 'admin' } } } }),
      ).toBe(1);
    });
  },
);
