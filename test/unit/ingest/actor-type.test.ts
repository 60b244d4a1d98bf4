// The respondent-type answers people give, in survey tools' wordings, read into actor types.
import { describe, expect, it } from 'vitest';
import { parseActorType, parseRespondentType } from '../../../src/core/ingest/actor-type';

describe('parseActorType', () => {
  // A roster's type column naming organisations (trial L): a public service is a service, not a
  // public servant read with a warning, nor one matched on a profession word ("GP practice").
  it.each([
    ['School', 'service'],
    ['GP practice', 'service'],
    ['Police', 'service'],
    ['Parish council', 'service'],
    ['Library', 'service'],
    ['Community centre', 'group'],
    ['Headteacher', 'public-servant'],
    ['Council officer', 'public-servant'],
    ['Charity', 'group'],
  ])('reads the roster type %s as %s', (text, type) => {
    expect(parseActorType(text)).toBe(type);
  });

  it.each([
    ['Resident', 'resident'],
    ['Local resident', 'resident'],
    ['I live in Millbrook', 'resident'],
    ['Member of the public', 'resident'],
    ['Student', 'resident'],
    ['Retired', 'resident'],
    ['Volunteer (unpaid)', 'volunteer'],
    ['I volunteer locally', 'volunteer'],
    ['Community group', 'group'],
    ['Member of a voluntary or community organisation', 'group'],
    ['Trustee of a local charity', 'group'],
    ['Service user', 'service-user'],
    ['I use the service', 'service-user'],
    ['I use local services', 'service-user'],
    ['Patient', 'service-user'],
    ['Patient at the GP surgery', 'service-user'],
    ['Police volunteer', 'volunteer'],
    ['Parent / carer', 'service-user'],
    ['Council officer', 'public-servant'],
    ['Teacher', 'public-servant'],
    ['Headteacher', 'public-servant'],
    ['Other', 'other'],
    ['Other (please specify)', 'other'],
    // Welsh, as forms in Wales ask (alone or beside the English), and French.
    ['Preswylydd', 'resident'],
    ['Aelod o’r cyhoedd', 'resident'],
    ['Gwirfoddolwr', 'volunteer'],
    ['Grŵp cymunedol', 'group'],
    ['Mudiad gwirfoddol', 'group'],
    ['Defnyddiwr gwasanaeth', 'service-user'],
    ['Gwas cyhoeddus', 'public-servant'],
    ['Résidente', 'resident'],
    ['Bénévole', 'volunteer'],
    ['Usager du service', 'service-user'],
  ])('%s → %s', (text, type) => {
    expect(parseActorType(text)).toBe(type);
  });

  it.each(['', 'Prefer not to say', 'Business owner', 'Carer', 'Otherwise engaged'])(
    '"%s" says nothing recognisable (counted as a resident, with a note)',
    (text) => {
      expect(parseActorType(text)).toBeNull();
    },
  );
});

describe('parseRespondentType', () => {
  it.each([
    ['Councillor', 'other'],
    ['Elected member', 'other'],
    ['Business owner', 'other'],
    ['Local business', 'other'],
    ['Shopkeeper', 'other'],
    ['Landlord', 'other'],
    // The listed types first: a councillor who says they are a resident is one.
    ['Ward councillor and local resident', 'resident'],
    ['Volunteer at a local business', 'volunteer'],
  ])('%s → %s', (text, type) => {
    expect(parseRespondentType(text)).toBe(type);
  });

  it.each(['', 'Prefer not to say', 'Carer', 'Businesslike'])('"%s" says nothing recognisable', (text) => {
    expect(parseRespondentType(text)).toBeNull();
  });

  it('leaves a roster type to parseActorType (a councillor on a roster is measured, with a note)', () => {
    expect(parseActorType('Councillor')).toBeNull();
  });
});
