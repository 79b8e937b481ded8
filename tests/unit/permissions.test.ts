import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  allowedActions,
  can,
  PERMISSIONS,
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
    expect(allowedActions(['admin'])).toEqual(['users:manage', 'audit:read']);
  });

  it('shows each role the sections it may open', () => {
    const keys = (roles: string[]) => visibleSections(roles).map((s) => s.key);
    expect(keys(['expert'])).toEqual(['dashboard', 'knowledge', 'experts', 'calendar']);
    expect(keys(['editor'])).toEqual([
      'dashboard',
      'knowledge',
      'experts',
      'audiences',
      'matches',
      'calendar',
    ]);
    expect(keys(['management'])).toContain('rules');
    expect(keys(['management'])).toContain('audit');
    expect(keys(['admin'])).toEqual(['dashboard', 'users', 'audit']);
  });
});
