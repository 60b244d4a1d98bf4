# Times python-igraph or networkx computing the same metric set as the Civic Ties engine on one
# edge list (first line n, then "source target weight"). Prints JSON {tool, version, ms, cpuMs, phases}.
# Usage: /usr/bin/python3 bench/lib/reference-metrics.py EDGELIST igraph|networkx
import json
import sys
import time


def read(path):
    with open(path) as f:
        n = int(f.readline())
        edges = []
        for line in f:
            if line.strip():
                s, t, w = line.split()
                edges.append((int(s), int(t), float(w)))
    return n, edges


def timed(phases, name, fn):
    t0 = time.perf_counter()
    out = fn()
    phases[name] = (time.perf_counter() - t0) * 1000
    return out


def run_igraph(n, edges):
    import igraph as ig
    g = ig.Graph(n=n, edges=[(s, t) for s, t, _ in edges], directed=True)
    g.es["weight"] = [w for _, _, w in edges]
    p = {}
    timed(p, "degree+strength", lambda: (g.indegree(), g.outdegree(), g.degree(), g.strength(mode="in", weights="weight"), g.strength(mode="out", weights="weight")))
    timed(p, "betweenness", lambda: g.betweenness(directed=True))
    timed(p, "closeness", lambda: g.closeness(mode="in"))
    timed(p, "harmonic", lambda: g.harmonic_centrality(mode="in"))
    timed(p, "eigenvector", lambda: g.eigenvector_centrality(directed=True))
    timed(p, "pagerank", lambda: g.pagerank())
    timed(p, "hits", lambda: (g.hub_score(), g.authority_score()))
    timed(p, "clustering+transitivity", lambda: (g.transitivity_local_undirected(mode="zero"), g.transitivity_undirected()))
    timed(p, "constraint", lambda: g.constraint())
    timed(p, "coreness", lambda: g.coreness(mode="all"))
    timed(p, "components", lambda: (len(g.connected_components(mode="weak")), len(g.connected_components(mode="strong"))))
    timed(p, "diameter", lambda: g.diameter(directed=False))
    u = timed(p, "undirected copy", lambda: g.as_undirected())
    timed(p, "louvain+modularity", lambda: u.community_multilevel().modularity)
    timed(p, "reciprocity+density", lambda: (g.reciprocity(), g.density()))
    timed(p, "two-step reach", lambda: g.neighborhood_size(order=2, mode="all"))
    return {"tool": "python-igraph", "version": ig.__version__, "phases": p}


def run_networkx(n, edges):
    import networkx as nx
    G = nx.DiGraph()
    G.add_nodes_from(range(n))
    G.add_weighted_edges_from(edges)
    p = {}
    timed(p, "degree+strength", lambda: (dict(G.in_degree()), dict(G.out_degree()), dict(G.in_degree(weight="weight")), dict(G.out_degree(weight="weight"))))
    timed(p, "betweenness", lambda: nx.betweenness_centrality(G))
    timed(p, "closeness", lambda: nx.closeness_centrality(G))
    timed(p, "harmonic", lambda: nx.harmonic_centrality(G))
    timed(p, "eigenvector", lambda: nx.eigenvector_centrality(G, weight=None, max_iter=1000))
    timed(p, "pagerank", lambda: nx.pagerank(G, weight=None))
    timed(p, "hits", lambda: nx.hits(G, max_iter=1000))
    U = nx.Graph(G.to_undirected())
    timed(p, "clustering+transitivity", lambda: (nx.clustering(U), nx.transitivity(U)))
    timed(p, "constraint", lambda: (nx.constraint(G), nx.effective_size(G)))
    timed(p, "coreness", lambda: nx.core_number(G))
    timed(p, "components", lambda: (nx.number_weakly_connected_components(G), nx.number_strongly_connected_components(G)))
    timed(p, "diameter", lambda: nx.diameter(U) if nx.is_connected(U) else None)
    timed(p, "louvain+modularity", lambda: nx.community.modularity(G, nx.community.louvain_communities(G, seed=1)))
    timed(p, "reciprocity+density", lambda: (nx.overall_reciprocity(G), nx.density(G)))
    return {"tool": "networkx", "version": nx.__version__, "phases": p}


def main():
    path, tool = sys.argv[1], sys.argv[2]
    n, edges = read(path)
    c0 = time.process_time()
    out = run_igraph(n, edges) if tool == "igraph" else run_networkx(n, edges)
    out["cpuMs"] = (time.process_time() - c0) * 1000
    out["ms"] = sum(out["phases"].values())
    print(json.dumps(out))


if __name__ == "__main__":
    import warnings
    warnings.simplefilter("ignore")
    main()
