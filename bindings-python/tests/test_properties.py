"""Property tests on inputs from Python (hypothesis)."""

from __future__ import annotations

import datetime
import pickle
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from pilotage import Period, Workspace

years = st.integers(min_value=1900, max_value=2100)
periods = st.one_of(
    st.builds(lambda y, m: f"{y:04d}-{m:02d}", years, st.integers(1, 12)),
    st.builds(lambda y, q: f"{y:04d}-Q{q}", years, st.integers(1, 4)),
    st.builds(lambda y: f"{y:04d}", years),
)


@given(periods)
def test_period_parse_print_round_trip(text: str) -> None:
    p = Period(text)
    assert str(p) == text
    assert Period(str(p)) == p
    assert pickle.loads(pickle.dumps(p)) == p
    assert hash(Period(text)) == hash(p)


@given(periods, st.integers(min_value=-30, max_value=30), st.integers(1, 12))
def test_period_offsets_and_dates_agree(text: str, n: int, start_month: int) -> None:
    p = Period(text)
    try:
        q = p.offset(n)
    except ValueError:
        return  # past the supported years
    assert p.steps_to(q) == n
    assert (q > p) == (n > 0)
    if n == 1:
        assert p.next() == q
        assert q.start_date(fiscal_year_start_month=start_month) == p.end_date(
            fiscal_year_start_month=start_month
        ) + datetime.timedelta(days=1)
    start = p.start_date(fiscal_year_start_month=start_month)
    assert p.contains(start, fiscal_year_start_month=start_month)
    assert p.contains(p.end_date(fiscal_year_start_month=start_month), fiscal_year_start_month=start_month)


money = st.decimals(
    min_value=Decimal("-1e15"), max_value=Decimal("1e15"), places=2, allow_nan=False, allow_infinity=False
) | st.decimals(min_value=Decimal("0"), max_value=Decimal("1e9"), places=6, allow_nan=False, allow_infinity=False)


@given(money)
def test_money_round_trip_is_exact(amount: Decimal) -> None:
    ws = Workspace("R")
    ws.add_project("p", "P", "s", planned_cost=amount)
    ws.add_commitment("c", "a", "grant", steps=[("signed", "2025-01-01", amount)])
    back = ws.projects()[0]["planned_cost"]
    again = Workspace.from_json(ws.to_json(), validate=False)
    for got in (back, again.commitments()[0]["steps"][0]["amount"], again.projects()[0]["planned_cost"]):
        assert isinstance(got, Decimal)
        assert got == amount
        if "E" not in str(amount) and not (amount.is_zero() and amount.is_signed()):
            assert str(got) == str(amount)  # same digits, same scale


ids = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_éà", min_size=1, max_size=12)
names = st.text(min_size=0, max_size=30)
dates = st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 12, 31))


@st.composite
def workspaces(draw: st.DrawFn) -> Workspace:
    ws = Workspace(draw(names), fiscal_year_start_month=draw(st.integers(1, 12)))
    for sid in draw(st.lists(ids, unique=True, max_size=4)):
        ws.add_service(sid, draw(names))
    for pid in draw(st.lists(ids, unique=True, max_size=4)):
        stages = draw(st.lists(st.sampled_from(["registered", "complete", "approved", "started"]), unique=True))
        ws.add_project(
            pid,
            draw(names),
            draw(ids),
            stages={s: draw(dates) for s in stages},
            planned_cost=draw(st.none() | money),
            planned_end=draw(st.none() | dates),
        )
    for pid in draw(st.lists(ids, unique=True, max_size=3)):
        kind = draw(st.sampled_from(["state", "region", "company", "eu"]))
        ws.add_partner(pid, draw(names), kind, joined=draw(st.none() | dates))
    for cid in draw(st.lists(ids, unique=True, max_size=3)):
        steps = draw(st.lists(st.tuples(st.sampled_from(["pledged", "signed", "received"]), dates, money), max_size=3))
        ws.add_commitment(cid, draw(ids), draw(st.sampled_from(["grant", "loan", "in_kind"])), steps=steps)
    for iid in draw(st.lists(ids, unique=True, max_size=3)):
        ws.add_indicator(iid, draw(names), "quarterly", {"method": "ratio_to_target"})
        for p in draw(st.lists(periods.filter(lambda t: "Q" in t), unique=True, max_size=4)):
            value = draw(st.floats(allow_nan=False, allow_infinity=False, width=64))
            ws.add_measurement(iid, p, value)
    return ws


@settings(max_examples=60, deadline=None)
@given(workspaces())
def test_workspace_json_round_trip(ws: Workspace) -> None:
    text = ws.to_json()
    again = Workspace.from_json(text, validate=False)
    assert again == ws
    assert again.to_json() == text
    assert pickle.loads(pickle.dumps(ws)) == ws
    assert again.problems() == ws.problems()


@given(st.text(max_size=200))
def test_any_text_gives_a_clean_error_or_a_workspace(text: str) -> None:
    try:
        Workspace.from_json(text)
    except ValueError:
        pass


anything = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=20),
    st.binary(max_size=8),
    st.decimals(),
    st.dates(),
    st.datetimes(),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["planned_cost", "planned_end", "contributing_services", "stages", "registered"]), anything)
def test_any_argument_gives_a_clean_error_or_is_accepted(field: str, value: object) -> None:
    ws = Workspace("R")
    try:
        ws.add_project("p", "P", "s", **{field: value})  # type: ignore[arg-type]
    except (TypeError, ValueError):
        assert ws.projects() == []  # nothing half-added
    for call in (
        lambda: ws.add_measurement("i", value, 1),  # type: ignore[arg-type]
        lambda: ws.add_indicator("i", "I", "yearly", value),  # type: ignore[arg-type]
        lambda: ws.add_commitment_step("c", "signed", "2025-01-01", value),  # type: ignore[arg-type]
        lambda: ws.add_partner("a", "A", value),  # type: ignore[arg-type]
        lambda: Period(value),  # type: ignore[arg-type]
    ):
        try:
            call()
        except (TypeError, ValueError, LookupError):
            pass
