// Reading the command line's JSON inputs (mapping.json edited by hand): a syntax error names its line.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInput, readJson } from '../../../src/cli/io';
import { InputError } from '../../../src/core/quality';

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
