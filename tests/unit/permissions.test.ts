import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  allowedActions,
  assertCan,
  can,
  NotAllowedError,
  PERMISSIONS,
  refusalAsProblem,
  ROLES,
  visibleSections,
} from '~/domain/permissions';

describe('permission map', () => {
  it('grants only known actions', () => {
    for (const role of ROLES)
      for (const action of PERMISSIONS[role]) expect(ACTIONS).toContain(action);
  });

  it('keeps disclosure rules and exemptions with management', () => {
    for (const role of ROLES) {
      expect(can([role], 'rules:manage')).toBe(role === 'management');
      expect(can([role], 'exemptions:decide')).toBe(role === 'management');
    }
  });

  it('lets management approve pieces, as rules:manage did before it had its own permission', () => {
    expect(ROLES.filter((r) => can([r], 'calendar:approve'))).toEqual(['management']);
    for (const role of ROLES)
      expect(can([role], 'calendar:approve')).toBe(can([role], 'rules:manage'));
  });

  it('shows findings on others’ knowledge items to the reviewers only', () => {
    expect(ROLES.filter((r) => can([r], 'knowledge:findings'))).toEqual(['editor', 'management']);
    for (const role of ROLES)
      expect(can([role], 'knowledge:findings')).toBe(can([role], 'knowledge:review'));
  });

  it('refuses a write through assertCan with a typed error', () => {
    expect(() => assertCan({ roles: ['editor'] }, 'calendar:plan')).not.toThrow();
    expect(() => assertCan({ roles: ['expert'] }, 'calendar:plan')).toThrow(NotAllowedError);
    expect(() => assertCan({ roles: [] }, 'calendar:read')).toThrow(NotAllowedError);
    let refusal: unknown = null;
    try {
      assertCan({ roles: ['admin'] }, 'calendar:approve');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({ action: 'calendar:approve', status: 403 });
  });

  it('turns a refusal into the notAllowed answer of writes that have one', async () => {
    const write = (roles: string[]) =>
      refusalAsProblem(async () => {
        assertCan({ roles }, 'calendar:plan');
        return { ok: true } as const;
      });
    expect(await write(['editor'])).toEqual({ ok: true });
    expect(await write(['expert'])).toEqual({ ok: false, problem: 'notAllowed' });
    await expect(
      refusalAsProblem(() => Promise.reject(new Error('database gone'))),
    ).rejects.toThrow('database gone');
  });

  it('lets everyone who signs in read the strategy; editors propose goals, management agrees', () => {
    expect(ROLES.filter((r) => can([r], 'strategy:read'))).toEqual([
      'expert',
      'editor',
      'management',
      'admin',
    ]);
    expect(ROLES.filter((r) => can([r], 'strategy:propose'))).toEqual(['editor']);
    expect(ROLES.filter((r) => can([r], 'strategy:agree'))).toEqual(['management']);
  });

  it('keeps user administration with admins', () => {
    expect(ROLES.filter((r) => can([r], 'users:manage'))).toEqual(['admin']);
  });

  it('lets experts submit and read, but not review, plan or read the rules', () => {
    expect(can(['expert'], 'knowledge:submit')).toBe(true);
    expect(can(['expert'], 'knowledge:review')).toBe(false);
    expect(can(['expert'], 'calendar:plan')).toBe(false);
    expect(can(['expert'], 'calendar:read-all')).toBe(false);
    expect(can(['expert'], 'rules:read')).toBe(false);
  });

  it('combines the grants of several roles and ignores unknown ones', () => {
    expect(can(['expert', 'editor'], 'calendar:plan')).toBe(true);
    expect(can(['superuser'], 'users:manage')).toBe(false);
    expect(can([], 'knowledge:read')).toBe(false);
    expect(allowedActions(['admin'])).toEqual([
      'strategy:read',
      'users:manage',
      'notifications:queue',
      'audit:read',
    ]);
  });

  it('shows each role the sections it may open', () => {
    const keys = (roles: string[]) => visibleSections(roles).map((s) => s.key);
    expect(keys(['expert'])).toEqual(['dashboard', 'knowledge', 'experts', 'calendar', 'strategy']);
    expect(keys(['editor'])).toEqual([
      'dashboard',
      'knowledge',
      'experts',
      'audiences',
      'matches',
      'calendar',
      'strategy',
      'results',
    ]);
    expect(keys(['management'])).toContain('results');
    expect(keys(['management'])).toContain('rules');
    expect(keys(['management'])).toContain('audit');
    expect(keys(['admin'])).toEqual(['dashboard', 'strategy', 'users', 'mailQueue', 'audit']);
  });
});
