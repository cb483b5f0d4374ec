"""Kaplan-Meier, log-rank and survival tables on plain arrays
(ilc/survival.h), and the per-tie temporal functions of ilc/decay.h."""

import ctypes
from ctypes import byref, c_double, c_int, c_int32, c_int64

from ._errors import InvalidArgumentError, check
from ._handle import Handle
from ._lib import KmPoint, LogrankResult, lib
from ._table import table_from
from ._util import array, options, require, strings, time

_CI = {"log": 0, "plain": 1, "log-log": 2}


def km_options(conf_level=None, ci=None):
    if ci is not None and ci not in _CI:
        raise InvalidArgumentError(
            "unknown ci %r (log, plain, log-log)" % (ci,), -1)
    return options("km", conf_level=conf_level,
                   ci=None if ci is None else _CI[ci])


def _point(p):
    return {name: getattr(p, name) for name, _ in KmPoint._fields_}


def _arrays(time_, status):
    t, s = list(time_), list(status)
    if len(t) != len(s):
        raise InvalidArgumentError(
            "survival: %d times but %d statuses" % (len(t), len(s)), -1)
    return array(c_double, t), array(c_int, [int(x) for x in s]), len(t)


def _strata(groups, n):
    """Labels -> (int32 group array, names, ngroups); None -> one stratum."""
    if groups is None:
        return None, None, 1
    groups = list(groups)
    if len(groups) != n:
        raise InvalidArgumentError(
            "survival: %d groups for %d units" % (len(groups), n), -1)
    labels = sorted({g for g in groups if g is not None}, key=str)
    pos = {g: i for i, g in enumerate(labels)}
    idx = array(c_int32, [-1 if g is None else pos[g] for g in groups])
    return idx, [str(g) for g in labels], len(labels)


class KaplanMeier(Handle):
    """A fitted Kaplan-Meier curve (R survfit conventions: events before
    censorings at tied times, Greenwood standard errors, log-scale CI by
    default, R's median rule)."""

    _kind = "km"
    _free = "ilc_km_free"

    def __init__(self, ptr):
        self._adopt(ptr)

    @property
    def n(self):
        return lib.ilc_km_n(self._h)

    @property
    def events(self):
        return lib.ilc_km_events(self._h)

    def __len__(self):
        return lib.ilc_km_size(self._h)

    def points(self):
        """One dict per distinct time: time, n_risk, n_event, n_censor,
        surv, std_err, lower, upper (NaN std_err / bounds once S = 0)."""
        h, p, out = self._h, KmPoint(), []
        for i in range(lib.ilc_km_size(h)):
            check(lib.ilc_km_get(byref(p), h, i))
            out.append(_point(p))
        return out

    @property
    def surv(self):
        """S(t) at every point."""
        return [p["surv"] for p in self.points()]

    def at(self, t):
        """The curve at time t, as R's summary(fit, times = t)."""
        p = KmPoint()
        check(lib.ilc_km_at(byref(p), self._h, float(t)))
        return _point(p)

    def quantile(self, p):
        """(estimate, lower, upper) of the p-quantile; NaN if not reached."""
        e, lo, hi = c_double(), c_double(), c_double()
        check(lib.ilc_km_quantile(byref(e), byref(lo), byref(hi), self._h,
                                  float(p)))
        return e.value, lo.value, hi.value

    @property
    def median(self):
        """Median lifetime (NaN when S never falls to 0.5)."""
        return lib.ilc_km_median(self._h)

    def rmean(self, tau):
        """(restricted mean up to tau, its standard error)."""
        m, se = c_double(), c_double()
        check(lib.ilc_km_rmean(byref(m), byref(se), self._h, float(tau)))
        return m.value, se.value

    def table(self, events_only=False):
        """Table "km": the curve (event times only when events_only)."""
        return table_from(lib.ilc_km_table, self._h, int(bool(events_only)))

    def __repr__(self):
        if self.closed:
            return "<ilc.KaplanMeier (closed)>"
        return "<ilc.KaplanMeier n=%d events=%d>" % (self.n, self.events)


def km_fit(time_, status, conf_level=0.95, ci="log"):
    """Fits Kaplan-Meier to times and statuses (1 = event, 0 = censored).
    Raises InvalidArgumentError for a NaN time or a status not 0/1."""
    t, s, n = _arrays(time_, status)
    o = km_options(conf_level, ci)
    out = ctypes.c_void_p()
    check(lib.ilc_km_fit(byref(out), t, s, n, byref(o)))
    return KaplanMeier(out.value)


def logrank(time_, status, groups):
    """Log-rank test (R survdiff) between the strata named by groups (one
    label per unit, None leaves the unit out): {"chisq", "df", "p",
    "strata", "observed", "expected"}."""
    t, s, n = _arrays(time_, status)
    idx, names, ng = _strata(groups, n)
    res = LogrankResult()
    obs, exp = (c_double * ng)(), (c_double * ng)()
    check(lib.ilc_logrank(byref(res), obs, exp, t, s, idx, ng, n))
    return {"chisq": res.chisq, "df": res.df, "p": res.p, "strata": names,
            "observed": list(obs), "expected": list(exp)}


def survival_table(time_, status, groups=None, tau=0, conf_level=0.95,
                   ci="log"):
    """Table "survival": n, events, median with CI, restricted mean (tau >
    0) and log-rank observed / expected per stratum (groups: one label
    per unit, None: one stratum "all"); the test is in the conventions."""
    t, s, n = _arrays(time_, status)
    idx, names, ng = _strata(groups, n)
    arr, _ = strings(names)
    o = km_options(conf_level, ci)
    return table_from(lib.ilc_km_strata_table, t, s, idx, ng, arr, n,
                      float(tau), byref(o))


def survival_curves(time_, status, groups=None, events_only=False,
                    conf_level=0.95, ci="log"):
    """Table "km_strata": the Kaplan-Meier curve of every stratum."""
    t, s, n = _arrays(time_, status)
    idx, names, ng = _strata(groups, n)
    arr, _ = strings(names)
    o = km_options(conf_level, ci)
    return table_from(lib.ilc_km_curves_table, t, s, idx, ng, arr, n,
                      int(bool(events_only)), byref(o))


# --- per-tie temporal measures (ilc/decay.h) ------------------------------------


def decayed_strength(ts, at, half_life, weights=None):
    """Σ w·2^(−(at − t)/half_life) over contacts t <= at (seconds)."""
    ts = [time(t) for t in ts]
    return require("ilc_decayed_strength")(
        array(c_int64, ts), array(c_double, weights), len(ts), time(at),
        float(half_life))


def intercontact_times(ts):
    """Differences of consecutive sorted contact times."""
    ts = [time(t) for t in ts]
    if len(ts) < 2:
        return []
    out = (c_int64 * (len(ts) - 1))()
    check(require("ilc_intercontact_times")(out, array(c_int64, ts),
                                            len(ts)))
    return list(out)


def burstiness(ts, corrected=False):
    """Burstiness B = (σ − μ)/(σ + μ) of the inter-contact times (population
    σ); corrected=True gives Kim & Jo's finite-size A_n.  NaN when too few
    contacts."""
    ts = [time(t) for t in ts]
    fn = "ilc_burstiness_corrected" if corrected else "ilc_burstiness"
    return require(fn)(array(c_int64, ts), len(ts))
