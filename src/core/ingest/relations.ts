// Reads a question's wording (or a tie-type label ticked in a grid) into a relation: need, trust,
// info, or a name of its own. The user can change every choice in the mapping step.

const PATTERNS: [RegExp, string][] = [
  [/\btrust|confide|rely on|depend on|relied/, 'trust'],
  [
    /\binform|\bnews\b|hear about|find out|learn about|updates?\b|keep (you )?up to date|know what.s going on|\binfo\b/,
    'info',
  ],
  [
    /\bneed|\bhelp\b|support|turn to|go to|in times? of|difficult|problem|crisis|emergenc|struggl|worried|\bask\b/,
    'need',
  ],
];

/** Names that mark a question as a name generator ("who", "which people"...) when no relation word is present. */
const NAME_GENERATOR =
  /\b(who|whom|which (people|person|organi[sz]ations?|groups?|services?)|name (up to|the people|people)|people you)\b/i;

/** Relation a question's wording asks about; null when it is not recognisably a name generator. */
export function detectRelation(question: string): string | null {
  const q = question.toLowerCase();
  for (const [re, relation] of PATTERNS) if (re.test(q)) return relation;
  return null;
}

/** True when the wording asks respondents to name people or organisations. */
export function isNameGenerator(question: string): boolean {
  return NAME_GENERATOR.test(question) || /where do you (get|go|find|turn)/i.test(question);
}

/**
 * A tie-type label ticked in a roster grid ("Advice", "Support", "Trust") as a relation name:
 * the built-in one it clearly means, else its own lower-case name.
 */
export function relationOfLabel(label: string): string | null {
  const l = label.trim().toLowerCase();
  if (!l) return null;
  if (/^(trust|trusted|i trust( them)?)$/.test(l)) return 'trust';
  if (/^(info|information|news|informed)$/.test(l)) return 'info';
  if (/^(need|help|support|in times of need)$/.test(l)) return 'need';
  return (
    l
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || null
  );
}
