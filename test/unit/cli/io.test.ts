// Reading the command line's JSON inputs (mapping.json edited by hand): a syntax error names its line.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readInput, readJson } from '../../../src/cli/io';
import { runNetwork } from '../../../src/cli/commands/network';
import { InputError, silentProgress } from '../../../src/core/quality';
import { FIXTURES } from '../ingest/helpers';

const dir = mkdtempSync(join(tmpdir(), 'civic-ties-io-'));
const fileOf = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const errorOf = (path: string): InputError => {
  try {
    readJson(path);
  } catch (err) {
    return err as InputError;
  }
  throw new Error('expected an error');
};

describe('readJson', () => {
  it('names the line of a comma before a closing bracket (trial X: no line was given)', () => {
    const path = fileOf(
      'm.json',
      '{\n  "decisions": [\n    {"text": "Patel", "action": "ignore"},\n  ]\n}\n',
    );
    const err = errorOf(path);
    expect(err).toBeInstanceOf(InputError);
    expect(err).toMatchObject({ file: path, row: 3, code: 'bad-json' });
    expect(err.message).toContain('not valid JSON at line 3');
  });

  it('names the line the engine gives a position on', () => {
    const err = errorOf(fileOf('n.json', '{\n  "version": 1\n  "decisions": []\n}\n'));
    expect(err.row).toBe(3);
  });

  it('reads valid JSON', () => {
    expect(readJson(fileOf('ok.json', '{"version": 1}'))).toEqual({ version: 1 });
  });
});

describe('readInput', () => {
  it('refuses a device, which has no end to read to (before: /dev/zero filled 14 GB)', () => {
    let err: InputError | undefined;
    try {
      readInput('/dev/zero');
    } catch (e) {
      err = e as InputError;
    }
    expect(err?.code).toBe('not-a-file');
    expect(err?.message).toContain('not a regular file');
  });
});

describe("network's summary line", () => {
  it('says how many of the rejected rows were blank; quality.json counts them as before', async () => {
    const survey = fileOf(
      'blank-rows.csv',
      'Timestamp,Who do you trust?\n2026/03/01 1:00:00 PM GMT,Helen Okafor\n,\n\n2026/03/01 1:05:00 PM GMT,Amira Haddad\n',
    );
    const out = join(dir, 'blank-rows-out');
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const args = ['--survey', survey, '--roster', join(FIXTURES, 'roster.csv'), '--out', out];
      expect(await runNetwork(args, silentProgress)).toBe(0);
      // Before: "2 rejected", as if two answers had been thrown away.
      expect(stderr.mock.calls.map((c) => String(c[0])).join('')).toContain(
        '4 rows read, 2 accepted, 2 rejected (2 blank rows),',
      );
    } finally {
      stderr.mockRestore();
    }
    const quality = JSON.parse(readFileSync(join(out, 'quality.json'), 'utf8'));
    expect(quality.rows).toEqual({ read: 4, accepted: 2, rejected: 2 });
    expect(Object.keys(quality)).not.toContain('blankRows');
  });
});
