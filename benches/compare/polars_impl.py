"""The comparison computation in idiomatic polars (see benches/README.md and pandas_impl.py
for the rules: mean of the months present, two-point trajectory, capped and floored linear
progress, weighted means with exclude and rescale at every level).

One lazy query: group_by / join / expressions, no Python loop over rows. Run it with
POLARS_MAX_THREADS=1 for the single-core comparison (run.py does).

    python polars_impl.py DIR [--repeat N]

reads DIR/*.csv, times the computation on DataFrames already in memory (best of N) and end
to end from the CSV files (best of min(N, 3)), writes DIR/scores_polars.csv and prints one
JSON line of timings.
"""

import argparse
import json
import time

import polars as pl


def load(d):
    return (
        pl.read_csv(f"{d}/measurements.csv"),
        pl.read_csv(f"{d}/indicators.csv"),
        pl.read_csv(f"{d}/objectives.csv"),
        pl.read_csv(f"{d}/perspectives.csv"),
    )


def weighted_mean(children, parent_key):
    """Weighted mean of the children with a score, per parent and quarter."""
    return (
        children.group_by(parent_key, "quarter")
        .agg(((pl.col("weight") * pl.col("score")).sum() / pl.col("weight").sum()).alias("score"))
        .rename({parent_key: "node"})
    )


def compute(meas, ind, obj, persp):
    month, m0, m1 = pl.col("month"), pl.col("m0"), pl.col("m1")
    start, end = pl.col("start_value"), pl.col("end_value")
    a, b, t = pl.col("value"), pl.col("baseline"), pl.col("target")
    beyond = pl.when(pl.col("polarity") == "higher_is_better").then(a >= t).otherwise(a <= t)
    raw = pl.when(t == b).then(pl.when(beyond).then(100.0).otherwise(0.0)).otherwise(100.0 * (a - b) / (t - b))
    indicators = (
        meas.lazy()
        .group_by("indicator", (pl.col("month") // 3).alias("quarter"))
        .agg(pl.col("value").mean())
        .join(ind.lazy(), left_on="indicator", right_on="id", how="inner")
        .with_columns(
            month=3 * pl.col("quarter") + 2,
            m0=3 * pl.col("start_quarter") + 2,
            m1=3 * pl.col("end_quarter") + 2,
        )
        .with_columns(
            target=pl.when(month < m0)
            .then(None)
            .when(month >= m1)
            .then(end)
            .otherwise(start + (end - start) * (month - m0) / (m1 - m0))
        )
        .filter(t.is_not_null())
        .with_columns(score=pl.min_horizontal(raw, pl.col("cap")).clip(lower_bound=0.0))
        .select(node="indicator", objective="objective", weight="weight", quarter="quarter", score="score")
    )
    objectives = weighted_mean(indicators, "objective").join(obj.lazy(), left_on="node", right_on="id")
    perspectives = weighted_mean(objectives, "perspective").join(persp.lazy(), left_on="node", right_on="id")
    root = weighted_mean(perspectives.with_columns(root=pl.lit("scorecard")), "root")
    cols = ["node", "quarter", "score"]
    return pl.concat([f.select(cols) for f in (root, perspectives, objectives, indicators)]).collect()


def best(repeat, f):
    times = []
    for _ in range(max(repeat, 1)):
        t = time.perf_counter()
        out = f()
        times.append(time.perf_counter() - t)
    return min(times), out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    e2e, _ = best(min(args.repeat, 3), lambda: compute(*load(args.dir)))
    data = load(args.dir)
    compute_s, scores = best(args.repeat, lambda: compute(*data))
    scores.write_csv(f"{args.dir}/scores_polars.csv")
    print(json.dumps({"compute_s": compute_s, "e2e_s": e2e, "version": pl.__version__, "threads": pl.thread_pool_size()}))


if __name__ == "__main__":
    main()
