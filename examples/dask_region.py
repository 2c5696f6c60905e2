"""Evaluate every city of a region on a local Dask cluster with worker processes, and check
the results equal the single-process run.

    python examples/dask_region.py --cities 20 --period 2025-Q4 --workers 2

The region comes from the core's generator (``pilotage.sample_region(n, seed)``). Each task
receives one ``Workspace`` (pickled through its JSON form), evaluates it in the worker
process with the GIL released, and returns the ``Evaluation`` (pickled the same way) and
the headline figures. Nothing here distributes by hand: Dask schedules the tasks, and the
same code runs on a multi-machine cluster by giving ``--scheduler tcp://host:8786`` (see
bindings-python/README.md, "Scale-out").
"""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

import pilotage


def evaluate_city(ws: pilotage.Workspace, period: str) -> tuple[str, pilotage.Evaluation, pilotage.Result]:
    """The work of one task: the scorecard and the headline figures of one city."""
    return ws.organisation, ws.evaluate(period), ws.headline(period)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cities", type=int, default=20, help="number of cities in the region (default 20)")
    parser.add_argument("--seed", type=int, default=2014, help="seed of the region generator")
    parser.add_argument("--period", default="2025-Q4", help="reporting period (default 2025-Q4)")
    parser.add_argument("--workers", type=int, default=2, help="local worker processes (default 2)")
    parser.add_argument("--scheduler", default=None, help="address of an existing Dask scheduler instead")
    args = parser.parse_args(argv)

    from dask.distributed import Client, LocalCluster

    region = pilotage.sample_region(args.cities, seed=args.seed)

    t0 = time.perf_counter()
    single = [evaluate_city(ws, args.period) for ws in region]
    t_single = time.perf_counter() - t0

    cluster: Any = None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(
            processes=True, n_workers=args.workers, threads_per_worker=1, dashboard_address=None
        )
        client = Client(cluster)
    try:
        t0 = time.perf_counter()
        futures = client.map(evaluate_city, region, period=args.period, pure=False)
        distributed = client.gather(futures)
        t_dask = time.perf_counter() - t0
        pids = set(client.run(lambda: __import__("os").getpid()).values())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

    assert len(distributed) == len(single) == args.cities
    mismatches = [
        name
        for (name, ev, h), (name2, ev2, h2) in zip(single, distributed)
        if name != name2 or ev != ev2 or ev.to_json() != ev2.to_json() or h.to_json() != h2.to_json()
    ]
    if mismatches:
        print(f"results differ for {len(mismatches)} cities: {mismatches[:5]}", file=sys.stderr)
        return 1
    if cluster is not None and len(pids) != args.workers:
        print(f"expected {args.workers} worker processes, saw {len(pids)}", file=sys.stderr)
        return 1
    scores = [ev.node("scorecard").score for _, ev, _ in distributed]
    print(
        f"{args.cities} cities at {args.period} on {len(pids)} worker processes: equal to the single-process run "
        f"(single {t_single:.2f} s, dask {t_dask:.2f} s incl. pickling); "
        f"overall score from {min(s for s in scores if s is not None):.1f} to {max(s for s in scores if s is not None):.1f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
