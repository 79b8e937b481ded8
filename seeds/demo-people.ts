import type { Role } from '~/domain/permissions';

/**
 * The people of the demo workspace: Klarblick Linsenversand, a fictional European contact-lens
 * mail-order company based in Hamburg, shipping to Germany, Austria, Switzerland and the
 * Netherlands. Every demo account has the password DEMO_PASSWORD.
 */
export const DEMO_PASSWORD = 'lotse-demo';

export type DemoPerson = {
  key: string;
  email: string;
  name: string;
  roles: Role[];
  expert?: { department: string; areas: string[]; bio: string; availability: string };
};

export const DEMO_PEOPLE: DemoPerson[] = [
  { key: 'admin', email: 'admin@demo.lotse', name: 'Ada Brandt', roles: ['admin'] },
  { key: 'editor', email: 'editor@demo.lotse', name: 'Elena Richter', roles: ['editor'] },
  { key: 'editor2', email: 'jonas.weber@demo.lotse', name: 'Jonas Weber', roles: ['editor'] },
  {
    key: 'management',
    email: 'management@demo.lotse',
    name: 'Dr. Marion Keller',
    roles: ['management'],
  },
  {
    key: 'expert',
    email: 'expert@demo.lotse',
    name: 'Dr. Lena Hoffmann',
    roles: ['expert'],
    expert: {
      department: 'Optometrie',
      areas: ['Kontaktlinsenanpassung', 'Trockenes Auge', 'Myopie-Management'],
      bio: 'Optometristin (M.Sc.), zwölf Jahre Anpasspraxis, leitet bei Klarblick das Fachteam Optometrie.',
      availability: 'Dienstags und donnerstags für Interviews und Podcasts.',
    },
  },
  {
    key: 'tobias',
    email: 'tobias.krueger@demo.lotse',
    name: 'Tobias Krüger',
    roles: ['expert'],
    expert: {
      department: 'Optometrie',
      areas: ['Multifokale Linsen', 'Presbyopie', 'Sport und Kontaktlinsen'],
      bio: 'Augenoptikermeister, betreut die Fachberatung für Gleitsicht-Kontaktlinsen.',
      availability: 'Nach Absprache, bevorzugt vormittags.',
    },
  },
  {
    key: 'sophie',
    email: 'sophie.dekker@demo.lotse',
    name: 'Sophie Dekker',
    roles: ['expert'],
    expert: {
      department: 'Customer Service',
      areas: ['customer questions', 'returns', 'subscription service'],
      bio: 'Leads the Dutch and English customer service team in Hamburg.',
      availability: 'Mondays and Fridays.',
    },
  },
  {
    key: 'mehmet',
    email: 'mehmet.yilmaz@demo.lotse',
    name: 'Mehmet Yılmaz',
    roles: ['expert'],
    expert: {
      department: 'Logistik',
      areas: ['Versand', 'Lagerhaltung', 'Nachhaltige Verpackung'],
      bio: 'Leitet das Lager in Lüneburg und die Versandpartner-Steuerung.',
      availability: 'Nicht in der Hochsaison im Dezember.',
    },
  },
  {
    key: 'anna',
    email: 'anna.schmid@demo.lotse',
    name: 'Anna Schmid',
    roles: ['expert'],
    expert: {
      department: 'Qualitätssicherung',
      areas: ['Medizinprodukterecht', 'Reklamationen', 'Pflegemittel'],
      bio: 'Qualitätsmanagerin und Sicherheitsbeauftragte für Medizinprodukte.',
      availability: 'Mittwochs.',
    },
  },
  {
    key: 'lukas',
    email: 'lukas.berger@demo.lotse',
    name: 'Lukas Berger',
    roles: ['expert'],
    expert: {
      department: 'Data & Analytics',
      areas: ['customer surveys', 'wearing habits', 'reorder behaviour'],
      bio: 'Data analyst; runs the yearly customer survey and the reorder analyses.',
      availability: 'Flexible, remote.',
    },
  },
  {
    key: 'claire',
    email: 'claire.martin@demo.lotse',
    name: 'Claire Martin',
    roles: ['expert'],
    expert: {
      department: 'Product Management',
      areas: ['daily lenses', 'silicone hydrogel', 'lens materials'],
      bio: 'Product manager for the private-label lens range; former contact-lens researcher.',
      availability: 'Thursdays.',
    },
  },
  {
    key: 'jan',
    email: 'jan.vos@demo.lotse',
    name: 'Jan Vos',
    roles: ['expert'],
    expert: {
      department: 'E-Commerce',
      areas: ['web shop', 'prescription upload', 'accessibility'],
      bio: 'Product owner of the web shop and the prescription upload.',
      availability: 'Tuesdays.',
    },
  },
  {
    key: 'katrin',
    email: 'katrin.wolf@demo.lotse',
    name: 'Katrin Wolf',
    roles: ['expert'],
    expert: {
      department: 'Marketing',
      areas: ['Social Media', 'Community', 'Influencer-Kooperationen'],
      bio: 'Verantwortet die Social-Media-Kanäle und die Community von Klarblick.',
      availability: 'Jederzeit nach Absprache.',
    },
  },
  {
    key: 'felix',
    email: 'felix.huber@demo.lotse',
    name: 'Felix Huber',
    roles: ['expert'],
    expert: {
      department: 'Regulatory Affairs',
      areas: ['Medizinprodukteverordnung', 'Kennzeichnung', 'Österreich'],
      bio: 'Regulatory-Affairs-Spezialist, zuständig für MDR und die Märkte Österreich und Schweiz.',
      availability: 'Montags.',
    },
  },
  {
    key: 'ines',
    email: 'ines.carvalho@demo.lotse',
    name: 'Dr. Ines Carvalho',
    roles: ['expert', 'editor'],
    expert: {
      department: 'Optometrie',
      areas: ['myopia in children', 'orthokeratology', 'eye health research'],
      bio: 'Optometrist and researcher; co-authors the company’s clinical studies and reviews content.',
      availability: 'Wednesdays and Fridays.',
    },
  },
  {
    key: 'nadia',
    email: 'nadia.lindqvist@demo.lotse',
    name: 'Nadia Lindqvist',
    roles: ['expert'],
    expert: {
      department: 'Recht',
      areas: ['Datenschutz', 'Werberecht', 'Heilmittelwerbegesetz'],
      bio: 'Syndikusanwältin; prüft Werbeaussagen zu Medizinprodukten und Fragen des Datenschutzes.',
      availability: 'Nach Terminvereinbarung.',
    },
  },
];
