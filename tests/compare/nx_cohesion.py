#!/usr/bin/python3
"""Cohesion measures by networkx 2.8 and python-igraph 0.10, the references
of libilc's ilc_cohesion_snapshot(), ilc_local_clustering() and
ilc_coreness().

usage: nx_cohesion.py EDGES GROUPS
  EDGES   first line "n directed", then "from to weight" (0-based)
  GROUPS  one group label per vertex ("<none>" is a label like any other:
          libilc puts ungrouped vertices in one extra group)

Prints 17 graph values, then two values per vertex (17 significant
digits, "nan" for undefined):
  n m density components giant_size transitivity clustering
  clustering_nan apl diameter max_core modularity assortativity external
  internal reciprocity reciprocity_ratio
  per vertex: local clustering (nan for degree < 2), coreness
Conventions (docs/cohesion.md): weights ignored; transitivity, clustering
and coreness on the underlying undirected graph (G.to_undirected());
components weak; apl / diameter on the first largest component (networkx
for undirected, python-igraph average_path_length(unconn=True) for
directed); modularity, assortativity, E/I and reciprocity on the arcs.
"""
import math
import sys

import igraph as ig
import networkx as nx
from networkx.algorithms import community


def main():
    with open(sys.argv[1]) as f:
        n, directed = (int(x) for x in f.readline().split())
        arcs = [tuple(int(x) for x in line.split()[:2]) for line in f
                if line.strip()]
    with open(sys.argv[2]) as f:
        label = [line.rstrip("\n") for line in f]
    G = nx.DiGraph() if directed else nx.Graph()
    G.add_nodes_from(range(n))
    G.add_edges_from(arcs)
    for v in range(n):
        G.nodes[v]["grp"] = label[v]
    U = G.to_undirected() if directed else G

    comps = list(nx.connected_components(U))
    giant = max(comps, key=len) if comps else set()
    if directed:
        H = ig.Graph(n=n, edges=arcs, directed=True)
        sub = H.induced_subgraph(sorted(giant))
        apl = sub.average_path_length(directed=True, unconn=True)
        diam = sub.diameter(directed=True, unconn=True)
        rec = nx.overall_reciprocity(G)
        rat = H.reciprocity(ignore_loops=True, mode="ratio")
    else:
        S = U.subgraph(giant)
        apl = nx.average_shortest_path_length(S)
        diam = nx.diameter(S)
        rec = rat = math.nan
    cl = nx.clustering(U)
    deg = dict(U.degree())
    defined = [cl[v] for v in range(n) if deg[v] >= 2]
    core = nx.core_number(U)
    groups = {}
    for v in range(n):
        groups.setdefault(label[v], set()).add(v)
    q = community.modularity(G, list(groups.values()), weight=None)
    r = nx.attribute_assortativity_coefficient(G, "grp")
    ext = sum(1 for a, b in G.edges() if label[a] != label[b])
    vals = [n, G.number_of_edges(), nx.density(G), len(comps), len(giant),
            nx.transitivity(U), nx.average_clustering(U),
            sum(defined) / len(defined) if defined else math.nan,
            apl, diam, max(core.values()), q, r, ext,
            G.number_of_edges() - ext, rec, rat]
    out = sys.stdout
    out.write(" ".join("%.17g" % x for x in vals) + "\n")
    for v in range(n):
        c = cl[v] if deg[v] >= 2 else math.nan
        out.write("%.17g %d\n" % (c, core[v]))


main()
