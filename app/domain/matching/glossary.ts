/**
 * Glossary concepts: German and English terms, synonyms and abbreviations that mean the same
 * thing. Matching treats every term of a concept as the concept, which connects a German need
 * to an English study and words that share no letters (checkout ↔ Kasse). The built-in concepts
 * below are general (online retail, customers, content, data, and the demo's optics domain); each
 * workspace adds its own in the app.
 */
export type GlossaryEntry = {
  key: string;
  terms: {
    term: string;
    language: 'de' | 'en' | null;
    type?: 'term' | 'synonym' | 'abbreviation';
  }[];
};

/**
 * A concept from its German terms, English terms and terms for both languages (abbreviations,
 * brand names): in each language the first is the main term, the others its synonyms.
 */
export const conceptFromLists = (
  key: string,
  de: readonly string[],
  en: readonly string[],
  both: readonly string[] = [],
): GlossaryEntry => ({
  key,
  terms: [
    ...de.map((term, i) => ({
      term,
      language: 'de' as const,
      type: i ? ('synonym' as const) : ('term' as const),
    })),
    ...en.map((term, i) => ({
      term,
      language: 'en' as const,
      type: i ? ('synonym' as const) : ('term' as const),
    })),
    ...both.map((term) => ({ term, language: null, type: 'abbreviation' as const })),
  ],
});

export const BUILT_IN_GLOSSARY: GlossaryEntry[] = [
  // optics (the demo's domain)
  conceptFromLists(
    'contact-lens',
    ['Kontaktlinse', 'Linse', 'Kontaktlinsen'],
    ['contact lens', 'lens', 'lenses', 'contacts'],
    ['KL'],
  ),
  conceptFromLists(
    'care',
    ['Pflege', 'Reinigung', 'Pflegemittel', 'Hygiene'],
    ['care', 'cleaning', 'hygiene', 'solution'],
  ),
  conceptFromLists(
    'dry-eye',
    ['trockenes Auge', 'trockene Augen', 'Augentrockenheit'],
    ['dry eye', 'dry eyes'],
  ),
  conceptFromLists('eye', ['Auge', 'Augen'], ['eye', 'eyes']),
  // how wearers describe their eyes and days in everyday words
  conceptFromLists(
    'irritation',
    ['Reizung', 'gereizt', 'brennen', 'Brennen', 'jucken', 'Juckreiz', 'Rötung', 'gerötet'],
    ['irritation', 'irritated', 'burning', 'itchy', 'itching', 'redness', 'red eyes', 'sore'],
  ),
  conceptFromLists(
    'allergy',
    ['Allergie', 'allergisch', 'Heuschnupfen', 'Pollen', 'Pollenflug'],
    ['allergy', 'allergies', 'allergic', 'hay fever', 'pollen'],
  ),
  conceptFromLists(
    'headache',
    ['Kopfschmerzen', 'Kopfweh', 'Migräne'],
    ['headache', 'headaches', 'migraine'],
  ),
  conceptFromLists(
    'oxygen',
    ['Sauerstoff', 'Sauerstoffdurchlässigkeit', 'atmen', 'atmungsaktiv'],
    ['oxygen', 'oxygen permeability', 'breathe', 'breathable'],
  ),
  conceptFromLists(
    'wearing-time',
    ['Tragezeit', 'Tragedauer', 'ganztägig', 'den ganzen Tag'],
    ['wearing time', 'wear time', 'all day', 'all-day', 'long wearing days'],
  ),
  conceptFromLists(
    'tap-water',
    ['Leitungswasser', 'Wasserhahn', 'abspülen', 'ausspülen'],
    ['tap water', 'rinse', 'rinsing'],
  ),
  conceptFromLists(
    'blue-light',
    ['Blaulicht', 'blaues Licht', 'Blaufilter', 'Blaulichtfilter'],
    ['blue light', 'blue-light filter', 'blue filter'],
  ),
  conceptFromLists(
    'prescription',
    ['Rezept', 'Verordnung', 'Brillenpass', 'Linsenpass', 'Messwerte'],
    ['prescription', 'eye test', 'prescription values'],
  ),
  conceptFromLists(
    'travel',
    ['Urlaub', 'Reise', 'verreisen', 'Ferien'],
    ['holiday', 'holidays', 'vacation', 'travel', 'trip'],
  ),
  conceptFromLists(
    'customs',
    ['Zoll', 'Zollgebühren', 'Einfuhr', 'Grenze'],
    ['customs', 'customs duty', 'import duty', 'border'],
  ),
  conceptFromLists(
    'carnival',
    ['Fasching', 'Karneval', 'Halloween', 'Kostüm', 'Verkleidung', 'Festival'],
    ['carnival', 'halloween', 'costume', 'fancy dress', 'festival'],
  ),
  conceptFromLists(
    'myopia',
    ['Myopie', 'Kurzsichtigkeit', 'kurzsichtig'],
    ['myopia', 'short-sightedness', 'nearsightedness', 'short-sighted'],
  ),
  conceptFromLists(
    'presbyopia',
    [
      'Presbyopie',
      'Alterssichtigkeit',
      'Altersweitsichtigkeit',
      'Lesebrille',
      'Gleitsicht',
      'Kleingedrucktes',
    ],
    ['presbyopia', 'reading glasses', 'multifocal', 'progressive lenses', 'small print'],
  ),
  conceptFromLists(
    'astigmatism',
    ['Astigmatismus', 'Hornhautverkrümmung', 'torisch'],
    ['astigmatism', 'toric'],
  ),
  conceptFromLists(
    'daily-lens',
    ['Tageslinse', 'Tageslinsen', 'Eintageslinse'],
    ['daily lens', 'daily lenses', 'dailies', 'daily disposable'],
  ),
  conceptFromLists(
    'monthly-lens',
    ['Monatslinse', 'Monatslinsen'],
    ['monthly lens', 'monthly lenses'],
  ),
  conceptFromLists(
    'optician',
    ['Augenoptiker', 'Optiker', 'Optometrist', 'Augenarzt', 'Arzt', 'Ärztin'],
    ['optician', 'optometrist', 'eye doctor', 'ophthalmologist', 'doctor'],
  ),
  conceptFromLists(
    'screen-work',
    ['Bildschirmarbeit', 'Bildschirm', 'Computer', 'Laptop', 'Homeoffice'],
    ['screen time', 'screen', 'computer', 'laptop', 'home office'],
  ),
  conceptFromLists(
    'sleep',
    ['Schlafen', 'einschlafen', 'über Nacht', 'Nachtlinse'],
    ['sleeping', 'sleep', 'asleep', 'overnight', 'night'],
  ),
  conceptFromLists(
    'insertion',
    ['Einsetzen', 'Herausnehmen', 'Anfänger', 'Einsteiger', 'erstes Mal'],
    ['putting in', 'insert', 'insertion', 'removal', 'beginner', 'first time', 'first-time'],
  ),
  conceptFromLists(
    'brand',
    ['Eigenmarke', 'Markenlinse', 'Marke', 'Markenprodukt'],
    ['store brand', 'private label', 'own brand', 'branded', 'brand'],
  ),
  conceptFromLists(
    'infection',
    ['Infektion', 'Entzündung', 'Keratitis'],
    ['infection', 'inflammation', 'keratitis'],
  ),
  conceptFromLists(
    'coloured-lens',
    ['farbige Kontaktlinse', 'farbige Linsen', 'bunte Linsen', 'Farblinse', 'Funlinse'],
    ['coloured lens', 'colored lens', 'coloured lenses', 'coloured contact lenses', 'costume lens'],
  ),
  conceptFromLists(
    'make-up',
    ['Make-up', 'Schminken', 'Kosmetik', 'Wimperntusche'],
    ['make-up', 'makeup', 'cosmetics', 'mascara'],
  ),
  conceptFromLists(
    'sport',
    ['Sport', 'Schwimmen', 'Training'],
    ['sport', 'sports', 'swimming', 'exercise'],
  ),
  conceptFromLists(
    'children',
    ['Kind', 'Kinder', 'Eltern'],
    ['child', 'children', 'kids', 'parents'],
  ),
  conceptFromLists(
    'medical-device',
    ['Medizinprodukt', 'Medizinprodukteverordnung'],
    ['medical device', 'Medical Device Regulation'],
    ['MDR'],
  ),
  conceptFromLists(
    'label',
    ['Etikett', 'Aufdruck', 'Beschriftung'],
    ['label', 'box', 'packaging label'],
  ),
  // orders, shipping, returns
  conceptFromLists(
    'order',
    ['Bestellung', 'bestellen', 'Auftrag', 'Erstbestellung'],
    ['order', 'ordering', 'purchase', 'first order'],
  ),
  conceptFromLists(
    'shipping',
    ['Versand', 'verschicken', 'versenden', 'Lieferung', 'Zustellung', 'Paket'],
    ['shipping', 'dispatch', 'delivery', 'ship', 'parcel'],
  ),
  conceptFromLists(
    'delivery-time',
    ['Lieferzeit', 'Lieferdauer', 'Versanddauer', 'schnell'],
    ['delivery time', 'shipping time', 'same-day', 'fast', 'speed'],
  ),
  conceptFromLists(
    'warehouse',
    ['Lager', 'Lagerhaltung', 'Kommissionierung', 'Logistik'],
    ['warehouse', 'picking', 'packing', 'logistics', 'fulfilment', 'fulfillment'],
  ),
  conceptFromLists(
    'return',
    ['Rücksendung', 'Retoure', 'Umtausch', 'zurückschicken', 'zurücksenden'],
    ['return', 'returns', 'exchange', 'refund', 'send back'],
  ),
  // an order cancelled after it was placed …
  conceptFromLists(
    'cancellation',
    ['Stornierung', 'Storno', 'stornieren', 'zurücktreten'],
    ['cancellation', 'cancel', 'cancelled order'],
  ),
  // … is not a purchase given up before it was placed
  conceptFromLists(
    'abandonment',
    ['Kaufabbruch', 'Warenkorbabbruch', 'Abbruch', 'abbrechen', 'Absprung', 'abspringen'],
    [
      'abandonment',
      'abandon',
      'abandoned cart',
      'drop-off',
      'drop-out',
      'leave before paying',
      'leave without buying',
      'leave without paying',
    ],
  ),
  conceptFromLists(
    'checkout',
    ['Kasse', 'Checkout', 'Bezahlvorgang', 'Warenkorb'],
    ['checkout', 'cart', 'basket', 'payment step'],
  ),
  conceptFromLists(
    'payment',
    ['Zahlung', 'Zahlungsart', 'bezahlen', 'Bezahlung', 'Rechnung'],
    ['payment', 'pay', 'payment method', 'invoice'],
  ),
  conceptFromLists(
    'price',
    ['Preis', 'Kosten', 'Versandkosten', 'günstig', 'billig', 'preiswert', 'teuer'],
    ['price', 'cost', 'costs', 'shipping costs', 'cheap', 'cheaper', 'expensive'],
  ),
  conceptFromLists(
    'discount',
    ['Rabatt', 'Gutschein', 'Aktion', 'Angebot'],
    ['discount', 'voucher', 'coupon', 'promotion', 'offer'],
  ),
  conceptFromLists(
    'subscription',
    ['Abo', 'Abonnement', 'Nachbestellung', 'nachbestellen'],
    ['subscription', 'reorder', 'reordering', 'repeat order'],
  ),
  conceptFromLists(
    'webshop',
    ['Webshop', 'Onlineshop', 'Online-Shop', 'Shop', 'Versandhandel'],
    ['web shop', 'online shop', 'shop', 'store', 'e-commerce', 'online retail'],
  ),
  conceptFromLists(
    'customer',
    ['Kunde', 'Kunden', 'Kundin'],
    ['customer', 'customers', 'shopper', 'buyer', 'client'],
  ),
  conceptFromLists(
    'customer-service',
    ['Kundenservice', 'Kundendienst', 'Support', 'Hotline', 'Anfrage'],
    ['customer service', 'support', 'service team', 'ticket', 'help desk'],
  ),
  conceptFromLists(
    'complaint',
    ['Reklamation', 'Beschwerde', 'Mangel'],
    ['complaint', 'claim', 'defect'],
  ),
  conceptFromLists(
    'mobile',
    ['Handy', 'Smartphone', 'mobil', 'App'],
    ['mobile', 'smartphone', 'phone', 'app'],
  ),
  conceptFromLists(
    'accessibility',
    ['Barrierefreiheit', 'barrierefrei', 'Sehbehinderung', 'sehbehindert', 'große Schrift'],
    [
      'accessibility',
      'accessible',
      'low vision',
      'visually impaired',
      'screen reader',
      'large print',
    ],
  ),
  conceptFromLists(
    'login',
    ['Anmeldung', 'Login', 'einloggen', 'Kundenkonto', 'Passwort', 'Zugang'],
    ['login', 'sign-in', 'log in', 'account', 'password', 'passkey', 'passwordless'],
  ),
  conceptFromLists('security', ['Sicherheit', 'sicher', 'Betrug'], ['security', 'secure', 'fraud']),
  // privacy, law
  conceptFromLists(
    'privacy',
    ['Datenschutz', 'personenbezogene Daten', 'Privatsphäre'],
    ['privacy', 'data protection', 'personal data'],
    ['DSGVO', 'GDPR'],
  ),
  conceptFromLists(
    'consent',
    ['Einwilligung', 'Zustimmung', 'Cookie-Banner', 'Cookies'],
    ['consent', 'cookie banner', 'cookies', 'opt-in'],
  ),
  conceptFromLists(
    'tracking',
    ['Tracking', 'Nachverfolgung', 'Analyse-Tools'],
    ['tracking', 'analytics', 'tracker'],
  ),
  conceptFromLists(
    'law',
    ['Recht', 'rechtssicher', 'Gesetz', 'Vorschrift', 'Regulierung'],
    ['law', 'legal', 'compliance', 'regulation', 'compliant'],
  ),
  // marketing, communication
  conceptFromLists(
    'newsletter',
    ['Newsletter', 'E-Mail', 'Mailing', 'Abmeldung', 'abmelden'],
    ['newsletter', 'email', 'e-mail', 'mailing', 'unsubscribe'],
  ),
  conceptFromLists(
    'frequency',
    ['Häufigkeit', 'Frequenz', 'wie oft', 'Rhythmus'],
    ['frequency', 'how often', 'cadence'],
  ),
  conceptFromLists(
    'social-media',
    ['Social Media', 'Instagram', 'TikTok', 'Community', 'Follower'],
    ['social media', 'instagram', 'tiktok', 'community', 'followers'],
  ),
  conceptFromLists(
    'review',
    ['Bewertung', 'Rezension', 'Erfahrung'],
    ['review', 'rating', 'testimonial'],
  ),
  conceptFromLists(
    'conversion',
    ['Conversion', 'Kaufabschluss', 'Umwandlung'],
    ['conversion', 'conversion rate', 'sales'],
  ),
  // knowledge kinds, data
  conceptFromLists(
    'study',
    ['Studie', 'Untersuchung', 'Befragung', 'Umfrage', 'Erhebung'],
    ['study', 'survey', 'research', 'trial'],
  ),
  conceptFromLists(
    'data',
    ['Daten', 'Kennzahlen', 'Zahlen', 'Statistik', 'Auswertung'],
    ['data', 'figures', 'numbers', 'statistics', 'metrics'],
  ),
  conceptFromLists(
    'habit',
    ['Gewohnheit', 'Gewohnheiten', 'Verhalten'],
    ['habit', 'habits', 'behaviour', 'behavior'],
  ),
  conceptFromLists(
    'sustainability',
    ['Nachhaltigkeit', 'nachhaltig', 'Verpackungsmüll', 'Müll', 'Recycling', 'Plastik'],
    ['sustainability', 'sustainable', 'packaging waste', 'waste', 'recycling', 'plastic'],
  ),
  conceptFromLists(
    'packaging',
    ['Verpackung', 'Packung', 'Karton', 'Blister'],
    ['packaging', 'box', 'carton', 'blister'],
  ),
  conceptFromLists(
    'reason',
    ['Grund', 'Gründe', 'Ursache', 'warum'],
    ['reason', 'reasons', 'cause', 'why'],
  ),
  conceptFromLists(
    'international',
    ['Ausland', 'Österreich', 'Schweiz', 'Niederlande', 'Zoll'],
    ['international', 'abroad', 'cross-border', 'customs'],
  ),
];

export const MAX_TERM_LENGTH = 80;
export const MAX_TERMS_PER_LIST = 40;

/**
 * Terms typed one per line (commas and semicolons also separate): trimmed, inner spaces
 * collapsed, without duplicates (ignoring case) in the order given.
 */
export function parseTermLines(text: string): string[] {
  const seen = new Set<string>();
  const terms: string[] = [];
  for (const raw of text.split(/[\n,;]/)) {
    const term = raw.normalize('NFC').trim().replace(/\s+/g, ' ');
    const folded = term.toLocaleLowerCase('de');
    if (!term || seen.has(folded)) continue;
    seen.add(folded);
    terms.push(term);
  }
  return terms;
}

/** The term lists of a concept, each term once (ignoring case), German first. */
export function conceptLists(entry: Pick<GlossaryEntry, 'terms'>) {
  const pick = (language: 'de' | 'en' | null) =>
    entry.terms
      .filter((t) => t.language === language)
      .sort((a, b) => (a.type === 'term' ? 0 : 1) - (b.type === 'term' ? 0 : 1))
      .map((t) => t.term);
  return { de: pick('de'), en: pick('en'), both: pick(null) };
}

/** A readable, stable key for a concept from its main term ("Kontaktlinsenpflege" → "kontaktlinsenpflege"). */
export function conceptKey(term: string): string {
  const key = term
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return key || 'concept';
}
