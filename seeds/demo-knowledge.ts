import type {
  ContentLanguage,
  KnowledgeKind,
  KnowledgeStatus,
} from '~/domain/knowledge/vocabulary';

export type DemoKnowledge = {
  key: string;
  owner: string;
  kind: KnowledgeKind;
  language: ContentLanguage;
  status: KnowledgeStatus;
  title: string;
  summary: string;
  tags: string[];
  /** the editor's comment for items sent back or declined */
  comment?: string;
};

/** Forty topics of Klarblick's experts, German and English, in every review state. */
export const DEMO_KNOWLEDGE: DemoKnowledge[] = [
  {
    key: 'k01',
    owner: 'expert',
    kind: 'expertise',
    language: 'de',
    status: 'accepted',
    title: 'Kontaktlinsenpflege im Alltag: die fünf häufigsten Fehler',
    summary:
      'Leitungswasser, abgelaufene Pflegemittel, zu lange Tragezeiten: welche Fehler in der Anpassberatung am häufigsten auffallen und wie man sie vermeidet.',
    tags: ['Pflege', 'Hygiene', 'Kontaktlinsen'],
  },
  {
    key: 'k02',
    owner: 'expert',
    kind: 'study',
    language: 'de',
    status: 'accepted',
    title: 'Trockene Augen bei Bildschirmarbeit – Auswertung von 1.200 Beratungsgesprächen',
    summary:
      'Wie häufig Kundinnen und Kunden über trockene Augen klagen, welche Linsentypen und Benetzungstropfen in der Beratung geholfen haben.',
    tags: ['Trockenes Auge', 'Bildschirmarbeit', 'Studie'],
  },
  {
    key: 'k03',
    owner: 'expert',
    kind: 'expertise',
    language: 'de',
    status: 'submitted',
    title: 'Myopie-Management bei Kindern: was Eltern wissen sollten',
    summary:
      'Spezielle Kontaktlinsen können das Fortschreiten der Kurzsichtigkeit bei Kindern bremsen. Ein Überblick über Möglichkeiten und Grenzen.',
    tags: ['Myopie', 'Kinder', 'Kurzsichtigkeit'],
  },
  {
    key: 'k04',
    owner: 'expert',
    kind: 'case',
    language: 'de',
    status: 'changes_requested',
    title: 'Fallbeispiel: Umstieg von Monatslinsen auf Tageslinsen bei Allergie',
    summary:
      'Eine Kundin mit Heuschnupfen wechselt auf Tageslinsen; Verlauf über eine Pollensaison.',
    tags: ['Allergie', 'Tageslinsen', 'Fallbeispiel'],
    comment:
      'Bitte den Verlauf anonymisieren (kein Wohnort) und die Empfehlung für Eltern ergänzen.',
  },
  {
    key: 'k05',
    owner: 'expert',
    kind: 'expertise',
    language: 'en',
    status: 'draft',
    title: 'Blue light and contact lenses: what the evidence says',
    summary:
      'Notes for an explainer on blue-light filtering lenses and what studies actually show.',
    tags: ['blue light', 'screens', 'evidence'],
  },
  {
    key: 'k06',
    owner: 'tobias',
    kind: 'expertise',
    language: 'de',
    status: 'accepted',
    title: 'Gleitsicht-Kontaktlinsen: für wen sie sich eignen',
    summary:
      'Ab etwa 45 lässt die Nahsicht nach. Wann multifokale Kontaktlinsen eine Alternative zur Lesebrille sind und wie die Eingewöhnung gelingt.',
    tags: ['Presbyopie', 'Multifokal', 'Alterssichtigkeit'],
  },
  {
    key: 'k07',
    owner: 'tobias',
    kind: 'expertise',
    language: 'de',
    status: 'accepted',
    title: 'Kontaktlinsen beim Sport: Fußball, Schwimmen, Skifahren',
    summary:
      'Welche Linsen sich für welche Sportart eignen, warum beim Schwimmen eine Schwimmbrille Pflicht ist und was bei Kälte zu beachten ist.',
    tags: ['Sport', 'Schwimmen', 'Tageslinsen'],
  },
  {
    key: 'k08',
    owner: 'tobias',
    kind: 'case',
    language: 'de',
    status: 'accepted',
    title: 'Fallbeispiel: Handballerin mit Hornhautverkrümmung',
    summary:
      'Torische Tageslinsen für eine Leistungssportlerin mit Astigmatismus – Anpassung, Stabilität im Spiel, Ergebnis nach drei Monaten.',
    tags: ['Astigmatismus', 'torisch', 'Sport'],
  },
  {
    key: 'k09',
    owner: 'sophie',
    kind: 'analysis',
    language: 'en',
    status: 'accepted',
    title: 'The ten questions customers ask most about their first order',
    summary:
      'An analysis of 18,000 service tickets: prescription values, delivery times and how to read the lens box label top the list.',
    tags: ['customer service', 'first order', 'FAQ'],
  },
  {
    key: 'k10',
    owner: 'sophie',
    kind: 'expertise',
    language: 'en',
    status: 'accepted',
    title: 'How our lens subscription works – and how to pause it',
    summary:
      'Delivery intervals, changing the prescription mid-subscription, pausing during holidays and cancelling without hassle.',
    tags: ['subscription', 'reorder', 'service'],
  },
  {
    key: 'k11',
    owner: 'sophie',
    kind: 'case',
    language: 'en',
    status: 'submitted',
    title: 'Case: a customer who ordered the wrong base curve',
    summary:
      'How the service team spotted a mismatch between prescription and order, and what we changed in the checkout afterwards.',
    tags: ['base curve', 'prescription', 'checkout'],
  },
  {
    key: 'k12',
    owner: 'mehmet',
    kind: 'case',
    language: 'de',
    status: 'accepted',
    title: 'Versand am selben Tag: wie das Lager in Lüneburg umgebaut wurde',
    summary:
      'Bestellungen bis 16 Uhr verlassen das Lager am selben Tag. Was wir an Kommissionierung, Verpackung und Abholzeiten geändert haben.',
    tags: ['Versand', 'Lager', 'Lieferzeit'],
  },
  {
    key: 'k13',
    owner: 'mehmet',
    kind: 'data',
    language: 'de',
    status: 'accepted',
    title: 'Verpackungsmüll pro Sendung seit 2023 halbiert',
    summary:
      'Messwerte zu Kartongrößen, Füllmaterial und Recyclinganteil; was Kundinnen und Kunden selbst tun können.',
    tags: ['Nachhaltigkeit', 'Verpackung', 'Recycling'],
  },
  {
    key: 'k14',
    owner: 'mehmet',
    kind: 'expertise',
    language: 'en',
    status: 'accepted',
    title: 'Shipping contact lenses across borders: Austria, Switzerland, Netherlands',
    summary:
      'Customs for Switzerland, delivery times per country and why temperature matters less than people think.',
    tags: ['shipping', 'international', 'customs'],
  },
  {
    key: 'k15',
    owner: 'anna',
    kind: 'expertise',
    language: 'de',
    status: 'accepted',
    title: 'Pflegemittel im Vergleich: Peroxid- oder All-in-One-Lösung?',
    summary:
      'Wirkprinzip, Anwendung und typische Fehler der beiden Systeme – und für welche Linsenträger sich welches eignet.',
    tags: ['Pflegemittel', 'Peroxid', 'Hygiene'],
  },
  {
    key: 'k16',
    owner: 'anna',
    kind: 'analysis',
    language: 'de',
    status: 'accepted',
    title: 'Reklamationsanalyse 2025: woran Linsen wirklich scheitern',
    summary:
      'Auswertung der Reklamationen nach Ursache: beschädigte Blister, falsche Stärke, Unverträglichkeit. Was sich daraus für die Beratung ergibt.',
    tags: ['Reklamation', 'Qualität', 'Analyse'],
  },
  {
    key: 'k17',
    owner: 'anna',
    kind: 'expertise',
    language: 'en',
    status: 'accepted',
    title: 'Why contact lenses are medical devices',
    summary:
      'What the EU Medical Device Regulation requires of lenses and care products, and what that means for buying lenses online.',
    tags: ['medical device', 'regulation', 'safety'],
  },
  {
    key: 'k18',
    owner: 'lukas',
    kind: 'study',
    language: 'en',
    status: 'accepted',
    title: 'Customer survey 2026: wearing habits of 4,800 lens wearers',
    summary:
      'Daily wearing time, sleeping in lenses, replacement discipline and the gap between recommended and real habits, by age group.',
    tags: ['survey', 'wearing habits', 'study'],
  },
  {
    key: 'k19',
    owner: 'lukas',
    kind: 'analysis',
    language: 'en',
    status: 'accepted',
    title: 'When do customers reorder? Replacement cycles in the data',
    summary:
      'Monthly lenses are often worn for six weeks or longer. What reorder intervals reveal about over-wearing.',
    tags: ['reorder', 'replacement', 'monthly lenses'],
  },
  {
    key: 'k20',
    owner: 'lukas',
    kind: 'data',
    language: 'de',
    status: 'submitted',
    title: 'Regionale Unterschiede bei Tageslinsen in DACH',
    summary:
      'Anteil der Tageslinsen und Umsatz nach Bundesland, Kanton und Land; erste Hypothesen zu den Ursachen.',
    tags: ['Tageslinsen', 'Regionen', 'Daten'],
  },
  {
    key: 'k21',
    owner: 'claire',
    kind: 'expertise',
    language: 'en',
    status: 'accepted',
    title: 'Silicone hydrogel explained: why oxygen matters for your cornea',
    summary:
      'How oxygen permeability differs between lens materials and why it matters for long wearing days.',
    tags: ['silicone hydrogel', 'oxygen', 'materials'],
  },
  {
    key: 'k22',
    owner: 'claire',
    kind: 'study',
    language: 'en',
    status: 'accepted',
    title: 'Comfort study: daily lenses after eight hours of screen time',
    summary:
      'A two-week wearer trial with 160 participants comparing end-of-day comfort of three daily lens materials.',
    tags: ['comfort', 'daily lenses', 'screen time'],
  },
  {
    key: 'k23',
    owner: 'claire',
    kind: 'analysis',
    language: 'de',
    status: 'accepted',
    title: 'Eigenmarke oder Markenlinse? Ein ehrlicher Materialvergleich',
    summary:
      'Material, Wassergehalt und Sauerstoffdurchlässigkeit von Eigenmarken und Markenlinsen im direkten Vergleich.',
    tags: ['Eigenmarke', 'Material', 'Vergleich'],
  },
  {
    key: 'k24',
    owner: 'jan',
    kind: 'case',
    language: 'en',
    status: 'accepted',
    title: 'Uploading a prescription: redesigning the step that lost most customers',
    summary:
      'Photo upload, optician lookup and plain-language hints halved drop-outs at the prescription step.',
    tags: ['prescription upload', 'checkout', 'UX'],
  },
  {
    key: 'k25',
    owner: 'jan',
    kind: 'expertise',
    language: 'en',
    status: 'accepted',
    title: 'An accessible web shop for people with low vision',
    summary:
      'Contrast, zoom, screen readers: what we changed so that customers with low vision can order on their own.',
    tags: ['accessibility', 'low vision', 'web shop'],
  },
  {
    key: 'k26',
    owner: 'jan',
    kind: 'data',
    language: 'de',
    status: 'declined',
    title: 'Conversion-Raten nach Zahlungsart',
    summary: 'Interne Kennzahlen zu Abbrüchen je Zahlungsart.',
    tags: ['Checkout', 'Zahlung'],
    comment: 'Interne Kennzahlen eignen sich nicht für die Veröffentlichung.',
  },
  {
    key: 'k27',
    owner: 'katrin',
    kind: 'analysis',
    language: 'de',
    status: 'accepted',
    title: 'Was unsere Community auf Instagram wirklich fragt',
    summary:
      'Auswertung von 2.500 Kommentaren und Direktnachrichten: Einsetzen, Herausnehmen, Schminken mit Linsen und farbige Linsen.',
    tags: ['Social Media', 'Community', 'Instagram'],
  },
  {
    key: 'k28',
    owner: 'katrin',
    kind: 'expertise',
    language: 'de',
    status: 'accepted',
    title: 'Linsen einsetzen lernen: die besten Tipps aus 300 Erklärvideos',
    summary:
      'Welche Schritte Einsteigern am meisten helfen und welche Formate in der Community am besten ankommen.',
    tags: ['Einsetzen', 'Anfänger', 'Video'],
  },
  {
    key: 'k29',
    owner: 'katrin',
    kind: 'case',
    language: 'en',
    status: 'accepted',
    title: 'Case: the make-up and lenses live session that went viral',
    summary:
      'A live session with a make-up artist on wearing lenses with eye make-up: format, questions and what we learned.',
    tags: ['make-up', 'social media', 'live'],
  },
  {
    key: 'k30',
    owner: 'felix',
    kind: 'expertise',
    language: 'de',
    status: 'accepted',
    title: 'Kontaktlinsen online kaufen: was in Österreich und der Schweiz anders ist',
    summary:
      'Rechtliche Unterschiede beim Versandhandel mit Medizinprodukten in AT und CH und was das für Kundinnen und Kunden bedeutet.',
    tags: ['Österreich', 'Schweiz', 'Recht'],
  },
  {
    key: 'k31',
    owner: 'felix',
    kind: 'expertise',
    language: 'en',
    status: 'accepted',
    title: 'Reading the lens box: every symbol and abbreviation explained',
    summary:
      'BC, DIA, PWR, CYL, AX, ADD and the CE mark: what the label on the box means and how to compare it with your prescription.',
    tags: ['label', 'abbreviations', 'prescription'],
  },
  {
    key: 'k32',
    owner: 'felix',
    kind: 'analysis',
    language: 'de',
    status: 'accepted',
    title: 'MDR-Übergangsfristen: was sich 2027 für Pflegemittel ändert',
    summary:
      'Welche Pflegeprodukte neu zertifiziert werden müssen und wie wir Lieferengpässe vermeiden.',
    tags: ['MDR', 'Pflegemittel', 'Regulierung'],
  },
  {
    key: 'k33',
    owner: 'ines',
    kind: 'study',
    language: 'en',
    status: 'accepted',
    title: 'Myopia control lenses: two-year follow-up of 90 children',
    summary:
      'Progression of short-sightedness with myopia control lenses compared with single-vision lenses, measured every six months.',
    tags: ['myopia', 'children', 'clinical study'],
  },
  {
    key: 'k34',
    owner: 'ines',
    kind: 'expertise',
    language: 'en',
    status: 'accepted',
    title: 'Orthokeratology: lenses you wear only at night',
    summary:
      'How overnight lenses reshape the cornea, who is a candidate, and the hygiene rules that matter most.',
    tags: ['orthokeratology', 'night lenses', 'myopia'],
  },
  {
    key: 'k35',
    owner: 'ines',
    kind: 'analysis',
    language: 'de',
    status: 'accepted',
    title: 'Augeninfektionen durch Kontaktlinsen: Risiken richtig einordnen',
    summary:
      'Wie selten schwere Infektionen sind, welche Gewohnheiten das Risiko erhöhen und wann man sofort zum Augenarzt sollte.',
    tags: ['Infektion', 'Hygiene', 'Risiko'],
  },
  {
    key: 'k36',
    owner: 'expert',
    kind: 'expertise',
    language: 'de',
    status: 'accepted',
    title: 'Wie oft zur Kontrolle? Empfehlungen für Linsenträger',
    summary:
      'Warum regelmäßige Kontrollen beim Augenoptiker oder Augenarzt wichtig sind und in welchen Abständen.',
    tags: ['Kontrolle', 'Augenoptiker', 'Vorsorge'],
  },
  {
    key: 'k37',
    owner: 'tobias',
    kind: 'expertise',
    language: 'en',
    status: 'accepted',
    title: 'Coloured contact lenses: safe fun or risky fashion?',
    summary:
      'Why coloured lenses need a fitting too, where costume lenses from unregulated shops go wrong, and how to wear them safely.',
    tags: ['coloured lenses', 'fashion', 'safety'],
  },
  {
    key: 'k38',
    owner: 'nadia',
    kind: 'expertise',
    language: 'de',
    status: 'archived',
    title: 'Gewinnspiele auf Instagram rechtssicher gestalten (Stand 2023)',
    summary:
      'Teilnahmebedingungen, Datenschutzhinweise und Plattformregeln für Gewinnspiele – überholt durch neue Plattformrichtlinien.',
    tags: ['Recht', 'Gewinnspiel', 'Social Media'],
  },
  {
    key: 'k39',
    owner: 'lukas',
    kind: 'study',
    language: 'de',
    status: 'accepted',
    title: 'Schlafen mit Kontaktlinsen: was Kundinnen und Kunden wirklich tun',
    summary:
      'Ein Drittel schläft mindestens einmal im Monat mit Linsen ein. Auswertung nach Linsentyp und Alter aus der Kundenbefragung.',
    tags: ['Schlafen', 'Tragegewohnheiten', 'Befragung'],
  },
  {
    key: 'k40',
    owner: 'sophie',
    kind: 'expertise',
    language: 'de',
    status: 'accepted',
    title: 'Rücksendung und Umtausch von Kontaktlinsen: so einfach geht es',
    summary:
      'Ungeöffnete Packungen, falsche Stärke, Unverträglichkeit: welche Rückgaben möglich sind und wie sie ablaufen.',
    tags: ['Rücksendung', 'Umtausch', 'Service'],
  },
];
