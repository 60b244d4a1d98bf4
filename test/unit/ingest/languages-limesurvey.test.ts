// Exports found misread in a new-user trial: Google Forms in Welsh (and the column names Google
// writes in other languages), and LimeSurvey's "Question code & question text" headings.
import { describe, expect, it } from 'vitest';
import { detectRelation, isNameGenerator, relationOfLabel } from '../../../src/core/ingest/relations';
import { codes, fixture, run, text, tieSet } from './helpers';

describe('Google Forms in Welsh', () => {
  const r = run([fixture('google-forms-welsh.csv')]);
  const m = r.mapping.surveys[0]!;

  it("finds Google's Welsh metadata columns and the respondent-type question", () => {
    expect(m.format).toBe('google-forms');
    expect(m.timestamp).toBe('Stamp amser');
    expect(m.email).toBe('Cyfeiriad e-bost');
    expect(m.respondentType).toBe("Pa un o'r rhain sy'n eich disgrifio chi orau?");
  });

  it('reads need, trust and info from the Welsh wording', () => {
    expect(m.questions.map((q) => [q.kind, q.relation, q.label])).toEqual([
      ['text', 'need', "At bwy ydych chi'n troi mewn cyfnod o angen?"],
      ['text', 'trust', "Ym mhwy ydych chi'n ymddiried?"],
      // Mostly typed names that are not exactly the roster's: kept for its wording.
      ['text', 'info', "O ble ydych chi'n cael eich gwybodaeth?"],
    ]);
  });

  it('reads every tie, the bilingual respondent types, and leaves the rest for review', () => {
    expect(tieSet(r)).toEqual([
      'r-row2>ps-04:trust',
      'r-row2>ps-08:need',
      'r-row2>ps-12:need',
      'r-row2>vg-01:info', // "the food bank"
      'r-row3>ps-01:need',
      'r-row3>ps-08:info', // "Sgt Jones"
      'r-row3>ps-08:trust',
      'r-row3>vg-03:trust',
      'r-row4>ps-15:info',
      'r-row4>vg-03:need',
      'r-row5>ps-04:need',
      'r-row5>ps-18:info', // "Dan Kowalski"
      'r-row5>vg-01:need',
      'r-row6>ps-01:info',
      'r-row6>ps-12:trust',
    ]);
    expect(r.respondents.map((x) => [x.key, x.type])).toEqual([
      ['r-row2', 'resident'],
      ['r-row3', 'volunteer'],
      ['r-row4', 'group'],
      ['r-row5', 'service-user'],
      ['r-row6', 'other'], // a public servant who is not on the roster
    ]);
    expect(r.review.map((x) => x.text).sort()).toEqual(['Mam', 'my neighbour Sue']);
    expect(codes(r.quality)).not.toContain('respondent-type-default');
  });
});

describe("Google Forms' own column names in other languages", () => {
  it.each([
    ['Horodateur', 'Adresse e-mail'],
    ['Zeitstempel', 'E-Mail-Adresse'],
    ['Marca temporal', 'Dirección de correo electrónico'],
    ['Sygnatura czasowa', 'Adres e-mail'],
    ['Stamp amser', 'Cyfeiriad e-bost'],
  ])('%s, %s', (timestamp, email) => {
    const csv = `${timestamp},${email},Who do you trust?\n02/03/2026 10:04:11,ann@example.org,Helen Okafor\n`;
    const m = run([text('form.csv', csv)]).mapping.surveys[0]!;
    expect([m.format, m.timestamp, m.email]).toEqual(['google-forms', timestamp, email]);
  });

  it('reads French wording and respondent-type question', () => {
    const csv =
      'Horodateur,Adresse e-mail,Quelle description vous correspond le mieux ?,' +
      'Vers qui vous tournez-vous en cas de besoin ?,À qui faites-vous confiance ?,Où trouvez-vous vos informations ?\n' +
      '02/03/2026 10:04:11,ann@example.org,Résident,Helen Okafor,Dr Priya Patel,the food bank\n';
    const r = run([text('formulaire.csv', csv)]);
    const m = r.mapping.surveys[0]!;
    expect(m.respondentType).toBe('Quelle description vous correspond le mieux ?');
    expect(m.questions.map((q) => q.relation)).toEqual(['need', 'trust', 'info']);
    expect(tieSet(r)).toEqual(['r-row2>ps-01:need', 'r-row2>ps-04:trust', 'r-row2>vg-01:info']);
  });
});

describe('Welsh and French wording', () => {
  it.each([
    ["At bwy ydych chi'n troi mewn cyfnod o angen?", 'need'],
    ["At bwy fyddech chi'n mynd am gymorth?", 'need'], // soft mutation: cymorth → gymorth
    ["At bwy ydych chi'n troi?", 'need'],
    ["Pwy fyddech chi'n mynd ato gyda phroblem?", 'need'],
    ["Gan bwy ydych chi'n cael cefnogaeth?", 'need'],
    ["Ym mhwy ydych chi'n ymddiried?", 'trust'],
    ["Pwy ydych chi'n ymddiried ynddynt?", 'trust'],
    ["Ar bwy ydych chi'n dibynnu?", 'trust'],
    ["O ble ydych chi'n cael eich gwybodaeth?", 'info'],
    ["Ble ydych chi'n cael newyddion lleol?", 'info'],
    ['Vers qui vous tournez-vous en cas de besoin ?', 'need'],
    ['À qui faites-vous confiance ?', 'trust'],
    ['Où trouvez-vous vos informations ?', 'info'],
    // English wording is read as before.
    ['Who do you go to in times of need?', 'need'],
    ['Which organisation or group do you belong to?', null],
    ['Which language do you speak at home?', null],
  ])('%s → %s', (question, relation) => {
    expect(detectRelation(question)).toBe(relation);
  });

  it('reads one-word Welsh and French tie-type labels as the built-in relations', () => {
    expect(
      ['Ymddiried', 'Gwybodaeth', 'Cymorth', 'Angen', 'Confiance', 'Besoin'].map(relationOfLabel),
    ).toEqual(['trust', 'info', 'need', 'need', 'trust', 'need']);
  });

  it('takes Welsh "who" in its mutated forms as a name generator', () => {
    expect(isNameGenerator('Pwy yw eich cymdogion?')).toBe(true);
    expect(isNameGenerator('Gyda bwy ydych chi mewn cysylltiad?')).toBe(true);
    expect(isNameGenerator("Ym mhwy ydych chi'n credu?")).toBe(true);
    expect(isNameGenerator('Faint o flynyddoedd ydych chi wedi byw yma?')).toBe(false);
  });
});

describe('LimeSurvey "Question code & question text" headings', () => {
  const r = run([fixture('limesurvey-codetext.csv')]);
  const m = r.mapping.surveys[0]!;
  const NEED = 'Who do you go to in times of need?';
  const TRUST = 'Who do you trust?';
  const OPTIONS = ['Helen Okafor', 'Dr Priya Patel', 'Sgt David Jones', 'Millbrook Food Bank'];

  it('finds the metadata by its code', () => {
    expect(m.format).toBe('limesurvey');
    expect(m.responseId).toBe('id. Response ID');
    expect(m.finished).toBe('submitdate. Date submitted');
    // When the response was submitted, not started.
    expect(m.timestamp).toBe('submitdate. Date submitted');
    expect(m.respondentType).toBe('resptype. Which of these best describes you?');
  });

  it('groups the columns of a code into one choice question, its "other" box typed names', () => {
    expect(m.questions.map((q) => [q.kind, q.relation, q.label, q.columns])).toEqual([
      ['choices', 'need', NEED, OPTIONS.map((o, k) => `need[SQ00${k + 1}]. ${NEED} [${o}]`)],
      ['choices', 'trust', TRUST, OPTIONS.map((o, k) => `trust[SQ00${k + 1}]. ${TRUST} [${o}]`)],
      ['text', 'info', 'Where do you get your information?', ['info. Where do you get your information?']],
      ['text', 'need', `${NEED} (other, typed)`, [`need[other]. ${NEED} [Other]`]],
      ['text', 'trust', `${TRUST} (other, typed)`, [`trust[other]. ${TRUST} [Other]`]],
    ]);
    expect(m.questions[0]!.targets).toEqual(OPTIONS);
    expect(m.questions[0]!.notPeople).toEqual(['Other']);
  });

  it('reads "Yes" as a tick, not a name, and the typed "other" answers as names', () => {
    expect(tieSet(r)).toEqual([
      'r-1>ps-01:trust',
      'r-1>ps-04:trust',
      'r-1>ps-08:need',
      'r-1>ps-12:info',
      'r-2>ps-01:need', // "helen okafor" in the need question's other box
      'r-2>vg-01:trust',
      'r-3>ps-04:need',
      'r-3>ps-15:info',
      'r-3>vg-01:need',
      'r-3>vg-03:trust', // "Age UK Millbrook" in the trust question's other box
      'r-4>ps-01:need',
    ]);
    expect(r.respondents.map((x) => [x.key, x.type])).toEqual([
      ['r-1', 'resident'],
      ['r-2', 'volunteer'],
      ['r-3', 'group'],
      ['r-4', 'service-user'],
    ]);
    expect(r.review.map((x) => x.text).sort()).toEqual(['Yvonne', 'the vicar']);
    expect(r.quality.issues.filter((i) => i.code === 'unfinished-response').map((i) => i.row)).toEqual([5]);
  });

  it('reads the same headings with the metadata as text only', () => {
    const csv =
      '"Response ID","Date submitted","Last page","Start language",' +
      `"need[SQ001]. ${NEED} [Helen Okafor]","need[SQ002]. ${NEED} [Dr Priya Patel]"\n` +
      '"1","2026-03-02 10:04:11","2","en","Yes",""\n"2","2026-03-02 11:04:11","2","en","Yes","Yes"\n';
    const lime = run([text('limesurvey.csv', csv)]);
    const q = lime.mapping.surveys[0]!.questions;
    expect(q.map((x) => [x.kind, x.relation, x.targets])).toEqual([
      ['choices', 'need', ['Helen Okafor', 'Dr Priya Patel']],
    ]);
    expect(tieSet(lime)).toEqual(['r-1>ps-01:need', 'r-2>ps-01:need', 'r-2>ps-04:need']);
  });
});
