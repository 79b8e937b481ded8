/** Tags are trimmed, lower-cased, de-duplicated and at most 40 characters; at most 20 per item. */
export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 40;

export function normalizeTag(tag: string): string {
  // lower-casing can decompose a letter (İ → i + dot above): normalize after it, so that
  // normalizing a tag twice gives the same tag
  return tag.toLowerCase().normalize('NFC').trim().replace(/\s+/g, ' ');
}

/** Tags from a comma-separated text or a list. */
export function parseTags(input: string | readonly string[]): string[] {
  const parts = typeof input === 'string' ? input.split(',') : input;
  const seen = new Set<string>();
  for (const part of parts) {
    const tag = normalizeTag(part);
    if (tag) seen.add(tag);
  }
  return [...seen];
}
