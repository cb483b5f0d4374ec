"""Exceptions: every negative libilc return code raises an ilc.Error.

The exception carries the code (``.code``, e.g. -4), its symbolic name
(``.name``, "ILC_EPARSE") and the library's one-line message
(``.message``, from ilc_error_message(), e.g.
'interactions.csv:3:1: invalid timestamp "2024-13-45"').  Each code has its
own subclass, which also derives from the closest built-in exception where
one fits (ParseError is a ValueError, NotFoundError a LookupError, ...).
"""

from ._lib import lib


class Error(Exception):
    """A libilc call failed.  Attributes: code, name, message."""

    code = None

    def __init__(self, message, code=None):
        if code is None:
            code = type(self).code
        self.code = code
        self.name = _name(code)
        self.message = message
        Exception.__init__(self, message)

    def __str__(self):
        return "%s (%s)" % (self.message, self.name)


class InvalidArgumentError(Error, ValueError):
    """ILC_EINVAL: invalid argument (bad option value, bad index)."""
    code = -1


class OutOfMemoryError(Error, MemoryError):
    """ILC_ENOMEM: out of memory."""
    code = -2


class InputOutputError(Error, OSError):
    """ILC_EIO: a file could not be read or written."""
    code = -3


class ParseError(Error, ValueError):
    """ILC_EPARSE: malformed input; the message names file:line:column."""
    code = -4


class NotFoundError(Error, LookupError):
    """ILC_ENOTFOUND: a file, participant, event or channel is not there."""
    code = -5


class ExistsError(Error):
    """ILC_EEXISTS: already there (e.g. a file imported before)."""
    code = -6


class StoreError(Error):
    """ILC_ESTORE: SQLite failed."""
    code = -7


class SchemaError(StoreError):
    """ILC_ESCHEMA: not a libilc store, or a newer schema."""
    code = -8


class GraphError(Error):
    """ILC_EGRAPH: a graph computation failed."""
    code = -9


class RangeError(Error, ValueError):
    """ILC_ERANGE: a value out of range."""
    code = -10


class UnsupportedError(Error, NotImplementedError):
    """ILC_EUNSUPPORTED: not supported (also: a function this build of the
    library does not export yet)."""
    code = -11


class InternalError(Error):
    """ILC_EINTERNAL: a bug in libilc."""
    code = -12


_BY_CODE = {cls.code: cls for cls in (
    InvalidArgumentError, OutOfMemoryError, InputOutputError, ParseError,
    NotFoundError, ExistsError, StoreError, SchemaError, GraphError,
    RangeError, UnsupportedError, InternalError)}


def _name(code):
    if code is None:
        return "ILC_EUNKNOWN"
    return lib.ilc_error_name(code).decode()


def error_class(code):
    """The exception class raised for a libilc error code."""
    return _BY_CODE.get(code, Error)


def raise_for(code):
    """Raises the exception of a negative code with the thread's message."""
    msg = lib.ilc_error_message().decode("utf-8", "replace")
    if not msg:
        msg = lib.ilc_error_default_message(code).decode()
    raise error_class(code)(msg, code)


def check(rc):
    """Returns rc when it is >= 0, else raises the matching ilc.Error."""
    if rc < 0:
        raise_for(rc)
    return rc
