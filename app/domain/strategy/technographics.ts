import { CHANNELS, type Channel } from '../calendar/vocabulary';

/**
 * Target groups by behaviour: Forrester's Social Technographics profile of an audience, and what
 * it suggests for Lotse's channels.
 *
 * The profile gives, for each group of the ladder, the share of the audience (in percent) that
 * does what the group does at least once a month. The groups overlap (most critics are
 * spectators too), so the shares need not add up to 100.
 *
 * What each group does, in Forrester's definitions:
 * - creators publish their own web pages, blogs, articles, videos or audio;
 * - conversationalists post status updates on social networks and microblogs;
 * - critics post ratings and reviews, comment on other people's blogs, contribute to forums and
 *   edit wikis;
 * - collectors subscribe to feeds (RSS), tag web pages and photos and vote for sites;
 * - joiners keep a profile on social networks and visit them;
 * - spectators read blogs, forums and reviews, watch other people's videos and listen to podcasts;
 * - inactives do none of these.
 *
 * The rule table below turns these habits into fit with Lotse's channels: one row per group and
 * channel that suits it, with a weight, the formats that reach the group there, and the reason.
 * A channel's score is the sum of share × weight over its rows; the suggested mix is the scores'
 * proportion. Pure: no database, no framework.
 */

/** The rungs of the ladder, from the most to the least active. */
export const TECHNOGRAPHIC_GROUPS = [
  'creators',
  'conversationalists',
  'critics',
  'collectors',
  'joiners',
  'spectators',
  'inactives',
] as const;
export type TechnographicGroup = (typeof TECHNOGRAPHIC_GROUPS)[number];

/** Shares in percent (0–100) per group. */
export type TechnographicsProfile = Record<TechnographicGroup, number>;

/** Formats within Lotse's channels that reach one group or another. */
export const CHANNEL_FORMATS = [
  'guestPost',
  'discussion',
  'socialSnippets',
  'series',
  'readingArticle',
  'qaWebinar',
  'expertPanel',
  'webinarCommunity',
  'webinarRecording',
  'guestInterview',
  'subscribedSeries',
  'listenOnTheGo',
  'downloadableStudy',
  'salesWhitepaper',
] as const;
export type ChannelFormat = (typeof CHANNEL_FORMATS)[number];

/** A text for the interface: an i18n key and its values (never an English sentence). */
export type Message = { key: string; values: Record<string, string | number> };

export type FitRule = {
  group: TechnographicGroup;
  channel: Channel;
  /** how well the channel serves the group: 1 somewhat, 2 well, 3 best */
  weight: 1 | 2 | 3;
  formats: readonly ChannelFormat[];
  /** i18n key of the reason, with the group's share as `share` */
  reason: string;
};

/**
 * The documented rule table: behaviour → channel and format fit, with the reason. Groups that
 * take part (creators, critics) are reached by formats that give them a voice; groups that only
 * watch (spectators) by formats to read and listen to; inactives only outside social media, by
 * sales and email. Discussion formats appear only for the groups that discuss.
 */
export const FIT_RULES: readonly FitRule[] = [
  // creators publish their own articles and media: give them a stage
  {
    group: 'creators',
    channel: 'blog',
    weight: 3,
    formats: ['guestPost'],
    reason: 'technographics.rules.creatorsBlog',
  },
  {
    group: 'creators',
    channel: 'webinar',
    weight: 2,
    formats: ['expertPanel', 'qaWebinar'],
    reason: 'technographics.rules.creatorsWebinar',
  },
  {
    group: 'creators',
    channel: 'podcast',
    weight: 2,
    formats: ['guestInterview'],
    reason: 'technographics.rules.creatorsPodcast',
  },
  // conversationalists post updates in networks: give them something short to pass on
  {
    group: 'conversationalists',
    channel: 'blog',
    weight: 3,
    formats: ['socialSnippets'],
    reason: 'technographics.rules.conversationalistsBlog',
  },
  {
    group: 'conversationalists',
    channel: 'webinar',
    weight: 2,
    formats: ['webinarCommunity'],
    reason: 'technographics.rules.conversationalistsWebinar',
  },
  // critics review, comment and take part in forums: give their questions room
  {
    group: 'critics',
    channel: 'webinar',
    weight: 3,
    formats: ['qaWebinar'],
    reason: 'technographics.rules.criticsWebinar',
  },
  {
    group: 'critics',
    channel: 'blog',
    weight: 2,
    formats: ['discussion', 'guestPost'],
    reason: 'technographics.rules.criticsBlog',
  },
  {
    group: 'critics',
    channel: 'whitepaper',
    weight: 1,
    formats: ['downloadableStudy'],
    reason: 'technographics.rules.criticsWhitepaper',
  },
  // collectors subscribe, tag and keep: give them material to keep and series to follow
  {
    group: 'collectors',
    channel: 'whitepaper',
    weight: 3,
    formats: ['downloadableStudy'],
    reason: 'technographics.rules.collectorsWhitepaper',
  },
  {
    group: 'collectors',
    channel: 'blog',
    weight: 2,
    formats: ['series'],
    reason: 'technographics.rules.collectorsBlog',
  },
  {
    group: 'collectors',
    channel: 'podcast',
    weight: 2,
    formats: ['subscribedSeries'],
    reason: 'technographics.rules.collectorsPodcast',
  },
  // joiners keep profiles in networks: give them a community to join and posts to share
  {
    group: 'joiners',
    channel: 'webinar',
    weight: 3,
    formats: ['webinarCommunity'],
    reason: 'technographics.rules.joinersWebinar',
  },
  {
    group: 'joiners',
    channel: 'blog',
    weight: 2,
    formats: ['socialSnippets'],
    reason: 'technographics.rules.joinersBlog',
  },
  // spectators read, watch and listen without taking part: give them something to consume
  {
    group: 'spectators',
    channel: 'podcast',
    weight: 3,
    formats: ['listenOnTheGo'],
    reason: 'technographics.rules.spectatorsPodcast',
  },
  {
    group: 'spectators',
    channel: 'whitepaper',
    weight: 3,
    formats: ['downloadableStudy'],
    reason: 'technographics.rules.spectatorsWhitepaper',
  },
  {
    group: 'spectators',
    channel: 'blog',
    weight: 2,
    formats: ['readingArticle'],
    reason: 'technographics.rules.spectatorsBlog',
  },
  {
    group: 'spectators',
    channel: 'webinar',
    weight: 1,
    formats: ['webinarRecording'],
    reason: 'technographics.rules.spectatorsWebinar',
  },
  // inactives are not reached through social media: sales and email carry the content to them
  {
    group: 'inactives',
    channel: 'whitepaper',
    weight: 3,
    formats: ['salesWhitepaper'],
    reason: 'technographics.rules.inactivesWhitepaper',
  },
];

/** A group below this share does not name a reason (it still counts towards the scores). */
export const REASON_MIN_SHARE = 10;
/** Reasons shown per channel. */
const REASONS_PER_CHANNEL = 2;

export type ChannelSuggestion = {
  channel: Channel;
  /** the channel's part of the suggested mix, in percent; the mix adds up to 100 */
  share: number;
  formats: ChannelFormat[];
  reasons: Message[];
};

const clampShare = (n: number) => (Number.isFinite(n) ? Math.min(100, Math.max(0, n)) : 0);

/** Whole percentages that add up to 100 (largest remainder), in the order of the weights. */
function percentages(weights: readonly number[]): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  if (total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (w / total) * 100);
  const whole = exact.map(Math.floor);
  let left = 100 - whole.reduce((s, w) => s + w, 0);
  const byRemainder = exact
    .map((e, i) => ({ i, r: e - Math.floor(e) }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    whole[i] = (whole[i] ?? 0) + 1;
    left--;
  }
  return whole;
}

/**
 * The channel mix the profile suggests, best first: each channel's share of the mix, the formats
 * that reach the audience there and the reasons (the groups that contribute most). Channels no
 * group calls for are left out; a profile of zeros suggests nothing.
 */
export function suggestChannelMix(profile: TechnographicsProfile): ChannelSuggestion[] {
  const scored = CHANNELS.map((channel) => {
    const rows = FIT_RULES.filter((r) => r.channel === channel)
      .map((rule) => ({ rule, share: clampShare(profile[rule.group]) }))
      .map((r) => ({ ...r, points: r.share * r.rule.weight }))
      .filter((r) => r.points > 0)
      .sort(
        (a, b) =>
          b.points - a.points ||
          TECHNOGRAPHIC_GROUPS.indexOf(a.rule.group) - TECHNOGRAPHIC_GROUPS.indexOf(b.rule.group),
      );
    return { channel, rows, score: rows.reduce((s, r) => s + r.points, 0) };
  }).filter((c) => c.score > 0);
  const shares = percentages(scored.map((c) => c.score));
  return scored
    .map((c, i) => {
      const named = c.rows.filter((r) => r.share >= REASON_MIN_SHARE);
      const shown = (named.length ? named : c.rows.slice(0, 1)).slice(0, REASONS_PER_CHANNEL);
      return {
        channel: c.channel,
        share: shares[i] ?? 0,
        score: c.score,
        formats: [...new Set(shown.flatMap((r) => r.rule.formats))],
        reasons: shown.map((r) => ({ key: r.rule.reason, values: { share: r.share } })),
      };
    })
    .sort((a, b) => b.score - a.score || CHANNELS.indexOf(a.channel) - CHANNELS.indexOf(b.channel))
    .map(({ score: _score, ...suggestion }) => suggestion);
}

/** How far (in percentage points) a channel's part of the plan may stray from the suggestion. */
export const FIT_TOLERANCE = 25;
/** Fewer planned pieces than this say too little about the mix to judge it. */
export const FIT_MIN_PIECES = 3;

export type ChannelFit = {
  channel: Channel;
  planned: number;
  /** the channel's part of the planned pieces, in percent */
  plannedShare: number;
  suggestedShare: number;
  verdict: 'over' | 'under' | 'fits';
};

export type PlanFit = {
  /** planned pieces for the audience, all channels */
  total: number;
  /** false when there are too few pieces (or the profile suggests nothing) to judge */
  judged: boolean;
  /** true unless the plan was judged and strays from the suggested mix */
  fits: boolean;
  channels: ChannelFit[];
  /** channels with clearly more, or fewer, pieces than the profile suggests */
  over: Channel[];
  under: Channel[];
  /** why the most neglected channel would suit the audience (its first reason), if any */
  reason: Message | null;
};

/**
 * Whether the pieces planned for an audience fit its profile: each channel's part of the plan is
 * compared with its part of the suggested mix; more than `tolerance` percentage points above is
 * "over", more than that below is "under". The plan fits when no channel is either.
 */
export function fitOfPlan(
  profile: TechnographicsProfile,
  plannedCountsByChannel: Partial<Record<Channel, number>>,
  { tolerance = FIT_TOLERANCE, minPieces = FIT_MIN_PIECES } = {},
): PlanFit {
  const mix = suggestChannelMix(profile);
  const count = (c: Channel) => Math.max(0, Math.floor(plannedCountsByChannel[c] ?? 0));
  const total = CHANNELS.reduce((s, c) => s + count(c), 0);
  const plannedShares = percentages(CHANNELS.map(count));
  const channels: ChannelFit[] = CHANNELS.map((channel, i) => {
    const plannedShare = plannedShares[i] ?? 0;
    const suggestedShare = mix.find((m) => m.channel === channel)?.share ?? 0;
    const diff = plannedShare - suggestedShare;
    return {
      channel,
      planned: count(channel),
      plannedShare,
      suggestedShare,
      verdict: diff > tolerance ? 'over' : -diff > tolerance ? 'under' : 'fits',
    };
  });
  const judged = total >= minPieces && mix.length > 0;
  const over = judged ? channels.filter((c) => c.verdict === 'over').map((c) => c.channel) : [];
  const under = judged
    ? channels
        .filter((c) => c.verdict === 'under')
        .sort((a, b) => b.suggestedShare - b.plannedShare - (a.suggestedShare - a.plannedShare))
        .map((c) => c.channel)
    : [];
  const neglected = under[0];
  return {
    total,
    judged,
    fits: over.length === 0 && under.length === 0,
    channels,
    over,
    under,
    reason: (neglected && mix.find((m) => m.channel === neglected)?.reasons[0]) ?? null,
  };
}

/** A profile's shares read from anything (a stored row), clamped to 0–100. */
export function profileShares(row: Partial<Record<TechnographicGroup, unknown>>) {
  return Object.fromEntries(
    TECHNOGRAPHIC_GROUPS.map((g) => [g, clampShare(Number(row[g] ?? 0))]),
  ) as TechnographicsProfile;
}
