// Each survey tool's export, as the tool writes it, read into the same respondents and ties.
import { describe, expect, it } from 'vitest';
import { readPlainNetwork, readRoster, readTable } from '../../../src/core/ingest';
import { decodeText, rowsAtOffsets } from '../../../src/core/ingest/csv';
import { InputError, QualityCollector } from '../../../src/core/quality';
import { readXlsx } from '../../../src/core/ingest/xlsx';
import { codes, fixture, run, text, tieSet, workbookOf } from './helpers';

describe('survey tool exports', () => {
  it('Google Forms: ", "-joined choices split against known labels, Other text, checkbox grids, resubmissions', () => {
    const r = run([fixture('google-forms.csv')]);
    const m = r.mapping.surveys[0]!;
    expect(m.format).toBe('google-forms');
    expect(m.questions.map((q) => [q.kind, q.relation])).toEqual([
      ['text', 'need'],
      ['text', 'trust'],
      ['text', 'info'],
      ['grid', null],
    ]);
    const ties = tieSet(r);
    // "Patel, Priya" is one (reversed) roster name, not two people.
    expect(ties).toContain('r-row2>ps-04:need');
    expect(ties).toContain('r-row2>vg-01:need');
    // "Other" free text in the same cell is read as a name: "Mrs Okafor", a courtesy title and a
    // surname alone, waits in review with Helen Okafor first among the suggestions.
    expect(ties).not.toContain('r-row2>ps-01:info');
    expect(r.review.find((x) => x.text === 'Mrs Okafor')?.candidates[0]?.id).toBe('ps-01');
    // Grid cells give one relation per ticked label.
    expect(ties).toEqual(
      expect.arrayContaining(['r-row2>ps-04:advice', 'r-row2>ps-01:advice', 'r-row2>ps-01:need']),
    );
    // BOB@ and bob@ are one person: the earlier response is replaced.
    expect(r.quality.issues.find((i) => i.code === 'resubmitted-response')).toMatchObject({ row: 3 });
    expect(codes(r.quality)).toEqual(expect.arrayContaining(['invalid-email', 'invalid-date']));
    expect(r.quality.rows).toEqual({ read: 4, accepted: 3, rejected: 1 });
  });

  it('Microsoft Forms CSV: BOM, trailing ";", "anonymous" e-mail, respondent linked by e-mail', () => {
    const r = run([fixture('microsoft-forms.csv')]);
    expect(r.mapping.surveys[0]!.format).toBe('microsoft-forms');
    expect(r.respondents.map((x) => x.key)).toEqual(['r-1', 'ps-02', 'r-3']);
    expect(tieSet(r)).toEqual(
      expect.arrayContaining(['r-1>ps-04:need', 'r-1>vg-01:need', 'ps-02>ps-09:trust']),
    );
    expect(codes(r.quality)).not.toContain('invalid-email');
    expect(r.review).toHaveLength(0);
  });

  it('Microsoft Forms .xlsx: the native workbook, dates from serial numbers', () => {
    const r = run([fixture('microsoft-forms.xlsx')]);
    expect(r.mapping.surveys[0]!.format).toBe('microsoft-forms');
    expect(tieSet(r)).toEqual([
      'ps-02>ps-01:need',
      'ps-02>ps-09:trust',
      'r-1>ps-01:trust',
      'r-1>ps-04:need',
      'r-1>vg-01:need',
    ]);
    const table = readTable(fixture('microsoft-forms.xlsx'), new QualityCollector());
    expect(table.rows[0]![1]).toBe('2026-03-02 10:01:12');
    // The page's header read takes the first rows only, the same as the whole read's first rows.
    const data = fixture('microsoft-forms.xlsx').data as Uint8Array;
    const whole = readXlsx(data, 'microsoft-forms.xlsx');
    expect(whole.length).toBe(3);
    for (const n of [1, 2, 3, 10])
      expect(readXlsx(data, 'microsoft-forms.xlsx', n)).toEqual(whole.slice(0, n));
  });

  it('Qualtrics: three header rows, preview and spam left out, choice columns and a matrix grid', () => {
    const r = run([fixture('qualtrics.csv')]);
    const m = r.mapping.surveys[0]!;
    expect([m.format, m.headerRows]).toEqual(['qualtrics', 3]);
    expect(m.questions.map((q) => q.kind)).toEqual(['text', 'choices', 'grid']);
    expect(r.quality.issues.filter((i) => i.code.endsWith('-response')).map((i) => [i.code, i.row])).toEqual([
      ['preview-response', 4],
      ['unfinished-response', 7],
      ['spam-response', 8],
    ]);
    // Helen answered through an e-mail invitation: she keeps her roster id.
    expect(r.respondents.map((x) => x.key)).toEqual(['r-R_1aB2cD3eF4', 'ps-01', 'r-R_5tS4rQ3pO2']);
    expect(tieSet(r)).toEqual(
      expect.arrayContaining([
        'r-R_1aB2cD3eF4>ps-04:trust',
        'r-R_1aB2cD3eF4>ps-04:advice',
        'ps-01>ps-09:advice',
        'ps-01>ps-09:trust',
      ]),
    );
    expect(r.quality.rows).toEqual({ read: 5, accepted: 3, rejected: 2 });
  });

  it('Qualtrics with the text rows deleted: still read, from the answers, with a warning', () => {
    const r = run([fixture('qualtrics-tags-only.csv')]);
    expect(r.mapping.surveys[0]!.headerRows).toBe(1);
    expect(codes(r.quality)).toContain('qualtrics-header-rows-missing');
    expect(codes(r.quality)).toContain('spam-response');
    expect(tieSet(r)).toContain('r-R_1aB2cD3eF4>ps-04:q2');
  });

  it('SurveyMonkey: two header rows, one column per choice holding the choice text, Other', () => {
    const r = run([fixture('surveymonkey.csv')]);
    const m = r.mapping.surveys[0]!;
    expect([m.format, m.headerRows]).toEqual(['surveymonkey', 2]);
    expect(m.questions[0]!.targets).toEqual([
      'Dr Priya Patel',
      'Helen Okafor',
      'Amira Haddad',
      'Other (please specify)',
    ]);
    expect(tieSet(r)).toEqual(
      expect.arrayContaining([
        'r-114230001>ps-04:trust',
        'r-114230001>ps-09:trust',
        'r-114230002>ps-01:trust',
      ]),
    );
    expect(r.review.map((x) => x.text)).toContain("Mrs Okafor's deputy");
    // The typed "Other" box has a blank first header: it is named by its question and choice.
    const other = r.review.find((x) => x.text === "Mrs Okafor's deputy")!;
    expect(other.column).toBe('Who do you trust? [Other (please specify)]');
    expect(r.quality.issues.filter((i) => i.code === 'unmatched-name').map((i) => i.column)).toContain(
      'Who do you trust? [Other (please specify)]',
    );
  });

  it('Excel\'s separator line ("sep=;" above the header) names the delimiter and is skipped', () => {
    const plain = run([fixture('google-forms.csv')]);
    const csv = new TextDecoder().decode(fixture('google-forms.csv').data as Uint8Array);
    const withHint = run([text('google-forms.csv', `sep=,\r\n${csv}`)]);
    expect(tieSet(withHint)).toEqual(tieSet(plain));
    expect(withHint.quality.issues.find((i) => i.code === 'separator-line')?.message).toContain('sep=,');
    // The header is row 1 as Excel shows it (the line is hidden there): rows are unchanged.
    const rows = (r: typeof plain) =>
      r.quality.issues.filter((i) => i.code !== 'separator-line').map((i) => [i.code, i.row]);
    expect(rows(withHint)).toEqual(rows(plain));
    // A ";" hint wins over a header that would otherwise look comma-separated.
    const semi = readTable(text('t.csv', 'sep=;\nid;name, with comma\n1;Ann\n'), new QualityCollector());
    expect(semi.header).toEqual(['id', 'name, with comma']);
    expect(semi.rows).toEqual([['1', 'Ann']]);
  });

  it('KoboToolbox: ";"-delimited, group paths, select_multiple 0/1 columns', () => {
    const r = run([fixture('kobo.csv')]);
    expect(r.mapping.surveys[0]!.format).toBe('kobo');
    expect(tieSet(r)).toEqual([
      'r-101>ps-01:trust',
      'r-101>ps-04:need',
      'r-101>vg-01:need',
      'r-102>ps-01:need',
    ]);
  });

  it('LimeSurvey: q[SQ001] columns with Y, codes through a codebook; incomplete responses noted', () => {
    const r = run([fixture('limesurvey.csv')], { codebook: fixture('limesurvey-codes.csv') });
    expect(r.mapping.surveys[0]!.format).toBe('limesurvey');
    expect(tieSet(r)).toEqual(['r-1>ps-01:trust', 'r-1>ps-04:need', 'r-1>vg-01:need', 'r-2>ps-01:need']);
    expect(codes(r.quality)).toContain('unfinished-response');
  });

  it('REDCap: field___code checkboxes and coded respondent types through the data dictionary', () => {
    const r = run([fixture('redcap.csv')], { codebook: fixture('redcap-dictionary.csv') });
    expect(r.mapping.surveys[0]!.format).toBe('redcap');
    expect(tieSet(r)).toEqual([
      'r-1>ps-01:trust',
      'r-1>ps-04:need',
      'r-1>vg-01:need',
      'r-1>vg-03:info',
      'r-2>ps-01:need',
      'r-2>vg-01:trust',
    ]);
    expect(r.respondents.map((x) => x.type)).toEqual(['resident', 'volunteer', 'resident']);
    expect(codes(r.quality)).not.toContain('invalid-date');
  });

  it('REDCap longitudinal with a repeating instrument: the first event, repeats as their record', () => {
    const r = run([fixture('redcap-longitudinal.csv')], { codebook: fixture('redcap-dictionary.csv') });
    // source_kind's codes 1 and 2 are its own choices, not need's people coded 1 and 2.
    expect(r.mapping.surveys[0]!.questions.map((q) => q.columns[0])).toEqual([
      'need___1',
      'trust___1',
      'info_source',
    ]);
    // Each "sources" instance's typed name is its record's respondent's; no respondent of its own.
    expect(tieSet(r)).toEqual([
      'r-1>ps-01:trust',
      'r-1>ps-04:need',
      'r-1>ps-09:info',
      'r-1>vg-01:need',
      'r-1>vg-03:info',
      'r-2>ps-01:need',
      'r-2>vg-01:trust',
    ]);
    expect(r.respondents.map((x) => x.key)).toEqual(['r-1', 'r-2']);
    // Finished is the network form's status, not the repeating instrument's after it.
    expect(r.mapping.surveys[0]!.finished).toBe('network_complete');
    expect(r.quality.issues.map((i) => [i.code, i.row, i.column])).toEqual([
      // The repeating instrument's own questions are not name questions: said, not read.
      ['unread-columns', 1, 'source_kind'],
      ['other-event', 5, 'redcap_event_name'],
      ['other-event', 7, 'redcap_event_name'],
      ['other-event', 8, 'redcap_event_name'],
      ['repeat-without-record', 9, 'redcap_repeat_instrument'],
    ]);
    expect(r.quality.rows).toEqual({ read: 8, accepted: 4, rejected: 4 });
  });

  it("REDCap fields named q1, q2...: the dictionary's field labels give the wording and tie types", () => {
    const data =
      'record_id,q1,q2___1,q2___2,q2___3,q3___1,q3___2,q3___3,survey_complete\n' +
      '1,1,1,0,1,0,1,0,2\n2,2,0,1,0,0,0,1,2\n';
    const dictionary =
      '"Variable / Field Name","Form Name","Section Header","Field Type","Field Label","Choices, Calculations, OR Slider Labels"\n' +
      'record_id,survey,,text,"Record ID",\n' +
      'q1,survey,,radio,"Which best describes you?","1, Resident | 2, Volunteer"\n' +
      'q2,survey,,checkbox,"Who do you go to in times of need?","1, Dr Priya Patel | 2, Helen Okafor | 3, Millbrook Food Bank"\n' +
      'q3,survey,,checkbox,"Who do you trust?","1, Dr Priya Patel | 2, Helen Okafor | 3, Millbrook Food Bank"\n';
    const r = run([text('redcap-q.csv', data)], { codebook: text('dictionary.csv', dictionary) });
    const m = r.mapping.surveys[0]!;
    expect(m.respondentType).toBe('q1');
    expect(m.questions.map((q) => [q.label, q.relation])).toEqual([
      ['Who do you go to in times of need?', 'need'],
      ['Who do you trust?', 'trust'],
    ]);
    expect(tieSet(r)).toEqual([
      'r-1>ps-01:trust',
      'r-1>ps-04:need',
      'r-1>vg-01:need',
      'r-2>ps-01:need',
      'r-2>vg-01:trust',
    ]);
    expect(r.respondents.map((x) => x.type)).toEqual(['resident', 'volunteer']);
  });

  it('REDCap labels export of a longitudinal project: events and repeats by their labels', () => {
    const csv =
      'Record ID,Event Name,Repeat Instrument,Repeat Instance,Which best describes you?,Complete?,Who do you trust? (choice=Helen Okafor),Who do you trust? (choice=Amira Haddad),Complete?,Anyone else you trust? Their name,What do you go to them for?,Complete?\n' +
      '1,Baseline (Arm 1),,,Resident,Complete,Checked,Unchecked,Complete,,,\n' +
      '1,Baseline (Arm 1),Others,1,,,,,,Millbrook Food Bank,Help in times of need,Complete\n' +
      '1,Baseline (Arm 1),Others,2,,,,,,Karen Douglas,Information,Complete\n' +
      '1,Follow-up (Arm 1),,,,,Unchecked,Checked,Incomplete,,,\n' +
      '2,Baseline (Arm 1),,,Volunteer,Complete,Unchecked,Checked,Incomplete,,,\n';
    const r = run([text('redcap-labels-events.csv', csv)]);
    const m = r.mapping.surveys[0]!;
    // One "Complete?" per instrument: the network form's (the second) says whether it was finished.
    expect(m.finished).toBe('Complete? (2)');
    // "What do you go to them for?" is answered with tie types, not people: no question of names.
    expect(m.questions.map((q) => q.label)).toEqual([
      'Who do you trust?',
      'Anyone else you trust? Their name',
    ]);
    expect(tieSet(r)).toEqual(['r-1>ps-01:trust', 'r-1>ps-12:trust', 'r-1>vg-01:trust', 'r-2>ps-09:trust']);
    expect(r.respondents.map((x) => x.key)).toEqual(['r-1', 'r-2']);
    expect(
      r.quality.issues.filter((i) => i.code !== 'duplicate-column').map((i) => [i.code, i.row, i.column]),
    ).toEqual([
      ['unread-columns', 1, 'Complete?'],
      ['other-event', 5, 'Event Name'],
      ['unfinished-response', 6, null],
    ]);
  });

  it('REDCap raw export without its dictionary: says which checkbox fields need it', () => {
    const r = run([fixture('redcap.csv')]);
    const notes = r.quality.issues.filter((i) => i.code === 'numeric-answers');
    expect(notes.map((i) => [i.column, i.severity])).toEqual([
      ['need___1', 'warning'],
      ['trust___2', 'warning'],
    ]);
    expect(notes[0]!.message).toContain('"need" (need___1, need___2, need___3)');
    expect(notes[0]!.message).toContain('data dictionary');
  });

  it('REDCap with two instruments: every <form>_complete status is metadata, the network form decides finished', () => {
    // demographics_complete and network_complete hold 0/1/2; 2 is also a code in the dictionary
    // (Helen Okafor), so a status read as an answer made a tie to her from every record.
    const csv =
      'record_id,resp_type,demographics_complete,network_timestamp,need___1,need___2,need___3,trust___1,trust___2,trust___3,network_complete\n' +
      '1,1,2,2026-03-02 10:04,1,0,1,0,1,0,2\n' +
      '2,2,2,2026-03-02 11:04,0,0,0,1,0,0,0\n';
    const r = run([text('redcap-two-forms.csv', csv)], { codebook: fixture('redcap-dictionary.csv') });
    const m = r.mapping.surveys[0]!;
    expect(m.finished).toBe('network_complete');
    expect(m.questions.map((q) => q.relation)).toEqual(['need', 'trust']);
    expect(tieSet(r)).toEqual(['r-1>ps-01:trust', 'r-1>ps-04:need', 'r-1>vg-01:need', 'r-2>ps-04:trust']);
    expect(r.quality.issues.filter((i) => i.code === 'unfinished-response').map((i) => i.row)).toEqual([3]);
  });

  it('REDCap with labels: "Question (choice=Label)" columns holding Checked / Unchecked', () => {
    const r = run([fixture('redcap-labels.csv')]);
    const m = r.mapping.surveys[0]!;
    expect(m).toMatchObject({ format: 'redcap', timestamp: 'Survey Timestamp', finished: 'Complete?' });
    expect(m.questions.map((q) => [q.label, q.kind, q.relation])).toEqual([
      ['Who do you trust?', 'choices', 'trust'],
      ['Who do you go to in times of need?', 'choices', 'need'],
    ]);
    expect(tieSet(r)).toEqual([
      'r-1>ps-01:trust',
      'r-1>ps-04:need',
      'r-1>ps-09:trust',
      'r-2>ps-01:need',
      'r-2>ps-04:trust',
    ]);
    expect(r.review).toEqual([]);
    // "Incomplete" in the form status column is an unfinished response, noted on its row.
    const unfinished = r.quality.issues.filter((i) => i.code === 'unfinished-response');
    expect(unfinished.map((i) => i.row)).toEqual([4]);
  });
});

describe('encodings and dialects', () => {
  it('Windows-1252 with curly quotes and the pound sign', () => {
    const r = run([fixture('windows-1252.csv')]);
    expect(codes(r.quality)).toContain('encoding');
    expect(tieSet(r)).toEqual(
      expect.arrayContaining(['r-W1>vg-04:need', 'r-W2>vg-07:need', 'r-W2>ps-01:trust']),
    );
    expect(r.review.map((x) => x.text)).toContain('“Helen Okafor” £5 lunch club');
  });

  it('Mac Roman from old Mac Excel ("CSV (Macintosh)"), CR line ends: accents and apostrophes kept', () => {
    const r = run([fixture('mac-roman.csv')]);
    expect(decodeText(fixture('mac-roman.csv').data as Uint8Array).encoding).toBe('macintosh');
    expect(r.quality.issues.find((i) => i.code === 'encoding')?.message).toContain('Mac Roman');
    expect(tieSet(r)).toEqual(['r-M1>vg-04:need', 'r-M2>ps-01:trust', 'r-M2>vg-07:need']);
    // Read as Windows-1252 these were "Zo‘ Lefvre" (0x8F is undefined there) and "SÈamus OÕBrien".
    expect(r.review.map((x) => x.text).sort()).toEqual(['Séamus O’Brien', 'Zoë Lefèvre']);
  });

  it('keeps reading Windows-1252 as such when its bytes read as well in Mac Roman', () => {
    // “quoted” ’ – … £ é in Windows-1252: curly quotes alone read as letters in Mac Roman too.
    const cp1252 = new Uint8Array([
      0x93, 0x48, 0x69, 0x94, 0x20, 0x92, 0x20, 0x96, 0x20, 0x85, 0x20, 0xa3, 0x35, 0x20, 0x63, 0x61, 0x66,
      0xe9,
    ]);
    expect(decodeText(cp1252)).toEqual({ text: '“Hi” ’ – … £5 café', encoding: 'windows-1252' });
    expect(decodeText(new Uint8Array([0x92, 0x93, 0x94])).encoding).toBe('windows-1252');
    // Names in capitals: É, Ñ, Í, Ä, Ø are "…", "—", "Õ", "ƒ", "Ø" in Mac Roman, and must stay letters.
    const capitals = 'RENÉ DUPRÉ, JOSÉ PEÑA, JOSÉ GARCÍA, MÄRZ, ØRSTED';
    expect(decodeText(new Uint8Array(Buffer.from(capitals, 'latin1')))).toEqual({
      text: capitals,
      encoding: 'windows-1252',
    });
  });

  it('Windows-1250 from Central European Excel: Polish names read as such, not as Mac Roman', () => {
    // "Małgorzata Zając, Łukasz Wiśniewski, Żaneta" in Windows-1250 (ł B3, ą B9, Ł A3, ś 9C, Ż AF).
    const polish = new Uint8Array([
      0x4d, 0x61, 0xb3, 0x67, 0x6f, 0x72, 0x7a, 0x61, 0x74, 0x61, 0x20, 0x5a, 0x61, 0x6a, 0xb9, 0x63, 0x2c,
      0x20, 0xa3, 0x75, 0x6b, 0x61, 0x73, 0x7a, 0x20, 0x57, 0x69, 0x9c, 0x6e, 0x69, 0x65, 0x77, 0x73, 0x6b,
      0x69, 0x2c, 0x20, 0xaf, 0x61, 0x6e, 0x65, 0x74, 0x61,
    ]);
    expect(decodeText(polish)).toEqual({
      text: 'Małgorzata Zając, Łukasz Wiśniewski, Żaneta',
      encoding: 'windows-1250',
    });
  });

  it("UTF-16 with BOM, tab-delimited (Excel's Unicode text)", () => {
    const r = run([fixture('utf16-excel.txt')]);
    expect(tieSet(r)).toEqual(['r-U1>ps-04:trust', 'r-U2>ps-01:trust']);
    expect(r.review.map((x) => x.text)).toEqual(['Zoë’s friend']);
  });

  it('";"-delimited European Excel with decimal commas', () => {
    const r = run([fixture('semicolon-european.csv')]);
    expect(tieSet(r)).toEqual(['r-E1>ps-01:trust', 'r-E1>ps-09:trust', 'r-E2>ps-04:trust']);
  });
});

describe('rosters', () => {
  it('reads a contact list: FirstName, LastName, Email, NodeID', () => {
    const roster = {
      name: 'contacts.csv',
      data: 'FirstName,LastName,Email,NodeID,Job Title\nPriya,Patel,p@x.org,N1,GP\nHelen,Okafor,h@x.org,N2,Headteacher\n',
    };
    const q = new QualityCollector();
    const { entries, columns } = readRoster(roster, q);
    expect(columns).toMatchObject({
      id: 'NodeID',
      firstName: 'FirstName',
      lastName: 'LastName',
      email: 'Email',
      role: 'Job Title',
    });
    expect(entries.map((e) => [e.id, e.name, e.role])).toEqual([
      ['N1', 'Priya Patel', 'GP'],
      ['N2', 'Helen Okafor', 'Headteacher'],
    ]);
  });

  it('makes stable ids from names when the roster has no id column, and skips duplicate ids', () => {
    const q = new QualityCollector();
    const { entries } = readRoster({ name: 'r.csv', data: 'name,role\nDr Priya Patel,GP\n,\nx,y\n' }, q);
    expect(entries[0]!.id).toBe('p-dr-priya-patel');
    expect(codes(q)).toContain('roster-no-id');
    const dup = new QualityCollector();
    readRoster({ name: 'r.csv', data: 'id,name\n1,A\n1,B\n' }, dup);
    expect(codes(dup)).toContain('duplicate-id');
  });
});

describe('a roster kept by hand in a spreadsheet', () => {
  // A title over the header, a blank line, "Staff No." for the id, first and last name apart, a
  // row with an id but no name, a duplicated id, and the sheet's total under the list.
  const data = [
    'Millbrook public servants — pilot roster 2026,,,,',
    ',,,,',
    'Staff No.,First name,Surname,Job title,Team',
    '1001,Helen,Okafor,Headteacher,Riverside Primary School',
    '1002,Priya,Patel,GP,Riverside Surgery',
    '1003,Amira,Haddad,PCSO,Millbrook Police',
    '1003,Tom,Barker,Sergeant,Millbrook Police',
    '1004,,,Librarian,Millbrook Library',
    ',Count,Basie,Volunteer,Jazz Club',
    'Total: 6,,,,',
    'Total,6,,,',
  ].join('\n');
  const q = new QualityCollector();
  const { entries, columns } = readRoster({ name: 'roster.csv', data }, q);
  const where = (code: string) => q.issues.filter((i) => i.code === code).map((i) => i.row);

  it('takes the staff number as the id, so a repeated number is caught', () => {
    expect(columns).toMatchObject({ id: 'Staff No.', firstName: 'First name', lastName: 'Surname' });
    expect(entries.map((e) => [e.id, e.name])).toEqual([
      ['1001', 'Helen Okafor'],
      ['1002', 'Priya Patel'],
      ['1003', 'Amira Haddad'],
      ['1004', '1004'],
      ['p-count-basie', 'Count Basie'],
    ]);
    expect(where('duplicate-id')).toEqual([7]);
  });

  it('keeps a row with an id but no name, warned; skips the totals under the list, noted', () => {
    expect(where('roster-id-only')).toEqual([8]);
    expect(where('summary-row')).toEqual([10, 11]);
    expect(where('title-row')).toEqual([1]);
  });
});

describe('plain network files', () => {
  const read = (name: string) => readPlainNetwork(fixture(name), new QualityCollector());
  const arcs = (n: ReturnType<typeof read>) =>
    n.ties.map((t) => `${t.source}>${t.target}:${t.weight}`).sort();

  it('edge list with weights (decimal comma) and relations; a tie without target is reported', () => {
    const q = new QualityCollector();
    const n = readPlainNetwork(fixture('edges.csv'), q);
    expect(n.format).toBe('edgelist');
    expect(n.ties.map((t) => `${t.source}>${t.target}:${t.weight}:${t.relation}`)).toEqual([
      'a>b:2:trust',
      'b>c:0.5:info',
    ]);
    expect(codes(q)).toContain('missing-node');
    expect(q.rows).toEqual({ read: 3, accepted: 2, rejected: 1 });
  });

  it('adjacency matrix, UCINET DL full matrix and edge list, Pajek', () => {
    expect(arcs(read('matrix.csv'))).toEqual(['a>b:1', 'b>c:1', 'c>a:1']);
    expect(arcs(read('ucinet-fullmatrix.dl'))).toEqual(['a>b:1', 'b>c:1', 'c>a:1']);
    expect(arcs(read('ucinet-edgelist.dl'))).toEqual(['a>b:1', 'b>c:2']);
    const pajek = read('pajek.net');
    // The *Edges line beside *Arcs is undirected: two arcs.
    expect(arcs(pajek)).toEqual(['a>b:1', 'a>c:1', 'b>c:2', 'c>a:1']);
    expect(pajek.ties[0]!.relation).toBe('trust');
    expect(pajek.actors.map((a) => a.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('workbooks with several sheets', () => {
  const survey = [
    ['Response ID', 'Respondent type', 'Who do you trust?'],
    ['R1', 'Resident', 'Helen Okafor'],
  ];
  const read = (sheets: Parameters<typeof workbookOf>[0]) =>
    run([{ name: 'export.xlsx', data: workbookOf(sheets) }]);

  it('reads the first visible sheet with data, passing over an empty or hidden one, and names the others', () => {
    const r = read([
      { name: 'Sheet1', rows: [] },
      { name: 'Lookup', rows: [['code', 'label']], hidden: true },
      { name: 'Responses', rows: survey },
      { name: 'Notes', rows: [['Collected March 2026']] },
      { name: 'Sheet3', rows: [] },
    ]);
    expect(tieSet(r)).toEqual(['r-R1>ps-01:trust']);
    const note = r.quality.issues.find((i) => i.code === 'workbook-sheets')!;
    expect(note.message).toContain('"Responses" was read');
    // Sheets with data are named; Excel's empty default sheets are not.
    expect(note.message).toContain('"Lookup", "Notes"');
    expect(note.message).not.toContain('Sheet3');
  });

  it('passes over a summary or pivot sheet put before the responses, in the header read too', () => {
    const sheets = [
      {
        name: 'Summary',
        rows: [
          ['Respondent type', 'Count'],
          ['Resident', '1'],
        ],
      },
      { name: 'Form1', rows: survey },
    ];
    const r = read(sheets);
    expect(tieSet(r)).toEqual(['r-R1>ps-01:trust']);
    expect(r.quality.issues.find((i) => i.code === 'workbook-sheets')!.message).toContain('"Form1" was read');
    expect(readXlsx(workbookOf(sheets), 'export.xlsx', 1)).toEqual([survey[0]]);
  });

  it('says nothing when the only other sheets are empty', () => {
    const r = read([
      { name: 'Responses', rows: survey },
      { name: 'Sheet2', rows: [] },
    ]);
    expect(codes(r.quality)).not.toContain('workbook-sheets');
  });

  it('reads the same sheet for the header as for the whole file', () => {
    const data = workbookOf([
      { name: 'Cover', rows: [] },
      { name: 'Responses', rows: survey },
    ]);
    expect(readXlsx(data, 'export.xlsx', 1)).toEqual([survey[0]]);
    expect(readXlsx(data, 'export.xlsx')).toEqual(survey);
  });
});

describe('files that are not survey exports', () => {
  const refused = (name: string, data: Uint8Array | string) => {
    try {
      run([typeof data === 'string' ? text(name, data) : { name, data }]);
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as InputError).file).toBe(name);
      return (e as InputError).message;
    }
    throw new Error(`${name} was read`);
  };

  it('says what each is and what to download instead', () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(refused('responses.xls', ole)).toMatch(/old-format Excel workbook \(\.xls\).*save it as \.xlsx/);
    expect(refused('report.pdf', new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'))).toMatch(/PDF/);
    expect(
      refused('export.csv', '\uFEFF  <!DOCTYPE html>\n<html><head><title>Sign in</title></head></html>\n'),
    ).toMatch(/web page \(HTML\).*sign-in/);
    // The statistics packages' files survey tools offer beside CSV.
    const sav = new Uint8Array(512);
    sav.set(new TextEncoder().encode('$FL2@(#) IBM SPSS STATISTICS 64-bit Linux 28.0.0.0'));
    expect(refused('responses.sav', sav)).toMatch(/SPSS \(\.sav\).*CSV or Excel/);
    const dta = new TextEncoder().encode('<stata_dta><header><release>118</release>\u0000\u0001');
    expect(refused('responses.dta', dta)).toMatch(/Stata \(\.dta\)/);
    // A screenshot of the results picked by mistake.
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(refused('results.csv', png)).toMatch(/^This is an image \(PNG\), not the responses/);
  });
});

describe('rosters without a type column', () => {
  it('take the type from the sector where it says, and say what was assumed', () => {
    const q = new QualityCollector();
    const roster = readRoster(
      text(
        'contacts.csv',
        'Full name,Job title,Organisation,Primary Email,Sector\n' +
          'Helen Okafor,Headteacher,Riverside Primary School,helen.okafor@millbrook.gov.uk,Public\n' +
          'Millbrook Food Bank,,Millbrook Food Bank,info@foodbank.org,Voluntary\n' +
          'Ellie Price,Librarian,Millbrook Library,,\n',
      ),
      q,
    );
    expect(roster.entries.map((e) => [e.name, e.type, e.sector, e.email ?? null])).toEqual([
      ['Helen Okafor', 'public-servant', 'public', 'helen.okafor@millbrook.gov.uk'],
      ['Millbrook Food Bank', 'group', 'voluntary', 'info@foodbank.org'],
      ['Ellie Price', 'public-servant', 'public', null],
    ]);
    expect(q.issues.find((i) => i.code === 'roster-type-default')?.message).toContain('3 entries');
  });
});

describe('a UTF-8 export with a stray Windows-1252 byte', () => {
  const bytes = (text: string) => {
    // "\u00e9" below stands for the single byte 0xE9 (Windows-1252 "é"), invalid in UTF-8.
    const parts = text.split('\u00e9').map((p) => new TextEncoder().encode(p));
    const out: number[] = [];
    parts.forEach((p, i) => {
      if (i > 0) out.push(0xe9);
      out.push(...p);
    });
    return new Uint8Array(out);
  };
  const csv =
    'Response ID,Respondent type,Who do you trust?,Comments\n' +
    'R1,Resident,St Mary’s Church Community Hall,Great\n' +
    'R2,Resident,Millbrook Men’s Shed,Caf\u00e9 closed\n' +
    'R3,Volunteer,Helen Okafor,Zoë helped\n';

  it('keeps its UTF-8 reading, reads the stray byte as Windows-1252, and says where', () => {
    const r = run([{ name: 'mixed.csv', data: bytes(csv) }]);
    expect(tieSet(r)).toEqual(['r-R1>vg-04:trust', 'r-R2>vg-07:trust', 'r-R3>ps-01:trust']);
    const note = r.quality.issues.find((i) => i.code === 'encoding-repaired')!;
    expect(note).toMatchObject({ severity: 'warning', row: 3 });
    expect(note.message).toContain('1 byte');
    const table = readTable({ name: 'mixed.csv', data: bytes(csv) }, new QualityCollector());
    expect(table.rows[1]![3]).toBe('Café closed');
    expect(table.rows[2]![3]).toBe('Zoë helped');
  });

  it('names the first rows of several stray bytes, each read in its place', () => {
    const d = decodeText(bytes('a’\nb’\ncé\nd’\neéé\n’’'));
    expect(d.text).toBe('a’\nb’\ncé\nd’\neéé\n’’');
    expect(d.repaired).toEqual({ bytes: 3, at: [7, 13, 14] });
    expect(rowsAtOffsets(d.text, d.repaired!.at, ',')).toEqual([3, 5, 5]);
  });

  it('counts rows as a spreadsheet does: an answer over several lines is one row, "sep=" none', () => {
    const text = 'sep=,\r\nid,comment\r\n1,"two\r\nlines ""quoted""\r\nthree"\r\n2,Café\r\n';
    expect(
      rowsAtOffsets(text, [text.indexOf('two'), text.indexOf('three'), text.indexOf('Caf')], ','),
    ).toEqual([2, 2, 3]);
    // An escaped quote inside a quoted answer, and a bare quote in an unquoted one (5" screen).
    const odd = 'a,"x ""y""\nz",5" tv\nb,c\n"q\n"\nlast';
    expect(
      rowsAtOffsets(
        odd,
        ['z', 'tv', 'b,', 'q', 'last'].map((s) => odd.indexOf(s)),
        ',',
      ),
    ).toEqual([1, 1, 2, 3, 4]);
    const csvWithBreaks =
      'Response ID,Who do you trust?,Comments\nR1,Helen Okafor,"Good\nvery good’"\nR2,Helen Okafor,Caf\u00e9’s\n';
    const note = run([{ name: 'mixed.csv', data: bytes(csvWithBreaks) }]).quality.issues.find(
      (i) => i.code === 'encoding-repaired',
    )!;
    expect(note.row).toBe(3);
    expect(note.message).toContain('in row 3');
  });

  it('while a Windows-1252 file is still read as one', () => {
    const r = run([fixture('windows-1252.csv')]);
    expect(codes(r.quality)).toContain('encoding');
    expect(codes(r.quality)).not.toContain('encoding-repaired');
  });
});

describe('UTF-16 written without its byte-order mark', () => {
  it.each(['utf-16le', 'utf-16be'] as const)('is read as %s', (encoding) => {
    const csv = 'Response ID,Who do you trust?\nR1,Helen Okafor\n';
    const units = [...csv].map((c) => c.charCodeAt(0));
    const data = new Uint8Array(units.length * 2);
    units.forEach((u, i) => {
      data[2 * i + (encoding === 'utf-16le' ? 0 : 1)] = u & 0xff;
      data[2 * i + (encoding === 'utf-16le' ? 1 : 0)] = u >> 8;
    });
    const r = run([{ name: 'export.txt', data }]);
    expect(tieSet(r)).toEqual(['r-R1>ps-01:trust']);
    expect(r.quality.issues.find((i) => i.code === 'encoding')?.message).toContain(encoding);
  });
});
