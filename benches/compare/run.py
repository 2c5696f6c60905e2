"""Run pilotage, pandas, polars and numpy on the same generated data, check that every
score agrees to 1e-9, then print times, ratios and memory (see benches/README.md).

    target/venv/bin/python benches/compare/run.py            # large: 10,000 indicators x 120 months
    target/venv/bin/python benches/compare/run.py --small    # CI: 200 indicators x 24 months

Run from the repository root with the virtualenv of requirements.txt. Every side runs in its
own processes (one to time, one to measure memory) on ONE core: pinned to CPU 0 with
`taskset` when it exists, polars with POLARS_MAX_THREADS=1, numpy's BLAS pools with 1
thread (pilotage's engine is single-threaded).

The headline is **compile + evaluate** for pilotage (Engine::new, then the scores of every
quarter) against each peer's compute from its loaded tables (group-bys, joins, arithmetic):
both start from the data in memory as the tool's reader left it and end with every score.
Evaluation alone (an engine compiled beforehand) is a separate line; end to end (the CSV
files to the scores) another.

Exit status 1 when the scores disagree (the first mismatches are printed) or a run fails.
The raw figures of the run go to target/compare/{small,large}/results.json.
"""

import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TOLERANCE = 1e-9
SIDES = ("rust", "pandas", "polars", "numpy")
TITLES = {"rust": "pilotage", "pandas": "pandas", "polars": "polars", "numpy": "numpy"}
MIB = 1024 * 1024


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
    """Every (node, quarter) scored by one side is scored by all, to TOLERANCE."""
    key = ["node", "quarter"]
    frames = {
        name: pd.read_csv(out / f"scores_{name}.csv", dtype={"node": str}).set_index(key)["score"].rename(name)
        for name in SIDES
    }
    for name, f in frames.items():
        if f.index.duplicated().any():
            sys.exit(f"DISAGREEMENT: {name} gives two scores for {f.index[f.index.duplicated()][0]}")
    both = pd.concat(frames.values(), axis=1, join="outer").sort_index()
    bad = both.isna().any(axis=1)
    worst = 0.0
    for name in SIDES[1:]:
        diff = (both[name] - both["rust"]).abs()
        bad |= diff > TOLERANCE
        worst = max(worst, diff.max())
    if bad.any():
        print(f"DISAGREEMENT: {int(bad.sum())} of {len(both)} (node, quarter) cells differ by more than "
              f"{TOLERANCE} or are missing from one implementation; the first ones:")
        print(both[bad].head(20).to_string())
        sys.exit(1)
    print(f"agreement: {len(both)} scores (every node, every quarter) agree to {TOLERANCE} across "
          f"{', '.join(TITLES[s] for s in SIDES)} (largest difference {worst:.3g})")


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


def load_average():
    try:
        return "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    except OSError:
        return "unknown"


def number(x):
    return f"{x:.0f}" if abs(x) >= 100 else f"{x:.3g}"


def ms(s):
    return f"{number(s * 1e3)} ms" if s < 1 else f"{s:.2f} s"


def spread(times):
    """median / worst, in the unit of ms() for the best."""
    if min(times) < 1:
        return f"{number(statistics.median(times) * 1e3)}/{number(max(times) * 1e3)} ms"
    return f"{statistics.median(times):.2f}/{max(times):.2f} s"


def mib(b):
    return "-" if b is None else f"{number(b / MIB)} MiB"


def row(label, cells, width=16):
    print(f"{label:38}" + "".join(f"{c:>{width}}" for c in cells))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--small", action="store_true", help="200 indicators x 24 months (CI)")
    ap.add_argument("--repeat", type=int, default=None, help="timing repetitions (best of)")
    args = ap.parse_args()
    indicators, months = (200, 24) if args.small else (10_000, 120)
    repeat = args.repeat or (3 if args.small else 7)
    out = ROOT / "target" / "compare" / ("small" if args.small else "large")
    env = single_core_env()
    build = ["cargo", "build", "--quiet", "--release", "-p", "pilotage-benches", "--bin", "compare"]
    if subprocess.run(build, cwd=ROOT).returncode != 0:
        sys.exit("cargo build failed")
    exe = str(ROOT / "target" / "release" / "compare")
    load_before = load_average()
    data = run_json([exe, "generate", "--indicators", str(indicators), "--months", str(months),
                     "--out", str(out)], env)
    py = sys.executable
    commands = {
        "rust": lambda mode: [exe, mode, str(out)] + (["--repeat", str(max(repeat, 10))] if mode == "time" else []),
    }
    for name in SIDES[1:]:
        commands[name] = lambda mode, name=name: [py, str(HERE / f"{name}_impl.py"), str(out)] + (
            ["--repeat", str(repeat)] if mode == "time" else ["--memory"])
    t, mem = {}, {}
    for name in SIDES:
        t[name] = run_json(commands[name]("time"), env)
        mem[name] = run_json(commands[name]("memory"), env)
    # pilotage's memory mode reads the workspace with a lean loader (so that "with the input
    # data loaded" is the workspace, not what the import leaves behind); the end-to-end
    # path, through the import, is measured in a process of its own
    rust_import = run_json([exe, "memory", str(out), "--import"], env)
    load_after = load_average()
    check_agreement(out)
    (out / "results.json").write_text(json.dumps({
        "date": str(datetime.date.today()), "machine": machine(), "load_before": load_before,
        "load_after": load_after, "data": data, "time": t, "memory": mem,
        "rust_memory_via_import": rust_import}, indent=1))

    rust = t["rust"]
    n = rust["measurements"]
    bandwidth = rust["copy_bytes_per_s"]
    floor = 8 * n / bandwidth
    print()
    print(f"{datetime.date.today()}  {machine()}; load average {load_before} before, {load_after} after")
    print(f"{rust['indicators']} indicators x {months} months = {n} measurements "
          f"({data['csv_bytes'] / MIB:.0f} MiB of CSV), {rust['quarters']} quarters; pilotage {rust['version']}, "
          f"pandas {t['pandas']['version']}, polars {t['polars']['version']} ({t['polars']['threads']} thread), "
          f"numpy {t['numpy']['version']}; one core each (taskset -c 0 "
          f"{'used' if shutil.which('taskset') else 'NOT available'}, POLARS_MAX_THREADS=1)")
    print()
    heads = [TITLES[s] for s in SIDES]
    best = {s: min(t[s]["compute_s"]) for s in SIDES}
    e2e = {s: min(t[s]["e2e_s"]) for s in SIDES}
    row("time (best of runs)", heads)
    row("compile + evaluate  [headline]", [ms(best[s]) for s in SIDES])
    row("  median/worst", [spread(t[s]["compute_s"]) for s in SIDES])
    row("  runs", [len(t[s]["compute_s"]) for s in SIDES])
    row("end to end: CSV files -> scores", [ms(e2e[s]) for s in SIDES])
    row("  median/worst", [spread(t[s]["e2e_s"]) for s in SIDES])
    parts = rust["e2e_parts_s"]
    row("  of which reading the CSV files", [ms(parts[0] + parts[1])] + [ms(t[s]["e2e_load_s"]) for s in SIDES[1:]])
    row("evaluate alone (engine compiled before)", [ms(min(rust["evaluate_s"]))] + ["-"] * 3)
    row("  median/worst", [spread(rust["evaluate_s"])] + ["-"] * 3)
    print()
    row("peer time / pilotage time", heads)
    row("  compile + evaluate", ["1"] + [f"{best[s] / best['rust']:.2f}x" for s in SIDES[1:]])
    row("  end to end", ["1"] + [f"{e2e[s] / e2e['rust']:.2f}x" for s in SIDES[1:]])
    print()
    def peak(m):
        return None if m["compute_peak"] is None else max(m["load_peak"], m["compute_peak"])

    row("resident memory (VmRSS, VmHWM)", heads)
    row("  the process alone", [mib(mem[s]["runtime_rss"]) for s in SIDES])
    row("  the loaded tables' own bytes", [mib(mem[s]["data_bytes"]) for s in SIDES])
    row("  with the input data loaded", [mib(mem[s]["data_rss"]) for s in SIDES])
    row("  peak of compile + evaluate", [mib(mem[s]["compute_peak"]) for s in SIDES])
    row("  extra over the loaded data", [
        "-" if mem[s]["compute_peak"] is None else mib(mem[s]["compute_peak"] - mem[s]["data_rss"]) for s in SIDES])
    row("  peak end to end (CSV -> scores)", [mib(peak(rust_import))] + [mib(peak(mem[s])) for s in SIDES[1:]])
    print()
    print(f"pilotage's input data: the workspace read by a lean loader (measurements pushed into their "
          f"indicators); through io::import, {mib(rust_import['data_rss'])} stay resident after the import "
          f"(freed memory the allocator keeps)")
    print(f"pilotage end to end = scorecard CSVs read {ms(parts[0])} + measurements imported by "
          f"io::import (checked, validated) {ms(parts[1])} + compile {ms(parts[2])} + evaluate {ms(parts[3])}; "
          f"compile alone best {ms(min(rust['compile_s']))}; with a lean loader instead of the import "
          f"(the rows pushed into their indicators, unchecked: not an API) end to end takes {ms(min(rust['e2e_lean_s']))}")
    print(f"memory copy bandwidth {bandwidth / 1e9:.2f} GB/s (256 MiB copy, best of 5); floor = 8 B x {n} "
          f"measurements / bandwidth = {ms(floor)}; evaluate alone / floor = {min(rust['evaluate_s']) / floor:.1f}x, "
          f"compile + evaluate / floor = {best['rust'] / floor:.1f}x")
    goals = [
        ("pilotage >= 10x faster than pandas", lambda d: d["pandas"] / d["rust"] >= 10),
        ("pilotage faster than polars, single core", lambda d: d["polars"] > d["rust"]),
        ("pilotage faster than the numpy reference", lambda d: d["numpy"] > d["rust"]),
    ]
    for text, ok in goals:
        print(f"  [{'met' if ok(best) else 'MISSED'}] {text}: compile + evaluate; "
              f"[{'met' if ok(e2e) else 'MISSED'}] end to end")
    near = min(rust["evaluate_s"]) <= 10 * floor
    print(f"  [{'met' if near else 'MISSED'}] evaluation within 10x of the memory-bandwidth floor; "
          f"[{'met' if best['rust'] <= 10 * floor else 'MISSED'}] compile + evaluate within 10x")


if __name__ == "__main__":
    main()
