/** The words of the editorial calendar. */
export const CHANNELS = ['blog', 'podcast', 'whitepaper', 'webinar'] as const;
export type Channel = (typeof CHANNELS)[number];

export const PIECE_STATUSES = [
  'idea',
  'planned',
  'in_production',
  'in_review',
  'approved',
  'scheduled',
  'published',
  'cancelled',
] as const;
export type PieceStatus = (typeof PIECE_STATUSES)[number];

/** Stages with a deadline before publication, in the order work passes them. */
export const DEADLINE_STAGES = ['in_production', 'in_review', 'approved'] as const;
export type DeadlineStage = (typeof DEADLINE_STAGES)[number];

export type CadencePeriod = 'week' | 'month' | 'quarter';

export type ChannelPlanDefaults = {
  cadenceCount: number;
  cadencePeriod: CadencePeriod;
  /** days before the publish date by which each stage must be reached */
  leadTimes: Record<DeadlineStage, number>;
};

/** Sensible starting points a workspace can change. */
export const DEFAULT_CHANNEL_PLANS: Record<Channel, ChannelPlanDefaults> = {
  blog: {
    cadenceCount: 2,
    cadencePeriod: 'week',
    leadTimes: { in_production: 14, in_review: 5, approved: 2 },
  },
  podcast: {
    cadenceCount: 2,
    cadencePeriod: 'month',
    leadTimes: { in_production: 21, in_review: 7, approved: 3 },
  },
  webinar: {
    cadenceCount: 1,
    cadencePeriod: 'month',
    leadTimes: { in_production: 42, in_review: 14, approved: 7 },
  },
  whitepaper: {
    cadenceCount: 1,
    cadencePeriod: 'quarter',
    leadTimes: { in_production: 56, in_review: 21, approved: 10 },
  },
};
