#!/usr/bin/python3
"""Betweenness, cut vertices and bridges by python-igraph and networkx,
the references of libilc's paths module (ilc_betweenness, ilc_cut_vertices,
ilc_bridges).

usage: nx_paths.py EDGES vertices [nx]
       nx_paths.py EDGES edges
  EDGES  first line "n directed", then "from to weight" (0-based), as
         written by cmp_export() in tests/compare/compare.c

vertices: one line per vertex, 17 significant digits:
  igraph unweighted, igraph length = weight, igraph length = 1/weight,
  igraph unweighted cutoff 2, igraph length = weight cutoff 3,
  nx unweighted, nx length = weight (NaN unless "nx" is given: networkx
  is slow on large graphs), igraph articulation point (0/1),
  nx articulation point (0/1)
edges: one line per input edge: igraph bridge (0/1), nx bridge (0/1),
  both on the underlying undirected simple graph (a mutual pair of arcs
  is one tie, and both arcs get its flag).
Direction: a directed graph's betweenness follows arcs (igraph
directed=True, networkx DiGraph); betweenness is raw (not normalised);
undirected pairs are counted once (igraph halves, networkx too).
"""
import math
import sys

import igraph as ig
import networkx as nx


def main():
    with open(sys.argv[1]) as f:
        n, directed = (int(x) for x in f.readline().split())
        rows = [line.split() for line in f if line.strip()]
    what = sys.argv[2]
    edges = [(int(a), int(b)) for a, b, _ in rows]
    weights = [float(w) for _, _, w in rows]
    H = ig.Graph(n=n, edges=edges, directed=bool(directed))
    U = nx.Graph()
    U.add_nodes_from(range(n))
    U.add_edges_from(edges)
    out = sys.stdout
    if what == "edges":
        Hu = ig.Graph(n=n, edges=[tuple(sorted(e)) for e in edges])
        Hu.simplify()
        ib = {tuple(sorted(Hu.es[i].tuple)) for i in Hu.bridges()}
        nb = {tuple(sorted(e)) for e in nx.bridges(U)}
        for e in edges:
            t = tuple(sorted(e))
            out.write("%d %d\n" % (t in ib, t in nb))
        return
    use_nx = len(sys.argv) > 3 and sys.argv[3] == "nx"
    inv = [1.0 / w for w in weights]
    b0 = H.betweenness(directed=True)
    b1 = H.betweenness(directed=True, weights=weights)
    b2 = H.betweenness(directed=True, weights=inv)
    b3 = H.betweenness(directed=True, cutoff=2)
    b4 = H.betweenness(directed=True, weights=weights, cutoff=3)
    if use_nx:
        G = nx.DiGraph() if directed else nx.Graph()
        G.add_nodes_from(range(n))
        for (a, b), w in zip(edges, weights):
            G.add_edge(a, b, weight=w)
        n0 = nx.betweenness_centrality(G, normalized=False)
        n1 = nx.betweenness_centrality(G, normalized=False, weight="weight")
    else:
        n0 = n1 = {v: math.nan for v in range(n)}
    iap = set(H.articulation_points())
    nap = set(nx.articulation_points(U))
    for v in range(n):
        vals = (b0[v], b1[v], b2[v], b3[v], b4[v], n0[v], n1[v],
                v in iap, v in nap)
        out.write(" ".join("%.17g" % x for x in vals) + "\n")


main()
