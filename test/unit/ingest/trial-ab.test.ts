// Trial AB: typed names wrongly accepted as someone else on the roster. A wrong automatic match
// gives one person's ties to another, so each case below must go to review, with the roster
// person still suggested; the true matches next to each must still be accepted.
import { describe, expect, it } from 'vitest';
import { matcherOf, run, text } from './helpers';

const ROSTER_CSV = [
  'id,name,type,role,service,sector',
  'gp-01,Dr Priya Patel,public-servant,GP,Riverside Surgery,public',
  'gp-02,Dr Sanjay Patel,public-servant,GP,Northgate Medical Centre,public',
  'gp-03,Dr Siân Llewellyn,public-servant,GP,Riverside Surgery,public',
  "gp-05,Dr Catherine O'Brien,public-servant,GP,Castle Street Surgery,public",
  'gp-06,Dr Wei Chen,public-servant,GP,Castle Street Surgery,public',
  'nu-02,Sarah Jones,public-servant,Practice Nurse,Northgate Medical Centre,public',
  'nu-03,Bernadette Kelly,public-servant,School Nurse,Castlebridge School Nursing Service,public',
  "sc-01,Helen Okafor,public-servant,Headteacher,St Mary's CE Primary School,public",
  'po-02,PC Rachel Osei,public-servant,Police Constable,Castlebridge Neighbourhood Policing Team,public',
  'po-04,Liam Byrne,public-servant,PCSO,Castlebridge Neighbourhood Policing Team,public',
  'co-02,Paul Greenwood,public-servant,Neighbourhood Manager,Castlebridge Borough Council,public',
  'co-03,Mohammed Rahman,public-servant,Neighbourhood Officer,Castlebridge Borough Council,public',
  'co-09,Seán Kelly,public-servant,Community Safety Officer,Castlebridge Borough Council,public',
  "co-10,Lisa Marsh,public-servant,Family Support Worker,Sure Start Children's Centre,public",
  'li-01,Eleanor Price,public-servant,Librarian,Castlebridge Library,public',
  'cl-01,Cllr Margaret Evans,public-servant,Ward Councillor,Castlebridge Borough Council,public',
  'cl-02,Cllr Imran Shah,public-servant,Ward Councillor,Castlebridge Borough Council,public',
  'cl-03,Cllr William Hughes,public-servant,Ward Councillor,Castlebridge Borough Council,public',
  "fa-01,Rev Jonathan Pryce,volunteer,Vicar,St Mary's Church,voluntary",
  'fa-02,Fr Dermot Gallagher,volunteer,Parish Priest,Our Lady of Lourdes Church,voluntary',
  'fa-05,Pastor Emmanuel Okonkwo,volunteer,Pastor,Grace Chapel,voluntary',
  'vo-01,Mary Walsh,volunteer,Food Bank Coordinator,Castlebridge Food Bank,voluntary',
  'vo-02,Peter Walsh,volunteer,Volunteer Driver,Castlebridge Food Bank,voluntary',
  'vo-08,Chidi Okafor,volunteer,Volunteer,Northgate Youth Club,voluntary',
  'vo-10,Yusuf Ali,volunteer,Volunteer,Castlebridge Central Mosque,voluntary',
  'vo-13,Ade Bello,volunteer,Volunteer Adviser,Citizens Advice Castlebridge,voluntary',
  'vo-14,Lin Chen,volunteer,Volunteer,Age UK Castlebridge,voluntary',
  'vo-16,Hannah Wright,volunteer,Volunteer,Home-Start Castlebridge,voluntary',
  'vo-21,Ruth Goldberg,volunteer,Volunteer Adviser,Citizens Advice Castlebridge,voluntary',
  'vo-22,Tom Ashworth,volunteer,Peer Support Worker,Mind in Castlebridge,voluntary',
  'gr-01,Castlebridge Food Bank,group,Food bank,,voluntary',
  "gr-05,St Mary's Church,group,Church,,voluntary",
  'gr-06,Our Lady of Lourdes Church,group,Church,,voluntary',
  'gr-07,Grace Chapel,group,Church,,voluntary',
].join('\n');

const matcher = matcherOf(ROSTER_CSV);

/** Sent to review (no automatic match), with `suggested` among the suggestions when given. */
function expectReview(typed: string, suggested?: string): void {
  const m = matcher.match(typed);
  expect(m.id, typed).toBeNull();
  if (suggested) expect(m.candidates.map((c) => c.id)).toContain(suggested);
}

function expectAccepted(typed: string, id: string, m = matcher): void {
  expect(m.match(typed).id, typed).toBe(id);
}

describe('a whole word that begins a longer surname (trial AB)', () => {
  it.each([
    ['Paul Green', 'co-02'],
    ['Ruth Gold', 'vo-21'],
    ['Tom Ash', 'vo-22'],
    ['Ade Bell', 'vo-13'],
  ])('suggests, never accepts, %j for the longer name', (typed, id) => {
    // Before: accepted at 0.9 as Paul Greenwood, Ruth Goldberg, Tom Ashworth, Ade Bello.
    expectReview(typed, id);
    expect(matcher.match(typed).candidates[0]!.id).toBe(id);
  });

  it.each([
    ['Paul Greenwood', 'co-02'],
    ['Ruth Goldberg', 'vo-21'],
    ['Tom Ashworth', 'vo-22'],
    ['Ade Bello', 'vo-13'],
  ])('still accepts the whole name %j', (typed, id) => expectAccepted(typed, id));
});

describe('a short surname or first name one letter off (trial AB)', () => {
  it.each([
    ['Imran Shaw', 'cl-02'],
    ['Lin Chan', 'vo-14'],
    ['Wei Chan', 'gp-06'],
    ['Sanjay Patil', 'gp-02'],
    ['Priya Patil', 'gp-01'],
    ['Rachel Oseni', 'po-02'],
    ['Sean Llewellyn', 'gp-03'],
  ])('suggests, never accepts, %j', (typed, id) => {
    // Before: accepted at about 0.94, the first name (or surname) being exact.
    expectReview(typed, id);
  });

  it.each([
    ['Helen Okafur', 'sc-01'],
    ['Chidi Okafur', 'vo-08'],
    ['Mohammed Rahmen', 'co-03'],
    ['Imran Shah', 'cl-02'],
    ['Sian Llewellyn', 'gp-03'],
    ['Sean Kelly', 'co-09'],
  ])('still accepts %j (a long word misspelt, a spelling, or exact)', (typed, id) => {
    expectAccepted(typed, id);
  });

  it('still reviews "Dr Patel" between the two Patels, suggesting both', () => {
    const m = matcher.match('Dr Patel');
    expect(m.id).toBeNull();
    expect(
      m.candidates
        .map((c) => c.id)
        .slice(0, 2)
        .sort(),
    ).toEqual(['gp-01', 'gp-02']);
  });
});

describe('first names related but names of their own (trial AB)', () => {
  it.each([
    ['Liam Hughes', 'cl-03'],
    ['Bill Byrne', 'po-04'],
    ['William Byrne', 'po-04'],
    ['Will Byrne', 'po-04'],
    ['Annie Wright', 'vo-16'],
    ['Anna Wright', 'vo-16'],
    ['Beth Marsh', 'co-10'],
    ['Elizabeth Marsh', 'co-10'],
    ['Sally Jones', 'nu-02'],
    ['Joseph Ali', 'vo-10'],
    ['Nora Price', 'li-01'],
  ])('suggests, never accepts, %j', (typed, id) => {
    expectReview(typed, id);
  });

  it.each([
    ["Kate O'Brien", 'gp-05'],
    ['Peggy Evans', 'cl-01'],
    ['Mo Rahman', 'co-03'],
    ['Ellie Price', 'li-01'],
    ['Liam Byrne', 'po-04'],
  ])('still accepts %j (a short form of the roster name, or the name itself)', (typed, id) => {
    expectAccepted(typed, id);
  });

  it('still accepts Bill, Will and Billy for a roster William, and Liam for a roster Liam', () => {
    const m = matcherOf(
      [
        'id,name,type,role,service,sector',
        'a,William Byrne,public-servant,PCSO,Policing,public',
        'b,Liam Hughes,public-servant,PCSO,Policing,public',
      ].join('\n'),
    );
    for (const typed of ['Bill Byrne', 'Will Byrne', 'Billy Byrne']) expectAccepted(typed, 'a', m);
    expectAccepted('Liam Hughes', 'b', m);
    expect(m.match('Liam Byrne').id).toBeNull();
  });
});

describe('a title the roster person does not hold (trial AB)', () => {
  it.each([
    ['Dr Peter Walsh', 'vo-02'],
    ['Dr Mary Walsh', 'vo-01'],
    ['Dr Bernadette Kelly', 'nu-03'],
    ['PC Paul Greenwood', 'co-02'],
    ['Cllr Paul Greenwood', 'co-02'],
    ['Rev Mary Walsh', 'vo-01'],
  ])('suggests, never accepts, %j', (typed, id) => {
    // Before: the contradiction cost 0.15, and a full name still scored above 0.8.
    expectReview(typed, id);
  });

  it.each([
    ['Dr Wei Chen', 'gp-06'],
    ['Dr Catherine OBrien', 'gp-05'],
    ['Cllr Shah', 'cl-02'],
    ['PC Osei', 'po-02'],
    ['Mary Walsh', 'vo-01'],
  ])('still accepts %j, whose title agrees', (typed, id) => expectAccepted(typed, id));

  it('still accepts a title for someone the roster says nothing of', () => {
    const m = matcherOf(
      ['id,name,type,role,service,sector', 'a,Priya Shah,public-servant,,,public'].join('\n'),
    );
    expectAccepted('Dr Priya Shah', 'a', m);
  });
});

describe('a person described at a group is not the group (trial AB)', () => {
  it.each([
    ["the vicar at St Mary's", 'fa-01'],
    ["St Mary's vicar", 'fa-01'],
    ["Rev at St Mary's", 'fa-01'],
    ['the priest at Our Lady of Lourdes', 'fa-02'],
    ['Pastor at Grace Chapel', 'fa-05'],
  ])('suggests the person first for %j', (typed, id) => {
    expectReview(typed, id);
    expect(matcher.match(typed).candidates[0]!.id).toBe(id);
  });

  it.each(['the lady at the food bank', 'the food bank lady'])('reviews %j', (typed) => {
    expectReview(typed);
  });

  it.each([
    ["St Mary's Church", 'gr-05'],
    ['Grace Chapel', 'gr-07'],
    ['the food bank', 'gr-01'],
    ['Our Lady of Lourdes Church', 'gr-06'],
  ])('still accepts the group itself, %j', (typed, id) => expectAccepted(typed, id));
});

describe('a doubtful word beside two name words typed exactly', () => {
  const names = matcherOf(
    [
      'id,name,type,role,service,sector',
      'ps-02,Zoë Brontë-Hall,public-servant,Headteacher,St Mary’s Primary School,public',
      'ps-12,José María García-López,public-servant,Practice Nurse,Maindee Surgery,public',
      'ps-13,Imran Shah,public-servant,Ward Councillor,Newport City Council,public',
    ].join('\n'),
  );

  it('is outweighed by them: a typo in one part of a longer name is still accepted', () => {
    // Before the exact-word count these went to review (trial U's exports, all right matches).
    expectAccepted('Zoe Bronte-Hal', 'ps-02', names);
    expectAccepted('Jose Garcia-Lopes', 'ps-12', names);
  });

  it('is not outweighed by one: a first name and a surname one letter off stays in review', () => {
    expect(names.match('Imran Shaw').id).toBeNull();
    expect(names.match('Imran Shaw').candidates[0]?.id).toBe('ps-13');
  });
});

describe('a group by its short name', () => {
  const groups = matcherOf(
    [
      'id,name,type,role,service,sector',
      'gr-02,Citizens Advice Castlebridge,group,Advice service,,voluntary',
      "gr-08,Northgate Tenants' Association,group,Tenants and residents association,,voluntary",
      "gr-15,Castlebridge Women's Institute,group,Community group,,voluntary",
      'gr-17,Castlebridge Jobcentre Plus,service,Jobcentre,Department for Work and Pensions,public',
      'gr-01,Castlebridge Food Bank,group,Food bank,,voluntary',
      'gr-03,Castlebridge Youth Club,group,Youth club,,voluntary',
    ].join('\n'),
  );

  it.each([
    ['CAB', 'gr-02'],
    ['CA', 'gr-02'],
    ['WI', 'gr-15'],
    ['the WI', 'gr-15'],
    ['the JCP', 'gr-17'],
    ['TRA', 'gr-08'],
  ])('"%s" suggests %s (before: no suggestion, as the town name was among the initials)', (typed, id) => {
    const m = groups.match(typed);
    expect(m.id).toBeNull();
    expect(m.candidates[0]?.id).toBe(id);
  });

  it('suggests nothing for capitals that are no group\'s ("NHS")', () => {
    expect(groups.match('NHS').candidates).toEqual([]);
  });
});

describe('a title written in full where the roster shortens it', () => {
  it('agrees with it: "Father Gallagher" is Fr Dermot Gallagher, as "Fr Gallagher" is', () => {
    // Before: 0.7, in review, while "Fr Gallagher" was accepted.
    expectAccepted('Father Gallagher', 'fa-02');
    expectAccepted('Fr Gallagher', 'fa-02');
  });

  it('and a faith title agrees with the role it names ("Pastor" for a roster Pastor)', () => {
    expectAccepted('Pastor Okonkwo', 'fa-05');
  });
});

describe('short forms of Welsh, Irish and Polish names', () => {
  const names = matcherOf(
    [
      'id,name,type,role,service,sector',
      'ps-04,Małgorzata Nowak,public-servant,Liaison Officer,Family Hub,public',
      'ps-41,Zofia Wójcik,volunteer,Coordinator,Polish Saturday School,civil',
      "ps-13,Siobhán O'Neill,public-servant,Neighbourhood Manager,Council,public",
      'nu-03,Bernadette Kelly,public-servant,School Nurse,School Nursing Service,public',
      'vo-07,Katarzyna Zielińska,volunteer,Volunteer,Food Bank,voluntary',
    ].join('\n'),
  );

  it('are the person, as "Bill" is William', () => {
    // Before: each went to review with the person suggested at best.
    expectAccepted('Zosia Wojcik', 'ps-41', names);
    expectAccepted('Gosia Nowak', 'ps-04', names);
    expectAccepted("Shevaun O'Neill", 'ps-13', names);
  });

  it('suggest the person by a short first name alone, "Pani" (Mrs) aside', () => {
    expect(names.match('Pani Kasia').candidates[0]?.id).toBe('vo-07');
    expect(names.match('school nurse Bernie').candidates[0]?.id).toBe('nu-03');
  });
});

describe("quality.json's suggestions for a name to review", () => {
  it('name every one of those equally close, not the first three ("our councillor" of four)', () => {
    const roster = text(
      'roster.csv',
      [
        'id,name,type,role,service,sector',
        'cl-01,Cllr Margaret Evans,public-servant,Ward Councillor,Castlebridge Borough Council,public',
        'cl-02,Cllr Imran Shah,public-servant,Ward Councillor,Castlebridge Borough Council,public',
        'cl-03,Cllr William Hughes,public-servant,Ward Councillor,Castlebridge Borough Council,public',
        'cl-04,Cllr Rhian Lloyd,public-servant,Ward Councillor,Castlebridge Borough Council,public',
        'ps-01,Helen Okafor,public-servant,Headteacher,Castlebridge Primary School,public',
      ].join('\n'),
    );
    const r = run([text('survey.csv', 'Response ID,Who do you trust?\n1,our councillor\n')], { roster });
    const item = r.quality.unmatched.find((u) => u.text === 'our councillor')!;
    expect(item.suggestions.map((s) => s.id).sort()).toEqual(['cl-01', 'cl-02', 'cl-03', 'cl-04']);
  });
});
