// Columns that look like something they are not: a collector named by the author, someone
// else's e-mail on every row, phone numbers and decimal commas that look like choice codes.
// Each once cost real responses or leaked digits into review.
import { describe, expect, it } from 'vitest';
import { codes, run, text, tieSet } from './helpers';

describe('columns that are not what they look like', () => {
  it('keeps responses whose collector is named with "bot" or "test" inside a word', () => {
    const r = run([
      text(
        'zoho.csv',
        'Response ID,Collector,Who do you go to in times of need?\n' +
          'Z1,Botanic Gardens poster,Helen Okafor\nZ2,Sarah Talbot,Amira Haddad\nZ3,Contest flyer,Helen Okafor\n',
      ),
    ]);
    expect(r.mapping.surveys[0]!.channel).toBeNull();
    expect(r.quality.rows.rejected).toBe(0);
    expect(tieSet(r)).toEqual(['r-Z1>ps-01:need', 'r-Z2>ps-09:need', 'r-Z3>ps-01:need']);
  });

  it("never takes one address on every row (someone else's) as the respondent's own e-mail", () => {
    const r = run([
      text(
        'team.csv',
        "Response ID,Your team leader's e-mail,Who do you trust?\n" +
          'T1,karen.douglas@millbrook.gov.uk,Helen Okafor\nT2,karen.douglas@millbrook.gov.uk,Amira Haddad\n' +
          'T3,karen.douglas@millbrook.gov.uk,Dr Priya Patel\n',
      ),
    ]);
    expect(r.mapping.surveys[0]!.email).toBeNull();
    expect(codes(r.quality)).not.toContain('resubmitted-response');
    expect(r.respondents.map((p) => p.key)).toEqual(['r-T1', 'r-T2', 'r-T3']);
  });

  it('reads no phone numbers or decimal hours as choice codes', () => {
    const r = run([
      text(
        'contact.csv',
        'Response ID,Contact number,How many hours do you volunteer?,Who do you trust?\n' +
          'C1,0161 496 0000,"2,5",Helen Okafor\nC2,07700 900123,"1,5",Amira Haddad\nC3,0113 496 0999,"3,5",Helen Okafor\n',
      ),
    ]);
    expect(r.mapping.surveys[0]!.questions.map((q) => q.label)).toEqual(['Who do you trust?']);
    expect(r.review).toEqual([]);
    expect(codes(r.quality)).not.toContain('numeric-answers');
  });
});

describe('a column of roster e-mail addresses that is not read', () => {
  it('is said, though an address is never read as a name', () => {
    const r = run([
      text(
        'snap.csv',
        'RespID,Q2,Q6\n1,Helen Okafor,amira.haddad@millbrook.gov.uk\n2,Amira Haddad,amira.haddad@millbrook.gov.uk\n' +
          '3,Helen Okafor,priya.patel@millbrook.gov.uk\n',
      ),
    ]);
    expect(r.mapping.surveys[0]!.email).toBeNull();
    expect(r.quality.issues.find((i) => i.code === 'unread-name-column')).toMatchObject({ column: 'Q6' });
  });
});
