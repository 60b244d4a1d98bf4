// Test helpers: actors straight from a tiny roster, without going through ingest.
import { readFileSync } from 'node:fs';
import { asActorId, type Actor, type ActorType, type InputFile } from '../../../src/core/model';

export function actor(id: string, label: string, type: ActorType, sector: string, service?: string): Actor {
  return { id: asActorId(id), label, type, sector, service, onRoster: true, attrs: {} };
}

export function fixture(name: string): InputFile {
  return { name, data: readFileSync(new URL(`../../fixtures/scorecard/${name}`, import.meta.url)) };
}

export const rosterActors: Actor[] = [
  actor('ps-1', 'Helen Okafor', 'public-servant', 'public', 'Riverside Primary School'),
  actor('ps-2', 'Dr Priya Patel', 'public-servant', 'public', 'Riverside Surgery'),
  actor('ps-3', 'Liam Byrne', 'public-servant', 'public', 'Millbrook Neighbourhood Policing'),
  actor('g-1', 'Millbrook Food Bank', 'group', 'voluntary'),
];
