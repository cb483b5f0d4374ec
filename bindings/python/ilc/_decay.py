"""Tie spells and event-anchored staying power (ilc/decay.h)."""

import ctypes
from ctypes import byref, c_int64

from ._errors import InvalidArgumentError, check
from ._handle import Handle
from ._lib import Spell, StayingSummary, lib
from ._survival import KaplanMeier, km_options
from ._table import table_from
from ._util import (TIME_MAX, TIME_MIN, array, dec, duration, options,
                    require, time, windows)

_STRATA = {"none": 0, "cross-country": 1, "cross_group": 1, "channel": 2,
           "role-pair": 3}


def _by(by):
    if by is None:
        return 0
    if by not in _STRATA:
        raise InvalidArgumentError("unknown stratification %r (none, "
                                   "cross-country, channel, role-pair)"
                                   % (by,), -1)
    return _STRATA[by]


class Spells(Handle):
    """The spells of all ties under the dormancy rule Δ: contacts less than
    Δ apart form one spell; a spell is ended (dissolution observed) when
    last + Δ <= obs_end, else right-censored."""

    _kind = "spells"
    _free = "ilc_spells_free"

    def __init__(self, ptr, timeline=None):
        self._adopt(ptr)
        self.timeline = timeline

    @staticmethod
    def _options(dormancy, obs_start, obs_end):
        return options("spells", dormancy=duration(dormancy),
                       obs_start=TIME_MIN if obs_start is None
                       else time(obs_start),
                       obs_end=TIME_MAX if obs_end is None else time(obs_end))

    @classmethod
    def _of_timeline(cls, tl, dormancy, obs_start, obs_end):
        o = cls._options(dormancy, obs_start, obs_end)
        out = ctypes.c_void_p()
        check(require("ilc_timeline_spells")(byref(out), tl._h, byref(o)))
        return cls(out.value, tl)

    @classmethod
    def compute(cls, ts, src, dst, directed=False, dormancy="90d",
                obs_start=None, obs_end=None):
        """Spells of contacts given as arrays (participant indices)."""
        ts = [time(t) for t in ts]
        o = cls._options(dormancy, obs_start, obs_end)
        out = ctypes.c_void_p()
        check(require("ilc_spells_compute")(
            byref(out), len(ts), array(c_int64, ts), array(c_int64, src),
            array(c_int64, dst), int(bool(directed)), byref(o)))
        return cls(out.value)

    def __len__(self):
        return lib.ilc_spells_count(self._h)

    @property
    def tie_count(self):
        return lib.ilc_spells_tie_count(self._h)

    @property
    def ended(self):
        return lib.ilc_spells_ended(self._h)

    @property
    def reactivations(self):
        return lib.ilc_spells_reactivations(self._h)

    @property
    def dormancy(self):
        return lib.ilc_spells_dormancy(self._h)

    @property
    def obs_start(self):
        return lib.ilc_spells_obs_start(self._h)

    @property
    def obs_end(self):
        return lib.ilc_spells_obs_end(self._h)

    def list(self):
        """Every spell as a dict (tie, a, b, first, last, contacts, index,
        ended, left_truncated, first_row)."""
        h, sp, out = self._h, Spell(), []
        for i in range(lib.ilc_spells_count(h)):
            check(lib.ilc_spells_get(byref(sp), h, i))
            out.append({n: getattr(sp, n) for n, _ in Spell._fields_})
        return out

    def _tl(self, needed=True):
        if self.timeline is None:
            if needed:
                raise InvalidArgumentError(
                    "spells: this needs spells made by Timeline.spells()", -1)
            return None
        return self.timeline._h

    def table(self):
        """Table "spells": one row per spell."""
        return table_from(lib.ilc_spells_table, self._h, self._tl(False))

    def km(self, conf_level=0.95, ci="log"):
        """Kaplan-Meier curve of spell durations in days."""
        o = km_options(conf_level, ci)
        out = ctypes.c_void_p()
        check(lib.ilc_spells_km(byref(out), self._h, byref(o)))
        return KaplanMeier(out.value)

    def survival(self, by="cross-country", tau_days=0, conf_level=0.95,
                 ci="log"):
        """Table "survival" of the spells by stratum ("none",
        "cross-country", "channel", "role-pair") with the log-rank test
        in the conventions."""
        o = km_options(conf_level, ci)
        return table_from(lib.ilc_spells_survival_table, self._h, self._tl(),
                          _by(by), float(tau_days), byref(o))

    def curves(self, by="cross-country", events_only=False, conf_level=0.95,
               ci="log"):
        """Kaplan-Meier curves by stratum (days)."""
        o = km_options(conf_level, ci)
        return table_from(lib.ilc_spells_curves_table, self._h, self._tl(),
                          _by(by), int(bool(events_only)), byref(o))

    def window_table(self, spec, participants=None):
        """Table "tie_dynamics": formations, reactivations, dissolutions and
        conditional rates per window (spec: list of (start, end));
        participants: P for the dyad count (default: the timeline's)."""
        if participants is None:
            tl = self._tl()
            participants = lib.ilc_timeline_participant_count(tl)
        p = int(participants)
        ndyads = p * (p - 1) // (1 if lib.ilc_spells_directed(self._h)
                                 else 2)
        arr, nw = windows(spec)
        return table_from(lib.ilc_spells_window_table, self._h, ndyads, arr,
                          nw)

    def __repr__(self):
        if self.closed:
            return "<ilc.Spells (closed)>"
        return "<ilc.Spells %d spells of %d ties>" % (len(self),
                                                      self.tie_count)


def staying_options(opts):
    """(StayingOptions, keep-alive) from keyword arguments."""
    opts = dict(opts)
    hz = opts.pop("horizons", None)
    known = {"dormancy", "horizon", "conf_level", "threshold", "baseline",
             "follow", "bin"}
    bad = set(opts) - known
    if bad:
        raise TypeError("unknown staying-power option(s): %s"
                        % ", ".join(sorted(bad)))
    fields = {}
    for k in ("dormancy", "horizon", "baseline", "follow", "bin"):
        if k in opts:
            fields[k] = duration(opts[k])
    for k in ("conf_level", "threshold"):
        if k in opts:
            fields[k] = float(opts[k])
    o = options("staying", **fields)
    keep = None
    if hz is not None:
        keep = array(c_int64, [duration(h) for h in hz])
        o.horizons = ctypes.cast(keep, ctypes.POINTER(c_int64))
        o.nhorizons = len(keep)
    return o, keep


class StayingPower(Handle):
    """Event-anchored staying power of one event: summary() (with the
    verdict), horizons(), activity() tables and to_json()."""

    _kind = "staying"
    _free = "ilc_staying_free"

    def __init__(self, ptr, timeline=None):
        self._adopt(ptr)
        self.timeline = timeline

    @classmethod
    def _compute(cls, tl, e, opts):
        o, keep = staying_options(opts)
        out = ctypes.c_void_p()
        check(require("ilc_staying_power")(byref(out), tl._h, e, byref(o)))
        sp = cls(out.value, tl)
        sp._keep = keep  # the horizons array, in case the result borrows it
        return sp

    def summary(self):
        """The scalar results as a dict; "verdict" is "persists", "fades"
        or "undetermined" and "reason" says why."""
        s = StayingSummary()
        check(lib.ilc_staying_get_summary(byref(s), self._h))
        d = {n: getattr(s, n) for n, _ in StayingSummary._fields_}
        d["verdict"] = dec(lib.ilc_verdict_name(s.verdict))
        d["reason"] = dec(s.reason)
        return d

    @property
    def verdict(self):
        return self.summary()["verdict"]

    def horizons(self):
        return table_from(lib.ilc_staying_horizons_table, self._h)

    def activity(self):
        return table_from(lib.ilc_staying_activity_table, self._h)

    def to_json(self):
        from ._util import take_string
        return take_string(lib.ilc_staying_to_json, self._h)
