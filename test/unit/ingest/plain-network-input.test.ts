// Networks collected elsewhere (Pajek, UCINET DL, an edge list, an adjacency matrix) handed in as
// survey files: detected, their nodes joined to the roster, their ties in the network.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { isPlainNetwork } from '../../../src/core/ingest/plain-network';
import { nodesCsv } from '../../../src/core/export';
import { strToU8, zipSync } from 'fflate';
import { codes, fixture, FIXTURES, run, text, weightedTieSet, xlsxOf } from './helpers';

describe('a Pajek network uploaded as a survey', () => {
  const r = run([fixture('community.net')]);

  it('joins nodes to the roster by name and by roster id; the rest are residents keyed by their place', () => {
    expect(r.mapping.surveys[0]).toMatchObject({ file: 'community.net', format: 'pajek', questions: [] });
    // Jo Bloggs is node 4 and Sam Wren node 6: keys from the file and the node's place, not the name.
    expect(weightedTieSet(r)).toEqual([
      'n-community-4>n-community-6:info=1',
      'n-community-4>ps-01:trust=1',
      'n-community-4>ps-04:trust=2',
      'n-community-6>n-community-4:info=1',
      'n-community-6>vg-01:trust=1',
    ]);
    const jo = r.actors.find((a) => a.id === 'n-community-4')!;
    expect(jo).toMatchObject({ type: 'resident', onRoster: false, attrs: { name: 'Jo Bloggs' } });
    expect(jo.label).not.toContain('Jo');
    expect(new TextDecoder().decode(nodesCsv(r.actors, { includeNames: false }))).not.toContain('Bloggs');
    expect(codes(r.quality)).toEqual(
      expect.arrayContaining(['network-node-not-on-roster', 'undirected-ties', 'unmatched-name']),
    );
  });

  it('puts a label close to a roster name in the review queue, its ties held back until decided', () => {
    expect(r.review.map((x) => [x.text, x.candidates[0]?.name, x.count])).toEqual([
      ['Amira', 'Amira Haddad', 1],
    ]);
    const decided = run([fixture('community.net')], {
      mapping: { ...r.mapping, decisions: [{ text: 'Amira', action: 'accept', id: 'ps-09' }] },
    });
    expect(weightedTieSet(decided)).toContain('n-community-6>ps-09:trust=1');
    expect(decided.review).toEqual([]);
  });

  it('counts every node that names others as a respondent', () => {
    // Each with the line where it first names someone, so a tie's line leads back to its giver.
    expect(r.respondents.map((x) => [x.key, x.type, x.onRoster, x.row])).toEqual([
      ['n-community-4', 'resident', false, 11],
      ['n-community-6', 'resident', false, 13],
    ]);
    // Each tie given is a row of data; the undirected edge is two.
    expect(r.quality.rows).toMatchObject({ read: 6, accepted: 6 });
  });
});

describe('an edge list, a matrix and UCINET DL uploaded as surveys', () => {
  it('reads an edge list with weights and tie types, names matched to the roster', () => {
    const r = run([fixture('community-edges.csv')]);
    expect(r.mapping.surveys[0]!.format).toBe('edgelist');
    expect(weightedTieSet(r)).toEqual([
      'n-community-edges-1>ps-01:need=1',
      'n-community-edges-1>ps-04:trust=3',
      'n-community-edges-4>n-community-edges-1:info=1',
      'n-community-edges-4>vg-01:need=1',
    ]);
  });

  it('reads an adjacency matrix whose labels are roster names, and Pajek *Matrix', () => {
    const matrix =
      ',Helen Okafor,Dr Priya Patel,Jo Bloggs\nHelen Okafor,0,1,0\nDr Priya Patel,0,0,0\nJo Bloggs,2,1,0\n';
    const m = run([text('grid.csv', matrix)]);
    expect(m.mapping.surveys[0]!.format).toBe('matrix');
    expect(weightedTieSet(m)).toEqual(['n-grid-3>ps-01:tie=2', 'n-grid-3>ps-04:tie=1', 'ps-01>ps-04:tie=1']);
    const pajek = '*Vertices 2\n1 "Helen Okafor"\n2 "Dr Priya Patel"\n*Matrix\n0 2\n1 0\n';
    expect(weightedTieSet(run([text('m.net', pajek)]))).toEqual(['ps-01>ps-04:tie=2', 'ps-04>ps-01:tie=1']);
  });

  it('reads a matrix kept in a workbook, and an edge list in a zip', () => {
    const rows = [
      ['', 'Helen Okafor', 'Dr Priya Patel'],
      ['Helen Okafor', '0', '1'],
      ['Dr Priya Patel', '2', '0'],
    ];
    const m = run([{ name: 'matrix.xlsx', data: xlsxOf(rows) }]);
    expect(m.mapping.surveys[0]!.format).toBe('matrix');
    expect(weightedTieSet(m)).toEqual(['ps-01>ps-04:tie=1', 'ps-04>ps-01:tie=2']);
    const zipped = zipSync({ 'network.csv': strToU8('source,target\nHelen Okafor,Dr Priya Patel\n') });
    const z = run([{ name: 'network.zip', data: zipped }]);
    expect(z.mapping.surveys[0]!.format).toBe('edgelist');
    expect(weightedTieSet(z)).toEqual(['ps-01>ps-04:tie=1']);
  });

  it("reads an edge list saved as Excel's Unicode text (UTF-16, tab-delimited)", () => {
    const text16 = 'source\ttarget\nHelen Okafor\tDr Priya Patel\n';
    const bytes = new Uint8Array(2 + text16.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text16.length; i++) bytes[2 + 2 * i] = text16.charCodeAt(i);
    const r = run([{ name: 'network.txt', data: bytes }]);
    expect(r.mapping.surveys[0]!.format).toBe('edgelist');
    expect(weightedTieSet(r)).toEqual(['ps-01>ps-04:tie=1']);
  });

  it('reads a symmetric UCINET matrix, whose ties are given both ways, once each way', () => {
    const dl =
      'DL N=3\nFORMAT = FULLMATRIX\nLABELS:\n"Helen Okafor","Dr Priya Patel","Jo Bloggs"\nDATA:\n0 1 1\n1 0 0\n1 0 0\n';
    expect(weightedTieSet(run([text('sym.dl', dl)]))).toEqual([
      'n-sym-3>ps-01:tie=1',
      'ps-01>n-sym-3:tie=1',
      'ps-01>ps-04:tie=1',
      'ps-04>ps-01:tie=1',
    ]);
  });

  it('reads UCINET DL with labels', () => {
    const dl =
      'DL N=3\nFORMAT = NODELIST1\nLABELS:\n"Helen Okafor","Dr Priya Patel","Jo Bloggs"\nDATA:\n3 1 2\n';
    const r = run([text('study.dl', dl)]);
    expect(r.mapping.surveys[0]!.format).toBe('ucinet-dl');
    expect(weightedTieSet(r)).toEqual(['n-study-3>ps-01:tie=1', 'n-study-3>ps-04:tie=1']);
  });

  it('takes none of the survey fixtures for a network', () => {
    const surveys = readdirSync(FIXTURES).filter(
      (f) =>
        /\.(csv|txt)$/.test(f) &&
        !/^(edges|matrix|community-edges|roster|redcap-dictionary|surveycto-choices)\.csv$/.test(f),
    );
    expect(surveys.length).toBeGreaterThan(20);
    expect(surveys.filter((f) => isPlainNetwork(fixture(f)))).toEqual([]);
    // Nor a survey kept in a workbook or downloaded zipped.
    expect(isPlainNetwork(fixture('microsoft-forms.xlsx'))).toBe(false);
    expect(isPlainNetwork(fixture('google-forms.zip'))).toBe(false);
  });
});
