// Writes app/utils/common-passwords.server.ts, the list of passwords Lotse refuses:
//   npm run passwords:list
// The list is derived from well-known facts about the passwords people pick (the perennial
// leaders of published breach statistics, keyboard walks, number runs, names, football clubs,
// seasons and the words around the product), in English and German. The output is sorted and
// free of duplicates, so running this again gives the same file byte for byte;
// tests/unit/password-policy.test.ts checks that the shipped file is what this script writes.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Words and phrases people use as a password, or as its core before some digits. */
const WORDS = `
password passwort passwd kennwort geheim secret letmein welcome willkommen login anmelden
admin administrator root toor guest gast user benutzer test tester testing default standard
master access zugang changeme changeit private privat public system server office computer
internet online netzwerk network database datenbank intranet firma company dienst service
hello hallo hallihallo servus moin grüezi ciao salut bonjour hola ahoi tschüss
iloveyou ichliebedich liebe love lovely loveme lover schatz schatzi mausi maus hase hasi
hasenbraten engel angel baby babygirl babe sweety sweetheart honey honeybee süße süßer
sunshine sonnenschein sonne sun moon mond stern star stars heaven himmel hölle hell
dragon drache monkey affe tiger löwe lion bear bär wolf fuchs fox eagle adler falcon falke
panther shark hai dolphin delfin pferd horse hund dog katze cat kitty kitten pussycat
mustang ferrari porsche mercedes bmw audi volkswagen golf corvette harley yamaha ducati
football fussball fußball soccer baseball basketball hockey eishockey tennis golfer
handball volleyball skate surfer runner läufer fitness gym training sport sports
batman superman spiderman ironman hulk joker starwars skywalker vader yoda pokemon pikachu
mario zelda minecraft fortnite matrix neo morpheus trinity gandalf frodo hobbit legolas
sherlock simpsons homer garfield snoopy mickey minnie donald asterix obelix
master1 shadow killer ninja samurai warrior krieger hunter jäger ranger soldier
whatever egal nothing nichts something irgendwas qwerty qwertz azerty asdf yxcv zxcv
trustno1 letmein1 passw0rd p4ssword abc123 abcdef abcdefg abcdefgh abcdefghij
freedom freiheit liberty justice power macht money geld cash gold silver silber diamond
summer sommer winter spring frühling frühjahr autumn herbst fall january januar february
februar march märz april may mai june juni july juli august september october oktober
november december dezember monday montag friday freitag sunday sonntag weekend wochenende
christmas weihnachten xmas easter ostern silvester newyear birthday geburtstag
chocolate schokolade cookie keks cheese käse pizza pasta burger banana banane apple apfel
orange cherry kirsche strawberry erdbeere peanut butter coffee kaffee tea tee beer bier
wein wine vodka whisky schnaps jäger jägermeister prost cheers party
purple lila blue blau red rot green grün yellow gelb black schwarz white weiß pink rosa
flower blume rose tulpe sunflower daisy lily lilie
family familie mutter vater mama papa mami papi mom dad oma opa omi opi sister brother
schwester bruder kinder children baby123 mylove meinschatz meinliebling liebling
beautiful schön hübsch pretty cute süß cool crazy verrückt funny lustig happy glücklich
friend freund freundin friends freunde buddy kumpel
jesus christ god gott allah amen heaven666 satan devil teufel lucifer
music musik guitar gitarre piano klavier rockstar rocknroll metal metallica nirvana
beatles queen eminem rammstein
school schule student studium uni university college teacher lehrer
hamburg berlin münchen muenchen köln koeln frankfurt stuttgart dresden leipzig bremen
hannover nürnberg düsseldorf dortmund essen bochum wien zürich london paris newyork
deutschland germany austria österreich schweiz switzerland europa europe america
bayern fcbayern bayernmünchen schalke schalke04 borussia bvb bvb09 werder hsv stpauli
eintracht hertha kaiserslautern gladbach leverkusen wolfsburg freiburg union
liverpool arsenal chelsea manchester manutd barcelona realmadrid juventus milan
yankees cowboys eagles lakers celtics
lotse lotsen lotsin harbourpilot hafenlotse klarblick linsenversand kontaktlinsen
demo demodemo lotsedemo lotse-demo demo-lotse lotse-admin lotseadmin lotse-test
`;

/** Common first names in English- and German-speaking countries. */
const NAMES = `
michael thomas andreas stefan christian daniel martin markus peter alexander tobias
sebastian florian jan jonas lukas leon finn paul felix maximilian max david julian tim
niklas moritz philipp simon jonathan benjamin matthias frank jürgen uwe klaus wolfgang
hans dieter werner günter horst manfred helmut bernd torsten sven dirk oliver patrick
kevin dennis marcel marco robert james john william richard charles joseph george edward
steven brian anthony matthew joshua andrew ryan jacob ethan noah liam oliver harry jack
charlie thomas oscar henry arthur
maria anna sophie sophia marie laura julia lena lea lisa sarah sandra stefanie nicole
katharina christina melanie claudia sabine susanne petra monika andrea birgit karin
ursula renate heike kerstin anja nadine jennifer jessica ashley amanda emily emma olivia
ava isabella mia charlotte amelia hannah hanna elizabeth jennifer michelle nicole
samantha rebecca rachel lauren megan chloe grace lily ella lucy
`;

/** Rows of the German (QWERTZ), English (QWERTY) and French (AZERTY) keyboards. */
const KEYBOARD_ROWS = [
  '1234567890',
  'qwertyuiop',
  'qwertzuiopü',
  'azertyuiop',
  'asdfghjkl',
  'asdfghjklö',
  'qsdfghjklm',
  'zxcvbnm',
  'yxcvbnm',
  'wxcvbn',
];

/** Walks down the keyboard's columns, two or three keys at a time (1qaz2wsx…). */
const COLUMN_WALKS = ['1qaz2wsx3edc4rfv5tgb', '1qay2wsx3edc4rfv5tgb', 'qaz wsx edc rfv tgb'];

const LEET: Readonly<Record<string, readonly string[]>> = {
  a: ['a', '@', '4'],
  e: ['e', '3'],
  i: ['i', '1', '!'],
  o: ['o', '0'],
  s: ['s', '$', '5'],
  t: ['t', '7'],
};

/** The few words attackers try first get every common letter-for-digit spelling. */
const LEET_WORDS = ['password', 'passwort', 'kennwort', 'welcome', 'admin', 'lotse', 'secret'];

const words = (text: string) => text.split(/\s+/).filter(Boolean);

function leetVariants(word: string): string[] {
  let variants = [''];
  for (const ch of word) {
    const options = LEET[ch] ?? [ch];
    variants = variants.flatMap((v) => options.map((o) => v + o));
  }
  return variants;
}

/** ä → ae, ö → oe, ü → ue, ß → ss: how people spell German words without the special keys. */
function transliterate(word: string): string {
  return word
    .replaceAll('ä', 'ae')
    .replaceAll('ö', 'oe')
    .replaceAll('ü', 'ue')
    .replaceAll('ß', 'ss');
}

function keyboardWalks(): string[] {
  const out: string[] = [];
  for (const row of KEYBOARD_ROWS) {
    for (let len = 4; len <= row.length; len++) {
      out.push(row.slice(0, len), [...row.slice(0, len)].reverse().join(''));
    }
  }
  // two neighbouring rows typed one after the other, and key by key (q1w2e3…)
  for (const [a, b] of [
    ['qwertyuiop', 'asdfghjkl'],
    ['qwertzuiop', 'asdfghjkl'],
    ['asdfghjkl', 'zxcvbnm'],
    ['asdfghjkl', 'yxcvbnm'],
    ['1234567890', 'qwertyuiop'],
    ['1234567890', 'qwertzuiop'],
  ] as const) {
    for (let len = 3; len <= 6; len++) {
      out.push(a.slice(0, len) + b.slice(0, len), b.slice(0, len) + a.slice(0, len));
      let zip = '';
      let swapped = '';
      for (let i = 0; i < len; i++) {
        zip += (a[i] ?? '') + (b[i] ?? '');
        swapped += (b[i] ?? '') + (a[i] ?? '');
      }
      out.push(zip, swapped);
    }
  }
  for (const walk of COLUMN_WALKS) {
    const keys = walk.replaceAll(' ', '');
    const step = walk.includes(' ') ? 3 : 4;
    for (let len = step * 2; len <= keys.length; len += step) out.push(keys.slice(0, len));
  }
  out.push('qazwsx', 'qaywsx', 'qazwsxedc', 'qaywsxedc', 'zaq12wsx', 'zaq1zaq1', '!qaz2wsx');
  out.push('qwer1234', '1234qwer', 'asdf1234', '1234asdf', 'qwert12345', 'qwertz123', 'qwe123');
  return out;
}

function numberRuns(): string[] {
  const out: string[] = [];
  const up = '01234567890123456789';
  const down = '98765432109876543210';
  for (let len = 6; len <= 12; len++) {
    for (let start = 0; start < 10; start++) {
      out.push(up.slice(start, start + len), down.slice(start, start + len));
    }
  }
  for (let digit = 0; digit <= 9; digit++) {
    for (let len = 6; len <= 16; len++) out.push(String(digit).repeat(len));
  }
  // short blocks repeated (123123123, 121212, 11223344, 12341234)
  for (const block of ['12', '123', '1234', '12345', '321', '4321', '69', '007', '420', '911']) {
    for (let times = 2; block.length * times <= 12; times++) out.push(block.repeat(times));
  }
  out.push('112233', '11223344', '1122334455', '111222333', '147258369', '741852963');
  out.push('159357', '159753', '951753', '789456123', '123654789', '147852369', '963852741');
  out.push('13579', '2468', '24682468', '1357913579', '0815', '08154711', '4711', '1337');
  return out;
}

/** Letters in alphabetical order and other trivial runs. */
function letterRuns(): string[] {
  const abc = 'abcdefghijklmnopqrstuvwxyz';
  const out: string[] = [];
  for (let len = 4; len <= 12; len++) out.push(abc.slice(0, len));
  out.push('abcd1234', 'abc12345', 'a1b2c3d4', 'a1b2c3d4e5', 'aa123456', 'aabbccdd', 'abcabcabc');
  return out;
}

/** Phrases (with and without spaces) and word pairs that turn up in every breach. */
function phrases(): string[] {
  const list = [
    'i love you',
    'ich liebe dich',
    'let me in',
    'trust no one',
    'change me',
    'my password',
    'mein passwort',
    'kein passwort',
    'no password',
    'new password',
    'neues passwort',
    'password vergessen',
    'passwort vergessen',
    'forgot password',
    'secret password',
    'super secret',
    'top secret',
    'streng geheim',
    'open sesame',
    'sesam öffne dich',
    'correct horse battery staple',
    'the quick brown fox',
    'hello world',
    'hallo welt',
    'qwerty password',
    'admin admin',
    'admin password',
    'admin passwort',
    'test test',
    'guest guest',
    'root root',
    'user password',
    'welcome home',
    'happy birthday',
    'alles gute',
    'guten morgen',
    'good morning',
    'good luck',
    'viel glück',
    'god bless',
    'just do it',
    'carpe diem',
    'live laugh love',
    'lotse demo',
    'lotse admin',
    'lotse passwort',
    'lotse password',
    'klarblick lotse',
  ];
  return list.flatMap((p) => [
    p,
    p.replaceAll(' ', ''),
    p.replaceAll(' ', '-'),
    p.replaceAll(' ', '_'),
    p.replaceAll(' ', '.'),
  ]);
}

/** The whole list: lower case, sorted, without duplicates. */
export function generateCommonPasswords(): string[] {
  const cores = [...words(WORDS), ...words(NAMES)];
  const entries = new Set<string>();
  const add = (entry: string) => {
    const e = entry.normalize('NFKC').toLowerCase();
    // kept simple so the list can live in a template literal and a text editor
    if (e.length < 4 || /[\s`\\]|\$\{/.test(e)) return;
    entries.add(e);
    entries.add(transliterate(e));
  };
  for (const core of cores) add(core);
  for (const word of LEET_WORDS) for (const variant of leetVariants(word)) add(variant);
  // the policy also looks past digits and symbols around a listed core (summer2026!), so years
  // are spelled out only for the words that most often carry one
  for (const year of range(1970, 2030)) {
    for (const core of ['password', 'passwort', 'lotse', 'sommer', 'summer', 'winter', 'welcome'])
      add(core + year);
  }
  for (const entry of [...keyboardWalks(), ...numberRuns(), ...letterRuns(), ...phrases()])
    add(entry);
  return [...entries].sort();
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

export function renderModule(list: readonly string[]): string {
  return `// Generated by \`npm run passwords:list\` (seeds/common-passwords.ts): do not edit by hand.
// ${list.length} passwords everyone tries first, lower case, one per line. See password-policy.server.ts.
const LIST = \`
${list.join('\n')}
\`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.split('\\n').filter(Boolean));
`;
}

export const OUTPUT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../app/utils/common-passwords.server.ts',
);

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const list = generateCommonPasswords();
  fs.writeFileSync(OUTPUT, renderModule(list));
  process.stderr.write(`wrote ${list.length} passwords to ${path.relative('.', OUTPUT)}\n`);
}
