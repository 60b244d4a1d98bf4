# Reference layout time for bench/layout.bench.ts: python-igraph's Fruchterman-Reingold (its grid
# variant above 1,000 nodes, as igraph chooses) on an edge list, timed inside Python.
import json
import sys
import time

import igraph

edges_file = sys.argv[1]
with open(edges_file) as f:
    n = int(f.readline())
    edges = [tuple(map(int, line.split())) for line in f]
g = igraph.Graph(n=n, edges=edges, directed=False)
start = time.perf_counter()
g.layout_fruchterman_reingold(niter=300)
ms = (time.perf_counter() - start) * 1000
print(json.dumps({"ms": ms, "version": igraph.__version__}))
