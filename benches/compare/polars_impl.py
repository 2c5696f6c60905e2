"""The comparison computation in idiomatic polars (see benches/README.md and pandas_impl.py
for the rules: mean of the months present, two-point trajectory, capped and floored linear
progress, weighted means with exclude and rescale at every level).

Lazy queries of group_by / join / expressions, no Python loop over rows. Ids are integer
codes throughout: `load` reads every id column as an `Enum` of the ids of the table it
refers to, so its physical code is the row of that table, and the joins are on integers.
Each level is collected once, in order: the indicator scores (the 1.17 M-row group-by and
its join) are materialised one time and the roll-ups read them (a single `concat` of the
four levels as one lazy query made polars run that group-by and join in three branches of
the plan; `LazyFrame.explain()` showed them). Run it with POLARS_MAX_THREADS=1 for the
single-core comparison (run.py does).

    python polars_impl.py DIR [--repeat N | --memory | --profile]   (see harness.py)
"""

import numpy as np
import polars as pl

import harness


def load(d):
    persp = pl.read_csv(f"{d}/perspectives.csv").with_row_index("perspective")
    obj = pl.read_csv(f"{d}/objectives.csv", schema_overrides={"perspective": pl.Enum(persp["id"])})
    obj = obj.with_row_index("objective").with_columns(pl.col("perspective").to_physical())
    ind = pl.read_csv(f"{d}/indicators.csv", schema_overrides={"objective": pl.Enum(obj["id"])})
    ind = ind.with_row_index("indicator").with_columns(
        pl.col("objective").to_physical(),
        higher=pl.col("polarity") == "higher_is_better",
    ).drop("polarity")
    period = pl.col("period")
    meas = pl.read_csv(f"{d}/measurements.csv", schema_overrides={"indicator": pl.Enum(ind["id"])}).select(
        pl.col("indicator").to_physical(),
        month=period.str.head(4).cast(pl.Int32) * 12 + period.str.slice(5, 2).cast(pl.Int32) - 1,
        value="value",
    )
    # one integer type for every code, so joins need no cast
    code = pl.UInt32
    return (
        meas.with_columns(pl.col("indicator").cast(code)),
        ind.with_columns(pl.col("indicator", "objective").cast(code)),
        obj.with_columns(pl.col("objective", "perspective").cast(code)),
        persp.with_columns(pl.col("perspective").cast(code)),
    )


def weighted_mean(children, parent_key):
    """Weighted mean of the children with a score, per parent and quarter."""
    return children.group_by(parent_key, "quarter").agg(
        ((pl.col("weight") * pl.col("score")).sum() / pl.col("weight").sum()).alias("score")
    )


def indicator_scores(meas, ind):
    month, m0, m1 = pl.col("month"), pl.col("m0"), pl.col("m1")
    start, end = pl.col("start_value"), pl.col("end_value")
    a, b, t = pl.col("value"), pl.col("baseline"), pl.col("target")
    beyond = pl.when(pl.col("higher")).then(a >= t).otherwise(a <= t)
    raw = pl.when(t == b).then(pl.when(beyond).then(100.0).otherwise(0.0)).otherwise(100.0 * (a - b) / (t - b))
    return (
        meas.lazy()
        .group_by("indicator", quarter=pl.col("month") // 3)
        .agg(pl.col("value").mean())
        .join(ind.lazy(), on="indicator", how="inner")
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
        .select("indicator", "objective", "weight", "quarter",
                score=pl.min_horizontal(raw, pl.col("cap")).clip(lower_bound=0.0))
    )


def compute(data):
    meas, ind, obj, persp = data
    indicators = indicator_scores(meas, ind).collect()
    objectives = weighted_mean(indicators.lazy(), "objective").join(obj.lazy(), on="objective").collect()
    perspectives = weighted_mean(objectives.lazy(), "perspective").join(persp.lazy(), on="perspective").collect()
    root = weighted_mean(perspectives.lazy().with_columns(root=pl.lit(0, pl.UInt32)), "root").collect()
    return {
        "root": root.rename({"root": "node"}),
        "perspective": perspectives.rename({"perspective": "node"}),
        "objective": objectives.rename({"objective": "node"}),
        "indicator": indicators.rename({"indicator": "node"}),
    }


def write(data, scores, path):
    _, ind, obj, persp = data
    ids = {"root": np.array(["scorecard"]), "perspective": persp["id"].to_numpy(),
           "objective": obj["id"].to_numpy(), "indicator": ind["id"].to_numpy()}
    frames = [
        pl.DataFrame({"node": ids[level][f["node"].to_numpy()], "quarter": f["quarter"], "score": f["score"]})
        for level, f in scores.items()
    ]
    pl.concat(frames).write_csv(path)


def size(data):
    return sum(f.estimated_size() for f in data)


if __name__ == "__main__":
    harness.main("polars", pl.__version__, load, compute, write, size, {"threads": pl.thread_pool_size()})
