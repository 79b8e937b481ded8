import type { ResultRow, RowTarget } from './read';
import { lastSegment, pathKey, platformIdKey, urlKey } from './url';

/**
 * Tying the rows of an export to pieces, in this order: the piece's platform id (the podcast
 * host's episode id, the webinar id), its address (target URL or registration URL, compared in
 * their normal form, see url.ts), the path of that address when the row has only a path, the
 * slug (the last segment of the row's path), and a podcast's episode number. A key that fits
 * more than one piece ties nothing: the row is listed as unmatched rather than guessed.
 *
 * Only published pieces take results. A row whose key fits no published piece but an unpublished
 * one (planned, scheduled) is listed as unmatched with that reason.
 */

export type PieceForTie = {
  id: string;
  channel: string;
  slug: string | null;
  targetUrl: string | null;
  registrationUrl: string | null;
  platformId: string | null;
  episodeNumber: number | null;
  /** whether the piece is published (left out: it is) */
  published?: boolean;
};

export type PieceKeys = {
  byPlatformId: Map<string, string[]>;
  byUrl: Map<string, string[]>;
  byPath: Map<string, string[]>;
  bySlug: Map<string, string[]>;
  byEpisode: Map<number, string[]>;
};

/** The published pieces' keys, and apart from them the unpublished pieces' keys. */
export type PieceIndex = PieceKeys & { unpublished: PieceKeys };

function add<K>(map: Map<K, string[]>, key: K | null | undefined, id: string) {
  if (key === null || key === undefined) return;
  const ids = map.get(key);
  if (!ids) map.set(key, [id]);
  else if (!ids.includes(id)) ids.push(id);
}

const noKeys = (): PieceKeys => ({
  byPlatformId: new Map(),
  byUrl: new Map(),
  byPath: new Map(),
  bySlug: new Map(),
  byEpisode: new Map(),
});

export function indexPieces(pieces: readonly PieceForTie[]): PieceIndex {
  const published = noKeys();
  const unpublished = noKeys();
  for (const piece of pieces) {
    const index = piece.published === false ? unpublished : published;
    if (piece.platformId) add(index.byPlatformId, platformIdKey(piece.platformId), piece.id);
    for (const address of [piece.targetUrl, piece.registrationUrl]) {
      if (!address) continue;
      const key = urlKey(address);
      add(index.byUrl, key, piece.id);
      if (key) add(index.byPath, key.slice(key.indexOf('/')), piece.id);
    }
    if (piece.slug) add(index.bySlug, piece.slug.trim().toLowerCase(), piece.id);
    if (piece.channel === 'podcast' && piece.episodeNumber !== null)
      add(index.byEpisode, piece.episodeNumber, piece.id);
  }
  return { ...published, unpublished };
}

export type Tie = { pieceId: string; by: 'platformId' | 'url' | 'path' | 'slug' | 'episode' };

/** The piece a row's target names, or null when none (or more than one) fits. */
export function tieTarget(index: PieceKeys, target: RowTarget): Tie | null {
  const one = (ids: string[] | undefined) => (ids?.length === 1 ? ids[0]! : null);
  if (target.platformId) {
    const key = platformIdKey(target.platformId);
    const id = key ? one(index.byPlatformId.get(key)) : null;
    if (id) return { pieceId: id, by: 'platformId' };
  }
  const address = target.url ?? target.path;
  if (address) {
    const full = target.url ? urlKey(target.url) : null;
    if (full) {
      const id = one(index.byUrl.get(full));
      if (id) return { pieceId: id, by: 'url' };
    }
    const path = pathKey(address);
    if (path && !full) {
      const id = one(index.byPath.get(path));
      if (id) return { pieceId: id, by: 'path' };
    }
    const slug = path ? lastSegment(path) : null;
    if (slug) {
      const id = one(index.bySlug.get(slug));
      if (id) return { pieceId: id, by: 'slug' };
    }
  }
  if (target.slug) {
    const id = one(index.bySlug.get(target.slug.trim().toLowerCase()));
    if (id) return { pieceId: id, by: 'slug' };
  }
  if (target.episodeNumber !== undefined) {
    const id = one(index.byEpisode.get(target.episodeNumber));
    if (id) return { pieceId: id, by: 'episode' };
  }
  return null;
}

export type TiedRows = {
  matched: { row: ResultRow; tie: Tie }[];
  /** `reason` is given when the row fits a piece that is not published yet */
  unmatched: { row: number; label: string; reason?: 'notPublished' }[];
};

/**
 * Ties every row to a published piece; rows that fit none are listed with what they named (and
 * why, when they fit an unpublished piece).
 */
export function tieRows(rows: readonly ResultRow[], index: PieceIndex): TiedRows {
  const result: TiedRows = { matched: [], unmatched: [] };
  for (const row of rows) {
    const tie = tieTarget(index, row.target);
    if (tie) result.matched.push({ row, tie });
    else if (tieTarget(index.unpublished, row.target))
      result.unmatched.push({ row: row.row, label: row.label, reason: 'notPublished' });
    else result.unmatched.push({ row: row.row, label: row.label });
  }
  return result;
}
