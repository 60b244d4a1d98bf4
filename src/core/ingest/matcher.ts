// Matches names as respondents typed or ticked them to roster entries, with a confidence.
// The roster is indexed once (names, tokens, ids, e-mails, codes) and answers are memoised, so
// 100,000 responses cost one lookup each for names already seen.
import type { ActorId } from '../model';
import {
  COURTESY_TITLES,
  FOREIGN_ARTICLES,
  inEnglish,
  TITLES,
  SAME_TITLE,
  TITLE_CALLING,
  TITLE_HINTS,
  TITLE_SERVICE_HINTS,
  ROLE_WORDS,
  RANK_TITLES,
  RANK_WORDS,
  SURNAME_PARTICLES,
  isGivenName,
  GENDER_OF_TITLE,
  RELATION_WORDS,
  STOP_WORDS,
  allowedTypos,
  areNicknames,
  relatedNames,
  editDistance,
  lowerCase,
  nameKey,
  normaliseText,
  spellingKey,
} from './names';
import type { Candidate, RosterEntry } from './types';
import { hashString, StringTable } from './dates';
import { LOST_LETTER, withoutLostLetters } from './chars';

export interface MatchResult {
  /** The roster id chosen automatically; null when nothing is certain enough. */
  id: ActorId | null;
  confidence: number;
  /** Best candidates, strongest first (at most 5). */
  candidates: Candidate[];
  how: 'id' | 'email' | 'code' | 'exact' | 'fuzzy' | 'none';
}

/** A match this strong, and this far ahead of the next candidate, is accepted without review. */
export const AUTO_ACCEPT = 0.8;
export const AUTO_MARGIN = 0.15;
/** Candidates weaker than this are not worth suggesting. */
const SUGGEST = 0.3;
/** How alike another roster name must be for an exact one to be a namesake ("Muhammad Rahman"). */
const NAMESAKE = 0.9;

/** Words a role or service implies, so "dr patel" or "the head at Hillside" find their person. */
const ROLE_ALIASES: [RegExp, string[]][] = [
  [
    /\bgp\b|general practi|doctor|physician/,
    ['gp', 'doctor', 'dr', 'surgery', 'practice', 'medical', 'health'],
  ],
  [
    /head ?teacher|head of school|principal|headmaster|headmistress/,
    ['head', 'headteacher', 'school', 'teacher', 'principal'],
  ],
  [/teacher|teaching/, ['teacher', 'school']],
  [/pcso|community support officer/, ['pcso', 'police', 'pc', 'officer', 'community']],
  [/sergeant|\bsgt\b/, ['sgt', 'sergeant', 'police', 'officer']],
  [/constable|\bpc\b/, ['pc', 'constable', 'police', 'officer']],
  [/inspector/, ['inspector', 'insp', 'police']],
  [/police|policing/, ['police', 'officer', 'cop']],
  [/librar/, ['library', 'librarian', 'libraries']],
  [/youth/, ['youth', 'young', 'club', 'worker']],
  [/neighbourhood|neighborhood/, ['neighbourhood', 'neighborhood', 'council', 'manager', 'estate']],
  [/council/, ['council', 'councillor', 'cllr']],
  [/nurse/, ['nurse', 'nursing', 'health']],
  [/social work/, ['social', 'worker']],
  [/vicar|priest|minister|church|reverend/, ['church', 'vicar', 'rev', 'reverend', 'priest', 'minister']],
  [/imam|mosque/, ['mosque', 'imam']],
  [/housing/, ['housing', 'estate', 'officer']],
];

/**
 * Confidence of the one roster person a description fits by their own role ("the librarian"):
 * worth suggesting, never enough to accept (a respondent may mean someone not on the roster).
 */
const DESCRIBED = 0.6;
/** Words of praise or habit a description may carry ("the lovely librarian", "my usual GP"). */
const DESCRIPTION_FILLER = new Set([
  'lovely',
  'nice',
  'friendly',
  'kind',
  'helpful',
  'usual',
  'regular',
  'very',
]);

/**
 * The most a candidate scores whose match rests on a doubtful reading of a word (a short
 * surname one letter off, a word that begins a longer name, a related first name) or whose
 * calling a typed title contradicts: still the first suggestion, never accepted unasked.
 */
const DOUBTFUL = 0.75;
/**
 * The most a group scores when the text names a person there ("the vicar at St Mary's", "the
 * food bank lady"): below a described person (DESCRIBED), who is whom the respondent means.
 */
const PERSON_AT_GROUP = 0.4;
/** Words that name a person by what they do or are, besides titles ("vicar", "lady"). */
const PERSON_WORDS = new Set([
  'vicar',
  'priest',
  'minister',
  'chaplain',
  'curate',
  'librarian',
  'volunteer',
  'lady',
  'man',
  'woman',
  'guy',
  'bloke',
]);

/** Confidence of a group named by its initials alone: a suggestion. */
const INITIALS = 0.6;
/**
 * Short names of organisations found in most UK towns, which their initials do not give: the
 * words a roster group's name must hold to be suggested for one.
 */
const KNOWN_ACRONYMS: Record<string, string[][]> = {
  cab: [['citizens', 'advice']],
  ca: [['citizens', 'advice']],
  jcp: [['jobcentre'], ['job', 'centre']],
  tra: [['tenants'], ['residents', 'association']],
  ra: [['residents', 'association']],
  ymca: [['ymca']],
};

/**
 * Words most of the roster's groups carry in their names, such as the town's ("Castlebridge
 * Food Bank", "Citizens Advice Castlebridge"): left out of a group's initials, as people do.
 */
function townWords(items: readonly Indexed[]): Set<string> {
  const groups = items.filter((item) => !item.person);
  const count = new Map<string, number>();
  for (const item of groups) for (const t of new Set(item.nameTokens)) count.set(t, (count.get(t) ?? 0) + 1);
  return new Set([...count].filter(([, n]) => n >= 3 && n * 4 >= groups.length).map(([t]) => t));
}

/** Confidence of a name whose letters are a roster name's, spaced otherwise. */
const COMPACT_MATCH = 0.95;

function compact(key: string): string {
  // "Mac" and "Mc" begin the same Scottish and Irish names (MacDonald, McDonald, Mac Donald).
  const mc = key.includes('mac') ? key.replace(/(^| )mac(?=[ a-z])/g, '$1mc') : key;
  return mc.includes(' ') ? mc.replace(/ /g, '') : mc;
}

/** One word as compact() spells it ("macleod" as "mcleod"), to compare words spaced otherwise. */
function compactWord(word: string): string {
  return word.startsWith('mac') && (word.length === 3 || word.charCodeAt(3) >= 97)
    ? `mc${word.slice(3)}`
    : word;
}

/**
 * "Okafor, Helen" (or "Patel, Priya (Dr)") as many rosters list people: the surname is the part
 * before the one comma, so it is put last, where the matcher reads a person's surname.
 */
function surnameLast(name: string): string {
  const m = /^([^,]+),([^,]+)$/.exec(name);
  return m ? `${m[2]} ${m[1]}` : name;
}

function tokens(text: string): string[] {
  const norm = normaliseText(text);
  return norm ? norm.split(' ') : [];
}

interface Indexed {
  entry: RosterEntry;
  /** Name words without titles, in order (the last is the surname for a person). */
  nameTokens: string[];
  /** Where the surname begins in nameTokens: the last word, or the words of a double-barrelled one. */
  surnameFrom: number;
  /** Titles written in the roster name ("Dr Priya Patel"). */
  titles: Set<string>;
  /** Role, service and implied words. */
  context: Set<string>;
  /** The words of the role alone ("deputy", "headteacher"), for descriptions of a person by it. */
  roleTokens: Set<string>;
  person: boolean;
  /** Every word of a group's own name, stop words too ("our lady of lourdes church"); none for people. */
  ownWords: Set<string>;
  /** The summed weight of nameTokens (set once every name is indexed). */
  totalWeight: number;
}

/** A typed word's possible readings on the roster (RosterMatcher.typedWord). */
interface TypedWord {
  /** Roster name words it may stand for, with wordScore: itself, nicknames, typos, initials, prefixes. */
  names: Map<string, number>;
  /** Roster role and place words it may misspell. */
  context: string[];
  /** Those of `names` it may as well not be (doubtfulReading): never enough to accept. */
  doubtful: Set<string>;
}

export class RosterMatcher {
  private readonly items: Indexed[];
  private readonly byKey = new Map<string, number[]>();
  /** byKey with the spaces taken out: "Smithjones", "Mc Donald", "Anne Marie" as one word or two. */
  private readonly byCompactKey = new Map<string, number[]>();
  private readonly byId = new Map<string, number>();
  private readonly byEmail = new Map<string, number>();
  /** E-mails (lower case) on more than one entry, with those entries: a shared inbox, a duplicate. */
  private readonly sharedEmails = new Map<string, number[]>();
  private readonly byCode = new Map<string, number>();
  /** byId, then byEmail, then byCode in one map (exactRef runs once per respondent). */
  private readonly byRef = new Map<string, number>();
  /** Ids and codes that are whole numbers, by the number (numericRef); -1 where two share one. */
  private readonly byNumber = new Map<string, number>();
  /** byRef again, for keys whose hashString the caller has (exactRefHashed). */
  private readonly refTable = new StringTable();
  private readonly byToken = new Map<string, number[]>();
  /** Columns (lower-cased) the codebook numbers codes for on their own (`Q2___1`). */
  private readonly scopedColumns = new Set<string>();
  /** Codebook labels of codes that name no one on the roster ("7" is "Other", "12" a new group). */
  private readonly codeLabels = new Map<string, string>();
  /** People by the words of their role (and the words it implies), for "the librarian". */
  private readonly byRoleWord = new Map<string, number[]>();
  private readonly vocabulary: string[];
  private readonly weight = new Map<string, number>();
  private readonly memo = new Map<string, MatchResult>();
  private readonly typedWords = new Map<string, TypedWord>();
  /** Every role, service and title word of the roster. */
  private readonly contextWords = new Set<string>();
  private readonly exactMemo = new Map<string, number[]>();
  /** Every name key and each of its leading runs of words ("patel", "patel priya"). */
  private readonly keyStarts = new Set<string>();
  /** The leading runs of words of name keys that more words follow ("patel" of "patel priya"). */
  private readonly keyPrefixes = new Set<string>();
  /** Whether some id, e-mail or code holds ", " (so a comma-joined text could be one). */
  private readonly refWithComma: boolean;
  private readonly beginMemo = new Map<string, boolean>();
  /** Two name words that follow each other, written as one ("foodbank" for Food Bank): the two. */
  private readonly joinedWords = new Map<string, [string, string]>();
  /** Roster name words by compactWord ("mcleod" for MacLeod), for two typed words that are one. */
  private readonly byCompactWord = new Map<string, string>();
  /** compactWord of every two name words that follow each other, run together ("mcleod" of Mc Leod). */
  private readonly writtenApart = new Set<string>();
  /** Per entry, whether hasNamesake found another spelling of their name on the roster. */
  private readonly namesakes = new Map<number, boolean>();
  /** Name keys of answer choices that hold ", " (addChoiceLabels): whole labels, not people. */
  private readonly choiceKeys = new Set<string>();
  /** The first words of the roster's people's names. */
  private readonly firstNames = new Set<string>();
  /** The surnames of the roster's people ("walsh"), for a family named in the plural. */
  private readonly surnames = new Set<string>();
  /** Each roster name word's spellingKey. */
  private readonly spellingOf = new Map<string, string>();
  /** Roster name words by spellingKey, of four letters or more. */
  private readonly bySpelling = new Map<string, string[]>();
  /** Groups by the initials of their name's words ("wi" for Women's Institute). */
  private readonly byInitials = new Map<string, number[]>();
  /** Groups by each leading run of two or more words of their name key, short of the whole ("our lady"). */
  private readonly byNameStart = new Map<string, number[]>();

  constructor(entries: RosterEntry[], codebook?: Iterable<[string, string]>) {
    this.items = entries.map((entry) => this.index(entry));
    this.entries = this.items.map((i) => i.entry);
    const placeWords = townWords(this.items);
    this.items.forEach((item, i) => {
      const { entry } = item;
      this.byId.set(entry.id.toLowerCase(), i);
      if (entry.email) {
        const email = entry.email.trim().toLowerCase();
        const first = this.byEmail.get(email);
        if (first === undefined) this.byEmail.set(email, i);
        else {
          const sharers = this.sharedEmails.get(email);
          if (sharers) sharers.push(i);
          else this.sharedEmails.set(email, [first, i]);
        }
      }
      if (entry.code) this.byCode.set(entry.code.trim().toLowerCase(), i);
      const keys = new Set([nameKey(entry.name), item.nameTokens.join(' ')]);
      if (item.person && item.nameTokens.length >= 2) {
        // "Patel Priya" and "Patel, Priya" as some rosters and forms write them.
        keys.add([...item.nameTokens.slice(-1), ...item.nameTokens.slice(0, -1)].join(' '));
      }
      // Other names they go by match exactly as their own ("Mo Rahman" for Mohammed Rahman), and
      // so does the name their e-mail gives, when it is their first or middle name and surname
      // ("james.pryce@" for Robert James Pryce, who goes by James).
      for (const alias of entry.aliases ?? []) keys.add(nameKey(alias));
      const byEmail = item.person ? emailName(entry.email, item.nameTokens) : null;
      if (byEmail) keys.add(byEmail);
      if (!item.person && item.nameTokens.length >= 2) {
        push(this.byInitials, item.nameTokens.map((t) => t[0]).join(''), i);
        // Without the town's name most of them carry ("WI" for Castlebridge Women's Institute).
        const own = item.nameTokens.filter((t) => !placeWords.has(t));
        if (own.length >= 2 && own.length < item.nameTokens.length)
          push(this.byInitials, own.map((t) => t[0]).join(''), i);
        const key = nameKey(entry.name);
        for (let at = key.indexOf(' '), k = 1; at >= 0; at = key.indexOf(' ', at + 1), k++)
          if (k >= 2) push(this.byNameStart, key.slice(0, at), i);
      }
      for (const key of keys) if (key) push(this.byKey, key, i);
      for (const key of new Set([...keys].map(compact))) if (key) push(this.byCompactKey, key, i);
      for (const t of new Set(item.nameTokens)) push(this.byToken, t, i);
      if (item.person && item.nameTokens.length >= 2) {
        this.firstNames.add(item.nameTokens[0]!);
        for (const t of item.nameTokens.slice(item.surnameFrom)) this.surnames.add(t);
      }
      if (item.person && item.entry.role) {
        // Words that name the role, its own and those it implies ("librarian" for "Library Assistant").
        const role = item.entry.role.toLowerCase();
        const words = new Set(item.roleTokens);
        for (const [re, implied] of ROLE_ALIASES) if (re.test(role)) for (const w of implied) words.add(w);
        for (const w of words) push(this.byRoleWord, w, i);
      }
    });
    // Rare words identify; words shared by many names ("Millbrook", "Community") barely do.
    const n = Math.max(1, this.items.length);
    for (const [t, list] of this.byToken) this.weight.set(t, Math.log(1 + n / list.length));
    for (const item of this.items) {
      for (const t of item.nameTokens) item.totalWeight += this.weight.get(t) ?? 1;
      for (const c of item.context) this.contextWords.add(c);
    }
    this.vocabulary = [...this.byToken.keys()];
    for (const v of this.vocabulary) {
      const key = spellingKey(v);
      this.spellingOf.set(v, key);
      if (v.length >= 4) push(this.bySpelling, key, v);
    }
    for (const v of this.vocabulary)
      if (!this.byCompactWord.has(compactWord(v))) this.byCompactWord.set(compactWord(v), v);
    for (const { nameTokens: t } of this.items) {
      for (let k = 0; k + 1 < t.length; k++) {
        const joined = compactWord(t[k]! + t[k + 1]!);
        this.writtenApart.add(joined);
        // Five letters and more ("AgeUK" for Age UK), where no roster word is spelled so; not with
        // an initial ("islaj" of Isla J. Jones is more likely a slip in typing Isla Jones).
        if (joined.length >= 5 && t[k]!.length > 1 && t[k + 1]!.length > 1 && !this.byCompactWord.has(joined))
          this.joinedWords.set(joined, [t[k]!, t[k + 1]!]);
      }
    }
    if (codebook) {
      for (const [code, target] of codebook) {
        const hit = this.byId.get(target.toLowerCase()) ?? this.byKey.get(nameKey(target))?.[0];
        const key = code.trim().toLowerCase();
        if (hit != null && !this.byCode.has(key)) this.byCode.set(key, hit);
        else if (hit == null && !this.codeLabels.has(key)) this.codeLabels.set(key, target.trim());
        const scope = key.indexOf('___');
        if (scope > 0) this.scopedColumns.add(key.slice(0, scope));
      }
      for (const key of this.byCode.keys()) this.codeLabels.delete(key);
    }
    // An e-mail on several entries names none of them for sure: exactRef leaves it out.
    for (const email of this.sharedEmails.keys()) this.byEmail.delete(email);
    for (const map of [this.byCode, this.byEmail, this.byId]) for (const [k, i] of map) this.byRef.set(k, i);
    for (const key of this.byKey.keys()) this.addKeyStarts(key);
    for (const [k, i] of this.byRef) this.refTable.set(k, hashString(k), i);
    this.refWithComma = [...this.byRef.keys()].some((k) => k.includes(', '));
    for (const map of [this.byCode, this.byId]) {
      for (const [k, i] of map) {
        const number = asWholeNumber(k);
        if (number === null) continue;
        const other = this.byNumber.get(number);
        // Two entries one number names ("7" and "007") leave it to neither.
        this.byNumber.set(number, other === undefined || other === i ? i : -1);
      }
    }
  }

  /**
   * The entry whose numeric roster id or code this is once a spreadsheet has had it: "29" or
   * "29.0" for "029", or "029" for 29. For linking respondents by their id column only, where one
   * side went through Excel or LibreOffice and the other did not; never for typed names.
   */
  numericRef(text: string): number | null {
    const number = asWholeNumber(text.trim());
    const hit = number === null ? undefined : this.byNumber.get(number);
    return hit === undefined || hit < 0 ? null : hit;
  }

  /**
   * Can a text that begins with `part`, then ", " and more, be one isKnown accepts? False when no
   * id, e-mail or code holds ", " and no name key begins with the words of `part`: normalisation
   * works word by word, so the key of "A, B" is A's key, a space, then B's. splitNames uses it
   * to skip joining typed names that cannot form a roster label ("Dr P Patel, Helen Okafor").
   */
  mayBeginLabel(part: string): boolean {
    let may = this.beginMemo.get(part);
    if (may === undefined) {
      const key = nameKey(part);
      may = this.refWithComma || key === '' || this.keyStarts.has(key);
      if (this.beginMemo.size < 200_000) this.beginMemo.set(part, may);
    }
    return may;
  }

  /**
   * mayBeginLabel where the part after the comma has words of its own (a name key that is not
   * empty): the key of such a join is part's key, a space and more words, so part's key must be a
   * leading run of words of some name key, short of the whole. Not memoised: callers memoise.
   */
  mayBeginLongerLabel(part: string): boolean {
    const key = nameKey(part);
    return this.refWithComma || key === '' || this.keyPrefixes.has(key);
  }

  /** The roster, in order (one array for the matcher's life: callers ask for it per respondent). */
  readonly entries: RosterEntry[];

  private index(entry: RosterEntry): Indexed {
    const person = entry.type !== 'group' && entry.type !== 'service';
    const all = tokens(person ? surnameLast(entry.name) : entry.name);
    const titles = new Set(all.filter((t) => TITLES.has(t)));
    const nameTokens = person ? all.filter((t) => !TITLES.has(t)) : all.filter((t) => !STOP_WORDS.has(t));
    const context = new Set<string>();
    const roleText = `${entry.role ?? ''} ${entry.service ?? ''}`.toLowerCase();
    for (const t of tokens(roleText)) if (!STOP_WORDS.has(t)) context.add(t);
    for (const [re, words] of ROLE_ALIASES) if (re.test(roleText)) for (const w of words) context.add(w);
    for (const t of titles) context.add(t);
    const roleTokens = new Set(tokens(entry.role ?? '').filter((t) => !STOP_WORDS.has(t)));
    const named = nameTokens.length ? nameTokens : all;
    // A double-barrelled surname ("Evans-Thomas", "García-López") is its words together: either
    // one typed after the first name names the person as the surname does.
    const lastWord = (person ? surnameLast(entry.name) : '').trim().split(/\s+/).at(-1) ?? '';
    const surnameWords = /\p{L}[-‐‑]\p{L}/u.test(lastWord) ? tokens(lastWord).length : 1;
    return {
      entry,
      nameTokens: named,
      surnameFrom: Math.max(1, named.length - surnameWords),
      titles,
      context,
      roleTokens,
      person,
      ownWords: new Set(person ? [] : all),
      totalWeight: 0,
    };
  }

  /** Whether the codebook numbers this column's codes on their own (a `Variable` or REDCap field). */
  codesScopedTo(column: string): boolean {
    return this.scopedColumns.has(column.trim().toLowerCase());
  }

  /** The codebook's label for a code that names no one on the roster (`Q2___7` or `7`), if any. */
  labelOfCode(code: string): string | undefined {
    return this.codeLabels.size === 0 ? undefined : this.codeLabels.get(code.trim().toLowerCase());
  }

  /** The roster id, e-mail, code or exact name this text stands for, without fuzzy matching. */
  exact(text: string): number[] {
    const cached = this.exactMemo.get(text);
    if (cached) return cached;
    const hit = this.exactRef(text);
    const result = hit != null ? [hit] : (this.byKey.get(nameKey(text)) ?? NONE);
    if (this.exactMemo.size < 200_000) this.exactMemo.set(text, result);
    return result;
  }

  /** Whether any e-mail is on several entries (sharingEmail is then worth asking). */
  get sharesEmails(): boolean {
    return this.sharedEmails.size > 0;
  }

  /** The entries that share this e-mail (trimmed, lower case), when several do; else none. */
  sharingEmail(email: string): readonly RosterEntry[] {
    const shared = this.sharedEmails.size === 0 ? undefined : this.sharedEmails.get(email);
    return shared ? shared.map((i) => this.entries[i]!) : NO_ENTRIES;
  }

  /** The entry whose roster id, e-mail or code this is (no name matching): cheap, not memoised. */
  exactRef(text: string): number | null {
    return this.exactRefKey(lowerCase(text.trim()));
  }

  /** exactRef for text already trimmed and lower-cased. */
  exactRefKey(key: string): number | null {
    return this.byRef.get(key) ?? null;
  }

  /**
   * exactRefKey for a key whose hashString is known (a respondent's e-mail, hashed in screening):
   * the engine need not hash 100,000 fresh strings again.
   */
  exactRefHashed(key: string, hash: number): number | null {
    const hit = this.refTable.get(key, hash);
    return hit < 0 ? null : hit;
  }

  isKnown(text: string): boolean {
    return this.exact(text).length > 0 || (this.choiceKeys.size > 0 && this.choiceKeys.has(nameKey(text)));
  }

  /**
   * Answer choices that hold ", " (learned from a Google Forms export): splitting keeps them whole,
   * as it keeps roster labels; matching them to the roster is unchanged (they are not people on it).
   */
  addChoiceLabels(labels: readonly string[]): void {
    for (const label of labels) {
      const key = nameKey(label);
      if (!key || this.choiceKeys.has(key)) continue;
      this.choiceKeys.add(key);
      this.addKeyStarts(key);
    }
    this.beginMemo.clear();
  }

  /** A label's key and each leading run of its words, for mayBeginLabel and mayBeginLongerLabel. */
  private addKeyStarts(key: string): void {
    for (let at = key.indexOf(' '); at >= 0; at = key.indexOf(' ', at + 1)) {
      this.keyStarts.add(key.slice(0, at));
      this.keyPrefixes.add(key.slice(0, at));
    }
    this.keyStarts.add(key);
  }

  match(text: string): MatchResult {
    const cached = this.memo.get(text);
    if (cached) return cached;
    const result = this.compute(text);
    // Bounded memo: free text with a million distinct typos must not grow without end.
    if (this.memo.size < 200_000) this.memo.set(text, result);
    return result;
  }

  /**
   * Whether another person on the roster has the same name but for a spelling or nickname of one
   * word (Mohammed and Muhammad Rahman, Siobhan and Siobhán... Kelly): only those sharing the
   * surname are compared, once per entry.
   */
  private hasNamesake(i: number): boolean {
    let found = this.namesakes.get(i);
    if (found === undefined) {
      const own = this.items[i]!.nameTokens;
      const same = (j: number) => {
        const other = this.items[j]!.nameTokens;
        if (j === i || other.length !== own.length || !this.items[j]!.person) return false;
        let differ = 0;
        for (let k = 0; k < own.length && differ < 2; k++) {
          if (own[k] === other[k]) continue;
          differ++;
          if (
            wordScore(own[k]!, other[k]!) < NAMESAKE &&
            this.spellingOf.get(own[k]!) !== this.spellingOf.get(other[k]!)
          )
            return false;
        }
        return differ === 1;
      };
      found = this.items[i]!.person && own.length > 0 && (this.byToken.get(own.at(-1)!) ?? NONE).some(same);
      this.namesakes.set(i, found);
    }
    return found;
  }

  private candidate(i: number, confidence: number): Candidate {
    const e = this.items[i]!.entry;
    return { id: e.id, name: e.name, confidence: Math.round(confidence * 1000) / 1000 };
  }

  private compute(text: string): MatchResult {
    if (text.includes('?')) {
      const restored = this.withLostLetters(text);
      if (restored !== text) {
        // Read, not as written: never an exact match, and listed among those matched otherwise.
        const result = this.compute(restored);
        if (result.how !== 'exact') return result;
        const candidates = result.candidates.map((c) => ({ ...c, confidence: Math.min(c.confidence, 0.95) }));
        return { ...result, confidence: 0.95, candidates, how: 'fuzzy' };
      }
    }
    const raw = text.trim();
    const lower = raw.toLowerCase();
    for (const [map, how] of [
      [this.byId, 'id'],
      [this.byEmail, 'email'],
      [this.byCode, 'code'],
    ] as const) {
      const hit = map.get(lower);
      if (hit != null)
        return { id: this.items[hit]!.entry.id, confidence: 1, candidates: [this.candidate(hit, 1)], how };
    }
    const exact = this.byKey.get(nameKey(raw));
    // Exact, unless another roster name is the same by another spelling (Mohammed and Muhammad
    // Rahman): then the spelling alone decides nothing, and both are suggested.
    if (exact && exact.length === 1 && !this.hasNamesake(exact[0]!)) {
      return {
        id: this.items[exact[0]!]!.entry.id,
        confidence: 1,
        candidates: [this.candidate(exact[0]!, 1)],
        how: 'exact',
      };
    }
    // "the Walshes", "the PCSOs": several people, each suggested as for one, none accepted.
    const singular = exact ? null : this.singular(raw);
    if (singular !== null) {
      const result = this.compute(singular);
      if (result.candidates.length > 0) return { ...result, id: null, how: 'none' };
    }
    const scored = this.fuzzy(raw);
    // A group by its initials ("WI", "the JCP" for Jobcentre Plus) or a common short name ("CAB"
    // for Citizens Advice): suggested, never accepted, as initials stand for much else.
    const acronym = raw.replace(/^the\s+/i, '').replace(/['’]s$/, '');
    if (/^[A-Z]{2,6}$/.test(acronym)) {
      const key = acronym.toLowerCase();
      const found = [...(this.byInitials.get(key) ?? NONE), ...this.groupsCalled(KNOWN_ACRONYMS[key] ?? [])];
      for (const i of found) scored.set(i, Math.max(scored.get(i) ?? 0, INITIALS));
    }
    if (!exact) {
      // The first words of a group's name ("Our Lady's" for Our Lady of Lourdes RC Church), most
      // of them stop words the fuzzy reading leaves out: a suggestion, as for initials.
      const key = nameKey(raw).replace(/^the /, '');
      const starts =
        this.byNameStart.get(key) ?? (key.endsWith('s') ? this.byNameStart.get(key.slice(0, -1)) : undefined);
      for (const i of starts ?? NONE) scored.set(i, Math.max(scored.get(i) ?? 0, INITIALS));
      // The same letters, spaced otherwise (a double-barrelled or prefixed name written as one
      // word or two): nearly exact, yet still weighed against the other candidates.
      for (const i of this.byCompactKey.get(compact(nameKey(raw))) ?? NONE) {
        scored.set(i, Math.max(scored.get(i) ?? 0, COMPACT_MATCH));
      }
    }
    if (exact) {
      // Two roster people share this exact name (or a namesake spells it otherwise): never guess.
      for (const i of exact) scored.set(i, 1);
    }
    // Nothing sure by name: perhaps a person described by their role ("the headteacher at Riverside").
    if (!exact && ![...scored.values()].some((c) => c >= AUTO_ACCEPT)) {
      for (const [i, c] of this.described(raw)) scored.set(i, Math.max(c, scored.get(i) ?? 0));
    }
    const ranked = [...scored.entries()]
      .filter(([, c]) => c >= SUGGEST)
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, 5);
    const candidates = ranked.map(([i, c]) => this.candidate(i, c));
    const best = ranked[0];
    const second = ranked[1];
    // "John Smith (my neighbour)": someone the writer knows, perhaps not the roster's John Smith.
    const relation =
      best != null &&
      tokens(raw).some((t) => RELATION_WORDS.has(t) && !this.items[best[0]]!.nameTokens.includes(t));
    const sure =
      best != null &&
      best[1] >= AUTO_ACCEPT - 1e-9 &&
      (second == null || best[1] - second[1] >= AUTO_MARGIN - 1e-9) &&
      !exact &&
      !relation &&
      !this.namesSomeoneElse(raw, best[0], scored);
    return {
      id: sure ? this.items[best[0]]!.entry.id : null,
      confidence: Math.round((best?.[1] ?? 0) * 1000) / 1000,
      candidates,
      how: sure ? 'fuzzy' : 'none',
    };
  }

  /**
   * Whether the text is a roster person's whole name, other than `best`'s, and words of role or
   * title only ("Aisha Baker Housing officer" for Aisha Baker, a councillor, where `best` is Aisha
   * H. Baker-Taylor, the housing officer): the name says one person and the role another, so the
   * writer must say which. Not when a word is left that only `best`'s name explains ("Ivy H.
   * Kelly-Cooer" is Ivy H. Kelly-Cooper more than Ivy Kelly).
   */
  private namesSomeoneElse(text: string, best: number, scored: Map<number, number>): boolean {
    const typed = tokens(text).filter((w) => !STOP_WORDS.has(w));
    const named = (i: number) => {
      const item = this.items[i]!;
      if (!item.person || item.nameTokens.length < 2 || !item.nameTokens.every((w) => typed.includes(w)))
        return false;
      return typed.every(
        (w) =>
          item.nameTokens.includes(w) || TITLES.has(w) || this.byRoleWord.has(w) || this.contextWords.has(w),
      );
    };
    if (named(best)) return false;
    for (const i of scored.keys()) if (i !== best && named(i)) return true;
    return false;
  }

  /**
   * The people a text describes by role and place alone ("the librarian", "my GP at Northgate"):
   * each whose role one of its words names and whose role, service and implied words explain
   * every other word. Below DESCRIBED: less when the role is only implied, when the role says
   * more than the text ("Deputy Headteacher" for "the headteacher"), and when several fit.
   */
  private described(text: string): Map<number, number> {
    const words = this.joinWrittenApart(descriptionWords(text));
    const out = new Map<number, number>();
    if (words.length === 0 || words.length > 6) return out;
    const pool = new Set<number>();
    for (const w of words) for (const i of this.byRoleWord.get(w) ?? NONE) pool.add(i);
    const fits: [number, number][] = [];
    for (const i of pool) {
      const item = this.items[i]!;
      if (!words.every((w) => this.explains(item, w))) continue;
      const direct = words.some((w) => item.roleTokens.has(w));
      let unsaid = 0;
      for (const t of item.roleTokens) if (!words.includes(t)) unsaid++;
      fits.push([i, DESCRIBED - (direct ? 0 : 0.1) - 0.05 * unsaid]);
    }
    const spread = Math.min(0.2, 0.1 * (fits.length - 1));
    for (const [i, c] of fits) if (c - spread >= SUGGEST) out.set(i, c - spread);
    return out;
  }

  /**
   * A text naming people in the plural by their surname or role ("the Walshes", "the PCSOs"),
   * with that word made singular ("the walsh"); null for any other text. Not a word the roster
   * has as it is ("Carers"), nor a possessive ("Walsh's").
   */
  private singular(text: string): string | null {
    if (!/s\s*$/i.test(text) || /['’]s\s*$/.test(text)) return null;
    const words = tokens(text);
    const w = words.at(-1)!;
    if (w.length < 3 || this.byToken.has(w) || this.contextWords.has(w)) return null;
    if (words.some((t, k) => k < words.length - 1 && !STOP_WORDS.has(t))) return null;
    for (const stem of [w.slice(0, -1), w.endsWith('es') ? w.slice(0, -2) : '']) {
      if (stem && (this.surnames.has(stem) || this.byRoleWord.has(stem)))
        return [...words.slice(0, -1), stem].join(' ');
    }
    return null;
  }

  /** Whether a text has a "?" for a letter: as LOST_LETTER sees one, or where a roster word fits ("Zo?"). */
  hasLostLetters(text: string): boolean {
    return text.includes('?') && (LOST_LETTER.test(text) || this.withLostLetters(text) !== text);
  }

  /**
   * A letter the file's encoding could not hold, saved as "?" ("?ukasz Wi?niewski", "Zo?"): each
   * word with a "?" among its letters becomes the one roster word it fits with any letter there;
   * fitting none or several, it loses its lost letters (LOST_LETTER), leaving a word a letter
   * short that matching forgives as a typo. A question mark after a word ("Dr Patel?") fits none.
   */
  private withLostLetters(text: string): string {
    const restored = text.replace(/[\p{L}']*\?[\p{L}'?]*/gu, (word) => {
      if (!/\p{L}/u.test(word)) return word;
      const pattern = new RegExp(
        `^${word
          .split('?')
          .map((part) => normaliseText(part).replace(/ /g, ''))
          .join('.')}$`,
      );
      const fits = this.vocabulary.filter((v) => pattern.test(v));
      return fits.length === 1 ? fits[0]! : word;
    });
    return LOST_LETTER.test(restored) ? withoutLostLetters(restored) : restored;
  }

  /** A first name in the nickname lists or of someone on the roster. */
  private isGivenName(w: string): boolean {
    return isGivenName(w) || this.firstNames.has(w);
  }

  /** Whether a word is one of the person's role, service or place words, or a misspelling of one. */
  private explains(item: Indexed, w: string): boolean {
    return (
      item.context.has(w) || (w.length >= 5 && this.typedWord(w).context.some((c) => item.context.has(c)))
    );
  }

  /**
   * Whether `part`, written after a comma, may only say who the name before it is ("Riverside
   * Surgery", "PCSO", "Neighbourhood Manager"): it names no one on its own, and each of its words
   * is a role, service or place word on the roster. Asked of each distinct piece after a comma.
   */
  mayDescribe(part: string): boolean {
    const words = this.joinWrittenApart(descriptionWords(part));
    if (words.length === 0 || words.length > 6) return false;
    const contextual = (w: string) =>
      this.contextWords.has(w) || (w.length >= 5 && this.typedWord(w).context.length > 0);
    return words.every(contextual) && !this.isKnown(part) && this.match(part).id == null;
  }

  /**
   * "Dr Patel, Riverside Surgery", "Amira, PCSO", "Karen Douglas, Neighbourhood Manager": whether
   * `part` only says who `person` is, so that the two are one name, not two. Read together they
   * point first to one roster person, whom `person` alone suggests too and whose role, service or
   * place words are all of `part`'s ("Sgt Jones, Millbrook Library" stays two: the library is
   * not the sergeant's); when `person` alone is someone already, together they must be the same.
   */
  describes(person: string, part: string): boolean {
    if (!this.mayDescribe(part)) return false;
    // Only someone `person` alone suggests can be meant; most often none of them fits the part's
    // words ("Helen Okafor, the food bank"), and the two are not matched together at all.
    const alone = this.match(person);
    const words = this.joinWrittenApart(descriptionWords(part));
    const fits = (id: string) => {
      const i = this.byId.get(id.toLowerCase());
      return i !== undefined && words.every((w) => this.explains(this.items[i]!, w));
    };
    if (!alone.candidates.some((c) => fits(c.id))) return false;
    const together = this.match(`${person}, ${part}`);
    const best = together.candidates[0];
    if (!best || !fits(best.id)) return false;
    return alone.id != null ? together.id === alone.id : alone.candidates.some((c) => c.id === best.id);
  }

  /**
   * A saint's day name as people shorten it, "St Joe's" for St Joseph's, "St Pat's" for St
   * Patrick's: the word after "St" or "Saint", possessive, read as the roster's possessive of the
   * name it is a short form of. Only after "St": "Bills" is not Williams.
   */
  private saintsByShortName(words: string[]): string[] {
    let out: string[] | null = null;
    for (let k = 1; k < words.length; k++) {
      const w = words[k]!;
      if ((words[k - 1] !== 'st' && words[k - 1] !== 'saint') || !w.endsWith('s') || this.byToken.has(w))
        continue;
      const short = w.slice(0, -1);
      const long = this.vocabulary.find((v) => v.endsWith('s') && areNicknames(short, v.slice(0, -1)));
      if (long) (out ??= [...words])[k] = long;
    }
    return out ?? words;
  }

  /**
   * Two typed words the roster writes as one, read as that one: "job centre" for Jobcentre Plus,
   * "neighbour hood" for Neighbourhood. Only where the two run together are a roster name, role
   * or service word and neither alone is one ("food bank" stays two words for a Food Bank).
   */
  private joinWrittenApart(words: string[]): string[] {
    if (words.length < 2) return words;
    const known = (w: string) => this.byToken.has(w) || this.contextWords.has(w);
    let out: string[] | null = null;
    for (let k = 0; k < words.length; k++) {
      const joined = k + 1 < words.length ? words[k]! + words[k + 1]! : '';
      // A roster name word ("Mc Leod" for MacLeod, "Food bank" for a Foodbank), unless some roster
      // name writes the two apart: then they may be that name's.
      const name =
        joined.length >= 5 && words[k]!.length > 1 && words[k + 1]!.length > 1
          ? this.byCompactWord.get(compactWord(joined))
          : undefined;
      const asName = name !== undefined && !this.writtenApart.has(compactWord(joined));
      if (asName || (joined.length >= 6 && known(joined) && !(known(words[k]!) && known(words[k + 1]!)))) {
        (out ??= words.slice(0, k)).push(asName ? name : joined);
        k++;
      } else out?.push(words[k]!);
    }
    return out ?? words;
  }

  /** Every roster entry sharing a word (or a nickname, typo or prefix of one) with the text, scored. */
  /** The roster's groups whose names hold all the words of one of `phrases`. */
  private groupsCalled(phrases: string[][]): number[] {
    if (phrases.length === 0) return [];
    return this.items.flatMap((item, i) =>
      !item.person && phrases.some((words) => words.every((w) => item.nameTokens.includes(w))) ? [i] : [],
    );
  }

  private fuzzy(text: string): Map<number, number> {
    // "Aoife, prescriptrice sociale": role words of other languages read in English.
    const all = inEnglish(this.saintsByShortName(withoutHonorifics(tokens(text))), (w) =>
      this.byToken.has(w),
    );
    const titles = all.filter((t) => TITLES.has(t));
    const personWords = all.filter((t) => TITLES.has(t) || PERSON_WORDS.has(t));
    // "the foodbank" is "the food bank": a word the roster writes as two is read as the two.
    const words = this.joinWrittenApart(
      all
        .filter((t) => !TITLES.has(t) && !STOP_WORDS.has(t))
        .flatMap((t) => this.joinedWords.get(compactWord(t)) ?? [t]),
    );
    const scores = new Map<number, number>();
    if (words.length === 0 || words.length > 12) return scores;
    const typed = words.map((w) => this.typedWord(w));
    const pool = new Set<number>();
    words.forEach((w, k) => {
      for (const i of this.byToken.get(w) ?? NONE) pool.add(i);
      if (w.length < 2) return;
      // Roster words it may stand for: nicknames, typos, words it begins (not a lone initial).
      for (const v of typed[k]!.names.keys()) {
        if (v !== w && v.length > 1) for (const i of this.byToken.get(v)!) pool.add(i);
      }
    });
    for (const i of pool) scores.set(i, this.score(this.items[i]!, words, typed, titles, personWords));
    return scores;
  }

  /**
   * What a typed word may stand for on the roster, worked out once per word typed (thousands of
   * answers repeat the same words, and a large roster shares each surname among many candidates):
   * every roster name word with its wordScore above 0, and the role and place words a word of five
   * letters or more may misspell.
   */
  private typedWord(w: string): TypedWord {
    let typed = this.typedWords.get(w);
    if (!typed) {
      const names = new Map<string, number>();
      const doubtful = new Set<string>();
      for (const v of this.vocabulary) {
        const s = wordScore(w, v);
        if (s > 0) names.set(v, s);
        if (s > 0 && doubtfulReading(w, v)) doubtful.add(v);
      }
      // Another spelling of the same name (Harjeet for Harjit, Hasan for Hassan): as a nickname.
      if (w.length >= 4) {
        for (const v of this.bySpelling.get(spellingKey(w)) ?? NO_WORDS) {
          if ((names.get(v) ?? 0) < SAME_SPELLING) names.set(v, SAME_SPELLING);
          doubtful.delete(v);
        }
      }
      const context: string[] = [];
      if (w.length >= 5)
        for (const c of this.contextWords) if (c.length >= 5 && closeEnough(w, c)) context.push(c);
      typed = { names, context, doubtful };
      if (this.typedWords.size < 100_000) this.typedWords.set(w, typed);
    }
    return typed;
  }

  private score(
    item: Indexed,
    words: string[],
    typed: TypedWord[],
    titles: string[],
    personWords: string[],
  ): number {
    const names = item.nameTokens;
    const used = new Array<boolean>(names.length).fill(false);
    let matchedWeight = 0;
    const totalWeight = item.totalWeight;
    let unexplained = 0;
    let context = 0;
    let lastMatched = 0;
    let firstMatched = 0;
    let matchedCount = 0;
    let initialConflict = 0;
    let strayInitials = 0;
    let otherInitial = false;
    // The surname word the last typed one stood for: an earlier word for a later one is out of order.
    let surnameAt = -1;
    let reversed = false;
    // A word read as a name it may well not be ("Green" for Greenwood, "Shaw" for Shah).
    let doubtful = false;
    // Name words typed exactly as the roster has them: two of them outweigh one doubtful word
    // ("Zoe Bronte-Hal" for Zoë Brontë-Hall), one does not ("Imran Shaw" for Imran Shah).
    let exact = 0;
    // Given names read as place words ("David" of St David's Church): contradictions unless the
    // person's own first name was typed too.
    let givenAsContext = 0;
    for (let k = 0; k < words.length; k++) {
      const w = words[k]!;
      let best = 0;
      let bestJ = -1;
      // A whole word stands for a roster middle initial only where a middle name is typed: after
      // the first name, before the surname ("Sam Martin Moore-King"). "Moore-Martin" and "Dr
      // Moore-Martin" are a surname, not Sam M. Moore-King's initial.
      const middleName = used[0]! && lastMatched === 0;
      for (let j = 0; j < names.length; j++) {
        if (used[j]) continue;
        if (j > 0 && !middleName && w.length > 1 && names[j]!.length === 1 && item.person) continue;
        const s = typed[k]!.names.get(names[j]!) ?? 0;
        if (s > best) {
          best = s;
          bestJ = j;
        }
      }
      if (bestJ >= 0 && best > 0) {
        used[bestJ] = true;
        if (typed[k]!.doubtful.has(names[bestJ]!)) doubtful = true;
        if (best === 1) exact++;
        matchedCount++;
        matchedWeight += best * (this.weight.get(names[bestJ]!) ?? 1);
        if (bestJ >= item.surnameFrom) {
          lastMatched = Math.max(lastMatched, best);
          // "King-Moore" for Sam M. Moore-King: the words of another double-barrelled surname.
          if (bestJ < surnameAt) reversed = true;
          surnameAt = bestJ;
        }
        if (bestJ === 0) firstMatched = best;
      } else if (item.context.has(w) || typed[k]!.context.some((c) => item.context.has(c))) {
        context++;
        if (item.person && this.isGivenName(w)) givenAsContext++;
      } else if (w.length === 1) {
        // "Dr A Patel" against Priya Patel: an initial that contradicts the first name.
        if (item.person && names.length >= 2 && !used[0]) initialConflict++;
        // "Wendy Y. Price": after the first name, a middle initial the name lacks, as a word it
        // lacks ("Wendy Y. han-Price" is Wendy Y. Khan-Price more than Wendy Price).
        else if (item.person && names.length >= 2) {
          strayInitials++;
          // "Tom Y. Price-Smith" against Tom A. Price-Smith: another middle initial, another person
          // (or a slip), however well the rest fits.
          if (names.some((n, j) => n.length === 1 && !used[j])) otherInitial = true;
        }
      } else {
        // A word that is someone else's name ("Patel Okafor") speaks against this candidate more.
        unexplained += this.byToken.has(w) ? 1.75 : 1;
      }
    }
    if (matchedCount === 0) return 0;
    if (firstMatched === 0 && givenAsContext > 0) {
      context -= givenAsContext;
      unexplained += givenAsContext;
    }
    let base = totalWeight > 0 ? matchedWeight / totalWeight : 0;
    let agree = 0;
    let courtesy = 0;
    let conflict = 0;
    // A title of a calling the roster says this person is not of ("Dr" for a volunteer driver).
    let contradicted = false;
    const saysWhatTheyAre = item.titles.size > 0 || item.roleTokens.size > 0;
    for (const t of titles) {
      const hints = TITLE_HINTS[t];
      const calling = TITLE_CALLING[t];
      if (item.titles.has(t) || SAME_TITLE[t]?.some((same) => item.titles.has(same))) agree++;
      else if (COURTESY_TITLES.has(t)) {
        if (otherGender(item.titles, t)) conflict++;
        else courtesy++;
      } else if (calling && otherCalling(item.titles, calling)) {
        conflict++;
        contradicted = true;
      } else if (hints) {
        // The role says what someone is; where it is silent ("Partner", "Neighbourhood Officer"),
        // where they work may: a practice nurse is at a surgery too, but is no doctor.
        // Another rank of the same calling ("Sgt Singh" for a constable) neither agrees nor
        // conflicts: a slip, or someone else; the calling still ranks them above other callings.
        const role = item.roleTokens;
        const otherRank =
          RANK_TITLES.has(t) &&
          someOf(role, RANK_WORDS) &&
          !hints.some((h) => RANK_WORDS.has(h) && role.has(h));
        if (otherRank) continue;
        if (hints.some((h) => role.has(h))) agree++;
        else if ((TITLE_SERVICE_HINTS[t] ?? []).some((h) => item.context.has(h)) && !someOf(role, ROLE_WORDS))
          agree++;
        else {
          conflict++;
          // Where the roster says what they are, a title of another calling is someone else.
          if (calling && item.person && saysWhatTheyAre) contradicted = true;
        }
      }
    }
    const agreements = Math.min(2, context + agree);
    // A courtesy title says nothing of who someone is ("Mrs Smith" is anyone's Smith): a hint
    // among candidates, never enough to lift a surname alone to a match.
    let bonus = 0.15 * agreements + (agreements === 0 && courtesy > 0 ? 0.05 : 0);
    if (item.person && names.length >= 2 && matchedCount < names.length) {
      if (lastMatched > 0 && firstMatched === 0) {
        // A surname alone says a good deal; with a title or role that agrees, enough. Its
        // particles ("de la" of de la Cruz) are the surname's, not more of the name.
        const surnameOnly = names.every(
          (n, j) => !used[j] || j >= item.surnameFrom || SURNAME_PARTICLES.has(n),
        );
        base = surnameOnly ? 0.7 * lastMatched : Math.max(base, 0.7 * lastMatched);
      } else if (firstMatched > 0 && lastMatched === 0) {
        // A first name alone is weak, unless a role or place pins it down ("Eleanor at the library");
        // with a middle name too ("Harjeet Singh" for Harjit Singh Sandhu) a little less weak, so
        // it is suggested before people who share only that middle name as a surname.
        base = Math.min(base, (matchedCount >= 2 ? 0.6 : 0.5) * firstMatched);
        bonus = agreements > 0 ? 0.32 * firstMatched : 0;
      } else if (firstMatched > 0 && lastMatched > 0 && unexplained === 0) {
        // First and last names with a middle name left out ("Gurpreet Sandhu" for Gurpreet Singh
        // Sandhu, "Dafydd Gwilym" for Dafydd ap Gwilym), as people write them.
        base = Math.max(base, 0.9 * Math.min(firstMatched, lastMatched));
      }
    } else if (!item.person && matchedCount === words.length && matchedCount === 1 && names.length > 1) {
      // One distinctive word of a group's name ("mosque"): worth suggesting, not accepting.
      base = Math.max(base, 0.6 * firstOrOnly(matchedWeight, this.weight.get(words[0]!) ?? 1));
    } else if (!item.person && matchedCount === words.length && matchedCount >= 2) {
      // Every word typed is in the group's name ("Food Bank" for "Millbrook Food Bank").
      base = Math.max(
        base,
        0.85 * (matchedWeight / matchedCount / Math.max(...names.map((t) => this.weight.get(t) ?? 1))),
      );
    }
    let score = base + bonus - 0.2 * (unexplained + strayInitials) - 0.15 * conflict - 0.3 * initialConflict;
    if ((doubtful && exact < 2) || contradicted || otherInitial || reversed)
      score = Math.min(score, DOUBTFUL);
    // "the vicar at St Mary's": a person there, not the church itself.
    if (!item.person && personWords.some((w) => !item.ownWords.has(w)))
      score = Math.min(score, PERSON_AT_GROUP);
    // A roster person's first name alone ("Mary") is most likely them, not a group with it as a
    // saint's or place name (St Mary's Church): the group comes after them.
    if (!item.person && words.length === 1 && this.firstNames.has(words[0]!))
      score = Math.min(score, PERSON_AT_GROUP);
    return Math.max(0, Math.min(0.99, score));
  }
}

/** Whether any of `words` is in `set`. */
/** The words of a description that say something: not "the", "at", "my" or "our". */
/** "029", "29" and "29.0" as "29"; null for anything but a whole number so written. */
function asWholeNumber(text: string): string | null {
  const m = /^0*(\d+?)(?:\.0+)?$/.exec(text);
  return m ? m[1]! : null;
}

function descriptionWords(text: string): string[] {
  return inEnglish(withoutHonorifics(tokens(text))).filter(
    (t) => !STOP_WORDS.has(t) && !DESCRIPTION_FILLER.has(t) && !FOREIGN_ARTICLES.has(t),
  );
}

/** Respectful words put after a title in Urdu, Punjabi and Hindi: "Imam sahib", "Doctor ji". */
const HONORIFICS = new Set(['sahib', 'saheb', 'sahab', 'ji', 'jee']);

/**
 * The words without a closing honorific after a title ("Imam sahib" is the imam). After other
 * words it stays: it may be a name's own ("Gurdwara Sahib", "Sahib Singh").
 */
function withoutHonorifics(words: string[]): string[] {
  const last = words.length - 1;
  return last >= 1 && HONORIFICS.has(words[last]!) && TITLES.has(words[last - 1]!)
    ? words.slice(0, last)
    : words;
}

function someOf(words: Set<string>, set: Set<string>): boolean {
  for (const w of words) if (set.has(w)) return true;
  return false;
}

/** Whether a roster person's own courtesy title is of the other gender than `title`'s (Mr for "Mrs"). */
function otherGender(titles: Set<string>, title: string): boolean {
  const typed = GENDER_OF_TITLE[title];
  if (!typed) return false;
  for (const t of titles) if (GENDER_OF_TITLE[t] && GENDER_OF_TITLE[t] !== typed) return true;
  return false;
}

/** Whether a roster person's own titles name a calling, and none of them `calling` (Sgt, not Cllr). */
function otherCalling(titles: Set<string>, calling: string): boolean {
  let other = false;
  for (const t of titles) {
    const own = TITLE_CALLING[t];
    if (own === calling) return false;
    if (own) other = true;
  }
  return other;
}

/** Share of a word's full weight that was matched (a typo matches less than the word itself). */
function firstOrOnly(matched: number, full: number): number {
  return full > 0 ? Math.min(1, matched / full) : 0;
}

const NONE: number[] = [];
const NO_WORDS: string[] = [];
/** How well a word stands for a roster word it is another spelling of (spellingKey), as for a nickname. */
const SAME_SPELLING = 0.9;
const NO_ENTRIES: readonly RosterEntry[] = [];

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  // Values come in order (each roster entry's index in turn), so a repeat can only be the last:
  // searching the whole list made a 200,000-person roster's shared words cost n².
  if (list) {
    if (list[list.length - 1] !== value) list.push(value);
  } else map.set(key, [value]);
}

/**
 * The name a person's e-mail gives ("james.pryce@..."), as a name key, when its words are two or
 * more of their name's words in order and not the whole name: the name they go by.
 */
function emailName(email: string | undefined, nameTokens: readonly string[]): string | null {
  const local = email?.split('@')[0]?.toLowerCase() ?? '';
  const words = local.split(/[._-]+/);
  if (words.length < 2 || words.length >= nameTokens.length) return null;
  let at = 0;
  for (const w of words) {
    at = nameTokens.indexOf(w, at) + 1;
    if (at === 0 || w.length < 2) return null;
  }
  return words.join(' ');
}

function closeEnough(a: string, b: string): boolean {
  const max = allowedTypos(Math.min(a.length, b.length));
  return max > 0 && editDistance(a, b, max) <= max;
}

/** How well a related first name (Liam for William, Sally for Sarah) stands for a roster one. */
const RELATED_NAME = 0.7;

/** How well one typed word stands for one roster name word (0 = not at all). */
export function wordScore(w: string, n: string): number {
  if (w === n) return 1;
  if (areNicknames(w, n)) return 0.9;
  if (relatedNames(w, n)) return RELATED_NAME;
  // Initials: "P Patel" or a roster that lists "J. Smith".
  if (w.length === 1) return n.startsWith(w) ? 0.7 : 0;
  if (n.length === 1) return w.startsWith(n) ? 0.7 : 0;
  const max = allowedTypos(Math.min(w.length, n.length));
  if (max > 0) {
    const d = editDistance(w, n, max);
    if (d <= max) return 1 - 0.12 * d;
  }
  if (w.length >= 3 && n.startsWith(w)) return 0.8;
  return 0;
}

/**
 * Whether a typed word that wordScore reads as roster word `n` may as well be another name: a
 * related first name (Liam, not William), one letter off in a short word, where most changes of
 * a letter make another real name (Shaw and Shah, Chan and Chen, Sean and Sian), or a whole word
 * that begins a longer one (Green of Greenwood, Bell of Bello). Long words keep their typos
 * (Okafur for Okafor), and initials are weighed elsewhere.
 */
function doubtfulReading(w: string, n: string): boolean {
  if (w === n || areNicknames(w, n) || w.length === 1 || n.length === 1) return false;
  if (relatedNames(w, n)) return true;
  if (Math.min(w.length, n.length) < 6 && editDistance(w, n, 1) <= 1) return true;
  return n.length > w.length && n.startsWith(w);
}
