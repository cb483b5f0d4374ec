"""ilc.Timeline: the interactions of a store in memory, windows, snapshots
and the measures over time (ilc/timeline.h, cohesion.h, brokerage.h,
decay.h, diagnostics.h)."""

import ctypes
from ctypes import POINTER, byref, c_char_p, c_int32, c_int64, c_size_t

from . import _lib
from ._errors import InvalidArgumentError, NotFoundError, check
from ._handle import Handle
from ._lib import lib
from ._snapshot import Snapshot, cohesion_bits
from ._table import table_from
from ._util import (TIME_MAX, TIME_MIN, array, dec, duration, enc, options,
                    require, strings, time)
from ._util import windows as window_array

_DIRECTION = {None: -1, False: 0, True: 1}
_WEIGHT = {"count": 0, "sum": 1, "decayed": 2}
_BROKERAGE = {"gf": 1, "holes": 2}
_ALL_EVENTS, _PERIOD_ONLY = -1, -2


class Timeline(Handle):
    """Interactions sorted by time, with participants, groups, channels
    and events.  Made by Store.timeline() or Timeline.from_arrays();
    independent of the store once loaded.  Times are epoch seconds;
    arguments also accept ISO-8601 strings, durations "30d", "2w", ...
    """

    _kind = "timeline"
    _free = "ilc_timeline_free"

    def __init__(self, ptr):
        self._adopt(ptr)

    @classmethod
    def _load(cls, store, from_, to, group, directed, channels,
              participants, keep_loops):
        ch, nch = strings(channels)
        pa, npa = strings(participants)
        o = options("timeline",
                    from_=TIME_MIN if from_ is None else time(from_),
                    to=TIME_MAX if to is None else time(to),
                    direction=_DIRECTION[directed], group_attr=enc(group),
                    keep_loops=1 if keep_loops else 0)
        if ch is not None:
            o.channels, o.nchannels = ctypes.cast(ch, POINTER(c_char_p)), nch
        if pa is not None:
            o.participants = ctypes.cast(pa, POINTER(c_char_p))
            o.nparticipants = npa
        out = ctypes.c_void_p()
        check(lib.ilc_timeline_load(byref(out), store._h, byref(o)))
        return cls(out.value)

    @classmethod
    def from_arrays(cls, ts, src, dst, participants=None, groups=None,
                    weights=None, directed=False):
        """A timeline without a store.  ts, src, dst: one entry per
        interaction (src/dst are participant indices); participants: a
        list of ids or a count (default: largest index + 1); groups: one
        label per participant (None: no group)."""
        ts = [time(t) for t in ts]
        src, dst = list(src), list(dst)
        if not len(ts) == len(src) == len(dst):
            raise InvalidArgumentError(
                "timeline: ts, src and dst differ in length", -1)
        if participants is None:
            participants = max(src + dst + [-1]) + 1
        ids = None
        if not isinstance(participants, int):
            ids, participants = strings(participants)
        gidx, ng, gnames = None, 0, None
        if groups is not None:
            labels = sorted({g for g in groups if g is not None})
            pos = {g: i for i, g in enumerate(labels)}
            gidx = array(c_int32, [-1 if g is None else pos[g]
                                   for g in groups])
            ng, (gnames, _) = len(labels), strings(labels)
        out = ctypes.c_void_p()
        check(lib.ilc_timeline_from_arrays(
            byref(out), participants, ids, gidx, ng, gnames, len(ts),
            array(c_int64, ts), array(c_int64, src), array(c_int64, dst),
            array(ctypes.c_double, weights), 1 if directed else 0))
        return cls(out.value)

    # --- contents -------------------------------------------------------------

    @property
    def count(self):
        """Number of interactions loaded."""
        return lib.ilc_timeline_count(self._h)

    def __len__(self):
        return self.count

    @property
    def loops_dropped(self):
        return lib.ilc_timeline_loops_dropped(self._h)

    @property
    def directed(self):
        return bool(lib.ilc_timeline_is_directed(self._h))

    @property
    def first(self):
        """First interaction time (0 when empty)."""
        return lib.ilc_timeline_first(self._h)

    @property
    def last(self):
        return lib.ilc_timeline_last(self._h)

    @property
    def participants(self):
        """External ids of all participants, in index order."""
        h = self._h
        return [dec(lib.ilc_timeline_participant_id(h, i))
                for i in range(lib.ilc_timeline_participant_count(h))]

    def participant(self, key):
        """One participant (id or index) as a dict: index, id, country,
        role, organisation, sector, group.  NotFoundError if unknown."""
        h = self._h
        i = key if isinstance(key, int) else \
            lib.ilc_timeline_participant_index(h, enc(key))
        if not 0 <= i < lib.ilc_timeline_participant_count(h):
            raise NotFoundError("unknown participant %r" % (key,), -5)
        g = lib.ilc_timeline_participant_group(h, i)
        return {"index": i, "id": dec(lib.ilc_timeline_participant_id(h, i)),
                "country": dec(lib.ilc_timeline_participant_country(h, i)),
                "role": dec(lib.ilc_timeline_participant_role(h, i)),
                "organisation": dec(
                    lib.ilc_timeline_participant_organisation(h, i)),
                "sector": dec(lib.ilc_timeline_participant_sector(h, i)),
                "group": dec(lib.ilc_timeline_group_name(h, g))
                if g >= 0 else None}

    @property
    def groups(self):
        """Group names (countries, or the attribute chosen at load)."""
        h = self._h
        return [dec(lib.ilc_timeline_group_name(h, g))
                for g in range(lib.ilc_timeline_group_count(h))]

    @property
    def group_attr(self):
        return dec(lib.ilc_timeline_group_attr(self._h))

    @property
    def channels(self):
        h = self._h
        return [dec(lib.ilc_timeline_channel_name(h, c))
                for c in range(lib.ilc_timeline_channel_count(h))]

    def interactions(self):
        """The columns as lists: {"ts", "src", "dst", "weight"} (src/dst
        are participant indices)."""
        h, n = self._h, lib.ilc_timeline_count(self._h)
        if n == 0:
            return {"ts": [], "src": [], "dst": [], "weight": []}
        return {"ts": lib.ilc_timeline_ts(h)[:n],
                "src": lib.ilc_timeline_src(h)[:n],
                "dst": lib.ilc_timeline_dst(h)[:n],
                "weight": lib.ilc_timeline_weight(h)[:n]}

    def event_index(self, event):
        """Index of an event given by index or external id."""
        if isinstance(event, int):
            if not 0 <= event < lib.ilc_timeline_event_count(self._h):
                raise NotFoundError("no event with index %d" % event, -5)
            return event
        e = lib.ilc_timeline_event_index(self._h, enc(event))
        if e < 0:
            raise NotFoundError("unknown event %r" % (event,), -5)
        return e

    @property
    def events(self):
        """The store's events: [{"index", "id", "name", "host", "start",
        "end", "attendees": [participant ids]}, ...]."""
        h, out = self._h, []
        for e in range(lib.ilc_timeline_event_count(h)):
            start, end = c_int64(), c_int64()
            check(lib.ilc_timeline_event_period(h, e, byref(start),
                                                byref(end)))
            idx, cnt = POINTER(c_int64)(), c_size_t()
            roles = POINTER(c_char_p)()
            check(lib.ilc_timeline_event_attendees(h, e, byref(idx),
                                                   byref(cnt), byref(roles)))
            out.append({
                "index": e, "id": dec(lib.ilc_timeline_event_id(h, e)),
                "name": dec(lib.ilc_timeline_event_name(h, e)),
                "host": dec(lib.ilc_timeline_event_host(h, e)),
                "start": start.value, "end": end.value,
                "attendees": [dec(lib.ilc_timeline_participant_id(h, idx[i]))
                              for i in range(cnt.value)]})
        return out

    def __repr__(self):
        if self.closed:
            return "<ilc.Timeline (closed)>"
        return "<ilc.Timeline %d interactions, %d participants>" % (
            self.count, lib.ilc_timeline_participant_count(self._h))

    # --- windows and snapshots --------------------------------------------------

    def snapshot(self, start, end, all_vertices=False, weight="count",
                 half_life=None):
        """The Snapshot of the half-open window [start, end).  weight:
        "count" (interactions), "sum" (summed weights) or "decayed"
        (needs half_life, e.g. "30d")."""
        o = self._snapshot_options(all_vertices, weight, half_life)
        out = ctypes.c_void_p()
        check(lib.ilc_timeline_snapshot(byref(out), self._h, time(start),
                                        time(end), byref(o)))
        return Snapshot(out.value)

    @staticmethod
    def _snapshot_options(all_vertices, weight, half_life):
        if weight not in _WEIGHT:
            raise InvalidArgumentError("unknown weight %r (count, sum, "
                                       "decayed)" % (weight,), -1)
        return options("snapshot", vertices=1 if all_vertices else 0,
                       weight=_WEIGHT[weight], half_life=duration(half_life))

    def windows(self, width="30d", step=None, origin=None, last=None):
        """The window series [origin + i*step, origin + i*step + width)
        for every start <= last, as a list of (start, end); origin and
        last default to the first and last interaction, step to width."""
        out, count = POINTER(_lib.Window)(), c_size_t()
        width = duration(width)
        step = width if step is None else duration(step)
        check(lib.ilc_window_series(
            byref(out), byref(count),
            self.first if origin is None else time(origin), width, step,
            self.last if last is None else time(last)))
        try:
            return [(out[i].start, out[i].end) for i in range(count.value)]
        finally:
            lib.ilc_free(out)

    def _windows(self, width, step, origin, spec):
        if spec is None:
            spec = self.windows(width, step, origin)
        return window_array(spec)

    def cohesion_series(self, width="30d", step="7d", origin=None,
                        windows=None, measures="all",
                        transitivity_zero=False, all_vertices=False):
        """Table "cohesion_series": cohesion per window.  Windows are
        `windows` (a list of (start, end)) or the series width/step from
        origin (default: the first interaction)."""
        arr, nw = self._windows(width, step, origin, windows)
        o = options("cohesion", measures=cohesion_bits(measures),
                    transitivity_zero=1 if transitivity_zero else 0,
                    vertices=1 if all_vertices else 0)
        return table_from(require("ilc_cohesion_series"), self._h, arr, nw,
                          byref(o))

    def brokerage_series(self, width="30d", step="7d", origin=None,
                         windows=None, measures=("gf", "holes"),
                         partial_credit=False, weighted=True,
                         all_vertices=False, weight="count",
                         half_life=None):
        """Long Table: Gould-Fernandez roles ("gf") and structural holes
        ("holes") per (window, participant)."""
        arr, nw = self._windows(width, step, origin, windows)
        if isinstance(measures, str):
            measures = [measures]
        bits = 0
        for m in measures:
            if m not in _BROKERAGE:
                raise InvalidArgumentError(
                    "unknown brokerage measure %r (gf, holes)" % (m,), -1)
            bits |= _BROKERAGE[m]
        o = options("brokerage_series", measures=bits,
                    partial_credit=int(bool(partial_credit)),
                    weighted=int(bool(weighted)))
        o.snapshot = self._snapshot_options(all_vertices, weight, half_life)
        return table_from(require("ilc_brokerage_series"), self._h, arr, nw,
                          byref(o))

    def paths_series(self, width="30d", step="7d", origin=None,
                     windows=None, lengths="hops", cutoff=None, threads=0,
                     all_vertices=False, weight="count", half_life=None):
        """Long Table: betweenness, cut vertices and cross-group bridges
        per (window, participant) (ilc_paths_series)."""
        from ._snapshot import betweenness_options
        arr, nw = self._windows(width, step, origin, windows)
        o = options("paths_series")
        o.betweenness = betweenness_options(lengths, cutoff, False, threads)
        o.snapshot = self._snapshot_options(all_vertices, weight, half_life)
        return table_from(require("ilc_paths_series"), self._h, arr, nw,
                          byref(o))

    # --- decay and persistence (ilc/decay.h) -----------------------------------

    def spells(self, dormancy="90d", obs_start=None, obs_end=None):
        """Tie spells under the dormancy rule (a Spells object)."""
        from ._decay import Spells
        return Spells._of_timeline(self, dormancy, obs_start, obs_end)

    def dormancy_sweep(self, dormancies=("30d", "60d", "90d", "180d"),
                       tau_days=0):
        """Table "dormancy_sweep": spell statistics for several Δ."""
        d = array(c_int64, [duration(x) for x in dormancies])
        return table_from(require("ilc_dormancy_sweep_table"), self._h, d,
                          len(dormancies), float(tau_days))

    def ties(self, at=None, half_life="30d", dormancy="90d"):
        """Table "ties": per tie contacts, spells, burstiness and the
        decayed strength at time `at` (default: the last interaction)."""
        with self.spells(dormancy) as sp:
            return table_from(require("ilc_ties_table"), self._h, sp._h,
                              self.last if at is None else time(at),
                              duration(half_life))

    def strength_series(self, times, half_life="30d", threshold=0.5):
        """Table "strength_series": summed decayed strength at each time."""
        ts = [time(t) for t in times]
        return table_from(require("ilc_strength_series_table"), self._h,
                          array(c_int64, ts), len(ts), duration(half_life),
                          float(threshold))

    def turnover(self, width="30d", step=None, origin=None, windows=None):
        """Table "turnover" between consecutive windows (step defaults to
        width: disjoint windows)."""
        arr, nw = self._windows(width, step, origin, windows)
        return table_from(require("ilc_turnover_table"), self._h, arr, nw)

    def decay_by_age(self, width="365d", step=None, origin=None,
                     windows=None):
        """Table "decay_by_age": Burt's decay probability by tie age over
        waves (disjoint windows by default)."""
        arr, nw = self._windows(width, step, origin, windows)
        return table_from(require("ilc_decay_by_age_table"), self._h, arr,
                          nw)

    def staying_power(self, event, **opts):
        """Staying power of one event (index or id): a StayingPower with
        summary(), horizons(), activity(), to_json().  Options: dormancy,
        horizon, horizons (list of durations), conf_level, threshold,
        baseline, follow, bin."""
        from ._decay import StayingPower
        return StayingPower._compute(self, self.event_index(event), opts)

    def staying_power_events(self, **opts):
        """Table "staying_power": every event plus the pooled "(all)" row."""
        from ._decay import staying_options
        o, keep = staying_options(opts)
        return table_from(require("ilc_staying_events_table"), self._h,
                          byref(o))

    def staying_curves(self, **opts):
        """Post-event survival curves of all events, aligned on event time."""
        from ._decay import staying_options
        o, keep = staying_options(opts)
        return table_from(require("ilc_staying_curves_table"), self._h,
                          byref(o))

    # --- diagnostics (ilc/diagnostics.h) ----------------------------------------

    def _event_arg(self, event):
        if event is None or event == "all":
            return _ALL_EVENTS
        if event == "period":
            return _PERIOD_ONLY
        return self.event_index(event)

    def learning(self, event="all", from_=None, to=None, after="180d",
                 include_event=False, country_from_groups=False,
                 policy_roles=None, implementation_roles=None):
        """Table "learning": borrowing, co-construction and systems
        thinking indicators per event ("all", "period", or one event)."""
        pol, npol = strings(policy_roles)
        imp, nimp = strings(implementation_roles)
        o = options("learning",
                    from_=TIME_MIN if from_ is None else time(from_),
                    to=TIME_MAX if to is None else time(to),
                    after=duration(after),
                    include_event=int(bool(include_event)),
                    country_from_groups=int(bool(country_from_groups)))
        if pol is not None:
            o.policy_roles = ctypes.cast(pol, POINTER(c_char_p))
            o.npolicy_roles = npol
        if imp is not None:
            o.implementation_roles = ctypes.cast(imp, POINTER(c_char_p))
            o.nimplementation_roles = nimp
        return table_from(require("ilc_learning_table"), self._h,
                          self._event_arg(event), byref(o))

    @staticmethod
    def _participation_options(from_, to, top_percent):
        return options("participation",
                       from_=TIME_MIN if from_ is None else time(from_),
                       to=TIME_MAX if to is None else time(to),
                       top_percent=None if top_percent is None
                       else float(top_percent))

    def participation(self, from_=None, to=None, top_percent=10.0):
        """One-row Table "participation": repeat participation, Gini,
        top-k share ("first in line")."""
        o = self._participation_options(from_, to, top_percent)
        return table_from(require("ilc_participation_table"), self._h,
                          byref(o))

    def participation_distribution(self, from_=None, to=None):
        o = self._participation_options(from_, to, None)
        return table_from(require("ilc_participation_distribution"),
                          self._h, byref(o))

    def attendee_mix(self, event="all", from_=None, to=None):
        """Table "attendee_mix": attendees by country, role, attendance
        role (and the group attribute) per event."""
        o = self._participation_options(from_, to, None)
        e = _ALL_EVENTS if event in (None, "all") else self.event_index(event)
        return table_from(require("ilc_attendee_mix"), self._h, e, byref(o))
