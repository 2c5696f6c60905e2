"""Headline, portfolio and partnership metrics from Python: Decimal money, the core's JSON,
DataFrames, the main job's figures, error paths; CSV import; the sample generator."""

from __future__ import annotations

import datetime
import io
import json
import pathlib
import pickle
from decimal import Decimal
from typing import Any

import pandas as pd
import pytest

import pilotage
from pilotage import NotFoundError, PeriodError, Result, ValidationError, Workspace
from pilotage._results import json_form, plain

from mainjob import PERIODS, main_job

END = datetime.date(2025, 12, 31)


@pytest.fixture(scope="module")
def sample() -> Workspace:
    return pilotage.sample_city()


def same_as_json(r: Result) -> None:
    """The typed fields and the core's JSON say the same thing, field by field."""
    assert json_form(plain(r)) == json.loads(r.to_json())


@pytest.mark.parametrize("period", PERIODS)
def test_headline_equals_the_main_job(sample: Workspace, period: str) -> None:
    expected = main_job(period)["headline"]
    h = sample.headline(period)
    assert json.loads(h.to_json()) == expected
    assert json_form(h.to_dict()) == expected


def test_headline_figures_are_typed(sample: Workspace) -> None:
    h = sample.headline("2025-Q4")
    assert h.kind == "headline"
    assert h.active_caseload == 98
    assert h.portfolio_value == Decimal("203698000.00")
    assert h.as_of == END
    assert h.compared_with == "2019-Q4"
    assert isinstance(h.funds.total.signed, Decimal)
    assert isinstance(h.finance.leverage.value, Decimal)
    assert h.finance.leverage.formula == "external funds / own funds"
    year = h.lead_time_by_year
    assert (year.earlier.period, year.later.period) == ("2019", "2025")
    # the ratio is the earlier mean over the later mean
    assert year.mean_ratio == pytest.approx(year.earlier.mean_days / year.later.mean_days)
    assert h == sample.headline()  # the latest quarter by default
    assert pickle.loads(pickle.dumps(h)) == h
    assert pickle.loads(pickle.dumps(h)).to_json() == h.to_json()
    other = sample.headline("2025-Q4", compare_with="2021-Q4", top_partners=3, leverage="total_over_own")
    assert other.compared_with == "2021-Q4"
    assert other.concentration.top_n == 3
    assert other.finance.leverage.definition == "total_over_own"
    assert other.finance.leverage.value == h.finance.leverage.value + 1  # (own + ext) / own = ext / own + 1
    with pytest.raises(ValueError, match="top_partners"):
        sample.headline("2025-Q4", top_partners=0)
    with pytest.raises(ValueError, match="leverage"):
        sample.headline("2025-Q4", leverage="nope")  # type: ignore[arg-type]
    with pytest.raises(PeriodError):
        sample.headline("2025-Q0")
    with pytest.raises(AttributeError, match="no field 'nope'"):
        h.nope


def test_headline_conventions_by_name(sample: Workspace) -> None:
    # Total planned expenditure / own funds over the 129 approved projects (all with a
    # planned cost): 206,464,800 / 3,003,490 = 68.74163... -> 68.7416.
    h = sample.headline("2025-Q4", leverage="planned_cost_over_own", caseload="in_progress")
    assert h.finance.leverage.formula == "total planned expenditure / own funds"
    assert h.finance.leverage.value == Decimal("68.7416")
    assert h.finance.leverage.planned_cost == Decimal("206464800.00")
    # The co-financing rate and the leverage each say their population.
    assert h.finance.leverage_population.count == h.finance.cofinancing_population.count == 129
    assert h.finance.cofinancing_population.with_planned_cost
    # In progress only (neither rejected nor delivered files): 59 of the 98 active files.
    assert h.active_caseload == 59
    c = sample.caseload("2025-12-31", rule="in_progress")
    assert (c.count, c.options.delivered_until_closed) == (59, False)
    assert sample.caseload("2025-12-31").rule.endswith("rejected and delivered files count until closed")
    with pytest.raises(ValueError, match="caseload"):
        sample.headline("2025-Q4", caseload="closed")  # type: ignore[arg-type]


def every_result(ws: Workspace) -> dict[str, Result]:
    return {
        "caseload": ws.caseload(END),
        "work_in_progress": ws.work_in_progress("2025-12-31"),
        "lead_time": ws.lead_time("2025-Q4"),
        "lead_time_comparison": ws.compare_lead_times("2019", "2025"),
        "throughput": ws.throughput("2025"),
        "delivery": ws.delivery(),
        "portfolio_value": ws.portfolio_value(END),
        "transversality": ws.transversality(),
        "partner_counts": ws.partner_counts("2025"),
        "funds": ws.funds(as_of=END),
        "outstanding": ws.outstanding(END),
        "project_finance": ws.project_finance(ws.projects()[0]["id"]),
        "portfolio_finance": ws.portfolio_finance(approved_by=END),
        "concentration": ws.concentration(5, as_of=END),
        "investment_capacity": ws.investment_capacity("2025"),
        "capacity_comparison": ws.compare_capacity("2019", "2025"),
    }


def test_to_dict_is_the_core_json(sample: Workspace) -> None:
    for kind, r in every_result(sample).items():
        assert r.kind == kind
        same_as_json(r)
        assert pickle.loads(pickle.dumps(r)) == r


TABULAR = {
    "caseload": ["stage", "count"],
    "work_in_progress": ["stage", "project"],
    "lead_time": ["period", "project", "start", "stop", "days"],
    "lead_time_comparison": ["period", "project", "start", "stop", "days"],
    "throughput": ["period", "event", "project"],
    "portfolio_value": ["lead_service", "planned_cost"],
    "transversality": ["a", "b", "projects"],
    "partner_counts": ["kind", "total", "new", "active"],
    "funds": ["kind", "pledged", "signed", "received"],
    "outstanding": ["commitment", "partner", "pledged", "signed", "received", "pledged_not_signed", "signed_not_received"],
    "concentration": ["partner", "amount", "share"],
}


def test_tables(sample: Workspace) -> None:
    results = every_result(sample)
    for kind, columns in TABULAR.items():
        df = results[kind].to_pandas()
        assert isinstance(df, pd.DataFrame), kind
        assert list(df.columns) == columns, kind
        assert len(df) > 0, kind
        assert results[kind].to_polars().height == len(df), kind
    for kind in ("headline", "project_finance", "investment_capacity", "capacity_comparison"):
        r = sample.headline() if kind == "headline" else results[kind]
        with pytest.raises(TypeError, match="not a table"):
            r.to_pandas()


def test_tables_hold_the_numbers(sample: Workspace) -> None:
    lt = sample.lead_time("2025-Q4")
    # the main job lists six files decided in 2025-Q4, 24 to 66 days: mean 273 / 6 = 45.5
    assert lt.count == 6 and lt.mean_days == 45.5
    assert lt.to_pandas()["days"].tolist() == [24, 32, 39, 47, 65, 66]
    funds = sample.funds(as_of=END)
    by_kind = funds.to_pandas().set_index("kind")
    assert sum(by_kind["signed"], Decimal(0)) == funds.total.signed
    assert all(isinstance(x, Decimal) for x in by_kind["signed"])
    shares = sample.concentration(5, as_of=END).to_pandas()
    assert shares["amount"].is_monotonic_decreasing
    finance = sample.portfolio_finance(approved_by=END).to_pandas()
    assert {"project", "own", "signed", "cofinancing_rate", "leverage"} <= set(finance.columns)
    age = sample.ageing(END)
    assert isinstance(age, pilotage.Table)
    assert len(age) == sample.headline().active_caseload == 98
    assert age.to_pandas()["days_since_registration"].min() >= 0
    assert isinstance(age[0]["registered"], datetime.date)


def test_funds_scopes(sample: Workspace) -> None:
    stock = sample.funds(as_of=END)
    assert stock.scope == {"kind": "as_of", "value": END}
    flow = sample.funds(within="2025")
    assert flow.scope == {"kind": "within", "value": "2025"}
    assert flow.total.signed <= stock.total.signed
    with pytest.raises(TypeError, match="exactly one"):
        sample.funds()
    with pytest.raises(TypeError, match="exactly one"):
        sample.funds(as_of=END, within="2025")
    with pytest.raises(TypeError, match="not a datetime"):
        sample.funds(as_of=datetime.datetime(2025, 1, 1))


def test_finance_options_and_errors(sample: Workspace) -> None:
    pid = sample.projects()[0]["id"]
    received = sample.project_finance(pid, basis="received", as_of="2025-06-30")
    assert received.basis == "received"
    with pytest.raises(NotFoundError) as e:
        sample.project_finance("nope")
    assert (e.value.what, e.value.id) == ("project", "nope")
    with pytest.raises(ValueError, match="basis"):
        sample.project_finance(pid, basis="promised")  # type: ignore[arg-type]
    assert sample.portfolio_finance().scope == {"kind": "all"}
    assert sample.portfolio_finance(approved_in="2025").scope == {"kind": "approved_in", "value": "2025"}
    with pytest.raises(TypeError, match="at most one"):
        sample.portfolio_finance(approved_by=END, approved_in="2025")
    with pytest.raises(ValueError, match="start"):
        sample.lead_time("2025", start="birth")  # type: ignore[arg-type]
    complete = sample.lead_time("2025", start="complete", stop="approved")
    assert complete.options == {"start": "complete", "stop": "approved"}
    with pytest.raises(PeriodError):
        sample.throughput("2025-Q9")
    with pytest.raises(ValueError, match="not a date"):
        sample.caseload("31/12/2025")


def test_small_city_by_hand(city: Workspace) -> None:
    # c1: pledged 300000 on 2025-01-15, signed 300000 on 2025-04-01, received 150000.50 on 2025-06-01
    f = city.funds(as_of="2025-06-30")
    assert f.total == {"pledged": Decimal("300000"), "signed": Decimal("300000"), "received": Decimal("150000.50")}
    assert city.outstanding("2025-06-30").signed_not_received == Decimal("149999.50")
    pf = city.project_finance("halles")
    # own 400000, external signed 300000: leverage 0.75, co-financing 300000 / 1200000 = 0.25
    assert pf.leverage.value == Decimal("0.75")
    assert pf.cofinancing_rate == Decimal("0.25")
    assert city.caseload("2025-03-31").count == 2


CSV = "indicator,period,value\nlead_time,2025-Q3,58\nlead_time,2025-Q4,abc\n"


def test_import_csv(city: Workspace, tmp_path: pathlib.Path) -> None:
    before = city.to_json()
    with pytest.raises(ValidationError) as e:
        city.import_csv(io.StringIO(CSV), "measurements")
    (p,) = e.value.problems
    assert (p.line, p.column) == (3, 3)
    assert city.to_json() == before  # all or nothing
    good = tmp_path / "mesures.csv"
    good.write_text("indicator;period;value\nlead_time;2025-Q3;58,5\n", encoding="utf-8")
    s = city.import_csv(good, "measurements")
    assert (s.source, s.rows, s.added, s.replaced) == ("mesures.csv", 1, 1, 0)
    assert city.measurements("lead_time").to_pandas()["value"].tolist() == [72.0, 65.5, 58.5]
    again = b"indicator,period,value\nlead_time,2025-Q3,57\n"
    with pytest.raises(ValidationError, match=r"already has a measurement for 2025-Q3 \(import with replace"):
        city.import_csv(io.BytesIO(again), "measurements")
    s2 = city.import_csv(io.BytesIO(again), "measurements", replace=True)
    assert (s2.added, s2.replaced) == (0, 1)
    partners = io.StringIO("id,name,kind\nademe,ADEME,public_agency\n")
    assert city.import_csv(partners, "partners").added == 1
    bad_path = tmp_path / "nope.csv"
    with pytest.raises(FileNotFoundError):
        city.import_csv(bad_path, "projects")
    with pytest.raises(ValueError, match="not an import kind"):
        city.import_csv(good, "indicators")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expected a path"):
        city.import_csv(42, "measurements")  # type: ignore[arg-type]
    unknown = io.StringIO("indicator,period,value\nnope,2025-Q3,1\n")
    with pytest.raises(ValidationError) as e2:
        city.import_csv(unknown, "measurements")
    assert e2.value.problems[0].line == 2


def test_sample_generator() -> None:
    t = pilotage.template()
    assert len(t.projects()) == 0 and len(t.measurements()) == 0 and len(t.indicators()) == 36
    region = pilotage.sample_region(3, seed=11)
    assert len({ws.organisation for ws in region}) == 3
    assert [ws.to_json() for ws in pilotage.sample_region(3, seed=11)] == [ws.to_json() for ws in region]
    assert pilotage.sample_region(1)[0] != pilotage.sample_city()
    big = pilotage.sample_workspace(indicators=5, projects=10, partners=4, commitments=6)
    big.validate()
    assert (len(big.projects()), len(big.partners()), len(big.commitments())) == (10, 4, 6)
    with pytest.raises(ValueError, match="partner"):
        pilotage.sample_workspace(partners=0)
    with pytest.raises(ValueError, match="years"):
        pilotage.sample_workspace(years=0)
    assert pilotage.sample_city() == Workspace.open(pathlib.Path(__file__).resolve().parents[2] / "examples/data/sample-city.json")


def test_records_read_as_attributes() -> None:
    r = pilotage.Record(a=1)
    assert r.a == 1 and "a" in dir(r)
    assert r.to_dict() == {"a": 1} and type(r.to_dict()) is dict
    res = Result("x", {"n": pilotage.Record(m=2)}, '{"n":{"m":2}}')
    assert res.n.m == 2 and res.to_json() == '{"n":{"m":2}}'
    assert repr(res) == "Result('x', {'n': {'m': 2}})"
    with pytest.raises(AttributeError):
        res._missing
    data: dict[str, Any] = res.to_dict()
    assert type(data["n"]) is dict
