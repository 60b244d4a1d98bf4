// The plain, serialisable data that travels the pipeline: actors, ties and source files.
// Kept in one place because every stage (ingest, network, metrics, scorecard, export) reads it.

/** Roster ids and respondent keys must not mix: a brand keeps them apart at compile time. */
export type ActorId = string & { readonly __actor: unique symbol };
export const asActorId = (s: string): ActorId => s as ActorId;

/** What kind of actor a node is. Public servants come from the roster; the rest may too. */
export type ActorType =
  'public-servant' | 'service' | 'group' | 'volunteer' | 'resident' | 'service-user' | 'other';

/** Sector drives colour, E-I index and brokerage by default. Civil society = not 'public'. */
export type Sector = 'public' | 'voluntary' | 'community';

export const SECTOR_OF_TYPE: Record<ActorType, Sector> = {
  'public-servant': 'public',
  service: 'public',
  group: 'voluntary',
  volunteer: 'voluntary',
  resident: 'community',
  'service-user': 'community',
  other: 'community',
};

export interface Actor {
  id: ActorId;
  /** Display label. For respondents not on the roster: their type and a pseudonym, never a name. */
  label: string;
  type: ActorType;
  sector: string;
  role?: string;
  service?: string;
  /** true when the actor is on the roster (keeps the roster id). */
  onRoster: boolean;
  /** Any further roster / respondent attributes, already text. */
  attrs: Record<string, string>;
}

/** Built-in tie types of the three name-generator questions; users may add their own. */
export const CORE_RELATIONS = ['need', 'trust', 'info'] as const;
export type Relation = string;

/** Whether a tie type is one of the three built in (rather than one a question or the user named). */
export function isCoreRelation(relation: string | null | undefined): boolean {
  return relation === 'need' || relation === 'trust' || relation === 'info';
}

/** One directed nomination: respondent (source) named target for a relation. */
export interface Tie {
  source: ActorId;
  target: ActorId;
  relation: Relation;
  weight: number;
  /** Provenance, for quality reports and bootstrap resampling by respondent. */
  file?: string;
  row?: number;
}

/** A file handed to the pipeline by a host (CLI reads disk, app reads File objects). */
export interface InputFile {
  name: string;
  /** Raw bytes (any encoding), or text already decoded. */
  data: Uint8Array | string;
}

export function isCivil(actor: Pick<Actor, 'sector'>): boolean {
  return actor.sector !== 'public';
}
