"""ilc.Store: the SQLite store and the importers (ilc/store.h, import.h)."""

import ctypes
import os
from ctypes import byref

from ._errors import check
from ._handle import Handle
from ._lib import ImportFiles, ImportStats, StoreSummary, lib
from ._util import dec, enc, options

_CREATE, _READONLY = 0x1, 0x2
_DIRECTED = {None: -1, False: 0, True: 1}


def _fspath(p):
    return None if p is None else enc(os.fspath(p))


def _stats(st):
    return {name: getattr(st, name) for name, _ in ImportStats._fields_}


class Store(Handle):
    """A libilc store: a *.ilc SQLite file, or ":memory:".

    Use it as a context manager (or call close())::

        with ilc.Store(":memory:") as store:
            store.import_dataset("datasets/persisting")
            print(store.summary()["interactions"])

    create: create the file when it does not exist (default True);
    readonly: open read-only.  Raises NotFoundError (no such file without
    create), SchemaError (not a libilc store), StoreError.
    """

    _kind = "store"
    _free = "ilc_store_close"

    def __init__(self, path=":memory:", create=True, readonly=False):
        flags = (_CREATE if create else 0) | (_READONLY if readonly else 0)
        out = ctypes.c_void_p()
        check(lib.ilc_store_open(byref(out), _fspath(path), flags))
        self._adopt(out.value)
        self.path = os.fspath(path)

    def __repr__(self):
        return "<ilc.Store %r%s>" % (self.path,
                                     " (closed)" if self.closed else "")

    @staticmethod
    def _import_options(auto_create_participants, allow_repeat, directed,
                        group_attribute):
        return options("import",
                       auto_create_participants=int(auto_create_participants),
                       allow_repeat=int(allow_repeat),
                       directed=_DIRECTED[directed],
                       group_attribute=enc(group_attribute))

    def import_dataset(self, directory, auto_create_participants=False,
                       allow_repeat=False, directed=None):
        """Imports the CSV files of a directory (countries.csv,
        participants.csv, events.csv, attendance.csv, interactions.csv,
        optionally .gz) in one transaction; returns the import statistics
        as a dict.  directed: None keeps the store's direction.
        Raises NotFoundError, ParseError ("FILE:LINE:FIELD: ..."),
        ExistsError (interactions imported before), StoreError."""
        o = self._import_options(auto_create_participants, allow_repeat,
                                 directed, None)
        st = ImportStats()
        check(lib.ilc_import_dataset_dir(self._h, _fspath(directory),
                                         byref(o), byref(st)))
        return _stats(st)

    def import_csv(self, participants=None, interactions=None,
                   countries=None, events=None, attendance=None,
                   auto_create_participants=False, allow_repeat=False,
                   directed=None):
        """Imports the named CSV files (any may be None) in one
        transaction; returns the import statistics.  Errors as
        import_dataset()."""
        o = self._import_options(auto_create_participants, allow_repeat,
                                 directed, None)
        files = ImportFiles(countries=_fspath(countries),
                            participants=_fspath(participants),
                            events=_fspath(events),
                            attendance=_fspath(attendance),
                            interactions=_fspath(interactions))
        st = ImportStats()
        check(lib.ilc_import_csv_files(self._h, byref(files), byref(o),
                                       byref(st)))
        return _stats(st)

    def import_json(self, path, auto_create_participants=False,
                    allow_repeat=False, directed=None):
        """Imports one JSON document holding a data set."""
        o = self._import_options(auto_create_participants, allow_repeat,
                                 directed, None)
        st = ImportStats()
        check(lib.ilc_import_json(self._h, _fspath(path), byref(o),
                                  byref(st)))
        return _stats(st)

    def import_sociopatterns(self, contacts, metadata=None,
                             group_attribute=None, directed=None,
                             allow_repeat=False):
        """Imports a SocioPatterns contact list ("t i j")."""
        o = self._import_options(False, allow_repeat, directed,
                                 group_attribute)
        st = ImportStats()
        check(lib.ilc_import_sociopatterns(self._h, _fspath(contacts),
                                           _fspath(metadata), byref(o),
                                           byref(st)))
        return _stats(st)

    def import_snap(self, edges, groups=None, group_attribute=None,
                    directed=None, allow_repeat=False):
        """Imports a SNAP temporal edge list ("src dst t")."""
        o = self._import_options(False, allow_repeat, directed,
                                 group_attribute)
        st = ImportStats()
        check(lib.ilc_import_snap(self._h, _fspath(edges), _fspath(groups),
                                  byref(o), byref(st)))
        return _stats(st)

    def summary(self):
        """Counts and time range: {"countries", "participants", "events",
        "attendance", "interactions", "channels", "first", "last",
        "directed" (bool), "schema_version"}."""
        s = StoreSummary()
        check(lib.ilc_store_summarize(byref(s), self._h))
        d = {name: getattr(s, name) for name, _ in StoreSummary._fields_}
        d["directed"] = bool(d["directed"])
        return d

    def meta(self, key):
        """A metadata value (str) or None when unset."""
        out = ctypes.c_void_p()
        check(lib.ilc_store_meta_get(byref(out), self._h, enc(key)))
        if not out.value:
            return None
        try:
            return dec(ctypes.string_at(out.value))
        finally:
            lib.ilc_free(out)

    def set_meta(self, key, value):
        check(lib.ilc_store_meta_set(self._h, enc(key), enc(value)))

    def timeline(self, from_=None, to=None, group="country", directed=None,
                 channels=None, participants=None, keep_loops=False):
        """Loads the interactions with from_ <= ts < to (None: no bound;
        int epoch seconds or ISO-8601 strings) into a Timeline.
        group: the participant attribute used as groups ("country",
        "role", "organisation", "sector", or a free attribute);
        directed: None = as the store says; channels / participants:
        keep only these (lists of names / ids).  Raises NotFoundError
        for an unknown channel or participant in a filter."""
        from ._timeline import Timeline
        return Timeline._load(self, from_, to, group, directed, channels,
                              participants, keep_loops)


def open_dataset(directory, **timeline_args):
    """Imports a directory of CSV files into an in-memory store and returns
    its Timeline (the store is closed again; a timeline does not need it)."""
    with Store(":memory:") as store:
        store.import_dataset(directory)
        return store.timeline(**timeline_args)
