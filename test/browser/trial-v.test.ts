// Fixes from a new user's trial of the Import step with odd files (trial V), in real Chromium:
// two different files of one name are both kept or the replacement is said; a survey given as
// the roster stops the run; a column detection did not read can be made a name question; a run
// cancelled before any result says so and offers Run again, with focus on it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { googleFormsExport } from '../../bench/ingest.bench';
import type { Browser, Page } from 'playwright-core';
import {
  afterRun,
  baseUrl,
  closeDemo,
  csvFile,
  newProjectWith,
  openWithProject,
  appState,
  waitForAnalysis,
  type Watched,
} from './harness';

const url = (): string => baseUrl(inject('baseUrl'));

const ROSTER = [
  'id,name,type,role,service,sector',
  'p1,Ann Baker,public-servant,Headteacher,Oak School,public',
  'p2,Bob Carter,public-servant,GP,Elm Surgery,public',
  'g1,Town Food Bank,group,,,voluntary',
].join('\n');
const survey = (rows: string[]) =>
  ['Response ID,Respondent type,Who do you trust?,Any other comments?', ...rows].join('\n');
const FIRST = survey(['a1,Resident,Ann Baker,', 'a2,Resident,Bob Carter,']);
const SECOND = survey(['b1,Volunteer,Town Food Bank,', 'b2,Resident,Ann Baker,', 'b3,Resident,Ann Baker,']);

interface Named {
  name: string;
}
interface AppState {
  run: { status: string };
  project: {
    current: { surveys: Named[] };
    mapping: { surveys: { file: string; questions: { label: string; relation: string | null }[] }[] } | null;
  };
  result: { ties: unknown[]; relations: string[] } | null;
  replaced: { file: Named; role: string }[];
}
const state = (page: Page) => appState<AppState>(page);
const surveyNames = async (page: Page) => (await state(page)).project.current.surveys.map((f) => f.name);

let browser: Browser;
let app: Watched;

beforeAll(async () => {
  ({ browser, app } = await openWithProject(url(), ROSTER, FIRST));
});

afterAll(() => closeDemo({ browser, app }));

describe('two surveys of one name', () => {
  it('says when a new file replaced an earlier one of its name, and can keep both', async () => {
    const page = app.page;
    // The same file again replaces its copy without a word.
    await afterRun(page, () => page.setInputFiles('#file-current-surveys', csvFile('survey.csv', FIRST)));
    await expect(page.getByTestId('replaced-current').count()).resolves.toBe(0);
    // Another export of the same name (from another folder): 2 rows had been lost without a word.
    await afterRun(page, () => page.setInputFiles('#file-current-surveys', csvFile('survey.csv', SECOND)));
    const notice = page.getByTestId('replaced-current');
    await expect(notice.innerText()).resolves.toContain(
      'An earlier survey.csv is not used: the new file of the same name, with other content, replaced it.',
    );
    await afterRun(page, () =>
      notice.getByRole('button', { name: 'Keep both: the earlier survey.csv as a numbered copy' }).click(),
    );
    await waitForAnalysis(page);
    await expect(surveyNames(page)).resolves.toEqual(['survey.csv', 'survey (2).csv']);
    await expect(notice.count()).resolves.toBe(0);
    // Both files' ties: 3 of the second's, 2 of the first's.
    expect((await state(page)).result?.ties.length).toBe(5);
  });

  it('keeps both of two files of one name chosen together, numbering the second', async () => {
    const page = app.page;
    await newProjectWith(page, ROSTER, FIRST);
    await waitForAnalysis(page);
    await afterRun(page, () =>
      page.setInputFiles('#files-current', [
        csvFile('responses.csv', FIRST),
        csvFile('responses.csv', SECOND),
      ]),
    );
    await waitForAnalysis(page);
    await expect(surveyNames(page)).resolves.toEqual(['survey.csv', 'responses.csv', 'responses (2).csv']);
    expect(app.errors).toEqual([]);
  });
});

describe('a survey given as the roster', () => {
  it('stops the run, naming the file, instead of a green result with no one in it', async () => {
    const page = app.page;
    await newProjectWith(page, ROSTER, FIRST);
    await waitForAnalysis(page);
    const export_ = [
      'ID,Start time,Completion time,Email,Name,Who do you go to in times of need?',
      '1,3/1/26 10:00:00,3/1/26 10:05:00,anonymous,anonymous,Ann Baker',
    ].join('\n');
    await afterRun(page, () => page.setInputFiles('#file-current-roster', csvFile('ms-forms.csv', export_)));
    const banner = page.getByTestId('run-error');
    await expect(banner.innerText()).resolves.toContain(
      "ms-forms.csv, row 1: This is a survey tool's export of responses, not a roster",
    );
    await afterRun(page, () => page.setInputFiles('#file-current-roster', csvFile('roster.csv', ROSTER)));
    await waitForAnalysis(page);
  });
});

describe('columns not read', () => {
  it('lists them, and one given a tie type is read as a name question', async () => {
    const page = app.page;
    const wide = [
      'Response ID,Respondent type,Who do you trust?,Q7,Any other comments?',
      'w1,Resident,Ann Baker,Dr Okoye,Lovely town',
      'w2,Resident,Bob Carter,Sue at the chemist,',
    ].join('\n');
    await newProjectWith(page, ROSTER, wide);
    await waitForAnalysis(page);
    expect((await state(page)).result?.ties.length).toBe(2);
    const unread = page.locator('.survey-mapping[data-file="survey.csv"] details.unread-columns');
    await expect(unread.locator('summary').innerText()).resolves.toMatch(/^Columns not read \(2\)/);
    await unread.locator('summary').click();
    await unread.getByLabel('Q7').waitFor();
    await afterRun(page, () => unread.getByLabel('Q7').selectOption('info'));
    await waitForAnalysis(page);
    // Its answers are read now (names off the roster: waiting in review), and focus is on its tie
    // type in the questions' table.
    const q7 = (await state(page)).project.mapping?.surveys[0]?.questions.find((q) => q.label === 'Q7');
    expect(q7?.relation).toBe('info');
    const queue = page.getByTestId('review-queue');
    await queue.locator('li[data-text="Dr Okoye"]').waitFor();
    await queue.locator('li[data-text="Sue at the chemist"]').waitFor();
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLSelectElement | null)?.value))
      .toBe('info');
    await expect(
      page.locator('.survey-mapping[data-file="survey.csv"] details.unread-columns summary').innerText(),
    ).resolves.toMatch(/^Columns not read \(1\)/);
  });
});

describe('a run cancelled before any result', () => {
  it('says there are no results yet, offers Run again and moves focus to it', async () => {
    const page = app.page;
    // Enough responses that the analysis (with its uncertainty intervals) runs for a while.
    const rows = Array.from(
      { length: 4000 },
      (_, i) => `c${i},Resident,${['Ann Baker', 'Bob Carter', 'Town Food Bank'][i % 3]},`,
    );
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Start a new empty project' }).click();
    await page.setInputFiles('#file-current-roster', csvFile('roster.csv', ROSTER));
    await page.setInputFiles('#file-current-surveys', csvFile('survey.csv', survey(rows)));
    const cancel = page.getByRole('button', { name: 'Cancel' });
    await cancel.waitFor();
    await cancel.focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await state(page)).run.status).toBe('cancelled');
    const bar = page.getByTestId('run-bar');
    await expect(bar.locator('.run-phase').innerText()).resolves.toBe(
      'Run cancelled: there are no results yet. Run again to analyse the files.',
    );
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Run again');
    await afterRun(page, () => page.keyboard.press('Enter'));
    await waitForAnalysis(page);
    expect((await state(page)).result?.ties.length).toBe(4000);
    expect(app.errors).toEqual([]);
  });
});

describe('a file on its way to the worker and into the saved project', () => {
  it("is carried as a Blob, never as bytes copied on the page's thread", async () => {
    const page = app.page;
    // A 120 MB export's bytes had been copied on the page's thread for the worker and for each
    // autosave: 150-180 ms apiece (trial V). A Blob (the File it came from) is cloned by reference.
    await page.evaluate(() => {
      const w = window as unknown as { sentToWorker: string[] };
      w.sentToWorker = [];
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
        const request = (
          message as { type?: string; request?: { current: { surveys: { data: unknown }[] } } }
        ).request;
        if (request)
          w.sentToWorker.push(
            ...request.current.surveys.map((f) => (f.data instanceof Blob ? 'Blob' : typeof f.data)),
          );
        return (post as (...args: unknown[]) => void).call(this, message, ...rest);
      } as typeof Worker.prototype.postMessage;
    });
    await newProjectWith(page, ROSTER, FIRST);
    await waitForAnalysis(page);
    const big = join(mkdtempSync(join(tmpdir(), 'civic-ties-')), 'big.csv');
    writeFileSync(big, googleFormsExport(2_000, ['Ann Baker', 'Bob Carter', 'Town Food Bank']));
    await afterRun(page, () => page.setInputFiles('#file-current-surveys', big));
    await expect(
      page.evaluate(() => (window as unknown as { sentToWorker: string[] }).sentToWorker),
    ).resolves.toContain('Blob');
    // The autosaved project holds Blobs too, and a reload reads them back into the same files.
    const saved = () =>
      page.evaluate(
        () =>
          new Promise<string[]>((resolve, reject) => {
            const open = indexedDB.open('civic-ties', 1);
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const get = open.result.transaction('projects').objectStore('projects').get('current');
              get.onsuccess = () =>
                resolve(
                  (
                    get.result as { current: { surveys: { name: string; data: unknown }[] } }
                  ).current.surveys.map(
                    (f) => `${f.name}: ${f.data instanceof Blob ? 'Blob' : typeof f.data}`,
                  ),
                );
            };
          }),
      );
    await expect.poll(saved).toContain('big.csv: Blob');
    const before = (await state(page)).result?.ties.length;
    await page.reload();
    await waitForAnalysis(page);
    expect((await state(page)).project.current.surveys.map((f) => f.name)).toContain('big.csv');
    expect((await state(page)).result?.ties.length).toBe(before);
    expect(app.errors).toEqual([]);
  });
});
