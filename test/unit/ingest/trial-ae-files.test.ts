// Files as users hand them over (trial AE): a zip made by an odd tool, a consultation's drafts,
// an export sorted in a spreadsheet. Each is read as far as it can be, and says what was done.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { archiveHead } from '../../../src/core/ingest/archive';
import { googleFormsSurvey, run, tieSet } from './helpers';

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
