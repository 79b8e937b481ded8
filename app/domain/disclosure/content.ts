/**
 * The one definition of what a record puts in front of the public or into an export: every text
 * of it, by field. The disclosure check, the highlights, the fingerprint behind exemptions and
 * every output (pages, iCal feed, CSV, print view, knowledge export) read a record's texts through
 * these functions, so a field that is published can never be left out of the check in one place
 * and printed in another. Markup inside a field (HTML attributes, comments, Markdown link titles)
 * is the normalizer's job (normalize.ts); here it is only which fields there are.
 */

export type Texts = Record<string, string | null>;

/** A list stored as a JSON array (guests, speakers), or given as one; one entry per line. */
function lines(value: string | readonly string[] | null | undefined): string | null {
  if (value == null) return null;
  let list: unknown = value;
  if (typeof value === 'string') {
    if (!value.trim()) return null;
    try {
      list = JSON.parse(value);
    } catch {
      // not JSON: the text as it is (it is still published, so it is still checked)
      return value;
    }
  }
  if (!Array.isArray(list)) return typeof value === 'string' ? value : null;
  const names = list.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).filter(Boolean);
  return names.length ? names.join('\n') : null;
}

const text = (value: string | null | undefined) => (value ? value : null);

export type PieceTextSource = {
  title: string;
  brief: string;
  body: string;
  slug?: string | null;
  targetUrl?: string | null;
  /** podcast guests: a JSON array as stored, or the list */
  guests?: string | readonly string[] | null;
  /** webinar speakers: a JSON array as stored, or the list */
  speakers?: string | readonly string[] | null;
  registrationUrl?: string | null;
  /** the names an export prints beside the piece */
  ownerName?: string | null;
  audienceNames?: readonly string[];
  expertNames?: readonly string[];
};

/** The fields of a piece that are published or exported, in a fixed order. */
export const PIECE_TEXT_FIELDS = [
  'title',
  'brief',
  'body',
  'slug',
  'targetUrl',
  'guests',
  'speakers',
  'registrationUrl',
  'owner',
  'audiences',
  'experts',
] as const;
export type PieceTextField = (typeof PIECE_TEXT_FIELDS)[number];

/** Every text a content piece publishes (channel fields included) or an export prints with it. */
export function pieceTexts(p: PieceTextSource): Record<PieceTextField, string | null> {
  return {
    title: text(p.title),
    brief: text(p.brief),
    body: text(p.body),
    slug: text(p.slug),
    targetUrl: text(p.targetUrl),
    guests: lines(p.guests),
    speakers: lines(p.speakers),
    registrationUrl: text(p.registrationUrl),
    owner: text(p.ownerName),
    audiences: lines(p.audienceNames ? [...p.audienceNames].sort() : null),
    experts: lines(p.expertNames ? [...p.expertNames].sort() : null),
  };
}

export type KnowledgeTextSource = {
  title: string;
  summary: string;
  details?: string | null;
  department?: string | null;
  tags?: readonly string[];
  /** a JSON array of { label?, url } as stored, or the list */
  links?: string | readonly { label?: string | null; url: string }[] | null;
  /** the owner expert as an export names them */
  ownerName?: string | null;
  ownerEmail?: string | null;
};

function linkTexts(links: KnowledgeTextSource['links']): string | null {
  let list: unknown = links;
  if (typeof links === 'string') {
    try {
      list = JSON.parse(links);
    } catch {
      return text(links);
    }
  }
  if (!Array.isArray(list)) return null;
  const out = list
    .map((l: unknown) =>
      l && typeof l === 'object'
        ? [(l as { label?: unknown }).label, (l as { url?: unknown }).url]
            .filter((x) => typeof x === 'string' && x)
            .join(' ')
        : typeof l === 'string'
          ? l
          : '',
    )
    .filter(Boolean);
  return out.length ? out.join('\n') : null;
}

/** The fields of a knowledge item that its page and the inventory export show. */
export const KNOWLEDGE_TEXT_FIELDS = [
  'title',
  'summary',
  'details',
  'department',
  'tags',
  'links',
  'expert',
] as const;
export type KnowledgeTextField = (typeof KNOWLEDGE_TEXT_FIELDS)[number];

/** Every text of a knowledge item that an export or a page carries. */
export function knowledgeTexts(k: KnowledgeTextSource): Record<KnowledgeTextField, string | null> {
  return {
    title: text(k.title),
    summary: text(k.summary),
    details: text(k.details),
    department: text(k.department),
    tags: lines(k.tags ? [...k.tags] : null),
    links: linkTexts(k.links),
    expert: [k.ownerName, k.ownerEmail].filter(Boolean).join('\n') || null,
  };
}

/** An audience as outputs name it. */
export function audienceTexts(a: { name: string; description?: string | null }): Texts {
  return { name: text(a.name), description: text(a.description) };
}

/**
 * Checked content as one canonical text: its fields sorted by name, missing ones as null. The
 * models hash it (contentHash in app/models/disclosure.server.ts) into the fingerprint an
 * exemption is bound to, so that the exemption lapses when the content changes. Stored hashes
 * depend on this exact text: changing it revokes every granted exemption.
 */
export function canonicalContent(
  fields: Texts | Record<string, string | null | undefined>,
): string {
  const entries = Object.entries(fields)
    .map(([k, v]) => [k, v ?? null] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}
