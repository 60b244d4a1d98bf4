// File sizes in the Import view's lists, as a file manager says them.
import { describe, expect, it } from 'vitest';
import { sizeText } from '../../../src/ui/views/import-view';

describe('sizeText', () => {
  it('says a file size as a file manager does (trial V: "123058 kB" for 120 MB)', () => {
    expect([0, 1, 900, 2048, 1_250_000, 126_011_039, 5 * 1024 ** 3].map(sizeText)).toEqual([
      'empty (0 bytes)',
      '1 byte',
      '900 bytes',
      '2 kB',
      '1.2 MB',
      '120 MB',
      '5 GB',
    ]);
  });
});
