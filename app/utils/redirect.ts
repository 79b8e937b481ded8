/**
 * Where to send the browser after a login, a language switch or a password change: only a path
 * of Lotse itself. Every place that reads a `redirectTo` goes through `safeRedirect`.
 *
 * Checking the text for a leading "/" is not enough: browsers drop tabs and line breaks from URLs
 * and read "\" as "/", so "/\t/evil.example" or "/\evil.example" leave the site, and a line
 * break in a Location header makes the response itself fail. So the target is resolved the way
 * a browser would, against an origin of our own, and must stay on it; control characters and
 * backslashes are refused outright, also once percent-decoded (a proxy in front may decode).
 */

// A host that cannot exist (RFC 6761): only the question "same origin or not" is asked of it.
const BASE = 'http://lotse.invalid';
const MAX_LENGTH = 2048;

// C0 controls (tab, line feed, carriage return …), DEL and the C1 controls
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * The text with its percent escapes decoded, a few layers deep. Byte by byte on purpose: it only
 * has to reveal slashes, backslashes and control characters, and must not fail on a stray "%".
 */
function decoded(text: string): string {
  let current = text;
  for (let i = 0; i < 3; i++) {
    const next = current.replace(/%([0-9a-f]{2})/gi, (_, hex: string) =>
      String.fromCharCode(parseInt(hex, 16)),
    );
    if (next === current) break;
    current = next;
  }
  return current;
}

function suspicious(text: string): boolean {
  return CONTROL.test(text) || text.includes('\\') || text.startsWith('//');
}

/**
 * The target as a same-origin path (with its query and fragment), or `fallback` for anything
 * else: other hosts, protocol-relative and scheme URLs (`javascript:`), control characters,
 * backslashes, and their encoded forms.
 */
export function safeRedirect(to: unknown, fallback = '/'): string {
  if (typeof to !== 'string' || !to || to.length > MAX_LENGTH) return fallback;
  if (!to.startsWith('/') || suspicious(to)) return fallback;
  // the path decides where the browser goes; what follows "?" or "#" stays on this origin
  if (suspicious(decoded(to.split(/[?#]/, 1)[0] as string))) return fallback;
  let url: URL;
  try {
    url = new URL(to, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  // the parser's own serialisation: percent-encoded, so it is always a valid header value
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith('//') ? fallback : path;
}
