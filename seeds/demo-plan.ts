import type { Channel, PieceStatus } from '~/domain/calendar/vocabulary';
import type { ContentLanguage } from '~/domain/knowledge/vocabulary';
import type { RuleKind, RuleSeverity } from '~/domain/disclosure/vocabulary';

export type DemoAudience = {
  key: string;
  name: string;
  description: string;
  needs: {
    key: string;
    text: string;
    tags: string[];
    priority: 1 | 2 | 3;
    language: ContentLanguage;
  }[];
};

export const DEMO_AUDIENCES: DemoAudience[] = [
  {
    key: 'customers',
    name: 'Bestandskunden / Existing customers',
    description:
      'People who already order their lenses from Klarblick: they want to wear lenses comfortably and safely and to order without hassle.',
    needs: [
      {
        key: 'n01',
        language: 'de',
        priority: 3,
        tags: ['Pflege', 'Hygiene'],
        text: 'Wie pflege ich meine Monatslinsen richtig, damit die Augen gesund bleiben?',
      },
      {
        key: 'n02',
        language: 'de',
        priority: 3,
        tags: ['Trockenes Auge'],
        text: 'Meine Augen sind abends nach der Arbeit am Computer trocken und gereizt – was hilft?',
      },
      {
        key: 'n03',
        language: 'en',
        priority: 2,
        tags: ['reorder', 'subscription'],
        text: 'How can I make sure my new lenses arrive before the old ones run out?',
      },
      {
        key: 'n04',
        language: 'en',
        priority: 2,
        tags: ['label'],
        text: 'What do the numbers and letters on my lens box mean?',
      },
      {
        key: 'n05',
        language: 'de',
        priority: 1,
        tags: ['Sport'],
        text: 'Kann ich mit Kontaktlinsen Sport treiben und schwimmen gehen?',
      },
      {
        key: 'n06',
        language: 'en',
        priority: 2,
        tags: ['reading'],
        text: 'I am over 45 and struggle to read small print – do I have to switch to reading glasses?',
      },
      {
        key: 'n16',
        language: 'de',
        priority: 2,
        tags: ['Material'],
        text: 'Bekommt die Hornhaut unter den Linsen genug Luft, wenn ich sie den ganzen Tag trage?',
      },
      {
        key: 'n18',
        language: 'de',
        priority: 2,
        tags: ['Bestellung'],
        text: 'Wo finde ich meine Sehstärke, wenn ich neue Linsen bestellen will?',
      },
      {
        key: 'n19',
        language: 'de',
        priority: 1,
        tags: ['Bestellung'],
        text: 'Wie lade ich beim ersten Einkauf meine Sehstärke hoch?',
      },
    ],
  },
  {
    key: 'opinion',
    name: 'Meinungsbildner: Augenoptiker & Fachpresse / Opinion leaders',
    description:
      'Opticians, optometrists and journalists of the optical and health trade press who judge whether online lens retail is trustworthy.',
    needs: [
      {
        key: 'n07',
        language: 'de',
        priority: 3,
        tags: ['Studie', 'Myopie'],
        text: 'Welche belastbaren Daten gibt es zur Wirksamkeit von Myopie-Management bei Kindern?',
      },
      {
        key: 'n08',
        language: 'en',
        priority: 3,
        tags: ['regulation'],
        text: 'How does an online retailer meet medical device regulation and keep wearers safe?',
      },
      {
        key: 'n09',
        language: 'de',
        priority: 2,
        tags: ['Zusammenarbeit'],
        text: 'Wie arbeitet ein Versandhändler mit Augenoptikern vor Ort zusammen statt gegen sie?',
      },
      {
        key: 'n17',
        language: 'de',
        priority: 1,
        tags: ['Orthokeratologie'],
        text: 'Wie formt eine Nachtlinse die Hornhaut um, und wem hilft das?',
      },
      {
        key: 'n10',
        language: 'en',
        priority: 2,
        tags: ['wearing habits', 'data'],
        text: 'Real-world data on how people actually wear and replace their lenses.',
      },
    ],
  },
  {
    key: 'community',
    name: 'Social-Media-Community',
    description:
      'Followers on Instagram, TikTok and YouTube, many of them young first-time wearers who want practical, visual answers.',
    needs: [
      {
        key: 'n11',
        language: 'de',
        priority: 3,
        tags: ['Anfänger'],
        text: 'Ich trage zum ersten Mal Linsen und bekomme sie kaum ins Auge – Tipps?',
      },
      {
        key: 'n12',
        language: 'en',
        priority: 2,
        tags: ['make-up'],
        text: 'Can I wear eye make-up with contact lenses without irritation?',
      },
      {
        key: 'n13',
        language: 'de',
        priority: 2,
        tags: ['farbige Linsen'],
        text: 'Sind farbige Kontaktlinsen für Halloween und Festivals gefährlich?',
      },
      {
        key: 'n14',
        language: 'en',
        priority: 1,
        tags: ['sustainability'],
        text: 'How much plastic waste do daily lenses create, and can packaging be recycled?',
      },
      {
        key: 'n15',
        language: 'de',
        priority: 1,
        tags: ['Schlafen'],
        text: 'Was passiert, wenn man mit Kontaktlinsen einschläft?',
      },
    ],
  },
];

/** Accepted matches the demo's planned pieces were made from: [knowledge, need]. */
export const DEMO_ACCEPTED_MATCHES: [string, string][] = [
  ['k01', 'n01'],
  ['k15', 'n01'],
  ['k02', 'n02'],
  ['k22', 'n02'],
  ['k10', 'n03'],
  ['k31', 'n04'],
  ['k07', 'n05'],
  ['k06', 'n06'],
  ['k33', 'n07'],
  ['k17', 'n08'],
  ['k18', 'n10'],
  ['k28', 'n11'],
  ['k29', 'n12'],
  ['k37', 'n13'],
  ['k13', 'n14'],
  // needs in German whose answers say it in English: the glossary proposes "Hornhaut = cornea"
  // and "Sehstärke = prescription" from them
  ['k21', 'n16'],
  ['k34', 'n17'],
  ['k31', 'n18'],
  ['k24', 'n19'],
];
/** Suggestions an editor has not decided on yet, and one dismissed: [knowledge, need, score, decision]. */
export const DEMO_OPEN_MATCHES: [string, string, number, 'suggested' | 'dismissed'][] = [
  ['k39', 'n15', 0.82, 'suggested'],
  ['k35', 'n15', 0.64, 'suggested'],
  ['k34', 'n07', 0.71, 'suggested'],
  ['k19', 'n03', 0.58, 'suggested'],
  ['k36', 'n09', 0.41, 'suggested'],
  ['k23', 'n02', 0.22, 'dismissed'],
];

export type DemoPiece = {
  channel: Channel;
  title: string;
  brief: string;
  status: PieceStatus;
  /** days from the start of the demo (null: an unscheduled idea) and local time of day */
  day: number | null;
  time?: string;
  owner: 'editor' | 'editor2';
  experts: string[];
  knowledge: string[];
  needs: string[];
  audiences: string[];
};

const p = (
  channel: Channel,
  day: number | null,
  status: PieceStatus,
  title: string,
  brief: string,
  links: { experts: string[]; knowledge: string[]; needs: string[]; audiences: string[] },
  owner: 'editor' | 'editor2' = 'editor',
  time = channel === 'webinar' ? '16:00' : '09:00',
): DemoPiece => ({ channel, day, status, title, brief, time, owner, ...links });

/** Thirty pieces over the next three months on all four channels, plus ideas in the backlog. */
export const DEMO_PIECES: DemoPiece[] = [
  p(
    'blog',
    2,
    'scheduled',
    'Die fünf häufigsten Pflegefehler – und wie Sie sie vermeiden',
    'Praxisnaher Ratgeber aus der Anpassberatung.',
    { experts: ['expert'], knowledge: ['k01'], needs: ['n01'], audiences: ['customers'] },
  ),
  p(
    'podcast',
    4,
    'in_review',
    'Klarblick Podcast #12: Trockene Augen im Homeoffice',
    'Gespräch mit Dr. Lena Hoffmann über Bildschirmarbeit und Benetzung – und ein erster Ausblick auf Projekt Falke.',
    { experts: ['expert'], knowledge: ['k02'], needs: ['n02'], audiences: ['customers'] },
  ),
  p(
    'blog',
    6,
    'in_review',
    'Reading your lens box: a visual guide',
    'Annotated photo of a lens box with every abbreviation explained.',
    { experts: ['felix'], knowledge: ['k31'], needs: ['n04'], audiences: ['customers'] },
    'editor2',
  ),
  p(
    'blog',
    9,
    'in_production',
    'Linsen einsetzen leicht gemacht: Schritt für Schritt',
    'Bildstrecke plus Kurzvideo aus der Community.',
    { experts: ['katrin'], knowledge: ['k28'], needs: ['n11'], audiences: ['community'] },
  ),
  p(
    'webinar',
    11,
    'planned',
    'Myopia management in practice: data for opticians',
    'Two-year follow-up data, presented for opticians and the trade press.',
    { experts: ['ines'], knowledge: ['k33'], needs: ['n07'], audiences: ['opinion'] },
    'editor2',
  ),
  p(
    'blog',
    13,
    'in_production',
    'Never run out: how the lens subscription works',
    'Explain intervals, pausing and changing prescriptions.',
    { experts: ['sophie'], knowledge: ['k10'], needs: ['n03'], audiences: ['customers'] },
  ),
  p(
    'blog',
    16,
    'planned',
    'Kontaktlinsen und Sport: was geht, was nicht',
    'Fußball, Schwimmen, Skifahren – mit Tipps vom Augenoptikermeister.',
    { experts: ['tobias'], knowledge: ['k07', 'k08'], needs: ['n05'], audiences: ['customers'] },
  ),
  p(
    'podcast',
    18,
    'planned',
    'Klarblick Podcast #13: Make-up und Kontaktlinsen',
    'Mit einer Visagistin aus der Community-Live-Session.',
    { experts: ['katrin'], knowledge: ['k29'], needs: ['n12'], audiences: ['community'] },
  ),
  p(
    'blog',
    20,
    'planned',
    'Why your lenses are medical devices',
    'What the MDR means for buying lenses online.',
    { experts: ['anna'], knowledge: ['k17'], needs: ['n08'], audiences: ['opinion'] },
    'editor2',
  ),
  p(
    'whitepaper',
    24,
    'in_production',
    'Wearing habits 2026: what 4,800 lens wearers really do',
    'Survey report for opticians and journalists, with charts and methodology.',
    { experts: ['lukas'], knowledge: ['k18', 'k39'], needs: ['n10'], audiences: ['opinion'] },
  ),
  p(
    'blog',
    23,
    'idea',
    'Gleitsicht-Kontaktlinsen: Lesen ohne Lesebrille',
    'Ratgeber für Menschen ab 45.',
    { experts: ['tobias'], knowledge: ['k06'], needs: ['n06'], audiences: ['customers'] },
  ),
  p(
    'blog',
    27,
    'planned',
    'Farbige Kontaktlinsen: sicher durch die Festival-Saison',
    'Warum auch Fun-Linsen angepasst werden müssen.',
    { experts: ['tobias'], knowledge: ['k37'], needs: ['n13'], audiences: ['community'] },
  ),
  p(
    'podcast',
    32,
    'planned',
    'Klarblick Podcast #14: Silikonhydrogel einfach erklärt',
    'Materialkunde mit Claire Martin.',
    { experts: ['claire'], knowledge: ['k21'], needs: ['n02'], audiences: ['customers'] },
    'editor2',
  ),
  p(
    'blog',
    30,
    'planned',
    'Half the packaging waste: our shipping since 2023',
    'Figures on box sizes, fillers and recycling – and what readers can do.',
    { experts: ['mehmet'], knowledge: ['k13'], needs: ['n14'], audiences: ['community'] },
  ),
  p(
    'blog',
    34,
    'idea',
    'Peroxid oder All-in-One? Pflegemittel im Vergleich',
    'Vergleichstabelle und Anwendungstipps.',
    { experts: ['anna'], knowledge: ['k15'], needs: ['n01'], audiences: ['customers'] },
  ),
  p(
    'webinar',
    39,
    'planned',
    'Kontaktlinsen im Versandhandel: Zusammenarbeit mit Augenoptikern',
    'Wie Anpassung vor Ort und Versand zusammenpassen – für Augenoptiker.',
    {
      experts: ['expert', 'felix'],
      knowledge: ['k36', 'k30'],
      needs: ['n09'],
      audiences: ['opinion'],
    },
  ),
  p(
    'blog',
    37,
    'planned',
    'Comfort after eight hours of screen time',
    'Results of the daily lens comfort study, written for wearers.',
    { experts: ['claire'], knowledge: ['k22'], needs: ['n02'], audiences: ['customers'] },
  ),
  p(
    'blog',
    41,
    'idea',
    'Schlafen mit Linsen: was wirklich passiert',
    'Zahlen aus der Befragung und Rat der Optometristin.',
    { experts: ['lukas', 'expert'], knowledge: ['k39'], needs: ['n15'], audiences: ['community'] },
  ),
  p(
    'podcast',
    46,
    'idea',
    'Klarblick Podcast #15: Nachtlinsen – Orthokeratologie',
    'Dr. Ines Carvalho erklärt Ortho-K.',
    { experts: ['ines'], knowledge: ['k34'], needs: ['n07'], audiences: ['opinion', 'customers'] },
    'editor2',
  ),
  p(
    'blog',
    44,
    'planned',
    'Order questions answered: the first-order FAQ',
    'Top ten questions from service tickets.',
    { experts: ['sophie'], knowledge: ['k09'], needs: ['n03'], audiences: ['customers'] },
  ),
  p(
    'blog',
    48,
    'idea',
    'Augeninfektionen: Risiken richtig einordnen',
    'Sachlich, ohne Panik – mit klaren Warnzeichen.',
    { experts: ['ines'], knowledge: ['k35'], needs: ['n01'], audiences: ['customers'] },
  ),
  p(
    'blog',
    51,
    'idea',
    'An accessible shop: ordering with low vision',
    'Behind the scenes of our accessibility work.',
    { experts: ['jan'], knowledge: ['k25'], needs: [], audiences: ['opinion'] },
  ),
  p(
    'podcast',
    60,
    'idea',
    'Klarblick Podcast #16: Versand am selben Tag',
    'Ein Besuch im Lager Lüneburg.',
    { experts: ['mehmet'], knowledge: ['k12'], needs: ['n03'], audiences: ['customers'] },
  ),
  p(
    'webinar',
    67,
    'idea',
    'Medical device regulation for online lens retail',
    'For the trade press: what MDR requires of retailers.',
    {
      experts: ['anna', 'felix'],
      knowledge: ['k17', 'k32'],
      needs: ['n08'],
      audiences: ['opinion'],
    },
    'editor2',
  ),
  p(
    'blog',
    55,
    'idea',
    'Kontaktlinsen in Österreich und der Schweiz bestellen',
    'Was in AT und CH anders ist.',
    { experts: ['felix'], knowledge: ['k30'], needs: [], audiences: ['customers'] },
  ),
  p('blog', 62, 'idea', 'Wie oft zur Kontrolle?', 'Empfehlungen für Kontrollintervalle.', {
    experts: ['expert'],
    knowledge: ['k36'],
    needs: ['n09'],
    audiences: ['customers', 'opinion'],
  }),
  p(
    'whitepaper',
    75,
    'idea',
    'Myopie-Management bei Kindern: Leitfaden für Augenoptiker',
    'Fachlicher Leitfaden mit Studiendaten.',
    {
      experts: ['ines', 'expert'],
      knowledge: ['k33', 'k03'],
      needs: ['n07'],
      audiences: ['opinion'],
    },
  ),
  p(
    'blog',
    69,
    'idea',
    'Make-up and lenses: the rules that matter',
    'Short guide following the podcast episode.',
    { experts: ['katrin'], knowledge: ['k29'], needs: ['n12'], audiences: ['community'] },
  ),
  p(
    'podcast',
    81,
    'idea',
    'Klarblick Podcast #17: Eigenmarke oder Markenlinse?',
    'Ehrlicher Materialvergleich, ohne über die Marge zu sprechen.',
    { experts: ['claire'], knowledge: ['k23'], needs: [], audiences: ['customers'] },
    'editor2',
  ),
  p(
    'webinar',
    86,
    'idea',
    'Wearing habits 2026: the survey results live',
    'Presenting the whitepaper with Q&A.',
    { experts: ['lukas'], knowledge: ['k18'], needs: ['n10'], audiences: ['opinion'] },
  ),
  // the backlog: ideas without a date yet
  p('blog', null, 'idea', 'Rücksendung und Umtausch erklärt', 'Kurzer Ratgeber zu Rückgaben.', {
    experts: ['sophie'],
    knowledge: ['k40'],
    needs: [],
    audiences: ['customers'],
  }),
  p(
    'podcast',
    null,
    'idea',
    'Klarblick Podcast: Blaulicht und Kontaktlinsen',
    'Was die Evidenz sagt.',
    { experts: ['expert'], knowledge: [], needs: ['n02'], audiences: ['customers'] },
  ),
  p(
    'blog',
    null,
    'idea',
    'Prescription upload: how we halved drop-outs',
    'Case study for the e-commerce crowd.',
    { experts: ['jan'], knowledge: ['k24'], needs: [], audiences: ['opinion'] },
  ),
];

export type DemoRule = {
  key: string;
  name: string;
  category: string;
  severity: RuleSeverity;
  kind: RuleKind;
  patterns: string[];
  exceptions?: string[];
  window?: number;
  message: string;
  rationale: string;
  examplesMatch: string[];
  examplesNoMatch: string[];
};

/** The eight rules Klarblick's management keeps: what must never go public. */
export const DEMO_RULES: DemoRule[] = [
  {
    key: 'R-REVENUE',
    name: 'Umsatz / revenue',
    category: 'financials',
    severity: 'block',
    kind: 'term',
    patterns: ['Umsatz', 'revenue', 'Erlös', 'turnover'],
    exceptions: ['Umsatzsteuer', 'Umsatzsteuer-ID'],
    message: 'Revenue is not published. Talk to management before mentioning it.',
    rationale: 'Klarblick is privately held and does not disclose revenue.',
    examplesMatch: ['Der Jahresumsatz stieg deutlich.', 'Our revenues grew.'],
    examplesNoMatch: ['Preise inkl. Umsatzsteuer'],
  },
  {
    key: 'R-REVENUE-FIGURES',
    name: 'Revenue figures',
    category: 'financials',
    severity: 'block',
    kind: 'figure',
    patterns: ['Umsatz', 'revenue', 'Erlös', 'turnover'],
    window: 40,
    message: 'No revenue figures, in any currency or notation.',
    rationale: 'Figures are the most sensitive part of financial information.',
    examplesMatch: ['Umsatz von 12,3 Mio. € im Jahr 2025'],
    examplesNoMatch: ['Der Umsatz ist gewachsen.'],
  },
  {
    key: 'R-FALKE',
    name: 'Projekt Falke (unreleased product)',
    category: 'products',
    severity: 'block',
    kind: 'phrase',
    patterns: ['Projekt Falke', 'Project Falcon'],
    message: 'Projekt Falke is unannounced. Do not mention it before the launch.',
    rationale: 'The new myopia-control lens line launches in 2027.',
    examplesMatch: ['Mehr zu #ProjektFalke bald!'],
    examplesNoMatch: ['Ein Falke kreist über dem Lager.'],
  },
  {
    key: 'R-STRATEGY',
    name: 'Internal strategy meetings',
    category: 'internal',
    severity: 'block',
    kind: 'phrase',
    patterns: ['internal strategy meeting', 'interne Strategiesitzung', 'Strategieklausur'],
    message: 'What is said in internal strategy meetings stays internal.',
    rationale: 'Decisions are communicated when they are final.',
    examplesMatch: ['In der internen Strategiesitzung wurde beschlossen …'],
    examplesNoMatch: ['Unsere Strategie für nachhaltige Verpackung'],
  },
  {
    key: 'R-CUSTNO',
    name: 'Customer numbers',
    category: 'privacy',
    severity: 'block',
    kind: 'regex',
    patterns: ['KD-[0-9]{6}'],
    message: 'Customer numbers are personal data and never appear in content.',
    rationale: 'GDPR: customer numbers identify people.',
    examplesMatch: ['Kunde KD-123456 meldete …'],
    examplesNoMatch: ['KD-Team'],
  },
  {
    key: 'R-SUPPLIER-PRICES',
    name: 'Supplier prices and conditions',
    category: 'purchasing',
    severity: 'block',
    kind: 'term',
    patterns: ['Einkaufspreis', 'purchase price', 'Lieferantenkondition'],
    message: 'Purchasing conditions are confidential under our supplier contracts.',
    rationale: 'Contractual confidentiality with lens manufacturers.',
    examplesMatch: ['Unsere Einkaufspreise sind gesunken.'],
    examplesNoMatch: ['Unsere Preise für Kundinnen und Kunden'],
  },
  {
    key: 'R-MARGIN',
    name: 'Margins',
    category: 'financials',
    severity: 'warn',
    kind: 'term',
    patterns: ['Marge', 'margin'],
    message: 'Mentioning margins needs management sign-off.',
    rationale: 'Margins hint at purchasing conditions.',
    examplesMatch: ['Die Marge bei Eigenmarken …'],
    examplesNoMatch: ['Am Rand der Linse'],
  },
  {
    key: 'R-SALARY',
    name: 'Salaries',
    category: 'hr',
    severity: 'warn',
    kind: 'term',
    patterns: ['Gehalt', 'salary'],
    message: 'Salary topics need HR sign-off.',
    rationale: 'Pay is discussed with HR before it is published.',
    examplesMatch: ['Das Gehalt im Lager …'],
    examplesNoMatch: ['Die Halterung der Linse'],
  },
];
