"""Run the Rust engine, pandas and polars on the same generated data, check that every
score agrees to 1e-9, then print a table of times and ratios (see benches/README.md).

    target/venv/bin/python benches/compare/run.py            # large: 10,000 indicators x 120 months
    target/venv/bin/python benches/compare/run.py --small    # CI: 200 indicators x 24 months

Run from the repository root with the virtualenv of requirements.txt. All three run on ONE
core: each process is pinned to CPU 0 with `taskset` when it exists, polars gets
POLARS_MAX_THREADS=1, numpy's BLAS pools get 1 thread (the Rust engine is single-threaded).
Exit status 1 when the scores disagree (the first mismatches are printed) or a run fails.
"""

import argparse
import datetime
import json
import os
import platform
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TOLERANCE = 1e-9


def single_core_env():
    env = dict(os.environ)
    for k in ("POLARS_MAX_THREADS", "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        env[k] = "1"
    return env


def pinned(cmd):
    return (["taskset", "-c", "0"] if shutil.which("taskset") else []) + cmd


def run_json(cmd, env):
    p = subprocess.run(pinned(cmd), env=env, capture_output=True, text=True, cwd=ROOT)
    if p.returncode != 0:
        sys.stderr.write(p.stdout + p.stderr)
        sys.exit(f"failed: {' '.join(cmd)}")
    return json.loads(p.stdout.strip().splitlines()[-1])


def check_agreement(out):
    """Every (node, quarter) scored by one is scored by all, to TOLERANCE."""
    key = ["node", "quarter"]
    frames = {
        name: pd.read_csv(out / f"scores_{name}.csv", dtype={"node": str}).set_index(key)["score"].rename(name)
        for name in ("rust", "pandas", "polars")
    }
    for name, f in frames.items():
        if f.index.duplicated().any():
            sys.exit(f"DISAGREEMENT: {name} gives two scores for {f.index[f.index.duplicated()][0]}")
    both = pd.concat(frames.values(), axis=1, join="outer").sort_index()
    bad = both.isna().any(axis=1)
    bad |= (both["pandas"] - both["rust"]).abs() > TOLERANCE
    bad |= (both["polars"] - both["rust"]).abs() > TOLERANCE
    if bad.any():
        print(f"DISAGREEMENT: {int(bad.sum())} of {len(both)} (node, quarter) cells differ by more than "
              f"{TOLERANCE} or are missing from one implementation; the first ones:")
        print(both[bad].head(20).to_string())
        sys.exit(1)
    worst = max((both["pandas"] - both["rust"]).abs().max(), (both["polars"] - both["rust"]).abs().max())
    print(f"agreement: {len(both)} scores (every node, every quarter) agree to {TOLERANCE} "
          f"(largest difference {worst:.3g})")


def machine():
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = next(l for l in Path("/proc/meminfo").read_text().splitlines() if l.startswith("MemTotal"))
        mem = f"{int(mem.split()[1]) / 1024 / 1024:.0f} GiB"
    except (OSError, StopIteration):
        mem = "unknown"
    return f"{os.cpu_count()} cores ({cpu}), {mem}, {platform.system()} {platform.release()}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--small", action="store_true", help="200 indicators x 24 months (CI)")
    ap.add_argument("--repeat", type=int, default=None, help="timing repetitions (best of)")
    args = ap.parse_args()
    indicators, months = (200, 24) if args.small else (10_000, 120)
    repeat = args.repeat or (3 if args.small else 5)
    out = ROOT / "target" / "compare" / ("small" if args.small else "large")
    env = single_core_env()
    build = ["cargo", "build", "--quiet", "--release", "-p", "pilotage-benches", "--bin", "compare"]
    if subprocess.run(build, cwd=ROOT).returncode != 0:
        sys.exit("cargo build failed")
    exe = str(ROOT / "target" / "release" / "compare")
    rust = run_json([exe, "--indicators", str(indicators), "--months", str(months), "--out", str(out),
                     "--repeat", str(max(repeat, 10))], env)
    py = sys.executable
    pandas_t = run_json([py, str(HERE / "pandas_impl.py"), str(out), "--repeat", str(repeat)], env)
    polars_t = run_json([py, str(HERE / "polars_impl.py"), str(out), "--repeat", str(repeat)], env)
    check_agreement(out)

    n = rust["measurements"]
    bandwidth = rust["copy_bytes_per_s"]
    floor = 8 * n / bandwidth
    ms = lambda s: f"{s * 1e3:10.2f} ms"
    print()
    print(f"{datetime.date.today()}  {machine()}")
    print(f"{rust['indicators']} indicators x {months} months = {n} measurements, {rust['quarters']} quarters; "
          f"pandas {pandas_t['version']}, polars {polars_t['version']} ({polars_t['threads']} thread); "
          f"single core for all three (taskset -c 0 {'used' if shutil.which('taskset') else 'NOT available'}, "
          "POLARS_MAX_THREADS=1)")
    print()
    print(f"{'':28}{'Rust':>13}{'pandas':>13}{'polars':>13}{'pandas/Rust':>13}{'polars/Rust':>13}")
    for label, key in (("compute only (in memory)", "compute_s"), ("end to end (from CSV)", "e2e_s")):
        r, p, q = rust[key], pandas_t[key], polars_t[key]
        print(f"{label:28}{ms(r)}{ms(p)}{ms(q)}{p / r:12.1f}x{q / r:12.1f}x")
    print()
    print(f"Rust compute = score_table_into over all quarters, plan compiled once (compile {ms(rust['compile_s']).strip()}, "
          f"reading the CSVs into a workspace {ms(rust['load_s']).strip()}; both inside Rust's end to end)")
    print(f"memory copy bandwidth {bandwidth / 1e9:.2f} GB/s (256 MiB copy, best of 5); floor = 8 B x {n} "
          f"measurements / bandwidth = {ms(floor).strip()}; Rust compute / floor = {rust['compute_s'] / floor:.1f}x")
    goals = [
        ("Rust >= 10x faster than pandas (compute)", pandas_t["compute_s"] / rust["compute_s"] >= 10),
        ("Rust faster than polars, single core (compute)", polars_t["compute_s"] > rust["compute_s"]),
        ("Rust within 10x of the memory-bandwidth floor", rust["compute_s"] <= 10 * floor),
    ]
    for text, ok in goals:
        print(f"  [{'met' if ok else 'MISSED'}] {text}")


if __name__ == "__main__":
    main()
