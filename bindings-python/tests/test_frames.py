"""DataFrames in and out: imports name the row and column of every bad cell and change
nothing unless every row is good; tables become pandas and polars DataFrames."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pandas as pd
import polars as pl
import pytest

from pilotage import Table, ValidationError, Workspace


def test_add_measurements_from_pandas(city: Workspace) -> None:
    df = pd.DataFrame(
        {
            "indicator": ["lead_time", "lead_time", "funds"],
            "period": ["2025-Q3", "2025-Q4", "2025-Q2"],
            "value": [61.0, 58.5, 125000.0],
            "comment": ["ok", None, float("nan")],
        },
        index=["a", "b", "c"],
    )
    assert city.add_measurements(df) == 3
    got = city.measurements("lead_time").to_pandas()
    assert got["period"].tolist() == ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]
    assert got["value"].tolist() == [72.0, 65.5, 61.0, 58.5]
    assert [m["comment"] for m in city.measurements("lead_time")][2:] == ["ok", None]
    city.validate()


def test_measurement_rows_with_gaps_and_counts(city: Workspace) -> None:
    city.add_indicator("qvt", "QVT", "yearly", {"method": "ratio_to_target"}, min_group_size=5)
    # respondents with a gap: pandas stores the column as float (12.0, NaN).
    df = pd.DataFrame({"indicator": ["qvt", "qvt"], "period": ["2024", "2025"], "value": [3.5, 3.7], "respondents": [12, None]})
    assert df["respondents"].dtype == "float64"
    city.add_measurements(df)
    assert [m["respondents"] for m in city.measurements("qvt")] == [12, None]


def test_bad_rows_are_all_named_and_nothing_is_added(city: Workspace) -> None:
    before = city.to_json()
    df = pd.DataFrame(
        {
            "indicator": ["lead_time", "lead_time", None, "lead_time"],
            "period": ["2025-Q3", "2025-13", "2025-Q4", "2026-Q1"],
            "value": [60.0, 1.0, 2.0, "high"],
        },
        index=[10, 11, 12, 13],
    )
    with pytest.raises(ValidationError) as info:
        city.add_measurements(df)
    assert [(p.path, p.message) for p in info.value.problems] == [
        ("measurements[11].period", 'invalid period "2025-13": the month must be between 01 and 12'),
        ("measurements[12].indicator", "indicator is required"),
        ("measurements[13].value", '"high" is not a finite number'),
    ]
    assert city.to_json() == before


def test_rows_refused_by_the_core_are_named_and_nothing_is_added(city: Workspace) -> None:
    before = city.to_json()
    df = pd.DataFrame({"indicator": ["lead_time", "nope", "lead_time"], "period": ["2025-Q3", "2025-Q3", "2025-Q1"], "value": [1, 2, 3]})
    with pytest.raises(ValidationError) as info:
        city.add_measurements(df)
    assert [p.path for p in info.value.problems] == ["measurements[1].indicator", "measurements[2].period"]
    assert 'unknown indicator "nope"' in info.value.problems[0].message
    assert "already has a measurement for 2025-Q1" in info.value.problems[1].message
    assert city.to_json() == before
    assert city.add_measurements(df.iloc[[0, 2]], replace=True) == 2
    assert city.measurements("lead_time")[0]["value"] == 3.0


def test_missing_columns_and_wrong_inputs(city: Workspace) -> None:
    # The columns are checked by the core, as in a CSV file: every problem at once.
    with pytest.raises(ValidationError, match='a measurements table needs a "value" column'):
        city.add_measurements(pd.DataFrame({"indicator": ["a"], "period": ["2025"]}))
    with pytest.raises(ValidationError) as info:
        city.add_projects(pd.DataFrame({"id": ["a"], "title": ["A"], "extra": [1]}))
    assert [(p.path, p.message) for p in info.value.problems] == [
        ("projects[extra]", "unknown column \"extra\"; the columns of this table are: " + ", ".join(Table("projects").to_pandas().columns)),
        ("projects", 'the required column "lead_service" is missing'),
        ("projects", 'the required column "registered" is missing'),
    ]
    with pytest.raises(TypeError, match="expected a pandas or polars DataFrame or a list of dicts, not int"):
        city.add_partners(5)
    with pytest.raises(TypeError, match="row 0 is a str"):
        city.add_partners(["a"])
    # numerator and denominator stand in for the value column.
    city.add_indicator("r", "R", "quarterly", {"method": "ratio_to_target"}, aggregation="ratio_of_sums")
    assert city.add_measurements(pd.DataFrame({"indicator": ["r"], "period": ["2025-Q1"], "numerator": [1], "denominator": [4]})) == 1


def test_measurements_from_polars_and_from_dicts(city: Workspace) -> None:
    pl_df = pl.DataFrame({"indicator": ["lead_time"], "period": ["2025-Q3"], "value": [None]}, schema_overrides={"value": pl.Float64})
    # A row with no value is refused, as the same row in a file or a CSV (issue 14), all or
    # nothing: the row and the measurement's path are named.
    with pytest.raises(ValidationError, match="a measurement needs a value"):
        city.add_measurements(pl_df)
    assert city.add_measurements([{"indicator": "lead_time", "period": "2025-Q4", "value": 50}]) == 1
    assert city.problems() == []


def test_add_projects_partners_and_commitments_from_pandas(city: Workspace) -> None:
    projects = pd.DataFrame(
        {
            "id": ["gare", "ecole"],
            "title": ["Pôle gare", "École"],
            "lead_service": ["urb", "eco"],
            "registered": pd.to_datetime(["2025-02-03", "2025-03-01"]),
            "approved": [datetime.date(2025, 4, 1), None],
            "planned_cost": [Decimal("2500000.00"), None],
            "contributing_services": [["eco"], None],
        }
    )
    assert city.add_projects(projects) == 2
    gare = city.projects()[-2]
    assert gare["stages"] == [
        {"stage": "registered", "date": datetime.date(2025, 2, 3)},
        {"stage": "approved", "date": datetime.date(2025, 4, 1)},
    ]
    assert gare["planned_cost"] == Decimal("2500000.00")
    partners = pd.DataFrame({"id": ["ademe"], "name": ["ADEME"], "kind": ["public_agency"], "joined": ["2024-09-01"]})
    assert city.add_partners(partners) == 1
    commitments = pd.DataFrame(
        {
            "commitment": ["c2", "c2", "c3"],
            "partner": ["ademe", "ademe", "mecene"],
            "kind": ["grant", "grant", "sponsorship"],
            "project": ["gare", "gare", None],
            "status": ["pledged", "signed", "received"],
            "date": ["2025-03-01", "2025-05-01", "2025-06-01"],
            "amount": [Decimal("100000"), Decimal("90000"), 5000],
        }
    )
    assert city.add_commitments(commitments) == 2
    c2 = city.commitments()[1]
    assert [(s["status"], s["amount"]) for s in c2["steps"]] == [("pledged", Decimal("100000")), ("signed", Decimal("90000"))]
    assert city.commitments()[2]["project"] is None
    city.validate()


def test_float_money_in_a_frame_names_the_cell(city: Workspace) -> None:
    df = pd.DataFrame(
        {"id": ["x"], "title": ["X"], "lead_service": ["urb"], "registered": ["2025-01-02"], "planned_cost": [1200.5]},
        index=["row-x"],
    )
    with pytest.raises(ValidationError) as info:
        city.add_projects(df)
    (problem,) = info.value.problems
    assert problem.path == "projects['row-x'].planned_cost"
    assert "not a binary float (1200.5)" in problem.message


def test_timestamp_with_a_time_is_refused(city: Workspace) -> None:
    df = pd.DataFrame({"id": ["a"], "name": ["A"], "kind": ["bank"], "joined": [pd.Timestamp("2025-01-01 10:30")]})
    with pytest.raises(ValidationError, match='"2025-01-01T10:30:00" is not a date'):
        city.add_partners(df)


def test_commitment_rows_that_disagree(city: Workspace) -> None:
    df = pd.DataFrame(
        {
            "commitment": ["c9", "c9", "c1"],
            "partner": ["region", "mecene", "region"],
            "kind": ["grant", "grant", "grant"],
            "status": ["pledged", "signed", "pledged"],
            "date": ["2025-01-01", "2025-02-01", "2025-01-01"],
            "amount": [Decimal("1"), Decimal("1"), 1.5],
        }
    )
    with pytest.raises(ValidationError) as info:
        city.add_commitments(df)
    assert [(p.path, p.message) for p in info.value.problems] == [
        ("commitments[1].partner", 'commitment "c9" was given the partner "region" on an earlier row'),
        ("commitments[2].amount", "an amount is an exact decimal, not a binary float (1.5): a float is not exact; give a Decimal, an int or text"),
    ]
    with pytest.raises(ValidationError, match=r'commitments\[2\]\.commitment: the workspace has a commitment "c1" already'):
        city.add_commitments(df.iloc[[2]].assign(amount=[Decimal("2")]))


def test_tables_to_pandas(city: Workspace) -> None:
    projects = city.projects().to_pandas()
    assert projects.loc[0, "registered"] == datetime.date(2025, 1, 6)
    assert projects.loc[0, "approved"] == datetime.date(2025, 3, 3)
    assert projects.loc[1, "approved"] is None
    assert projects.loc[0, "planned_cost"] == Decimal("1200000.00")
    commitments = city.commitments().to_pandas()
    assert commitments.columns.tolist() == ["commitment", "partner", "project", "kind", "status", "date", "amount"]
    assert commitments["amount"].tolist() == [Decimal("300000"), Decimal("300000"), Decimal("150000.50")]
    assert sum(commitments["amount"]) == Decimal("750000.50")  # 300000 + 300000 + 150000.50, exact
    assert city.partners().to_pandas().shape == (2, 4)
    assert city.measurements().to_pandas().shape == (3, 8)
    for view in (city.services, city.indicators, city.perspectives, city.objectives, city.links):
        table = view()
        assert isinstance(table, Table)
        assert len(table.to_pandas()) == len(table)
    empty = Workspace("R")
    assert empty.projects().to_pandas().columns.tolist()[:3] == ["id", "title", "lead_service"]
    city.add_commitment("bare", "mecene", "loan")
    assert pd.isna(city.commitments().to_pandas().iloc[-1]["status"])


def test_tables_to_polars(city: Workspace) -> None:
    commitments = city.commitments().to_polars()
    assert commitments["amount"].dtype == pl.Decimal(38, 2)
    assert commitments["amount"].to_list() == [Decimal("300000.00"), Decimal("300000.00"), Decimal("150000.50")]
    assert commitments["date"].dtype == pl.Date
    projects = city.projects().to_polars()
    assert projects["contributing_services"].to_list() == [["eco"], []]
    assert projects["registered"].to_list() == [datetime.date(2025, 1, 6), datetime.date(2025, 2, 1)]
    indicators = city.indicators().to_polars()
    assert indicators["scoring"].to_list() == ['{"method": "ratio_to_target", "zero_target": "right_side_of_zero"}', '{"cap": 120.0, "method": "linear_progress"}']
    assert Workspace("R").measurements().to_polars().columns[:2] == ["indicator", "period"]
    assert city.links().to_polars().height == 1


def test_table_repr_and_rows(city: Workspace) -> None:
    t = city.services()
    assert repr(t).startswith("Table('services', [{'id': 'urb'")
    assert t.rows() == list(t)
    assert len(city.commitments().rows()) == 3


@pytest.mark.parametrize(("module", "method"), [("pandas", "to_pandas"), ("polars", "to_polars")])
def test_missing_dataframe_library_is_named(
    city: Workspace, monkeypatch: pytest.MonkeyPatch, module: str, method: str
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, module, None)  # makes `import <module>` fail
    with pytest.raises(ImportError, match=f"{method}\\(\\) needs {module}: pip install {module}"):
        getattr(city.projects(), method)()


def test_tables_pickle(city: Workspace) -> None:
    import pickle

    t = city.commitments()
    back = pickle.loads(pickle.dumps(t))
    assert isinstance(back, Table) and back.kind == "commitments" and back == t
