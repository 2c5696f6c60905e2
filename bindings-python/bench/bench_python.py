"""Benchmark of the Python binding (not a timed test): open + evaluate + ``to_pandas()``
from Python, against the same work in pure Rust (``examples/bench_binding_baseline.rs``:
open, evaluate, lay out the tidy rows), for the sample city and for a workspace 100 times
larger (100x its indicators, projects, partners and commitments, from the core generator).

    python bindings-python/bench/bench_python.py [--reps 7] [--write bindings-python/BENCHMARKS.md]

The overhead of the binding is (Python - Rust) / Rust on the medians.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import pathlib
import platform
import statistics
import subprocess
import time
from typing import Any

import pilotage

ROOT = pathlib.Path(__file__).resolve().parents[2]
PERIOD = "2025-Q4"


def python_times(path: pathlib.Path, reps: int) -> dict[str, float]:
    steps: dict[str, list[float]] = {"open_ms": [], "evaluate_ms": [], "table_ms": [], "total_ms": []}
    rows = 0
    for _ in range(reps):
        t0 = time.perf_counter()
        ws = pilotage.Workspace.open(path)
        t1 = time.perf_counter()
        ev = ws.evaluate(PERIOD)
        t2 = time.perf_counter()
        df = ev.to_pandas()
        t3 = time.perf_counter()
        rows = len(df)
        for k, (a, b) in {"open_ms": (t0, t1), "evaluate_ms": (t1, t2), "table_ms": (t2, t3), "total_ms": (t0, t3)}.items():
            steps[k].append((b - a) * 1e3)
    out = {k: statistics.median(v) for k, v in steps.items()}
    out["rows"] = rows
    return out


def rust_times(path: pathlib.Path, reps: int) -> dict[str, float]:
    cmd = ["cargo", "run", "--release", "--quiet", "--example", "bench_binding_baseline", "--", str(path), PERIOD, str(reps)]
    out = subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True).stdout
    data: dict[str, float] = json.loads(out)
    return data


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reps", type=int, default=7, help="runs of the sample city")
    parser.add_argument("--large-reps", type=int, default=2, help="runs of the 100x workspace (about a minute each)")
    parser.add_argument("--write", type=pathlib.Path, default=None, help="write the figures (markdown) here")
    args = parser.parse_args()

    work = ROOT / "target" / "bench-python"
    work.mkdir(parents=True, exist_ok=True)
    large = work / "sample-x100.json"
    if not large.exists():
        # 100x the sample: 3,600 generated indicators beside the 36 curated ones, 15,000
        # projects, 21,500 partners, 24,000 commitments.
        pilotage.sample_workspace(indicators=3600, projects=15_000, partners=21_500, commitments=24_000).save(large)
    cases = [("sample city", ROOT / "examples" / "data" / "sample-city.json", args.reps), ("sample x100", large, args.large_reps)]

    lines = [
        f"## Python binding overhead ({datetime.date.today().isoformat()})",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, pilotage {pilotage.__version__}. Medians of {args.reps} runs "
        f"({args.large_reps} for the 100x workspace), "
        f"period {PERIOD}; `python bindings-python/bench/bench_python.py`.",
        "",
        "| workspace | file | rows | step | Rust (ms) | Python (ms) | overhead |",
        "|---|---|---|---|---|---|---|",
    ]
    results: list[dict[str, Any]] = []
    for name, path, reps in cases:
        if reps == args.reps:
            rust_times(path, 1)  # build the example and warm the file cache
        py = python_times(path, reps)
        rs = rust_times(path, reps)
        size = f"{path.stat().st_size / 1e6:.1f} MB"
        for step, label in (("open_ms", "open"), ("evaluate_ms", "evaluate"), ("table_ms", "table / to_pandas()"), ("total_ms", "total")):
            over = (py[step] - rs[step]) / rs[step] * 100 if rs[step] > 0 else float("nan")
            lines.append(f"| {name} | {size} | {int(py['rows'])} | {label} | {rs[step]:.2f} | {py[step]:.2f} | {over:+.0f}% |")
        results.append({"workspace": name, "python": py, "rust": rs})
    text = "\n".join(lines) + "\n"
    print(text)
    if args.write:
        args.write.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
