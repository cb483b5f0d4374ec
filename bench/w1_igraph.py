#!/usr/bin/python3
"""W1 with python-igraph (0.10.2): usage w1_igraph.py DIR [--windows-detail].
Graph measures by igraph; the rest (windows, E-I, Gould-Fernandez, spells,
Kaplan-Meier) in w1_common.py.  See bench/README.md."""
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import igraph as ig  # noqa: E402
import w1_common  # noqa: E402


def window_measures(active, edges):
    index = {v: i for i, v in enumerate(active)}
    g = ig.Graph(n=len(active), edges=[(index[u], index[v]) for u, v in edges])
    comps = g.connected_components()
    sizes = comps.sizes()
    # mode="zero": 0 instead of NaN when there are no connected triples
    return (g.vcount(), g.ecount(), g.density(), len(sizes), max(sizes, default=0),
            g.transitivity_undirected(mode="zero"))


def graph(P, agg):
    g = ig.Graph(n=P, edges=list(agg.keys()))
    g.es["weight"] = list(agg.values())
    return g


def betweenness_sum(P, agg):
    return math.fsum(graph(P, agg).betweenness(directed=False))


def constraint_values(P, agg):
    return graph(P, agg).constraint(weights="weight")


if __name__ == "__main__":
    w1_common.main("w1_igraph", window_measures, betweenness_sum, constraint_values)
