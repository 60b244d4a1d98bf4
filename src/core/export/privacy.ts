// Pseudonymisation rules shared by every export: who keeps their name, which attributes leave.
// Roster actors (public servants, services) are assessed in their public role and keep names;
// everyone else is shown by type and pseudonym unless the user explicitly asks for names.

/** Attribute names that identify or contact a person; never exported for non-roster actors. */
const PERSONAL_ATTR =
  /(^|[^a-z])(e-?mail|phone|mobile|tel|telephone|address|post ?code|postcode|zip|birth|dob|nhs|ni ?number|ip)([^a-z]|$)|^(name|full ?name|first ?name|last ?name|given ?name|surname|family ?name|respondent ?name|your ?name)$/i;

/** Contact details: left out even for roster actors unless names are asked for. */
const CONTACT_ATTR =
  /(^|[^a-z])(e-?mail|phone|mobile|tel|telephone|fax|address|post ?code|postcode|postal|zip|street)([^a-z]|$)/i;

/**
 * Private details a contact list or HR sheet carries beside a person's work (Outlook's Home
 * Street, Birthday, Spouse, Government ID Number; Google's Gender; Mailchimp's OPTIN_IP and
 * LATITUDE; anyone's Notes): never exported, names asked for or not. Words that could head a
 * work column too ("Children's services") count only as the whole header.
 */
const SENSITIVE_ATTR =
  /(^|[^a-z])(home|birth\w*|dob|date of birth|age|ethnic\w*|religio\w*|disabilit\w*|sexual\w*|national ?insurance|ni ?(number|no)|government ?id\w*|passport|nhs|ip|latitude|longitude|lat|lng|geo ?location)([^a-z]|$)|^(spouse|partner|children|gender|sex|notes?|comments?|anniversary|nickname|maiden ?name|middle ?name)$/i;

/** Why a roster column never reaches an export, or null when it may ('contact': unless names are asked for). */
export function privateColumnKind(name: string): 'sensitive' | 'contact' | null {
  const kind = attributeKind(name);
  return kind === 'sensitive' || kind === 'contact' ? kind : null;
}

/** Private citizens: pseudonymised by default even when a roster happens to list them by name. */
export const ANONYMOUS_TYPES: ReadonlySet<string> = new Set(['resident', 'service-user']);

/** Keys written by the network builder, not free roster/respondent attributes. */
export const CORE_NODE_KEYS = ['label', 'type', 'sector', 'role', 'service', 'onRoster'] as const;

const TYPE_LABELS: Record<string, string> = {
  'public-servant': 'Public servant',
  service: 'Service',
  group: 'Group',
  volunteer: 'Volunteer',
  resident: 'Resident',
  'service-user': 'Service user',
  other: 'Other',
};

/** "service-user" -> "Service user"; unknown types are shown as given. */
export function typeLabel(type: string): string {
  return TYPE_LABELS[type] ?? (type ? type.charAt(0).toUpperCase() + type.slice(1) : 'Actor');
}

/** A short stable pseudonym from a node key (FNV-1a, base 36): same key, same pseudonym, every export. */
export function pseudonym(id: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36).toUpperCase().padStart(7, '0');
}

export function isPersonalAttribute(name: string): boolean {
  return PERSONAL_ATTR.test(name.trim());
}

export interface ExportNodeInput {
  id: string;
  label?: string;
  type?: string;
  onRoster?: boolean;
  /** Free attributes (roster columns, respondent fields), already text. */
  attrs?: Record<string, unknown>;
}

export interface ExportedNode {
  label: string;
  /** Free attributes that may leave the machine under the chosen option. */
  attrs: Record<string, unknown>;
  /** true when the label was replaced by a pseudonym (or already was one). */
  pseudonymised: boolean;
}

/**
 * Decides what one node may carry in an export. Non-roster actors without `includeNames`: label
 * is the ingest label (type + pseudonym by the model's rule) unless it matches a removed personal
 * value, in which case a fresh "Type XXXXXXX" pseudonym replaces it; no name/contact attributes.
 */
export function exportNode(node: ExportNodeInput, includeNames: boolean): ExportedNode {
  const attrs: Record<string, unknown> = {};
  // Made only when something is dropped: 100,000 respondents of an export usually drop nothing.
  let removed: Set<string> | null = null;
  // Only roster actors in a public or organised role keep their names by default.
  const keepsName = !!node.onRoster && !ANONYMOUS_TYPES.has(node.type ?? '');
  for (const key in node.attrs) {
    const kind = attributeKind(key);
    if (kind === 'core') continue;
    const value = node.attrs[key];
    const drop =
      kind === 'sensitive' || (includeNames ? false : keepsName ? kind === 'contact' : kind !== 'plain');
    if (drop) {
      if (value !== null && value !== undefined && String(value).trim())
        (removed ??= new Set()).add(String(value).trim().toLowerCase());
    } else attrs[key] = value;
  }
  if (keepsName || includeNames) {
    const named = includeNames && !node.onRoster ? (firstName(node.attrs) ?? node.label) : node.label;
    return { label: named?.trim() ? named : node.id, attrs, pseudonymised: false };
  }
  // A roster label is the person's name: never reuse it.
  if (node.onRoster) return { label: typePseudonym(node), attrs, pseudonymised: true };
  const label = node.label?.trim();
  // Someone a respondent named and the reviewer added: whatever label the reviewer gave them
  // ("Mrs Smith (neighbour)") names a person off the roster.
  if (!label || removed?.has(label.toLowerCase()) || node.attrs?.named === 'true')
    return { label: typePseudonym(node), attrs, pseudonymised: true };
  return { label, attrs, pseudonymised: true };
}

/** "Resident XXXXXXX": the node's type and the pseudonym of its id. */
function typePseudonym(node: ExportNodeInput): string {
  return `${typeLabel(node.type ?? '')} ${pseudonym(node.id)}`;
}

/**
 * What an attribute name is, decided once per name (100,000 respondents share a handful):
 * `core`, written by the network builder or the id, never a free attribute (an `id` attribute
 * would clash with Gephi's Id column); `sensitive`, private details never exported; `contact`,
 * contact details; `personal`, identifying but not contact; `plain`, anything else.
 */
const attributeKinds = new Map<string, 'core' | 'sensitive' | 'contact' | 'personal' | 'plain'>();
function attributeKind(key: string): 'core' | 'sensitive' | 'contact' | 'personal' | 'plain' {
  let kind = attributeKinds.get(key);
  if (kind === undefined) {
    const name = key.trim();
    kind =
      (CORE_NODE_KEYS as readonly string[]).includes(key) || key.toLowerCase() === 'id'
        ? 'core'
        : SENSITIVE_ATTR.test(name)
          ? 'sensitive'
          : CONTACT_ATTR.test(key)
            ? 'contact'
            : isPersonalAttribute(key)
              ? 'personal'
              : 'plain';
    if (attributeKinds.size < 10_000) attributeKinds.set(key, kind);
  }
  return kind;
}

function firstName(attrs: Record<string, unknown> | undefined): string | undefined {
  if (!attrs) return undefined;
  for (const key of ['name', 'fullName', 'full name', 'Name', 'Full name']) {
    const v = attrs[key];
    if (typeof v === 'string' && v.trim()) return v;
  }
  return undefined;
}
