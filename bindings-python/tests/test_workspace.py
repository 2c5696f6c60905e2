"""Workspace: construction, properties, every editing method, views, files, validation."""

from __future__ import annotations

import copy
import datetime
import json
import os
import pickle
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable

import pytest

import pilotage
from pilotage import NotFoundError, ParseError, Problem, ValidationError, Workspace


def test_empty_workspace_and_properties() -> None:
    ws = Workspace("Romans", currency="CHF", fiscal_year_start_month=4)
    assert (ws.organisation, ws.currency, ws.fiscal_year_start_month) == ("Romans", "CHF", 4)
    assert ws.schema_version == pilotage.SCHEMA_VERSION == 2
    ws.organisation = "Valence"
    ws.currency = "EUR"
    ws.fiscal_year_start_month = 1
    assert json.loads(ws.to_json())["organisation"] == "Valence"
    assert ws.settings["forecast_window"] == 8
    assert ws.problems() == []
    ws.validate()
    assert Workspace().organisation == ""
    assert [p.path for p in Workspace().problems()] == ["organisation"]
    assert repr(Workspace("R")) == (
        '<Workspace "R": 0 services, 0 projects, 0 partners, 0 commitments, 0 perspectives, '
        "0 objectives, 0 indicators, 0 measurements>"
    )
    with pytest.raises(TypeError, match="unhashable"):
        hash(ws)


def test_views_hold_exact_values(city: Workspace) -> None:
    assert [s["id"] for s in city.services()] == ["urb", "eco"]
    halles = city.projects()[0]
    assert halles["planned_cost"] == Decimal("1200000.00") and str(halles["planned_cost"]) == "1200000.00"
    assert halles["contributing_services"] == ["eco"]
    assert halles["stages"] == [
        {"stage": "registered", "date": datetime.date(2025, 1, 6)},
        {"stage": "complete", "date": datetime.date(2025, 1, 20)},
        {"stage": "approved", "date": datetime.date(2025, 3, 3)},
    ]
    assert halles["planned_end"] == datetime.date(2026, 6, 30)
    assert city.projects()[1]["stages"] == [{"stage": "registered", "date": datetime.date(2025, 2, 1)}]
    assert city.partners()[0] == {
        "id": "region",
        "name": "Région Auvergne-Rhône-Alpes",
        "kind": "region",
        "joined": datetime.date(2020, 5, 1),
    }
    c = city.commitments()[0]
    assert [(s["status"], s["amount"]) for s in c["steps"]] == [
        ("pledged", Decimal("300000")),
        ("signed", Decimal("300000")),
        ("received", Decimal("150000.50")),
    ]
    ind = city.indicators()[0]
    assert ind["scoring"] == {"method": "ratio_to_target", "zero_target": "right_side_of_zero"}
    assert ind["polarity"] == "lower_is_better" and ind["aggregation"] == "mean"
    assert ind["targets"] == [{"period": "2025", "value": 60.0}]
    assert ind["measurements"] == 2
    assert city.indicators()[1]["scoring"] == {"method": "linear_progress", "cap": 120.0}
    assert city.measurements("lead_time").kind == "measurements"
    assert [(m["period"], m["value"], m["source"]) for m in city.measurements("lead_time")] == [
        ("2025-Q1", 72.0, "registre"),
        ("2025-Q2", 65.5, "registre"),
    ]
    assert len(city.measurements()) == 3
    assert [p["weight"] for p in city.perspectives()] == [1.0, 2.0]
    raise_ = city.objectives()[1]
    assert raise_["weight"] == [{"from": "2024", "weight": 1.0}, {"from": "2025-Q3", "weight": 2.0}]
    assert raise_["indicators"] == [{"indicator": "funds", "weight": 2.0}]
    assert city.links()[0] == {"cause": "raise", "effect": "faster", "sign": "positive", "lag": 1}


def test_measurements_of_unknown_indicator(city: Workspace) -> None:
    with pytest.raises(NotFoundError) as info:
        city.measurements("nope")
    assert (info.value.what, info.value.id) == ("indicator", "nope")
    assert isinstance(info.value, LookupError)


def test_json_round_trip_and_equality(city: Workspace) -> None:
    text = city.to_json()
    again = Workspace.from_json(text)
    assert again == city
    assert again.to_json() == text
    assert json.loads(text)["commitments"][0]["steps"][2]["amount"] == "150000.50"
    again.add_service("rh", "Ressources humaines")
    assert again != city


def test_save_and_open(city: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "city.json"
    city.save(path)
    assert Workspace.open(path) == city
    assert Workspace.open(str(path)) == city
    assert path.read_text(encoding="utf-8").endswith("}\n")
    assert [p.name for p in tmp_path.iterdir()] == ["city.json"]  # no temporary file left


def test_failed_save_leaves_nothing_and_names_the_file(city: Workspace, tmp_path: Path) -> None:
    target = tmp_path / "missing-dir" / "city.json"
    with pytest.raises(FileNotFoundError) as info:
        city.save(target)
    assert info.value.filename == str(target)
    assert "cannot write" in str(info.value)


def test_open_errors(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        Workspace.open(tmp_path / "none.json")
    with pytest.raises(IsADirectoryError):
        Workspace.open(tmp_path)
    broken = tmp_path / "broken.json"
    broken.write_text('{"schema_version": 1, "organisation": "R",\n "services": [', encoding="utf-8")
    with pytest.raises(ParseError) as info:
        Workspace.open(broken)
    assert info.value.line == 2
    assert isinstance(info.value, ValueError)
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(OSError, match="cannot read"):
        Workspace.open(binary)


def test_from_json_reports_every_problem_with_positions() -> None:
    text = json.dumps(
        {
            "schema_version": 1,
            "organisation": "R",
            "partners": [{"id": "a", "name": "A", "kind": "martian"}],
            "commitments": [{"id": "c", "partner": "zz", "kind": "grant", "steps": []}],
        },
        indent=1,
    )
    with pytest.raises(ValidationError) as info:
        Workspace.from_json(text)
    problems = info.value.problems
    paths = [p.path for p in problems]
    assert "partners[a].kind" in paths
    assert "commitments[c].partner" in paths
    assert "commitments[c].steps" in paths
    kind = problems[paths.index("partners[a].kind")]
    assert kind.line is not None and kind.column is not None
    assert "unknown variant `martian`" in kind.message
    assert str(info.value).startswith(f"{len(problems)} problems")
    # validate=False decodes without validating (for repairs), but still refuses bad records.
    with pytest.raises(ValidationError):
        Workspace.from_json(text, validate=False)
    lenient = json.loads(text)
    lenient["partners"][0]["kind"] = "state"
    ws = Workspace.from_json(json.dumps(lenient), validate=False)
    assert [p.path for p in ws.problems()] == ["commitments[c].partner", "commitments[c].steps"]


@pytest.mark.parametrize(
    "text",
    ["", "null", "[]", "42", '{"organisation": "R"}', '{"schema_version": 1}', "{", '"\\ud800"', "\x00"],
)
def test_malformed_text_is_a_parse_error(text: str) -> None:
    with pytest.raises(ParseError) as info:
        Workspace.from_json(text)
    assert info.value.line >= 1 and info.value.column >= 0


def test_unsupported_schema_version_is_a_validation_error() -> None:
    with pytest.raises(ValidationError, match="schema_version 7 is not supported"):
        Workspace.from_json('{"schema_version": 7, "organisation": "R"}')


def test_validation_error_carries_problem_objects(city: Workspace) -> None:
    city.add_project("p3", "Sans service", "nobody", registered="2025-01-01", planned_cost=-5)
    with pytest.raises(ValidationError) as info:
        city.validate()
    problems = info.value.problems
    assert Problem("projects[p3].lead_service", 'unknown service "nobody"') in problems
    assert Problem("projects[p3].planned_cost", "the amount -5 is negative") in problems
    assert city.problems() == problems
    p = problems[0]
    assert pickle.loads(pickle.dumps(p)) == p
    assert hash(p) == hash(Problem(p.path, p.message, p.line, p.column))
    assert repr(Problem("a", "b", 1, 2)) == 'Problem(path="a", message="b", line=1, column=2)'
    assert str(Problem("a", "b", 1, 2)) == "a (line 1, column 2): b"


def test_duplicate_ids_are_refused(city: Workspace) -> None:
    with pytest.raises(ValueError, match='"urb" is taken already'):
        city.add_service("urb", "Autre")
    with pytest.raises(ValueError, match="by the indicator"):
        city.add_perspective("funds", "Fonds")
    with pytest.raises(ValueError, match="by the perspective"):
        city.add_objective("citizens", "X", "finance")
    with pytest.raises(ValueError, match="linked already"):
        city.add_link("raise", "faster")
    with pytest.raises(ValueError, match="already has a measurement for 2025-Q1"):
        city.add_measurement("lead_time", "2025-Q1", 70)
    city.add_measurement("lead_time", "2025-Q1", 70, replace=True)
    assert city.measurements("lead_time")[0]["value"] == 70.0


def test_removals_and_unknown_ids(city: Workspace) -> None:
    city.remove_measurement("lead_time", "2025-Q2")
    city.remove_target("funds", "2025")
    city.unlink_indicator("raise", "funds")
    city.remove_link("raise", "faster")
    city.remove_commitment("c1")
    city.remove_partner("mecene")
    city.remove_project("kiosque")
    city.remove_indicator("funds")
    city.remove_objective("raise")
    city.remove_perspective("finance")
    city.remove_service("eco")
    assert len(city.measurements()) == 1
    assert city.links() == [] and city.commitments() == []
    # The halles project still names the removed service: validation says so.
    assert [p.path for p in city.problems()] == ["projects[halles].contributing_services[0]"]
    calls: list[Callable[[], None]] = [
        lambda: city.remove_service("x"),
        lambda: city.remove_project("x"),
        lambda: city.remove_partner("x"),
        lambda: city.remove_commitment("x"),
        lambda: city.remove_indicator("x"),
        lambda: city.remove_objective("x"),
        lambda: city.remove_perspective("x"),
        lambda: city.remove_measurement("x", "2025-Q1"),
        lambda: city.remove_measurement("lead_time", "2030-Q1"),
        lambda: city.remove_target("lead_time", "2030"),
        lambda: city.set_target("x", "2025", 1),
        lambda: city.add_measurement("x", "2025-Q1", 1),
        lambda: city.add_commitment_step("x", "signed", "2025-01-01", 1),
        lambda: city.link_indicator("x", "lead_time"),
        lambda: city.unlink_indicator("faster", "x"),
        lambda: city.remove_link("a", "b"),
    ]
    for call in calls:
        with pytest.raises(NotFoundError):
            call()


MONEY_CALLS: dict[str, Callable[[Workspace, Any], None]] = {
    "planned_cost": lambda ws, v: ws.add_project("p", "P", "urb", planned_cost=v),
    "actual_cost": lambda ws, v: ws.add_project("p", "P", "urb", actual_cost=v),
    "own_funds": lambda ws, v: ws.add_project("p", "P", "urb", own_funds=v),
    "amount": lambda ws, v: ws.add_commitment_step("c1", "received", "2025-07-01", v),
    "steps": lambda ws, v: ws.add_commitment("c9", "region", "loan", steps=[("pledged", "2025-01-01", v)]),
}


@pytest.mark.parametrize("field", sorted(MONEY_CALLS))
def test_float_money_is_refused_everywhere(city: Workspace, field: str) -> None:
    before = city.to_json()
    with pytest.raises(TypeError, match=r"not a float \(0\.1\)"):
        MONEY_CALLS[field](city, 0.1)
    with pytest.raises(TypeError, match="not a bool"):
        MONEY_CALLS[field](city, True)
    with pytest.raises(TypeError, match="not list"):
        MONEY_CALLS[field](city, [1])
    with pytest.raises(ValueError, match="is not an amount"):
        MONEY_CALLS[field](city, Decimal("NaN"))
    with pytest.raises(ValueError, match="is not an amount"):
        MONEY_CALLS[field](city, "12,50")
    assert city.to_json() == before  # nothing was added


@pytest.mark.parametrize("value", [Decimal("0.1"), 7, "15000000.00", Decimal("-0"), Decimal("1E+3")])
def test_money_accepts_decimal_int_and_decimal_text(value: Decimal | int | str) -> None:
    ws = Workspace("R")
    ws.add_project("p", "P", "s", planned_cost=value)
    got = ws.projects()[0]["planned_cost"]
    assert isinstance(got, Decimal)
    assert got == Decimal(str(value))


def test_money_out_of_range() -> None:
    ws = Workspace("R")
    with pytest.raises(ValueError, match="too large"):
        ws.add_project("p", "P", "s", planned_cost=10**40)
    with pytest.raises(ValueError, match="28 significant digits"):
        ws.add_project("p", "P", "s", planned_cost=Decimal("1." + "1" * 40))


@pytest.mark.parametrize("text", ["1_000", "1.2.3", "1." + "1" * 40, " 12.50 ", "1e3", "-0"])
def test_money_text_follows_the_files_rule(text: str) -> None:
    # one rule for an amount written as text (the core's parse_amount): a keyword argument
    # accepts or refuses it, with the same words, as a file does
    by_arg = Workspace("R")
    try:
        by_arg.add_project("p", "P", "s", planned_cost=text)
        arg_error = None
    except ValueError as e:
        arg_error = str(e)
    document = json.loads(Workspace("R").to_json())
    document["services"] = [{"id": "s", "name": "S"}]
    registered = {"stage": "registered", "date": "2025-01-02"}
    project = {"id": "p", "title": "P", "lead_service": "s", "planned_cost": text, "stages": [registered]}
    document["projects"] = [project]
    try:
        by_file = Workspace.from_json(json.dumps(document))
        file_error = None
    except ValidationError as e:
        file_error = str(e)
    assert (arg_error is None) == (file_error is None), (arg_error, file_error)
    if arg_error is None:
        assert by_arg.projects()[0]["planned_cost"] == by_file.projects()[0]["planned_cost"]
    else:
        assert file_error is not None
        assert arg_error.split(": ", 1)[-1] in file_error, (arg_error, file_error)


def test_dates_are_dates() -> None:
    ws = Workspace("R")
    with pytest.raises(TypeError, match="not a datetime"):
        ws.add_partner("a", "A", "state", joined=datetime.datetime(2025, 1, 1, 12))
    with pytest.raises(ValueError, match="expected YYYY-MM-DD"):
        ws.add_partner("a", "A", "state", joined="01/02/2025")
    with pytest.raises(TypeError, match="not int"):
        ws.add_partner("a", "A", "state", joined=20250101)  # type: ignore[arg-type]
    ws.add_partner("a", "A", "state", joined="2025-01-02")
    assert ws.partners()[0]["joined"] == datetime.date(2025, 1, 2)


def test_project_stage_arguments() -> None:
    ws = Workspace("R")
    ws.add_project("a", "A", "s", stages=[("registered", "2025-01-01"), ("approved", datetime.date(2025, 2, 1))])
    ws.add_project("b", "B", "s", stages=[{"stage": "registered", "date": "2025-01-01"}], closed="2025-03-01")
    # Given out of order, the stages are stored in life order.
    ws.add_project("c", "C", "s", delivered="2025-05-01", registered="2025-01-01", started="2025-03-01")
    assert [e["stage"] for e in ws.projects()[2]["stages"]] == ["registered", "started", "delivered"]
    with pytest.raises(TypeError, match="unexpected keyword argument 'finished'"):
        ws.add_project("d", "D", "s", finished="2025-01-01")
    with pytest.raises(ValueError, match="given twice"):
        ws.add_project("d", "D", "s", stages={"registered": "2025-01-01"}, registered="2025-01-02")
    with pytest.raises(ValueError, match="unknown variant `done`"):
        ws.add_project("d", "D", "s", stages={"done": "2025-01-01"})
    with pytest.raises(TypeError, match="stages are a dict"):
        ws.add_project("d", "D", "s", stages="registered")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expected a str, not int"):
        ws.add_project(1, "D", "s")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expected a list of ids"):
        ws.add_project("d", "D", "s", contributing_services=5)  # type: ignore[arg-type]
    ws.add_project("d", "D", "s", contributing_services="t", objectives=("o1", "o2"))
    assert ws.projects()[3]["contributing_services"] == ["t"]
    assert ws.projects()[3]["objectives"] == ["o1", "o2"]


def test_enum_names_are_checked() -> None:
    ws = Workspace("R")
    with pytest.raises(ValueError, match="kind: unknown variant `ngo`, expected one of `state`"):
        ws.add_partner("a", "A", "ngo")
    with pytest.raises(ValueError, match="unknown variant `gift`"):
        ws.add_commitment("c", "a", "gift")
    ws.add_commitment("c", "a", "in_kind")
    with pytest.raises(ValueError, match="unknown variant `promised`"):
        ws.add_commitment_step("c", "promised", "2025-01-01", 1)
    with pytest.raises(ValueError, match="steps: \\[0\\].amount: is required"):
        ws.add_commitment("d", "a", "loan", steps=[{"status": "signed", "date": "2025-01-01"}])


def test_indicator_configuration_errors_name_the_field() -> None:
    ws = Workspace("R")
    with pytest.raises(ValueError, match="indicator: scoring.method: unknown variant `magic`, expected one of `linear_progress`"):
        ws.add_indicator("i", "I", "quarterly", {"method": "magic"})
    with pytest.raises(ValueError, match="indicator: scoring: invalid type: string \"high\", expected a number"):
        ws.add_indicator("i", "I", "quarterly", {"method": "goal_red_flag", "red_flag": "high"})
    with pytest.raises(ValueError, match="unknown variant `weekly`"):
        ws.add_indicator("i", "I", "weekly", {"method": "ratio_to_target"})  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown field `colour`"):
        ws.add_indicator("i", "I", "yearly", {"method": "ratio_to_target", "colour": "red"})
    with pytest.raises(ValueError, match="not a finite number"):
        ws.add_indicator("i", "I", "yearly", {"method": "band", "low": 1, "high": float("inf"), "tolerance": 1})
    with pytest.raises(TypeError, match="cannot use a set"):
        ws.add_indicator("i", "I", "yearly", {"method": "ratio_to_target"}, targets={1, 2})  # type: ignore[arg-type]
    ws.add_indicator(
        "i",
        "I",
        "monthly",
        {
            "method": "expected_progress",
            "start": datetime.date(2025, 1, 1),
            "end": "2025-12-31",
            "start_value": 0,
            "end_value": Decimal("100"),
        },
        source={"kind": "measured"},
        thresholds={"amber": 40, "green": 80},
        trajectory={"from": {"period": "2025-01", "value": 0}, "to": {"period": pilotage.Period("2025-12"), "value": 1}},
        min_group_size=5,
        description="d",
    )
    ind = ws.indicators()[0]
    assert ind["scoring"]["start"] == "2025-01-01" and ind["scoring"]["end_value"] == 100.0
    assert ind["thresholds"] == {"amber": 40.0, "green": 80.0}
    assert ind["trajectory"]["to"] == {"period": "2025-12", "value": 1.0}
    ws.add_indicator("calc", "C", "monthly", {"method": "ratio_to_target"}, source={"kind": "calculated", "expression": "i * 2"})
    assert ws.indicators()[1]["source"] == {"kind": "calculated", "expression": "i * 2"}


def test_measurement_arguments(city: Workspace) -> None:
    city.add_indicator("absence", "Absentéisme", "monthly", {"method": "ratio_to_target"}, aggregation="ratio_of_sums", min_group_size=5)
    city.add_measurement("absence", "2025-01", numerator=12, denominator=400, respondents=40)
    m = city.measurements("absence")[0]
    assert (m["value"], m["numerator"], m["denominator"], m["respondents"]) == (None, 12.0, 400.0, 40)
    with pytest.raises(TypeError, match="respondents: expected an int, not float"):
        city.add_measurement("absence", "2025-02", numerator=1, denominator=2, respondents=4.5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="whole number"):
        city.add_measurement("absence", "2025-02", numerator=1, denominator=2, respondents=-1)
    with pytest.raises(TypeError, match="value: expected a number, not a str"):
        city.add_measurement("absence", "2025-02", "12")  # type: ignore[arg-type]
    with pytest.raises(pilotage.PeriodError):
        city.add_measurement("absence", "2025-13", 1)
    with pytest.raises(TypeError, match="period: a period is a Period or a string"):
        city.add_measurement("absence", 202502, 1)  # type: ignore[arg-type]
    city.validate()
    # A measurement at the wrong frequency is refused by the edit, as validation would
    # refuse it in the file (issue 14), with the path of the slot it would take.
    with pytest.raises(ValidationError) as e:
        city.add_measurement("absence", "2025-Q1", numerator=1, denominator=2)
    assert [p.path for p in e.value.problems] == ["indicators[absence].measurements[1].period"]
    city.validate()


def test_pickle_copy_and_deepcopy(city: Workspace) -> None:
    for proto in range(2, pickle.HIGHEST_PROTOCOL + 1):
        assert pickle.loads(pickle.dumps(city, protocol=proto)) == city
    # An invalid workspace under construction pickles too (no validation on unpickling).
    city.add_project("bad", "B", "nobody")
    assert pickle.loads(pickle.dumps(city)) == city
    c = copy.copy(city)
    d = copy.deepcopy(city)
    assert c == city == d
    d.remove_project("bad")
    assert d != city


def test_workspace_travels_to_another_process(city: Workspace) -> None:
    import concurrent.futures
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=ctx) as pool:
        assert pool.submit(_organisation_and_problems, city).result() == ("Romans-sur-Isère", 0)


def _organisation_and_problems(ws: Workspace) -> tuple[str, int]:
    return ws.organisation, len(ws.problems())


def test_heavy_calls_run_in_threads(city: Workspace, tmp_path: Path) -> None:
    import threading

    errors: list[BaseException] = []

    def work(i: int) -> None:
        try:
            path = tmp_path / f"w{i}.json"
            city.save(path)
            Workspace.open(path).validate()
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(os.listdir(tmp_path)) == [f"w{i}.json" for i in range(4)]


def test_weights_and_rollups(city: Workspace) -> None:
    city.add_perspective("people", "Personnel", weight=0.5, rollup={"aggregation": "worst", "min_coverage": 0.5})
    city.add_objective(
        "qvt",
        "Qualité de vie au travail",
        "people",
        indicators=[("lead_time", 3), {"indicator": "funds"}],
        rollup={"aggregation": "weighted_geometric_mean", "missing": {"carry_forward": {"max_periods": 2}}},
    )
    people = city.perspectives()[2]
    assert people["weight"] == 0.5
    assert people["rollup"] == {"aggregation": "worst", "missing": "exclude", "min_coverage": 0.5}
    qvt = city.objectives()[2]
    assert qvt["indicators"] == [{"indicator": "lead_time", "weight": 3.0}, {"indicator": "funds", "weight": 1.0}]
    assert qvt["rollup"]["missing"] == {"carry_forward": {"max_periods": 2}}
    city.validate()
    # Out-of-range weights are accepted by the edit and reported by validation, with paths.
    city.link_indicator("qvt", "funds", weight=-1)
    city.add_objective("later", "Plus tard", "people", weight=[("2026", 1), ("2025", 2)])
    assert [p.path for p in city.problems()] == [
        "scorecard.objectives[qvt].indicators[1].weight",
        "scorecard.objectives[later].weight[1].from",
    ]
    with pytest.raises(ValueError, match="perspective: rollup.colour: unknown field `colour`, expected one of `aggregation`"):
        city.add_perspective("x", "X", rollup={"colour": "red"})
    with pytest.raises(ValueError, match="objective: "):
        city.add_objective("y", "Y", "people", weight="heavy")
    with pytest.raises(ValueError, match="link: sign: unknown variant `maybe`, expected `positive` or `negative`"):
        city.add_link("qvt", "raise", sign="maybe")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="dict keys are str"):
        city.add_perspective("z", "Z", rollup={1: "worst"})  # type: ignore[dict-item]


def test_settings_and_organisation_fields_are_validated() -> None:
    ws = Workspace("R")
    # refused at the call (issue 14), with the field's path, and the workspace unchanged
    with pytest.raises(ValidationError, match="currency"):
        ws.currency = "euro"
    with pytest.raises(ValidationError, match="fiscal_year_start_month"):
        ws.fiscal_year_start_month = 13
    assert ws.problems() == []
    with pytest.raises(OverflowError):
        ws.fiscal_year_start_month = 300


def test_an_error_message_lists_the_first_100_problems_and_the_count() -> None:
    # Before: the message listed every problem (114 MB for 516,000 problems).
    commitments = [
        {"id": f"c{i}", "partner": f"nobody-{i}", "kind": "grant",
         "steps": [{"status": "pledged", "date": "2024-01-10", "amount": "10"}]}
        for i in range(250)
    ]
    text = json.dumps({"schema_version": 1, "organisation": "R", "commitments": commitments})
    with pytest.raises(ValidationError) as info:
        Workspace.from_json(text)
    assert len(info.value.problems) == 250
    message = str(info.value)
    assert message.startswith("250 problems")
    assert message.count("\n  - ") == 100
    assert message.endswith("\n  ... and 150 more")


def test_save_keeps_the_mode_and_refuses_a_symlink(city: Workspace, tmp_path: Path) -> None:
    # The binding saves through the core (core/tests/save.rs has the full suite).
    path = tmp_path / "ville.json"
    path.write_text("{}")
    os.chmod(path, 0o600)
    city.save(path)
    assert os.stat(path).st_mode & 0o777 == 0o600
    link = tmp_path / "link.json"
    link.symlink_to(path)
    with pytest.raises(OSError):
        city.save(link)
    assert link.is_symlink()


def test_setters_refuse_what_the_file_would_refuse() -> None:
    # issue 14: the setters took a month 13, a lower-case currency and an empty name, which
    # the saved file then failed to reopen with; they apply the file's rules now, and a
    # refused value leaves the workspace as it was
    ws = Workspace("Romans", currency="EUR", fiscal_year_start_month=1)
    for attr, bad, path in [
        ("fiscal_year_start_month", 13, "fiscal_year_start_month"),
        ("currency", "eur", "currency"),
        ("organisation", "  ", "organisation"),
    ]:
        with pytest.raises(ValidationError) as e:
            setattr(ws, attr, bad)
        assert [p.path for p in e.value.problems] == [path]
    assert (ws.organisation, ws.currency, ws.fiscal_year_start_month) == ("Romans", "EUR", 1)
    ws.currency, ws.fiscal_year_start_month, ws.organisation = "CHF", 7, "Valence"
    assert Workspace.from_json(ws.to_json()).fiscal_year_start_month == 7
    # the constructor applies the same rules to what it is given
    with pytest.raises(ValidationError) as e:
        Workspace("Romans", currency="eur")
    assert [p.path for p in e.value.problems] == ["currency"]
    with pytest.raises(ValidationError) as e:
        Workspace("Romans", fiscal_year_start_month=13)
    assert [p.path for p in e.value.problems] == ["fiscal_year_start_month"]


def test_a_nan_measurement_is_refused_like_in_a_file() -> None:
    # issue 14: add_measurement(nan) was stored, then the saved file did not reopen
    ws = pilotage.sample_city()
    before = len(ws.measurements().to_pandas())
    with pytest.raises(ValidationError) as e:
        ws.add_measurement("ind_turnover", "2026", value=float("nan"))
    assert any("must be a finite number" in p.message for p in e.value.problems)
    assert len(ws.measurements().to_pandas()) == before
