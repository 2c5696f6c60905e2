"""The driver the Python peers share (pandas_impl.py, polars_impl.py, numpy_impl.py): the
same timing, memory and profiling rules for each (see benches/README.md).

    python X_impl.py DIR [--repeat N]   # time: compute (best of N), end to end (best of min(N, 3))
    python X_impl.py DIR --memory       # resident memory: runtime, with the data loaded, peaks
                                        # (VmRSS, VmHWM of /proc/self/status; the peak is reset
                                        # through /proc/self/clear_refs before the compute)
    python X_impl.py DIR --profile      # cProfile of one compute on loaded data (stderr)

A peer gives `load(dir) -> data` (the CSV files read into its tables, ids as integer codes,
periods as month indices), `compute(data) -> scores` (everything from the loaded tables to the
score of every node and quarter: what pilotage's compile + evaluate does) and
`write(data, scores, path)` (the scores as CSV rows node, quarter, score; not timed) and
`size(data)` (the bytes the loaded tables hold, strings included).
The time mode writes DIR/scores_<name>.csv and prints one JSON line; times are lists of
seconds, one per run.
"""

import argparse
import cProfile
import gc
import io
import json
import pstats
import sys
import time


def status_bytes(key):
    """A /proc/self/status figure (VmRSS, VmHWM) in bytes; None off Linux."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


def reset_peak():
    """Reset the peak resident size (VmHWM) to the current one (Linux >= 4.0)."""
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        return True
    except OSError:
        return False


def runs(repeat, f):
    times, out = [], None
    for _ in range(max(repeat, 1)):
        t = time.perf_counter()
        out = f()
        times.append(time.perf_counter() - t)
    return times, out


def main(name, version, load, compute, write, size, extra=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--memory", action="store_true")
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args()
    d = args.dir
    if args.memory:
        gc.collect()
        runtime = status_bytes("VmRSS")
        data = load(d)
        gc.collect()
        data_rss, load_peak = status_bytes("VmRSS"), status_bytes("VmHWM")
        reset = reset_peak()
        scores = compute(data)
        compute_peak = status_bytes("VmHWM")
        del scores
        print(json.dumps({"runtime_rss": runtime, "data_rss": data_rss, "load_peak": load_peak,
                          "compute_peak": compute_peak if reset else None, "peak_reset": reset,
                          "data_bytes": int(size(data))}))
        return
    if args.profile:
        data = load(d)
        compute(data)  # warm
        prof = cProfile.Profile()
        prof.runcall(compute, data)
        s = io.StringIO()
        pstats.Stats(prof, stream=s).sort_stats("tottime").print_stats(25)
        sys.stderr.write(s.getvalue())
        return
    # end to end: CSV files -> scores, with the load's part in the best run
    e2e, load_part = [], float("inf")
    for _ in range(min(args.repeat, 3)):
        t0 = time.perf_counter()
        data = load(d)
        t1 = time.perf_counter()
        compute(data)
        t2 = time.perf_counter()
        if not e2e or t2 - t0 < min(e2e):
            load_part = t1 - t0
        e2e.append(t2 - t0)
    data = load(d)
    compute_s, scores = runs(args.repeat, lambda: compute(data))
    write(data, scores, f"{d}/scores_{name}.csv")
    out = {"compute_s": compute_s, "e2e_s": e2e, "e2e_load_s": load_part, "version": version}
    out.update(extra or {})
    print(json.dumps(out))
