"""Results of the portfolio and partnership analytics, as Python values.

The compiled module builds each result from the typed Rust struct (money as
``decimal.Decimal``, dates as ``datetime.date``, periods as ``str``) into a ``Record`` (a
dict whose keys are also attributes); the top level is a ``Result``, which also keeps the
core's JSON text of the same value and knows which of its lists is a table. Nothing here
computes: ``to_pandas()`` only lays rows out.
"""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from typing import Any, Callable

__all__ = ["Record", "Result", "plain"]


class Record(dict):  # type: ignore[type-arg]
    """A dict whose keys are also read as attributes (``h.lead_time.later.median_days``).

    >>> r = Record(count=3)
    >>> r.count, r["count"]
    (3, 3)
    """

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(f"{type(self).__name__} has no field {name!r} (fields: {', '.join(self)})") from None

    def __dir__(self) -> list[str]:
        return sorted(set(super().__dir__()) | {str(k) for k in self})

    def to_dict(self) -> dict[str, Any]:
        """A deep copy as plain dicts and lists (money stays ``Decimal``, dates ``date``)."""
        out: dict[str, Any] = plain(self)
        return out


def plain(value: Any) -> Any:
    """``value`` with every ``Record`` turned into a plain ``dict`` (deeply)."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def json_form(value: Any) -> Any:
    """``value`` as the core writes it in JSON: money as its decimal string, dates as
    ``YYYY-MM-DD`` (the inverse of the typing the binding does).

    >>> json_form({"amount": Decimal("1E-7"), "on": datetime.date(2025, 1, 2)})
    {'amount': '0.0000001', 'on': '2025-01-02'}
    """
    if isinstance(value, dict):
        return {k: json_form(v) for k, v in value.items()}
    if isinstance(value, list):
        return [json_form(v) for v in value]
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _rows_lead_time(r: Record) -> list[dict[str, Any]]:
    return [{"period": r["period"], **f} for f in r["files"]]


def _rows_comparison(r: Record) -> list[dict[str, Any]]:
    return [*_rows_lead_time(r["earlier"]), *_rows_lead_time(r["later"])]


def _rows_amounts(key: str, name: str) -> Callable[[Record], list[dict[str, Any]]]:
    def rows(r: Record) -> list[dict[str, Any]]:
        return [{name: k, **v} for k, v in r[key].items()]

    return rows


def _rows_counts(key: str, name: str) -> Callable[[Record], list[dict[str, Any]]]:
    def rows(r: Record) -> list[dict[str, Any]]:
        return [{name: k, "count": v} for k, v in r[key].items()]

    return rows


def _rows_outstanding(r: Record) -> list[dict[str, Any]]:
    return [
        {
            "commitment": g["commitment"],
            "partner": g["partner"],
            **g["amounts"],
            "pledged_not_signed": g["pledged_not_signed"],
            "signed_not_received": g["signed_not_received"],
        }
        for g in r["commitments"]
    ]


def _rows_finance(r: Record) -> list[dict[str, Any]]:
    return [
        {
            "project": p["project"],
            "planned_cost": p["planned_cost"],
            "own": p["own"],
            **p["external"],
            "basis": p["basis"],
            "cofinancing_rate": p["cofinancing_rate"],
            "leverage": p["leverage"]["value"],
        }
        for p in r["projects"]
    ]


def _rows_throughput(r: Record) -> list[dict[str, Any]]:
    return [
        {"period": r["period"], "event": event, "project": p}
        for event in ("registered", "approved", "rejected", "delivered")
        for p in r[event]
    ]


def _rows_wip(r: Record) -> list[dict[str, Any]]:
    return [{"stage": s, "project": p} for s, ps in r["by_stage"].items() for p in ps]


#: For each tabular kind of result: how its rows are laid out.
TABLES: dict[str, Callable[[Record], list[dict[str, Any]]]] = {
    "lead_time": _rows_lead_time,
    "lead_time_comparison": _rows_comparison,
    "caseload": _rows_counts("by_stage", "stage"),
    "work_in_progress": _rows_wip,
    "throughput": _rows_throughput,
    "delivery": lambda r: list(r["projects"]),
    "portfolio_value": lambda r: [{"lead_service": k, "planned_cost": v} for k, v in r["by_lead_service"].items()],
    "transversality": lambda r: list(r["pairs"]),
    "partner_counts": _rows_amounts("by_kind", "kind"),
    "funds": _rows_amounts("by_kind", "kind"),
    "outstanding": _rows_outstanding,
    "portfolio_finance": _rows_finance,
    "concentration": lambda r: list(r["partners"]),
}


class Result(Record):
    """A result of the analytics: its fields (money as ``Decimal``), ``kind``, the core's
    JSON (``to_json()``) and, when it holds a table, ``to_pandas()`` / ``to_polars()``.

    >>> import pilotage
    >>> ws = pilotage.sample_city()
    >>> f = ws.funds(as_of="2025-12-31")
    >>> f.kind, type(f.total.signed).__name__
    ('funds', 'Decimal')
    >>> f.to_pandas().columns.tolist()
    ['kind', 'pledged', 'signed', 'received']
    """

    kind: str
    _json: str

    def __init__(self, kind: str, data: dict[str, Any] | None = None, json_text: str = "") -> None:
        super().__init__(data or {})
        self.kind = kind
        self._json = json_text

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or name == "kind":
            raise AttributeError(name)
        return super().__getattr__(name)

    def __repr__(self) -> str:
        return f"Result({self.kind!r}, {dict.__repr__(self)})"

    def to_json(self) -> str:
        """The core's JSON of this result (money as decimal strings)."""
        return self._json

    def table_rows(self) -> list[dict[str, Any]]:
        """The rows of the table this result holds (see ``TABLES``); attribute access reads
        fields, so this is not called ``rows`` (an import summary has a ``rows`` field)."""
        layout = TABLES.get(self.kind)
        if layout is None:
            raise TypeError(f"a {self.kind} result is not a table; read its fields (to_dict())")
        return [plain(r) for r in layout(self)]

    def to_pandas(self) -> Any:
        """A pandas DataFrame of the result's table (money stays ``Decimal``)."""
        try:
            import pandas as pd
        except ImportError as e:
            raise ImportError("to_pandas() needs pandas: pip install pandas") from e
        rows = self.table_rows()
        return pd.DataFrame.from_records(rows) if rows else pd.DataFrame()

    def to_polars(self) -> Any:
        """A polars DataFrame of the result's table (needs polars)."""
        try:
            import polars as pl
        except ImportError as e:
            raise ImportError("to_polars() needs polars: pip install polars") from e
        rows = self.table_rows()
        columns = list(rows[0]) if rows else []
        return pl.DataFrame({c: [r.get(c) for r in rows] for c in columns}, strict=False, infer_schema_length=None)


def check_json(result: Result) -> bool:
    """True when the typed fields and the core's JSON say the same thing (used by tests)."""
    return bool(json_form(plain(result)) == json.loads(result.to_json()))
