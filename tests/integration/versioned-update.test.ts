// The one optimistic-locking helper every versioned write goes through: the version is checked
// and moved on in the UPDATE itself, and a write that finds nothing tells a record that is gone
// from one that changed.
import { beforeAll, describe, expect, it } from 'vitest';
import { bumpVersion, versionedDelete, versionedUpdate } from '~/models/versioned.server';
import { createUser } from '~/models/user.server';
import { prisma } from '~/utils/db.server';

let ownerId: string;

beforeAll(async () => {
  ownerId = (
    await createUser({
      email: 'owner@example.com',
      name: 'Owner',
      password: 'password-123',
      roles: ['expert'],
    })
  ).id;
});

const newAudience = (name: string) =>
  prisma.audience.create({ data: { name, description: '' }, select: { id: true } });

const stored = (id: string) =>
  prisma.audience.findUnique({ where: { id }, select: { name: true, version: true } });

describe('versionedUpdate', () => {
  it('writes over the expected version and moves it on by one', async () => {
    const { id } = await newAudience('Patients');
    const first = await prisma.$transaction((tx) =>
      versionedUpdate(tx.audience, { id, expectedVersion: 1, data: { name: 'Patienten' } }),
    );
    expect(first).toEqual({ ok: true, version: 2 });
    const second = await prisma.$transaction((tx) =>
      versionedUpdate(tx.audience, { id, expectedVersion: 2, data: { name: 'Kunden' } }),
    );
    expect(second).toEqual({ ok: true, version: 3 });
    expect(await stored(id)).toEqual({ name: 'Kunden', version: 3 });
  });

  it('writes nothing over another version and calls it a conflict', async () => {
    const { id } = await newAudience('Opticians');
    await prisma.audience.update({ where: { id }, data: { version: 4 } });
    for (const expectedVersion of [1, 3, 5]) {
      const result = await prisma.$transaction((tx) =>
        versionedUpdate(tx.audience, { id, expectedVersion, data: { name: 'Optiker' } }),
      );
      expect(result).toEqual({ ok: false, problem: 'conflict' });
    }
    expect(await stored(id)).toEqual({ name: 'Opticians', version: 4 });
  });

  it('tells a record that does not exist from one that changed', async () => {
    const result = await prisma.$transaction((tx) =>
      versionedUpdate(tx.audience, { id: 'no-such-id', expectedVersion: 1, data: { name: 'x' } }),
    );
    expect(result).toEqual({ ok: false, problem: 'notFound' });
  });

  it('checks the extra conditions in the same statement', async () => {
    const item = await prisma.knowledgeItem.create({
      data: {
        title: 'Kontaktlinsen',
        summary: 'Pflege',
        kind: 'expertise',
        language: 'de',
        department: 'Optometrie',
        ownerId,
        status: 'submitted',
      },
      select: { id: true },
    });
    // the record exists, but not within the conditions: not found, and nothing written
    const outside = await prisma.$transaction((tx) =>
      versionedUpdate(tx.knowledgeItem, {
        id: item.id,
        expectedVersion: 1,
        where: { status: 'draft' },
        data: { status: 'accepted' },
      }),
    );
    expect(outside).toEqual({ ok: false, problem: 'notFound' });
    // within them, at another version: a conflict
    const stale = await prisma.$transaction((tx) =>
      versionedUpdate(tx.knowledgeItem, {
        id: item.id,
        expectedVersion: 7,
        where: { status: 'submitted', ownerId },
        data: { status: 'accepted' },
      }),
    );
    expect(stale).toEqual({ ok: false, problem: 'conflict' });
    const accepted = await prisma.$transaction((tx) =>
      versionedUpdate(tx.knowledgeItem, {
        id: item.id,
        expectedVersion: 1,
        // conditions that name the id themselves are kept as they are
        where: { id: item.id, status: 'submitted' },
        data: { status: 'accepted' },
      }),
    );
    expect(accepted).toEqual({ ok: true, version: 2 });
    expect(
      await prisma.knowledgeItem.findUnique({
        where: { id: item.id },
        select: { status: true, version: true },
      }),
    ).toEqual({ status: 'accepted', version: 2 });
  });

  it('moves a disclosure rule’s revision, and its time of change, the same way', async () => {
    const rule = await prisma.disclosureRule.create({
      data: {
        key: 'project-names',
        name: 'Project names',
        severity: 'block',
        kind: 'term',
        patterns: '["Nordlicht"]',
        revision: 3,
      },
      select: { id: true, updatedAt: true },
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const changed = await prisma.$transaction((tx) =>
      versionedUpdate(tx.disclosureRule, {
        id: rule.id,
        field: 'revision',
        expectedVersion: 3,
        data: { name: 'Internal project names' },
      }),
    );
    expect(changed).toEqual({ ok: true, version: 4 });
    const stale = await prisma.$transaction((tx) =>
      versionedUpdate(tx.disclosureRule, {
        id: rule.id,
        field: 'revision',
        expectedVersion: 3,
        data: { name: 'Lost' },
      }),
    );
    expect(stale).toEqual({ ok: false, problem: 'conflict' });
    const now = await prisma.disclosureRule.findUniqueOrThrow({
      where: { id: rule.id },
      select: { name: true, revision: true, updatedAt: true },
    });
    expect(now).toMatchObject({ name: 'Internal project names', revision: 4 });
    // the disclosure rule cache keys on the revisions and the latest change
    expect(now.updatedAt.getTime()).toBeGreaterThan(rule.updatedAt.getTime());
  });

  it('rolls back with the transaction it is part of', async () => {
    const { id } = await newAudience('Pharmacies');
    await expect(
      prisma.$transaction(async (tx) => {
        const written = await versionedUpdate(tx.audience, {
          id,
          expectedVersion: 1,
          data: { name: 'Apotheken' },
        });
        expect(written.ok).toBe(true);
        throw new Error('a later step fails');
      }),
    ).rejects.toThrow('a later step fails');
    expect(await stored(id)).toEqual({ name: 'Pharmacies', version: 1 });
  });
});

describe('versionedDelete', () => {
  it('deletes only the expected version', async () => {
    const { id } = await newAudience('Retailers');
    await prisma.audience.update({ where: { id }, data: { version: 2 } });
    const stale = await prisma.$transaction((tx) =>
      versionedDelete(tx.audience, { id, expectedVersion: 1 }),
    );
    expect(stale).toEqual({ ok: false, problem: 'conflict' });
    expect(await stored(id)).not.toBeNull();
    const gone = await prisma.$transaction((tx) =>
      versionedDelete(tx.audience, { id, expectedVersion: 2 }),
    );
    expect(gone).toEqual({ ok: true });
    expect(await stored(id)).toBeNull();
    const again = await prisma.$transaction((tx) =>
      versionedDelete(tx.audience, { id, expectedVersion: 2 }),
    );
    expect(again).toEqual({ ok: false, problem: 'notFound' });
  });
});

describe('bumpVersion', () => {
  it('moves the version on without expecting one, within its conditions', async () => {
    const { id } = await newAudience('Clinics');
    expect(await prisma.$transaction((tx) => bumpVersion(tx.audience, { id }))).toBe(true);
    expect(
      await prisma.$transaction((tx) =>
        bumpVersion(tx.audience, { id, where: { name: 'Kliniken' }, data: { description: 'x' } }),
      ),
    ).toBe(false);
    expect(
      await prisma.$transaction((tx) =>
        bumpVersion(tx.audience, { id, where: { name: 'Clinics' }, data: { description: 'y' } }),
      ),
    ).toBe(true);
    expect(
      await prisma.audience.findUnique({
        where: { id },
        select: { description: true, version: true },
      }),
    ).toEqual({ description: 'y', version: 3 });
    expect(await prisma.$transaction((tx) => bumpVersion(tx.audience, { id: 'gone' }))).toBe(false);
  });
});
