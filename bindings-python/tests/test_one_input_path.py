"""One input path (issue 15): every table the library exports comes back unchanged through
the DataFrame and list imports, which follow the CSV rules; a saved file always reopens,
and a broken one opens leniently with its problems so that it can be repaired."""

from __future__ import annotations

import datetime
import io
import json
import pathlib
from typing import Any, Literal

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pilotage import Table, ValidationError, Workspace, sample_city

Kind = Literal["measurements", "projects", "partners", "commitments"]
KINDS: tuple[Kind, ...] = ("measurements", "projects", "partners", "commitments")


def without(ws: Workspace, kind: Kind) -> Workspace:
    """The workspace without the records of `kind` (indicators keep their definitions)."""
    data = json.loads(ws.to_json())
    if kind == "measurements":
        for indicator in data["indicators"]:
            indicator.pop("measurements", None)
    else:
        data[kind] = []
    return Workspace.from_json(json.dumps(data), validate=False)


def table(ws: Workspace, kind: Kind) -> Table:
    t: Table = getattr(ws, kind)()
    return t


def add(ws: Workspace, kind: Kind, frame: Any, replace: bool = False) -> int:
    n: int = getattr(ws, f"add_{kind}")(frame, replace=replace)
    return n


@pytest.fixture(scope="module")
def city() -> Workspace:
    return sample_city()


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("form", ["pandas", "polars", "table", "rows"])
def test_every_exported_table_imports_back_unchanged(city: Workspace, kind: Kind, form: str) -> None:
    t = table(city, kind)
    back = without(city, kind)
    frame = {"pandas": t.to_pandas, "polars": t.to_polars, "table": lambda: t, "rows": t.rows}[form]()
    assert add(back, kind, frame) > 0
    assert back == city, f"{kind} through {form}"
    # Over the workspace that has them: refused (all or nothing), then replaced in place.
    again = Workspace.from_json(city.to_json())
    with pytest.raises(ValidationError, match="already"):
        add(again, kind, t.rows())
    assert again == city
    add(again, kind, t.rows(), replace=True)
    assert again == city


def test_frames_take_the_checks_of_a_file(city: Workspace) -> None:
    """A quarterly value on a monthly indicator, a measurement of a computed indicator: refused
    from a DataFrame as from a CSV file, all or nothing, each at its row and column."""
    monthly = next(i["id"] for i in city.indicators() if i["frequency"] == "monthly" and i["source"] == {"kind": "measured"})
    computed = next(i["id"] for i in city.indicators() if i["source"] != {"kind": "measured"})
    ws = Workspace.from_json(city.to_json())
    df = pd.DataFrame({"indicator": [monthly, computed], "period": ["2031-Q1", "2031-01"], "value": [1.0, 2.0]})
    with pytest.raises(ValidationError) as info:
        ws.add_measurements(df)
    assert [p.path for p in info.value.problems] == ["measurements[1].indicator", "measurements[0].period"]
    assert "is computed" in info.value.problems[0].message
    assert "2031-Q1 is quarterly but the indicator is measured monthly" in info.value.problems[1].message
    assert ws == city
    csv = f"indicator,period,value\n{monthly},2031-Q1,1\n{computed},2031-01,2\n"
    with pytest.raises(ValidationError) as file_info:
        ws.import_csv(io.StringIO(csv), "measurements")
    assert [p.message for p in file_info.value.problems] == [p.message for p in info.value.problems]
    assert ws == city


def test_save_refuses_a_workspace_that_would_not_reopen(tmp_path: pathlib.Path) -> None:
    ws = sample_city()
    ws.remove_service(ws.services()[0]["id"])  # projects now name a service that is gone
    path = tmp_path / "ville.json"
    before = ws.to_json()
    with pytest.raises(ValidationError) as info:
        ws.save(path)
    assert info.value.problems == ws.problems() != []
    assert not path.exists()
    assert ws.to_json() == before
    # A broken file written anyway opens leniently with the same problems, and is repaired.
    path.write_text(before)
    with pytest.raises(ValidationError):
        Workspace.open(path)
    loaded, problems = Workspace.open(path, lenient=True)
    assert problems == ws.problems()
    assert loaded == ws
    loaded.add_service(sample_city().services()[0]["id"], "Restored")
    loaded.save(path)
    assert Workspace.open(path) == loaded
    ok, none = Workspace.open(path, lenient=True)
    assert (ok, none) == (loaded, [])


# Random sequences of edits and imports through the Python API, then save: either save
# refuses with the problems (writing nothing), or the file reopens equal to the workspace.
ids = st.sampled_from(["region", "Region", "ademe", "new_partner", "bad id", "x", "y"])
periods = st.one_of(
    st.builds(lambda y, m: f"{y}-{m:02d}", st.integers(2020, 2031), st.integers(1, 12)),
    st.builds(lambda y, q: f"{y}-Q{q}", st.integers(2020, 2031), st.integers(1, 4)),
)
numbers = st.one_of(st.floats(-10, 200), st.just(0.0), st.just(float("nan")))
ops = st.one_of(
    st.tuples(st.just("add_partner"), ids),
    st.tuples(st.just("remove_partner"), ids),
    st.tuples(st.just("measure"), st.integers(0, 40), periods, numbers),
    st.tuples(st.just("target"), st.integers(0, 40), periods, numbers),
    st.tuples(st.just("commit"), ids, ids, st.integers(-5, 1000)),
    st.tuples(st.just("remove_service"), st.integers(0, 12)),
    st.tuples(st.just("frame_partners"), ids, st.sampled_from(["bank", "club"])),
    st.tuples(st.just("frame_measurements"), st.integers(0, 40), periods, numbers, st.booleans()),
    st.tuples(st.just("csv_measurements"), st.integers(0, 40), periods, st.sampled_from(["3", "12,5", "x"])),
)


def apply(ws: Workspace, op: tuple[Any, ...]) -> None:
    """One edit or import; the errors the API raises are fine (nothing changes then)."""
    indicators = [i["id"] for i in ws.indicators()]
    services = [s["id"] for s in ws.services()]
    name = op[0]
    try:
        if name == "add_partner":
            ws.add_partner(op[1], "P", "company")
        elif name == "remove_partner":
            ws.remove_partner(op[1])
        elif name == "measure":
            ws.add_measurement(indicators[op[1] % len(indicators)], op[2], op[3], replace=True)
        elif name == "target":
            ws.set_target(indicators[op[1] % len(indicators)], op[2], op[3])
        elif name == "commit":
            ws.add_commitment(op[1], op[2], "grant", steps=[("pledged", datetime.date(2025, 3, 1), op[3])])
        elif name == "remove_service" and services:
            ws.remove_service(services[op[1] % len(services)])
        elif name == "frame_partners":
            ws.add_partners(pd.DataFrame({"id": [op[1]], "name": ["P"], "kind": [op[2]]}))
        elif name == "frame_measurements":
            rows = [{"indicator": indicators[op[1] % len(indicators)], "period": op[2], "value": op[3]}]
            ws.add_measurements(rows, replace=op[4])
        elif name == "csv_measurements":
            text = f"indicator;period;value\n{indicators[op[1] % len(indicators)]};{op[2]};{op[3]}\n"
            ws.import_csv(io.StringIO(text), "measurements")
    except (ValueError, TypeError, LookupError):
        pass


@settings(max_examples=25, deadline=None)
@given(st.lists(ops, min_size=1, max_size=8))
def test_a_saved_file_reopens_equal_or_the_save_is_refused(tmp_path_factory: pytest.TempPathFactory, sequence: list[tuple[Any, ...]]) -> None:
    ws = Workspace.from_json(BASE)
    for op in sequence:
        apply(ws, op)
    path = tmp_path_factory.mktemp("save") / "ville.json"
    path.write_text("old")
    try:
        ws.save(path)
    except ValidationError as e:
        assert e.problems, "a refusal lists the problems"
        assert ws.problems() != [], "refused, yet validation finds nothing"
        assert path.read_text() == "old", "nothing written"
        return
    assert Workspace.open(path) == ws


BASE = sample_city().to_json()
