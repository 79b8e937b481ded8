import { CHANNELS, DEFAULT_CHANNEL_PLANS } from '~/domain/calendar/vocabulary';
import type { PrismaClient } from '~/utils/db.server';
import { DEFAULT_TIME_ZONE } from '~/utils/format';

/**
 * Built-in glossary concepts: general German/English terms that help matching connect a need
 * to knowledge written in other words. The company's own concepts are kept beside them.
 */
export const BUILT_IN_GLOSSARY: {
  key: string;
  terms: {
    term: string;
    language: 'de' | 'en' | null;
    type?: 'term' | 'synonym' | 'abbreviation';
  }[];
}[] = [
  {
    key: 'contact-lens',
    terms: [
      { term: 'Kontaktlinse', language: 'de' },
      { term: 'Linse', language: 'de', type: 'synonym' },
      { term: 'contact lens', language: 'en' },
      { term: 'lens', language: 'en', type: 'synonym' },
      { term: 'KL', language: 'de', type: 'abbreviation' },
    ],
  },
  {
    key: 'care',
    terms: [
      { term: 'Pflege', language: 'de' },
      { term: 'Reinigung', language: 'de', type: 'synonym' },
      { term: 'care', language: 'en' },
      { term: 'cleaning', language: 'en', type: 'synonym' },
      { term: 'hygiene', language: null, type: 'synonym' },
    ],
  },
  {
    key: 'dry-eye',
    terms: [
      { term: 'trockenes Auge', language: 'de' },
      { term: 'trockene Augen', language: 'de', type: 'synonym' },
      { term: 'dry eye', language: 'en' },
      { term: 'dry eyes', language: 'en', type: 'synonym' },
    ],
  },
  {
    key: 'myopia',
    terms: [
      { term: 'Myopie', language: 'de' },
      { term: 'Kurzsichtigkeit', language: 'de', type: 'synonym' },
      { term: 'myopia', language: 'en' },
      { term: 'short-sightedness', language: 'en', type: 'synonym' },
      { term: 'nearsightedness', language: 'en', type: 'synonym' },
    ],
  },
  {
    key: 'presbyopia',
    terms: [
      { term: 'Presbyopie', language: 'de' },
      { term: 'Alterssichtigkeit', language: 'de', type: 'synonym' },
      { term: 'presbyopia', language: 'en' },
      { term: 'reading glasses', language: 'en', type: 'synonym' },
      { term: 'Lesebrille', language: 'de', type: 'synonym' },
    ],
  },
  {
    key: 'astigmatism',
    terms: [
      { term: 'Astigmatismus', language: 'de' },
      { term: 'Hornhautverkrümmung', language: 'de', type: 'synonym' },
      { term: 'astigmatism', language: 'en' },
      { term: 'toric', language: 'en', type: 'synonym' },
      { term: 'torisch', language: 'de', type: 'synonym' },
    ],
  },
  {
    key: 'daily-lens',
    terms: [
      { term: 'Tageslinse', language: 'de' },
      { term: 'daily lens', language: 'en' },
      { term: 'dailies', language: 'en', type: 'synonym' },
    ],
  },
  {
    key: 'monthly-lens',
    terms: [
      { term: 'Monatslinse', language: 'de' },
      { term: 'monthly lens', language: 'en' },
    ],
  },
  {
    key: 'prescription',
    terms: [
      { term: 'Rezept', language: 'de' },
      { term: 'Verordnung', language: 'de', type: 'synonym' },
      { term: 'Sehstärke', language: 'de', type: 'synonym' },
      { term: 'prescription', language: 'en' },
    ],
  },
  {
    key: 'shipping',
    terms: [
      { term: 'Versand', language: 'de' },
      { term: 'Lieferung', language: 'de', type: 'synonym' },
      { term: 'Lieferzeit', language: 'de', type: 'synonym' },
      { term: 'shipping', language: 'en' },
      { term: 'delivery', language: 'en', type: 'synonym' },
    ],
  },
  {
    key: 'subscription',
    terms: [
      { term: 'Abo', language: 'de' },
      { term: 'Abonnement', language: 'de', type: 'synonym' },
      { term: 'subscription', language: 'en' },
      { term: 'reorder', language: 'en', type: 'synonym' },
      { term: 'Nachbestellung', language: 'de', type: 'synonym' },
    ],
  },
  {
    key: 'sport',
    terms: [
      { term: 'Sport', language: null },
      { term: 'Schwimmen', language: 'de', type: 'synonym' },
      { term: 'swimming', language: 'en', type: 'synonym' },
      { term: 'exercise', language: 'en', type: 'synonym' },
    ],
  },
  {
    key: 'screen-work',
    terms: [
      { term: 'Bildschirmarbeit', language: 'de' },
      { term: 'Computer', language: null, type: 'synonym' },
      { term: 'screen time', language: 'en' },
      { term: 'screen', language: 'en', type: 'synonym' },
    ],
  },
  {
    key: 'make-up',
    terms: [
      { term: 'Make-up', language: null },
      { term: 'Schminken', language: 'de', type: 'synonym' },
      { term: 'cosmetics', language: 'en', type: 'synonym' },
    ],
  },
  {
    key: 'sustainability',
    terms: [
      { term: 'Nachhaltigkeit', language: 'de' },
      { term: 'Verpackungsmüll', language: 'de', type: 'synonym' },
      { term: 'sustainability', language: 'en' },
      { term: 'packaging waste', language: 'en', type: 'synonym' },
      { term: 'recycling', language: null, type: 'synonym' },
    ],
  },
  {
    key: 'medical-device',
    terms: [
      { term: 'Medizinprodukt', language: 'de' },
      { term: 'medical device', language: 'en' },
      { term: 'MDR', language: null, type: 'abbreviation' },
      { term: 'Medizinprodukteverordnung', language: 'de', type: 'synonym' },
      { term: 'Medical Device Regulation', language: 'en', type: 'synonym' },
    ],
  },
  {
    key: 'sleep',
    terms: [
      { term: 'Schlafen', language: 'de' },
      { term: 'einschlafen', language: 'de', type: 'synonym' },
      { term: 'sleeping', language: 'en' },
      { term: 'overnight', language: 'en', type: 'synonym' },
    ],
  },
  {
    key: 'optician',
    terms: [
      { term: 'Augenoptiker', language: 'de' },
      { term: 'Optiker', language: 'de', type: 'synonym' },
      { term: 'optician', language: 'en' },
      { term: 'optometrist', language: 'en', type: 'synonym' },
      { term: 'Optometrist', language: 'de', type: 'synonym' },
    ],
  },
  {
    key: 'coloured-lens',
    terms: [
      { term: 'farbige Kontaktlinse', language: 'de' },
      { term: 'coloured lens', language: 'en' },
      { term: 'colored lens', language: 'en', type: 'synonym' },
      { term: 'Funlinse', language: 'de', type: 'synonym' },
    ],
  },
  {
    key: 'infection',
    terms: [
      { term: 'Infektion', language: 'de' },
      { term: 'Entzündung', language: 'de', type: 'synonym' },
      { term: 'infection', language: 'en' },
      { term: 'keratitis', language: null, type: 'synonym' },
    ],
  },
];

/**
 * Data every install needs, demo or not: the workspace, a channel plan per channel and the
 * built-in glossary. Idempotent: only what is missing is created, nothing is overwritten.
 */
export async function ensureReferenceData(prisma: PrismaClient) {
  await prisma.$transaction(async (tx) => {
    if (!(await tx.workspace.findUnique({ where: { id: 1 } }))) {
      await tx.workspace.create({ data: { id: 1, name: 'Lotse', timeZone: DEFAULT_TIME_ZONE } });
    }
    for (const channel of CHANNELS) {
      if (await tx.channelPlan.findUnique({ where: { channel } })) continue;
      const plan = DEFAULT_CHANNEL_PLANS[channel];
      await tx.channelPlan.create({
        data: {
          channel,
          cadenceCount: plan.cadenceCount,
          cadencePeriod: plan.cadencePeriod,
          leadTimes: JSON.stringify(plan.leadTimes),
        },
      });
    }
    for (const concept of BUILT_IN_GLOSSARY) {
      if (await tx.glossaryConcept.findUnique({ where: { key: concept.key } })) continue;
      await tx.glossaryConcept.create({
        data: {
          key: concept.key,
          builtIn: true,
          terms: {
            create: concept.terms.map((t) => ({
              term: t.term,
              language: t.language,
              type: t.type ?? 'term',
            })),
          },
        },
      });
    }
  });
}
