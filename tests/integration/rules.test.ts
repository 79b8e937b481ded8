import { beforeAll, describe, expect, it } from 'vitest';
import { checkFields } from '~/models/disclosure.server';
import { decideExemption, listOpenExemptions } from '~/models/exemption.server';
import {
  exportRuleSet,
  getRule,
  importRuleSet,
  restoreRevision,
  saveRule,
  type RuleDefinition,
} from '~/models/rule.server';
import { createUser } from '~/models/user.server';
import { prisma } from '~/utils/db.server';
import { parseRuleSet } from '~/utils/ruleset.server';
import { createDemoWorkspace } from '../../seeds/demo';
import { ensureReferenceData } from '../../seeds/reference';

let managementId: string;
const definition = (over: Partial<RuleDefinition> = {}): RuleDefinition => ({
  key: 'R-TEST',
  name: 'Test',
  category: '',
  rationale: '',
  message: 'No.',
  severity: 'block',
  kind: 'term',
  patterns: ['Geheimzahl'],
  exceptions: [],
  window: null,
  examplesMatch: ['Die Geheimzahlen'],
  examplesNoMatch: ['Geheim'],
  active: true,
  ...over,
});

beforeAll(async () => {
  await ensureReferenceData(prisma);
  await createDemoWorkspace(prisma, new Date('2026-11-28T10:00:00Z'));
  managementId = (
    await createUser({
      email: 'boss@example.com',
      name: 'Boss',
      password: 'password-123',
      roles: ['management'],
    })
  ).id;
});

describe('rules', () => {
  it('cannot be active while their own examples fail', async () => {
    const result = await saveRule({
      definition: definition({ examplesNoMatch: ['Geheimzahl'] }),
      actorId: managementId,
    });
    expect(result).toEqual({
      ok: false,
      problem: 'examplesFail',
      missed: [],
      wronglyHit: ['Geheimzahl'],
    });
    expect(await prisma.disclosureRule.count({ where: { key: 'R-TEST' } })).toBe(0);
    // inactive, they may be saved to work on
    expect(
      (
        await saveRule({
          definition: definition({ examplesNoMatch: ['Geheimzahl'], active: false }),
          actorId: managementId,
        })
      ).ok,
    ).toBe(true);
  });

  it('keep every change as a revision, detect concurrent edits, and restore', async () => {
    const rule = await prisma.disclosureRule.findUniqueOrThrow({ where: { key: 'R-TEST' } });
    expect(
      (
        await saveRule({
          id: rule.id,
          definition: definition(),
          actorId: managementId,
          expectedRevision: 1,
          changeNote: 'activated',
        })
      ).ok,
    ).toBe(true);
    expect(
      await saveRule({
        id: rule.id,
        definition: definition({ name: 'stale' }),
        actorId: managementId,
        expectedRevision: 1,
      }),
    ).toEqual({ ok: false, problem: 'conflict' });
    expect(
      (
        await saveRule({
          id: rule.id,
          definition: definition({ patterns: ['Geheimzahl', 'PIN'], examplesMatch: ['PIN'] }),
          actorId: managementId,
        })
      ).ok,
    ).toBe(true);
    expect((await restoreRevision({ id: rule.id, revision: 2, actorId: managementId })).ok).toBe(
      true,
    );
    const restored = await getRule(rule.id);
    expect(restored?.revision).toBe(4);
    expect(restored?.patterns).toEqual(['Geheimzahl']);
    expect(restored?.revisions.map((r) => r.changeNote)).toEqual([
      'restored revision 2',
      '',
      'activated',
      'created',
    ]);
    const audit = await prisma.auditEvent.count({
      where: { entityId: rule.id, action: { startsWith: 'rule.' } },
    });
    expect(audit).toBe(4);
  });

  it('import and export in the rule-set format', async () => {
    const exported = await exportRuleSet();
    expect(parseRuleSet(exported)).toMatchObject({ ok: true });
    const bad = parseRuleSet({
      rules: [{ id: 'X', severity: 'block', kind: 'regex', patterns: ['(?<=a)b'] }],
    });
    expect(bad).toMatchObject({ ok: false, errors: [expect.stringContaining('rule X')] });
    const parsed = parseRuleSet({
      rules: [
        { id: 'R-TEST', severity: 'warn', kind: 'term', patterns: ['Geheimzahl'] },
        { id: 'R-NEW', severity: 'block', kind: 'phrase', patterns: ['Projekt Reiher'] },
      ],
    });
    if (!parsed.ok) throw new Error('valid rule set refused');
    const result = await importRuleSet({ rules: parsed.rules, actorId: managementId });
    expect(result).toMatchObject({ created: 1, updated: 1 });
    expect(
      (await prisma.disclosureRule.findUniqueOrThrow({ where: { key: 'R-TEST' } })).severity,
    ).toBe('warn');
  });

  it('reach every check at once, even from a host whose clock lags behind', async () => {
    const rule = await prisma.disclosureRule.findUniqueOrThrow({ where: { key: 'R-NEW' } });
    const text = { body: 'Wir zeigen die Kennzahl Silberfisch' };
    expect((await checkFields(text)).decision).toBe('allow'); // compiled and cached here
    // another instance changes the rule, its clock stamping the same updatedAt as before
    await prisma.disclosureRule.update({
      where: { id: rule.id },
      data: {
        patterns: JSON.stringify(['Projekt Reiher', 'Kennzahl Silberfisch']),
        revision: rule.revision + 1,
        updatedAt: rule.updatedAt,
      },
    });
    expect((await checkFields(text)).decision).toBe('block');
  });

  it('re-check pieces after a change, sending newly blocked scheduled ones back to review', async () => {
    const piece = await prisma.contentPiece.findFirstOrThrow({ where: { status: 'scheduled' } });
    const result = await saveRule({
      definition: definition({
        key: 'R-PIECE',
        patterns: [piece.title.split(' ')[1]!.replace(/[^\p{L}]/gu, '')],
        examplesMatch: [],
        examplesNoMatch: [],
      }),
      actorId: managementId,
    });
    expect(result.ok && result.recheck.movedBack).toBeGreaterThanOrEqual(1);
    const after = await prisma.contentPiece.findUniqueOrThrow({
      where: { id: piece.id },
      include: { comments: true },
    });
    expect(after.status).toBe('in_review');
    expect(after.comments.at(-1)?.body).toContain('Test'); // the rule's name tells the owner why
  });
});

describe('exemptions', () => {
  it('the demo request can be granted, and a decided request cannot be decided again', async () => {
    const [open] = await listOpenExemptions();
    expect(open?.piece.title).toContain('Wearing habits 2026');
    expect(
      await decideExemption({ id: open!.id, actorId: managementId, grant: true, note: 'ok' }),
    ).toEqual({ ok: true });
    expect(
      await decideExemption({ id: open!.id, actorId: managementId, grant: false, note: '' }),
    ).toEqual({ ok: false, problem: 'decided' });
  });
});
