"""Small helpers shared by the binding's modules (not public)."""

import ctypes
import math

from . import _lib
from ._errors import UnsupportedError, check
from ._lib import lib

TIME_MIN = -(1 << 63)
TIME_MAX = (1 << 63) - 1


def require(name):
    """The C function name, or UnsupportedError when this build lacks it."""
    if not _lib.has(name):
        raise UnsupportedError(
            "%s is not exported by %s (a newer libilc is needed)"
            % (name, _lib.path))
    return getattr(lib, name)


def options(kind, **fields):
    """An option struct filled by its C _init() function, then overridden
    by the given fields (None values are left at the default)."""
    struct, init, version = _lib.OPTIONS[kind]
    o = struct()
    check(require(init)(ctypes.byref(o), version))
    for k, v in fields.items():
        if v is not None:
            setattr(o, k, v)
    return o


def enc(s):
    """str -> bytes for a const char * argument (None stays NULL)."""
    if s is None:
        return None
    if isinstance(s, bytes):
        return s
    return str(s).encode("utf-8")


def dec(b):
    """bytes from a borrowed const char * -> str (NULL -> None)."""
    return None if b is None else b.decode("utf-8", "replace")


def take_string(fn, *args):
    """Calls fn(char **out, *args), returns the text as str and frees it
    with ilc_free()."""
    out = ctypes.c_void_p()
    check(fn(ctypes.byref(out), *args))
    try:
        return ctypes.string_at(out.value).decode("utf-8") if out.value \
            else ""
    finally:
        lib.ilc_free(out)


def time(t):
    """A timestamp as epoch seconds: int, or a string ilc_time_parse()
    accepts ("2024-05-13", "2024-05-13T09:30:00Z", "1715592600")."""
    if t is None:
        return None
    if isinstance(t, bool):
        raise TypeError("a timestamp cannot be a bool")
    if isinstance(t, int):
        return t
    if isinstance(t, float):
        return math.floor(t)
    out = ctypes.c_int64()
    b = enc(t)
    check(lib.ilc_time_parse(ctypes.byref(out), b, len(b)))
    return out.value


def duration(d):
    """A duration in seconds: int, or "90s", "15m", "12h", "30d", "2w"."""
    if d is None:
        return None
    if isinstance(d, bool):
        raise TypeError("a duration cannot be a bool")
    if isinstance(d, int):
        return d
    if isinstance(d, float):
        return int(d)
    out = ctypes.c_int64()
    check(lib.ilc_duration_parse(ctypes.byref(out), enc(d)))
    return out.value


def array(ctype, values):
    """A ctypes array of values (None -> NULL pointer)."""
    if values is None:
        return None
    values = list(values)
    return (ctype * len(values))(*values)


def strings(values):
    """A (char * array, keep-alive list) pair for const char *const *."""
    if values is None:
        return None, 0
    encoded = [enc(v) for v in values]
    return (ctypes.c_char_p * len(encoded))(*encoded), len(encoded)


def nan_to_none(x):
    return None if isinstance(x, float) and math.isnan(x) else x


def windows(spec):
    """A ctypes Window array from a list of (start, end) pairs."""
    ws = [(time(a), time(b)) for a, b in spec]
    arr = (_lib.Window * len(ws))()
    for i, (a, b) in enumerate(ws):
        arr[i].start, arr[i].end = a, b
    return arr, len(ws)
