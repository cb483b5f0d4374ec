"""ilc.Table: the one results model of libilc (ilc/table.h)."""

import json

from ._handle import Handle
from ._lib import lib
from ._util import dec, take_string

_INT, _REAL, _TEXT = 1, 2, 3
_TYPE_NAMES = {_INT: "int", _REAL: "real", _TEXT: "text"}


class Table(Handle):
    """A result table: named, typed columns; cells may be null.

    Read it as ``rows()`` (a list of dicts, None for null and NaN cells),
    ``columns`` (names), ``types`` (column name -> "int" / "real" /
    "text"), ``conventions`` (the dict of conventions the measure was
    computed under), or serialise it with ``to_json()``, ``to_csv()``,
    ``to_text()`` (the library's own, deterministic forms) and
    ``to_pandas()``.  Tables are returned by the measures; the C table is
    freed by close() or when the object is collected.
    """

    _kind = "table"
    _free = "ilc_table_free"

    def __init__(self, ptr):
        self._adopt(ptr)

    @property
    def name(self):
        return dec(lib.ilc_table_name(self._h))

    def __len__(self):
        return lib.ilc_table_row_count(self._h)

    @property
    def columns(self):
        h = self._h
        return [dec(lib.ilc_table_column_name(h, c))
                for c in range(lib.ilc_table_column_count(h))]

    @property
    def types(self):
        h = self._h
        return {dec(lib.ilc_table_column_name(h, c)):
                _TYPE_NAMES.get(lib.ilc_table_column_type(h, c))
                for c in range(lib.ilc_table_column_count(h))}

    @property
    def conventions(self):
        h = self._h
        return {dec(lib.ilc_table_convention_key(h, i)):
                dec(lib.ilc_table_convention_value(h, i))
                for i in range(lib.ilc_table_convention_count(h))}

    def _getter(self, c):
        kind = lib.ilc_table_column_type(self._h, c)
        if kind == _INT:
            return lib.ilc_table_get_int
        if kind == _REAL:
            return lib.ilc_table_get_real
        return lambda h, r, col: dec(lib.ilc_table_get_text(h, r, col))

    def column(self, name):
        """The values of one column as a list (None for null)."""
        names = self.columns
        if name not in names:
            raise KeyError(name)
        c = names.index(name)
        h, get = self._h, self._getter(c)
        return [None if lib.ilc_table_is_null(h, r, c) else get(h, r, c)
                for r in range(len(self))]

    def _rows(self, indices):
        h = self._h
        names = self.columns
        getters = [self._getter(c) for c in range(len(names))]
        out = []
        for r in indices:
            row = {}
            for c, name in enumerate(names):
                if lib.ilc_table_is_null(h, r, c):
                    row[name] = None
                else:
                    row[name] = getters[c](h, r, c)
            out.append(row)
        return out

    def rows(self):
        """The rows as a list of dicts {column: value}; None for null."""
        return self._rows(range(len(self)))

    def __iter__(self):
        return iter(self.rows())

    def __getitem__(self, i):
        """Row i as a dict (negative indices count from the end)."""
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("table row %d out of range" % i)
        return self._rows([i])[0]

    def to_json(self):
        """The library's JSON text: {"table", "conventions", "columns",
        "rows"} (NaN -> null)."""
        return take_string(lib.ilc_table_to_json, self._h)

    def to_dict(self):
        """The JSON form parsed into Python objects."""
        return json.loads(self.to_json())

    def to_csv(self):
        """CSV text: header line, RFC 4180 quoting, null -> empty field."""
        return take_string(lib.ilc_table_to_csv, self._h)

    def to_text(self):
        """Aligned text for a terminal (null -> "-")."""
        return take_string(lib.ilc_table_to_text, self._h)

    def to_pandas(self):
        """A pandas.DataFrame of the rows (null -> None / NaN), with the
        conventions in ``df.attrs["conventions"]``.  Raises ImportError
        when pandas is not installed."""
        try:
            import pandas
        except ImportError:
            raise ImportError(
                "ilc.Table.to_pandas() needs pandas, which is not "
                "installed; use Table.rows() (a list of dicts) instead, or "
                "install pandas (Debian: apt-get install python3-pandas)")
        df = pandas.DataFrame(self.rows(), columns=self.columns)
        df.attrs["table"] = self.name
        df.attrs["conventions"] = self.conventions
        return df

    def __repr__(self):
        if self.closed:
            return "<ilc.Table (closed)>"
        return "<ilc.Table %r: %d rows x %d columns>" % (
            self.name, len(self), len(self.columns))

    def __str__(self):
        return self.to_text()


def table_from(fn, *args):
    """Calls fn(ilc_table **out, *args) and wraps the table it returns."""
    import ctypes
    from ._errors import check
    out = ctypes.c_void_p()
    check(fn(ctypes.byref(out), *args))
    return Table(out.value)
