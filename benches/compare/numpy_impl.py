"""The comparison computation hand-vectorised in numpy: the reference for what a careful
Python programmer gets without a dataframe library (see benches/README.md and
pandas_impl.py for the rules).

Dense arrays instead of tables: the mean of each (indicator, quarter) is one `np.bincount`
of the values and one of the counts over the key `indicator * quarters + quarter`; targets
and scores are (indicators x quarters) arrays; each roll-up is two more `bincount`s (the
weighted scores and the weights of the children that have a score) over the parent's code.
No group-by, no join, no Python loop over rows or nodes.

The CSV files are read by pandas' reader (numpy has no fast CSV reader for text columns),
as pandas_impl.load does, then handed over as numpy arrays.

    python numpy_impl.py DIR [--repeat N | --memory | --profile]   (see harness.py)
"""

import sys

import numpy as np

import harness
import pandas_impl


def load(d):
    meas, ind, obj, persp = pandas_impl.load(d)
    return {
        "indicator": meas["indicator"].to_numpy(),
        "month": meas["month"].to_numpy(),
        "value": meas["value"].to_numpy(),
        "ind": {k: ind[k].to_numpy() for k in ind.columns},
        "obj": {k: obj[k].to_numpy() for k in obj.columns},
        "persp": {k: persp[k].to_numpy() for k in persp.columns},
    }


def rollup(parent, n_parents, weight, score):
    """Weighted mean per (parent, quarter) of the children (rows of `score`, NaN: no score)
    with a score: exclude and rescale. `parent[i]` is child i's parent, `weight[i]` its weight."""
    nq = score.shape[1]
    has = ~np.isnan(score)
    w = np.where(has, weight[:, None], 0.0)
    key = (parent[:, None] * nq + np.arange(nq)).ravel()
    num = np.bincount(key, weights=(w * np.where(has, score, 0.0)).ravel(), minlength=n_parents * nq)
    den = np.bincount(key, weights=w.ravel(), minlength=n_parents * nq)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(den > 0, num / den, np.nan).reshape(n_parents, nq)


def compute(data):
    ind, obj, persp = data["ind"], data["obj"], data["persp"]
    quarter = data["month"] // 3
    q_first = int(quarter.min())
    nq = int(quarter.max()) - q_first + 1
    n = len(ind["id"])
    key = data["indicator"].astype(np.int64) * nq + (quarter - q_first)
    total = np.bincount(key, weights=data["value"], minlength=n * nq).reshape(n, nq)
    count = np.bincount(key, minlength=n * nq).reshape(n, nq)
    with np.errstate(invalid="ignore", divide="ignore"):
        a = total / count  # NaN where no month is present
    month = 3 * (q_first + np.arange(nq)) + 2  # the quarter's last month, one per column
    m0 = (3 * ind["start_quarter"] + 2)[:, None]
    m1 = (3 * ind["end_quarter"] + 2)[:, None]
    v0, v1 = ind["start_value"][:, None], ind["end_value"][:, None]
    target = np.where(month >= m1, v1, v0 + (v1 - v0) * (month - m0) / (m1 - m0))
    target = np.where(month < m0, np.nan, target)
    b = ind["baseline"][:, None]
    beyond = np.where(ind["higher"][:, None], a >= target, a <= target)
    with np.errstate(invalid="ignore", divide="ignore"):
        raw = np.where(target == b, np.where(beyond, 100.0, 0.0), 100.0 * (a - b) / (target - b))
    score = np.maximum(np.minimum(raw, ind["cap"][:, None]), 0.0)  # NaN stays NaN
    score[count == 0] = np.nan  # no month present (the t == b branch above gave 0 or 100)
    objectives = rollup(ind["objective"], len(obj["id"]), ind["weight"].astype(float), score)
    perspectives = rollup(obj["perspective"], len(persp["id"]), obj["weight"], objectives)
    root = rollup(np.zeros(len(persp["id"]), dtype=np.int64), 1, persp["weight"], perspectives)
    return {"first": q_first, "root": root, "perspective": perspectives, "objective": objectives, "indicator": score}


def write(data, scores, path):
    ids = {"root": np.array(["scorecard"]), "perspective": data["persp"]["id"],
           "objective": data["obj"]["id"], "indicator": data["ind"]["id"]}
    with open(path, "w") as f:
        f.write("node,quarter,score\n")
        for level in ("root", "perspective", "objective", "indicator"):
            s = scores[level]
            node, t = np.nonzero(~np.isnan(s))
            for i, q, v in zip(ids[level][node], scores["first"] + t, s[node, t]):
                f.write(f"{i},{q},{float(v)!r}\n")


def size(data):
    def nbytes(a):
        return a.nbytes + (sum(sys.getsizeof(x) for x in a) if a.dtype == object else 0)
    arrays = [data[k] for k in ("indicator", "month", "value")]
    arrays += [a for t in ("ind", "obj", "persp") for a in data[t].values()]
    return sum(nbytes(a) for a in arrays)


if __name__ == "__main__":
    harness.main("numpy", np.__version__, load, compute, write, size)
