// Reads the contract's plain network files: an edge list (`source,target[,weight][,relation]`) and
// an optional node list (`id` + attribute columns), into actors and ties for the metrics command.
import { asActorId, SECTOR_OF_TYPE, type Actor, type ActorType, type InputFile, type Tie } from '../model';
import { InputError, type QualityCollector } from '../quality';
import { findColumn, parseCsv, requireColumn } from '../ingest/csv';
import { isXlsx, readText } from '../ingest/table';
import { plainNetworkFormat, readPlainNetwork } from '../ingest/plain-network';

const KNOWN_TYPES = new Set<string>(Object.keys(SECTOR_OF_TYPE));

export interface EdgeListNetwork {
  actors: Actor[];
  ties: Tie[];
}

/** Parses a weight cell; accepts decimal commas from European spreadsheets. */
function parseWeight(cell: string): number | null {
  const text = cell.trim().replace(',', '.');
  if (text === '') return 1;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

export function readEdgeList(
  edges: InputFile,
  nodes: InputFile | undefined,
  quality: QualityCollector,
): EdgeListNetwork {
  const actors = new Map<string, Actor>();
  if (nodes) {
    const table = parseCsv(readText(nodes, quality), nodes.name, quality);
    const idCol = requireColumn(table, 'id');
    const labelCol = findColumn(table.header, 'label', 'name');
    const typeCol = findColumn(table.header, 'type');
    const sectorCol = findColumn(table.header, 'sector');
    table.rows.forEach((row, i) => {
      const rowNumber = table.rowNumbers[i]!;
      const id = (row[idCol] ?? '').trim();
      if (!id) {
        quality.warn(nodes.name, rowNumber, 'id', 'missing-id', 'This node has no id; the row was skipped.');
        return;
      }
      if (actors.has(id)) {
        quality.warn(
          nodes.name,
          rowNumber,
          'id',
          'duplicate-id',
          `The id "${id}" appears twice; the first row was kept.`,
        );
        return;
      }
      const attrs: Record<string, string> = {};
      table.header.forEach((h, c) => {
        if (c !== idCol && h) attrs[h] = row[c] ?? '';
      });
      const rawType = typeCol >= 0 ? (row[typeCol] ?? '').trim() : '';
      const type = (KNOWN_TYPES.has(rawType) ? rawType : 'other') as ActorType;
      actors.set(id, {
        id: asActorId(id),
        label: labelCol >= 0 && row[labelCol] ? row[labelCol]! : id,
        type,
        sector: sectorCol >= 0 && row[sectorCol] ? row[sectorCol]!.trim() : SECTOR_OF_TYPE[type],
        role: attrs.role,
        service: attrs.service,
        onRoster: true,
        attrs,
      });
    });
  }

  const table = parseCsv(readText(edges, quality), edges.name, quality);
  const sourceCol = requireColumn(table, 'source');
  const targetCol = requireColumn(table, 'target');
  const weightCol = findColumn(table.header, 'weight');
  const relationCol = findColumn(table.header, 'relation');
  const ties: Tie[] = [];
  const ensure = (id: string) => {
    if (!actors.has(id)) {
      if (nodes)
        quality.info(
          edges.name,
          null,
          null,
          'node-not-in-node-list',
          `"${id}" is in the edge list but not the node list; added.`,
        );
      actors.set(id, {
        id: asActorId(id),
        label: id,
        type: 'other',
        sector: SECTOR_OF_TYPE.other,
        onRoster: false,
        attrs: {},
      });
    }
  };
  quality.rows.read += table.rows.length;
  table.rows.forEach((row, i) => {
    const rowNumber = table.rowNumbers[i]!;
    const source = (row[sourceCol] ?? '').trim();
    const target = (row[targetCol] ?? '').trim();
    if (!source || !target) {
      quality.warn(
        edges.name,
        rowNumber,
        !source ? 'source' : 'target',
        'missing-endpoint',
        'This edge has an empty source or target; the row was skipped.',
      );
      quality.rows.rejected++;
      return;
    }
    const weight = weightCol >= 0 ? parseWeight(row[weightCol] ?? '') : 1;
    if (weight === null || weight <= 0) {
      quality.warn(
        edges.name,
        rowNumber,
        'weight',
        'bad-weight',
        `The weight "${row[weightCol!]}" is not a positive number; the row was skipped.`,
      );
      quality.rows.rejected++;
      return;
    }
    if (source === target) {
      quality.info(
        edges.name,
        rowNumber,
        'target',
        'self-loop',
        `"${source}" names itself; self-ties are left out.`,
      );
      quality.rows.rejected++;
      return;
    }
    ensure(source);
    ensure(target);
    const relation = relationCol >= 0 ? (row[relationCol] ?? '').trim() || 'tie' : 'tie';
    ties.push({
      source: asActorId(source),
      target: asActorId(target),
      relation,
      weight,
      file: edges.name,
      row: rowNumber,
    });
    quality.rows.accepted++;
  });
  if (table.rows.length === 0)
    throw new InputError(edges.name, null, null, 'no-edges', 'The edge list has a header but no edges.');
  return { actors: [...actors.values()], ties };
}

/**
 * The metrics command's network file: the contract's edge list (with its node list), or a network
 * another tool wrote (Pajek .net, UCINET DL, an adjacency matrix), whose labels are the node ids.
 * The edge list's rules hold for every format: a weight must be positive, self-ties are left out.
 */
export function readNetworkFile(
  edges: InputFile,
  nodes: InputFile | undefined,
  quality: QualityCollector,
): EdgeListNetwork {
  const format = plainNetworkFormat(edges);
  // A CSV edge list is the contract's own; in a workbook or a zip it is read like the others.
  if (format === null || (format === 'edgelist' && !isXlsx(edges)))
    return readEdgeList(edges, nodes, quality);
  if (nodes)
    quality.warn(
      nodes.name,
      null,
      null,
      'node-list-unused',
      `A node list goes with an edge list; ${edges.name} names its own nodes, so it was not used.`,
    );
  // The reader has counted each tie as a row read and accepted; these rules may reject it after.
  const network = readPlainNetwork(edges, quality);
  const ties: Tie[] = [];
  for (const t of network.ties) {
    if (t.weight <= 0) {
      quality.warn(
        edges.name,
        t.row ?? null,
        'weight',
        'bad-weight',
        `The weight ${t.weight} is not a positive number; the tie was left out.`,
      );
      quality.rows.accepted--;
      quality.rows.rejected++;
    } else if (t.source === t.target) {
      quality.info(
        edges.name,
        t.row ?? null,
        null,
        'self-loop',
        `"${t.source}" names itself; self-ties are left out.`,
      );
      quality.rows.accepted--;
      quality.rows.rejected++;
    } else ties.push(t);
  }
  return { actors: network.actors, ties };
}
