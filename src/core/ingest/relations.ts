// Reads a question's wording (or a tie-type label ticked in a grid) into a relation: need, trust,
// info, or a name of its own. The user can change every choice in the mapping step.
import { spacedWords } from './wording';

// Welsh forms (pilots in Wales run Welsh or bilingual forms) are read too: Welsh words change
// their first letter after some words (mutation), so each is matched in the forms it takes:
// ymddiried (trust), dibynnu / ddibynnu (rely on); gwybodaeth / wybodaeth / ngwybodaeth
// (information), newyddion (news); angen / anghenion (need), cymorth / gymorth / nghymorth /
// chymorth (help), cefnogaeth (support), troi / droi / throi (turn) and mynd / fynd (go) at
// someone ("troi at", "mynd ato", "At bwy ydych chi'n troi?"). French: confiance (trust), besoin
// (need), soutien (support); "inform" already matches.
const PATTERNS: [RegExp, string][] = [
  [
    /\btrust|confide|rely on|depend on|relied|confidence in|faith in|\bh?ymddiried|\bdd?ibynnu\b|\bconfiance\b/,
    'trust',
  ],
  [
    /\binform|\bnews\b|hear about|find out|learn about|updates?\b|keep (you )?up to date|know what.s going on|\binfo\b|\b(n?g)?wybodaeth\b|\bnewyddion\b/,
    'info',
  ],
  [
    /\bneed|\bhelp\b|support|turn to|go to|in times? of|difficult|problem|crisis|emergenc|struggl|worried|\bask\b|\bh?angen\b|\bh?anghenion\b|\b(c|g|ngh|ch)ymorth\b|\b(c|g|ngh|ch)efnogaeth\b|\bat bwy\b.*\b((t|d|th)roi|(m|f)ynd)\b|\b((t|d|th)roi|(m|f)ynd) at(o|i|yn|ynt)?\b|\bbesoins?\b|\bsoutien\b/,
    'need',
  ],
];

/** Names that mark a question as a name generator ("who", "which people"...) when no relation word is present. */
const NAME_GENERATOR =
  /\b(who|whom|which (people|person|organi[sz]ations?|groups?|services?)|name (up to|the people|people)|people you)\b/i;

/**
 * Relation a question's wording asks about; null when it is not recognisably a name generator.
 * Wording written as a field name ("WhoDoYouTrust", Cognito Forms') is read word by word.
 */
export function detectRelation(question: string): string | null {
  const q = spacedWords(question).toLowerCase();
  for (const [re, relation] of PATTERNS) if (re.test(q)) return relation;
  return null;
}

/** True when the wording asks respondents to name people or organisations. */
export function isNameGenerator(question: string): boolean {
  const q = spacedWords(question);
  return NAME_GENERATOR.test(q) || /where do you (get|go|find|turn)/i.test(q) || WELSH_NAME_GENERATOR.test(q);
}

/** Welsh "who" (pwy, mutated bwy / mhwy: "At bwy...", "Ym mhwy...") and "where from" (o ble). */
const WELSH_NAME_GENERATOR = /\b(pwy|bwy|mhwy)\b|\bo ble\b/i;

/** Cell labels that say there is no tie at all: "Never met", "I don't know them", "Not applicable". */
const NO_TIE =
  /^((i )?(do not|don.?t) know (them|him|her|this person)|never met|not met|not known|no (contact|relationship|tie)|never|not at all|none|no|n\/a|not applicable|not sure|(i )?don.?t know)[.!]*$/;

/** A label that denies what it names: "I do not trust them", "Wouldn't go to them", "No help". */
const NEGATED = /\b(not|never|no|cannot|(do|does|did|would|could|wo|ca|is|are)n.?t)\b/;

/**
 * A label worded as a sentence ("I go to them in times of need", "Someone I trust"): three words or
 * more, or one that speaks of a person. Short noun labels ("Family support") stay names of their own.
 */
const SENTENCE = /\b(i|me|my|we|us|our|you|they|them|he|him|she|her|someone|somebody)\b/;

/**
 * A tie-type label ticked in a roster grid ("Advice", "Support", "Trust") as a relation name:
 * the built-in one it clearly means, else its own lower-case name.
 */
export function relationOfLabel(label: string): string | null {
  const l = label.trim().toLowerCase();
  if (!l || NO_TIE.test(l)) return null;
  // The same one-word labels in Welsh and French (see PATTERNS).
  if (/^(trust|trusted|i trust( them)?|ymddiried|confiance)$/.test(l)) return 'trust';
  if (/^(info|information|news|informed|gwybodaeth|newyddion)$/.test(l)) return 'info';
  if (/^(need|help|support|in times of need|angen|cymorth|cefnogaeth|besoin|soutien)$/.test(l)) return 'need';
  // Google Forms grids tick whole sentences: read them with the question wording's patterns, so
  // "I get information from them" joins the info layer rather than becoming a tie type of its own.
  const relation = detectRelation(l);
  if (relation) {
    // "I do not trust them" ticked is no tie at all, not a trust tie nor a new tie type.
    if (NEGATED.test(l)) return null;
    if (SENTENCE.test(l) || l.split(/\s+/).length >= 3) return relation;
  }
  return (
    l
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || null
  );
}

/**
 * Answers on an ordinal scale, as grids that rate each person ask them ("How often are you in
 * contact with...": Never ... Daily; "How close are you to...": Not at all ... Very), lowest first
 * within each scale. Rank 0 means no tie; higher ranks are the tie's weight. Frequencies run from
 * never (0) through yearly (1-2), monthly (3) and weekly (4) to daily (5); closeness and agreement
 * from not at all (0) to very or completely (4-5).
 */
const SCALE: [RegExp, number][] = [
  [
    /^(never|not at all|none|no contact|not applicable|n\/a|do not know (them|him|her)|don'?t know (them|him|her))\b/,
    0,
  ],
  [/^(daily|every ?day|most days|several times a day|(almost|nearly) every ?day)\b/, 5],
  [/^(extremely|completely|very much)\b/, 5],
  [
    /^(weekly|every week|once a week|(a few|several|2-3|two or three) times a (week)|more than once a week)\b/,
    4,
  ],
  [/^(very|often|very often|always)\b/, 4],
  [
    /^(fortnightly|every (two|2) weeks|monthly|every month|once a month|(a few|several|2-3) times a month)\b/,
    3,
  ],
  [/^(quite|fairly|somewhat|moderately|sometimes)\b/, 3],
  [
    /^(a few times a year|every few months|quarterly|less than (once a )?month(ly)?|less often than monthly)\b/,
    2,
  ],
  [/^(a little|slightly|not very|rarely|seldom|occasionally)\b/, 2],
  [/^(yearly|once a year|annually|less than (once a )?(year|yearly)|hardly ever|almost never)\b/, 1],
];

/** The rank of a scale answer (see SCALE), a whole number 0–10 as itself; null when it is neither. */
export function scaleRank(answer: string): number | null {
  const a = answer.trim().toLowerCase();
  if (/^\d{1,2}$/.test(a)) {
    const n = Number(a);
    return n <= 10 ? n : null;
  }
  for (const [re, rank] of SCALE) if (re.test(a)) return rank;
  return null;
}

/**
 * The relation of a rating question whose wording names none of need, trust or info: how often
 * people talk, meet or see each other is "contact", how close they are "closeness"; otherwise the
 * question's own name.
 */
export function ratingRelation(question: string): string {
  if (/\b(contact|talk|speak|meet|see|interact|hear from|work with|how often)\b/i.test(question))
    return 'contact';
  if (/\bclose(ness)?\b/i.test(question)) return 'closeness';
  return relationOfLabel(question) ?? 'named';
}
