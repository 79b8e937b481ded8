import { describe, expect, it } from 'vitest';
import { safeRedirect } from '~/utils/redirect';

/** Where a browser would actually go for a Location header with this value, from our page. */
const browserTarget = (location: string) => new URL(location, 'https://lotse.example/login').host;

describe('safeRedirect', () => {
  it('keeps ordinary paths with their query and fragment', () => {
    for (const path of [
      '/',
      '/calendar',
      '/calendar?view=week&date=2026-12-03',
      '/knowledge?q=100%25%20sicher',
      '/calendar/abc123#comments',
      '/knowledge?q=%C3%A4rger&tag=a%2Fb',
      '/users/ckx1?tab=roles#top',
    ]) {
      expect(safeRedirect(path), path).toBe(path);
    }
  });

  it('percent-encodes what a header cannot carry as it is', () => {
    expect(safeRedirect('/knowledge?q=Äpfel und Birnen')).toBe(
      '/knowledge?q=%C3%84pfel%20und%20Birnen',
    );
  });

  it('falls back for missing, non-text and overlong values', () => {
    expect(safeRedirect(null)).toBe('/');
    expect(safeRedirect(undefined, '/home')).toBe('/home');
    expect(safeRedirect('')).toBe('/');
    expect(safeRedirect(42)).toBe('/');
    expect(safeRedirect(`/${'a'.repeat(3000)}`)).toBe('/');
  });

  // each of these leaves the site in some browser, or breaks the response header
  const bypasses = [
    // tab, line feed, carriage return: browsers strip them, "/\t/x" becomes "//x"
    '/\t/example.com',
    '/\n/example.com',
    '/\r/example.com',
    '/\r\n/example.com',
    '/calendar\r\nSet-Cookie: x=1',
    '\t//example.com',
    '/\u0000/example.com',
    '/\u007f/example.com',
    '/\u0085/example.com',
    // protocol-relative and backslashes (read as slashes)
    '//example.com',
    '//example.com/path',
    '///example.com',
    '/\\example.com',
    '\\/example.com',
    '\\\\example.com',
    '\\/\\/example.com',
    '/\\/example.com',
    // encoded: as the query string carries them (decoded once by the reader) and double-encoded
    '/%09/example.com',
    '/%0a/example.com',
    '/%0D/example.com',
    '/%2f/example.com',
    '/%2F%2Fexample.com',
    '%2f%2fexample.com',
    '%2F%2Fexample.com',
    '/%5cexample.com',
    '/%5C%5Cexample.com',
    '/%252f/example.com',
    '/%2509/example.com',
    '%5c%2fexample.com',
    // other schemes and hosts
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'https://example.com',
    'https://example.com/calendar',
    'http://lotse.invalid/calendar',
    'HTTPS://example.com',
    'https:/example.com',
    'https:example.com',
    '//lotse.example@example.com',
    'example.com',
    'calendar',
    './calendar',
    '../calendar',
  ];

  it.each(bypasses.map((to) => [JSON.stringify(to), to]))('refuses %s', (_, to) => {
    const answer = safeRedirect(to);
    expect(answer).toBe('/');
  });

  it('never answers something a browser would take to another host', () => {
    for (const to of bypasses) {
      expect(browserTarget(safeRedirect(to)), to).toBe('lotse.example');
    }
  });

  it('as the login form passes it on: the decoded query parameter', () => {
    const read = (query: string) => new URLSearchParams(query).get('redirectTo');
    expect(safeRedirect(read('redirectTo=/%09/example.com'))).toBe('/');
    expect(safeRedirect(read('redirectTo=/%0a'))).toBe('/');
    expect(safeRedirect(read('redirectTo=%2f%2fexample.com'))).toBe('/');
    expect(safeRedirect(read('redirectTo=%5C%2Fexample.com'))).toBe('/');
    expect(safeRedirect(read('redirectTo=%2Fcalendar%3Fview%3Dweek'))).toBe('/calendar?view=week');
  });
});
