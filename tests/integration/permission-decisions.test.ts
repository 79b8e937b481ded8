import { beforeAll, describe, expect, it } from 'vitest';
import { can, NotAllowedError } from '~/domain/permissions';
import { knowledgeVerdictFor } from '~/models/disclosure.server';
import { requestExemption } from '~/models/exemption.server';
import { createKnowledgeItem, transitionKnowledgeItem } from '~/models/knowledge.server';
import {
  addPieceComment,
  createPiece,
  movePiece,
  transitionPiece,
  updatePiece,
} from '~/models/piece-writes.server';
import { createAudience } from '~/models/audience.server';
import { createConcept } from '~/models/glossary.server';
import { saveRule } from '~/models/rule.server';
import { prisma } from '~/utils/db.server';
import { pieceInput } from '../support/piece-input';
import { DECIDED_INSIDE, ROUTE_ACCESS, WHO, type Who } from './route-access';
import { call, otherExpertId, setUpDemoWorkspace, userId } from './route-harness';

/**
 * The permissions that decide inside a route (route-access.ts, DECIDED_INSIDE): the pages offer
 * what they grant to exactly the roles listed there, and the models refuse every write to an actor
 * without the permission it needs, whatever the route checked before.
 */

beforeAll(setUpDemoWorkspace, 60_000);

const roles = WHO.filter((w): w is Exclude<Who, 'anonymous'> => w !== 'anonymous');
const actor = (who: Exclude<Who, 'anonymous'>) => ({ id: userId(who), roles: [who] });

describe('the permissions decided inside routes', () => {
  it('are held by the roles the table lists', () => {
    for (const [action, holders] of Object.entries(DECIDED_INSIDE))
      for (const who of roles)
        expect(can([who], action as keyof typeof DECIDED_INSIDE), `${who} ${action}`).toBe(
          (holders as readonly Who[]).includes(who),
        );
  });

  it('calendar:approve: the piece page offers approval to planners and approvers only', async () => {
    const editor = actor('editor');
    const { id } = await createPiece({
      actor: editor,
      input: pieceInput({
        title: 'Approval round',
        publishAt: new Date('2026-11-03T09:00:00Z'),
        experts: [userId('expert')],
      }),
    });
    expect(
      await transitionPiece({ id, actor: editor, to: 'in_production', expectedVersion: 1 }),
    ).toEqual({ ok: true });
    expect(
      await transitionPiece({ id, actor: actor('expert'), to: 'in_review', expectedVersion: 2 }),
    ).toEqual({ ok: true });
    const offered: Who[] = [];
    for (const who of roles) {
      if (!ROUTE_ACCESS['routes/calendar.$pieceId']!.GET.includes(who)) continue;
      const page = await call('routes/calendar.$pieceId', 'GET', who, { params: { pieceId: id } });
      expect(page.status, who).toBe(200);
      if ((page.body as { transitions: string[] }).transitions.includes('approved'))
        offered.push(who);
    }
    // editors plan, so they move a piece anywhere; of the others, only calendar:approve approves
    expect(offered.filter((who) => who !== 'editor')).toEqual(DECIDED_INSIDE['calendar:approve']);
    // the model's transition checks the same permission
    expect(
      await transitionPiece({ id, actor: actor('expert'), to: 'approved', expectedVersion: 3 }),
    ).toEqual({ ok: false, problem: 'notAllowed' });
    expect(
      await transitionPiece({ id, actor: actor('management'), to: 'approved', expectedVersion: 3 }),
    ).toEqual({ ok: true });
  });

  it('knowledge:findings: others’ items show findings to the listed roles only', async () => {
    const saved = await saveRule({
      definition: {
        key: 'R-LEUCHTFEUER',
        name: 'Leuchtfeuer',
        category: 'Projekte',
        rationale: 'Internes Projekt.',
        message: 'Noch vertraulich.',
        severity: 'block',
        kind: 'term',
        patterns: ['Leuchtfeuer'],
        exceptions: [],
        window: null,
        examplesMatch: [],
        examplesNoMatch: [],
        active: true,
      },
      actorId: userId('management'),
    });
    expect(saved.ok).toBe(true);
    const item = await createKnowledgeItem({
      owner: { id: otherExpertId(), roles: ['expert'] },
      input: {
        title: 'Fall Leuchtfeuer',
        summary: 'Erfahrungen aus dem Projekt Leuchtfeuer.',
        details: '',
        kind: 'case',
        language: 'de',
        department: 'Optometrie',
        tags: [],
        links: [],
      },
      submit: true,
    });
    expect(
      await transitionKnowledgeItem({ id: item.id, actor: actor('editor'), action: 'accept' }),
    ).toMatchObject({ ok: true });
    type Page = { disclosure: { findings: { ruleName: string }[] } };
    const sees: Who[] = [];
    for (const who of roles) {
      if (!ROUTE_ACCESS['routes/knowledge.$itemId']!.GET.includes(who)) continue;
      const page = await call('routes/knowledge.$itemId', 'GET', who, {
        params: { itemId: item.id },
      });
      expect(page.status, who).toBe(200);
      const names = (page.body as Page).disclosure.findings.map((f) => f.ruleName);
      if (names.includes('Leuchtfeuer')) sees.push(who);
    }
    expect(sees).toEqual(DECIDED_INSIDE['knowledge:findings']);
    // the owner sees the findings on their own item, with or without the permission
    const loaded = await prisma.knowledgeItem.findUniqueOrThrow({
      where: { id: item.id },
      include: { owner: true, tags: { include: { tag: true } } },
    });
    const owner = { id: otherExpertId(), roles: ['expert'] };
    expect((await knowledgeVerdictFor({ item: loaded, viewer: owner })).decision).toBe('block');
    expect((await knowledgeVerdictFor({ item: loaded, viewer: actor('expert') })).findings).toEqual(
      [],
    );
  });
});

describe('model writes', () => {
  it('refuse an actor without the permission, and write nothing', async () => {
    const pieces = await prisma.contentPiece.count();
    await expect(
      createPiece({ actor: actor('expert'), input: pieceInput({ title: 'Not mine to plan' }) }),
    ).rejects.toBeInstanceOf(NotAllowedError);
    await expect(
      createPiece({ actor: actor('management'), input: pieceInput({ title: 'Nor mine' }) }),
    ).rejects.toBeInstanceOf(NotAllowedError);
    expect(await prisma.contentPiece.count()).toBe(pieces);

    const piece = await prisma.contentPiece.findFirstOrThrow({
      where: { status: { notIn: ['published', 'cancelled'] } },
    });
    const comments = await prisma.contentComment.count({ where: { pieceId: piece.id } });
    await expect(
      addPieceComment({ id: piece.id, actor: actor('admin'), body: 'Admins do not comment' }),
    ).rejects.toBeInstanceOf(NotAllowedError);
    expect(await prisma.contentComment.count({ where: { pieceId: piece.id } })).toBe(comments);

    // writes that answer with a problem answer this one
    const version = piece.version;
    expect(
      await updatePiece({
        id: piece.id,
        actor: actor('management'),
        input: pieceInput({ title: 'Renamed by management' }),
        expectedVersion: version,
      }),
    ).toEqual({ ok: false, problem: 'notAllowed' });
    expect(await movePiece({ id: piece.id, actor: actor('admin'), day: '2026-12-01' })).toEqual({
      ok: false,
      problem: 'notAllowed',
    });
    expect(
      await transitionPiece({
        id: piece.id,
        actor: actor('admin'),
        to: 'cancelled',
        expectedVersion: version,
      }),
    ).toEqual({ ok: false, problem: 'notAllowed' });
    expect(
      await requestExemption({
        pieceId: piece.id,
        ruleKey: 'R-ANY',
        reason: 'Please',
        actor: actor('expert'),
      }),
    ).toEqual({ ok: false, problem: 'notAllowed' });
    const after = await prisma.contentPiece.findUniqueOrThrow({ where: { id: piece.id } });
    expect([after.version, after.title, after.status]).toEqual([
      piece.version,
      piece.title,
      piece.status,
    ]);

    const items = await prisma.knowledgeItem.count();
    await expect(
      createKnowledgeItem({
        owner: actor('editor'),
        input: {
          title: 'Editors do not submit',
          summary: 'x',
          details: '',
          kind: 'case',
          language: 'de',
          department: '',
          tags: [],
          links: [],
        },
        submit: false,
      }),
    ).rejects.toBeInstanceOf(NotAllowedError);
    expect(await prisma.knowledgeItem.count()).toBe(items);
  });

  it('that know their actor by id re-check the actor’s current roles, and write nothing', async () => {
    const audiences = await prisma.audience.count();
    const concepts = await prisma.glossaryConcept.count();
    const rules = await prisma.disclosureRule.count();
    await expect(
      createAudience({
        actorId: userId('expert'),
        input: { name: 'Not for experts', description: '' },
      }),
    ).rejects.toBeInstanceOf(NotAllowedError);
    await expect(
      createConcept({
        actorId: userId('management'),
        input: { de: ['Probe'], en: ['probe'], both: [], note: '' },
      }),
    ).rejects.toBeInstanceOf(NotAllowedError);
    await expect(
      saveRule({
        actorId: userId('editor'),
        definition: {
          key: 'R-EDITOR',
          name: 'Editors do not write rules',
          category: 'other',
          severity: 'block',
          kind: 'term',
          patterns: ['geheim'],
          window: null,
          exceptions: [],
          message: '',
          rationale: '',
          examplesMatch: [],
          examplesNoMatch: [],
          active: true,
        },
      }),
    ).rejects.toBeInstanceOf(NotAllowedError);
    expect(await prisma.audience.count()).toBe(audiences);
    expect(await prisma.glossaryConcept.count()).toBe(concepts);
    expect(await prisma.disclosureRule.count()).toBe(rules);

    // an editor deactivated meanwhile may no longer write, whatever their session said
    const editor = await prisma.user.create({
      data: {
        email: 'former.editor@example.com',
        name: 'Former Editor',
        passwordHash: 'x',
        active: false,
        roles: { create: [{ role: 'editor' }] },
      },
    });
    await expect(
      createAudience({ actorId: editor.id, input: { name: 'Too late', description: '' } }),
    ).rejects.toBeInstanceOf(NotAllowedError);
    expect(await prisma.audience.count()).toBe(audiences);
    // and an active editor may
    expect(
      await createAudience({
        actorId: userId('editor'),
        input: { name: 'Partners of the week', description: '' },
      }),
    ).toMatchObject({ ok: true });
  });
});
