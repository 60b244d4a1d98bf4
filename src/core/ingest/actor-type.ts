// Reads the many ways people write an actor type ("Community group", "GP", "Service user") into
// the model's ActorType, and gives respondents their pseudonymous labels ("Resident 17").
import type { ActorType } from '../model';

// Welsh answers too (forms in Wales are Welsh or bilingual): gwas cyhoeddus (public servant),
// swyddog (officer), defnyddiwr gwasanaeth (service user), claf (patient), rhiant (parent),
// gwirfoddolwr (volunteer), grŵp / mudiad / sefydliad / elusen / cymdeithas (group, organisation,
// charity, society), preswylydd / trigolyn / dinesydd / aelod o'r cyhoedd (resident, citizen);
// and French: fonctionnaire, usager, bénévole, habitant, citoyen.

/** Words that name an organisation, in a type ("Community group") or a name ("Oak Lane Club"). */
const ORGANISATION_WORDS =
  /group|organi[sz]ation|association|charity|club|society|\bpta\b|\bforum\b|gr[ŵw]p|\bmudiad|\bsefydliad|\belusen|\bcymdeithas|\bclwb\b|\borganisme/;
const VOLUNTEER_WORDS = /volunteer|gwirfoddolw(r|raig|yr)|b[ée]n[ée]vole/;
const RESIDENT_WORDS =
  /resident|citizen|member of the public|neighbour|local person|individual|householder|homeowner|student|retired|pensioner|\bi live\b|\blives? (in|here|locally|nearby)\b|preswylydd|preswylwyr|trigolyn|trigolion|dinesydd|aelod o.r cyhoedd|r[ée]sident|habitant|citoyen/;
const PROFESSION_WORDS = /\b(head ?teacher|teacher|nurse|doctor|gp|police|pcso|social worker)\b/;

const TYPE_WORDS: [RegExp, ActorType][] = [
  [
    /public[\s_-]*servant|staff|officer|professional|employee|public[\s_-]*sector|^public$|gwas(anaethwr)? cyhoeddus|gweision cyhoeddus|\bswyddog|fonctionnaire|agent public/,
    'public-servant',
  ],
  [
    /service[\s_-]*user|patient|pupil|parent|client|tenant(?!s?[’']?s? (association|forum|federation|committee|group))|customer|\bus(e|es|ing) (the |this |these |a |local |council |our )?services?\b|defnyddiwr|defnyddwyr|\bclaf\b|\brhiant|\bdisgybl|\busager|utilisat(eur|rice)/,
    'service-user',
  ],
  [VOLUNTEER_WORDS, 'volunteer'],
  // A type may say only "voluntary", "faith" or "NGO"; in a name those are too often something
  // else ("Faith Okafor", "Ngozi"), so guessActorType reads the organisation words alone.
  [new RegExp(`${ORGANISATION_WORDS.source}|voluntary|community[\\s_-]*org|vcs|ngo|faith`), 'group'],
  [RESIDENT_WORDS, 'resident'],
  // A public service itself, as a roster's type column names it ("School", "GP practice",
  // "Police", "Parish council"): the organisation, not a person in it.
  [
    /^(the )?(primary |secondary |infant |junior |nursery )?(school|academy|college|nursery|gp (practice|surgery)|surgery|health cent(re|er)|medical cent(re|er)|hospital|pharmacy|library|police( team| station| service)?|neighbourhood policing( team)?|fire (service|station)|job ?centre( plus)?|(parish|town|community|borough|county|district|city) council|council( service| department)?)$/,
    'service',
  ],
  [/^community (cent(re|er)|hall|hub)$/, 'group'],
  // Named professions only after the rest: "Patient of the GP practice" is a service user.
  [PROFESSION_WORDS, 'public-servant'],
  [/^service$|^agency$|^department$/, 'service'],
  // "Other", "Other (please specify)": a respondent of no listed type.
  [/^other\b/, 'other'],
];

/** ActorType of a free-text type, or null when it says nothing recognisable. */
export function parseActorType(text: string | undefined | null): ActorType | null {
  const t = (text ?? '').trim().toLowerCase();
  if (!t) return null;
  for (const [re, type] of TYPE_WORDS) if (re.test(t)) return type;
  return null;
}

/**
 * Respondents who are neither staff nor one of the community types: elected members and local
 * businesses. Counted as residents, they would swell the residents' figures; as `other` they are
 * respondents of no listed type. (Only for respondents: a roster that lists a councillor means
 * to measure them, so a roster's type keeps its public-servant default and its note.)
 */
const OTHER_RESPONDENT =
  /\b(councill?or|elected member|mayor|mp|member of parliament|business|shop ?keeper|shop owner|trader|landlord|employer)\b/;

/** parseActorType for a respondent's stated type, with the respondents of no listed type. */
export function parseRespondentType(text: string | undefined | null): ActorType | null {
  return parseActorType(text) ?? (OTHER_RESPONDENT.test((text ?? '').toLowerCase()) ? 'other' : null);
}

// --- guessing a new actor's type from the name a respondent wrote -----------------------------
//
// A name the matcher could not place ("Sue from the food bank", "Dr Patel's surgery", "my mum")
// is added by the user as a new actor; its type starts at this guess, which they can change.
// Public servants come from the roster, so a professional named but not on it ("Dr Okoye",
// "the school nurse") is counted with their service. The order of the rules below decides the
// mixed cases, and the unit tests (test/unit/ingest/guess-actor-type.test.ts) hold each one:
//  1. A role the text gives the actor wins: "food bank volunteer" is a volunteer, "other parents
//     at the school" are service users, "Councillor Ahmed" is of no listed type (other).
//  2. Otherwise the organisation named wins over a person's name or how the respondent knows
//     them: "Sue from the food bank" is the food bank (a group), "my friend at the council" is
//     the council (a service). A person met through an organisation is that organisation's tie.
//  2a. But a faith calling with a name ("Imam Yusuf at the mosque", "Rev Hart") is that person, a
//     resident: the calling already says where they are, and the name says who. So is the calling
//     alone ("the vicar", "our imam"): one person, described by their role, not their congregation.
//  3. Organisation words that also sit beside public services (church, trust, foundation,
//     network) give way to the service: a church school is a school, an NHS foundation trust and
//     a primary care network are the NHS.
//  4. Family, friends and neighbours are residents, even when they have a profession ("my sister,
//     a nurse", informal help); a bare profession or title ("Dr Patel", "the nurse") is a service.
//  5. Anything else, a person's name most often, is a resident. Unsure means resident: a group
//     only when an organisation word says so.

/** An organisation for volunteering, not a volunteer: "Volunteer Centre Leeds". */
const VOLUNTEER_ORGANISATION = /\bvolunteer(ing)?\s+(centre|center|bureau|hub|service|network)s?\b/;

/** Organisations of the voluntary and community sector, never a public service's own name. */
const GROUP_NAME = new RegExp(
  [
    ORGANISATION_WORDS.source,
    /\b(food ?bank|pantry|larder|community (fridge|kitchen|cafe)|soup kitchen|men'?s sheds?)\b/.source,
    /\b(pt ?f?a|tra|tara|cic|cio|ltd|limited|u3a|wi(?!-)|cvs)\b|women'?s institute|neighbourhood watch|voluntary (action|services?)/
      .source,
    /\b(scouts?|guides?|brownies|cubs|beavers|rainbows|cadets|choirs?|fc)\b/.source,
    /\b(committee|federation|collective|alliance)\b|(?<!other )\btenants\b/.source,
    /\bfriends of\b|mutual aid|citizens'? advice|\bage (uk|concern|cymru)\b|salvation army|red cross|samaritans|barnardo'?s|macmillan|mencap|trussell/
      .source,
  ].join('|'),
);

/** Wording for the people of a service, not the service: "other parents at the school". */
const SERVICE_USERS =
  /\b(patients|pupils|service[\s-]?users?|other (parents|mums|mams|moms|dads|carers|patients|tenants)|parents (at|from)|school[\s-]gate|\bclaf|cleifion|disgyblion)\b/;

/** Actors of no listed type: elected members and businesses (as for respondents). */
const OTHER_ACTOR = new RegExp(`${OTHER_RESPONDENT.source}|\\b(cllr|shop|pub|landlady|cafe)\\b`);

/** Public services by their places and names: "Elm Surgery", "the job centre", "Ysgol Gymraeg". */
const SERVICE_NAME =
  /\b(surgery|surgeries|gp'?s?|doctors'?|health (centre|center|visitors?)|medical (centre|center|practice)|practice nurse|pharmacy|chemist|dentists?|nhs|hospital|a ?(&|and) ?e|clinic|mental health (team|service)|cmht|primary care network|pcn|ambulance|schools?|academy|college|nursery|university|council|local authority|police|pcsos?|fire (service|station|brigade)|library|libraries|job ?centre|jobcentre|dwp|social (services|work(ers?)?)|children'?s (centre|services)|family hub|sure start|housing (office|officer|team|department)|probation|youth (service|worker)|meddygfa|ysgol|cyngor|heddlu|llyfrgell|ysbyty)\b/;

/** Organisation words that yield to a public service beside them (a church school, an NHS trust). */
const FAITH_OR_TRUST =
  /\b(church|chapel|cathedral|mosque|masjid|temple|gurdwara|synagogue|mandir|parish|vicar|vicarage|priest|imam|rabbi|reverend|rev|pastor|minister|trust|foundation|network|eglwys|capel)\b/;

/** How a respondent knows someone: family, friends, neighbours (with the resident words). */
const FAMILY_WORDS = new RegExp(
  `${/\b(mum|mam|mom|mummy|mother|dad|daddy|father|parents?|brother|sister|son|daughter|aunt|auntie|aunty|uncle|nan|nana|nanna|nain|gran|granny|grandma|grandmother|grandad|granddad|grandpa|grandfather|grandparents?|taid|cousin|niece|nephew|husband|wife|partner|family|in-laws?|friends?|mates?|neighbours?|next door|ffrind|cymydog)\b/.source}|${RESIDENT_WORDS.source}`,
);

/**
 * A text that names a relation of the writer's own, and no one by name: "Mum", "my neighbour",
 * "our next door neighbour", "my friends". Each respondent's is someone else.
 */
export function isRelativeTerm(text: string): boolean {
  return RELATIVE_TERM.test(text.trim().toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' '));
}
const RELATIVE_TERM =
  /^((my|our) )?(next door )?(mum|mam|mom|mummy|mother|dad|daddy|father|parents|brother|sister|son|daughter|aunt|auntie|aunty|uncle|nan|nana|nanna|nain|gran|granny|grandma|grandmother|grandad|granddad|grandpa|grandfather|grandparents|taid|cousin|niece|nephew|husband|wife|partner|family|in-laws|friends?|mates?|neighbours?|next door)( next door)?$/;

/** A professional by their job or title, counted with their service: "Dr Patel", "PC Jones". */
const PROFESSIONAL = new RegExp(
  `${PROFESSION_WORDS.source}|^(dr|pc|sgt|sergeant|nurse|matron)\\.?\\s|\\b(midwife|officer|headmaster|headmistress)\\b`,
);

/**
 * Jobs that only a service's staff hold ("the librarian", "the neighbourhood manager"), read
 * before the family words, which "neighbourhood" would otherwise match; family named with a job
 * ("my sister, a receptionist") is still family.
 */
const SERVICE_JOB =
  /\b(deputy head|head of year|librarian|caretaker|receptionist|warden|(neighbourhood|estate|centre|practice|service|housing) manager|(support|key|case|outreach|community|family support) worker|caseworker|advis[eo]r)\b/;

/** A personal title and one name: a person, even when the name is "Temple" or "Church". */
const TITLED_PERSON = /^(mr|mrs|ms|miss|mx)\.?\s+[^\s]+$/;

/** A faith calling used as a title before a name: "Imam Yusuf", "Rev. Sarah Hart", "Rabbi Cohen". */
const CALLING =
  /^(imam|rev|revd|reverend|father|fr|pastor|rabbi|sheikh|shaykh|canon|bishop|pandit|deacon)\.? (.+)$/;
/** Where someone is met, after their name: " at the mosque", ", of St Joseph's", " from church". */
const PLACE_PHRASE = /,? (at|from|of|in) .*$/;
/** Words after a calling that are no one's name: "Rev at the church", "Imam of the mosque". */
const NOT_A_NAME = /^(the|a|an|my|our|local|and|at|from|of|in)$/;

/**
 * A calling and a personal name, with or without the place they are met: a person (rule 2a).
 * With a place and no name ("Imam of the mosque") the place is named, so it is the faith group.
 */
function namedByCalling(t: string): boolean {
  const m = CALLING.exec(t.replace(PLACE_PHRASE, ''));
  if (!m) return false;
  const words = m[2]!.split(' ');
  return (
    words.length <= 3 &&
    words.every((w) => /^\p{L}[\p{L}'-]*$/u.test(w) && !NOT_A_NAME.test(w)) &&
    ![GROUP_NAME, SERVICE_NAME, FAITH_OR_TRUST, OTHER_ACTOR].some((re) => re.test(m[2]!))
  );
}

/** A faith calling alone, "the vicar", "our imam": a person known by their role (rule 2a). */
const BARE_CALLING =
  /^((the|our|my|a|local) )?(vicar|priest|imam|rabbi|reverend|rev|revd|pastor|minister|chaplain|curate|rector|deacon|bishop|pandit|granthi|sheikh|shaykh|parish priest)$/;

/**
 * Given names that are also organisation words ("Charity Mensah"): read as a name when a
 * capitalised word follows that names nothing else.
 */
const WORD_GIVEN_NAME = /^(Charity)\s+(?=\p{Lu})/u;

/**
 * The likeliest type of a new actor from the text a respondent wrote for them; the default of
 * the review queue's "New actor type". See the rules above; unsure is a resident.
 */
export function guessActorType(text: string): ActorType {
  // Accents dropped ("café", "Grŵp", "Bénévole" read as "cafe", "Grwp", "Benevole"), one apostrophe.
  let t = text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’‘`]/g, "'").trim();
  const name = WORD_GIVEN_NAME.exec(t);
  if (name) {
    const rest = t.slice(name[0].length).toLowerCase();
    if (![GROUP_NAME, SERVICE_NAME, OTHER_ACTOR, FAITH_OR_TRUST].some((re) => re.test(rest))) t = rest;
  }
  t = t.toLowerCase().replace(/\s+/g, ' ');
  if (!t) return 'resident';
  if (VOLUNTEER_ORGANISATION.test(t)) return 'group';
  if (VOLUNTEER_WORDS.test(t)) return 'volunteer';
  if (namedByCalling(t) || BARE_CALLING.test(t)) return 'resident';
  if (GROUP_NAME.test(t)) return 'group';
  if (SERVICE_USERS.test(t)) return 'service-user';
  if (OTHER_ACTOR.test(t)) return 'other';
  if (SERVICE_NAME.test(t)) return 'service';
  if (TITLED_PERSON.test(t)) return 'resident';
  if (FAITH_OR_TRUST.test(t)) return 'group';
  // "Neighbourhood" is a place, not a neighbour: only then may the job come before the family.
  if (SERVICE_JOB.test(t) && !FAMILY_WORDS.test(t.replace(/neighbourhood/g, ''))) return 'service';
  if (FAMILY_WORDS.test(t)) return 'resident';
  if (PROFESSIONAL.test(t)) return 'service';
  return 'resident';
}

const TYPE_LABEL: Record<ActorType, string> = {
  'public-servant': 'Public servant',
  service: 'Service',
  group: 'Group',
  volunteer: 'Volunteer',
  resident: 'Resident',
  'service-user': 'Service user',
  other: 'Respondent',
};

export function typeLabel(type: ActorType): string {
  return TYPE_LABEL[type];
}
