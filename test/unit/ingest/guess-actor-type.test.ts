// The review queue's default "New actor type": a guess from the name a respondent wrote. The
// rules and their order are described above guessActorType in src/core/ingest/actor-type.ts;
// each case here is one a rule decides, so dropping or reordering the rule fails it.
import { describe, expect, it } from 'vitest';
import type { ActorType } from '../../../src/core/model';
import { guessActorType } from '../../../src/core/ingest/actor-type';

type Case = [text: string, type: ActorType];

describe('guessActorType', () => {
  it.each<Case>([
    // Voluntary and community organisations by their words.
    ['Town Food Bank', 'group'],
    ['the pantry on Elm Road', 'group'],
    ['Millbrook Lunch Club', 'group'],
    ['Oak School PTA', 'group'],
    ['Eastside Tenants’ Association', 'group'],
    ['Oak Lane Tenants', 'group'],
    ['Hillside Residents Association', 'group'],
    ['1st Millbrook Scouts', 'group'],
    ['Girl Guides', 'group'],
    ['Community choir', 'group'],
    ['Carers network', 'group'],
    ['Millbrook Arts CIC', 'group'],
    ['Green Futures Ltd', 'group'],
    ['Friends of the Park', 'group'],
    ['Citizens Advice', 'group'],
    ['Age UK', 'group'],
    ['Mind charity', 'group'],
    ['Grŵp Cymunedol Penparcau', 'group'],
    ['Community café', 'group'],
    // Faith groups and trusts, when no public service is named with them.
    ['St Mary’s Church', 'group'],
    ['the mosque', 'group'],
    ['Gurdwara', 'group'],
    ['Capel Seion', 'group'],
    ['Millbrook Community Trust', 'group'],
    // Public services by their places and names.
    ['Elm Surgery', 'service'],
    ['my GP', 'service'],
    ['Oak Primary School', 'service'],
    ['the council', 'service'],
    ['Police', 'service'],
    ['the library', 'service'],
    ['NHS 111', 'service'],
    ['Royal Infirmary hospital', 'service'],
    ['Sexual health clinic', 'service'],
    ['Job Centre Plus', 'service'],
    ['Jobcentre', 'service'],
    ['Health visitor', 'service'],
    ['Social services', 'service'],
    ['Ysgol Gymraeg Aberystwyth', 'service'],
    // Professionals not on the roster count with their service.
    ['Dr Okoye', 'service'],
    ['PC Jones', 'service'],
    ['the school nurse', 'service'],
    ['my doctor', 'service'],
    ['Housing officer', 'service'],
    // Described by the job alone, as in a trial of the app: each counted with its service.
    ['the librarian', 'service'],
    ['the deputy head', 'service'],
    ['the neighbourhood manager', 'service'],
    ['the support worker', 'service'],
    ['the school receptionist', 'service'],
    // Found in review of the rules: a watch scheme is a group, "Cllr" is a councillor, Wi-Fi no WI.
    ['Neighbourhood Watch', 'group'],
    ['Cllr Ahmed', 'other'],
    ['the Wi-Fi cafe', 'other'],
    ['the WI', 'group'],
    ['my sister, a receptionist', 'resident'],
    // A person known by their role, off the roster (as the trial's "the vicar"): a person, typed
    // as the people off the roster are (a resident), not the group they serve.
    ['the vicar', 'resident'],
    ['The Vicar', 'resident'],
    ['the imam', 'resident'],
    ['our imam', 'resident'],
    ['my priest', 'resident'],
    ['Rabbi', 'resident'],
    ['the lollipop lady', 'resident'],
    ['the lollipop man', 'resident'],
    // ...but with the place they serve, it is that place (rule 2), and a professional's job is
    // counted with their service, as the named ones are ("Dr Okoye").
    ['the vicar at St Mary’s Church', 'group'],
    ['Imam of the mosque', 'group'],
    ['our GP', 'service'],
    // Volunteers.
    ['Volunteer', 'volunteer'],
    ['the volunteers', 'volunteer'],
    // Family, friends, neighbours, and people by name.
    ['my mum', 'resident'],
    ['Dad', 'resident'],
    ['my neighbour', 'resident'],
    ['Friends', 'resident'],
    ['Sister', 'resident'],
    ['next door', 'resident'],
    ['Carter', 'resident'],
    ['Anne B', 'resident'],
    ['Priya Shah', 'resident'],
    // Service users and actors of no listed type.
    ['Other patients', 'service-user'],
    ['other parents at the school gate', 'service-user'],
    ['Councillor Ahmed', 'other'],
    ['our MP', 'other'],
    ['the corner shop', 'other'],
    ['my landlord', 'other'],
  ])('%s → %s', (text, type) => {
    expect(guessActorType(text)).toBe(type);
  });

  // Where words of two kinds meet, the order of the rules decides.
  it.each<Case>([
    // A role given to the actor wins over the organisation they are at.
    ['Food bank volunteer', 'volunteer'],
    ['Jo, who volunteers at the church', 'volunteer'],
    ['Patients at Elm Surgery', 'service-user'],
    ['Councillor Ahmed from the council', 'other'],
    // ...but an organisation for volunteering is an organisation.
    ['Volunteer Centre Millbrook', 'group'],
    // Otherwise the organisation named wins over a person's name: Sue is the food bank's tie.
    ['Sue from the food bank', 'group'],
    ['Dr Patel’s surgery', 'service'],
    ['Mrs Jones at the church', 'group'],
    // ...and over how the respondent knows them.
    ['my friend at the council', 'service'],
    ['My neighbour’s church', 'group'],
    // A voluntary group inside a public service is the group.
    ['Elm Surgery patient group', 'group'],
    ['School PTA', 'group'],
    // Church, trust, foundation and network give way to a public service named with them.
    ['St Mary’s Church of England Primary School', 'service'],
    ['NHS Foundation Trust', 'service'],
    ['Primary care network', 'service'],
    // Family beats a profession: informal help from a relative is a resident's.
    ['my sister, a nurse', 'resident'],
    ['Mum (retired teacher)', 'resident'],
    // Names that are also organisation words are names when they read as a name.
    ['Charity Mensah', 'resident'],
    ['Faith Okafor', 'resident'],
    ['Ngozi Adebayo', 'resident'],
    ['Mrs Temple', 'resident'],
    ['Charity shop', 'group'],
    ['Charity Shop', 'group'],
    // "Councillor" is not "council"; "Trustee" is not "trust".
    ['Councillor', 'other'],
    ['Trustee Bob', 'resident'],
  ])('mixed: %s → %s', (text, type) => {
    expect(guessActorType(text)).toBe(type);
  });

  it('reads case, accents, curly apostrophes and spacing alike', () => {
    expect(guessActorType('  SUE  FROM THE   FOOD BANK ')).toBe('group');
    expect(guessActorType('Dr Patel‘s SURGERY')).toBe('service');
    expect(guessActorType('Bénévole')).toBe('volunteer');
    expect(guessActorType('Grwp cymunedol')).toBe('group');
  });

  it('guesses a resident when the text says nothing, never a group without an organisation word', () => {
    expect(guessActorType('')).toBe('resident');
    expect(guessActorType('   ')).toBe('resident');
    expect(guessActorType('?')).toBe('resident');
    expect(guessActorType('someone at the bus stop')).toBe('resident');
  });
});
