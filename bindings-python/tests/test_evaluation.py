"""Evaluation from Python: typed results, tidy DataFrames, JSON equal to the Rust main job,
pickling, error paths."""

from __future__ import annotations

import json
import math
import pickle
from typing import Any

import pandas as pd
import polars as pl
import pytest

import pilotage
from pilotage import Evaluation, EvaluationRange, NodeResult, NotFoundError, PeriodError, Workspace

from mainjob import PERIODS, main_job


@pytest.fixture(scope="module")
def sample() -> Workspace:
    return pilotage.sample_city()


@pytest.fixture(scope="module")
def q4(sample: Workspace) -> Evaluation:
    return sample.evaluate("2025-Q4")


@pytest.mark.parametrize("period", PERIODS)
def test_evaluation_equals_the_main_job(sample: Workspace, period: str) -> None:
    expected = main_job(period)["evaluation"]
    ev = sample.evaluate(period)
    assert json.loads(ev.to_json()) == expected
    assert ev.to_dict() == expected
    assert json.loads(ev.to_json(indent=2)) == expected


def test_default_period_is_the_latest_quarter(sample: Workspace, q4: Evaluation) -> None:
    assert str(sample.latest_period()) == "2025-Q4"
    assert str(sample.latest_period("yearly")) == "2025"
    assert sample.evaluate() == q4
    assert Workspace("empty").latest_period() is None
    with pytest.raises(ValueError, match="no dated data"):
        Workspace("empty").evaluate()


def test_nodes_are_typed(q4: Evaluation) -> None:
    assert q4.organisation.startswith("Ville de Romans")
    assert q4.period == pilotage.Period("2025-Q4")
    nodes = q4.nodes
    assert len(nodes) == len(q4) == 53
    root = nodes[0]
    assert (root.id, root.kind, root.parents) == ("scorecard", "scorecard", [])
    red = q4.node("ind_absenteisme")
    assert isinstance(red, NodeResult)
    assert (red.kind, red.status, red.score, red.unit) == ("indicator", "red", 0.0, "ratio")
    # 1186 + 1115 + 1211 = 3512 absent days over 13125 + 12500 + 13125 = 38750: 0.0906...
    assert red.value == pytest.approx(3512 / 38750)
    assert red.target == 0.06
    assert red.coverage == 1.0
    assert red.period == q4.period
    assert red.parents and all(isinstance(p, str) for p in red.parents)
    assert red.trend.direction in ("improving", "stable", "declining", "unknown")
    # its target period is 2025-Q4 itself, which has its actual: a forecast never speaks of a
    # period with an actual (the red status already says the target is missed)
    assert red.forecast is None
    assert red.explanation["method"] == red.to_dict()["explanation"]["method"]
    assert red.to_dict() == q4.to_dict()["nodes"][[n.id for n in nodes].index("ind_absenteisme")]
    assert "red: score 0 is below the amber cut-off" in red.explain()
    assert repr(red) == "NodeResult(id=\"ind_absenteisme\", period='2025-Q4', score=0.0, status='red')"
    assert q4.links == q4.to_dict()["links"]


def test_the_explanation_is_data(q4: Evaluation) -> None:
    # codes with their numbers, the formula as a tree: no sentence to parse (issue #15)
    red = q4.node("ind_absenteisme").explanation
    assert red["status_reason"] == {"rule": "red", "score": 0.0, "amber": pytest.approx(100 / 3)}
    formula = red["formula"]
    assert (formula["kind"], formula["op"]) == ("op", {"name": "equals"})
    assert formula["operands"][-1] == {"kind": "value", "value": 0.0, "of": "result"}
    missing = q4.node("ind_heures_formation").explanation
    assert missing["reasons"] == [{"code": "no_target", "period": "2025-Q4", "latest": None, "policy": "none"}]
    assert missing["formula"] == {"kind": "op", "op": {"name": "no_score", "reason": "no_target"}, "operands": []}
    # the text is the core's rendering of the same codes, in each language
    assert "no data because no target in force for 2025-Q4" in q4.explain("ind_heures_formation")
    assert "sans donnée car aucune cible en vigueur pour T4\u00a02025" in q4.explain("ind_heures_formation", lang="fr")


def test_explain_three_ways(sample: Workspace, q4: Evaluation) -> None:
    text = q4.explain("ind_absenteisme")
    assert text == sample.explain("ind_absenteisme", "2025-Q4") == q4.node("ind_absenteisme").explain()
    assert text.startswith('indicator ind_absenteisme "Taux d\'absentéisme" at 2025-Q4: score 0, red')


def test_explain_in_french(sample: Workspace, q4: Evaluation) -> None:
    # Absenteeism in 2025-Q4, a ratio of sums: (1186 + 1115 + 1211) / (13125 + 12500 + 13125)
    # = 3512 / 38750 = 0.0906; 100 * (0.0906 - 0.085) / (0.06 - 0.085) < 0, floored at 0: red
    # below the amber cut-off 33.3333. French: decimal comma, U+00A0 before ":" and inside
    # "T4 2025", U+202F in digit groups and before "%".
    nb, nnb = "\u00a0", "\u202f"
    text = q4.explain("ind_absenteisme", lang="fr")
    lines = text.splitlines()
    assert lines[0] == (
        f"indicateur ind_absenteisme « Taux d'absentéisme » en T4{nb}2025{nb}: "
        f"Score 0, Hors cible, couverture 100{nnb}%"
    )
    assert lines[1] == f"  pourquoi{nb}: Hors cible{nb}: 0 est inférieur au seuil « Vigilance » 33,3333"
    assert lines[2] == (
        # the trajectory's end, where it really starts and ends (was "de 0,06 (T4 2025) à 0,06 (T4 2025)")
        f"  valeur 0,0906{nb}ratio ; cible 0,06 (fin de la trajectoire de 0,085 (T1{nb}2019) à 0,06 (T4{nb}2025)) ; "
        f"référence 0,085 (T1{nb}2019)"
    )
    assert lines[4] == (
        f"  mesures{nb}: oct.{nb}2025 = 1{nnb}186/13{nnb}125, nov.{nb}2025 = 1{nnb}115/12{nnb}500, "
        f"déc.{nb}2025 = 1{nnb}211/13{nnb}125 (rapport des sommes des 3 mesures mensuelles présentes "
        f"sur 3 en T4{nb}2025)"
    )
    # the same text four ways; English stays the default
    assert text == sample.explain("ind_absenteisme", "2025-Q4", lang="fr")
    assert text == q4.node("ind_absenteisme").explain(lang="fr")
    r = sample.evaluate_range("2025-Q3", "2025-Q4")
    assert text == r.explain("ind_absenteisme", "2025-Q4", lang="fr")
    assert q4.explain("ind_absenteisme", lang="en") == q4.explain("ind_absenteisme")
    for word in ("score ", "why", "target", "inputs", "coverage", "forecast"):
        assert word not in text
    with pytest.raises(ValueError):
        q4.explain("ind_absenteisme", lang="de")  # type: ignore[arg-type]
    with pytest.raises(NotFoundError):
        sample.explain("nope", "2025-Q4", lang="fr")


def test_unknown_node_and_bad_periods(sample: Workspace, q4: Evaluation) -> None:
    with pytest.raises(NotFoundError) as e:
        q4.node("nope")
    assert (e.value.what, e.value.id) == ("node", "nope")
    with pytest.raises(NotFoundError):
        q4.explain("nope")
    with pytest.raises(NotFoundError):
        sample.explain("nope", "2025-Q4")
    with pytest.raises(PeriodError):
        sample.evaluate("2025-Q5")
    with pytest.raises(TypeError):
        sample.evaluate(2025)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        sample.evaluate_range("2025-Q1", "2025-12")
    with pytest.raises(ValueError):
        sample.evaluate_range("2025-Q4", "2025-Q1")


def test_tidy_frame(q4: Evaluation) -> None:
    df = q4.to_pandas()
    assert isinstance(df, pd.DataFrame)
    assert len(df) == 53
    assert list(df.columns[:5]) == ["period", "id", "name", "kind", "parent"]
    for column in ("score", "status", "value", "target", "coverage", "trend_change", "trend_direction"):
        assert column in df.columns
    assert df["score"].dtype == "float64"
    row = df.set_index("id").loc["ind_absenteisme"]
    assert (row["status"], row["score"], row["period"]) == ("red", 0.0, "2025-Q4")
    assert row["value"] == pytest.approx(3512 / 38750)
    root = df.iloc[0]
    assert root["id"] == "scorecard" and pd.isna(root["parent"]) and math.isnan(root["value"])
    pf = q4.to_polars()
    assert isinstance(pf, pl.DataFrame)
    assert pf.shape == df.shape
    assert pf.filter(pl.col("id") == "ind_absenteisme")["status"].to_list() == ["red"]


def test_range_matches_single_periods(sample: Workspace) -> None:
    r = sample.evaluate_range("2025-Q1", "2025-Q4")
    assert isinstance(r, EvaluationRange)
    assert [str(p) for p in r.periods] == ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]
    assert len(r) == 4
    for p, ev in zip(r.periods, r.evaluations):
        assert ev == sample.evaluate(p)
    assert r["2025-Q4"] == r[-1] == r[3] == sample.evaluate("2025-Q4")
    with pytest.raises(IndexError):
        r[4]
    with pytest.raises(NotFoundError):
        r["2024-Q4"]
    df = r.to_pandas()
    assert len(df) == 4 * 53
    assert df.groupby("period").size().to_dict() == {p: 53 for p in ("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4")}
    assert r.to_polars().height == 4 * 53
    assert r.to_dict() == [ev.to_dict() for ev in r.evaluations]
    assert json.loads(r.to_json()) == r.to_dict()
    assert r.explain("ind_absenteisme", "2025-Q4") == sample.explain("ind_absenteisme", "2025-Q4")
    assert repr(r) == "EvaluationRange('2025-Q1'..'2025-Q4', 4 periods)"


def test_forecast_only_for_a_period_without_its_actual(sample: Workspace) -> None:
    # in 2025-Q3 the target period 2025-Q4 has no actual yet: the line through the recent
    # quarters projects about 0.089 against the 0.06 target (lower is better): off track
    f = sample.evaluate("2025-Q3").node("ind_absenteisme").forecast
    assert f is not None and f.on_track is False
    assert f.target_period == pilotage.Period("2025-Q4") and f.target == 0.06
    assert f.projected is not None and f.projected > 0.06


def test_results_pickle(sample: Workspace, q4: Evaluation) -> None:
    node = q4.node("ind_absenteisme")
    forecast = sample.evaluate("2025-Q3").node("ind_absenteisme").forecast
    assert forecast is not None
    objects: list[Any] = [q4, sample.evaluate_range("2025-Q3", "2025-Q4"), node, node.trend, forecast]
    for obj in objects:
        back = pickle.loads(pickle.dumps(obj))
        assert type(back) is type(obj)
        assert back == obj
    assert pickle.loads(pickle.dumps(q4)).to_json() == q4.to_json()
    with pytest.raises(ValueError, match="unknown result kind"):
        pilotage._pilotage._restore("Nope", "{}")


def test_evaluation_of_a_small_city(city: Workspace) -> None:
    ev = city.evaluate("2025-Q2")
    lead = ev.node("lead_time")
    # ratio_to_target, lower is better: 100 * 60 / 65.5 = 91.60...
    assert lead.value == 65.5 and lead.target == 60.0
    assert lead.score == pytest.approx(100 * 60 / 65.5)
    assert ev.node("scorecard").kind == "scorecard"
