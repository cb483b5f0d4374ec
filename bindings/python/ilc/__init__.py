"""libilc for Python: network analysis of international learning
communities (cohesion, brokerage, decay and staying power).

A thin ctypes layer over the shared C library (see ilc/_lib.py for where
it is looked up; set ILC_LIBRARY=/path/to/libilc.so to choose one).
Results are ilc.Table objects (rows() as lists of dicts, to_json(),
to_csv(), to_pandas()); every libilc error raises an ilc.Error subclass
carrying the library's message and code.  Guide: docs/python.md.
"""

from . import _lib
from ._decay import Spells, StayingPower
from ._errors import (Error, ExistsError, GraphError, InputOutputError,
                      InternalError, InvalidArgumentError, NotFoundError,
                      OutOfMemoryError, ParseError, RangeError, SchemaError,
                      StoreError, UnsupportedError, error_class)
from ._handle import live_handles
from ._snapshot import COHESION_MEASURES, Snapshot
from ._store import Store, open_dataset
from ._survival import (KaplanMeier, burstiness, decayed_strength,
                        intercontact_times, km_fit, logrank, survival_curves,
                        survival_table)
from ._table import Table
from ._timeline import Timeline
from ._util import duration as _duration
from ._util import time as _time

__all__ = [
    "version", "version_number", "library_path", "parse_time",
    "parse_duration", "format_time", "Store", "Timeline", "Snapshot",
    "Table", "Spells", "StayingPower", "KaplanMeier", "open_dataset",
    "km_fit", "logrank", "survival_table", "survival_curves",
    "decayed_strength", "intercontact_times", "burstiness", "live_handles",
    "Error", "InvalidArgumentError", "OutOfMemoryError", "InputOutputError",
    "ParseError", "NotFoundError", "ExistsError", "StoreError",
    "SchemaError", "GraphError", "RangeError", "UnsupportedError",
    "InternalError", "error_class", "COHESION_MEASURES",
]

__version__ = "0.1.0"


def version():
    """The version of the C library actually loaded ("0.1.0")."""
    return _lib.lib.ilc_version().decode()


def version_number():
    """major*10000 + minor*100 + patch of the loaded library."""
    return _lib.lib.ilc_version_number()


def library_path():
    """The path of the loaded shared library."""
    return _lib.path


def parse_time(s):
    """Epoch seconds of a timestamp ("2024-05-13", "2024-05-13T09:30:00Z",
    offsets allowed, or an integer).  Raises ParseError / RangeError."""
    return _time(s)


def parse_duration(s):
    """Seconds of a duration ("90s", "15m", "12h", "30d", "2w", "3600")."""
    return _duration(s)


def format_time(t):
    """"YYYY-MM-DDTHH:MM:SSZ" of epoch seconds t."""
    import ctypes
    from ._errors import check
    buf = ctypes.create_string_buffer(32)
    check(_lib.lib.ilc_time_format(buf, len(buf), int(t)))
    return buf.value.decode()
