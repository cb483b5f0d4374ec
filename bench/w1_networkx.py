#!/usr/bin/python3
"""W1 with networkx (2.8.8): usage w1_networkx.py DIR [--windows-detail].
Graph measures by networkx; the rest (windows, E-I, Gould-Fernandez,
spells, Kaplan-Meier) in w1_common.py.  See bench/README.md."""
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import networkx as nx  # noqa: E402
import w1_common  # noqa: E402


def window_measures(active, edges):
    g = nx.Graph()
    g.add_nodes_from(active)
    g.add_edges_from(edges)
    sizes = [len(c) for c in nx.connected_components(g)]
    return (g.number_of_nodes(), g.number_of_edges(), nx.density(g),
            len(sizes), max(sizes, default=0), nx.transitivity(g))  # 0 w/o triples


def graph(P, agg):
    g = nx.Graph()
    g.add_nodes_from(range(P))
    g.add_weighted_edges_from((u, v, w) for (u, v), w in agg.items())
    return g


def betweenness_sum(P, agg):
    b = nx.betweenness_centrality(graph(P, agg), normalized=False, weight=None)
    return math.fsum(b.values())


def constraint_values(P, agg):
    return list(nx.constraint(graph(P, agg), weight="weight").values())


if __name__ == "__main__":
    w1_common.main("w1_networkx", window_measures, betweenness_sum, constraint_values)
