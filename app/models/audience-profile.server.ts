import { assertCan } from '~/domain/permissions';
import {
  profileShares,
  TECHNOGRAPHIC_GROUPS,
  type TechnographicGroup,
  type TechnographicsProfile,
} from '~/domain/strategy/technographics';
import type { Prisma } from '~/generated/prisma/client';
import type { TechnographicsFormData } from '~/forms/technographics';
import { prisma } from '~/utils/db.server';
import { isUniqueViolation } from '~/utils/db-errors.server';
import { recordAudit } from './audit.server';
import { versionedUpdate } from './versioned.server';

/**
 * An audience's Social Technographics profile (how it behaves online), one per audience. Editors
 * maintain it next to the audience; every save is one transaction with its audit entry, and the
 * profile's version turns a change made meanwhile by someone else into a conflict.
 */

export type ProfileProblem = 'notFound' | 'conflict';

const profileSelect = {
  ...(Object.fromEntries(TECHNOGRAPHIC_GROUPS.map((g) => [g, true])) as Record<
    TechnographicGroup,
    true
  >),
  source: true,
  surveyedAt: true,
  version: true,
  updatedAt: true,
} satisfies Prisma.AudienceProfileSelect;

type ProfileRow = Prisma.AudienceProfileGetPayload<{ select: typeof profileSelect }>;

export type AudienceProfile = {
  shares: TechnographicsProfile;
  source: string;
  /** the survey's day, YYYY-MM-DD */
  surveyedAt: string;
  version: number;
  updatedAt: Date;
};

/** A day as stored: midnight UTC (the profile's date is a calendar day, not an instant). */
const storedDay = (day: string) => new Date(`${day}T00:00:00.000Z`);

function toProfile(row: ProfileRow): AudienceProfile {
  return {
    shares: profileShares(row),
    source: row.source,
    surveyedAt: row.surveyedAt.toISOString().slice(0, 10),
    version: row.version,
    updatedAt: row.updatedAt,
  };
}

/** What the audit log keeps of a profile. */
const audited = (p: { shares: TechnographicsProfile; source: string; surveyedAt: string }) => ({
  ...p.shares,
  source: p.source,
  surveyedAt: p.surveyedAt,
});

/** An audience's profile, or null when none has been entered yet. */
export async function getAudienceProfile({
  audienceId,
}: {
  audienceId: string;
}): Promise<AudienceProfile | null> {
  const row = await prisma.audienceProfile.findUnique({
    where: { audienceId },
    select: profileSelect,
  });
  return row && toProfile(row);
}

/** The profiles of the named audiences (by audience name, as the calendar's pieces carry them). */
export async function listAudienceProfiles({ names }: { names: readonly string[] }) {
  if (names.length === 0) return [];
  const rows = await prisma.audienceProfile.findMany({
    where: { audience: { name: { in: [...new Set(names)] } } },
    select: { ...profileSelect, audience: { select: { id: true, name: true } } },
    orderBy: { audience: { name: 'asc' } },
  });
  return rows.map((row) => ({
    audienceId: row.audience.id,
    audience: row.audience.name,
    ...toProfile(row),
  }));
}

/**
 * Creates or changes an audience's profile. `expectedVersion` is the version the form showed;
 * none means the form showed no profile, so one created meanwhile is a conflict too. Throws
 * NotAllowedError for an actor who may not manage audiences.
 */
export async function saveAudienceProfile({
  audienceId,
  actor,
  input,
  expectedVersion,
}: {
  audienceId: string;
  actor: { id: string; roles: readonly string[] };
  input: TechnographicsFormData;
  expectedVersion?: number;
}): Promise<{ ok: true; version: number } | { ok: false; problem: ProfileProblem }> {
  assertCan(actor, 'audiences:manage');
  const after = {
    shares: profileShares(input),
    source: input.source,
    surveyedAt: input.surveyedAt,
  };
  const data = { ...after.shares, source: after.source, surveyedAt: storedDay(after.surveyedAt) };
  try {
    return await prisma.$transaction(async (tx) => {
      const audience = await tx.audience.findUnique({
        where: { id: audienceId },
        select: { id: true, profile: { select: { ...profileSelect, id: true } } },
      });
      if (!audience) return { ok: false as const, problem: 'notFound' as const };
      const { profile } = audience;
      const before = profile && toProfile(profile);
      let version = 1;
      if (!profile) {
        if (expectedVersion !== undefined)
          return { ok: false as const, problem: 'conflict' as const };
        await tx.audienceProfile.create({ data: { audienceId, ...data }, select: { id: true } });
      } else {
        if (expectedVersion === undefined)
          return { ok: false as const, problem: 'conflict' as const };
        const written = await versionedUpdate(tx.audienceProfile, {
          id: profile.id,
          expectedVersion,
          data,
        });
        if (!written.ok) return written;
        version = written.version;
      }
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'audience.profile',
        entityType: 'audience',
        entityId: audienceId,
        ...(before ? { before: audited(before) } : {}),
        after: audited(after),
      });
      return { ok: true as const, version };
    });
  } catch (error) {
    // two first saves at once: the unique audience makes the second one a conflict
    if (isUniqueViolation(error)) return { ok: false, problem: 'conflict' };
    throw error;
  }
}
