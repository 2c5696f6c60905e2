"""The comparison computation in idiomatic pandas (see benches/README.md).

Every indicator's quarterly value is the mean of its months present; its target is read on
a two-point trajectory at the last month of the quarter (none before the start, the end
value after the end); its score is linear progress 100 (a - b) / (t - b) capped at `cap`
and floored at 0 (100 or 0 by polarity when t == b); objectives, perspectives and the
root are weighted means of the children that have a score (exclude and rescale).
All of it vectorised: groupby, join, column arithmetic; no Python loop over rows.

Ids are integer codes throughout: `load` reads every id column as a categorical whose
categories are the ids of the table it refers to, so a code is the row of that table
(objective 17 is row 17 of the objectives), and joins are on those integers, never on text.
Periods become month indices (year * 12 + month - 1) at load, from the 120 distinct
categories rather than 1.17 M strings.

    python pandas_impl.py DIR [--repeat N | --memory | --profile]   (see harness.py)
"""

import numpy as np
import pandas as pd

import harness


def codes(column, what):
    """The integer codes of a categorical column read against known ids (-1: unknown)."""
    c = column.cat.codes
    if (c < 0).any():
        raise ValueError(f"unknown {what} id in {column[c < 0].iloc[:3].tolist()}")
    return c.astype("int32")


def load(d):
    persp = pd.read_csv(f"{d}/perspectives.csv")
    obj = pd.read_csv(f"{d}/objectives.csv", dtype={"perspective": pd.CategoricalDtype(persp["id"])})
    ind = pd.read_csv(f"{d}/indicators.csv", dtype={"objective": pd.CategoricalDtype(obj["id"])})
    meas = pd.read_csv(
        f"{d}/measurements.csv",
        dtype={"indicator": pd.CategoricalDtype(ind["id"]), "period": "category"},
    )
    period = meas["period"].cat
    year_month = period.categories.str.split("-", expand=True)
    month_of = year_month.get_level_values(0).astype(int) * 12 + year_month.get_level_values(1).astype(int) - 1
    meas = pd.DataFrame({
        "indicator": codes(meas["indicator"], "indicator"),
        "month": period.rename_categories(month_of).astype("int64"),
        "value": meas["value"],
    })
    ind = ind.assign(
        objective=codes(ind["objective"], "objective"),
        higher=ind["polarity"] == "higher_is_better",
    ).drop(columns=["polarity"])
    obj = obj.assign(perspective=codes(obj["perspective"], "perspective"))
    return meas, ind, obj, persp


def weighted_mean(children, parent_key):
    """Weighted mean of the children with a score, per parent and quarter (`node` = parent's code)."""
    x = children.assign(ws=children["weight"] * children["score"])
    g = x.groupby([parent_key, "quarter"], sort=False)[["ws", "weight"]].sum()
    return (g["ws"] / g["weight"]).rename("score").rename_axis(["node", "quarter"]).reset_index()


def compute(data):
    meas, ind, obj, persp = data
    q = (
        meas.assign(quarter=meas["month"] // 3)
        .groupby(["indicator", "quarter"])["value"]
        .mean()
        .reset_index()
        .join(ind, on="indicator")  # the code is the indicator's row
    )
    month = 3 * q["quarter"] + 2
    m0 = 3 * q["start_quarter"] + 2
    m1 = 3 * q["end_quarter"] + 2
    path = q["start_value"] + (q["end_value"] - q["start_value"]) * (month - m0) / (m1 - m0)
    target = path.where(month < m1, q["end_value"]).where(month >= m0)
    a, b = q["value"], q["baseline"]
    beyond = np.where(q["higher"], a >= target, a <= target)
    with np.errstate(divide="ignore", invalid="ignore"):
        raw = np.where(target == b, np.where(beyond, 100.0, 0.0), 100.0 * (a - b) / (target - b))
    q["score"] = np.maximum(np.minimum(raw, q["cap"]), 0.0)
    indicators = q.loc[target.notna(), ["indicator", "objective", "weight", "quarter", "score"]]
    objectives = weighted_mean(indicators, "objective").join(obj, on="node")
    perspectives = weighted_mean(objectives, "perspective").join(persp, on="node")
    root = weighted_mean(perspectives.assign(root=0), "root")
    cols = ["node", "quarter", "score"]
    return {
        "root": root[cols],
        "perspective": perspectives[cols],
        "objective": objectives[cols],
        "indicator": indicators.rename(columns={"indicator": "node"})[cols],
    }


def write(data, scores, path):
    _, ind, obj, persp = data
    ids = {"root": np.array(["scorecard"]), "perspective": persp["id"].to_numpy(),
           "objective": obj["id"].to_numpy(), "indicator": ind["id"].to_numpy()}
    rows = [f.assign(node=ids[level][f["node"].to_numpy()]) for level, f in scores.items()]
    pd.concat(rows, ignore_index=True).to_csv(path, index=False, float_format="%.17g")


def size(data):
    return sum(f.memory_usage(deep=True).sum() for f in data)


if __name__ == "__main__":
    harness.main("pandas", pd.__version__, load, compute, write, size)
