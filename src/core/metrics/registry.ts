// One descriptor per metric: its key in the output, a label, a sentence a manager can read, and the
// exact convention with its networkx equivalent. The UI, CLI help and README render from this list.

export interface MetricDescriptor {
  /** Key in metrics.json (node metrics under nodes.<id>, graph metrics under graph). */
  key: string;
  label: string;
  level: 'node' | 'graph';
  /** One plain-English sentence for a manager. */
  description: string;
  /** Exact definition and the networkx (or other reference) equivalent. */
  convention: string;
}

const node = (key: string, label: string, description: string, convention: string): MetricDescriptor => ({
  key,
  label,
  level: 'node',
  description,
  convention,
});
const graph = (key: string, label: string, description: string, convention: string): MetricDescriptor => ({
  key,
  label,
  level: 'graph',
  description,
  convention,
});

export const METRICS: readonly MetricDescriptor[] = [
  node(
    'inDegree',
    'Named by',
    'How many different people or groups named this person: a direct count of who turns to them.',
    'Distinct in-neighbours (G.in_degree on a simple DiGraph); neighbours when undirected.',
  ),
  node(
    'outDegree',
    'Names',
    'How many different people or groups this person named in the survey.',
    'Distinct out-neighbours (G.out_degree); neighbours when undirected.',
  ),
  node(
    'degree',
    'Ties',
    'All the ties this person has, whichever way they run.',
    'inDegree + outDegree when directed (networkx G.degree, Gephi); neighbours when undirected.',
  ),
  node(
    'inStrength',
    'Strength in',
    'Like "named by", but counting how strong or how many-sided each tie is.',
    'Sum of the weights of incoming ties (G.in_degree(weight="weight")); the union weight is the number of relations on a tie. Always uses the weight column.',
  ),
  node(
    'outStrength',
    'Strength out',
    'Like "names", but counting how strong or how many-sided each tie is.',
    'Sum of the weights of outgoing ties (G.out_degree(weight="weight")).',
  ),
  node(
    'strength',
    'Strength',
    'The total weight of all this person’s ties.',
    'inStrength + outStrength when directed; sum of incident edge weights when undirected (then in = out = strength).',
  ),
  node(
    'degreeCentrality',
    'Degree centrality',
    'Ties as a share of everyone they could be tied to, so networks of different sizes compare.',
    'degree / (n − 1), n counting isolates (nx.degree_centrality); 1 for the only node of a one-node graph, as networkx.',
  ),
  node(
    'inDegreeCentrality',
    'In-degree centrality',
    'The share of everyone else who named this person.',
    'inDegree / (n − 1) (nx.in_degree_centrality).',
  ),
  node(
    'outDegreeCentrality',
    'Out-degree centrality',
    'The share of everyone else this person named.',
    'outDegree / (n − 1) (nx.out_degree_centrality).',
  ),
  node(
    'betweenness',
    'Betweenness',
    'How often this person sits on the shortest route between two others: a headteacher with high betweenness is the bridge through whom parents, volunteers and other services reach each other, and would be missed if they left.',
    'nx.betweenness_centrality(normalized=True): Brandes; directed pairs scaled by 1/((n−1)(n−2)), undirected by 2/((n−1)(n−2)). Paths are hops (--weight none), 1/weight (strength) or weight (distance); lengths within 1e-10 (relative) count as equal so 1/2 + 1/2 ties with 1/1. Above --sample-above nodes, estimated from a seeded sample of sources scaled by n/k.',
  ),
  node(
    'closeness',
    'Closeness',
    'How few steps it takes for others to reach this person: high closeness means news and requests from across the community get to them quickly.',
    'nx.closeness_centrality (wf_improved=True): (r/Σd)·(r/(n−1)) over the r nodes that can reach the node, using distances *to* the node when directed (networkx reverses the graph); 0 for isolates.',
  ),
  node(
    'harmonic',
    'Harmonic closeness',
    'Like closeness, but it still works when parts of the community cannot reach each other at all.',
    'nx.harmonic_centrality: Σ over other nodes v of 1/d(v, node), distances to the node when directed; not normalised.',
  ),
  node(
    'eigenvector',
    'Eigenvector',
    'Whether the people who name this person are themselves much named: being trusted by the well-trusted.',
    'nx.eigenvector_centrality: principal eigenvector of Aᵀ (in-ties count when directed), unit Euclidean norm; weights only with --weight strength; empty (with a note) when the network is not strongly connected (connected when undirected).',
  ),
  node(
    'pagerank',
    'PageRank',
    'Standing that flows along ties: being named by people who name few others counts for more.',
    'nx.pagerank: alpha 0.85, uniform teleport, dangling nodes spread uniformly, sums to 1; weights only with --weight strength (engine option pagerankWeight: "always" weights it in every mode, as networkx’s default weight="weight").',
  ),
  node(
    'hub',
    'Hub',
    'How well this person points others towards the people who matter: a good signposter.',
    'nx.hits hubs (principal singular vector), summing to 1; weights only with --weight strength; empty when the network is disconnected.',
  ),
  node(
    'authority',
    'Authority',
    'How much this person is named by good signposters: a recognised source of help or information.',
    'nx.hits authorities (principal eigenvector of AᵀA), summing to 1; weights only with --weight strength; empty when the network is disconnected.',
  ),
  node(
    'clustering',
    'Clustering',
    'How far this person’s contacts also know each other: high means a close-knit circle, low means they link circles that are otherwise apart.',
    'nx.clustering on the undirected simple projection (G.to_undirected()), unweighted; 0 below two neighbours.',
  ),
  node(
    'constraint',
    'Constraint',
    'How much this person’s contacts are tied up with one another: low constraint marks a broker whose contacts do not know each other, so they hear different things and can join them up.',
    'Burt’s constraint as nx.constraint (unweighted): mutual weight a_ij + a_ji over in- and out-neighbours; a node with in-ties only still gets a value (networkx returns NaN there); empty for isolates.',
  ),
  node(
    'effectiveSize',
    'Effective size',
    'How many of this person’s contacts bring something new rather than repeating each other.',
    'Burt’s effective size as nx.effective_size (unweighted), mutual weights a_ij + a_ji; in-ties-only nodes included; empty for isolates.',
  ),
  node(
    'coreNumber',
    'Core number',
    'How deep in the well-connected heart of the network this person sits.',
    'nx.core_number: largest k of a k-core containing the node, degree = in + out when directed.',
  ),
  node(
    'community',
    'Community',
    'Which cluster of closely tied people this person belongs to.',
    'Louvain (graphology-communities-louvain; directed modularity of Leicht–Newman when directed), best of seeded restarts, deterministic for --seed; ids 0.. by decreasing size.',
  ),
  node(
    'eiIndex',
    'E-I index',
    'Whether this person’s ties reach outside their own group (towards +1) or stay inside it (towards −1).',
    'Krackhardt–Stern (E − I)/(E + I) over every tie in or out of the node, E to another --group value, I to the same; empty without ties.',
  ),
  node(
    'brokerage',
    'Brokerage roles',
    'How often this person passes things between others, and between which groups: a gatekeeper lets outsiders into their group, a representative speaks for their group to others, a liaison links groups they belong to neither of.',
    'Gould–Fernandez counts as sna::brokerage: two-paths a → b → c with a ≠ c and no tie a → c, classed by --group as coordinator (all same), consultant (a, c same, b other), representative (b as a), gatekeeper (b as c), liaison (all differ).',
  ),
  node(
    'civilReach',
    'Civil-society reach',
    'How many residents, volunteers and community groups this public servant can reach in one or two steps.',
    'Distinct nodes with sector ≠ "public" within two steps either direction of a node of type "public-servant"; empty for other nodes.',
  ),
  graph(
    'nodes',
    'Actors',
    'How many people, groups and services are in the network.',
    'Number of nodes, isolates included.',
  ),
  graph(
    'edges',
    'Ties',
    'How many ties link them.',
    'Arcs when directed, edges when undirected; parallel ties are merged.',
  ),
  graph(
    'directed',
    'Directed',
    'Whether ties run one way (who named whom).',
    'true for a directed analysis.',
  ),
  graph(
    'density',
    'Density',
    'The share of all possible ties that exist.',
    'nx.density: m / n(n−1) directed, 2m / n(n−1) undirected; empty below two nodes.',
  ),
  graph(
    'reciprocity',
    'Reciprocity',
    'How often a tie is returned: both people name each other.',
    'nx.overall_reciprocity: share of arcs whose reverse exists; empty when undirected or without ties.',
  ),
  graph(
    'transitivity',
    'Transitivity',
    'How often two of someone’s contacts are tied to each other across the whole network.',
    'nx.transitivity on the undirected simple projection: 3 × triangles / connected triples.',
  ),
  graph(
    'components',
    'Pieces',
    'How many separate pieces the network falls into.',
    'nx.number_weakly_connected_components (connected components when undirected), isolates each count.',
  ),
  graph(
    'strongComponents',
    'Strong pieces',
    'How many groups exist where everyone can reach everyone else following the direction of ties.',
    'nx.number_strongly_connected_components; equals components when undirected.',
  ),
  graph(
    'diameter',
    'Diameter',
    'The most steps it takes to get from anyone to anyone else.',
    'nx.diameter of the undirected projection, unweighted (exact, Takes–Kosters bounds); empty when disconnected.',
  ),
  graph(
    'modularity',
    'Modularity',
    'How clearly the network splits into separate clusters (above about 0.3 is a clear split).',
    'nx.community.modularity of the Louvain partition, resolution 1; Leicht–Newman directed formula when directed; weights only with --weight strength.',
  ),
  graph(
    'communities',
    'Communities',
    'How many clusters Louvain found.',
    'Number of Louvain communities, isolates each their own.',
  ),
  graph(
    'eiIndex',
    'E-I index',
    'Whether ties in the whole network mostly cross groups (towards +1) or stay within them (towards −1).',
    '(E − I)/(E + I) over all arcs (edges when undirected) with both ends grouped by --group.',
  ),
];

const BY_KEY = new Map(METRICS.map((m) => [`${m.level}:${m.key}`, m]));

/** The descriptor for a metric key; node level first (eiIndex exists at both levels). */
export function metricByKey(key: string, level?: 'node' | 'graph'): MetricDescriptor | undefined {
  if (level) return BY_KEY.get(`${level}:${key}`);
  return BY_KEY.get(`node:${key}`) ?? BY_KEY.get(`graph:${key}`);
}

/** The registry as Markdown tables (node, then graph metrics), for the README and CLI help. */
export function metricsMarkdown(): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const table = (level: 'node' | 'graph') =>
    [
      '| metric | what it tells a manager | convention (networkx equivalent) |',
      '| --- | --- | --- |',
      ...METRICS.filter((m) => m.level === level).map(
        (m) => `| \`${m.key}\` (${cell(m.label)}) | ${cell(m.description)} | ${cell(m.convention)} |`,
      ),
    ].join('\n');
  return `### Node metrics\n\n${table('node')}\n\n### Network metrics\n\n${table('graph')}\n`;
}
