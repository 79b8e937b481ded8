import type { PieceInput } from '~/models/piece-writes.server';

/**
 * A blog piece's input as the piece form would give it to the model, with no channel fields set;
 * `over` replaces any of them.
 */
export function pieceInput(over: Partial<PieceInput> = {}): PieceInput {
  return {
    channel: 'blog',
    title: 'Lens care',
    brief: '',
    body: '',
    publishAt: null,
    ownerId: null,
    audiences: [],
    experts: [],
    slug: null,
    targetUrl: null,
    episodeNumber: null,
    guests: [],
    durationMinutes: null,
    gated: null,
    pageEstimate: null,
    webinarStart: null,
    webinarEnd: null,
    speakers: [],
    registrationUrl: null,
    ...over,
  };
}
