import { describe, expect, it } from 'vitest';
import {
  DEFAULT_QUERY,
  inventoryQueryToSearch,
  parseInventoryQuery,
  toggleSort,
} from '~/domain/knowledge/inventory-query';
import { suggestLanguage } from '~/domain/knowledge/language';
import { parseTags } from '~/domain/knowledge/tags';
import { availableActions, canEdit, transition } from '~/domain/knowledge/workflow';

const owner = { isOwner: true, canReview: false };
const reviewer = { isOwner: false, canReview: true };
const stranger = { isOwner: false, canReview: false };

describe('knowledge workflow', () => {
  it('lets the owner submit drafts and revised items', () => {
    expect(transition('draft', 'submit', owner)).toEqual({ ok: true, to: 'submitted' });
    expect(transition('changes_requested', 'submit', owner)).toEqual({ ok: true, to: 'submitted' });
    expect(transition('accepted', 'submit', owner)).toEqual({ ok: false, problem: 'wrongStatus' });
  });
  it('keeps decisions with reviewers, and comments where the expert needs them', () => {
    expect(transition('submitted', 'accept', owner)).toEqual({ ok: false, problem: 'notAllowed' });
    expect(transition('submitted', 'accept', reviewer)).toEqual({ ok: true, to: 'accepted' });
    expect(transition('submitted', 'request_changes', reviewer)).toEqual({
      ok: false,
      problem: 'commentRequired',
    });
    expect(transition('submitted', 'request_changes', reviewer, 'Add a source')).toEqual({
      ok: true,
      to: 'changes_requested',
    });
    expect(transition('submitted', 'decline', reviewer, '  ')).toEqual({
      ok: false,
      problem: 'commentRequired',
    });
    expect(transition('accepted', 'archive', reviewer)).toEqual({ ok: true, to: 'archived' });
    expect(transition('draft', 'accept', reviewer)).toEqual({ ok: false, problem: 'wrongStatus' });
  });
  it('lets no stranger do anything', () => {
    expect(availableActions('submitted', stranger)).toEqual([]);
    expect(canEdit('draft', stranger)).toBe(false);
  });
  it('offers each role its buttons', () => {
    expect(availableActions('draft', owner)).toEqual(['submit', 'withdraw']);
    expect(availableActions('submitted', reviewer)).toEqual([
      'accept',
      'request_changes',
      'decline',
    ]);
    expect(canEdit('submitted', owner)).toBe(true);
    expect(canEdit('accepted', owner)).toBe(false);
  });
});

describe('suggestLanguage', () => {
  it('tells German from English', () => {
    expect(suggestLanguage('Warum die Augen bei Kälte trockener werden und was hilft')).toBe('de');
    expect(suggestLanguage('How to care for your lenses when the air is dry')).toBe('en');
    expect(suggestLanguage('Kontaktlinsenpflege')).toBe('de');
  });
  it('says nothing when it cannot tell', () => {
    expect(suggestLanguage('')).toBeNull();
    expect(suggestLanguage('MDR 2027')).toBeNull();
  });
});

describe('parseTags', () => {
  it('normalizes and de-duplicates', () => {
    expect(parseTags(' Pflege, pflege ,Trockenes  Auge,, ')).toEqual(['pflege', 'trockenes auge']);
    expect(parseTags(['A', 'a', 'B'])).toEqual(['a', 'b']);
  });
});

describe('inventory query in the URL', () => {
  it('reads filters, sorting and paging, dropping what is unknown', () => {
    const q = parseInventoryQuery(
      new URLSearchParams(
        'q=pflege&kind=study&kind=bogus&status=accepted&sort=title&dir=asc&page=3&size=50&hide=tags,nope,title',
      ),
    );
    expect(q).toMatchObject({
      q: 'pflege',
      kind: ['study'],
      status: ['accepted'],
      sort: 'title',
      dir: 'asc',
      page: 3,
      size: 50,
      hide: ['tags'],
    });
    expect(parseInventoryQuery(new URLSearchParams('sort=evil&page=-1&size=7'))).toEqual(
      DEFAULT_QUERY,
    );
  });
  it('round-trips and leaves defaults out', () => {
    expect(inventoryQueryToSearch(DEFAULT_QUERY)).toBe('');
    const q = {
      ...DEFAULT_QUERY,
      q: 'a b',
      kind: ['case'],
      sort: 'title' as const,
      dir: 'asc' as const,
      page: 2,
    };
    expect(parseInventoryQuery(new URLSearchParams(inventoryQueryToSearch(q)))).toEqual(q);
  });
  it('toggles sorting and returns to the first page', () => {
    const once = toggleSort({ ...DEFAULT_QUERY, page: 4 }, 'title');
    expect(once).toMatchObject({ sort: 'title', dir: 'asc', page: 1 });
    expect(toggleSort(once, 'title')).toMatchObject({ sort: 'title', dir: 'desc' });
  });
});
