import { TZDate } from '@date-fns/tz';
import { addDays, startOfDay } from 'date-fns';
import { deriveDeadlines } from '~/domain/calendar/deadlines';
import { pieceTexts } from '~/domain/disclosure/content';
import { DEFAULT_CHANNEL_PLANS } from '~/domain/calendar/vocabulary';
import type { TechnographicsProfile } from '~/domain/strategy/technographics';
import { contentHash } from '~/models/content-hash.server';
import type { PrismaClient } from '~/utils/db.server';
import { DEFAULT_TIME_ZONE } from '~/utils/format';
import { hashPassword } from '~/utils/password.server';
import { DEMO_KNOWLEDGE } from './demo-knowledge';
import { seedDemoNotifications } from './demo-notifications';
import { seedDemoResults, seedDemoReview } from './demo-results';
import { seedDemoStrategy } from './demo-strategy';
import { DEMO_PASSWORD, DEMO_PEOPLE } from './demo-people';
import {
  DEMO_ACCEPTED_MATCHES,
  DEMO_AUDIENCES,
  DEMO_OPEN_MATCHES,
  DEMO_PIECES,
  DEMO_RULES,
} from './demo-plan';

const DAY = 24 * 3600 * 1000;

/**
 * How Klarblick's audiences behave online (Social Technographics shares in percent; the groups
 * overlap). The existing customers mostly read and listen, yet their plan is mostly blog posts,
 * so the calendar's planning aid flags it; the opinion leaders' plan fits their profile.
 */
const DEMO_AUDIENCE_PROFILES: Record<
  string,
  {
    shares: TechnographicsProfile;
    source: string;
    surveyedAt: string;
  }
> = {
  customers: {
    shares: {
      creators: 6,
      conversationalists: 14,
      critics: 18,
      collectors: 12,
      joiners: 45,
      spectators: 68,
      inactives: 22,
    },
    source: 'Customer survey 2026',
    surveyedAt: '2026-09-15',
  },
  opinion: {
    shares: {
      creators: 45,
      conversationalists: 30,
      critics: 55,
      collectors: 40,
      joiners: 50,
      spectators: 80,
      inactives: 5,
    },
    source: 'Trade press and optician panel 2026',
    surveyedAt: '2026-06-30',
  },
  community: {
    shares: {
      creators: 35,
      conversationalists: 55,
      critics: 40,
      collectors: 30,
      joiners: 80,
      spectators: 75,
      inactives: 0,
    },
    source: 'Community poll 2026',
    surveyedAt: '2026-10-01',
  },
};

/**
 * Creates the demo workspace of Klarblick Linsenversand in one transaction: people, knowledge,
 * audiences and needs, matches, a three-month editorial plan from `now` on, disclosure rules and
 * an open exemption request. Dates are relative to `now`, so the demo always looks current.
 */
export async function createDemoWorkspace(
  prisma: PrismaClient,
  now = new Date(),
  timeZone = DEFAULT_TIME_ZONE,
) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await prisma.$transaction(
    async (tx) => {
      await tx.workspace.upsert({
        where: { id: 1 },
        update: { name: 'Klarblick Linsenversand' },
        create: { id: 1, name: 'Klarblick Linsenversand', timeZone },
      });

      const users = new Map<string, string>();
      for (const person of DEMO_PEOPLE) {
        const user = await tx.user.create({
          data: {
            email: person.email,
            name: person.name,
            passwordHash,
            roles: { create: person.roles.map((role) => ({ role })) },
            expertProfile: person.expert
              ? { create: { ...person.expert, areas: JSON.stringify(person.expert.areas) } }
              : undefined,
          },
          select: { id: true },
        });
        users.set(person.key, user.id);
      }
      const userId = (key: string) => {
        const id = users.get(key);
        if (!id) throw new Error(`demo data: unknown person ${key}`);
        return id;
      };
      const editorId = userId('editor');

      const tagIds = new Map<string, string>();
      const tag = async (name: string) => {
        const key = name.trim().toLowerCase();
        let id = tagIds.get(key);
        if (!id) {
          id = (await tx.tag.create({ data: { name: key }, select: { id: true } })).id;
          tagIds.set(key, id);
        }
        return id;
      };
      // one tag after the other: a transaction holds a single connection
      const tagLinks = async (names: readonly string[]) => {
        const links: { tagId: string }[] = [];
        for (const name of names) links.push({ tagId: await tag(name) });
        return links;
      };

      const items = new Map<string, string>();
      for (const [index, k] of DEMO_KNOWLEDGE.entries()) {
        const owner = DEMO_PEOPLE.find((p) => p.key === k.owner);
        const created = new Date(now.getTime() - (90 - index) * DAY);
        const submitted = k.status === 'draft' ? null : new Date(created.getTime() + DAY);
        const decided = submitted ? new Date(submitted.getTime() + 2 * DAY) : null;
        const item = await tx.knowledgeItem.create({
          data: {
            externalId: `demo-${k.key}`,
            title: k.title,
            summary: k.summary,
            kind: k.kind,
            language: k.language,
            department: owner?.expert?.department ?? '',
            ownerId: userId(k.owner),
            status: k.status,
            createdAt: created,
            submittedAt: submitted,
            acceptedAt: k.status === 'accepted' || k.status === 'archived' ? decided : null,
            tags: { create: await tagLinks(k.tags) },
          },
          select: { id: true },
        });
        items.set(k.key, item.id);
        // the review history that led to the item's status
        const steps: {
          from: string | null;
          to: string;
          actor: string;
          at: Date;
          comment?: string;
        }[] = [{ from: null, to: 'draft', actor: userId(k.owner), at: created }];
        if (submitted)
          steps.push({ from: 'draft', to: 'submitted', actor: userId(k.owner), at: submitted });
        if (decided && k.status !== 'submitted') {
          const to = k.status === 'archived' ? 'accepted' : k.status;
          steps.push({ from: 'submitted', to, actor: editorId, at: decided, comment: k.comment });
          if (k.status === 'archived') {
            steps.push({
              from: 'accepted',
              to: 'archived',
              actor: editorId,
              at: new Date(decided.getTime() + 30 * DAY),
            });
          }
        }
        for (const s of steps) {
          await tx.knowledgeTransition.create({
            data: {
              knowledgeItemId: item.id,
              fromStatus: s.from,
              toStatus: s.to,
              actorId: s.actor,
              createdAt: s.at,
              comment: s.comment ?? '',
            },
          });
        }
      }
      const itemId = (key: string) => {
        const id = items.get(key);
        if (!id) throw new Error(`demo data: unknown knowledge item ${key}`);
        return id;
      };

      const audiences = new Map<string, string>();
      const needs = new Map<string, string>();
      for (const a of DEMO_AUDIENCES) {
        const audience = await tx.audience.create({
          data: { name: a.name, description: a.description },
          select: { id: true },
        });
        audiences.set(a.key, audience.id);
        for (const n of a.needs) {
          const need = await tx.need.create({
            data: {
              externalId: `demo-${n.key}`,
              audienceId: audience.id,
              text: n.text,
              priority: n.priority,
              language: n.language,
              tags: {
                create: await tagLinks(n.tags),
              },
            },
            select: { id: true },
          });
          needs.set(n.key, need.id);
        }
      }
      for (const [key, profile] of Object.entries(DEMO_AUDIENCE_PROFILES)) {
        await tx.audienceProfile.create({
          data: {
            audienceId: audiences.get(key) as string,
            ...profile.shares,
            source: profile.source,
            surveyedAt: new Date(`${profile.surveyedAt}T00:00:00.000Z`),
          },
        });
      }
      const needId = (key: string) => {
        const id = needs.get(key);
        if (!id) throw new Error(`demo data: unknown need ${key}`);
        return id;
      };

      for (const [k, n] of DEMO_ACCEPTED_MATCHES) {
        await tx.match.create({
          data: {
            knowledgeItemId: itemId(k),
            needId: needId(n),
            score: 0.9,
            decision: 'accepted',
            decidedById: editorId,
            decidedAt: new Date(now.getTime() - 20 * DAY),
            explanation: JSON.stringify([
              { type: 'editor', detail: 'chosen by the editorial team' },
            ]),
          },
        });
      }
      for (const [k, n, score, decision] of DEMO_OPEN_MATCHES) {
        await tx.match.create({
          data: {
            knowledgeItemId: itemId(k),
            needId: needId(n),
            score,
            decision,
            decidedById: decision === 'dismissed' ? editorId : null,
            decidedAt: decision === 'dismissed' ? new Date(now.getTime() - 5 * DAY) : null,
          },
        });
      }

      const today = startOfDay(new TZDate(now.getTime(), timeZone));
      const pieces = new Map<string, string>();
      let episode = 11;
      for (const piece of DEMO_PIECES) {
        let publishAt: Date | null = null;
        if (piece.day !== null) {
          const local = addDays(today, piece.day);
          const [h, m] = (piece.time ?? '09:00').split(':').map(Number);
          local.setHours(h ?? 9, m ?? 0, 0, 0);
          publishAt = new Date(local.getTime());
        }
        const webinarEnd =
          publishAt && piece.channel === 'webinar'
            ? new Date(publishAt.getTime() + 60 * 60 * 1000)
            : null;
        const experts = piece.experts.map(userId);
        const created = await tx.contentPiece.create({
          data: {
            channel: piece.channel,
            title: piece.title,
            brief: piece.brief,
            body: '',
            status: piece.status,
            publishAt,
            ownerId: userId(piece.owner),
            slug: piece.channel === 'blog' ? slugify(piece.title) : null,
            episodeNumber: piece.channel === 'podcast' ? ++episode : null,
            durationMinutes: piece.channel === 'podcast' ? 35 : null,
            guests:
              piece.channel === 'podcast'
                ? JSON.stringify(
                    piece.experts.map((e) => DEMO_PEOPLE.find((p) => p.key === e)?.name),
                  )
                : null,
            gated: piece.channel === 'whitepaper' ? true : null,
            pageEstimate: piece.channel === 'whitepaper' ? 16 : null,
            webinarStart: piece.channel === 'webinar' ? publishAt : null,
            webinarEnd,
            speakers:
              piece.channel === 'webinar'
                ? JSON.stringify(
                    piece.experts.map((e) => DEMO_PEOPLE.find((p) => p.key === e)?.name),
                  )
                : null,
            audiences: {
              create: piece.audiences.map((a) => ({ audienceId: audiences.get(a) as string })),
            },
            knowledge: { create: piece.knowledge.map((k) => ({ knowledgeItemId: itemId(k) })) },
            needs: { create: piece.needs.map((n) => ({ needId: needId(n) })) },
            experts: { create: experts.map((id) => ({ userId: id })) },
            deadlines: publishAt
              ? {
                  create: deriveDeadlines(
                    publishAt,
                    DEFAULT_CHANNEL_PLANS[piece.channel].leadTimes,
                    timeZone,
                  ),
                }
              : undefined,
          },
          select: { id: true, title: true },
        });
        pieces.set(piece.title, created.id);
      }

      const management = userId('management');
      const rules = new Map<string, string>();
      for (const r of DEMO_RULES) {
        const definition = {
          name: r.name,
          category: r.category,
          severity: r.severity,
          kind: r.kind,
          patterns: r.patterns,
          exceptions: r.exceptions ?? [],
          window: r.window ?? null,
          message: r.message,
          rationale: r.rationale,
          examplesMatch: r.examplesMatch,
          examplesNoMatch: r.examplesNoMatch,
        };
        const rule = await tx.disclosureRule.create({
          data: {
            key: r.key,
            name: r.name,
            category: r.category,
            severity: r.severity,
            kind: r.kind,
            patterns: JSON.stringify(r.patterns),
            exceptions: JSON.stringify(r.exceptions ?? []),
            window: r.window ?? null,
            message: r.message,
            rationale: r.rationale,
            examplesMatch: JSON.stringify(r.examplesMatch),
            examplesNoMatch: JSON.stringify(r.examplesNoMatch),
            revisions: {
              create: {
                revision: 1,
                definition: JSON.stringify(definition),
                authorId: management,
                changeNote: 'Initial rule set',
              },
            },
          },
          select: { id: true },
        });
        rules.set(r.key, rule.id);
      }

      await seedDemoStrategy(tx, { now, timeZone, userId, audiences });
      await seedDemoResults(tx, { now, timeZone, userId, itemId, needId, audiences });
      await seedDemoReview(tx, { now, timeZone, userId, audiences });

      // an editor asks management to allow one sentence in the whitepaper draft
      const whitepaperTitle = 'Wearing habits 2026: what 4,800 lens wearers really do';
      const whitepaperId = pieces.get(whitepaperTitle) as string;
      const whitepaper = await tx.contentPiece.findUniqueOrThrow({
        where: { id: whitepaperId },
        include: {
          owner: { select: { name: true } },
          audiences: { select: { audience: { select: { name: true } } } },
          experts: { select: { user: { select: { name: true } } } },
        },
      });
      const body =
        '## Outline\n\n1. Who answered\n2. Daily wearing time\n3. Sleeping in lenses\n\n' +
        'Daily lenses now make up more than half of our revenue, which shows how habits changed.';
      await tx.contentPiece.update({ where: { id: whitepaperId }, data: { body } });
      await tx.disclosureExemption.create({
        data: {
          pieceId: whitepaperId,
          ruleId: rules.get('R-REVENUE') as string,
          ruleRevision: 1,
          // the same texts the check reads (domain/disclosure/content.ts), so a grant applies
          contentHash: contentHash(
            pieceTexts({
              ...whitepaper,
              body,
              ownerName: whitepaper.owner?.name ?? null,
              audienceNames: whitepaper.audiences.map((a) => a.audience.name),
              expertNames: whitepaper.experts.map((e) => e.user.name),
            }),
          ),
          reason:
            'The share of daily lenses was already stated in the trade-press interview in May.',
          requestedById: editorId,
        },
      });

      await seedDemoNotifications(tx, {
        now,
        userId,
        itemId,
        pieceId: (title) => {
          const id = pieces.get(title);
          if (!id) throw new Error(`demo data: unknown piece ${title}`);
          return id;
        },
      });
    },
    { timeout: 60_000 },
  );
}

function slugify(title: string) {
  return title
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
}
