"""The comparison computation in idiomatic pandas (see benches/README.md).

Every indicator's quarterly value is the mean of its months present; its target is read on
a two-point trajectory at the last month of the quarter (none before the start, the end
value after the end); its score is linear progress 100 (a - b) / (t - b) capped at `cap`
and floored at 0 (100 or 0 by polarity when t == b); objectives, perspectives and the
root are weighted means of the children that have a score (exclude and rescale).
All of it vectorised: groupby, merge, column arithmetic; no Python loop over rows.

    python pandas_impl.py DIR [--repeat N]

reads DIR/*.csv, times the computation on data already in memory (best of N) and end to
end from the CSV files (best of min(N, 3)), writes DIR/scores_pandas.csv and prints one
JSON line of timings.
"""

import argparse
import json
import time

import numpy as np
import pandas as pd


def load(d):
    meas = pd.read_csv(f"{d}/measurements.csv", dtype={"indicator": "category"})
    ind = pd.read_csv(f"{d}/indicators.csv")
    obj = pd.read_csv(f"{d}/objectives.csv")
    persp = pd.read_csv(f"{d}/perspectives.csv")
    return meas, ind, obj, persp


def weighted_mean(children, parent_key, parents, parent_id):
    """Weighted mean of the children with a score, per parent and quarter."""
    x = children.assign(ws=children["weight"] * children["score"])
    g = x.groupby([parent_key, "quarter"], sort=False, observed=True)[["ws", "weight"]].sum()
    g = g.reset_index()
    g["score"] = g["ws"] / g["weight"]
    out = g[[parent_key, "quarter", "score"]].rename(columns={parent_key: "node"})
    if parents is None:
        return out
    return out.merge(parents, left_on="node", right_on=parent_id, how="inner")


def compute(meas, ind, obj, persp):
    q = (
        meas.assign(quarter=meas["month"] // 3)
        .groupby(["indicator", "quarter"], sort=False, observed=True)["value"]
        .mean()
        .reset_index()
    )
    q["indicator"] = q["indicator"].astype(str)
    q = q.merge(ind, left_on="indicator", right_on="id", how="inner")
    month = 3 * q["quarter"] + 2
    m0 = 3 * q["start_quarter"] + 2
    m1 = 3 * q["end_quarter"] + 2
    path = q["start_value"] + (q["end_value"] - q["start_value"]) * (month - m0) / (m1 - m0)
    target = path.where(month < m1, q["end_value"]).where(month >= m0)
    a, b = q["value"], q["baseline"]
    beyond = np.where(q["polarity"] == "higher_is_better", a >= target, a <= target)
    raw = np.where(target == b, np.where(beyond, 100.0, 0.0), 100.0 * (a - b) / (target - b))
    q["score"] = np.maximum(np.minimum(raw, q["cap"]), 0.0)
    q = q[target.notna()]
    indicators = q[["objective", "weight", "quarter", "score"]]
    objectives = weighted_mean(indicators, "objective", obj, "id")
    perspectives = weighted_mean(objectives, "perspective", persp, "id")
    root = weighted_mean(perspectives.assign(root="scorecard"), "root", None, None)
    return pd.concat(
        [
            root,
            perspectives[["node", "quarter", "score"]],
            objectives[["node", "quarter", "score"]],
            q[["id", "quarter", "score"]].rename(columns={"id": "node"}),
        ],
        ignore_index=True,
    )


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
    scores.to_csv(f"{args.dir}/scores_pandas.csv", index=False, float_format="%.17g")
    print(json.dumps({"compute_s": compute_s, "e2e_s": e2e, "version": pd.__version__}))


if __name__ == "__main__":
    main()
