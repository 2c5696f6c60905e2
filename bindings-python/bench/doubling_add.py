"""Doubling measurement of the Python ``add_*`` loops (issue #14): each loop of single
keyword calls at n, 2n and 4n records, printing the time and the growth per doubling (about 2
for linear work, 4 for quadratic). Before the core's id index, 40,000 ``add_partner`` calls
took 2.2 s (each call scanned the list).

    python bindings-python/bench/doubling_add.py [n]     # n defaults to 10,000

Run it with the built package (``maturin develop --release`` in bindings-python/).
"""

from __future__ import annotations

import datetime
import sys
import time
from decimal import Decimal
from typing import Callable

import pilotage

JOINED = datetime.date(2024, 1, 15)


def add_partners(ws: pilotage.Workspace, n: int) -> None:
    for k in range(n):
        ws.add_partner(f"pa{k}", f"Partenaire {k}", "company", joined=JOINED)


def add_services(ws: pilotage.Workspace, n: int) -> None:
    for k in range(n):
        ws.add_service(f"s{k}", f"Service {k}")


def add_projects(ws: pilotage.Workspace, n: int) -> None:
    ws.add_service("urb", "Urbanisme")
    for k in range(n):
        ws.add_project(f"p{k}", f"Projet {k}", "urb", registered=JOINED)


def add_commitments(ws: pilotage.Workspace, n: int) -> None:
    ws.add_partner("region", "Région", "region")
    for k in range(n):
        ws.add_commitment(f"c{k}", "region", "grant", steps=[("pledged", JOINED, Decimal(1000))])


def add_indicators(ws: pilotage.Workspace, n: int) -> None:
    for k in range(n):
        ws.add_indicator(f"i{k}", f"I {k}", "quarterly", {"method": "ratio_to_target"})


def add_measurements(ws: pilotage.Workspace, n: int) -> None:
    # 100 monthly indicators, each its months from 1900-01 on (4n = 160,000 rows fit).
    for k in range(100):
        ws.add_indicator(f"m{k}", f"M {k}", "monthly", {"method": "ratio_to_target"})
    for r in range(n):
        m = r // 100
        ws.add_measurement(f"m{r % 100}", f"{1900 + m // 12}-{m % 12 + 1:02d}", r % 97)


LOOPS: list[tuple[str, Callable[[pilotage.Workspace, int], None]]] = [
    ("add_partner", add_partners),
    ("add_service", add_services),
    ("add_project", add_projects),
    ("add_commitment", add_commitments),
    ("add_indicator", add_indicators),
    ("add_measurement (100 indicators)", add_measurements),
]


def timed(loop: Callable[[pilotage.Workspace, int], None], n: int) -> float:
    best = float("inf")
    for _ in range(3):  # the best of three: the machine is shared
        ws = pilotage.Workspace("Bench")
        t = time.perf_counter()
        loop(ws, n)
        best = min(best, time.perf_counter() - t)
    return best


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    print(f"| Python loop of single calls | n = {n} | 2n | 4n | growth per doubling | n to 4n (linear: 4, quadratic: 16) |")
    print("|---|---|---|---|---|---|")
    for name, loop in LOOPS:
        times = [timed(loop, k) for k in (n, 2 * n, 4 * n)]
        ratios = [b / a for a, b in zip(times, times[1:])]
        print(
            f"| {name} | {times[0] * 1e3:.0f} ms | {times[1] * 1e3:.0f} ms | {times[2] * 1e3:.0f} ms | "
            f"{', '.join(f'{r:.2f}' for r in ratios)} | {times[2] / times[0]:.1f} |"
        )


if __name__ == "__main__":
    main()
