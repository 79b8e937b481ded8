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

const c = (key: string, de: string[], en: string[], both: string[] = []): GlossaryEntry => ({
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
  c(
    'contact-lens',
    ['Kontaktlinse', 'Linse', 'Kontaktlinsen'],
    ['contact lens', 'lens', 'lenses', 'contacts'],
    ['KL'],
  ),
  c(
    'care',
    ['Pflege', 'Reinigung', 'Pflegemittel', 'Hygiene'],
    ['care', 'cleaning', 'hygiene', 'solution'],
  ),
  c('dry-eye', ['trockenes Auge', 'trockene Augen', 'Augentrockenheit'], ['dry eye', 'dry eyes']),
  c('eye', ['Auge', 'Augen'], ['eye', 'eyes']),
  c(
    'myopia',
    ['Myopie', 'Kurzsichtigkeit', 'kurzsichtig'],
    ['myopia', 'short-sightedness', 'nearsightedness', 'short-sighted'],
  ),
  c(
    'presbyopia',
    ['Presbyopie', 'Alterssichtigkeit', 'Lesebrille', 'Gleitsicht'],
    ['presbyopia', 'reading glasses', 'multifocal', 'progressive'],
  ),
  c('astigmatism', ['Astigmatismus', 'Hornhautverkrümmung', 'torisch'], ['astigmatism', 'toric']),
  c(
    'daily-lens',
    ['Tageslinse', 'Tageslinsen', 'Eintageslinse'],
    ['daily lens', 'daily lenses', 'dailies', 'daily disposable'],
  ),
  c('monthly-lens', ['Monatslinse', 'Monatslinsen'], ['monthly lens', 'monthly lenses']),
  c(
    'optician',
    ['Augenoptiker', 'Optiker', 'Optometrist', 'Augenarzt'],
    ['optician', 'optometrist', 'eye doctor', 'ophthalmologist'],
  ),
  c(
    'screen-work',
    ['Bildschirmarbeit', 'Bildschirm', 'Computer', 'Homeoffice'],
    ['screen time', 'screen', 'computer', 'home office'],
  ),
  c(
    'sleep',
    ['Schlafen', 'einschlafen', 'über Nacht', 'Nachtlinse'],
    ['sleeping', 'sleep', 'asleep', 'overnight', 'night'],
  ),
  c(
    'insertion',
    ['Einsetzen', 'Herausnehmen', 'Anfänger', 'Einsteiger', 'erstes Mal'],
    ['putting in', 'insert', 'insertion', 'removal', 'beginner', 'first time', 'first-time'],
  ),
  c(
    'brand',
    ['Eigenmarke', 'Markenlinse', 'Marke', 'Markenprodukt'],
    ['store brand', 'private label', 'own brand', 'branded', 'brand'],
  ),
  c(
    'infection',
    ['Infektion', 'Entzündung', 'Keratitis'],
    ['infection', 'inflammation', 'keratitis'],
  ),
  c(
    'coloured-lens',
    ['farbige Kontaktlinse', 'farbige Linsen', 'Funlinse'],
    ['coloured lens', 'colored lens', 'coloured lenses', 'costume lens'],
  ),
  c(
    'make-up',
    ['Make-up', 'Schminken', 'Kosmetik', 'Wimperntusche'],
    ['make-up', 'makeup', 'cosmetics', 'mascara'],
  ),
  c('sport', ['Sport', 'Schwimmen', 'Training'], ['sport', 'sports', 'swimming', 'exercise']),
  c('children', ['Kind', 'Kinder', 'Eltern'], ['child', 'children', 'kids', 'parents']),
  c(
    'medical-device',
    ['Medizinprodukt', 'Medizinprodukteverordnung'],
    ['medical device', 'Medical Device Regulation'],
    ['MDR'],
  ),
  c(
    'label',
    ['Etikett', 'Aufdruck', 'Packung', 'Beschriftung'],
    ['label', 'box', 'packaging label'],
  ),
  // orders, shipping, returns
  c(
    'order',
    ['Bestellung', 'bestellen', 'Auftrag', 'Erstbestellung'],
    ['order', 'ordering', 'purchase', 'first order'],
  ),
  c(
    'shipping',
    ['Versand', 'verschicken', 'versenden', 'Lieferung', 'Zustellung', 'Paket'],
    ['shipping', 'dispatch', 'delivery', 'ship', 'parcel'],
  ),
  c(
    'delivery-time',
    ['Lieferzeit', 'Lieferdauer', 'Versanddauer', 'schnell'],
    ['delivery time', 'shipping time', 'same-day', 'fast', 'speed'],
  ),
  c(
    'warehouse',
    ['Lager', 'Lagerhaltung', 'Kommissionierung', 'Logistik'],
    ['warehouse', 'picking', 'packing', 'logistics', 'fulfilment', 'fulfillment'],
  ),
  c(
    'return',
    ['Rücksendung', 'Retoure', 'Umtausch', 'zurückschicken'],
    ['return', 'returns', 'exchange', 'refund'],
  ),
  c(
    'cancellation',
    ['Stornierung', 'Storno', 'stornieren', 'Abbruch', 'abbrechen'],
    ['cancellation', 'cancel', 'abandonment', 'abandon', 'drop-off', 'drop-out'],
  ),
  c(
    'checkout',
    ['Kasse', 'Checkout', 'Bezahlvorgang', 'Warenkorb'],
    ['checkout', 'cart', 'basket', 'paying', 'payment step'],
  ),
  c(
    'payment',
    ['Zahlung', 'Zahlungsart', 'bezahlen', 'Bezahlung', 'Rechnung'],
    ['payment', 'pay', 'payment method', 'invoice'],
  ),
  c(
    'price',
    ['Preis', 'Kosten', 'Versandkosten', 'günstig'],
    ['price', 'cost', 'costs', 'shipping costs', 'cheap'],
  ),
  c(
    'discount',
    ['Rabatt', 'Gutschein', 'Aktion', 'Angebot'],
    ['discount', 'voucher', 'coupon', 'promotion', 'offer'],
  ),
  c(
    'subscription',
    ['Abo', 'Abonnement', 'Nachbestellung', 'nachbestellen'],
    ['subscription', 'reorder', 'reordering', 'repeat order'],
  ),
  c(
    'webshop',
    ['Webshop', 'Onlineshop', 'Online-Shop', 'Shop', 'Versandhandel'],
    ['web shop', 'online shop', 'shop', 'store', 'e-commerce', 'online retail'],
  ),
  c(
    'customer',
    ['Kunde', 'Kunden', 'Kundin', 'Käufer'],
    ['customer', 'customers', 'shopper', 'buyer', 'client'],
  ),
  c(
    'customer-service',
    ['Kundenservice', 'Kundendienst', 'Support', 'Hotline', 'Anfrage'],
    ['customer service', 'support', 'service team', 'ticket', 'help desk'],
  ),
  c('complaint', ['Reklamation', 'Beschwerde', 'Mangel'], ['complaint', 'claim', 'defect']),
  c('mobile', ['Handy', 'Smartphone', 'mobil', 'App'], ['mobile', 'smartphone', 'phone', 'app']),
  c(
    'accessibility',
    ['Barrierefreiheit', 'barrierefrei', 'Sehbehinderung'],
    ['accessibility', 'accessible', 'low vision', 'screen reader'],
  ),
  c(
    'login',
    ['Anmeldung', 'Login', 'einloggen', 'Kundenkonto', 'Passwort', 'Zugang'],
    ['login', 'sign-in', 'log in', 'account', 'password', 'passkey', 'passwordless'],
  ),
  c('security', ['Sicherheit', 'sicher', 'Betrug'], ['security', 'secure', 'fraud']),
  // privacy, law
  c(
    'privacy',
    ['Datenschutz', 'personenbezogene Daten', 'Privatsphäre'],
    ['privacy', 'data protection', 'personal data'],
    ['DSGVO', 'GDPR'],
  ),
  c(
    'consent',
    ['Einwilligung', 'Zustimmung', 'Cookie-Banner', 'Cookies'],
    ['consent', 'cookie banner', 'cookies', 'opt-in'],
  ),
  c(
    'tracking',
    ['Tracking', 'Nachverfolgung', 'Analyse-Tools'],
    ['tracking', 'analytics', 'tracker'],
  ),
  c(
    'law',
    ['Recht', 'rechtssicher', 'Gesetz', 'Vorschrift', 'Regulierung'],
    ['law', 'legal', 'compliance', 'regulation', 'compliant'],
  ),
  // marketing, communication
  c(
    'newsletter',
    ['Newsletter', 'E-Mail', 'Mailing', 'Abmeldung', 'abmelden'],
    ['newsletter', 'email', 'e-mail', 'mailing', 'unsubscribe'],
  ),
  c(
    'frequency',
    ['Häufigkeit', 'Frequenz', 'wie oft', 'Rhythmus'],
    ['frequency', 'how often', 'cadence'],
  ),
  c(
    'social-media',
    ['Social Media', 'Instagram', 'TikTok', 'Community', 'Follower'],
    ['social media', 'instagram', 'tiktok', 'community', 'followers'],
  ),
  c('review', ['Bewertung', 'Rezension', 'Erfahrung'], ['review', 'rating', 'testimonial']),
  c(
    'conversion',
    ['Conversion', 'Kaufabschluss', 'Umwandlung'],
    ['conversion', 'conversion rate', 'sales'],
  ),
  // knowledge kinds, data
  c(
    'study',
    ['Studie', 'Untersuchung', 'Befragung', 'Umfrage', 'Erhebung'],
    ['study', 'survey', 'research', 'trial'],
  ),
  c(
    'data',
    ['Daten', 'Kennzahlen', 'Zahlen', 'Statistik', 'Auswertung'],
    ['data', 'figures', 'numbers', 'statistics', 'metrics'],
  ),
  c(
    'habit',
    ['Gewohnheit', 'Gewohnheiten', 'Verhalten', 'tatsächlich'],
    ['habit', 'habits', 'behaviour', 'behavior', 'real-world'],
  ),
  c(
    'sustainability',
    ['Nachhaltigkeit', 'nachhaltig', 'Verpackungsmüll', 'Müll', 'Recycling', 'Plastik'],
    ['sustainability', 'sustainable', 'packaging waste', 'waste', 'recycling', 'plastic'],
  ),
  c('packaging', ['Verpackung', 'Karton', 'Blister'], ['packaging', 'box', 'carton', 'blister']),
  c('reason', ['Grund', 'Gründe', 'Ursache', 'warum'], ['reason', 'reasons', 'cause', 'why']),
  c(
    'international',
    ['Ausland', 'Österreich', 'Schweiz', 'Niederlande', 'Zoll'],
    ['international', 'abroad', 'cross-border', 'customs'],
  ),
];
