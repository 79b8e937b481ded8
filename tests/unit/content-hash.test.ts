// Granted exemptions store the content hash they were granted for; a hash that came out
// differently for the same content would silently revoke every one of them. These values were
// computed by the implementation that exemptions in existing databases were made with.
import { describe, expect, it } from 'vitest';
import { canonicalContent } from '~/domain/disclosure/content';
import { contentHash } from '~/models/content-hash.server';

describe('contentHash', () => {
  it('gives the fingerprints stored with existing exemptions', () => {
    expect(
      contentHash({ title: 'Quarterly results', body: 'Revenue grew 12 %', brief: null }),
    ).toBe('6f857f06f795a753a4c582a159b00f54380a5e4664ddd4ac9300fe8fc3f7343b');
    expect(contentHash({ body: 'Ümlaute & “quotes”\n', title: 'Zürich', slug: undefined })).toBe(
      'b660e874d165a64dfdc22f0071a89bdbc1d81bc64f654b10402001e2dff4ebdd',
    );
    expect(contentHash({})).toBe(
      '4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945',
    );
  });

  it('does not depend on the order of the fields, and a missing field counts as empty', () => {
    expect(contentHash({ b: 'x', a: null })).toBe(contentHash({ a: undefined, b: 'x' }));
    expect(canonicalContent({ b: 'x', a: undefined })).toBe('[["a",null],["b","x"]]');
  });
});
