"""Answers as plain data: a typed JSON encoding that cannot execute anything when read.

The trainee's kernel encodes the answer variables a test needs (:func:`encode_names`,
sent to the kernel as source, run there); the trusted checker decodes them
(:func:`decode`) with ``json`` and pandas' JSON reader only — never pickle, never an
import chosen by the data beyond modules that are already installed.

Supported, by *exact* type (a subclass is not plain data): ``None``, ``...`` (the
exercises' "not answered yet" placeholder), ``bool``, ``int``,
``float``, ``complex``, ``str``, ``list``, ``tuple``, ``set``, ``frozenset``, ``dict``,
``datetime.date`` / ``datetime`` / ``time`` / ``timedelta``, ``pathlib`` paths, NumPy
scalars, ``pandas.Timestamp`` / ``Timedelta`` / ``Series`` / ``DataFrame`` / ``Index``
(pandas' ``to_json(orient="table")``), modules and the functions or classes of installed
modules (by name: the checker takes its own copy from its own environment). Anything
else (a function of the trainee, an object with its own ``__eq__``…) is encoded as
``{"t": "unsupported"}`` and the question that needs it gets 0.
"""

from __future__ import annotations

import inspect
import json

MAX_JSON_CHARS = 64 * 1024 * 1024  # per export (all names of one checkpoint)
MAX_DEPTH = 40


def encode_names(names, namespace):
    """Kernel side: ``{name: typed value}`` as an ASCII JSON string (runs in the sandbox)."""
    import datetime as _dt
    import json as _json
    import pathlib as _pl
    import sys as _sys
    import types as _types

    np = _sys.modules.get("numpy")
    pd = _sys.modules.get("pandas")
    counter = [0]

    def enc(x, depth):
        counter[0] += 1
        if depth > 40 or counter[0] > 2_000_000:
            return {"t": "unsupported", "type": "trop profond ou trop grand"}
        t = type(x)
        if x is None:
            return {"t": "none"}
        if x is Ellipsis:
            return {"t": "ellipsis"}
        if t is bool:
            return {"t": "bool", "v": x}
        if t is int:
            return {"t": "int", "v": str(x)}
        if t is float:
            return {"t": "float", "v": float.__repr__(x)}
        if t is complex:
            return {"t": "complex", "v": [float.__repr__(x.real), float.__repr__(x.imag)]}
        if t is str:
            return {"t": "str", "v": str.__str__(x)}
        if t in (list, tuple, set, frozenset):
            items = list(x) if t is not list else list.copy(x)
            return {"t": t.__name__, "v": [enc(i, depth + 1) for i in items]}
        if t is dict:
            return {
                "t": "dict",
                "v": [[enc(k, depth + 1), enc(v, depth + 1)] for k, v in dict.items(x)],
            }
        if t is _dt.datetime:
            return {
                "t": "datetime",
                "v": _dt.datetime.isoformat(x),
                "tz": str(x.tzinfo) if x.tzinfo else None,
            }
        if t is _dt.date:
            return {"t": "date", "v": _dt.date.isoformat(x)}
        if t is _dt.time:
            return {"t": "time", "v": _dt.time.isoformat(x)}
        if t is _dt.timedelta:
            return {"t": "timedelta", "v": [x.days, x.seconds, x.microseconds]}
        if t in (_pl.PosixPath, _pl.PurePosixPath, _pl.WindowsPath, _pl.PureWindowsPath):
            return {"t": "path", "v": str(_pl.PurePath(*x.parts)), "k": t.__name__}
        if t is _types.ModuleType:
            return {"t": "module", "v": str(x.__name__)}
        if np is not None and isinstance(x, np.generic) and t.__module__ == "numpy":
            if t is np.bool_:
                return {"t": "np", "d": "bool", "v": bool(x)}
            if np.issubdtype(t, np.integer):
                return {"t": "np", "d": np.dtype(t).name, "v": str(int(x))}
            if np.issubdtype(t, np.floating):
                return {"t": "np", "d": np.dtype(t).name, "v": float.__repr__(float(x))}
            if t is np.str_:
                return {"t": "str", "v": str(x)}
        if np is not None and t is np.ndarray and x.dtype.kind in "biuf":
            return {"t": "ndarray", "d": x.dtype.name, "v": enc(x.tolist(), depth + 1)}
        if pd is not None:
            if t is pd.Timestamp:
                return {"t": "timestamp", "v": x.isoformat(), "tz": str(x.tz) if x.tz else None}
            if t is pd.Timedelta:
                return {"t": "pdtimedelta", "v": str(int(x.value))}
            if t is pd.Series:
                frame = x.to_frame(name="__valeur__" if x.name is None else x.name)
                return {
                    "t": "series",
                    "name": enc(x.name, depth + 1),
                    "v": frame.to_json(orient="table", date_unit="ns"),
                    "dt": _dtypes(frame),
                }
            if t is pd.DataFrame:
                return {
                    "t": "dataframe",
                    "v": x.to_json(orient="table", date_unit="ns"),
                    "dt": _dtypes(x),
                }
            if t is pd.Index:
                return {"t": "index", "v": enc(list(x), depth + 1), "name": enc(x.name, depth + 1)}
        ref = _reference(x)
        if ref is not None:
            return ref
        kind = "fonction" if callable(x) and not isinstance(x, type) else "objet"
        if isinstance(x, type):
            kind = "classe"
        return {"t": "unsupported", "type": kind, "cls": str(t.__name__)[:60]}

    def _reference(x):
        """A function or class of an installed module (``from socialkit.check import
        check_equal``): by name; the checker takes its own copy of it."""
        module = getattr(x, "__module__", None)
        qualname = getattr(x, "__qualname__", None)
        if type(module) is not str or type(qualname) is not str or "<" in qualname:
            return None
        if module == "__main__" or module not in _sys.modules:
            return None
        obj = _sys.modules[module]
        for part in qualname.split("."):
            obj = getattr(obj, part, None)
        if obj is not x:
            return None
        return {"t": "ref", "module": module, "name": qualname}

    def _dtypes(frame):
        index = frame.index
        levels = [index.get_level_values(i) for i in range(index.nlevels)]
        return {
            "columns": [str(d) for d in frame.dtypes],
            "index": [str(level.dtype) for level in levels],
        }

    out = {}
    for name in names:
        if name in namespace:
            try:
                out[name] = enc(namespace[name], 0)
            except Exception as exc:  # noqa: BLE001
                out[name] = {"t": "unsupported", "type": "objet", "cls": type(exc).__name__}
    return _json.dumps(out, ensure_ascii=True, allow_nan=False)


def export_expression(names: list[str]) -> str:
    """Expression evaluated in the trainee's kernel (``user_expressions``)."""
    src = inspect.getsource(encode_names)
    return (
        "(lambda __g: (exec(__g['src'], __g), __g['encode_names']"
        f"({sorted(names)!r}, get_ipython().user_ns))[1])({{'src': {src!r}}})"
    )


class NotPlainData(Exception):
    """A value that is not plain data; ``str()`` is the French reason."""


def decode(doc: dict, depth: int = 0):
    """Trusted side: rebuild one typed value; raise :class:`NotPlainData`."""
    import datetime as dt
    import importlib
    import pathlib
    from io import StringIO

    if depth > MAX_DEPTH + 2 or not isinstance(doc, dict):
        raise NotPlainData("structure trop profonde ou invalide")
    t, v = doc.get("t"), doc.get("v")
    if t == "none":
        return None
    if t == "ellipsis":
        return Ellipsis
    if t == "bool" and type(v) is bool:
        return v
    if t == "int":
        return int(str(v))
    if t == "float":
        return float(str(v))
    if t == "complex":
        return complex(float(v[0]), float(v[1]))
    if t == "str" and type(v) is str:
        return v
    if t in ("list", "tuple", "set", "frozenset") and type(v) is list:
        items = [decode(i, depth + 1) for i in v]
        return {"list": list, "tuple": tuple, "set": set, "frozenset": frozenset}[t](items)
    if t == "dict" and type(v) is list:
        return {decode(k, depth + 1): decode(val, depth + 1) for k, val in v}
    if t == "datetime":
        value = dt.datetime.fromisoformat(str(v))
        return _with_zone(value, doc.get("tz"))
    if t == "date":
        return dt.date.fromisoformat(str(v))
    if t == "time":
        return dt.time.fromisoformat(str(v))
    if t == "timedelta":
        return dt.timedelta(days=int(v[0]), seconds=int(v[1]), microseconds=int(v[2]))
    if t == "path":
        kind = {"PosixPath": pathlib.Path, "WindowsPath": pathlib.PureWindowsPath}
        return kind.get(doc.get("k"), pathlib.PurePosixPath)(str(v))
    if t == "module":
        name = str(v)
        if not all(part.isidentifier() for part in name.split(".")):
            raise NotPlainData("nom de module invalide")
        try:
            return importlib.import_module(name)
        except Exception as exc:  # noqa: BLE001
            raise NotPlainData(f"module « {name} » introuvable pour la correction") from exc
    if t == "ref":
        module, name = str(doc.get("module")), str(doc.get("name"))
        if not all(p.isidentifier() for p in module.split(".") + name.split(".")):
            raise NotPlainData("référence invalide")
        try:
            obj = importlib.import_module(module)
            for part in name.split("."):
                obj = getattr(obj, part)
        except Exception as exc:  # noqa: BLE001
            raise NotPlainData(f"« {module}.{name} » introuvable pour la correction") from exc
        return obj
    if t == "np":
        import numpy as np

        dtype = str(doc.get("d"))
        if dtype == "bool":
            return np.bool_(bool(v))
        if dtype not in {
            "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
            "float16", "float32", "float64",
        }:  # fmt: skip
            raise NotPlainData(f"type NumPy {dtype} non pris en charge")
        return np.dtype(dtype).type(float(v) if dtype.startswith("float") else int(v))
    if t == "ndarray":
        import numpy as np

        return np.array(decode(v, depth + 1), dtype=str(doc.get("d")))
    if t == "timestamp":
        import pandas as pd

        stamp = pd.Timestamp(str(v))
        if doc.get("tz"):
            stamp = stamp.tz_convert(str(doc["tz"]))
        return stamp
    if t == "pdtimedelta":
        import pandas as pd

        return pd.Timedelta(int(v))
    if t in ("series", "dataframe"):
        import pandas as pd

        frame = pd.read_json(StringIO(str(v)), orient="table")
        frame = _restore_dtypes(frame, doc.get("dt") or {})
        if t == "dataframe":
            return frame
        series = frame.iloc[:, 0]
        series.name = decode(doc.get("name"), depth + 1)
        return series
    if t == "index":
        import pandas as pd

        return pd.Index(decode(v, depth + 1), name=decode(doc.get("name"), depth + 1))
    if t == "unsupported":
        kind = doc.get("type") or "objet"
        raise NotPlainData(f"{kind} ({doc.get('cls', '?')})")
    raise NotPlainData(f"type inconnu {t!r}")


_DTYPE_RE = None


def _safe_dtype(name: str) -> bool:
    """Only dtype names made of plain tokens (no code, no object dtype)."""
    import re

    global _DTYPE_RE
    if _DTYPE_RE is None:
        _DTYPE_RE = re.compile(r"^[A-Za-z0-9_\[\], /+:-]{1,60}$")
    return bool(_DTYPE_RE.match(name)) and name != "object"


def _restore_dtypes(frame, dtypes: dict):
    """Cast columns and index back to the trainee's dtypes (units, time zones, str)."""
    import pandas as pd

    columns = dtypes.get("columns") or []
    if len(columns) == frame.shape[1]:
        for pos, name in enumerate(columns):
            col = frame.iloc[:, pos]
            if str(col.dtype) != name and _safe_dtype(str(name)):
                try:
                    frame.isetitem(pos, col.astype(str(name)))
                except (TypeError, ValueError):
                    pass
    levels = dtypes.get("index") or []
    if len(levels) == frame.index.nlevels == 1 and str(frame.index.dtype) != levels[0]:
        if _safe_dtype(str(levels[0])):
            try:
                frame.index = frame.index.astype(str(levels[0]))
            except (TypeError, ValueError):
                pass
    elif len(levels) == frame.index.nlevels > 1:
        arrays = []
        for i, name in enumerate(levels):
            level = frame.index.get_level_values(i)
            if str(level.dtype) != name and _safe_dtype(str(name)):
                try:
                    level = level.astype(str(name))
                except (TypeError, ValueError):
                    pass
            arrays.append(level)
        frame.index = pd.MultiIndex.from_arrays(arrays, names=frame.index.names)
    return frame


def _with_zone(value, tz):
    if not tz or value.tzinfo is None:
        return value
    try:
        from zoneinfo import ZoneInfo

        return value.astimezone(ZoneInfo(tz))
    except Exception:  # noqa: BLE001 - fixed offsets ("UTC+01:00") stay as parsed
        return value


def parse_export(text: str | None) -> dict[str, dict] | None:
    """The kernel's reply (``repr`` of a JSON string) → ``{name: typed doc}`` or None."""
    import ast

    if not text or len(text) > MAX_JSON_CHARS:
        return None
    try:
        raw = ast.literal_eval(text)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return None
    if not isinstance(raw, str):
        return None
    try:
        doc = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    if not isinstance(doc, dict):
        return None
    return {k: v for k, v in doc.items() if isinstance(k, str) and isinstance(v, dict)}
