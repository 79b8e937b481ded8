/** The words of disclosure rules. */
export const RULE_SEVERITIES = ['block', 'warn'] as const;
export type RuleSeverity = (typeof RULE_SEVERITIES)[number];

export const RULE_KINDS = ['term', 'phrase', 'regex', 'figure'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** Default distance, in characters, between a money amount and a figure rule's pattern. */
export const DEFAULT_FIGURE_WINDOW = 40;
