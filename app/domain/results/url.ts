/**
 * Addresses as analytics tools write them, made comparable: the same page is written with or
 * without scheme, in any case of the host, with or without a trailing slash, a query string or a
 * fragment. Tying a row of an export to a piece compares these forms.
 */

/**
 * The comparable form of a full address: host (lower case, without a leading `www.` and the
 * default port) and path (without a trailing slash, query and fragment), e.g.
 * `HTTPS://Example.org/Blog/Post/?utm=x#top` → `example.org/Blog/Post`. Paths keep their case:
 * servers may treat `/Blog` and `/blog` as different pages. Null when it is not an address.
 */
export function urlKey(raw: string): string | null {
  const text = raw.trim();
  if (!text) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text)
    ? text
    : text.startsWith('//')
      ? `https:${text}`
      : /^[a-z0-9.-]+\.[a-z]{2,}(:\d+)?(\/|$)/i.test(text)
        ? `https://${text}`
        : null;
  if (!withScheme) return null;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const host = url.host.toLowerCase().replace(/^www\./, '');
  if (!host) return null;
  return `${host}${pathOf(url.pathname)}`;
}

/** The comparable form of a path (`/blog/post/?a=1` → `/blog/post`); `/` stays `/`. */
export function pathKey(raw: string): string | null {
  const text = raw.trim();
  if (!text) return null;
  if (!text.startsWith('/')) {
    const key = urlKey(text);
    return key ? key.slice(key.indexOf('/')) || '/' : null;
  }
  const cut = text.search(/[?#]/);
  return pathOf(cut === -1 ? text : text.slice(0, cut));
}

function pathOf(pathname: string): string {
  let path = pathname;
  try {
    path = decodeURI(pathname);
  } catch {
    // a malformed escape: compared as written
  }
  path = path.replace(/\/{2,}/g, '/');
  if (path.length > 1) path = path.replace(/\/+$/, '');
  return path || '/';
}

/** The last segment of a path, as a slug would be written (`/blog/my-post/` → `my-post`). */
export function lastSegment(path: string): string | null {
  const segments = path.split('/').filter(Boolean);
  return segments.length ? segments[segments.length - 1]!.toLowerCase() : null;
}

/** Platform ids compared by their letters and digits: `812 3456 7890` = `81234567890`. */
export function platformIdKey(raw: string): string | null {
  const key = raw.replace(/[^0-9a-z]/gi, '').toLowerCase();
  return key || null;
}
