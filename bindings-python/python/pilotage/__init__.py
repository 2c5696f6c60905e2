"""pilotage: steer a public organisation with a Balanced Scorecard over its projects, partners
and staff — from Python, with pandas.

The computing is done by the Rust library ``pilotage`` (compiled into ``pilotage._pilotage``);
this package re-exports it and adds the pandas/polars conversions (``pilotage._frames``).

>>> import pilotage
>>> ws = pilotage.Workspace("Romans-sur-Isère")
>>> ws.add_service("urb", "Urbanisme")
>>> ws.services().to_pandas()
    id       name
0  urb  Urbanisme
>>> pilotage.Period("2025-Q1").next()
Period('2025-Q2')

Money is ``decimal.Decimal`` (a ``float`` is refused), dates are ``datetime.date``, periods
are ``Period`` objects or strings such as ``"2025-03"``, ``"2025-Q1"``, ``"2025"``.

Threads: a ``Workspace`` may be shared between threads. Reading calls (``evaluate``, the
views, the analytics, ``save``) work on an immutable snapshot taken when they start, with the
GIL released; edits apply under a lock, copy-on-write. Every call sees the workspace as it
was before or after any other call, none raises because another thread uses it, and edits
made by two threads are all kept.
"""

from pilotage._frames import Table
from pilotage._pilotage import (
    SCHEMA_VERSION,
    Evaluation,
    Html,
    EvaluationRange,
    Forecast,
    NodeResult,
    NotFoundError,
    ParseError,
    Period,
    PeriodError,
    Problem,
    Trend,
    ValidationError,
    Workspace,
    __version__,
    sample_city,
    sample_region,
    sample_workspace,
    template,
)
from pilotage._results import Record, Result

__all__ = [
    "SCHEMA_VERSION",
    "Evaluation",
    "Html",
    "EvaluationRange",
    "Forecast",
    "NodeResult",
    "NotFoundError",
    "ParseError",
    "Period",
    "PeriodError",
    "Problem",
    "Record",
    "Result",
    "Table",
    "Trend",
    "ValidationError",
    "Workspace",
    "__version__",
    "sample_city",
    "sample_region",
    "sample_workspace",
    "template",
]
