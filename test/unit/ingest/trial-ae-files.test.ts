// Files as users hand them over (trial AE): a zip made by an odd tool, a consultation's drafts,
// an export sorted in a spreadsheet. Each is read as far as it can be, and says what was done.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { archiveHead } from '../../../src/core/ingest/archive';
import { fixture, googleFormsSurvey, run, text, tieSet } from './helpers';

describe('a .zip whose CSV is stored under a path leading outside the archive', () => {
  const csv = googleFormsSurvey(['Helen Okafor,Amira Haddad', 'Karen Douglas,Helen Okafor']);

  it.each(['../../responses.csv', '/home/sam/responses.csv', '..\\responses.csv'])(
    '"%s" is read, with a warning naming it (before: "holds no CSV")',
    (entry) => {
      const zipped = { name: 'export.zip', data: zipSync({ [entry]: strToU8(csv.data as string) }) };
      const r = run([zipped]);
      expect(tieSet(r)).toEqual(tieSet(run([csv])));
      const notes = r.quality.issues.filter((i) => i.code === 'archive-path' || i.code === 'archive');
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatchObject({ severity: 'warning', file: 'export.zip', code: 'archive-path' });
      expect(notes[0]!.message).toContain(`"${entry}"`);
      expect(notes[0]!.message).toContain('Read "responses.csv"');
      // The app reads its header from the archive too.
      expect(archiveHead(zipped, 1024)).not.toBeNull();
    },
  );

  it('a path that only seems to leave ("forms/../responses.csv") is read with the usual note', () => {
    const r = run([
      { name: 'export.zip', data: zipSync({ 'forms/../responses.csv': strToU8(csv.data as string) }) },
    ]);
    expect(r.quality.issues.find((i) => i.code === 'archive')?.message).toContain('forms/../responses.csv');
    expect(r.quality.issues.map((i) => i.code)).not.toContain('archive-path');
  });
});

describe('Citizen Space: a response saved but never submitted', () => {
  // As trial AA's export, with ANON-1 and ANON-3 saved as drafts: "Submitted on" blank.
  const export_ = text(
    'citizen-space.csv',
    [
      'Response ID,Submitted on,Are you responding as an individual or on behalf of an organisation?,What is your name?,What is the name of your organisation?,Who do you trust?',
      'ANON-1,,Individual,Sam,,Helen Okafor',
      'ANON-2,2026-03-02 11:06:00,Individual,Jo,,Amira Haddad',
      'ANON-3,,Individual,Al,,Karen Douglas',
    ].join('\n'),
  );

  it("is noted as unfinished, its answers kept, as other tools' unfinished responses are", () => {
    const r = run([export_]);
    const unfinished = r.quality.issues.filter((i) => i.code === 'unfinished-response');
    expect(unfinished.map((i) => [i.file, i.row])).toEqual([
      ['citizen-space.csv', 2],
      ['citizen-space.csv', 4],
    ]);
    expect(tieSet(r)).toEqual(['r-ANON-1>ps-01:trust', 'r-ANON-2>ps-09:trust', 'r-ANON-3>ps-12:trust']);
  });
});

describe('a Qualtrics export sorted in a spreadsheet', () => {
  const [tags, texts, importIds, ...data] = new TextDecoder()
    .decode(fixture('qualtrics.csv').data as Uint8Array)
    .trimEnd()
    .split('\n');
  const downloaded = run([fixture('qualtrics.csv')]);
  const relations = (r: ReturnType<typeof run>) => r.mapping.surveys[0]!.questions.map((q) => q.relation);

  it('with its header rows sorted last reads the tie types from their question texts', () => {
    const r = run([text('qualtrics.csv', [tags, ...data, texts, importIds].join('\n'))]);
    // Before: the questions were "q2" and "named", read from the export tags alone.
    expect(relations(r)).toEqual(relations(downloaded));
    expect(tieSet(r)).toEqual(tieSet(downloaded));
    const moved = r.quality.issues.filter((i) => i.code === 'header-row-in-data');
    expect(moved.map((i) => i.row)).toEqual([data.length + 2, data.length + 3]);
    expect(moved[0]!.message).toContain('question texts give the tie types');
  });

  it('with its header rows among the first answers takes no answer for a header row', () => {
    const [preview, ...rest] = data;
    const r = run([
      text('qualtrics.csv', [tags, preview, importIds, rest[0], texts, ...rest.slice(1)].join('\n')),
    ]);
    // Before: the preview on row 2 was read as the question texts ("Helen Okafor" a question).
    expect(relations(r)).toEqual(relations(downloaded));
    expect(tieSet(r)).toEqual(tieSet(downloaded));
    expect(r.quality.issues.find((i) => i.code === 'preview-response')?.row).toBe(2);
  });

  it('is read with the mapping saved from the export as downloaded', () => {
    const sorted = text('qualtrics.csv', [tags, ...data, texts, importIds].join('\n'));
    // Before: two answers were taken for the header rows, and the run stopped (the questions changed).
    expect(tieSet(run([sorted], { mapping: downloaded.mapping }))).toEqual(tieSet(downloaded));
  });
});
