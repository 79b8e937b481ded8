import type { Prisma } from '~/generated/prisma/client';
import type { AudienceFormData, NeedFormData } from '~/forms/audience';
import { prisma } from '~/utils/db.server';
import { isUniqueViolation } from '~/utils/db-errors.server';
import { recordAudit } from './audit.server';
import { tagConnections } from './tag.server';
import { assertActorCan } from './actor.server';
import { versionedDelete, versionedUpdate } from './versioned.server';

/**
 * Target audiences and their needs (what they want to know). Editors maintain them; every
 * write is one transaction with its audit entry, and `expectedVersion` turns a change made
 * meanwhile by someone else into a conflict instead of an overwrite.
 */

/** `audienceGone`: the need's audience was deleted while its form was open. */
export type AudienceProblem = 'notFound' | 'conflict' | 'nameTaken' | 'inUse' | 'audienceGone';
export type WriteOutcome<P extends AudienceProblem = AudienceProblem> =
  { ok: true; id: string } | { ok: false; problem: P };

const needSelect = {
  id: true,
  text: true,
  priority: true,
  language: true,
  version: true,
  tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: 'asc' } } },
  _count: { select: { matches: { where: { decision: 'accepted' } }, pieces: true } },
} satisfies Prisma.NeedSelect;

function flattenNeed<N extends { tags: { tag: { name: string } }[] }>(need: N) {
  return { ...need, tags: need.tags.map((t) => t.tag.name) };
}

export async function listAudiencesWithNeeds() {
  const audiences = await prisma.audience.findMany({
    orderBy: { name: 'asc' },
    select: {
      id: true,
      name: true,
      description: true,
      needs: { orderBy: [{ priority: 'desc' }, { text: 'asc' }], select: needSelect },
    },
  });
  return audiences.map((a) => ({ ...a, needs: a.needs.map(flattenNeed) }));
}

/** Audiences for a choice (id and name). */
export function listAudienceChoices() {
  return prisma.audience.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } });
}

export async function getAudience(id: string) {
  const audience = await prisma.audience.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      description: true,
      version: true,
      updatedAt: true,
      needs: { orderBy: [{ priority: 'desc' }, { text: 'asc' }], select: needSelect },
      _count: { select: { pieces: true } },
    },
  });
  return audience && { ...audience, needs: audience.needs.map(flattenNeed) };
}

export async function createAudience({
  actorId,
  input,
}: {
  actorId: string;
  input: AudienceFormData;
}): Promise<WriteOutcome<'nameTaken'>> {
  try {
    return await prisma.$transaction(async (tx) => {
      await assertActorCan(tx, actorId, 'audiences:manage');
      const audience = await tx.audience.create({
        data: { name: input.name, description: input.description },
        select: { id: true, name: true, description: true },
      });
      await recordAudit(tx, {
        actorId,
        action: 'audience.create',
        entityType: 'audience',
        entityId: audience.id,
        after: audience,
      });
      return { ok: true as const, id: audience.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, problem: 'nameTaken' };
    throw error;
  }
}

export async function updateAudience({
  id,
  actorId,
  input,
  expectedVersion,
}: {
  id: string;
  actorId: string;
  input: AudienceFormData;
  expectedVersion: number;
}): Promise<WriteOutcome<'notFound' | 'conflict' | 'nameTaken'>> {
  try {
    return await prisma.$transaction(async (tx) => {
      await assertActorCan(tx, actorId, 'audiences:manage');
      const before = await tx.audience.findUnique({
        where: { id },
        select: { name: true, description: true, version: true },
      });
      if (!before) return { ok: false as const, problem: 'notFound' as const };
      const written = await versionedUpdate(tx.audience, {
        id,
        expectedVersion,
        data: { name: input.name, description: input.description },
      });
      if (!written.ok) return written;
      await recordAudit(tx, {
        actorId,
        action: 'audience.update',
        entityType: 'audience',
        entityId: id,
        before: { name: before.name, description: before.description },
        after: { name: input.name, description: input.description },
      });
      return { ok: true as const, id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, problem: 'nameTaken' };
    throw error;
  }
}

/**
 * Removes an audience with its needs and their match decisions. Refused while content pieces
 * are planned for the audience or one of its needs: the plan would silently lose its reason.
 */
export function deleteAudience({
  id,
  actorId,
  expectedVersion,
}: {
  id: string;
  actorId: string;
  expectedVersion: number;
}): Promise<WriteOutcome<'notFound' | 'conflict' | 'inUse'>> {
  return prisma.$transaction(async (tx) => {
    await assertActorCan(tx, actorId, 'audiences:manage');
    const audience = await tx.audience.findUnique({
      where: { id },
      select: { name: true, version: true, _count: { select: { pieces: true, needs: true } } },
    });
    if (!audience) return { ok: false, problem: 'notFound' };
    // an early answer for a page that is out of date; the delete below checks it atomically
    if (audience.version !== expectedVersion) return { ok: false, problem: 'conflict' };
    const needPieces = await tx.contentPieceNeed.count({ where: { need: { audienceId: id } } });
    if (audience._count.pieces + needPieces > 0) return { ok: false, problem: 'inUse' };
    const deleted = await versionedDelete(tx.audience, { id, expectedVersion });
    if (!deleted.ok) return deleted;
    await recordAudit(tx, {
      actorId,
      action: 'audience.delete',
      entityType: 'audience',
      entityId: id,
      before: { name: audience.name, needs: audience._count.needs },
    });
    return { ok: true, id };
  });
}

export async function getNeed(id: string) {
  const need = await prisma.need.findUnique({
    where: { id },
    select: { ...needSelect, audience: { select: { id: true, name: true } } },
  });
  return need && flattenNeed(need);
}

function needAudit(input: NeedFormData) {
  return {
    audienceId: input.audienceId,
    text: input.text,
    tags: input.tags,
    priority: input.priority,
    language: input.language,
  };
}

export function createNeed({
  actorId,
  input,
}: {
  actorId: string;
  input: NeedFormData;
}): Promise<WriteOutcome<'audienceGone'>> {
  return prisma.$transaction(async (tx) => {
    await assertActorCan(tx, actorId, 'audiences:manage');
    const audience = await tx.audience.findUnique({
      where: { id: input.audienceId },
      select: { id: true },
    });
    if (!audience) return { ok: false, problem: 'audienceGone' };
    const need = await tx.need.create({
      data: {
        audienceId: input.audienceId,
        text: input.text,
        priority: input.priority,
        language: input.language,
        tags: { create: await tagConnections(tx, input.tags) },
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId,
      action: 'need.create',
      entityType: 'need',
      entityId: need.id,
      after: needAudit(input),
    });
    return { ok: true, id: need.id };
  });
}

export function updateNeed({
  id,
  actorId,
  input,
  expectedVersion,
}: {
  id: string;
  actorId: string;
  input: NeedFormData;
  expectedVersion: number;
}): Promise<WriteOutcome<'notFound' | 'conflict' | 'audienceGone'>> {
  return prisma.$transaction(async (tx) => {
    await assertActorCan(tx, actorId, 'audiences:manage');
    const before = await tx.need.findUnique({
      where: { id },
      select: {
        audienceId: true,
        text: true,
        priority: true,
        language: true,
        tags: { select: { tag: { select: { name: true } } } },
      },
    });
    if (!before) return { ok: false, problem: 'notFound' };
    const audience = await tx.audience.findUnique({
      where: { id: input.audienceId },
      select: { id: true },
    });
    if (!audience) return { ok: false, problem: 'audienceGone' };
    const written = await versionedUpdate(tx.need, {
      id,
      expectedVersion,
      data: {
        audienceId: input.audienceId,
        text: input.text,
        priority: input.priority,
        language: input.language,
      },
    });
    if (!written.ok) return written;
    await tx.needTag.deleteMany({ where: { needId: id } });
    for (const { tagId } of await tagConnections(tx, input.tags)) {
      await tx.needTag.create({ data: { needId: id, tagId } });
    }
    await recordAudit(tx, {
      actorId,
      action: 'need.update',
      entityType: 'need',
      entityId: id,
      before: { ...before, tags: before.tags.map((t) => t.tag.name) },
      after: needAudit(input),
    });
    return { ok: true, id };
  });
}

/** Removes a need and its match decisions; refused while content pieces are planned for it. */
export function deleteNeed({
  id,
  actorId,
  expectedVersion,
}: {
  id: string;
  actorId: string;
  expectedVersion: number;
}): Promise<
  { ok: true; audienceId: string } | { ok: false; problem: 'notFound' | 'conflict' | 'inUse' }
> {
  return prisma.$transaction(async (tx) => {
    await assertActorCan(tx, actorId, 'audiences:manage');
    const need = await tx.need.findUnique({
      where: { id },
      select: { text: true, audienceId: true, version: true, _count: { select: { pieces: true } } },
    });
    if (!need) return { ok: false, problem: 'notFound' };
    // an early answer for a page that is out of date; the delete below checks it atomically
    if (need.version !== expectedVersion) return { ok: false, problem: 'conflict' };
    if (need._count.pieces > 0) return { ok: false, problem: 'inUse' };
    const deleted = await versionedDelete(tx.need, { id, expectedVersion });
    if (!deleted.ok) return deleted;
    await recordAudit(tx, {
      actorId,
      action: 'need.delete',
      entityType: 'need',
      entityId: id,
      before: { text: need.text, audienceId: need.audienceId },
    });
    return { ok: true, audienceId: need.audienceId };
  });
}
