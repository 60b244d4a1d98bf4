// Project files: a round trip keeps everything; damaged, truncated, foreign or newer files are
// refused with a reason and nothing else happens.
import { describe, expect, it } from 'vitest';
import {
  parseProject,
  serialiseProject,
  storeInputFile,
  restoreInputFile,
  PROJECT_VERSION,
  type ProjectFile,
} from '../../../src/core/export';

const project: ProjectFile = {
  format: 'civic-ties-project',
  version: 1,
  savedAt: '2026-01-01T10:00:00.000Z',
  project: {
    name: 'Millbrook <2026>',
    current: {
      roster: storeInputFile({ name: 'roster.csv', data: 'id,name\nps1,Dr A\n' }),
      surveys: [storeInputFile({ name: 'survey.xlsx', data: new Uint8Array([0, 1, 2, 250, 251, 252, 255]) })],
      appraisals: null,
      satisfaction: storeInputFile({ name: 'sat.csv', data: 'service,satisfied\nGP,Agree\n' }),
      codebook: null,
    },
    baseline: {
      roster: null,
      surveys: [storeInputFile({ name: 'wave1.csv', data: 'a,b\n1,2\n' })],
      appraisals: null,
      satisfaction: null,
      codebook: null,
    },
    mapping: { surveys: [{ file: 'survey.xlsx', columns: { Q1: 'need' } }] },
    reviewDecisions: { 'Dr Aa': { accept: 'ps1' } },
    weights: { civilInDegree: 0.3, appraisal: 0 },
    layout: { ps1: { x: 10.5, y: 900 } },
    view: { camera: { x: 0.5, y: 0.5, ratio: 1 }, filters: ['need'] },
    ui: { route: 'people' },
  },
};

describe('project file', () => {
  it('round-trips every part, bytes included', () => {
    const parsed = parseProject(serialiseProject(project));
    expect(parsed).toEqual({ ok: true, project });
    if (!parsed.ok) return;
    const bytes = restoreInputFile(parsed.project.project.current.surveys[0]!);
    expect(bytes.data).toEqual(new Uint8Array([0, 1, 2, 250, 251, 252, 255]));
  });

  it('refuses a truncated file', () => {
    const text = serialiseProject(project);
    for (const cut of [1, 10, Math.floor(text.length / 2), text.length - 3]) {
      const parsed = parseProject(text.slice(0, cut));
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.reason).toMatch(/damaged or incomplete.*Nothing was changed\.$/);
    }
  });

  it('refuses a file from a newer version, naming both versions', () => {
    const newer = JSON.stringify({ ...project, version: PROJECT_VERSION + 1 });
    const parsed = parseProject(newer);
    expect(parsed).toEqual({
      ok: false,
      reason: expect.stringMatching(/newer version.*file version 2; this version reads up to 1/),
    });
  });

  it.each([
    ['not a project', JSON.stringify({ hello: 1 }), /not a Civic Ties project file/],
    [
      'no version',
      JSON.stringify({ format: 'civic-ties-project', project: project.project }),
      /no valid version/,
    ],
    [
      'no project',
      JSON.stringify({ format: 'civic-ties-project', version: 1 }),
      /project section is missing/,
    ],
    [
      'bad base64',
      JSON.stringify({
        ...project,
        project: {
          ...project.project,
          current: { ...project.project.current, surveys: [{ name: 'x.xlsx', base64: '@@@' }] },
        },
      }),
      /Survey 1 of the current wave \(“x.xlsx”\) is damaged/,
    ],
    [
      'surveys missing',
      JSON.stringify({ ...project, project: { ...project.project, current: { roster: null } } }),
      /current wave has no list of survey files/,
    ],
    [
      'bad position',
      JSON.stringify({ ...project, project: { ...project.project, layout: { ps1: { x: 'left', y: 1 } } } }),
      /map position of “ps1” is damaged/,
    ],
    [
      'negative weight',
      JSON.stringify({ ...project, project: { ...project.project, weights: { appraisal: -1 } } }),
      /weight “appraisal”/,
    ],
    ['an array', '[]', /not a Civic Ties project file/],
  ])('refuses %s with a clear reason', (_label, text, reason) => {
    const parsed = parseProject(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.reason).toMatch(reason);
      expect(parsed.reason).toMatch(/Nothing was changed\.$/);
    }
  });

  it('ignores keys that would pollute prototypes', () => {
    const text = serialiseProject(project).replace(
      '"civilInDegree": 0.3',
      '"__proto__": 5, "civilInDegree": 0.3',
    );
    const parsed = parseProject(text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(Object.getPrototypeOf(parsed.project.project.weights)).toBe(Object.prototype);
  });
});
