"""ctypes declarations of the public libilc C API (libilc/include/ilc/*.h).

This module finds and loads the shared library, mirrors the public option
and result structs field by field, and declares the argument and result
types of every function the binding uses.  Nothing here is public: the
Pythonic API lives in the other modules of the package.

Where the library comes from (first match wins):
  1. the environment variable ILC_LIBRARY (a path to libilc.so);
  2. a libilc.so* next to the package (bindings/python/ilc/ or its parent);
  3. a build tree of the source checkout (../../build*/libilc/libilc.so);
  4. ctypes.util.find_library("ilc") (an installed library).
"""

import ctypes
import ctypes.util
import glob
import os

from ctypes import (POINTER, Structure, c_char_p, c_double, c_int, c_int32,
                    c_int64, c_size_t, c_uint, c_uint8, c_uint64, c_void_p)

_HERE = os.path.dirname(os.path.abspath(__file__))

# --- finding the library -----------------------------------------------------


def _candidates():
    env = os.environ.get("ILC_LIBRARY")
    if env:
        return [env], True
    found = []
    for d in (_HERE, os.path.dirname(_HERE)):
        found += sorted(glob.glob(os.path.join(d, "libilc.so*")))
        found += sorted(glob.glob(os.path.join(d, "libilc.dylib")))
    root = os.path.dirname(os.path.dirname(os.path.dirname(_HERE)))
    builds = glob.glob(os.path.join(root, "build*", "libilc", "libilc.so"))
    # newest first, but a sanitizer build only when ASan is loaded
    builds.sort(key=lambda p: ((_needs_asan(p) and not _asan_loaded()),
                               -os.path.getmtime(p)))
    found += builds
    sys_lib = ctypes.util.find_library("ilc")
    if sys_lib:
        found.append(sys_lib)
    return found, False


def _needs_asan(path):
    """True when path was linked against the AddressSanitizer runtime."""
    try:
        with open(path, "rb") as f:
            return b"libasan.so" in f.read()
    except OSError:
        return False


def _asan_loaded():
    try:
        with open("/proc/self/maps") as f:
            return "libasan.so" in f.read()
    except OSError:
        return True  # cannot tell: let the loader decide


def library_path():
    """The path of the shared library the binding would load."""
    paths, from_env = _candidates()
    for p in paths:
        if from_env or os.path.sep not in p or os.path.exists(p):
            return p
    raise ImportError(
        "ilc: libilc shared library not found; build it (cmake with "
        "BUILD_SHARED_LIBS=ON) and set ILC_LIBRARY=/path/to/libilc.so")


def _load():
    path = library_path()
    if os.path.sep in path and not os.path.exists(path):
        raise ImportError("ilc: ILC_LIBRARY=%s does not exist" % path)
    if os.path.sep in path and _needs_asan(path) and not _asan_loaded():
        # ASan would print a message and kill the interpreter on dlopen.
        raise ImportError(
            "ilc: %s is a sanitizer build; run Python with "
            "LD_PRELOAD=$(cc -print-file-name=libasan.so) "
            "ASAN_OPTIONS=detect_leaks=0" % path)
    try:
        return ctypes.CDLL(path), path
    except OSError as e:
        raise ImportError("ilc: cannot load %s: %s" % (path, e))


lib, path = _load()

# --- structs (mirrors of the public headers; keep in step with them) --------

PROGRESS_FN = ctypes.CFUNCTYPE(None, c_void_p, c_int64)


class ImportOptions(Structure):  # ilc/import.h
    _fields_ = [("version", c_uint), ("auto_create_participants", c_int),
                ("allow_repeat", c_int), ("directed", c_int),
                ("group_attribute", c_char_p), ("progress", PROGRESS_FN),
                ("progress_ctx", c_void_p)]


class ImportStats(Structure):
    _fields_ = [(n, c_int64) for n in (
        "rows", "countries", "participants", "events", "attendance",
        "interactions", "countries_created", "participants_created",
        "self_loops_dropped", "groups_unassigned")]


class ImportFiles(Structure):
    _fields_ = [(n, c_char_p) for n in (
        "countries", "participants", "events", "attendance", "interactions")]


class StoreSummary(Structure):  # ilc/store.h
    _fields_ = [(n, c_int64) for n in (
        "countries", "participants", "events", "attendance", "interactions",
        "channels", "first", "last")] + [("directed", c_int),
                                         ("schema_version", c_int)]


class TimelineOptions(Structure):  # ilc/timeline.h
    _fields_ = [("version", c_uint), ("from_", c_int64), ("to", c_int64),
                ("direction", c_int), ("group_attr", c_char_p),
                ("channels", POINTER(c_char_p)), ("nchannels", c_size_t),
                ("participants", POINTER(c_char_p)),
                ("nparticipants", c_size_t), ("keep_loops", c_int)]


class SnapshotOptions(Structure):
    _fields_ = [("version", c_uint), ("vertices", c_int), ("weight", c_int),
                ("half_life", c_int64)]


class Window(Structure):
    _fields_ = [("start", c_int64), ("end", c_int64)]


class CohesionOptions(Structure):  # ilc/cohesion.h
    _fields_ = [("version", c_uint), ("measures", c_uint),
                ("transitivity_zero", c_int), ("vertices", c_int)]


class EiOptions(Structure):
    _fields_ = [("version", c_uint), ("level", c_int),
                ("permutations", c_int64), ("seed", c_uint64)]


class GfOptions(Structure):  # ilc/brokerage.h
    _fields_ = [("version", c_uint), ("partial_credit", c_int)]


class BrokerageSeriesOptions(Structure):
    _fields_ = [("version", c_uint), ("measures", c_uint),
                ("partial_credit", c_int), ("weighted", c_int),
                ("snapshot", SnapshotOptions)]


class BetweennessOptions(Structure):  # ilc/paths.h
    _fields_ = [("version", c_uint), ("weighted", c_int),
                ("cutoff", c_double), ("normalized", c_int),
                ("threads", c_int)]


class PathsSeriesOptions(Structure):
    _fields_ = [("version", c_uint), ("betweenness", BetweennessOptions),
                ("snapshot", SnapshotOptions)]


class KmOptions(Structure):  # ilc/survival.h
    _fields_ = [("version", c_uint), ("conf_level", c_double), ("ci", c_int)]


class KmPoint(Structure):
    _fields_ = [("time", c_double), ("n_risk", c_int64),
                ("n_event", c_int64), ("n_censor", c_int64),
                ("surv", c_double), ("std_err", c_double),
                ("lower", c_double), ("upper", c_double)]


class LogrankResult(Structure):
    _fields_ = [("chisq", c_double), ("df", c_int), ("p", c_double)]


class SpellsOptions(Structure):  # ilc/decay.h
    _fields_ = [("version", c_uint), ("dormancy", c_int64),
                ("obs_start", c_int64), ("obs_end", c_int64)]


class Spell(Structure):
    _fields_ = [("tie", c_int64), ("a", c_int64), ("b", c_int64),
                ("first", c_int64), ("last", c_int64), ("contacts", c_int64),
                ("index", c_int32), ("ended", c_int),
                ("left_truncated", c_int), ("first_row", c_size_t)]


class StayingOptions(Structure):
    _fields_ = [("version", c_uint), ("dormancy", c_int64),
                ("horizon", c_int64), ("horizons", POINTER(c_int64)),
                ("nhorizons", c_size_t), ("conf_level", c_double),
                ("threshold", c_double), ("baseline", c_int64),
                ("follow", c_int64), ("bin", c_int64)]


class StayingSummary(Structure):
    _fields_ = ([("event", c_int32)] +
                [(n, c_int64) for n in ("attendees", "event_ties",
                                        "new_event_ties", "cross_ties",
                                        "ended")] +
                [(n, c_double) for n in (
                    "follow_up_days", "horizon_days", "s_h", "s_h_lower",
                    "s_h_upper", "s_h_within", "s_h_cross", "median_days",
                    "median_lower", "median_upper", "decay_rate",
                    "decay_rate_lower", "decay_rate_upper", "half_life_days",
                    "half_life_lower", "half_life_upper",
                    "baseline_per_bin")] +
                [("verdict", c_int), ("reason", c_char_p)])


class LearningOptions(Structure):  # ilc/diagnostics.h
    _fields_ = [("version", c_uint), ("from_", c_int64), ("to", c_int64),
                ("after", c_int64), ("include_event", c_int),
                ("country_from_groups", c_int),
                ("policy_roles", POINTER(c_char_p)),
                ("npolicy_roles", c_size_t),
                ("implementation_roles", POINTER(c_char_p)),
                ("nimplementation_roles", c_size_t)]


class ParticipationOptions(Structure):
    _fields_ = [("version", c_uint), ("from_", c_int64), ("to", c_int64),
                ("top_percent", c_double)]


# Option structs: (struct, init function, version constant of the header).
OPTIONS = {
    "import": (ImportOptions, "ilc_import_options_init", 1),
    "timeline": (TimelineOptions, "ilc_timeline_options_init", 1),
    "snapshot": (SnapshotOptions, "ilc_snapshot_options_init", 1),
    "cohesion": (CohesionOptions, "ilc_cohesion_options_init", 1),
    "ei": (EiOptions, "ilc_ei_options_init", 1),
    "gf": (GfOptions, "ilc_gf_options_init", 1),
    "brokerage_series": (BrokerageSeriesOptions,
                         "ilc_brokerage_series_options_init", 1),
    "betweenness": (BetweennessOptions, "ilc_betweenness_options_init", 1),
    "paths_series": (PathsSeriesOptions, "ilc_paths_series_options_init",
                     1),
    "km": (KmOptions, "ilc_km_options_init", 1),
    "spells": (SpellsOptions, "ilc_spells_options_init", 1),
    "staying": (StayingOptions, "ilc_staying_options_init", 1),
    "learning": (LearningOptions, "ilc_learning_options_init", 1),
    "participation": (ParticipationOptions,
                      "ilc_participation_options_init", 1),
}

# --- functions ----------------------------------------------------------------

P = c_void_p          # opaque handles
PP = POINTER(c_void_p)
S = c_char_p
I64 = c_int64
PI64 = POINTER(c_int64)
PD = POINTER(c_double)
PI32 = POINTER(c_int32)
PI = POINTER(c_int)
PW = POINTER(Window)

_DECLS = {
    # common.h
    "ilc_version": (S, []),
    "ilc_version_number": (c_int, []),
    "ilc_error_message": (S, []),
    "ilc_error_code_last": (c_int, []),
    "ilc_error_clear": (None, []),
    "ilc_error_name": (S, [c_int]),
    "ilc_error_default_message": (S, [c_int]),
    "ilc_free": (None, [c_void_p]),
    "ilc_nan": (c_double, []),
    # time.h
    "ilc_time_parse": (c_int, [PI64, S, c_size_t]),
    "ilc_duration_parse": (c_int, [PI64, S]),
    "ilc_time_format": (c_int, [c_char_p, c_size_t, I64]),
    # table.h
    "ilc_table_free": (None, [P]),
    "ilc_table_name": (S, [P]),
    "ilc_table_row_count": (I64, [P]),
    "ilc_table_column_count": (c_int, [P]),
    "ilc_table_column_name": (S, [P, c_int]),
    "ilc_table_column_type": (c_int, [P, c_int]),
    "ilc_table_is_null": (c_int, [P, I64, c_int]),
    "ilc_table_get_int": (I64, [P, I64, c_int]),
    "ilc_table_get_real": (c_double, [P, I64, c_int]),
    "ilc_table_get_text": (S, [P, I64, c_int]),
    "ilc_table_convention_count": (c_int, [P]),
    "ilc_table_convention_key": (S, [P, c_int]),
    "ilc_table_convention_value": (S, [P, c_int]),
    "ilc_table_to_json": (c_int, [PP, P]),
    "ilc_table_to_csv": (c_int, [PP, P]),
    "ilc_table_to_text": (c_int, [PP, P]),
    # store.h, import.h
    "ilc_store_open": (c_int, [PP, S, c_uint]),
    "ilc_store_close": (None, [P]),
    "ilc_store_summarize": (c_int, [POINTER(StoreSummary), P]),
    "ilc_store_meta_get": (c_int, [PP, P, S]),
    "ilc_store_meta_set": (c_int, [P, S, S]),
    "ilc_import_options_init": (c_int, [POINTER(ImportOptions), c_uint]),
    "ilc_import_csv_files": (c_int, [P, POINTER(ImportFiles),
                                     POINTER(ImportOptions),
                                     POINTER(ImportStats)]),
    "ilc_import_dataset_dir": (c_int, [P, S, POINTER(ImportOptions),
                                       POINTER(ImportStats)]),
    "ilc_import_json": (c_int, [P, S, POINTER(ImportOptions),
                                POINTER(ImportStats)]),
    "ilc_import_sociopatterns": (c_int, [P, S, S, POINTER(ImportOptions),
                                         POINTER(ImportStats)]),
    "ilc_import_snap": (c_int, [P, S, S, POINTER(ImportOptions),
                                POINTER(ImportStats)]),
    # snapshot.h
    "ilc_snapshot_from_edges": (c_int, [PP, I64, PI64, c_size_t, PD, c_int,
                                        PI32, c_int32, POINTER(c_char_p)]),
    "ilc_snapshot_free": (None, [P]),
    "ilc_snapshot_vertex_count": (I64, [P]),
    "ilc_snapshot_edge_count": (I64, [P]),
    "ilc_snapshot_is_directed": (c_int, [P]),
    "ilc_snapshot_loops_dropped": (I64, [P]),
    "ilc_snapshot_edge": (c_int, [P, I64, PI64, PI64, PD]),
    "ilc_snapshot_group_count": (c_int32, [P]),
    "ilc_snapshot_group": (c_int32, [P, I64]),
    "ilc_snapshot_group_name": (S, [P, c_int32]),
    "ilc_snapshot_participant": (I64, [P, I64]),
    "ilc_snapshot_vertex_name": (S, [P, I64]),
    "ilc_snapshot_set_vertex_names": (c_int, [P, POINTER(c_char_p)]),
    "ilc_snapshot_to_graphml": (c_int, [PP, P]),
    "ilc_snapshot_to_edgelist": (c_int, [PP, P]),
    # timeline.h
    "ilc_timeline_options_init": (c_int, [POINTER(TimelineOptions), c_uint]),
    "ilc_timeline_load": (c_int, [PP, P, POINTER(TimelineOptions)]),
    "ilc_timeline_from_arrays": (c_int, [PP, I64, POINTER(c_char_p), PI32,
                                         c_int32, POINTER(c_char_p),
                                         c_size_t, PI64, PI64, PI64, PD,
                                         c_int]),
    "ilc_timeline_free": (None, [P]),
    "ilc_timeline_count": (c_size_t, [P]),
    "ilc_timeline_loops_dropped": (c_size_t, [P]),
    "ilc_timeline_is_directed": (c_int, [P]),
    "ilc_timeline_first": (I64, [P]),
    "ilc_timeline_ts": (PI64, [P]),
    "ilc_timeline_src": (PI64, [P]),
    "ilc_timeline_dst": (PI64, [P]),
    "ilc_timeline_weight": (PD, [P]),
    "ilc_timeline_channel": (PI32, [P]),
    "ilc_timeline_event": (PI32, [P]),
    "ilc_timeline_lower_bound": (c_size_t, [P, I64]),
    "ilc_timeline_channel_count": (c_int32, [P]),
    "ilc_timeline_channel_name": (S, [P, c_int32]),
    "ilc_timeline_groups": (PI32, [P]),
    "ilc_timeline_last": (I64, [P]),
    "ilc_timeline_participant_count": (I64, [P]),
    "ilc_timeline_participant_id": (S, [P, I64]),
    "ilc_timeline_participant_index": (I64, [P, S]),
    "ilc_timeline_participant_country": (S, [P, I64]),
    "ilc_timeline_participant_role": (S, [P, I64]),
    "ilc_timeline_participant_organisation": (S, [P, I64]),
    "ilc_timeline_participant_sector": (S, [P, I64]),
    "ilc_timeline_participant_group": (c_int32, [P, I64]),
    "ilc_timeline_group_count": (c_int32, [P]),
    "ilc_timeline_group_name": (S, [P, c_int32]),
    "ilc_timeline_group_attr": (S, [P]),
    "ilc_timeline_event_count": (c_int32, [P]),
    "ilc_timeline_event_id": (S, [P, c_int32]),
    "ilc_timeline_event_name": (S, [P, c_int32]),
    "ilc_timeline_event_host": (S, [P, c_int32]),
    "ilc_timeline_event_period": (c_int, [P, c_int32, PI64, PI64]),
    "ilc_timeline_event_index": (c_int32, [P, S]),
    "ilc_timeline_event_attendees": (c_int, [P, c_int32, POINTER(PI64),
                                             POINTER(c_size_t),
                                             POINTER(POINTER(c_char_p))]),
    "ilc_snapshot_options_init": (c_int, [POINTER(SnapshotOptions), c_uint]),
    "ilc_timeline_snapshot": (c_int, [PP, P, I64, I64,
                                      POINTER(SnapshotOptions)]),
    "ilc_window_series": (c_int, [POINTER(PW), POINTER(c_size_t), I64, I64,
                                  I64, I64]),
    # cohesion.h
    "ilc_cohesion_options_init": (c_int, [POINTER(CohesionOptions), c_uint]),
    "ilc_cohesion_snapshot": (c_int, [PP, P, POINTER(CohesionOptions)]),
    "ilc_cohesion_series": (c_int, [PP, P, PW, c_size_t,
                                    POINTER(CohesionOptions)]),
    "ilc_local_clustering": (c_int, [PD, P]),
    "ilc_coreness": (c_int, [PI64, P]),
    "ilc_cohesion_vertex_table": (c_int, [PP, P]),
    "ilc_ei_options_init": (c_int, [POINTER(EiOptions), c_uint]),
    "ilc_ei_table": (c_int, [PP, P, POINTER(EiOptions)]),
    "ilc_ei": (c_int, [PD, PI64, PI64, PD, P]),
    "ilc_modularity": (c_int, [PD, PD, P]),
    "ilc_mixing_matrix": (c_int, [PP, P]),
    # brokerage.h
    "ilc_gf_role_name": (S, [c_int]),
    "ilc_gf_role_label": (S, [c_int]),
    "ilc_gf_options_init": (c_int, [POINTER(GfOptions), c_uint]),
    "ilc_gf_counts": (c_int, [PD, P, c_int]),
    "ilc_gf_totals": (c_int, [PD, P, c_int]),
    "ilc_gf_table": (c_int, [PP, P, POINTER(GfOptions)]),
    "ilc_gf_network_table": (c_int, [PP, P, POINTER(GfOptions)]),
    "ilc_gf_group_table": (c_int, [PP, P]),
    "ilc_constraint": (c_int, [PD, P, c_int]),
    "ilc_holes": (c_int, [PD, PD, PD, PD, P, c_int]),
    "ilc_holes_table": (c_int, [PP, P, c_int]),
    "ilc_brokerage_series_options_init": (
        c_int, [POINTER(BrokerageSeriesOptions), c_uint]),
    "ilc_brokerage_series": (c_int, [PP, P, PW, c_size_t,
                                     POINTER(BrokerageSeriesOptions)]),
    # paths.h
    "ilc_betweenness_options_init": (c_int, [POINTER(BetweennessOptions),
                                             c_uint]),
    "ilc_betweenness": (c_int, [PD, P, POINTER(BetweennessOptions)]),
    "ilc_cut_vertices": (c_int, [POINTER(c_uint8), PI64, P]),
    "ilc_bridges": (c_int, [POINTER(c_uint8), PI64, P]),
    "ilc_betweenness_table": (c_int, [PP, P, POINTER(BetweennessOptions)]),
    "ilc_bridging_ties_table": (c_int, [PP, P, c_int]),
    "ilc_paths_series_options_init": (c_int, [POINTER(PathsSeriesOptions),
                                              c_uint]),
    "ilc_paths_series": (c_int, [PP, P, PW, c_size_t,
                                 POINTER(PathsSeriesOptions)]),
    # survival.h
    "ilc_ci_type_name": (S, [c_int]),
    "ilc_km_options_init": (c_int, [POINTER(KmOptions), c_uint]),
    "ilc_km_fit": (c_int, [PP, PD, PI, c_size_t, POINTER(KmOptions)]),
    "ilc_km_free": (None, [P]),
    "ilc_km_n": (c_size_t, [P]),
    "ilc_km_events": (c_size_t, [P]),
    "ilc_km_size": (c_size_t, [P]),
    "ilc_km_get": (c_int, [POINTER(KmPoint), P, c_size_t]),
    "ilc_km_at": (c_int, [POINTER(KmPoint), P, c_double]),
    "ilc_km_quantile": (c_int, [PD, PD, PD, P, c_double]),
    "ilc_km_median": (c_double, [P]),
    "ilc_km_rmean": (c_int, [PD, PD, P, c_double]),
    "ilc_km_table": (c_int, [PP, P, c_int]),
    "ilc_logrank": (c_int, [POINTER(LogrankResult), PD, PD, PD, PI, PI32,
                            c_int32, c_size_t]),
    "ilc_km_strata_table": (c_int, [PP, PD, PI, PI32, c_int32,
                                    POINTER(c_char_p), c_size_t, c_double,
                                    POINTER(KmOptions)]),
    "ilc_km_curves_table": (c_int, [PP, PD, PI, PI32, c_int32,
                                    POINTER(c_char_p), c_size_t, c_int,
                                    POINTER(KmOptions)]),
    "ilc_chisq_upper": (c_double, [c_double, c_double]),
    "ilc_normal_quantile": (c_double, [c_double]),
    # decay.h
    "ilc_spells_options_init": (c_int, [POINTER(SpellsOptions), c_uint]),
    "ilc_spells_compute": (c_int, [PP, c_size_t, PI64, PI64, PI64, c_int,
                                   POINTER(SpellsOptions)]),
    "ilc_timeline_spells": (c_int, [PP, P, POINTER(SpellsOptions)]),
    "ilc_spells_free": (None, [P]),
    "ilc_spells_count": (c_size_t, [P]),
    "ilc_spells_tie_count": (c_size_t, [P]),
    "ilc_spells_ended": (c_size_t, [P]),
    "ilc_spells_reactivations": (c_size_t, [P]),
    "ilc_spells_dormancy": (I64, [P]),
    "ilc_spells_obs_start": (I64, [P]),
    "ilc_spells_obs_end": (I64, [P]),
    "ilc_spells_directed": (c_int, [P]),
    "ilc_spells_get": (c_int, [POINTER(Spell), P, c_size_t]),
    "ilc_spells_km": (c_int, [PP, P, POINTER(KmOptions)]),
    "ilc_spells_table": (c_int, [PP, P, P]),
    "ilc_stratum_by_name": (S, [c_int]),
    "ilc_spells_survival_table": (c_int, [PP, P, P, c_int, c_double,
                                          POINTER(KmOptions)]),
    "ilc_spells_curves_table": (c_int, [PP, P, P, c_int, c_int,
                                        POINTER(KmOptions)]),
    "ilc_spells_window_table": (c_int, [PP, P, I64, PW, c_size_t]),
    "ilc_spell_transitions": (c_int, [PP, PI64, PI64, PI64, c_size_t, I64,
                                      PI64, c_size_t]),
    "ilc_dormancy_sweep_table": (c_int, [PP, P, PI64, c_size_t, c_double]),
    "ilc_decayed_strength": (c_double, [PI64, PD, c_size_t, I64, c_double]),
    "ilc_intercontact_times": (c_int, [PI64, PI64, c_size_t]),
    "ilc_burstiness": (c_double, [PI64, c_size_t]),
    "ilc_burstiness_corrected": (c_double, [PI64, c_size_t]),
    "ilc_ties_table": (c_int, [PP, P, P, I64, I64]),
    "ilc_strength_series_table": (c_int, [PP, P, PI64, c_size_t, I64,
                                          c_double]),
    "ilc_turnover_table": (c_int, [PP, P, PW, c_size_t]),
    "ilc_decay_by_age_table": (c_int, [PP, P, PW, c_size_t]),
    "ilc_verdict_name": (S, [c_int]),
    "ilc_staying_options_init": (c_int, [POINTER(StayingOptions), c_uint]),
    "ilc_staying_power": (c_int, [PP, P, c_int32, POINTER(StayingOptions)]),
    "ilc_staying_free": (None, [P]),
    "ilc_staying_get_summary": (c_int, [POINTER(StayingSummary), P]),
    "ilc_staying_horizons_table": (c_int, [PP, P]),
    "ilc_staying_activity_table": (c_int, [PP, P]),
    "ilc_staying_to_json": (c_int, [PP, P]),
    "ilc_staying_events_table": (c_int, [PP, P, POINTER(StayingOptions)]),
    "ilc_staying_curves_table": (c_int, [PP, P, POINTER(StayingOptions)]),
    # diagnostics.h
    "ilc_learning_options_init": (c_int, [POINTER(LearningOptions), c_uint]),
    "ilc_learning_table": (c_int, [PP, P, c_int32, POINTER(LearningOptions)]),
    "ilc_participation_options_init": (c_int, [POINTER(ParticipationOptions),
                                               c_uint]),
    "ilc_participation_table": (c_int, [PP, P,
                                        POINTER(ParticipationOptions)]),
    "ilc_participation_distribution": (c_int, [PP, P,
                                               POINTER(ParticipationOptions)]),
    "ilc_attendee_mix": (c_int, [PP, P, c_int32,
                                 POINTER(ParticipationOptions)]),
}

#: Declared functions the loaded library does not export (not built yet).
missing = set()


def _declare():
    for name, (restype, argtypes) in _DECLS.items():
        try:
            fn = getattr(lib, name)
        except AttributeError:
            missing.add(name)
            continue
        fn.restype = restype
        fn.argtypes = argtypes


_declare()


def has(name):
    """True when the loaded library exports the C function name."""
    return name in _DECLS and name not in missing
