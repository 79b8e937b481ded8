/**
 * Mentions in comments: `@` followed by a person's email address (`@erika@example.com`) or by
 * their name as Lotse shows it (`@Erika Mustermann`), in any letter case. Where names overlap,
 * the longest one wins (`@Anna Maria Roth` before `@Anna Maria`). The mention must end at a
 * word boundary, so `@Anna` does not mention a person called "Ann".
 */
export type Mentionable = { id: string; name: string; email: string };

const WORD_CHAR = /[\p{L}\p{N}_-]/u;

export function findMentions(text: string, people: readonly Mentionable[]): string[] {
  const found = new Set<string>();
  const handles = people
    .flatMap((p) => [
      { id: p.id, handle: p.email.toLowerCase() },
      { id: p.id, handle: p.name.trim().toLowerCase() },
    ])
    .filter((h) => h.handle.length > 0)
    .sort((a, b) => b.handle.length - a.handle.length);
  const lower = text.toLowerCase();
  let at = lower.indexOf('@');
  while (at !== -1) {
    // an @ inside a word (an email address in running text) starts no mention
    const before = at > 0 ? lower[at - 1] : '';
    if (!before || !WORD_CHAR.test(before)) {
      const rest = lower.slice(at + 1);
      const hit = handles.find(
        (h) => rest.startsWith(h.handle) && !WORD_CHAR.test(rest[h.handle.length] ?? ''),
      );
      if (hit) {
        found.add(hit.id);
        at = lower.indexOf('@', at + 1 + hit.handle.length);
        continue;
      }
    }
    at = lower.indexOf('@', at + 1);
  }
  return [...found];
}
