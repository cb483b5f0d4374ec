"""Owning wrappers of opaque C handles (not public).

Every handle the binding receives is owned by exactly one Python object,
which frees it in close() (idempotent) or, failing that, when it is
garbage-collected.  live_handles() counts the handles not yet freed, so
tests can check that nothing leaks.
"""

import threading

from ._errors import InvalidArgumentError
from ._lib import lib

_live = {}
_lock = threading.Lock()


def live_handles():
    """Number of C handles owned by Python objects and not yet freed, by
    kind (e.g. {"table": 2}); an empty dict when everything was freed."""
    with _lock:
        return {k: v for k, v in _live.items() if v}


class Handle(object):
    """Base of the handle-owning classes.  Subclasses set _kind and _free
    (the name of the C destructor)."""

    _kind = None
    _free = None
    _ptr = None

    def _adopt(self, ptr):
        self._ptr = ptr
        if ptr:
            with _lock:
                _live[self._kind] = _live.get(self._kind, 0) + 1

    @property
    def closed(self):
        return not self._ptr

    @property
    def _h(self):
        if not self._ptr:
            raise InvalidArgumentError(
                "%s: the handle is closed" % self._kind, -1)
        return self._ptr

    def close(self):
        """Frees the C handle now (safe to call twice)."""
        ptr, self._ptr = self._ptr, None
        if ptr:
            getattr(lib, self._free)(ptr)
            with _lock:
                _live[self._kind] -= 1

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def __del__(self):
        try:
            self.close()
        except Exception:  # interpreter shutdown
            pass
