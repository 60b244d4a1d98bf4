// The metrics command's network file in the formats other tools write, held to the edge list's rules.
import { describe, expect, it } from 'vitest';
import { readNetworkFile } from '../../../src/core/network/edge-list';
import { QualityCollector } from '../../../src/core/quality';
import { strToU8, zipSync } from 'fflate';

const file = (name: string, data: string) => ({ name, data });

describe('readNetworkFile', () => {
  it('reads Pajek with the edge list rules: no self-ties, no weights of zero or below', () => {
    const q = new QualityCollector();
    const net = readNetworkFile(
      file('n.net', '*Vertices 3\n1 "a"\n2 "b"\n3 "c"\n*Arcs\n1 2 2\n2 2 1\n2 3 -1\n3 1 0.5\n'),
      undefined,
      q,
    );
    expect(net.ties.map((t) => `${t.source}>${t.target}:${t.weight}`)).toEqual(['a>b:2', 'c>a:0.5']);
    expect(q.issues.map((i) => [i.code, i.row])).toEqual([
      ['self-loop', 7],
      ['bad-weight', 8],
    ]);
    expect(q.rows).toEqual({ read: 4, accepted: 2, rejected: 2 });
  });

  it('counts each row of a zipped edge list once', () => {
    const q = new QualityCollector();
    const zipped = zipSync({ 'edges.csv': strToU8('source,target\na,b\nb,c\n') });
    expect(readNetworkFile({ name: 'edges.zip', data: zipped }, undefined, q).ties).toHaveLength(2);
    expect(q.rows).toEqual({ read: 2, accepted: 2, rejected: 0 });
  });

  it('says a node list given with a network that names its own nodes was not used', () => {
    const q = new QualityCollector();
    readNetworkFile(
      file('n.dl', 'DL N=2\nFORMAT = EDGELIST1\nLABELS EMBEDDED\nDATA:\na b\n'),
      file('nodes.csv', 'id\na\n'),
      q,
    );
    expect(q.issues.map((i) => [i.code, i.file])).toEqual([['node-list-unused', 'nodes.csv']]);
  });

  it('leaves a CSV edge list to the contract reader, which names a missing source column', () => {
    expect(() => readNetworkFile(file('e.csv', 'from,to\na,b\n'), undefined, new QualityCollector())).toThrow(
      /source/,
    );
  });
});
