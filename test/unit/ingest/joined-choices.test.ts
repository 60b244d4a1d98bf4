// Google Forms (", ") and Qualtrics (",") join ticked choices in one cell while a choice may hold
// ", " itself: choices that are only ever ticked together are learned from the sample, kept whole.
import { describe, expect, it } from 'vitest';
import { joinedChoices } from '../../../src/core/ingest/survey';
import { run, text, tieSet } from './helpers';

const noOne = () => false;

describe('joinedChoices', () => {
  it('joins pieces always ticked side by side, at least three times', () => {
    const cells = [
      'Helen Okafor, Citizens Advice, Millbrook & District',
      'Citizens Advice, Millbrook & District',
    ];
    expect(joinedChoices([...cells, cells[1]!], noOne)).toEqual(['Citizens Advice, Millbrook & District']);
    expect(joinedChoices(cells, noOne)).toEqual([]); // twice only
  });

  it('joins a run of three, reported as the whole choice only', () => {
    const c = 'Friends of the Park, Garden, and Pond';
    expect(joinedChoices([c, `${c}, Food bank`, `Food bank, ${c}`, 'Food bank'], noOne)).toEqual([c]);
  });

  it('never joins a piece that is ticked alone, or that names someone on the roster', () => {
    const cells = Array(4).fill('Citizens Advice, Food bank');
    expect(joinedChoices([...cells, 'Food bank'], noOne)).toEqual([]);
    expect(joinedChoices(cells, (p) => p === 'Food bank')).toEqual([]);
  });
});

describe('a Google Forms checkbox question whose choice holds ", "', () => {
  const csv = [
    'Timestamp,Which best describes you?,Who do you go to in times of need?',
    '2026/03/02 10:00:00 AM GMT,Resident,"Helen Okafor, Citizens Advice, Millbrook & District"',
    '2026/03/02 10:01:00 AM GMT,Resident,"Citizens Advice, Millbrook & District"',
    '2026/03/02 10:02:00 AM GMT,Volunteer,"Citizens Advice, Millbrook & District, Dr Priya Patel"',
    '2026/03/02 10:03:00 AM GMT,Resident,Helen Okafor',
  ].join('\n');
  const r = run([text('form.csv', csv)]);

  it('puts the choice in review once, whole, with a note; roster names beside it still split', () => {
    expect(r.review.map((x) => [x.text, x.count])).toEqual([['Citizens Advice, Millbrook & District', 3]]);
    expect(tieSet(r)).toEqual(['r-row2>ps-01:need', 'r-row4>ps-04:need', 'r-row5>ps-01:need']);
    expect(r.quality.issues.filter((i) => i.code === 'joined-choice')).toHaveLength(1);
    expect(r.mapping.surveys[0]!.questions[0]!.joinedChoices).toEqual([
      'Citizens Advice, Millbrook & District',
    ]);
  });

  it('follows the saved mapping on a rerun: the choice kept whole, or split when removed from it', () => {
    const again = run([text('form.csv', csv)], { mapping: JSON.parse(JSON.stringify(r.mapping)) });
    expect(again.review.map((x) => x.text)).toEqual(['Citizens Advice, Millbrook & District']);
    const edited = JSON.parse(JSON.stringify(r.mapping));
    delete edited.surveys[0].questions[0].joinedChoices;
    const split = run([text('form.csv', csv)], { mapping: edited });
    expect(split.review.map((x) => x.text).sort()).toEqual(['Citizens Advice', 'Millbrook & District']);
  });
});

describe('a Qualtrics multiple choice exported in one cell, joined by ","', () => {
  const tag = (id: string) => `"{""ImportId"":""${id}""}"`;
  const csv = [
    'ResponseId,Q1,Q2',
    'Response ID,Which best describes you?,Who do you go to in times of need? - Selected Choice',
    [tag('_recordId'), tag('QID1'), tag('QID2')].join(','),
    'R_1,Resident,"Helen Okafor,Citizens Advice, Millbrook & District"',
    'R_2,Resident,"Citizens Advice, Millbrook & District"',
    'R_3,Resident,"Dr Priya Patel,Helen Okafor"',
    'R_4,Resident,"Citizens Advice, Millbrook & District,Dr Priya Patel"',
  ].join('\n');

  it('keeps the choice that holds ", " whole', () => {
    const r = run([text('qualtrics.csv', csv)]);
    expect(r.mapping.surveys[0]!.format).toBe('qualtrics');
    expect(r.review.map((x) => [x.text, x.count])).toEqual([['Citizens Advice, Millbrook & District', 3]]);
    expect(tieSet(r)).toEqual([
      'r-R_1>ps-01:need',
      'r-R_3>ps-01:need',
      'r-R_3>ps-04:need',
      'r-R_4>ps-04:need',
    ]);
  });
});

describe('a choice giving a roster person and their job (trial N)', () => {
  it('is one choice, "Karen Douglas, Neighbourhood Manager", not the person and a stray "Neighbourhood Manager"', () => {
    const header = 'Timestamp,Which best describes you?,Where do you get your information?';
    const rows = [
      'Karen Douglas, Neighbourhood Manager',
      'Helen Okafor, "Karen Douglas, Neighbourhood Manager"',
      'Karen Douglas, Neighbourhood Manager, Helen Okafor',
      'Helen Okafor',
    ].map((cell, i) => `2026/03/0${i + 1} 10:00:00 AM GMT,Resident,"${cell.replace(/"/g, '')}"`);
    const r = run([text('info.csv', [header, ...rows].join('\n'))]);
    expect(r.mapping.surveys[0]!.questions[0]!.joinedChoices).toEqual([
      'Karen Douglas, Neighbourhood Manager',
    ]);
    expect(tieSet(r)).toEqual([
      'r-row2>ps-12:info',
      'r-row3>ps-01:info',
      'r-row3>ps-12:info',
      'r-row4>ps-01:info',
      'r-row4>ps-12:info',
      'r-row5>ps-01:info',
    ]);
    // "Neighbourhood Manager" waited in review, 3 times, suggesting Karen Douglas at 50%.
    expect(r.review).toEqual([]);
  });
});
