// Reads the many ways people write an actor type ("Community group", "GP", "Service user") into
// the model's ActorType, and gives respondents their pseudonymous labels ("Resident 17").
import type { ActorType } from '../model';

// Welsh answers too (forms in Wales are Welsh or bilingual): gwas cyhoeddus (public servant),
// swyddog (officer), defnyddiwr gwasanaeth (service user), claf (patient), rhiant (parent),
// gwirfoddolwr (volunteer), grŵp / mudiad / sefydliad / elusen / cymdeithas (group, organisation,
// charity, society), preswylydd / trigolyn / dinesydd / aelod o'r cyhoedd (resident, citizen);
// and French: fonctionnaire, usager, bénévole, habitant, citoyen.
const TYPE_WORDS: [RegExp, ActorType][] = [
  [
    /public[\s_-]*servant|staff|officer|professional|employee|public[\s_-]*sector|^public$|gwas(anaethwr)? cyhoeddus|gweision cyhoeddus|\bswyddog|fonctionnaire|agent public/,
    'public-servant',
  ],
  [
    /service[\s_-]*user|patient|pupil|parent|client|tenant(?!s?[’']?s? (association|forum|federation|committee|group))|customer|\bus(e|es|ing) (the |this |these |a |local |council |our )?services?\b|defnyddiwr|defnyddwyr|\bclaf\b|\brhiant|\bdisgybl|\busager|utilisat(eur|rice)/,
    'service-user',
  ],
  [/volunteer|gwirfoddolw(r|raig|yr)|b[ée]n[ée]vole/, 'volunteer'],
  [
    /group|organi[sz]ation|association|charity|club|society|voluntary|community[\s_-]*org|vcs|ngo|faith|\bpta\b|\bforum\b|gr[ŵw]p|\bmudiad|\bsefydliad|\belusen|\bcymdeithas|\bclwb\b|\borganisme/,
    'group',
  ],
  [
    /resident|citizen|member of the public|neighbour|local person|individual|householder|homeowner|student|retired|pensioner|\bi live\b|\blives? (in|here|locally|nearby)\b|preswylydd|preswylwyr|trigolyn|trigolion|dinesydd|aelod o.r cyhoedd|r[ée]sident|habitant|citoyen/,
    'resident',
  ],
  // Named professions only after the rest: "Patient of the GP practice" is a service user.
  [/\b(head ?teacher|teacher|nurse|doctor|gp|police|pcso|social worker)\b/, 'public-servant'],
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
