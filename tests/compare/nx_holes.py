#!/usr/bin/python3
"""Burt's structural holes by networkx and python-igraph, the references
of libilc's ilc_holes() / ilc_holes_table().

usage: nx_holes.py EDGES
  EDGES  first line "n directed", then "from to weight" (0-based)

Prints one line per vertex with 10 numbers (17 significant digits):
  nx constraint, nx constraint weighted, nx effective size, nx effective
  size weighted, igraph constraint, igraph constraint weighted,
  hierarchy, hierarchy weighted (Burt's formula over networkx's dyadic
  local_constraint; 1 for one contact), contacts, nx efficiency (ES over
  contacts, Burt's denominator).
networkx 2.8.8 returns NaN for a digraph vertex without successors (its
loop path), igraph a value: the C side compares such vertices to igraph.
normalized_mutual_weight is memoised so that large graphs finish; the
values are those of the uncached function.
"""
import functools
import math
import sys

import igraph as ig
import networkx as nx
from networkx.algorithms import structuralholes as sh

sh.normalized_mutual_weight = functools.lru_cache(maxsize=None)(
    sh.normalized_mutual_weight)


def hierarchy(G, v, weight):
    contacts = set(nx.all_neighbors(G, v)) - {v}
    N = len(contacts)
    if N == 0:
        return math.nan
    if N == 1:
        return 1.0
    c = [sh.local_constraint(G, v, j, weight=weight) for j in contacts]
    C = sum(c)
    r = [x * N / C for x in c]
    return sum(x * math.log(x) for x in r) / (N * math.log(N))


def main():
    with open(sys.argv[1]) as f:
        n, directed = (int(x) for x in f.readline().split())
        rows = [line.split() for line in f if line.strip()]
    G = nx.DiGraph() if directed else nx.Graph()
    G.add_nodes_from(range(n))
    for a, b, w in rows:
        G.add_edge(int(a), int(b), weight=float(w))
    edges = [(int(a), int(b)) for a, b, _ in rows]
    weights = [float(w) for _, _, w in rows]
    H = ig.Graph(n=n, edges=edges, directed=bool(directed))
    c0 = nx.constraint(G)
    c1 = nx.constraint(G, weight="weight")
    e0 = nx.effective_size(G)
    e1 = nx.effective_size(G, weight="weight")
    i0 = H.constraint()
    i1 = H.constraint(weights=weights)
    out = sys.stdout
    for v in range(n):
        k = len(set(nx.all_neighbors(G, v)) - {v})
        eff = e0[v] / k if k else math.nan
        vals = (c0[v], c1[v], e0[v], e1[v], i0[v], i1[v],
                hierarchy(G, v, None), hierarchy(G, v, "weight"), k, eff)
        out.write(" ".join("%.17g" % x for x in vals) + "\n")


main()
