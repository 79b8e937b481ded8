import { beforeAll, describe, expect, it } from 'vitest';
import {
  blockedPieceIds,
  checkFields,
  checkPiece,
  contentHash,
  pieceContentSelect,
  pieceContentTexts,
} from '~/models/disclosure.server';
import { getPiece } from '~/models/piece-queries.server';
import {
  createPiece,
  transitionPiece,
  updatePiece,
  type PieceInput,
} from '~/models/piece-writes.server';
import { createUser } from '~/models/user.server';
import { prisma } from '~/utils/db.server';
import { ensureReferenceData } from '../../seeds/reference';
import { pieceInput } from '../support/piece-input';

let editor: { id: string; roles: string[] };
let management: { id: string; roles: string[] };

const input = (over: Partial<PieceInput> = {}): PieceInput =>
  pieceInput({
    publishAt: new Date('2027-02-01T08:00:00Z'),
    ...over,
  });

async function addRule(key: string, severity: 'block' | 'warn', kind: string, patterns: string[]) {
  const rule = await prisma.disclosureRule.create({
    data: { key, name: key, severity, kind, patterns: JSON.stringify(patterns) },
  });
  return rule;
}

async function advance(id: string, to: string[]) {
  let version = (await getPiece({ id, viewer: editor }))!.version;
  for (const status of to) {
    const r = await transitionPiece({
      id,
      actor: editor,
      to: status as never,
      expectedVersion: version,
    });
    if (!r.ok) return r;
    version++;
  }
  return { ok: true as const };
}

beforeAll(async () => {
  await ensureReferenceData(prisma);
  editor = {
    id: (
      await createUser({
        email: 'e@example.com',
        name: 'E',
        password: 'password-123',
        roles: ['editor'],
      })
    ).id,
    roles: ['editor'],
  };
  management = {
    id: (
      await createUser({
        email: 'm@example.com',
        name: 'M',
        password: 'password-123',
        roles: ['management'],
      })
    ).id,
    roles: ['management'],
  };
  await addRule('R-UMSATZ', 'block', 'term', ['Umsatz']);
  await addRule('R-SALARY', 'warn', 'term', ['Gehalt']);
});

describe('enforcement', () => {
  it('keeps a blocked piece from approval, scheduling and publication', async () => {
    const { id } = await createPiece({
      actor: editor,
      input: input({ body: 'Der Jahresumsatz stieg.' }),
    });
    expect(await advance(id, ['in_production', 'in_review'])).toEqual({ ok: true });
    expect(await advance(id, ['approved'])).toEqual({
      ok: false,
      problem: 'blocked',
      findings: [{ field: 'body', ruleName: 'R-UMSATZ', excerpt: 'umsatz' }],
    });
    expect((await getPiece({ id, viewer: editor }))?.status).toBe('in_review');
  });

  it('lets a warned piece through', async () => {
    const { id } = await createPiece({
      actor: editor,
      input: input({ body: 'Gehälter im Vergleich' }),
    });
    expect(await advance(id, ['in_production', 'in_review', 'approved', 'scheduled'])).toEqual({
      ok: true,
    });
  });

  it('sends an approved piece back to review when an edit breaks a blocking rule', async () => {
    const { id } = await createPiece({ actor: editor, input: input({ title: 'Clean' }) });
    await advance(id, ['in_production', 'in_review', 'approved']);
    const version = (await getPiece({ id, viewer: editor }))!.version;
    const result = await updatePiece({
      id,
      actor: editor,
      input: input({ title: 'Clean', body: 'Umsätze 2026' }),
      expectedVersion: version,
    });
    expect(result).toEqual({ ok: true, droppedBack: true });
    expect((await getPiece({ id, viewer: editor }))?.status).toBe('in_review');
  });

  it('leaves blocked pieces out of every output, until an exemption for this very content is granted', async () => {
    const blocked = await createPiece({ actor: editor, input: input({ title: 'Umsatzbericht' }) });
    const clean = await createPiece({ actor: editor, input: input({ title: 'Pflege' }) });
    expect(await blockedPieceIds([blocked.id, clean.id])).toEqual(new Set([blocked.id]));

    const piece = await prisma.contentPiece.findUniqueOrThrow({
      where: { id: blocked.id },
      select: pieceContentSelect,
    });
    const rule = await prisma.disclosureRule.findUniqueOrThrow({ where: { key: 'R-UMSATZ' } });
    await prisma.disclosureExemption.create({
      data: {
        pieceId: blocked.id,
        ruleId: rule.id,
        ruleRevision: rule.revision,
        contentHash: contentHash(pieceContentTexts(piece)),
        status: 'granted',
        reason: 'public figure',
        requestedById: editor.id,
        decidedById: management.id,
      },
    });
    expect(await blockedPieceIds([blocked.id, clean.id])).toEqual(new Set());
    const verdict = await checkPiece(piece);
    expect(verdict).toMatchObject({
      decision: 'allow',
      findings: [{ ruleId: 'R-UMSATZ', exempted: true }],
    });

    // the exemption lapses when the content changes …
    expect((await checkPiece({ ...piece, title: 'Umsatzbericht 2027' })).decision).toBe('block');
    // … or when the rule is revised
    await prisma.disclosureRule.update({
      where: { id: rule.id },
      data: { revision: { increment: 1 } },
    });
    expect(await blockedPieceIds([blocked.id])).toEqual(new Set([blocked.id]));
  });

  it('picks up rule changes at once', async () => {
    expect((await checkFields({ title: 'Projekt Falke' })).decision).toBe('allow');
    await addRule('R-FALKE', 'block', 'phrase', ['Projekt Falke']);
    expect((await checkFields({ title: 'Projekt Falke' })).decision).toBe('block');
    await prisma.disclosureRule.update({ where: { key: 'R-FALKE' }, data: { active: false } });
    expect((await checkFields({ title: 'Projekt Falke' })).decision).toBe('allow');
  });
});
