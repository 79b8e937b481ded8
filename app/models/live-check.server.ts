import { knowledgeTexts, pieceTexts } from '~/domain/disclosure/content';
import { parseTags } from '~/domain/knowledge/tags';
import type { Channel } from '~/domain/calendar/vocabulary';
import { prisma } from '~/utils/db.server';
import { checkFields, type ContentVerdict } from './disclosure.server';
import { linkedNames } from './piece-queries.server';

/**
 * The disclosure check while someone writes: the texts of a form that has not been saved yet,
 * checked on the server so the rules' patterns never reach the browser. The texts are built the
 * way a save would store them (trimmed, lists split), through the same domain/disclosure/content.ts
 * definitions the real check uses; the findings' offsets are then mapped back onto the values as
 * they stand in the form, so the form can highlight the passage in its own field.
 */

/** How a form value became the checked text, so an offset into the text maps back into the value. */
type Source = { value: string; toValue: (offset: number, isEnd: boolean) => number };

/** A single-line or multi-line text that the save trims. */
function trimmed(value: string): { text: string; source: Source } {
  const lead = value.length - value.trimStart().length;
  return { text: value.trim(), source: { value, toValue: (offset) => offset + lead } };
}

/**
 * A list typed into one field (the runs of text that `entry` matches, trimmed, empty ones
 * dropped) that the check reads one entry per line.
 */
function listed(value: string, entry: RegExp): { entries: string[]; source: Source } {
  const spans: { from: number; text: string; at: number }[] = [];
  let joined = 0;
  for (const m of value.matchAll(entry)) {
    const raw = m[0];
    const text = raw.trim();
    if (!text) continue;
    const from = (m.index ?? 0) + raw.length - raw.trimStart().length;
    spans.push({ from, text, at: joined });
    joined += text.length + 1;
  }
  const toValue = (offset: number, isEnd: boolean) => {
    for (const s of spans) {
      const inside = isEnd
        ? offset > s.at && offset <= s.at + s.text.length
        : offset >= s.at && offset < s.at + s.text.length;
      if (inside) return s.from + (offset - s.at);
    }
    return Math.min(offset, value.length);
  };
  return { entries: spans.map((s) => s.text), source: { value, toValue } };
}

/** What the form shows back: the findings only, never a rule's patterns, kind or exceptions. */
export type LiveFinding = {
  field: string;
  start: number;
  end: number;
  excerpt: string;
  severity: 'block' | 'warn';
  ruleName: string;
  message: string | null;
  exempted: boolean;
};
export type LiveVerdict = {
  decision: ContentVerdict['decision'];
  failed: boolean;
  findings: LiveFinding[];
};

function toLive(verdict: ContentVerdict, sources: Partial<Record<string, Source>>): LiveVerdict {
  return {
    decision: verdict.decision,
    failed: Boolean(verdict.failed),
    findings: verdict.findings.map((f) => {
      const source = sources[f.field];
      const start = source ? source.toValue(f.start, false) : f.start;
      const end = source ? source.toValue(f.end, true) : f.end;
      return {
        field: f.field,
        start,
        end,
        excerpt: source ? source.value.slice(start, end) : f.excerpt,
        severity: f.severity,
        ruleName: f.ruleName,
        message: f.message ?? null,
        exempted: f.exempted,
      };
    }),
  };
}

export type LivePieceInput = {
  pieceId?: string | null;
  channel?: Channel | null;
  title: string;
  brief: string;
  body: string;
  slug: string;
  targetUrl: string;
  guests: string;
  speakers: string;
  registrationUrl: string;
  ownerId: string;
  audiences: readonly string[];
  experts: readonly string[];
};

/**
 * The piece form's current values, checked as `checkPiece` would check them once saved: the
 * channel's own fields only (a save drops the others), the names of the owner, audiences and
 * experts chosen (ids that do not exist are ignored), and the piece's granted exemptions, which
 * apply only while the content is exactly what they were granted for.
 */
export async function checkPieceDraft(input: LivePieceInput): Promise<LiveVerdict> {
  const onChannel = (channel: Channel) => !input.channel || input.channel === channel;
  const title = trimmed(input.title);
  const brief = trimmed(input.brief);
  const body = trimmed(input.body);
  const slug = trimmed(onChannel('blog') ? input.slug : '');
  const targetUrl = trimmed(onChannel('blog') ? input.targetUrl : '');
  const registrationUrl = trimmed(onChannel('webinar') ? input.registrationUrl : '');
  const guests = listed(onChannel('podcast') ? input.guests : '', /[^,\n]+/g);
  const speakers = listed(onChannel('webinar') ? input.speakers : '', /[^,\n]+/g);
  const [names, exemptions] = await Promise.all([
    linkedNames(input),
    input.pieceId
      ? prisma.disclosureExemption.findMany({
          where: { pieceId: input.pieceId, status: 'granted' },
          select: { ruleId: true, ruleRevision: true, contentHash: true },
        })
      : [],
  ]);
  const texts = pieceTexts({
    title: title.text,
    brief: brief.text,
    body: body.text,
    slug: slug.text,
    targetUrl: targetUrl.text,
    guests: guests.entries,
    speakers: speakers.entries,
    registrationUrl: registrationUrl.text,
    ...names,
  });
  const verdict = await checkFields(texts, exemptions);
  return toLive(verdict, {
    title: title.source,
    brief: brief.source,
    body: body.source,
    slug: slug.source,
    targetUrl: targetUrl.source,
    guests: guests.source,
    speakers: speakers.source,
    registrationUrl: registrationUrl.source,
  });
}

export type LiveKnowledgeInput = {
  title: string;
  summary: string;
  details: string;
  department: string;
  /** the chosen tags, plus what is still typed in the tag field (comma-separated) */
  tags: readonly string[];
  tagsText: string;
  links: string;
};

/**
 * A knowledge item's form, checked as `checkKnowledge` would check it once saved; the owner is
 * the expert writing it (only the owner edits an item).
 */
export async function checkKnowledgeDraft(
  input: LiveKnowledgeInput,
  owner: { name: string; email: string },
): Promise<LiveVerdict> {
  const title = trimmed(input.title);
  const summary = trimmed(input.summary);
  const details = trimmed(input.details);
  const department = trimmed(input.department);
  const links = listed(input.links, /[^\n]+/g);
  const texts = knowledgeTexts({
    title: title.text,
    summary: summary.text,
    details: details.text,
    department: department.text,
    tags: parseTags([...input.tags, ...input.tagsText.split(',')]),
    links: links.entries.map((url) => ({ url })),
    ownerName: owner.name,
    ownerEmail: owner.email,
  });
  const verdict = await checkFields(texts);
  return toLive(verdict, {
    title: title.source,
    summary: summary.source,
    details: details.source,
    department: department.source,
    links: links.source,
  });
}
