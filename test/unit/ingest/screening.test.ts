// Screening messages say what was done and why: a resubmission with no time to compare says the
// lower row was kept (not "the later one"), and bad cells are reported under the file's own
// column names, as the user will look for them.
import { describe, expect, it } from 'vitest';
import { run, text } from './helpers';

describe('screening responses', () => {
  it('keeps the lower row of a resubmission with no time, and says so rather than "the later one"', () => {
    const r = run([
      text(
        'formstack.csv',
        'Your email,Which best describes you?,Who do you trust?\n' +
          'jo@example.org,Resident,Helen Okafor\n' +
          'sam@example.org,Resident,Amira Haddad\n' +
          'JO@example.org,Resident,Dr Priya Patel\n',
      ),
    ]);
    const resubmitted = r.quality.issues.filter((i) => i.code === 'resubmitted-response');
    expect(resubmitted).toMatchObject([{ row: 2, file: 'formstack.csv' }]);
    expect(resubmitted[0]!.message).toContain('no time');
    expect(resubmitted[0]!.message).toContain('row 4');
    expect(resubmitted[0]!.message).not.toContain('replaced by the later one');
    expect(r.respondents.map((p) => p.row)).toEqual([3, 4]);
  });

  it('keeps the later answer by time when both have one, whatever the row order', () => {
    const r = run([
      text(
        'newest-first.csv',
        'Timestamp,Email Address,Who do you trust?\n' +
          '2026/03/03 10:00:00 AM GMT,jo@example.org,Dr Priya Patel\n' +
          '2026/03/02 10:00:00 AM GMT,jo@example.org,Helen Okafor\n',
      ),
    ]);
    const resubmitted = r.quality.issues.filter((i) => i.code === 'resubmitted-response');
    expect(resubmitted).toMatchObject([{ row: 3 }]);
    expect(resubmitted[0]!.message).toContain('replaced by the later one');
    expect(r.respondents.map((p) => p.row)).toEqual([2]);
  });

  it("names the file's own e-mail and time columns when their cells are not valid", () => {
    const r = run([
      text(
        'google.csv',
        'Timestamp,Email Address,Who do you trust?\n' +
          'yesterday,not an address,Helen Okafor\n' +
          '2026/03/02 10:00:00 AM GMT,sam@example.org,Amira Haddad\n',
      ),
    ]);
    expect(r.quality.issues.find((i) => i.code === 'invalid-email')).toMatchObject({
      row: 2,
      column: 'Email Address',
    });
    expect(r.quality.issues.find((i) => i.code === 'invalid-date')).toMatchObject({
      row: 2,
      column: 'Timestamp',
    });
  });
});
