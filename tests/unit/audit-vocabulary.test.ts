// The audit log's vocabulary (domain/audit.ts): every action has a label in both languages,
// every kind of record a name and a permission that shows it.
import { describe, expect, it } from 'vitest';
import {
  AUDIT_ACTIONS,
  AUDIT_ENTITIES,
  AUDIT_VOCABULARY,
  isAuditAction,
  SUBJECT_PERMISSION,
  subjectPermission,
} from '~/domain/audit';
import de from '~/locales/de.json' with { type: 'json' };
import en from '~/locales/en.json' with { type: 'json' };

const lookup = (catalog: unknown, key: string): unknown =>
  key
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined,
      catalog,
    );

describe('the audit vocabulary', () => {
  it('labels every action and every kind of record in English and German', () => {
    for (const [name, catalog] of [
      ['en', en],
      ['de', de],
    ] as const) {
      for (const action of AUDIT_ACTIONS)
        expect(typeof lookup(catalog, `audit.actions.${action}`), `${name}: ${action}`).toBe(
          'string',
        );
      for (const entity of AUDIT_ENTITIES)
        expect(typeof lookup(catalog, `audit.entities.${entity}`), `${name}: ${entity}`).toBe(
          'string',
        );
    }
  });

  it('lists each action once, under a kind of record it knows', () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
    expect(AUDIT_ACTIONS).toContain('knowledge.create');
    expect(AUDIT_ACTIONS).toContain('knowledge.update');
    for (const { entity } of Object.values(AUDIT_VOCABULARY))
      expect(AUDIT_ENTITIES).toContain(entity);
    expect(isAuditAction('piece.status')).toBe(true);
    expect(isAuditAction('piece.teleport')).toBe(false);
  });

  it('shows stored kinds it does not know to nobody', () => {
    expect(Object.keys(SUBJECT_PERMISSION).sort()).toEqual([...AUDIT_ENTITIES].sort());
    expect(subjectPermission('content_piece')).toBe('calendar:read-all');
    expect(subjectPermission('constructor')).toBeUndefined();
    expect(subjectPermission('retired_kind')).toBeUndefined();
  });
});
