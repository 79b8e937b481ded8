import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns';
import { deriveDeadlines } from '~/domain/calendar/deadlines';
import {
  DEFAULT_CHANNEL_PLANS,
  type Channel,
  type PieceStatus,
} from '~/domain/calendar/vocabulary';
import type { Prisma } from '~/generated/prisma/client';
import { newIds } from '~/utils/background.server';
import type { PrismaClient } from '~/utils/db.server';
import { DEFAULT_TIME_ZONE } from '~/utils/format';

/**
 * A larger demo workspace, for trying Lotse (and measuring it) with the amount of content a
 * bigger company has: `LOTSE_DEMO_SCALE=N` makes the demo N times larger. After the normal demo,
 * N-1 more copies of its experts, knowledge, needs, matches and pieces are generated, with their
 * own titles and texts (German and English, built from the demo's vocabulary) and the pieces'
 * dates moved into further periods before and after the demo's, so the plan covers N times the
 * months at the same density and the backlog holds N times the ideas. The texts come from a
 * pseudo-random sequence with a fixed seed: the same scale gives the same workspace.
 */

export const MAX_DEMO_SCALE = 100;

export class DemoScaleError extends Error {}

/** LOTSE_DEMO_SCALE: unset or empty is 1; otherwise a whole number from 1 to MAX_DEMO_SCALE. */
export function parseDemoScale(raw: string | undefined): number {
  const value = (raw ?? '').trim();
  if (value === '') return 1;
  const scale = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(scale) || scale < 1 || scale > MAX_DEMO_SCALE) {
    throw new DemoScaleError(
      `LOTSE_DEMO_SCALE must be a whole number from 1 to ${MAX_DEMO_SCALE} (got "${raw}")`,
    );
  }
  return scale;
}

// ───────────────────────────── vocabulary ─────────────────────────────

type Language = 'de' | 'en';
type Topic = { de: string; en: string; tags: Record<Language, string[]> };

/** What Klarblick's experts know about, in both languages, with the tags they file it under. */
const TOPICS: Topic[] = [
  t('Kontaktlinsenpflege', 'lens care', ['Pflege', 'Hygiene'], ['lens care', 'hygiene']),
  t('trockene Augen', 'dry eyes', ['Trockenes Auge'], ['dry eye', 'comfort']),
  t('Bildschirmarbeit', 'screen work', ['Bildschirmarbeit'], ['screen time', 'comfort']),
  t('Myopie-Management', 'myopia management', ['Myopie', 'Kinder'], ['myopia', 'children']),
  t('Tageslinsen', 'daily lenses', ['Tageslinsen'], ['daily lenses']),
  t('Monatslinsen', 'monthly lenses', ['Monatslinsen'], ['monthly lenses', 'replacement']),
  t(
    'Gleitsicht-Kontaktlinsen',
    'multifocal lenses',
    ['Presbyopie', 'Multifokal'],
    ['presbyopia', 'multifocal'],
  ),
  t('torische Linsen', 'toric lenses', ['Astigmatismus', 'torisch'], ['astigmatism', 'toric']),
  t('Kontaktlinsen beim Sport', 'lenses for sports', ['Sport'], ['sport', 'swimming']),
  t('farbige Kontaktlinsen', 'coloured lenses', ['farbige Linsen'], ['coloured lenses', 'safety']),
  t('Make-up und Kontaktlinsen', 'make-up and lenses', ['Make-up'], ['make-up']),
  t('Allergie und Heuschnupfen', 'allergies and hay fever', ['Allergie'], ['allergy']),
  t(
    'Silikonhydrogel',
    'silicone hydrogel',
    ['Material', 'Sauerstoff'],
    ['silicone hydrogel', 'materials'],
  ),
  t(
    'Nachtlinsen (Orthokeratologie)',
    'orthokeratology',
    ['Orthokeratologie'],
    ['orthokeratology', 'night lenses'],
  ),
  t('Augeninfektionen', 'eye infections', ['Infektion', 'Hygiene'], ['infection', 'risk']),
  t(
    'Schlafen mit Linsen',
    'sleeping in lenses',
    ['Schlafen', 'Tragegewohnheiten'],
    ['sleeping', 'wearing habits'],
  ),
  t('Pflegemittel', 'care solutions', ['Pflegemittel', 'Peroxid'], ['care solutions', 'peroxide']),
  t(
    'nachhaltige Verpackung',
    'sustainable packaging',
    ['Nachhaltigkeit', 'Verpackung'],
    ['sustainability', 'packaging'],
  ),
  t(
    'Versand und Lieferzeit',
    'shipping times',
    ['Versand', 'Lieferzeit'],
    ['shipping', 'delivery'],
  ),
  t(
    'das Linsen-Abo',
    'the lens subscription',
    ['Abo', 'Nachbestellung'],
    ['subscription', 'reorder'],
  ),
  t(
    'Rücksendung und Umtausch',
    'returns and exchanges',
    ['Rücksendung', 'Service'],
    ['returns', 'service'],
  ),
  t(
    'Medizinprodukterecht',
    'medical device regulation',
    ['MDR', 'Regulierung'],
    ['medical device', 'regulation'],
  ),
  t('Kontrolluntersuchungen', 'eye check-ups', ['Kontrolle', 'Vorsorge'], ['check-up', 'optician']),
  t(
    'die Angaben auf der Linsenpackung',
    'the lens box label',
    ['Packung', 'Stärke'],
    ['label', 'prescription'],
  ),
  t(
    'Rezept-Upload',
    'prescription upload',
    ['Rezept', 'Checkout'],
    ['prescription upload', 'checkout'],
  ),
  t(
    'Barrierefreiheit im Shop',
    'shop accessibility',
    ['Barrierefreiheit'],
    ['accessibility', 'low vision'],
  ),
  t(
    'Zusammenarbeit mit Augenoptikern',
    'working with opticians',
    ['Augenoptiker', 'Zusammenarbeit'],
    ['opticians', 'partnership'],
  ),
  t(
    'Erste Kontaktlinsen',
    'first lenses',
    ['Anfänger', 'Einsetzen'],
    ['first-time wearers', 'insertion'],
  ),
  t('Blaulicht', 'blue light', ['Blaulicht', 'Bildschirm'], ['blue light', 'screens']),
  t(
    'Tragegewohnheiten',
    'wearing habits',
    ['Tragegewohnheiten', 'Befragung'],
    ['wearing habits', 'survey'],
  ),
];

function t(de: string, en: string, tagsDe: string[], tagsEn: string[]): Topic {
  return { de, en, tags: { de: tagsDe, en: tagsEn } };
}

const GROUPS: Record<Language, string[]> = {
  de: [
    'Kinder',
    'Erstträger',
    'Berufspendler',
    'Menschen ab 45',
    'Sportlerinnen und Sportler',
    'Schichtarbeitende',
    'Studierende',
  ],
  en: [
    'children',
    'first-time wearers',
    'commuters',
    'people over 45',
    'athletes',
    'night-shift workers',
    'students',
  ],
};

const upper = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

type Phrase = (x: { topic: string; group: string; n: number; year: number }) => string;

/** Knowledge titles per language and kind. */
const ITEM_TITLES: Record<Language, Record<string, Phrase[]>> = {
  de: {
    expertise: [
      (x) => `${upper(x.topic)}: was Kundinnen und Kunden wissen sollten`,
      (x) => `${upper(x.topic)} im Alltag – ${x.n} Tipps aus der Praxis`,
      (x) => `Häufige Fragen zu ${x.topic} in der Anpassberatung`,
      (x) => `${upper(x.topic)} für ${x.group}: worauf es ankommt`,
    ],
    study: [
      (x) => `${upper(x.topic)} – Auswertung von ${x.n * 150} Beratungsgesprächen`,
      (x) => `Studie: ${x.topic} bei ${x.group}`,
    ],
    analysis: [
      (x) => `Analyse: ${x.topic} im Vergleich ${x.year - 1} zu ${x.year}`,
      (x) => `Was Reklamationen über ${x.topic} verraten`,
    ],
    case: [
      (x) => `Fallbeispiel: ${x.topic} bei ${x.group}`,
      (x) => `Aus der Sprechstunde: ${x.topic} über eine Saison begleitet`,
    ],
    data: [
      (x) => `Zahlen zu ${x.topic} nach Region und Alter`,
      (x) => `${upper(x.topic)}: Bestelldaten ${x.year}`,
    ],
  },
  en: {
    expertise: [
      (x) => `${upper(x.topic)}: what wearers should know`,
      (x) => `${x.n} practical tips on ${x.topic}`,
      (x) => `Common questions about ${x.topic} from the fitting desk`,
      (x) => `${upper(x.topic)} for ${x.group}: what matters`,
    ],
    study: [
      (x) => `${upper(x.topic)}: results from ${x.n * 120} customer interviews`,
      (x) => `Study: ${x.topic} among ${x.group}`,
    ],
    analysis: [
      (x) => `Analysis: ${x.topic} in ${x.year - 1} and ${x.year} compared`,
      (x) => `What service tickets tell us about ${x.topic}`,
    ],
    case: [
      (x) => `Case study: ${x.topic} for ${x.group}`,
      (x) => `From the fitting room: ${x.topic} over one season`,
    ],
    data: [
      (x) => `${upper(x.topic)} by region and age group`,
      (x) => `${upper(x.topic)}: order data ${x.year}`,
    ],
  },
};

const ITEM_SUMMARIES: Record<Language, Phrase[]> = {
  de: [
    (x) =>
      `Wie ${x.group} mit ${x.topic} umgehen, welche Fehler häufig sind und was die Anpassberatung empfiehlt.`,
    (x) =>
      `Erfahrungen aus ${x.n * 40} Gesprächen zu ${x.topic}: typische Fragen, bewährte Antworten und offene Punkte.`,
    (x) =>
      `Ein Überblick über ${x.topic}: Möglichkeiten, Grenzen und was ${x.group} beachten sollten.`,
  ],
  en: [
    (x) =>
      `How ${x.group} deal with ${x.topic}, the mistakes we see most and what our fitting advice recommends.`,
    (x) =>
      `Lessons from ${x.n * 40} conversations about ${x.topic}: typical questions, proven answers, open points.`,
    (x) =>
      `An overview of ${x.topic}: what it can do, where its limits are and what ${x.group} should keep in mind.`,
  ],
};

const NEED_TEXTS: Record<Language, Phrase[]> = {
  de: [
    (x) => `Was muss ich bei ${x.topic} beachten?`,
    (x) => `Wie finde ich heraus, ob ${x.topic} für ${x.group} das Richtige ist?`,
    (x) => `Gibt es verlässliche Daten zu ${x.topic}?`,
    (x) => `Welche Fehler passieren bei ${x.topic} am häufigsten – und wie vermeide ich sie?`,
  ],
  en: [
    (x) => `What should I know about ${x.topic}?`,
    (x) => `How do I find out whether ${x.topic} suits ${x.group}?`,
    (x) => `Where can I find reliable data on ${x.topic}?`,
    (x) => `What goes wrong most often with ${x.topic}, and how do I avoid it?`,
  ],
};

const PIECE_TITLES: Record<Language, Record<Channel, Phrase[]>> = {
  de: {
    blog: [
      (x) => `${upper(x.topic)}: der Ratgeber`,
      (x) => `${upper(x.topic)} – ${x.n} Fragen, ${x.n} Antworten`,
      (x) => `${upper(x.topic)} für ${x.group} erklärt`,
    ],
    podcast: [
      (x) => `Klarblick Podcast: ${upper(x.topic)}`,
      (x) => `Klarblick Podcast: ${upper(x.topic)} für ${x.group}`,
    ],
    whitepaper: [
      (x) => `${upper(x.topic)}: Leitfaden für Augenoptiker`,
      (x) => `${upper(x.topic)} ${x.year}: der Bericht`,
    ],
    webinar: [
      (x) => `Webinar: ${upper(x.topic)} in der Praxis`,
      (x) => `Live-Sprechstunde: ${x.topic}`,
    ],
  },
  en: {
    blog: [
      (x) => `${upper(x.topic)}: a practical guide`,
      (x) => `${x.n} things to know about ${x.topic}`,
      (x) => `${upper(x.topic)} for ${x.group}, explained`,
    ],
    podcast: [
      (x) => `Klarblick Podcast: ${upper(x.topic)}`,
      (x) => `Klarblick Podcast: ${x.topic} with ${x.group} in mind`,
    ],
    whitepaper: [
      (x) => `${upper(x.topic)}: a guide for opticians`,
      (x) => `${upper(x.topic)} ${x.year}: the report`,
    ],
    webinar: [(x) => `Webinar: ${x.topic} in practice`, (x) => `Live Q&A: ${x.topic}`],
  },
};

const PIECE_BRIEFS: Record<Language, Phrase[]> = {
  de: [
    (x) => `Praxisnaher Beitrag zu ${x.topic}, mit Rat aus der Fachberatung.`,
    (x) => `Für ${x.group}: ${x.topic} verständlich erklärt, mit Checkliste.`,
  ],
  en: [
    (x) => `A practical piece on ${x.topic}, with advice from our specialists.`,
    (x) => `For ${x.group}: ${x.topic} in plain words, with a checklist.`,
  ],
};

const FIRST_NAMES = [
  'Anja',
  'Bastian',
  'Carla',
  'Daan',
  'Emma',
  'Finn',
  'Greta',
  'Hannes',
  'Iris',
  'Jakob',
  'Kerstin',
  'Lars',
  'Maren',
  'Niklas',
  'Olivia',
  'Paul',
  'Ruth',
  'Stefan',
  'Thea',
  'Ulrich',
  'Vera',
  'Willem',
  'Yasmin',
  'Zoë',
  'Björn',
  'Chloé',
  'Jörg',
  'Sanne',
  'Tomás',
  'Leonie',
];
const LAST_NAMES = [
  'Albrecht',
  'Bakker',
  'Dietrich',
  'Engel',
  'Fischer',
  'Graf',
  'Hartmann',
  'Jansen',
  'Kaya',
  'Lang',
  'Meijer',
  'Neumann',
  'Özdemir',
  'Peters',
  'Quast',
  'Roth',
  'Schäfer',
  'Thomsen',
  'Urban',
  'Visser',
  'Wagner',
  'Zimmermann',
  'de Boer',
  'Lehmann',
  'Müller',
  'Novak',
];
const BIOS: Record<Language, string[]> = {
  de: [
    'Arbeitet seit vielen Jahren im Fachteam und berät Kundinnen und Kunden.',
    'Bringt Erfahrung aus der Anpasspraxis und aus Schulungen mit.',
  ],
  en: [
    'Has worked in the team for years and advises customers every day.',
    'Brings experience from fitting practice and from training colleagues.',
  ],
};

/** A small, fast pseudo-random sequence (mulberry32): the same seed, the same workspace. */
function sequence(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T,
  };
}

function ascii(text: string) {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const DAY = 24 * 3600 * 1000;

/**
 * A copied piece's status at its new date: in the past it was published (a few were cancelled),
 * far in the future it is planned at most, and an unscheduled idea stays one.
 */
function copyStatus(
  status: PieceStatus,
  publishAt: Date | null,
  now: Date,
  draw: number,
): PieceStatus {
  if (!publishAt) return 'idea';
  if (publishAt < now) return draw < 0.06 ? 'cancelled' : 'published';
  if (status === 'published') return 'planned';
  const advanced = ['in_production', 'in_review', 'approved', 'scheduled'].includes(status);
  if (advanced && publishAt.getTime() - now.getTime() > 60 * DAY) return 'planned';
  return status;
}
/** rows per INSERT: well below the bound-parameter limits of SQLite and PostgreSQL */
const CHUNK = 500;

async function insertAll<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * Makes the demo workspace (already created by createDemoWorkspace) `scale` times larger: its
 * experts, knowledge items, needs, matches and pieces are the templates of `scale - 1` copies.
 * Returns what it added.
 */
export async function scaleDemoWorkspace(
  prisma: PrismaClient,
  scale: number,
  now = new Date(),
  timeZone = DEFAULT_TIME_ZONE,
) {
  const added = { experts: 0, knowledgeItems: 0, needs: 0, matches: 0, pieces: 0 };
  if (scale <= 1) return added;
  const random = sequence(0x10775e + scale);

  await prisma.$transaction(
    async (tx) => {
      // one query after the other: a transaction holds a single connection
      const experts = await tx.user.findMany({
        where: { expertProfile: { isNot: null } },
        orderBy: { email: 'asc' },
        select: {
          id: true,
          passwordHash: true,
          roles: { select: { role: true } },
          expertProfile: {
            select: { department: true, areas: true, bio: true, availability: true },
          },
        },
      });
      const items = await tx.knowledgeItem.findMany({
        orderBy: [{ createdAt: 'asc' }, { externalId: 'asc' }],
        select: {
          id: true,
          kind: true,
          language: true,
          status: true,
          department: true,
          ownerId: true,
          createdAt: true,
          submittedAt: true,
          acceptedAt: true,
          tags: { select: { tag: { select: { name: true } } } },
          transitions: {
            orderBy: { createdAt: 'asc' },
            select: {
              fromStatus: true,
              toStatus: true,
              actorId: true,
              createdAt: true,
              comment: true,
            },
          },
        },
      });
      const needs = await tx.need.findMany({
        orderBy: [{ externalId: 'asc' }, { text: 'asc' }],
        select: { id: true, audienceId: true, language: true, priority: true },
      });
      const matches = await tx.match.findMany({
        orderBy: [{ knowledgeItem: { externalId: 'asc' } }, { need: { externalId: 'asc' } }],
        select: {
          knowledgeItemId: true,
          needId: true,
          score: true,
          decision: true,
          decidedById: true,
          decidedAt: true,
          explanation: true,
        },
      });
      const pieces = await tx.contentPiece.findMany({
        orderBy: [{ publishAt: 'asc' }, { createdAt: 'asc' }, { title: 'asc' }],
        select: {
          channel: true,
          status: true,
          publishAt: true,
          ownerId: true,
          createdAt: true,
          durationMinutes: true,
          gated: true,
          pageEstimate: true,
          audiences: { select: { audienceId: true } },
          knowledge: { select: { knowledgeItemId: true } },
          needs: { select: { needId: true } },
          experts: { select: { userId: true } },
        },
      });
      const tags = await tx.tag.findMany({ select: { id: true, name: true } });
      if (experts.length + items.length + needs.length + pieces.length === 0) return;

      // the plan's span, in whole weeks: each copy's pieces go one span further before or after
      const dated = pieces.flatMap((p) => (p.publishAt ? [p.publishAt.getTime()] : []));
      const spanDays =
        dated.length > 0
          ? 7 * Math.ceil((Math.max(...dated) - Math.min(...dated)) / DAY / 7 + 1)
          : 91;

      const tagIds = new Map(tags.map((tag) => [tag.name, tag.id]));
      const newTags: { id: string; name: string }[] = [];
      const tagId = (name: string) => {
        const key = name.trim().toLowerCase();
        let id = tagIds.get(key);
        if (!id) {
          id = newIds(1)[0] as string;
          tagIds.set(key, id);
          newTags.push({ id, name: key });
        }
        return id;
      };
      const emails = new Set(
        (await tx.user.findMany({ select: { email: true } })).map((u) => u.email),
      );

      const rows = {
        users: [] as {
          id: string;
          email: string;
          name: string;
          passwordHash: string;
          createdAt: Date;
        }[],
        roles: [] as { userId: string; role: string }[],
        profiles: [] as {
          userId: string;
          department: string;
          areas: string;
          bio: string;
          availability: string;
        }[],
        items: [] as {
          id: string;
          externalId: string;
          title: string;
          summary: string;
          kind: string;
          language: string;
          department: string;
          ownerId: string;
          status: string;
          createdAt: Date;
          updatedAt: Date;
          submittedAt: Date | null;
          acceptedAt: Date | null;
        }[],
        itemTags: [] as { knowledgeItemId: string; tagId: string }[],
        transitions: [] as {
          knowledgeItemId: string;
          fromStatus: string | null;
          toStatus: string;
          actorId: string;
          createdAt: Date;
          comment: string;
        }[],
        needs: [] as {
          id: string;
          externalId: string;
          audienceId: string;
          text: string;
          priority: number;
          language: string;
          createdAt: Date;
        }[],
        needTags: [] as { needId: string; tagId: string }[],
        matches: [] as {
          knowledgeItemId: string;
          needId: string;
          score: number;
          decision: string;
          decidedById: string | null;
          decidedAt: Date | null;
          explanation: string;
        }[],
        pieces: [] as Prisma.ContentPieceCreateManyInput[],
        pieceAudiences: [] as { pieceId: string; audienceId: string }[],
        pieceKnowledge: [] as { pieceId: string; knowledgeItemId: string }[],
        pieceNeeds: [] as { pieceId: string; needId: string }[],
        pieceExperts: [] as { pieceId: string; userId: string }[],
        deadlines: [] as { pieceId: string; stage: string; dueAt: Date }[],
      };

      for (let copy = 1; copy < scale; copy++) {
        // copies alternate after and before the demo's period: 1 after, 2 before, 3 after, …
        const blocks = copy % 2 === 1 ? (copy + 1) / 2 : -(copy / 2);
        const shiftDays = blocks * spanDays;
        // the inventory grows back in time: each copy's items are one span older
        const age = copy * spanDays * DAY;

        // experts: a colleague in the same department for each of the demo's experts
        const expertIds = new Map<string, string>();
        const expertNames = new Map<string, string>();
        for (const expert of experts) {
          const profile = expert.expertProfile!;
          const id = newIds(1)[0] as string;
          const first = random.pick(FIRST_NAMES);
          const last = random.pick(LAST_NAMES);
          const name = `${first} ${last}`;
          let email = `${ascii(first)}.${ascii(last)}@demo.lotse`;
          for (let n = 2; emails.has(email); n++)
            email = `${ascii(first)}.${ascii(last)}${n}@demo.lotse`;
          emails.add(email);
          const areas = JSON.parse(profile.areas) as string[];
          const language: Language = /[äöüß]|\b(und|die|der|bei)\b/i.test(profile.bio)
            ? 'de'
            : 'en';
          rows.users.push({
            id,
            email,
            name,
            passwordHash: expert.passwordHash,
            createdAt: new Date(now.getTime() - age),
          });
          for (const { role } of expert.roles) rows.roles.push({ userId: id, role });
          rows.profiles.push({
            userId: id,
            department: profile.department,
            areas: JSON.stringify(areas.filter(() => random.next() < 0.8)),
            bio: random.pick(BIOS[language]),
            availability: profile.availability,
          });
          expertIds.set(expert.id, id);
          expertNames.set(id, name);
        }
        const person = (id: string) => expertIds.get(id) ?? id;

        // needs, each with a topic of its own
        const needIds = new Map<string, string>();
        const needTopics = new Map<string, Topic>();
        for (const need of needs) {
          const id = newIds(1)[0] as string;
          const language = need.language as Language;
          const topic = random.pick(TOPICS);
          const words = {
            topic: topic[language],
            group: random.pick(GROUPS[language]),
            n: 3 + random.int(6),
            year: 2020,
          };
          rows.needs.push({
            id,
            externalId: `demo-scale-${copy}-${need.id}`,
            audienceId: need.audienceId,
            text: random.pick(NEED_TEXTS[language])(words),
            priority: need.priority,
            language,
            createdAt: new Date(now.getTime() - age),
          });
          for (const tag of new Set(topic.tags[language].map(tagId)))
            rows.needTags.push({ needId: id, tagId: tag });
          needIds.set(need.id, id);
          needTopics.set(id, topic);
        }

        // knowledge: the same kinds, languages and review states, on the topic of the need an
        // accepted match serves (so that matching finds them), else on one of their own
        const servedNeed = new Map(
          matches
            .filter((m) => m.decision === 'accepted')
            .map((m) => [m.knowledgeItemId, needIds.get(m.needId)]),
        );
        const itemIds = new Map<string, string>();
        const itemTopics = new Map<string, Topic>();
        const itemLanguages = new Map<string, Language>();
        for (const item of items) {
          const id = newIds(1)[0] as string;
          const language = item.language as Language;
          const served = servedNeed.get(item.id);
          const topic = (served ? needTopics.get(served) : undefined) ?? random.pick(TOPICS);
          const created = new Date(item.createdAt.getTime() - age);
          const shift = (d: Date | null) => (d ? new Date(d.getTime() - age) : null);
          const year = new TZDate(created.getTime(), timeZone).getFullYear();
          const words = {
            topic: topic[language],
            group: random.pick(GROUPS[language]),
            n: 3 + random.int(6),
            year,
          };
          const titles = ITEM_TITLES[language][item.kind] ?? ITEM_TITLES[language].expertise!;
          const last = item.transitions.at(-1);
          rows.items.push({
            id,
            externalId: `demo-scale-${copy}-${item.id}`,
            title: random.pick(titles)(words),
            summary: random.pick(ITEM_SUMMARIES[language])(words),
            kind: item.kind,
            language,
            department: item.department,
            ownerId: person(item.ownerId),
            status: item.status,
            createdAt: created,
            updatedAt: last ? new Date(last.createdAt.getTime() - age) : created,
            submittedAt: shift(item.submittedAt),
            acceptedAt: shift(item.acceptedAt),
          });
          const itemTags = new Set(
            [
              ...topic.tags[language],
              ...item.tags.map((x) => x.tag.name).filter(() => random.next() < 0.4),
            ].map(tagId),
          );
          for (const tag of itemTags) rows.itemTags.push({ knowledgeItemId: id, tagId: tag });
          // the same review history, as long ago as the item is older
          for (const step of item.transitions) {
            rows.transitions.push({
              knowledgeItemId: id,
              fromStatus: step.fromStatus,
              toStatus: step.toStatus,
              actorId: person(step.actorId),
              createdAt: new Date(step.createdAt.getTime() - age),
              comment: step.comment,
            });
          }
          itemIds.set(item.id, id);
          itemTopics.set(id, topic);
          itemLanguages.set(id, language);
        }

        for (const m of matches) {
          rows.matches.push({
            knowledgeItemId: itemIds.get(m.knowledgeItemId) as string,
            needId: needIds.get(m.needId) as string,
            score: m.score,
            decision: m.decision,
            decidedById: m.decidedById,
            decidedAt: m.decidedAt ? new Date(m.decidedAt.getTime() - age) : null,
            explanation: m.explanation,
          });
        }

        // pieces: the same channels and links, one span earlier or later; what lands in the past
        // was published (a few cancelled), what lands in the future is still being planned
        for (const piece of pieces) {
          const id = newIds(1)[0] as string;
          const knowledge = piece.knowledge.map((k) => itemIds.get(k.knowledgeItemId) as string);
          const needsOf = piece.needs.map((n) => needIds.get(n.needId) as string);
          const [firstItem] = knowledge;
          const [firstNeed] = needsOf;
          const topic =
            (firstItem ? itemTopics.get(firstItem) : undefined) ??
            (firstNeed ? needTopics.get(firstNeed) : undefined) ??
            random.pick(TOPICS);
          const language: Language =
            (knowledge[0] && itemLanguages.get(knowledge[0])) ||
            (random.next() < 0.5 ? 'de' : 'en');
          const publishAt = piece.publishAt
            ? new Date(
                addDays(new TZDate(piece.publishAt.getTime(), timeZone), shiftDays).getTime(),
              )
            : null;
          const status = copyStatus(piece.status as PieceStatus, publishAt, now, random.next());
          const channel = piece.channel as Channel;
          const year = new TZDate((publishAt ?? now).getTime(), timeZone).getFullYear();
          const words = {
            topic: topic[language],
            group: random.pick(GROUPS[language]),
            n: 3 + random.int(6),
            year,
          };
          const title = random.pick(PIECE_TITLES[language][channel])(words);
          const experts = piece.experts.map((e) => person(e.userId));
          const names = JSON.stringify(experts.map((e) => expertNames.get(e) ?? ''));
          const created = publishAt
            ? new Date(Math.min(now.getTime(), publishAt.getTime() - 40 * DAY))
            : new Date(piece.createdAt.getTime() - age);
          rows.pieces.push({
            id,
            channel,
            title,
            brief: random.pick(PIECE_BRIEFS[language])(words),
            status,
            publishAt,
            ownerId: piece.ownerId,
            createdAt: created,
            updatedAt: created,
            slug: channel === 'blog' ? ascii(title).slice(0, 80) : null,
            durationMinutes: piece.durationMinutes,
            guests: channel === 'podcast' ? names : null,
            gated: piece.gated,
            pageEstimate: piece.pageEstimate,
            webinarStart: channel === 'webinar' ? publishAt : null,
            webinarEnd:
              channel === 'webinar' && publishAt
                ? new Date(publishAt.getTime() + 3600 * 1000)
                : null,
            speakers: channel === 'webinar' ? names : null,
          });
          for (const a of piece.audiences)
            rows.pieceAudiences.push({ pieceId: id, audienceId: a.audienceId });
          for (const k of knowledge) rows.pieceKnowledge.push({ pieceId: id, knowledgeItemId: k });
          for (const n of needsOf) rows.pieceNeeds.push({ pieceId: id, needId: n });
          for (const e of experts) rows.pieceExperts.push({ pieceId: id, userId: e });
          if (publishAt) {
            for (const d of deriveDeadlines(
              publishAt,
              DEFAULT_CHANNEL_PLANS[channel].leadTimes,
              timeZone,
            )) {
              rows.deadlines.push({ pieceId: id, ...d });
            }
          }
        }
      }

      // parents before children, in chunks of set-based INSERTs
      await insertAll(newTags, (data) => tx.tag.createMany({ data }));
      await insertAll(rows.users, (data) => tx.user.createMany({ data }));
      await insertAll(rows.roles, (data) => tx.userRole.createMany({ data }));
      await insertAll(rows.profiles, (data) => tx.expertProfile.createMany({ data }));
      await insertAll(rows.items, (data) => tx.knowledgeItem.createMany({ data }));
      await insertAll(rows.itemTags, (data) => tx.knowledgeItemTag.createMany({ data }));
      await insertAll(rows.transitions, (data) => tx.knowledgeTransition.createMany({ data }));
      await insertAll(rows.needs, (data) => tx.need.createMany({ data }));
      await insertAll(rows.needTags, (data) => tx.needTag.createMany({ data }));
      await insertAll(rows.matches, (data) => tx.match.createMany({ data }));
      await insertAll(rows.pieces, (data) => tx.contentPiece.createMany({ data }));
      await insertAll(rows.pieceAudiences, (data) => tx.contentPieceAudience.createMany({ data }));
      await insertAll(rows.pieceKnowledge, (data) => tx.contentPieceKnowledge.createMany({ data }));
      await insertAll(rows.pieceNeeds, (data) => tx.contentPieceNeed.createMany({ data }));
      await insertAll(rows.pieceExperts, (data) => tx.contentPieceExpert.createMany({ data }));
      await insertAll(rows.deadlines, (data) => tx.stageDeadline.createMany({ data }));

      added.experts = rows.profiles.length;
      added.knowledgeItems = rows.items.length;
      added.needs = rows.needs.length;
      added.matches = rows.matches.length;
      added.pieces = rows.pieces.length;
    },
    { timeout: 300_000, maxWait: 60_000 },
  );
  return added;
}
