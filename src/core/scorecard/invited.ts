// Reads the optional invited-count file (`sector,invited`): how many were asked per sector, so
// response rates, and the warnings that hang on them, rest on the real sample frame.
import type { InputFile } from '../model';
import { type QualityCollector } from '../quality';
import { parseCsv, requireColumn } from '../ingest/csv';
import { readText } from '../ingest/table';

export function readInvitedCounts(file: InputFile, quality: QualityCollector): Record<string, number> {
  const table = parseCsv(readText(file, quality), file.name, quality);
  const sectorCol = requireColumn(table, 'sector');
  const invitedCol = requireColumn(table, 'invited');
  const counts: Record<string, number> = {};
  table.rows.forEach((row, i) => {
    const sector = (row[sectorCol] ?? '').trim();
    const n = Number((row[invitedCol] ?? '').trim());
    if (!sector || !Number.isInteger(n) || n < 0) {
      quality.warn(
        file.name,
        table.rowNumbers[i]!,
        'invited',
        'bad-invited-count',
        `"${row[invitedCol] ?? ''}" is not a count of people invited; the row was skipped.`,
      );
      return;
    }
    counts[sector] = n;
  });
  return counts;
}
