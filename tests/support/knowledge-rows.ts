/**
 * Rows of a knowledge import in the exchange format (ids `<prefix>-0`, `<prefix>-1`, …), German
 * and English alternating, two tags each (50 distinct second tags).
 */
export function knowledgeRows(count: number, prefix: string) {
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${i}`,
    title: `Studie ${i}: Tragezeit und Pflege von Kontaktlinsen`,
    description:
      i % 2
        ? 'Eine Analyse der Tragegewohnheiten unserer Kundinnen und Kunden.'
        : 'An analysis of how long our customers wear their lenses each day.',
    tags: ['studie', `gruppe-${i % 50}`],
    kind: 'study',
  }));
}
