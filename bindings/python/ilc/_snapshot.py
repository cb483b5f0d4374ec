"""ilc.Snapshot: the graph of one window, and the measures taken on it
(ilc/snapshot.h, cohesion.h, brokerage.h, paths.h)."""

import ctypes
from ctypes import byref, c_double, c_int64, c_uint8

from ._errors import InvalidArgumentError, check
from ._handle import Handle
from ._lib import lib
from ._table import table_from
from ._util import array, dec, options, require, strings, take_string

# ilc_cohesion_options.measures bits (ilc/cohesion.h)
COHESION_MEASURES = {
    "basic": 0x001, "components": 0x002, "transitivity": 0x004,
    "clustering": 0x008, "paths": 0x010, "cores": 0x020,
    "reciprocity": 0x040, "ei": 0x080, "modularity": 0x100,
    "w1": 0x001 | 0x002 | 0x004 | 0x080, "all": 0x1ff,
}
_EI_LEVELS = {"network": 0, "group": 1, "participant": 2}
_LENGTHS = {"hops": 0, "weight": 1, "inverse": 2}


def cohesion_bits(measures):
    """A measure name ("all", "w1", "basic", ...) or an iterable of names,
    as the ILC_COHESION_* bit mask."""
    if measures is None:
        return None
    if isinstance(measures, int):
        return measures
    if isinstance(measures, str):
        measures = [measures]
    bits = 0
    for name in measures:
        if name not in COHESION_MEASURES:
            raise InvalidArgumentError(
                "unknown cohesion measure %r (one of %s)"
                % (name, ", ".join(sorted(COHESION_MEASURES))), -1)
        bits |= COHESION_MEASURES[name]
    return bits


def _choice(table, value, what):
    if value not in table:
        raise InvalidArgumentError("unknown %s %r (one of %s)" % (
            what, value, ", ".join(sorted(table))), -1)
    return table[value]


def betweenness_options(lengths, cutoff, normalized, threads):
    return options("betweenness",
                   weighted=_choice(_LENGTHS, lengths, "path length"),
                   cutoff=-1.0 if cutoff is None else float(cutoff),
                   normalized=1 if normalized else 0, threads=threads)


class Snapshot(Handle):
    """A simple graph: vertices 0..n-1 with names and groups (countries),
    self-loops dropped, parallel edges collapsed with summed weights.

    Made by Timeline.snapshot() or Snapshot.from_edges().  Measures return
    Tables (cohesion, gould_fernandez, holes, betweenness_table, ...) or
    lists indexed by vertex (NaN where the C API documents NaN).
    """

    _kind = "snapshot"
    _free = "ilc_snapshot_free"

    def __init__(self, ptr):
        self._adopt(ptr)

    @classmethod
    def from_edges(cls, edges, n=None, weights=None, directed=False,
                   groups=None, group_names=None, names=None):
        """Builds a snapshot from an edge list [(u, v), ...] of vertex ids
        0..n-1 (n defaults to the largest id + 1).  weights: one per edge
        (default 1).  groups: per vertex, either labels (str, None = no
        group; group order = sorted labels) or indices with group_names.
        names: per-vertex names (default "0", "1", ...).
        Raises InvalidArgumentError for a vertex out of range or a bad
        weight."""
        edges = [tuple(e) for e in edges]
        flat = [int(x) for e in edges for x in e]
        if n is None:
            n = max(flat) + 1 if flat else 0
        gidx, ng, gnames = None, 0, None
        if groups is not None:
            groups = list(groups)
            if any(isinstance(g, str) for g in groups):
                labels = sorted({g for g in groups if g is not None})
                pos = {g: i for i, g in enumerate(labels)}
                gidx = [-1 if g is None else pos[g] for g in groups]
                group_names = labels
            else:
                gidx = [-1 if g is None else int(g) for g in groups]
            if len(gidx) != n:
                raise InvalidArgumentError(
                    "snapshot: %d groups for %d vertices" % (len(gidx), n),
                    -1)
            ng = len(group_names) if group_names is not None else \
                max(gidx + [-1]) + 1
            gnames, _ = strings(group_names)
        out = ctypes.c_void_p()
        check(lib.ilc_snapshot_from_edges(
            byref(out), n, array(c_int64, flat), len(edges),
            array(c_double, weights), 1 if directed else 0,
            array(ctypes.c_int32, gidx), ng, gnames))
        s = cls(out.value)
        if names is not None:
            s.set_vertex_names(names)
        return s

    # --- structure ---------------------------------------------------------

    @property
    def n(self):
        """Number of vertices."""
        return lib.ilc_snapshot_vertex_count(self._h)

    @property
    def m(self):
        """Number of (collapsed, loop-free) edges."""
        return lib.ilc_snapshot_edge_count(self._h)

    @property
    def directed(self):
        return bool(lib.ilc_snapshot_is_directed(self._h))

    @property
    def loops_dropped(self):
        return lib.ilc_snapshot_loops_dropped(self._h)

    def edges(self):
        """[(from, to, weight), ...] sorted by (from, to)."""
        h, a, b, w = self._h, c_int64(), c_int64(), c_double()
        out = []
        for k in range(lib.ilc_snapshot_edge_count(h)):
            check(lib.ilc_snapshot_edge(h, k, byref(a), byref(b), byref(w)))
            out.append((a.value, b.value, w.value))
        return out

    @property
    def vertex_names(self):
        h = self._h
        return [dec(lib.ilc_snapshot_vertex_name(h, v))
                for v in range(lib.ilc_snapshot_vertex_count(h))]

    def set_vertex_names(self, names):
        names = list(names)
        if len(names) != self.n:
            raise InvalidArgumentError(
                "snapshot: %d names for %d vertices" % (len(names), self.n),
                -1)
        arr, _ = strings(names)
        check(lib.ilc_snapshot_set_vertex_names(self._h, arr))

    @property
    def group_names(self):
        h = self._h
        return [dec(lib.ilc_snapshot_group_name(h, g))
                for g in range(lib.ilc_snapshot_group_count(h))]

    @property
    def groups(self):
        """The group name of every vertex (None: no group)."""
        h = self._h
        return [dec(lib.ilc_snapshot_group_name(
            h, lib.ilc_snapshot_group(h, v)))
            if lib.ilc_snapshot_group(h, v) >= 0 else None
            for v in range(lib.ilc_snapshot_vertex_count(h))]

    @property
    def participants(self):
        """Timeline participant index of every vertex."""
        h = self._h
        return [lib.ilc_snapshot_participant(h, v)
                for v in range(lib.ilc_snapshot_vertex_count(h))]

    def to_graphml(self):
        return take_string(lib.ilc_snapshot_to_graphml, self._h)

    def to_edgelist(self):
        """CSV "src,dst,weight" with vertex names."""
        return take_string(lib.ilc_snapshot_to_edgelist, self._h)

    def __repr__(self):
        if self.closed:
            return "<ilc.Snapshot (closed)>"
        return "<ilc.Snapshot n=%d m=%d %s>" % (
            self.n, self.m, "directed" if self.directed else "undirected")

    # --- per-vertex arrays ----------------------------------------------------

    def _doubles(self, fn, *args):
        out = (c_double * self.n)()
        check(fn(out, self._h, *args))
        return list(out)

    # --- cohesion (ilc/cohesion.h) --------------------------------------------

    def cohesion(self, measures="all", transitivity_zero=False):
        """One-row Table "cohesion" of the chosen measures: a name or a list
        of names among basic, components, transitivity, clustering, paths,
        cores, reciprocity, ei, modularity (or "all", "w1")."""
        o = options("cohesion", measures=cohesion_bits(measures),
                    transitivity_zero=1 if transitivity_zero else 0)
        return table_from(require("ilc_cohesion_snapshot"), self._h,
                          byref(o))

    def cohesion_vertices(self):
        """Per-vertex Table "cohesion_vertices" (degree, component,
        coreness, clustering)."""
        return table_from(require("ilc_cohesion_vertex_table"), self._h)

    def local_clustering(self):
        """Local clustering per vertex (NaN for degree < 2)."""
        return self._doubles(require("ilc_local_clustering"))

    def coreness(self):
        out = (c_int64 * self.n)()
        check(require("ilc_coreness")(out, self._h))
        return list(out)

    def ei(self):
        """Network E-I: {"ei", "external", "internal", "baseline"}
        (ei NaN when there is no tie, baseline NaN for n < 2)."""
        ei, e, i, b = c_double(), c_int64(), c_int64(), c_double()
        check(require("ilc_ei")(byref(ei), byref(e), byref(i), byref(b),
                                self._h))
        return {"ei": ei.value, "external": e.value, "internal": i.value,
                "baseline": b.value}

    def ei_table(self, level="network", permutations=1000, seed=1):
        """E-I Table at level "network", "group" or "participant", with a
        permutation test of `permutations` label shuffles (0: none)."""
        o = options("ei", level=_choice(_EI_LEVELS, level, "E-I level"),
                    permutations=permutations, seed=seed)
        return table_from(require("ilc_ei_table"), self._h, byref(o))

    def modularity(self):
        """{"modularity": Q, "assortativity": r} of the group partition."""
        q, r = c_double(), c_double()
        check(require("ilc_modularity")(byref(q), byref(r), self._h))
        return {"modularity": q.value, "assortativity": r.value}

    def mixing_matrix(self):
        """Table "mixing": ties between groups, long form."""
        return table_from(require("ilc_mixing_matrix"), self._h)

    # --- brokerage (ilc/brokerage.h) -------------------------------------------

    def gould_fernandez(self, partial_credit=False, level="vertex"):
        """Gould-Fernandez brokerage Table as R sna::brokerage: level
        "vertex" (raw, exp, sd, z per participant), "network" (six role
        rows) or "group" (null-model expectations per group)."""
        if level == "group":
            return table_from(require("ilc_gf_group_table"), self._h)
        o = options("gf", partial_credit=1 if partial_credit else 0)
        fn = {"vertex": "ilc_gf_table", "network": "ilc_gf_network_table"}
        name = _choice(fn, level, "Gould-Fernandez level")
        return table_from(require(name), self._h, byref(o))

    def gf_counts(self, partial_credit=False):
        """Raw role counts per vertex: [[w_I, w_O, b_IO, b_OI, b_O], ...]."""
        n = self.n
        out = (c_double * (5 * n))()
        check(require("ilc_gf_counts")(out, self._h,
                                       1 if partial_credit else 0))
        return [list(out[5 * v:5 * v + 5]) for v in range(n)]

    def constraint(self, weighted=True):
        """Burt's constraint per vertex (NaN for an isolate)."""
        return self._doubles(require("ilc_constraint"),
                             1 if weighted else 0)

    def holes(self, weighted=True):
        """Structural-holes Table: degree, constraint, effective_size,
        efficiency, hierarchy per vertex."""
        return table_from(require("ilc_holes_table"), self._h,
                          1 if weighted else 0)

    # --- paths (ilc/paths.h) ------------------------------------------------------

    def betweenness(self, lengths="hops", cutoff=None, normalized=False,
                    threads=0):
        """Betweenness per vertex (igraph 0.10's definition).  lengths:
        "hops", "weight" or "inverse" (1/weight); cutoff: None = no limit;
        normalized: divide by the number of pairs (NaN for n < 3)."""
        o = betweenness_options(lengths, cutoff, normalized, threads)
        return self._doubles(require("ilc_betweenness"), byref(o))

    def betweenness_table(self, lengths="hops", cutoff=None, threads=0):
        """Table: betweenness, betweenness_norm, is_cut_vertex per vertex."""
        o = betweenness_options(lengths, cutoff, False, threads)
        return table_from(require("ilc_betweenness_table"), self._h,
                          byref(o))

    def cut_vertices(self):
        """The articulation points, as a sorted list of vertex ids."""
        out = (c_uint8 * self.n)()
        check(require("ilc_cut_vertices")(out, None, self._h))
        return [v for v, f in enumerate(out) if f]

    def bridges(self):
        """The bridges, as a list of edge indices (edges() order)."""
        out = (c_uint8 * self.m)()
        check(require("ilc_bridges")(out, None, self._h))
        return [k for k, f in enumerate(out) if f]

    def bridging_ties(self, cross_only=False):
        """Ties Table with groups, cross_group and is_bridge per edge."""
        return table_from(require("ilc_bridging_ties_table"), self._h,
                          1 if cross_only else 0)
