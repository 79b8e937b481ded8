/** The words of the expert-knowledge inventory. */
export const KNOWLEDGE_KINDS = ['expertise', 'study', 'analysis', 'case', 'data'] as const;
export type KnowledgeKind = (typeof KNOWLEDGE_KINDS)[number];

export const KNOWLEDGE_STATUSES = [
  'draft',
  'submitted',
  'changes_requested',
  'accepted',
  'declined',
  'archived',
  'withdrawn',
] as const;
export type KnowledgeStatus = (typeof KNOWLEDGE_STATUSES)[number];

/** Languages of content (not of the interface). */
export const CONTENT_LANGUAGES = ['de', 'en'] as const;
export type ContentLanguage = (typeof CONTENT_LANGUAGES)[number];
