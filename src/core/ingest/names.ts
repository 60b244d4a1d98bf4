// Name normalisation: the words people type around a name (titles, roles, places) and the
// nicknames and spellings that stand for the same first name, so matching can look past them.

/** text.toLowerCase(), without making a new string when nothing changes (ASCII with no capitals). */
export function lowerCase(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c >= 128) return text.toLowerCase();
  }
  return text;
}

/** Lower case, accents removed, punctuation to spaces, single spaces. */
export function normaliseText(text: string): string {
  const ascii = normaliseAscii(text);
  return ascii ?? normaliseUnicode(text);
}

/**
 * normaliseUnicode for plain ASCII text without regular expressions (names are matched by the
 * hundred thousand): apostrophes and backticks dropped, letters lower-cased, every other run of
 * characters but letters, digits and '@' one space, no space at either end. That is what the
 * replacements below come to on ASCII, where the dot rules only turn dots into spaces.
 * null when the text has a character beyond ASCII.
 */
function normaliseAscii(text: string): string | null {
  const n = text.length;
  // Most names are already words of lower-case letters and digits with single spaces.
  let clean = n > 0;
  let upper = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return null;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 64) continue;
    if (c >= 65 && c <= 90) upper = true;
    else if (c !== 32 || i === 0 || i === n - 1 || text.charCodeAt(i - 1) === 32) clean = false;
  }
  if (clean) return upper ? text.toLowerCase() : text;
  // Words are runs of letters, digits, '@' (and the apostrophes dropped from them); copy each run
  // whole rather than one character at a time.
  let out = '';
  let i = 0;
  while (i < n) {
    while (i < n && !isWordChar(text.charCodeAt(i))) i++; // separators and apostrophes
    if (i === n) break;
    let word = '';
    let start = i;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 39 || c === 96) {
        word += text.slice(start, i); // ' and ` are dropped
        start = i + 1;
      } else if (!isWordChar(c)) break;
    }
    word += text.slice(start, i);
    out = out === '' ? word : `${out} ${word}`;
  }
  return upper ? out.toLowerCase() : out;
}

/** A letter, digit or '@' of ASCII. */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 64;
}

/**
 * Latin letters that carry no combining accent for NFKD to strip (Łukasz, Søren, Þóra, Straße):
 * written without them on an English keyboard, so folded to what people type instead.
 */
const FOLDED: Record<string, string> = {
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
  ħ: 'h',
};

/** The general normalisation (any script), by regular expressions. */
export function normaliseUnicode(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[łøđðþßæœıħ]/g, (c) => FOLDED[c]!)
    .replace(/['\u2019\u2018`]/g, '') // O'Brien = OBrien = O Brien is handled by tokens below
    .replace(/[^\p{L}\p{N}@.]+/gu, ' ')
    .replace(/(^|\s)\.+|\.+(\s|$)/g, ' ')
    .replace(/\./g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A name reduced to a key that ignores case, spacing and punctuation (exact matching). */
export function nameKey(text: string): string {
  // normaliseText already leaves single spaces and no other white space.
  return normaliseText(text);
}

/** Honorifics and ranks people put before names. Kept as hints (a "Dr" is likely a GP). */
export const TITLES = new Set([
  'dr',
  'doctor',
  'mr',
  'mrs',
  'ms',
  'miss',
  'mx',
  'master',
  'prof',
  'professor',
  'rev',
  'revd',
  'reverend',
  'fr',
  'father',
  'sister',
  'brother',
  'pastor',
  'imam',
  'rabbi',
  'cllr',
  'councillor',
  'sir',
  'dame',
  'lady',
  'lord',
  'pc',
  'wpc',
  'dc',
  'ds',
  'pcso',
  'sgt',
  'sergeant',
  'insp',
  'inspector',
  'constable',
  'officer',
  'nurse',
  'mrs.',
  'head',
  'headteacher',
  'headmaster',
  'headmistress',
  'matron',
  'coach',
  'auntie',
  'aunty',
  'uncle',
  // Polish Mrs and Miss ("Pani Kasia").
  'pani',
  'panna',
]);

/**
 * Which roles a title points to, to lift the candidate whose role agrees: the words of the role
 * itself ("GP", "Police Sergeant"), not of the service, where other roles work too (a practice
 * nurse at a surgery, a housing officer at the council).
 */
export const TITLE_HINTS: Record<string, string[]> = {
  dr: ['gp', 'doctor', 'dr', 'physician', 'practitioner', 'consultant', 'surgeon', 'registrar'],
  doctor: ['gp', 'doctor', 'dr', 'physician', 'practitioner', 'consultant', 'surgeon', 'registrar'],
  pc: ['police', 'pc', 'constable', 'pcso'],
  wpc: ['police', 'pc', 'constable'],
  pcso: ['police', 'pcso'],
  sgt: ['police', 'sergeant', 'sgt'],
  sergeant: ['police', 'sergeant', 'sgt'],
  insp: ['police', 'inspector'],
  inspector: ['police', 'inspector'],
  constable: ['police', 'constable', 'pc'],
  officer: ['police', 'pcso', 'constable'],
  head: ['head', 'headteacher', 'principal', 'headmaster', 'headmistress'],
  headteacher: ['head', 'headteacher', 'principal', 'headmaster', 'headmistress'],
  headmaster: ['head', 'headteacher', 'headmaster'],
  headmistress: ['head', 'headteacher', 'headmistress'],
  nurse: ['nurse', 'midwife', 'matron', 'sister'],
  rev: ['vicar', 'minister', 'reverend', 'priest', 'curate', 'chaplain'],
  revd: ['vicar', 'minister', 'reverend', 'priest', 'curate', 'chaplain'],
  reverend: ['vicar', 'minister', 'reverend', 'priest', 'curate', 'chaplain'],
  cllr: ['councillor', 'cllr'],
  councillor: ['councillor', 'cllr'],
  fr: ['priest', 'father', 'parish', 'chaplain'],
  father: ['priest', 'father', 'parish', 'chaplain'],
  pastor: ['pastor', 'minister'],
  imam: ['imam'],
  rabbi: ['rabbi'],
};

/**
 * Titles written in full or short ("Father Gallagher" for the roster's Fr Dermot Gallagher): the
 * other form of each, so a title typed one way agrees with the roster's written the other.
 */
export const SAME_TITLE: Record<string, string[]> = {
  fr: ['father'],
  father: ['fr'],
  rev: ['revd', 'reverend'],
  revd: ['rev', 'reverend'],
  reverend: ['rev', 'revd'],
  dr: ['doctor'],
  doctor: ['dr'],
  sgt: ['sergeant'],
  sergeant: ['sgt'],
  insp: ['inspector'],
  inspector: ['insp'],
  cllr: ['councillor'],
  councillor: ['cllr'],
  prof: ['professor'],
  professor: ['prof'],
};

/** Where a title's people work, for a roster person whose role does not say what they are. */
export const TITLE_SERVICE_HINTS: Record<string, string[]> = {
  dr: ['surgery', 'medical', 'practice', 'health'],
  doctor: ['surgery', 'medical', 'practice', 'health'],
  pc: ['police', 'policing'],
  wpc: ['police', 'policing'],
  pcso: ['police', 'policing'],
  sgt: ['police', 'policing'],
  sergeant: ['police', 'policing'],
  insp: ['police', 'policing'],
  inspector: ['police', 'policing'],
  constable: ['police', 'policing'],
  officer: ['police', 'policing'],
  head: ['school', 'academy'],
  headteacher: ['school', 'academy'],
  headmaster: ['school', 'academy'],
  headmistress: ['school', 'academy'],
  nurse: ['surgery', 'health', 'practice', 'hospital'],
  rev: ['church', 'chapel', 'parish'],
  revd: ['church', 'chapel', 'parish'],
  reverend: ['church', 'chapel', 'parish'],
  cllr: ['council'],
  councillor: ['council'],
  fr: ['church', 'parish'],
  father: ['church', 'parish'],
  pastor: ['church', 'chapel'],
  imam: ['mosque', 'masjid'],
  rabbi: ['synagogue'],
};

/**
 * Words of a role that say it is some other job than a title's ("Practice Nurse" for "Dr
 * Thompson", "Class Teacher" for "the headteacher"): every title's role words, and a few more.
 */
export const ROLE_WORDS = new Set([
  ...Object.values(TITLE_HINTS).flat(),
  'teacher',
  'assistant',
  'receptionist',
  'administrator',
  'librarian',
  'worker',
  // Others who work at a surgery, a school or a station and are no doctor, teacher or officer.
  'prescriber',
  'pharmacist',
  'therapist',
  'physiotherapist',
  'paramedic',
  'counsellor',
  'coordinator',
  'manager',
  'navigator',
  'visitor',
  'tutor',
  'adviser',
  'advisor',
  'secretary',
  'clerk',
  'caretaker',
  'cleaner',
  'technician',
]);

/** Words of a role that name a rank within a calling. */
export const RANK_WORDS = new Set(['pcso', 'pc', 'wpc', 'constable', 'sergeant', 'sgt', 'inspector', 'insp']);

/**
 * Titles that name one rank: "Sgt Singh" for a police constable is a different person, or the
 * writer's slip, and is not confirmed by the calling. ("PC" is what people call any police officer.)
 */
export const RANK_TITLES = new Set(['sgt', 'sergeant', 'insp', 'inspector', 'pcso']);

/**
 * Words that belong to the surname that follows them ("de la Cruz", "van der Berg", "ap Gwilym"):
 * typed with a courtesy title and that surname, still a surname alone.
 */
export const SURNAME_PARTICLES = new Set([
  'de',
  'da',
  'das',
  'do',
  'dos',
  'del',
  'della',
  'di',
  'du',
  'la',
  'le',
  'van',
  'von',
  'der',
  'den',
  'ter',
  'ten',
  'ap',
  'ab',
  'ni',
  'nic',
  'ui',
  'mac',
  'bin',
  'bint',
  'ibn',
  'al',
  'el',
]);

/** Courtesy titles of one gender each: "Mrs Smith" is not a roster's "Mr John Smith". */
export const GENDER_OF_TITLE: Record<string, 'f' | 'm'> = {
  mr: 'm',
  master: 'm',
  mrs: 'f',
  miss: 'f',
  ms: 'f',
};

/**
 * How a typed name tells the writer's own relation ("John Smith (my neighbour)", "my friend
 * Sue"): someone they know, perhaps no one on the roster, so never a match without asking.
 */
export const RELATION_WORDS = new Set([
  'neighbour',
  'neighbours',
  'neighbor',
  'friend',
  'friends',
  'mum',
  'mam',
  'mom',
  'dad',
  'mother',
  'brother',
  'son',
  'daughter',
  'aunt',
  'auntie',
  'uncle',
  'nan',
  'gran',
  'grandma',
  'grandad',
  'cousin',
  'husband',
  'wife',
  'partner',
  'mate',
  'mates',
]);

/**
 * The calling a title belongs to. A title typed from another calling than the one a roster
 * person's own title names ("Cllr Jones" for Sgt David Jones) speaks against them, whatever
 * their role's words may share with it.
 */
export const TITLE_CALLING: Record<string, string> = {
  dr: 'medicine',
  doctor: 'medicine',
  nurse: 'medicine',
  pc: 'police',
  wpc: 'police',
  dc: 'police',
  ds: 'police',
  pcso: 'police',
  sgt: 'police',
  sergeant: 'police',
  insp: 'police',
  inspector: 'police',
  constable: 'police',
  cllr: 'council',
  councillor: 'council',
  rev: 'faith',
  revd: 'faith',
  reverend: 'faith',
  fr: 'faith',
  father: 'faith',
  pastor: 'faith',
  imam: 'faith',
  rabbi: 'faith',
  prof: 'academia',
  professor: 'academia',
};

/** Titles that say nothing about role, only (perhaps) gender: a weak hint. */
export const COURTESY_TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'master']);

/** Filler words that never identify anyone ("the", "from the", "at"). */
export const STOP_WORDS = new Set([
  'the',
  'an',
  'at',
  'from',
  'of',
  'in',
  'on',
  'my',
  'our',
  'and',
  'to',
  'for',
  'with',
  'by',
  'local',
  'lady',
  'man',
  'woman',
  'guy',
]);

/**
 * Groups of first names that stand for one another (diminutives and common spellings). A name
 * marked '~' is also a name in its own right (Liam, Lisa, Hannah, Sally): it may be the group's
 * name shortened, or someone else's own name, so a pair with it is only related (relatedNames),
 * never enough to match on (trial AB: "Bill Byrne" was accepted as a roster's Liam Byrne).
 */
const NICKNAME_GROUPS: string[][] = [
  ['robert', 'rob', 'bob', 'bobby', 'robbie', 'bert'],
  ['william', 'will', 'bill', 'billy', '~liam', 'willie'],
  ['elizabeth', 'liz', 'lizzie', 'beth', 'betty', '~eliza', '~lisa', 'libby', 'bess'],
  ['catherine', 'katherine', 'kathryn', 'kate', 'katie', 'kathy', 'cathy', 'cat', 'kat', 'kay'],
  ['james', 'jim', 'jimmy', 'jamie'],
  ['michael', 'mike', 'mick', 'mickey', 'micky'],
  // "Dai": the Welsh short David (trial AB's "Dai Roberts").
  ['david', 'dave', 'davey', 'davy', 'dai', '~dafydd'],
  ['dafydd', 'dai', 'dafy'],
  ['stephen', 'steven', 'steve', 'stevie'],
  ['christopher', 'chris', 'kit'],
  ['christine', 'chris', 'chrissie', '~tina', '~christina'],
  ['thomas', 'tom', 'tommy'],
  ['anthony', 'antony', 'tony'],
  ['susan', 'sue', 'susie', 'suzanne', 'suzy'],
  ['jennifer', 'jen', 'jenny', 'jenni'],
  ['nicholas', 'nick', 'nicky'],
  ['nicola', 'nicky', 'nikki', 'nic'],
  ['alexander', 'alex', 'alec', 'sandy', 'xander'],
  ['alexandra', 'alex', '~sandra', 'lexi', 'sandy'],
  ['samuel', 'sam', 'sammy'],
  ['samantha', 'sam', 'sammy'],
  ['benjamin', 'ben', 'benny'],
  ['daniel', 'dan', 'danny'],
  ['danielle', 'dani'],
  ['matthew', 'matt', 'matty'],
  ['andrew', 'andy', 'drew'],
  ['peter', 'pete'],
  ['richard', 'rich', 'rick', 'ricky', 'dick', 'richie'],
  ['edward', 'ed', 'eddie', 'ted', 'ned'],
  ['joanne', 'joanna', 'jo', 'joan'],
  ['josephine', 'jo', 'josie'],
  ['margaret', 'maggie', 'meg', 'peggy', 'marge', 'madge'],
  ['patrick', 'pat', 'paddy'],
  ['patricia', 'pat', 'patsy', 'trish', 'tricia'],
  ['rebecca', 'becky', 'becca', 'bex'],
  ['victoria', 'vicky', 'vicki', 'tori'],
  ['deborah', 'debbie', 'debra', 'deb'],
  ['amanda', 'mandy'],
  ['philip', 'phillip', 'phil'],
  ['timothy', 'tim', 'timmy'],
  ['jonathan', 'jon', 'jonny', '~john', 'johnny'],
  ['joseph', 'joe', 'joey'],
  ['henry', 'harry', 'hal'],
  ['harold', 'harry', 'hal'],
  ['charles', 'charlie', 'chas', 'chuck'],
  ['charlotte', 'charlie', 'lottie'],
  ['frederick', 'fred', 'freddie'],
  ['geoffrey', 'jeffrey', 'geoff', 'jeff'],
  ['gregory', 'greg'],
  ['kenneth', 'ken', 'kenny'],
  ['lawrence', 'laurence', 'larry', 'laurie'],
  ['leonard', 'len', 'lenny', 'leo'],
  ['nathan', 'nathaniel', 'nat', 'nate'],
  ['natalie', 'nat', '~natasha', 'tasha'],
  ['ronald', 'ron', 'ronnie'],
  ['russell', 'russ'],
  ['terence', 'terry'],
  ['valerie', 'val'],
  ['jessica', 'jess', 'jessie'],
  ['abigail', 'abby', 'abbie', 'gail'],
  ['ann', 'anne', '~anna', 'annie', '~hannah'],
  ['dorothy', 'dot', 'dotty', 'dottie'],
  ['gillian', 'gill', 'jill', 'gilly'],
  ['jacqueline', 'jackie', 'jacqui'],
  ['pamela', 'pam'],
  ['barbara', 'barb', 'babs'],
  ['frances', 'fran', 'frankie'],
  ['francis', 'frank', 'frankie'],
  ['mohammed', 'muhammad', 'mohammad', 'mohamed', 'muhammed', 'mohamad', 'mo'],
  ['ahmed', 'ahmad'],
  ['yusuf', 'yousef', 'youssef', '~joseph'],
  ['aisha', 'ayesha', 'aysha'],
  ['siobhan', 'shivaun', 'shevaun', 'shivonne'],
  ['bernadette', 'bernie', 'detta'],
  ['bernard', 'bernie'],
  // Polish short forms, as neighbours and colleagues write them.
  ['katarzyna', 'kasia'],
  ['malgorzata', 'gosia'],
  ['zofia', 'zosia'],
  ['agnieszka', 'aga'],
  ['wojciech', 'wojtek'],
  ['krzysztof', 'krzys'],
  ['aleksandra', 'ola'],
  ['sean', 'shaun', 'shawn'],
  ['stuart', 'stewart', 'stu'],
  ['catriona', 'katrina', 'trina'],
  ['rachel', 'rach'],
  ['sarah', 'sara', '~sally'],
  ['helen', '~helena', '~ellen', 'nell'],
  ['eleanor', 'elinor', 'ellie', '~nora', 'nell'],
  ['gerald', 'gerry', 'jerry'],
  ['raymond', 'ray'],
  ['donald', 'don', 'donny'],
  ['douglas', 'doug', 'dougie'],
  ['graham', 'graeme'],
  ['kathleen', 'kath', 'kathy'],
  ['louise', 'lou', 'lulu', 'louisa'],
  ['lucy', 'lucinda', 'lu'],
  ['oliver', 'olly', 'ollie'],
  ['olivia', 'liv', 'livvy'],
  ['zachary', 'zach', 'zak', 'zack'],
  // Welsh, Polish, Yoruba and other names of UK towns (trial U), as people shorten them.
  ['dafydd', 'dai', 'david', 'dewi'],
  ['gwendolen', 'gwendoline', 'gwen'],
  ['gwenllian', 'gwen'],
  ['gwyneth', 'gwen'],
  ['rhiannon', 'rhian'],
  ['malgorzata', 'gosia', 'malgosia', 'margaret'],
  ['katarzyna', 'kasia', 'kasha', 'katherine'],
  ['tomasz', 'tomek', 'tom'],
  ['wojciech', 'wojtek'],
  ['krzysztof', 'krzys', 'christopher'],
  ['aleksandra', 'ola', 'alexandra'],
  ['aleksander', 'olek', 'alexander'],
  ['agnieszka', 'aga', 'agnes'],
  ['oluwaseun', 'seun'],
  ['oluwaseyi', 'seyi'],
  ['olufemi', 'femi'],
  ['oluwatoyin', 'toyin'],
  ['abdullah', 'abdallah'],
  ['abdulrahman', 'abdul'],
  ['lukasz', 'luke'],
  ['jose', 'pepe'],
  ['francisco', 'paco'],
];

/**
 * Short forms of words in names of places and groups, matched as the words they stand for
 * ("Saint David's" is St David's Church).
 */
const SHORT_FORMS: string[][] = [
  ['saint', 'st'],
  ['street', 'st'],
  ['road', 'rd'],
  ['centre', 'ctr', 'center'],
  ['association', 'assoc', 'assn'],
  ['mosque', 'masjid'],
  ['gurdwara', 'gurudwara'],
];

/** A group's name without its '~' mark. */
const bare = (name: string) => name.replace(/^~/, '');

/** The first names of the nickname groups, to tell a given name from a place word ("David" of St David's). */
const GIVEN_NAMES = new Set(NICKNAME_GROUPS.flat().map(bare));

export function isGivenName(word: string): boolean {
  return GIVEN_NAMES.has(word);
}

/** Each name's nicknames (both names short forms or spellings of one name), and its related names. */
const NICKNAMES = new Map<string, Set<string>>();
const RELATED = new Map<string, Set<string>>();
for (const group of [...NICKNAME_GROUPS, ...SHORT_FORMS]) {
  for (const name of group) {
    for (const other of group) {
      if (other === name) continue;
      // A pair with a name in its own right is related, not one name (unless another group says so).
      const map = name.startsWith('~') || other.startsWith('~') ? RELATED : NICKNAMES;
      let set = map.get(bare(name));
      if (!set) map.set(bare(name), (set = new Set()));
      set.add(bare(other));
    }
  }
}

/** Whether two first names are one name (Bill and William, Kate and Catherine, Mo and Mohammed). */
export function areNicknames(a: string, b: string): boolean {
  return NICKNAMES.get(a)?.has(b) ?? false;
}

/**
 * Whether two first names are related but each a name of its own (Liam and William, Sally and
 * Sarah, Hannah and Ann): worth suggesting one for the other, never taking one for the other.
 */
export function relatedNames(a: string, b: string): boolean {
  return !areNicknames(a, b) && (RELATED.get(a)?.has(b) ?? false);
}

/** The letter pairs spelling folds, each to what it stands for in another spelling of the name. */
const SPELLING_PAIRS: Record<string, string> = {
  ee: 'i',
  oo: 'u',
  aa: 'a',
  oe: 'o',
  ue: 'u',
  ae: 'a',
  dh: 'd',
  bh: 'b',
  kh: 'k',
  ph: 'f',
};

/**
 * A normalised word with the variants of transliteration and of doubling folded, so that two
 * spellings of one name meet: ee and i (Harjeet, Harjit; Kareem, Karim), oo and u (Noor, Nur),
 * aa, oe and ae for å, ø and æ typed as two letters (Oedegaard for Ødegård), dh and d (Sandhu,
 * Sandu), and double letters as one (Hassan, Hasan; Llewellyn, Llewelyn).
 */
export function spellingKey(word: string): string {
  return word
    .replace(/ee|oo|aa|oe|ue|ae|dh|bh|kh|ph/g, (pair) => SPELLING_PAIRS[pair]!)
    .replace(/(.)\1+/g, '$1');
}

/** The three rows editDistance works in, kept between calls (it runs millions of times). */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Damerau–Levenshtein (optimal string alignment) distance, stopping early past `max`. */
export function editDistance(a: string, b: string, max = 3): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  if (n + 1 > rows[0]!.length) rows = rows.map(() => new Int32Array(2 * (n + 1)));
  let [prev2, prev, cur] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj)
        v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n]!;
}

/** The most typos we forgive in a word of this length (none in short words: "Ann" vs "Dan"). */
export function allowedTypos(length: number): number {
  if (length >= 8) return 2;
  if (length >= 4) return 1;
  return 0;
}

/**
 * Role words of French, German and Spanish as respondents write them beside a name ("Aoife,
 * prescriptrice sociale"), as the English words of a UK roster's roles; accents already removed
 * (normaliseText), "d'école" run together as "decole". Read so in typed text only.
 */
const FOREIGN_ROLE_WORDS = new Map<string, string[]>(
  Object.entries({
    // French
    medecin: ['doctor'],
    docteur: ['doctor'],
    generaliste: ['gp'],
    infirmiere: ['nurse'],
    infirmier: ['nurse'],
    directeur: ['head'],
    directrice: ['head'],
    ecole: ['school'],
    decole: ['school'],
    enseignant: ['teacher'],
    enseignante: ['teacher'],
    instituteur: ['teacher'],
    institutrice: ['teacher'],
    policier: ['police'],
    policiere: ['police'],
    gendarme: ['police'],
    agent: ['officer'],
    conseiller: ['councillor'],
    conseillere: ['councillor'],
    municipal: ['council'],
    municipale: ['council'],
    mairie: ['council'],
    bibliothecaire: ['librarian'],
    bibliotheque: ['library'],
    pretre: ['priest'],
    cure: ['priest'],
    pasteur: ['pastor'],
    benevole: ['volunteer'],
    prescripteur: ['prescriber'],
    prescriptrice: ['prescriber'],
    sociale: ['social'],
    // German
    arzt: ['doctor'],
    arztin: ['doctor'],
    hausarzt: ['gp'],
    hausarztin: ['gp'],
    krankenschwester: ['nurse'],
    krankenpfleger: ['nurse'],
    schulleiter: ['headteacher'],
    schulleiterin: ['headteacher'],
    polizist: ['police'],
    polizistin: ['police'],
    stadtrat: ['councillor'],
    stadtratin: ['councillor'],
    bibliothekar: ['librarian'],
    bibliothekarin: ['librarian'],
    priester: ['priest'],
    sozialarbeiter: ['social', 'worker'],
    sozialarbeiterin: ['social', 'worker'],
    ehrenamtlich: ['volunteer'],
    ehrenamtliche: ['volunteer'],
    ehrenamtlicher: ['volunteer'],
    // Spanish
    medico: ['doctor'],
    medica: ['doctor'],
    enfermera: ['nurse'],
    enfermero: ['nurse'],
    directora: ['head'],
    escuela: ['school'],
    colegio: ['school'],
    policia: ['police'],
    concejal: ['councillor'],
    concejala: ['councillor'],
    bibliotecario: ['librarian'],
    bibliotecaria: ['librarian'],
    sacerdote: ['priest'],
    voluntario: ['volunteer'],
    voluntaria: ['volunteer'],
  }),
);

/** Two words of another language that are one English role ("assistante sociale", social worker). */
const FOREIGN_ROLE_PHRASES = new Map<string, string[]>(
  Object.entries({
    'assistant social': ['social', 'worker'],
    'assistante sociale': ['social', 'worker'],
    'travailleur social': ['social', 'worker'],
    'travailleuse sociale': ['social', 'worker'],
    'trabajador social': ['social', 'worker'],
    'trabajadora social': ['social', 'worker'],
    'medecin generaliste': ['gp'],
    'medico de cabecera': ['gp'],
  }),
);

/** Articles and prepositions of those languages around a role ("directrice d'école", "la policière"). */
export const FOREIGN_ARTICLES = new Set([
  'le',
  'la',
  'les',
  'l',
  'un',
  'une',
  'de',
  'du',
  'des',
  'd',
  'der',
  'die',
  'das',
  'el',
  'los',
  'las',
  'del',
]);

/**
 * Normalised words with the French, German and Spanish role words among them in English ("infirmière"
 * as "nurse"), but those `keep` says are names (a roster surname "Pfarrer" or "Cure"). The same
 * array when none is.
 */
export function inEnglish(words: string[], keep?: (word: string) => boolean): string[] {
  let out: string[] | null = null;
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    const phrase = k + 1 < words.length ? FOREIGN_ROLE_PHRASES.get(`${w} ${words[k + 1]!}`) : undefined;
    const english = phrase ?? (keep?.(w) ? undefined : FOREIGN_ROLE_WORDS.get(w));
    if (english) {
      (out ??= words.slice(0, k)).push(...english);
      if (phrase) k++;
    } else out?.push(w);
  }
  return out ?? words;
}
