"""Tests of the Python binding (run: cd bindings/python && python3 -m
unittest discover -s tests, or ctest -R python_binding).

Expected values come from /work/shared/reference/METRICS.md (ILC-9,
Florentine families, the Kaplan-Meier vector of §4.2, §4.3-4.4), from the
CSV files themselves (counted here with the csv module) and from the
generator's truth.json -- never from what the binding printed.
"""

import contextlib
import csv
import ctypes
import io
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.environ.get("ILC_SOURCE_DIR") or os.path.normpath(
    os.path.join(HERE, "..", "..", ".."))
sys.path.insert(0, os.path.dirname(HERE))

try:
    import ilc
    from ilc import _lib
except ImportError as e:  # no shared library: skip, saying why
    if "not found" in str(e) or "does not exist" in str(e):
        raise unittest.SkipTest(str(e))
    raise

DATASET = os.path.join(ROOT, "datasets", "persisting")
DAY = 86400
TIME_MIN, TIME_MAX = -(1 << 63), (1 << 63) - 1

# ILC-9 (METRICS.md §1.4 Example 2 and §6), 0-based
ILC9_EDGES = [(0, 1), (0, 2), (0, 3), (0, 5), (1, 2), (1, 3), (1, 7), (2, 4),
              (3, 4), (3, 6), (4, 5), (4, 8), (6, 7), (6, 8), (7, 8)]
ILC9_ARCS = [(1, 2), (2, 3), (3, 1), (2, 4), (4, 5), (5, 6), (4, 7), (7, 8),
             (8, 9), (9, 7), (6, 1), (3, 5), (8, 2), (1, 4), (5, 9)]
ILC9_ARCS = [(a - 1, b - 1) for a, b in ILC9_ARCS]
ILC9_GROUPS = list("AAABBBCCC")

KM_TIME = [1, 1, 2, 2, 3, 3, 4, 5, 6, 6]
KM_STATUS = [1, 1, 1, 0, 1, 1, 0, 1, 0, 0]
KM_BRIDGE = [1, 1, 1, 0, 1, 0, 0, 0, 0, 0]


def csv_rows(name, directory=DATASET):
    with open(os.path.join(directory, name), newline="") as f:
        return list(csv.DictReader(f))


class Case(unittest.TestCase):
    def assertClose(self, a, b, tol=1e-6, msg=None):
        if b is None or (isinstance(b, float) and math.isnan(b)):
            self.assertTrue(a is None or math.isnan(a),
                            msg or "%r is not NaN/None" % (a,))
            return
        self.assertIsNotNone(a, msg)
        self.assertLessEqual(abs(a - b), tol * max(1.0, abs(b)),
                             msg or "%r != %r (tol %g)" % (a, b, tol))

    def assertAllClose(self, xs, ys, tol=1e-6):
        self.assertEqual(len(xs), len(ys))
        for i, (a, b) in enumerate(zip(xs, ys)):
            self.assertClose(a, b, tol, "item %d: %r != %r" % (i, a, b))

    def assertRaisesIlc(self, cls, fragment):
        """assertRaises for an ilc.Error whose message contains fragment."""
        outer = self

        @contextlib.contextmanager
        def ctx():
            with outer.assertRaises(cls) as cm:
                yield cm
            outer.assertIn(fragment, cm.exception.message)
            outer.assertEqual(cm.exception.code, cls.code)
            outer.assertEqual(cm.exception.name,
                              ilc._lib.lib.ilc_error_name(cls.code).decode())
        return ctx()

    def tearDown(self):
        import gc
        gc.collect()
        self.assertEqual(ilc.live_handles(), {}, "handles leaked by the test")


# --- library, version, struct mirrors ---------------------------------------


class TestLibrary(Case):
    def test_version(self):
        self.assertRegex(ilc.version(), r"^\d+\.\d+\.\d+$")
        major, minor, patch = map(int, ilc.version().split("."))
        self.assertEqual(ilc.version_number(),
                         major * 10000 + minor * 100 + patch)
        self.assertTrue(os.path.exists(ilc.library_path())
                        or os.path.sep not in ilc.library_path())

    def test_time_and_duration(self):
        self.assertEqual(ilc.parse_time("2024-05-13"), 1715558400)
        self.assertEqual(ilc.parse_time("2024-05-13T09:30:00Z"), 1715592600)
        self.assertEqual(ilc.parse_time("2024-05-13T11:30:00+02:00"),
                         1715592600)
        self.assertEqual(ilc.format_time(1715592600), "2024-05-13T09:30:00Z")
        self.assertEqual(ilc.parse_duration("30d"), 30 * DAY)
        self.assertEqual(ilc.parse_duration("2w"), 14 * DAY)
        self.assertEqual(ilc.parse_duration("90"), 90)
        with self.assertRaisesIlc(ilc.ParseError, '"2024-13-45"'):
            ilc.parse_time("2024-13-45")
        with self.assertRaises(ilc.ParseError):
            ilc.parse_duration("ten days")

    def test_error_hierarchy(self):
        self.assertTrue(issubclass(ilc.ParseError, ValueError))
        self.assertTrue(issubclass(ilc.NotFoundError, LookupError))
        self.assertTrue(issubclass(ilc.SchemaError, ilc.StoreError))
        for code in range(-1, -13, -1):
            cls = ilc.error_class(code)
            self.assertTrue(issubclass(cls, ilc.Error))
            self.assertEqual(cls.code, code)
        self.assertIs(ilc.error_class(-99), ilc.Error)


OPTION_DEFAULTS = {
    "import": dict(version=1, auto_create_participants=0, allow_repeat=0,
                   directed=-1, group_attribute=None, progress=False,
                   progress_ctx=None),
    "timeline": dict(version=1, from_=TIME_MIN, to=TIME_MAX, direction=-1,
                     group_attr=None, channels=False, nchannels=0,
                     participants=False, nparticipants=0, keep_loops=0),
    "snapshot": dict(version=1, vertices=0, weight=0, half_life=0),
    "cohesion": dict(version=1, measures=0x1ff, transitivity_zero=0,
                     vertices=0),
    "ei": dict(version=1, level=0, permutations=1000, seed=1),
    "gf": dict(version=1, partial_credit=0),
    "brokerage_series": dict(version=1, measures=3, partial_credit=0,
                             weighted=1),
    "betweenness": dict(version=1, weighted=0, cutoff=-1.0, normalized=0,
                        threads=0),
    "km": dict(version=1, conf_level=0.95, ci=0),
    "spells": dict(version=1, dormancy=90 * DAY, obs_start=TIME_MIN,
                   obs_end=TIME_MAX),
    "staying": dict(version=1, dormancy=90 * DAY, horizon=180 * DAY,
                    horizons=False, nhorizons=0, conf_level=0.95,
                    threshold=0.5, baseline=84 * DAY, follow=364 * DAY,
                    bin=7 * DAY),
    "learning": dict(version=1, from_=TIME_MIN, to=TIME_MAX, after=180 * DAY,
                     include_event=0, country_from_groups=0,
                     policy_roles=False, npolicy_roles=0,
                     implementation_roles=False, nimplementation_roles=0),
    "participation": dict(version=1, from_=TIME_MIN, to=TIME_MAX,
                          top_percent=10.0),
    "paths_series": dict(version=1),
}

C_NAMES = {
    "ImportOptions": "ilc_import_options", "ImportStats": "ilc_import_stats",
    "ImportFiles": "ilc_import_files", "StoreSummary": "ilc_store_summary",
    "TimelineOptions": "ilc_timeline_options",
    "SnapshotOptions": "ilc_snapshot_options", "Window": "ilc_window",
    "CohesionOptions": "ilc_cohesion_options", "EiOptions": "ilc_ei_options",
    "GfOptions": "ilc_gf_options",
    "BrokerageSeriesOptions": "ilc_brokerage_series_options",
    "BetweennessOptions": "ilc_betweenness_options",
    "KmOptions": "ilc_km_options", "KmPoint": "ilc_km_point",
    "LogrankResult": "ilc_logrank_result",
    "SpellsOptions": "ilc_spells_options", "Spell": "ilc_spell",
    "StayingOptions": "ilc_staying_options",
    "StayingSummary": "ilc_staying_summary",
    "LearningOptions": "ilc_learning_options",
    "ParticipationOptions": "ilc_participation_options",
    "PathsSeriesOptions": "ilc_paths_series_options",
}

SENTINEL = 0xAB
SLACK = 64


def sentinel_struct(struct):
    """(instance, buffer): the struct laid over a buffer SLACK bytes longer,
    every byte set to SENTINEL."""
    buf = (ctypes.c_uint8 * (ctypes.sizeof(struct) + SLACK))(
        *([SENTINEL] * (ctypes.sizeof(struct) + SLACK)))
    return struct.from_buffer(buf), buf


class TestStructMirrors(Case):
    """The ctypes mirrors have the C layout: the init functions (and the
    functions filling result structs) write exactly the mirrored bytes, and
    every field reads back the documented default."""

    def check_tail(self, struct, buf):
        tail = list(buf[ctypes.sizeof(struct):])
        self.assertEqual(tail, [SENTINEL] * SLACK,
                         "%s: C wrote past the mirror" % struct.__name__)

    def check_value(self, got, want, name):
        if want is False:  # a NULL pointer
            self.assertFalse(got, name)
        elif isinstance(want, float):
            self.assertClose(got, want, 1e-15, name)
        else:
            self.assertEqual(got, want, name)

    def test_option_inits(self):
        for kind, (struct, init, version) in _lib.OPTIONS.items():
            with self.subTest(kind=kind):
                if not _lib.has(init):
                    self.skipTest("%s not exported yet" % init)
                o, buf = sentinel_struct(struct)
                rc = getattr(_lib.lib, init)(ctypes.byref(o), version)
                self.assertEqual(rc, 0)
                self.check_tail(struct, buf)
                for name, want in OPTION_DEFAULTS[kind].items():
                    self.check_value(getattr(o, name), want, name)
                if kind in ("brokerage_series", "paths_series"):
                    self.assertEqual((o.snapshot.version, o.snapshot.vertices,
                                      o.snapshot.weight,
                                      o.snapshot.half_life), (1, 0, 0, 0))
                if kind == "paths_series":
                    b = o.betweenness
                    self.assertEqual((b.version, b.weighted, b.cutoff,
                                      b.normalized, b.threads),
                                     (1, 0, -1.0, 0, 0))
                # a version the library does not know
                rc = getattr(_lib.lib, init)(ctypes.byref(o), version + 100)
                self.assertEqual(rc, ilc.InvalidArgumentError.code)

    def test_result_structs(self):
        with ilc.Store(":memory:") as st:
            s, buf = sentinel_struct(_lib.StoreSummary)
            self.assertEqual(_lib.lib.ilc_store_summarize(ctypes.byref(s),
                                                          st._h), 0)
            self.check_tail(_lib.StoreSummary, buf)
            self.assertEqual((s.interactions, s.first, s.last,
                              s.schema_version), (0, 0, 0, 1))
        with ilc.km_fit(KM_TIME, KM_STATUS) as km:
            p, buf = sentinel_struct(_lib.KmPoint)
            self.assertEqual(_lib.lib.ilc_km_get(ctypes.byref(p), km._h, 0),
                             0)
            self.check_tail(_lib.KmPoint, buf)
            self.assertEqual((p.time, p.n_risk, p.n_event, p.n_censor),
                             (1.0, 10, 2, 0))
            self.assertClose(p.upper, min(1.0, p.upper))
        with ilc.Spells.compute([0, 10], [0, 0], [1, 1]) as sp:
            p, buf = sentinel_struct(_lib.Spell)
            self.assertEqual(_lib.lib.ilc_spells_get(ctypes.byref(p), sp._h,
                                                     0), 0)
            self.check_tail(_lib.Spell, buf)
            self.assertEqual((p.a, p.b, p.first, p.last, p.contacts,
                              p.index, p.first_row), (0, 1, 0, 10, 2, 0, 0))
        r, buf = sentinel_struct(_lib.LogrankResult)
        g = (ctypes.c_int32 * 10)(*KM_BRIDGE)
        rc = _lib.lib.ilc_logrank(ctypes.byref(r), None, None,
                                  (ctypes.c_double * 10)(*KM_TIME),
                                  (ctypes.c_int * 10)(*KM_STATUS), g, 2, 10)
        self.assertEqual(rc, 0)
        self.check_tail(_lib.LogrankResult, buf)
        self.assertEqual(r.df, 1)
        self.assertClose(r.chisq, 8.186317)

    def test_layout_against_c_compiler(self):
        """offsetof and sizeof of every mirrored struct, from the headers."""
        cc = shutil.which("cc") or shutil.which("gcc")
        inc = os.path.join(ROOT, "libilc", "include")
        if not cc or not os.path.exists(os.path.join(inc, "ilc.h")):
            self.skipTest("no C compiler or no libilc headers")
        lines = ["#include <stddef.h>", "#include <stdio.h>",
                 "#include <ilc.h>", "int main(void) {"]
        structs = {n: getattr(_lib, n) for n in C_NAMES}
        for pyname, struct in structs.items():
            c = C_NAMES[pyname]
            lines.append('printf("%s sizeof %%zu\\n", sizeof(%s));'
                         % (pyname, c))
            for field, _ in struct._fields_:
                cf = field.rstrip("_")
                lines.append('printf("%s %s %%zu\\n", offsetof(%s, %s));'
                             % (pyname, field, c, cf))
        lines.append("return 0; }")
        tmp = tempfile.mkdtemp(prefix="ilc-py-layout-")
        try:
            src = os.path.join(tmp, "layout.c")
            exe = os.path.join(tmp, "layout")
            with open(src, "w") as f:
                f.write("\n".join(lines) + "\n")
            subprocess.run([cc, "-std=c11", "-I", inc, src, "-o", exe],
                           check=True, capture_output=True,
                           env=dict(os.environ, LD_PRELOAD=""))
            out = subprocess.run([exe], check=True, capture_output=True,
                                 text=True,
                                 env=dict(os.environ, LD_PRELOAD="")).stdout
        finally:
            shutil.rmtree(tmp)
        for line in out.splitlines():
            pyname, field, value = line.split()
            struct = structs[pyname]
            if field == "sizeof":
                self.assertEqual(ctypes.sizeof(struct), int(value), pyname)
            else:
                self.assertEqual(getattr(struct, field).offset, int(value),
                                 "%s.%s" % (pyname, field))


# --- store, import, errors -----------------------------------------------------


class TestStore(Case):
    def test_import_dataset_counts_equal_csv_rows(self):
        with ilc.Store(":memory:") as store:
            stats = store.import_dataset(DATASET)
            s = store.summary()
        inter = csv_rows("interactions.csv")
        want = {name: len(csv_rows(name + ".csv")) for name in (
            "countries", "participants", "events", "attendance")}
        want["interactions"] = len(inter)
        for k, v in want.items():
            self.assertEqual(s[k], v, k)
            self.assertEqual(stats[k], v, k)
        self.assertEqual(s["channels"], len({r["channel"] for r in inter}))
        self.assertEqual(s["first"], min(int(r["ts"]) for r in inter))
        self.assertEqual(s["last"], max(int(r["ts"]) for r in inter))
        self.assertEqual(s["schema_version"], 1)
        self.assertTrue(store.closed)

    def test_file_store_and_meta(self):
        tmp = tempfile.mkdtemp(prefix="ilc-py-")
        try:
            path = os.path.join(tmp, "a.ilc")
            with ilc.Store(path) as st:
                st.import_csv(
                    participants=os.path.join(DATASET, "participants.csv"),
                    countries=os.path.join(DATASET, "countries.csv"))
                st.set_meta("title", "persisting sample")
            with ilc.Store(path, create=False, readonly=True) as st:
                self.assertEqual(st.summary()["participants"], 240)
                self.assertEqual(st.meta("title"), "persisting sample")
                self.assertIsNone(st.meta("no-such-key"))
        finally:
            shutil.rmtree(tmp)

    def test_open_errors(self):
        tmp = tempfile.mkdtemp(prefix="ilc-py-")
        try:
            with self.assertRaisesIlc(ilc.NotFoundError, "none.ilc"):
                ilc.Store(os.path.join(tmp, "none.ilc"), create=False)
            junk = os.path.join(tmp, "junk.ilc")
            with open(junk, "w") as f:
                f.write("this is not an SQLite database, only some text\n" * 4)
            with self.assertRaisesIlc(ilc.SchemaError, "junk.ilc"):
                ilc.Store(junk, create=False)
        finally:
            shutil.rmtree(tmp)

    def test_bad_timestamp_is_a_parse_error_with_position(self):
        tmp = tempfile.mkdtemp(prefix="ilc-py-")
        try:
            with open(os.path.join(tmp, "participants.csv"), "w") as f:
                f.write("id,country\na,AT\nb,BE\n")
            with open(os.path.join(tmp, "interactions.csv"), "w") as f:
                f.write("ts,src,dst\n1704067200,a,b\n2024-13-45,a,b\n")
            with ilc.Store(":memory:") as st:
                with self.assertRaisesIlc(
                        ilc.ParseError,
                        'interactions.csv:3:1: invalid timestamp '
                        '"2024-13-45"') as cm:
                    st.import_dataset(tmp)
                self.assertIsInstance(cm.exception, ValueError)
                self.assertIn("ILC_EPARSE", str(cm.exception))
                # one transaction: nothing was imported
                s = st.summary()
                self.assertEqual((s["participants"], s["interactions"]),
                                 (0, 0))
        finally:
            shutil.rmtree(tmp)

    def test_other_import_errors(self):
        with ilc.Store(":memory:") as st:
            with self.assertRaises(ilc.NotFoundError):
                st.import_dataset(os.path.join(ROOT, "docs"))
            st.import_dataset(DATASET)
            with self.assertRaisesIlc(ilc.ExistsError, "already imported"):
                st.import_dataset(DATASET)
            with self.assertRaisesIlc(ilc.NotFoundError, '"nobody"'):
                st.timeline(participants=["nobody"])
        with self.assertRaisesIlc(ilc.InvalidArgumentError, "closed"):
            st.summary()

    def test_other_formats(self):
        tmp = tempfile.mkdtemp(prefix="ilc-py-")
        try:
            def write(name, text):
                path = os.path.join(tmp, name)
                with open(path, "w") as f:
                    f.write(text)
                return path
            doc = write("d.json", json.dumps({
                "directed": False,
                "countries": [{"code": "FR"}, {"code": "DE"}],
                "participants": [{"id": "p1", "country": "FR"},
                                 {"id": "p2", "country": "DE"}],
                "interactions": [{"ts": 1715600000, "src": "p1",
                                  "dst": "p2"},
                                 {"ts": "2024-05-14", "src": "p2",
                                  "dst": "p1"}]}))
            with ilc.Store(":memory:") as st:
                stats = st.import_json(doc)
                s = st.summary()
                self.assertEqual((stats["interactions"], s["participants"],
                                  s["directed"]), (2, 2, False))
            contacts = write("sp.txt", "20 1 2\n40 1 3\n60 2 2\n")
            meta = write("meta.txt", "1 A\n2 A\n3 B\n")
            with ilc.Store(":memory:") as st:
                stats = st.import_sociopatterns(contacts, meta)
                self.assertEqual(stats["self_loops_dropped"], 1)
                with st.timeline() as tl:
                    self.assertEqual((tl.count, tl.directed, tl.groups),
                                     (2, False, ["A", "B"]))
            edges = write("snap.txt", "# src dst t\n1 2 100\n2 1 50\n")
            with ilc.Store(":memory:") as st:
                st.import_snap(edges)
                s = st.summary()
                self.assertEqual((s["interactions"], s["first"],
                                  s["directed"]), (2, 50, True))
            bad = write("bad.txt", "1 2 soon\n")
            with ilc.Store(":memory:") as st:
                with self.assertRaisesIlc(ilc.ParseError, "bad.txt:1"):
                    st.import_snap(bad)
            bad = write("bad.json", '{"interactions": [{"ts": "x", '
                                    '"src": "a", "dst": "b"}]}')
            with ilc.Store(":memory:") as st:
                with self.assertRaisesIlc(ilc.ParseError,
                                          "interactions[0].ts"):
                    st.import_json(bad)
        finally:
            shutil.rmtree(tmp)

    def test_timeline_of_store(self):
        with ilc.Store(":memory:") as st:
            st.import_dataset(DATASET)
            tl = st.timeline()
        with tl:  # the timeline outlives its store
            parts = csv_rows("participants.csv")
            self.assertEqual(tl.count, len(csv_rows("interactions.csv")))
            self.assertEqual(sorted(tl.participants),
                             sorted(r["id"] for r in parts))
            self.assertEqual(tl.groups,
                             sorted({r["country"] for r in parts}))
            p = tl.participant(parts[1]["id"])
            self.assertEqual((p["country"], p["role"], p["sector"]),
                             (parts[1]["country"], parts[1]["role"],
                              parts[1]["sector"]))
            events = csv_rows("events.csv")
            att = csv_rows("attendance.csv")
            self.assertEqual([e["id"] for e in tl.events],
                             [e["id"] for e in events])
            e0 = tl.events[0]
            self.assertEqual((e0["start"], e0["end"]),
                             (int(events[0]["start"]), int(events[0]["end"])))
            self.assertEqual(sorted(e0["attendees"]), sorted(
                r["participant"] for r in att if r["event"] == e0["id"]))
            cols = tl.interactions()
            self.assertEqual(cols["ts"], sorted(cols["ts"]))
            with self.assertRaises(ilc.NotFoundError):
                tl.event_index("no-such-event")
        # filters: a time range and a group attribute
        with ilc.Store(":memory:") as st:
            st.import_dataset(DATASET)
            ts = [int(r["ts"]) for r in csv_rows("interactions.csv")]
            cut = sorted(ts)[len(ts) // 2]
            with st.timeline(from_=cut, group="sector") as tl:
                self.assertEqual(tl.count, sum(1 for t in ts if t >= cut))
                self.assertEqual(tl.group_attr, "sector")
                self.assertEqual(tl.groups, sorted(
                    {r["sector"] for r in csv_rows("participants.csv")}))


# --- snapshots and measures --------------------------------------------------


class TestSnapshotIlc9(Case):
    def setUp(self):
        self.g = ilc.Snapshot.from_edges(ILC9_EDGES, groups=ILC9_GROUPS)
        self.d = ilc.Snapshot.from_edges(ILC9_ARCS, groups=ILC9_GROUPS,
                                         directed=True)

    def tearDown(self):
        self.g.close()
        self.d.close()
        Case.tearDown(self)

    def test_structure(self):
        self.assertEqual((self.g.n, self.g.m, self.g.directed), (9, 15, False))
        self.assertEqual(self.g.groups, ILC9_GROUPS)
        self.assertEqual(self.g.vertex_names, [str(v) for v in range(9)])
        self.assertEqual([e[:2] for e in self.g.edges()], ILC9_EDGES)
        self.assertEqual(self.g.cut_vertices(), [])
        self.assertEqual(self.g.bridges(), [])
        self.assertIn("<graphml", self.g.to_graphml())

    def test_holes(self):
        self.assertAllClose(self.g.constraint(), [
            0.414497, 0.414497, 0.458333, 0.320312, 0.25, 0.5, 0.506173,
            0.506173, 0.506173])
        self.assertAllClose(self.d.constraint(), self.g.constraint())
        with self.g.holes() as t:
            rows = t.rows()
            self.assertIn("measure", t.conventions)
        self.assertAllClose([r["effective_size"] for r in rows], [
            3, 3, 2.333333, 3.5, 4, 2, 2.333333, 2.333333, 2.333333])
        self.assertAllClose([r["efficiency"] for r in rows], [
            0.75, 0.75, 0.777778, 0.875, 1, 1, 0.777778, 0.777778, 0.777778])
        self.assertAllClose([r["hierarchy"] for r in rows], [
            0.037586, 0.037586, 0.017879, 0.017522, 0, 0, 0.028517, 0.028517,
            0.028517], tol=1e-5)
        self.assertEqual([r["group"] for r in rows], ILC9_GROUPS)

    def test_betweenness(self):
        self.assertAllClose(self.g.betweenness(), [
            3.366667, 3.933333, 1.033333, 4.5, 6.0, 0.533333, 1.2, 1.9,
            2.533333])
        self.assertAllClose(self.d.betweenness(), [
            13, 19, 8.5, 16.5, 14, 5, 15, 15, 4])
        for threads in (1, 3):
            self.assertEqual(self.g.betweenness(threads=threads),
                             self.g.betweenness())
        with self.g.betweenness_table() as t:
            rows = t.rows()
        self.assertAllClose([r["betweenness"] for r in rows],
                            self.g.betweenness(), 1e-12)
        self.assertAllClose([r["betweenness_norm"] for r in rows],
                            [b / 28 for b in self.g.betweenness()], 1e-9)
        self.assertEqual({r["is_cut_vertex"] for r in rows}, {0})
        with self.assertRaises(ilc.InvalidArgumentError):
            self.g.betweenness(lengths="miles")

    def test_cohesion(self):
        with self.g.cohesion() as t:
            (row,) = t.rows()
            self.assertEqual(t.name, "cohesion")
            conv = t.conventions
        self.assertEqual((row["n"], row["m"], row["components"]), (9, 15, 1))
        self.assertClose(row["density"], 0.416667)
        self.assertClose(row["transitivity"], 0.243243)
        self.assertClose(row["apl"], 1.694444)
        self.assertClose(row["modularity"], 0.197778)
        self.assertClose(row["assortativity"], 0.297659)
        self.assertClose(row["ei"], -0.066667)
        self.assertEqual((row["external"], row["internal"]), (7, 8))
        self.assertClose(row["ei_baseline"], 0.5)
        self.assertIsNone(row["reciprocity"])  # undirected: null
        self.assertEqual(row["max_core"], 3)
        self.assertTrue(conv)
        self.assertEqual(self.g.coreness(), [3, 3, 3, 3, 3, 2, 3, 3, 3])
        self.assertAllClose(self.g.local_clustering(), [
            1 / 3, 1 / 3, 1 / 3, 1 / 6, 0, 0, 1 / 3, 1 / 3, 1 / 3])
        with self.d.cohesion(["basic", "paths", "reciprocity",
                              "modularity"]) as t:
            (row,) = t.rows()
            self.assertNotIn("transitivity", t.columns)
        self.assertClose(row["density"], 0.208333)
        self.assertClose(row["apl"], 2.527778)
        self.assertClose(row["reciprocity"], 0.0)
        self.assertClose(row["modularity"], 0.2)
        self.assertClose(row["assortativity"], 0.3)
        with self.assertRaises(ilc.InvalidArgumentError):
            self.g.cohesion("cohesiveness")

    def test_groups(self):
        ei = self.g.ei()
        self.assertEqual((ei["external"], ei["internal"]), (7, 8))
        self.assertClose(ei["ei"], -0.066667)
        self.assertClose(ei["baseline"], 0.5)
        with self.g.ei_table(level="group", permutations=0) as t:
            rows = {r["group"]: r for r in t.rows()}
        self.assertClose(rows["A"]["ei"], 0.25)
        self.assertClose(rows["B"]["ei"], 0.5)
        self.assertClose(rows["C"]["ei"], 0.0)
        self.assertIsNone(rows["A"]["p_two"])  # no permutation test
        with self.g.ei_table(level="participant", permutations=0) as t:
            self.assertAllClose([r["ei"] for r in t.rows()], [
                0, 0, -1 / 3, .5, 0, 0, -1 / 3, -1 / 3, -1 / 3])
        q = self.g.modularity()
        self.assertClose(q["modularity"], 0.197778)
        self.assertClose(q["assortativity"], 0.297659)
        with self.g.mixing_matrix() as t:
            self.assertEqual(sum(r["ties"] for r in t.rows()), 15)

    def test_gould_fernandez(self):
        raw = [(1, 1, 1, 1, 0), (1, 0, 0, 1, 1), (1, 0, 1, 0, 0),
               (0, 0, 0, 2, 2), (1, 0, 1, 1, 1), (0, 0, 1, 0, 0),
               (1, 0, 0, 1, 0), (1, 0, 1, 0, 0), (1, 0, 0, 1, 0)]
        self.assertEqual([tuple(r) for r in self.d.gf_counts()], raw)
        with self.d.gould_fernandez(level="network") as t:
            rows = t.rows()
        self.assertEqual([r["role"] for r in rows],
                         ["w_I", "w_O", "b_IO", "b_OI", "b_O", "t"])
        self.assertAllClose([r["raw"] for r in rows], [7, 1, 5, 7, 4, 24])
        self.assertAllClose([r["exp"] for r in rows], [
            0.618490, 3.710938, 3.710938, 3.710938, 5.566406, 17.317708])
        self.assertAllClose([r["z"] for r in rows], [
            7.3261, -1.0506, 0.5047, 1.2877, -0.4760, 0.8475], tol=1e-4)
        with self.d.gould_fernandez() as t:
            v1 = t.rows()[0]
        self.assertAllClose([v1[k] for k in ("z_w_I", "z_w_O", "z_b_IO",
                                             "z_b_OI", "z_b_O", "z_t")],
                            [3.6152, 0.8263, 0.6920, 0.6920, -0.6447,
                             0.9404], tol=1e-4)
        with self.d.gould_fernandez(level="group") as t:
            self.assertAllClose(
                [t.rows()[0][k] for k in ("exp_w_I", "exp_t")],
                [0.068721, 1.92419])
        with self.d.gould_fernandez(partial_credit=True) as t:
            self.assertIsNone(t.rows()[0]["z_t"])  # no null model


class TestSnapshotOther(Case):
    def test_florentine_betweenness(self):
        pairs = [
            "Acciaiuoli-Medici", "Albizzi-Ginori", "Albizzi-Guadagni",
            "Albizzi-Medici", "Barbadori-Castellani", "Barbadori-Medici",
            "Bischeri-Guadagni", "Bischeri-Peruzzi", "Bischeri-Strozzi",
            "Castellani-Peruzzi", "Castellani-Strozzi",
            "Guadagni-Lamberteschi", "Guadagni-Tornabuoni", "Medici-Ridolfi",
            "Medici-Salviati", "Medici-Tornabuoni", "Pazzi-Salviati",
            "Peruzzi-Strozzi", "Ridolfi-Strozzi", "Ridolfi-Tornabuoni"]
        names = sorted({x for p in pairs for x in p.split("-")})
        edges = [tuple(names.index(x) for x in p.split("-")) for p in pairs]
        with ilc.Snapshot.from_edges(edges, names=names) as g:
            b = dict(zip(g.vertex_names, g.betweenness()))
            bn = dict(zip(g.vertex_names, g.betweenness(normalized=True)))
        self.assertClose(b["Medici"], 47.5)
        self.assertClose(b["Guadagni"], 23.1667, 1e-5)
        self.assertClose(bn["Medici"], 0.522, 1e-3)
        self.assertEqual(b["Pazzi"], 0.0)

    def test_awkward_inputs(self):
        with ilc.Snapshot.from_edges([]) as g:
            self.assertEqual((g.n, g.m), (0, 0))
            with g.cohesion() as t:
                (row,) = t.rows()
            self.assertEqual(row["n"], 0)
            self.assertIsNone(row["density"])  # NaN -> None
            self.assertEqual(g.betweenness(), [])
        with ilc.Snapshot.from_edges([], n=1) as g:
            self.assertTrue(math.isnan(g.constraint()[0]))  # isolate
            self.assertEqual(g.betweenness(), [0.0])
        # self-loops dropped, parallel edges collapsed with summed weights
        with ilc.Snapshot.from_edges([(0, 0), (0, 1), (1, 0), (1, 2)],
                                     weights=[5, 1, 2, 0.5]) as g:
            self.assertEqual(g.loops_dropped, 1)
            self.assertEqual(g.edges(), [(0, 1, 3.0), (1, 2, 0.5)])
            self.assertEqual(g.cut_vertices(), [1])
            self.assertEqual(g.bridges(), [0, 1])
        # isolates and two components
        with ilc.Snapshot.from_edges([(0, 1), (2, 3)], n=5) as g:
            with g.cohesion("components") as t:
                (row,) = t.rows()
            self.assertEqual((row["components"], row["giant_size"]), (3, 2))
            self.assertTrue(math.isnan(g.constraint()[4]))
        with self.assertRaisesIlc(ilc.InvalidArgumentError, "3"):
            ilc.Snapshot.from_edges([(0, 3)], n=2)
        with self.assertRaises(ilc.InvalidArgumentError):
            ilc.Snapshot.from_edges([(0, 1)], weights=[-1.0])

    def test_window_edges(self):
        # interactions at 0, 10 and 20: windows are half-open [start, end)
        with ilc.Timeline.from_arrays([0, 10, 20], [0, 1, 0], [1, 2, 2],
                                      participants=["a", "b", "c"],
                                      groups=["X", "X", "Y"]) as tl:
            self.assertEqual((tl.count, tl.first, tl.last), (3, 0, 20))
            with tl.snapshot(0, 20) as s:
                self.assertEqual(s.m, 2)
                self.assertEqual(s.vertex_names, ["a", "b", "c"])
                self.assertEqual(s.groups, ["X", "X", "Y"])
            with tl.snapshot(10, 20) as s:
                self.assertEqual((s.n, s.m), (2, 1))
            with tl.snapshot(10, 20, all_vertices=True) as s:
                self.assertEqual((s.n, s.m), (3, 1))
            with tl.snapshot(20, 20) as s:
                self.assertEqual((s.n, s.m), (0, 0))
            self.assertEqual(tl.windows(10, 10), [(0, 10), (10, 20),
                                                  (20, 30)])
            with tl.cohesion_series(windows=[(0, 10), (0, 21)],
                                    measures="basic") as t:
                self.assertEqual([r["m"] for r in t.rows()], [1, 3])
            with self.assertRaises(ilc.InvalidArgumentError):
                tl.windows(0)


class TestSeries(Case):
    """Series over windows: a window of the whole period of a timeline of
    the ILC-9 contacts gives the ILC-9 values of METRICS.md."""

    def timeline(self, directed):
        edges = ILC9_ARCS if directed else ILC9_EDGES
        return ilc.Timeline.from_arrays(
            list(range(len(edges))), [a for a, _ in edges],
            [b for _, b in edges], participants=["v%d" % i for i in range(9)],
            groups=ILC9_GROUPS, directed=directed)

    def test_paths_series(self):
        with self.timeline(False) as tl:
            if not _lib.has("ilc_paths_series"):
                self.skipTest("ilc_paths_series is not in this libilc yet")
            with tl.paths_series(windows=[(0, 15), (0, 1)]) as t:
                rows = t.rows()
        whole = [r for r in rows if r["window"] == 0]
        self.assertEqual([r["participant"] for r in whole],
                         ["v%d" % i for i in range(9)])
        self.assertAllClose([r["betweenness"] for r in whole], [
            3.366667, 3.933333, 1.033333, 4.5, 6.0, 0.533333, 1.2, 1.9,
            2.533333])
        first = [r for r in rows if r["window"] == 1]
        self.assertEqual([r["participant"] for r in first], ["v0", "v1"])

    def test_brokerage_series(self):
        with self.timeline(True) as tl:
            with tl.brokerage_series(windows=[(0, 15)]) as t:
                rows = t.rows()
        raw = [(1, 1, 1, 1, 0), (1, 0, 0, 1, 1), (1, 0, 1, 0, 0),
               (0, 0, 0, 2, 2), (1, 0, 1, 1, 1), (0, 0, 1, 0, 0),
               (1, 0, 0, 1, 0), (1, 0, 1, 0, 0), (1, 0, 0, 1, 0)]
        self.assertEqual([tuple(r[k] for k in ("w_I", "w_O", "b_IO", "b_OI",
                                               "b_O")) for r in rows], raw)
        self.assertAllClose([r["constraint"] for r in rows], [
            0.414497, 0.414497, 0.458333, 0.320312, 0.25, 0.5, 0.506173,
            0.506173, 0.506173])

    def test_cohesion_series(self):
        with self.timeline(False) as tl:
            with tl.cohesion_series(windows=[(0, 15)]) as t:
                (row,) = t.rows()
                self.assertIn("window", t.conventions)
        self.assertEqual((row["n"], row["m"]), (9, 15))
        self.assertClose(row["transitivity"], 0.243243)
        self.assertClose(row["modularity"], 0.197778)


# --- survival and decay -----------------------------------------------------------


class TestSurvival(Case):
    def test_km_vector(self):
        with ilc.km_fit(KM_TIME, KM_STATUS) as km:
            events = [p for p in km.points() if p["n_event"] > 0]
            self.assertEqual((km.n, km.events), (10, 6))
            self.assertEqual([p["time"] for p in events], [1, 2, 3, 5])
            self.assertEqual([p["n_risk"] for p in events], [10, 8, 6, 3])
            self.assertAllClose([p["surv"] for p in events],
                                [0.8, 0.7, 0.466667, 0.311111])
            self.assertAllClose([p["std_err"] for p in events],
                                [0.126491, 0.144914, 0.165775, 0.168362])
            self.assertEqual(km.median, 3.0)
            self.assertEqual(km.quantile(0.5)[0], 3.0)
            self.assertClose(km.rmean(6)[0], 3.744444)
            self.assertClose(km.at(4)["surv"], 0.466667)
            with km.table(events_only=True) as t:
                self.assertAllClose(t.column("surv"),
                                    [0.8, 0.7, 0.466667, 0.311111])
                self.assertEqual(t.conventions.get("ci"), "log")

    def test_logrank_and_strata(self):
        groups = ["bridge" if b else "embedded" for b in KM_BRIDGE]
        lr = ilc.logrank(KM_TIME, KM_STATUS, groups)
        self.assertClose(lr["chisq"], 8.186317)
        self.assertClose(lr["p"], 0.00422, 1e-3)
        self.assertEqual(lr["df"], 1)
        with ilc.survival_table(KM_TIME, KM_STATUS, groups, tau=6) as t:
            rows = {r["stratum"]: r for r in t.rows()}
            conv = t.conventions
        self.assertEqual(rows["bridge"]["median"], 1.5)  # R's midpoint rule
        self.assertClose(float(conv["logrank_chisq"]), 8.186317)
        with ilc.survival_table(KM_TIME, KM_STATUS, tau=6) as t:
            (row,) = t.rows()
        self.assertEqual((row["stratum"], row["median"]), ("all", 3.0))
        self.assertClose(row["rmean"], 3.744444)
        with ilc.survival_curves(KM_TIME, KM_STATUS, groups) as t:
            self.assertEqual(set(t.column("stratum")), {"bridge", "embedded"})

    def test_km_errors(self):
        with self.assertRaisesIlc(ilc.InvalidArgumentError, "status[1]"):
            ilc.km_fit([1, 2], [1, 2])
        with self.assertRaises(ilc.InvalidArgumentError):
            ilc.km_fit([float("nan")], [1])
        with self.assertRaises(ilc.InvalidArgumentError):
            ilc.km_fit([1], [1], conf_level=1.5)
        with ilc.km_fit([], []) as km:
            self.assertEqual(len(km), 0)
            self.assertTrue(math.isnan(km.median))

    def test_temporal_vectors(self):
        self.assertClose(ilc.decayed_strength([0, 10, 20, 55], 60, 30),
                         1.85272924, 1e-8)
        ts = [1, 8, 9, 32, 33, 34, 39, 40, 50, 51, 52, 55]
        self.assertEqual(ilc.intercontact_times(ts),
                         [7, 1, 23, 1, 1, 5, 1, 10, 1, 1, 3])
        self.assertClose(ilc.burstiness(ts), 0.13311003, 1e-8)
        self.assertClose(ilc.burstiness(ts, corrected=True), 0.26903894,
                         1e-8)
        self.assertTrue(math.isnan(ilc.burstiness([5])))

    def test_spells_of_arrays(self):
        # one tie, contacts at 0, 10 d, 200 d; Δ = 90 d: two spells
        ts = [0, 10 * DAY, 200 * DAY]
        with ilc.Spells.compute(ts, [0, 1, 0], [1, 0, 1]) as sp:
            self.assertEqual((len(sp), sp.tie_count, sp.reactivations),
                             (2, 1, 1))
            spells = sp.list()
            self.assertEqual([(s["first"], s["last"]) for s in spells],
                             [(0, 10 * DAY), (200 * DAY, 200 * DAY)])
            self.assertEqual([s["ended"] for s in spells], [1, 0])
            with sp.table() as t:
                self.assertEqual(t.column("duration_days"), [10.0, 0.0])
            with self.assertRaises(ilc.InvalidArgumentError):
                sp.survival()  # needs a timeline
        with self.assertRaises(ilc.InvalidArgumentError):
            ilc.Spells.compute([0], [0], [1], dormancy=0)

    def test_timeline_decay(self):
        with ilc.Store(":memory:") as st:
            st.import_dataset(DATASET)
            tl = st.timeline(directed=False)
        with tl, tl.spells() as sp:
            self.assertGreater(len(sp), 0)
            self.assertEqual(sp.dormancy, 90 * DAY)
            with sp.survival(by="cross-country") as t:
                self.assertEqual(sorted(t.column("stratum")),
                                 ["cross", "within"])
                self.assertIn("logrank_p", t.conventions)
                self.assertEqual(sum(t.column("n")), len(sp))
            with sp.km() as km:
                self.assertEqual(km.n, len(sp))
                self.assertEqual(km.events, sp.ended)
            with tl.dormancy_sweep(["30d", "90d"]) as t:
                self.assertEqual(t.column("dormancy_days"), [30.0, 90.0])
                self.assertEqual(t.column("spells")[1], len(sp))
            with tl.turnover("180d") as t:
                self.assertEqual(len(t), len(tl.windows("180d")) - 1)
            with tl.ties() as t:
                self.assertEqual(len(t), sp.tie_count)


class TestDiagnostics(Case):
    def test_participation_and_mix(self):
        att = csv_rows("attendance.csv")
        with ilc.open_dataset(DATASET) as tl:
            with tl.participation() as t:
                (row,) = t.rows()
            pairs = {(r["event"], r["participant"]) for r in att}
            self.assertEqual(row["events"], len(csv_rows("events.csv")))
            self.assertEqual(row["participants"],
                             len(csv_rows("participants.csv")))
            self.assertEqual(row["attendances"], len(pairs))
            self.assertEqual(row["attendees"], len({p for _, p in pairs}))
            with tl.participation_distribution() as t:
                self.assertEqual(sum(t.column("participants")),
                                 row["participants"])
            e01 = [r for r in att if r["event"] == "e01"]
            with tl.attendee_mix("e01") as t:
                rows = [r for r in t.rows() if r["dimension"] == "country"]
            self.assertEqual(sum(r["count"] for r in rows), len(e01))
            self.assertClose(sum(r["share"] for r in rows), 1.0, 1e-12)
            with tl.learning("period") as t:
                self.assertEqual(set(t.column("scope")), {"period"})
                self.assertIn("systems_thinking", t.column("indicator"))
            with tl.learning("e01") as t:
                self.assertIn("e01", t.column("scope"))
            with self.assertRaises(ilc.NotFoundError):
                tl.learning("e99")

    def test_decay_tables(self):
        with ilc.open_dataset(DATASET) as tl:
            with tl.strength_series([tl.first, tl.last], "30d") as t:
                self.assertEqual(t.column("time"), [tl.first, tl.last])
                self.assertEqual(t.column("ties")[0], 1)
            with tl.decay_by_age("180d") as t:
                self.assertEqual(t.column("age")[0], 0)
            with tl.spells() as sp, sp.window_table(tl.windows("180d")) as t:
                self.assertEqual(len(t), len(tl.windows("180d")))
                self.assertEqual(t.column("alive_start")[0], 0)
            with self.assertRaises(ilc.InvalidArgumentError):
                tl.snapshot(0, 1, weight="heaviest")


class TestStayingPower(Case):
    def test_persisting_events(self):
        truth_path = os.path.join(DATASET, "truth.json")
        with open(truth_path) as f:
            truth = json.load(f)
        with ilc.Store(":memory:") as st:
            st.import_dataset(DATASET)
            tl = st.timeline()
        with tl:
            if not _lib.has("ilc_staying_power"):
                with self.assertRaises(ilc.UnsupportedError):
                    tl.staying_power("e01")
                self.skipTest("ilc_staying_power is not in this libilc yet")
            e = truth["events"][0]
            with tl.staying_power(e["event"]) as sp:
                s = sp.summary()
                self.assertEqual(s["verdict"], e["expected_verdict"])
                self.assertEqual(s["event_ties"], e["event_ties"])
                self.assertClose(s["s_h"], e["s_h"], 1e-5)
                self.assertTrue(s["reason"])
                self.assertEqual(json.loads(sp.to_json())["verdict"],
                                 e["expected_verdict"])
                with sp.horizons() as t:
                    self.assertEqual(t.column("days"), [30, 90, 180, 365])
            with tl.staying_power_events() as t:
                verdicts = t.column("verdict")
            self.assertEqual(verdicts[:len(truth["events"])],
                             [x["expected_verdict"] for x in truth["events"]])


# --- tables, handles, documentation -------------------------------------------------


class TestTable(Case):
    def test_serialisations(self):
        with ilc.Snapshot.from_edges([(0, 1), (1, 2)], n=4,
                                     groups=["A", "A", "B", None]) as g:
            t = g.holes()
        with t:
            self.assertTrue(t.name)
            self.assertEqual(t.columns[:3], ["vertex", "participant",
                                             "group"])
            self.assertEqual(t.types["constraint"], "real")
            self.assertEqual(t.types["vertex"], "int")
            rows = t.rows()
            self.assertIsNone(rows[3]["constraint"])  # isolate: NaN -> None
            self.assertIsNone(rows[3]["group"])
            self.assertEqual(t[-1], rows[3])
            with self.assertRaises(IndexError):
                t[4]
            doc = json.loads(t.to_json())
            self.assertEqual(doc["table"], t.name)
            self.assertEqual(doc["rows"], rows)
            self.assertEqual(doc["conventions"], t.conventions)
            lines = t.to_csv().splitlines()
            self.assertEqual(lines[0].split(","), t.columns)
            self.assertEqual(len(lines), 5)
            self.assertEqual(list(csv.DictReader(io.StringIO(t.to_csv())))[3]
                             ["constraint"], "")
            self.assertIn("constraint", t.to_text())
            try:
                import pandas  # noqa: F401
            except ImportError:
                with self.assertRaisesRegex(ImportError, "pandas"):
                    t.to_pandas()
            else:
                df = t.to_pandas()
                self.assertEqual(list(df.columns), t.columns)
                self.assertEqual(len(df), 4)
                self.assertEqual(df.attrs["conventions"], t.conventions)
        with self.assertRaises(ilc.InvalidArgumentError):
            t.rows()  # closed


class TestHandles(Case):
    def exercise(self):
        st = ilc.Store(":memory:")
        st.import_dataset(DATASET)
        tl = st.timeline()
        s = tl.snapshot(tl.first, tl.first + 60 * DAY)
        tables = [s.cohesion(), s.holes(), s.betweenness_table(),
                  s.gould_fernandez(), tl.cohesion_series(measures="w1")]
        sp = tl.spells()
        km = sp.km()
        try:
            st.import_dataset(DATASET)
        except ilc.ExistsError:
            pass
        return [st, tl, s, sp, km] + tables

    def test_close_and_collect_free_everything(self):
        objs = self.exercise()
        live = ilc.live_handles()
        self.assertEqual(live["table"], 5)
        self.assertEqual((live["store"], live["timeline"], live["snapshot"],
                          live["spells"], live["km"]), (1, 1, 1, 1, 1))
        for o in objs[:3]:
            o.close()
            o.close()  # idempotent
        self.assertNotIn("store", ilc.live_handles())
        del objs  # the rest are freed by the garbage collector
        self.assertEqual(ilc.live_handles(), {})

    def test_no_native_leaks_under_leak_sanitizer(self):
        """Under an ASan build, LeakSanitizer reports no block allocated by
        libilc after a run of the binding (Python's own leaks ignored)."""
        with open("/proc/self/maps") as f:
            if "libasan" not in f.read():
                self.skipTest("not an AddressSanitizer build")
        script = textwrap.dedent("""
            import sys
            sys.path.insert(0, %r)
            sys.path.insert(0, %r)
            import test_ilc
            t = test_ilc.TestHandles("test_close_and_collect_free_everything")
            objs = t.exercise()
            del objs
            import ilc
            g = ilc.Snapshot.from_edges(test_ilc.ILC9_ARCS, directed=True,
                                        groups=test_ilc.ILC9_GROUPS)
            g.gould_fernandez(level="network").to_json()
            ilc.km_fit(test_ilc.KM_TIME, test_ilc.KM_STATUS).table().to_csv()
            try:
                ilc.km_fit([1], [3])
            except ilc.Error:
                pass
            del g
        """ % (os.path.dirname(HERE), HERE))
        env = dict(os.environ, ASAN_OPTIONS="detect_leaks=1")
        res = subprocess.run([sys.executable, "-c", script], env=env,
                             capture_output=True, text=True, timeout=300)
        self.assertNotIn("Traceback", res.stderr, res.stderr[-3000:])
        blocks = re.split(r"\n(?=(?:Direct|Indirect) leak)", res.stderr)
        ours = [b for b in blocks if "leak of" in b and "libilc" in b]
        self.assertEqual(ours, [], "\n".join(ours)[:3000])


class TestDocExample(Case):
    def test_python_md_example_output(self):
        """Every ```python block of docs/python.md that is followed by a
        ```text block prints exactly that text (run from the source root)."""
        path = os.path.join(ROOT, "docs", "python.md")
        if not os.path.exists(path):
            self.skipTest("docs/python.md is absent")
        with open(path) as f:
            doc = f.read()
        pairs = re.findall(r"```python\n(.*?)```\s*\n```text\n(.*?)```",
                           doc, re.S)
        self.assertTrue(pairs, "no checked example in docs/python.md")
        cwd = os.getcwd()
        try:
            os.chdir(ROOT)
            for code, expected in pairs:
                out = io.StringIO()
                with contextlib.redirect_stdout(out):
                    exec(compile(code, path, "exec"), {"__name__": "doc"})
                self.assertEqual(out.getvalue(), expected)
        finally:
            os.chdir(cwd)


if __name__ == "__main__":
    unittest.main()
