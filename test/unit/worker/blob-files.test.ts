// Files cross to the worker and into storage as Blobs (cloned by reference), and come back as the
// same bytes: no copy of a large export on the page's thread.
import { describe, expect, it } from 'vitest';
import { carryFiles, receiveFiles, rememberBlob } from '../../../src/worker/blob-files';
import type { InputFile } from '../../../src/core/model';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('carryFiles and receiveFiles', () => {
  const wave = {
    roster: { name: 'roster.csv', data: bytes('id,name\np1,Ann Baker\n') },
    surveys: [
      { name: 'a.csv', data: bytes('Who do you trust?\nAnn Baker\n') },
      { name: 'b.csv', data: 'Who do you trust?\nBob Carter\n' },
    ],
    codebook: null,
    appraisals: null,
    satisfaction: null,
    mapping: { kept: true },
  };

  it('carry bytes as Blobs and text as text, and leave the rest of the wave as it is', () => {
    const carried = carryFiles(wave);
    expect(carried.roster!.data).toBeInstanceOf(Blob);
    expect(carried.surveys[0]!.data).toBeInstanceOf(Blob);
    expect(carried.surveys[1]!.data).toBe(wave.surveys[1]!.data);
    expect([carried.codebook, carried.mapping]).toEqual([null, { kept: true }]);
    // The wave given is not changed.
    expect(wave.roster.data).toBeInstanceOf(Uint8Array);
  });

  it('read the same bytes back, and carry them again as the same Blob (no second copy)', async () => {
    const carried = carryFiles(wave);
    const back = await receiveFiles(carried);
    expect(back.roster!.data).toEqual(wave.roster.data);
    expect(back.surveys.map((f: InputFile) => f.data)).toEqual(wave.surveys.map((f) => f.data));
    expect(carryFiles(back).roster!.data).toBe(carried.roster!.data);
    expect(carryFiles(wave).roster!.data).toBe(carried.roster!.data);
  });

  it('carry a picked file as the File it was read from, and read a save of bytes (older) as it is', async () => {
    const data = bytes('x');
    const file = new Blob([data]);
    rememberBlob(data, file);
    expect(carryFiles({ surveys: [{ name: 'f.csv', data }] }).surveys[0]!.data).toBe(file);
    const older = { surveys: [{ name: 'old.csv', data: bytes('old') }] };
    expect((await receiveFiles(older)).surveys[0]!.data).toEqual(bytes('old'));
  });
});
