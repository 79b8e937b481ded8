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

/**
 * The years a calendar plans for, the same bound in forms, URLs and imports. Years before 1900
 * are refused: Date reads years below 100 as 19xx, and zones then kept local mean time. Years
 * after 2999 are refused: a month view of December 9999 would reach past the last day Date and
 * the time-zone data can represent.
 */
export const FIRST_PLANNING_YEAR = 1900;
export const LAST_PLANNING_YEAR = 2999;
/** The same bounds as the min and max of a date input. */
export const PLANNING_DAY_RANGE = {
  min: `${FIRST_PLANNING_YEAR}-01-01`,
  max: `${LAST_PLANNING_YEAR}-12-31`,
} as const;
/** The same bounds as the min and max of a datetime-local input. */
export const PLANNING_INPUT_RANGE = {
  min: `${FIRST_PLANNING_YEAR}-01-01T00:00`,
  max: `${LAST_PLANNING_YEAR}-12-31T23:59`,
} as const;
