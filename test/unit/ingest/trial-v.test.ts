// Trial V (odd and large files in the app): columns read as nothing are said, not dropped unsaid.
import { describe, expect, it } from 'vitest';
import { run, text } from './helpers';

describe('columns read as neither a question nor a respondent detail', () => {
  it('are named in one note per file, with the way to read one as a name question', () => {
    const extra = Array.from({ length: 12 }, (_, i) => `Extra question ${i + 4}`);
    const header = ['Response ID', 'Respondent type', 'Who do you trust?', ...extra].join(',');
    const row = ['w1', 'Resident', 'Helen Okafor', ...extra.map((_, i) => `answer ${i}`)].join(',');
    const result = run([text('wide.csv', `${header}\n${row}\n`)]);
    const notes = result.quality.issues.filter((i) => i.code === 'unread-columns');
    expect(notes).toHaveLength(1);
    expect([notes[0]!.severity, notes[0]!.file, notes[0]!.row, notes[0]!.column]).toEqual([
      'info',
      'wide.csv',
      1,
      'Extra question 4',
    ]);
    expect(notes[0]!.message).toMatch(
      /^12 columns were not read as name questions or respondent details: "Extra question 4", .*, \.\.\.\. .*"Columns not read" in the mapping step/,
    );
  });

  it('leave out a column already warned of as naming people, and say nothing when all are read', () => {
    const survey = text(
      'survey.csv',
      'Response ID,Respondent type,Who do you trust?,Q7\nr1,Resident,Helen Okafor,Amira Haddad\nr2,Resident,Amira Haddad,Helen Okafor\nr3,Resident,Karen Douglas,Helen Okafor\n',
    );
    const codes = run([survey]).quality.issues.map((i) => i.code);
    expect(codes).not.toContain('unread-columns');
    const plain = text(
      'plain.csv',
      'Response ID,Respondent type,Who do you trust?\nr1,Resident,Helen Okafor\n',
    );
    expect(run([plain]).quality.issues.map((i) => i.code)).not.toContain('unread-columns');
  });
});
