import { describe, expect, it } from 'vitest';
import {
  defaultDepartment,
  importantWords,
  MAX_MISSING,
  missingWords,
} from '~/domain/matching/gaps';

describe('the missing concepts of a content gap', () => {
  it('takes the need’s important words once each, as written, without stop words or numbers', () => {
    expect(
      importantWords({
        text: 'Ab 45 sehe ich in der Nähe schlechter – gibt es Linsen für die Nähe?',
        tags: ['Gleitsicht', 'Linsen'],
        language: 'de',
      }),
    ).toEqual(['sehe', 'nähe', 'schlechter', 'linsen', 'gleitsicht']);
  });

  it('keeps one word per stem ("lenses", "lens")', () => {
    expect(
      importantWords({ text: 'Coloured lenses: is one lens enough?', tags: [], language: 'en' }),
    ).toEqual(['coloured', 'lenses', 'enough']);
  });

  it('names the words nothing covers, in the need’s order, at most a few', () => {
    const covered = (w: string) => w === 'linsen';
    expect(
      missingWords({ text: 'Linsen beim Segeln im Meerwasser', tags: [], language: 'de' }, covered),
    ).toEqual(['segeln', 'meerwasser']);
    const many = Array.from({ length: 12 }, (_, i) => `wort${String.fromCharCode(97 + i)}`);
    expect(missingWords({ text: many.join(' '), tags: [], language: 'de' }, () => false)).toEqual(
      many.slice(0, MAX_MISSING),
    );
    expect(missingWords({ text: 'Linsen', tags: [], language: 'de' }, covered)).toEqual([]);
  });

  it('proposes the nearest item’s department, else the first known one', () => {
    const departments = ['Logistik', 'Optometrie'];
    expect(defaultDepartment([{ department: '' }, { department: 'Optometrie' }], departments)).toBe(
      'Optometrie',
    );
    expect(defaultDepartment([{ department: 'Unbekannt' }], departments)).toBe('Logistik');
    expect(defaultDepartment([], [])).toBe('');
  });
});
