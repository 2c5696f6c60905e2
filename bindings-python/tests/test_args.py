"""Arguments: enum values by name (accepted, or refused with the list of the valid names, never
a serde message), options left out take the core's defaults (read from the core's results
schema, where the core writes them), and the stubs' result classes against that schema."""

from __future__ import annotations

import ast
import json
import pathlib
from typing import Any

import pytest

import pilotage
from pilotage import Workspace

HERE = pathlib.Path(__file__).resolve().parent
SCHEMA = json.loads((HERE.parent.parent / "schema" / "results.schema.json").read_text())
STUBS = HERE.parent / "python" / "pilotage" / "_pilotage.pyi"


@pytest.fixture(scope="module")
def sample() -> Workspace:
    return pilotage.sample_city()


def defaults(definition: str) -> dict[str, Any]:
    """The core's default of each field of an option struct, as its schema states it."""
    props: dict[str, Any] = SCHEMA["$defs"][definition]["properties"]
    return {name: p["default"] for name, p in props.items() if "default" in p}


def test_a_scoring_method_by_name_is_the_method_with_its_defaults() -> None:
    by_name, by_dict = Workspace("a"), Workspace("a")
    by_name.add_indicator("i", "I", "quarterly", "ratio_to_target")
    by_dict.add_indicator("i", "I", "quarterly", {"method": "ratio_to_target"})
    assert by_name == by_dict
    assert by_name.indicators()[0]["scoring"]["method"] == "ratio_to_target"


@pytest.mark.parametrize("scoring", ["ratio", "Ratio_To_Target", ""])
def test_an_unknown_scoring_name_lists_the_methods(scoring: str) -> None:
    with pytest.raises(ValueError) as e:
        Workspace("a").add_indicator("i", "I", "quarterly", scoring)
    message = str(e.value)
    assert "scoring" in message
    for method in ("linear_progress", "ratio_to_target", "goal_red_flag", "band", "min_max", "status_rules"):
        assert method in message
    assert "internally tagged" not in message and "ScoringMethod" not in message


def test_a_method_that_needs_parameters_says_so() -> None:
    with pytest.raises(ValueError, match="red_flag") as e:
        Workspace("a").add_indicator("i", "I", "quarterly", "goal_red_flag")
    assert "internally tagged" not in str(e.value)


@pytest.mark.parametrize(
    ("call", "names"),
    [
        (lambda ws: ws.headline("2025-Q4", leverage="x"), ["external_over_own", "total_over_own", "planned_cost_over_own"]),
        (lambda ws: ws.headline("2025-Q4", start="x"), ["registered", "complete", "decision", "closed"]),
        (lambda ws: ws.lead_time("2025-Q4", stop="x"), ["registered", "decision", "delivered"]),
        (lambda ws: ws.portfolio_finance(basis="x"), ["pledged", "signed", "received"]),
        (lambda ws: ws.caseload("2025-12-31", rule="x"), ["until_closed", "without_rejected", "in_progress"]),
        (lambda ws: ws.latest_period("weekly"), ["monthly", "quarterly", "yearly"]),
    ],
)
def test_an_unknown_name_is_refused_with_the_valid_names(sample: Workspace, call: Any, names: list[str]) -> None:
    with pytest.raises(ValueError) as e:
        call(sample)
    message = str(e.value)
    for n in names:
        assert n in message
    assert "variant" not in message and "expected" not in message.split(":")[0]


def test_options_left_out_are_the_cores_defaults(sample: Workspace) -> None:
    lead = defaults("LeadTimeOptions")
    finance = defaults("FinanceOptions")
    assert lead == {"start": "registered", "stop": "decision"}
    assert finance == {"basis": "signed", "leverage": "external_over_own", "as_of": None}
    # the result states the options the core used: with nothing given, the core's defaults
    lt = sample.lead_time("2025-Q4")
    assert json.loads(lt.to_json())["options"] == lead
    assert lt == sample.lead_time("2025-Q4", start=lead["start"], stop=lead["stop"])
    pf = sample.portfolio_finance()
    assert json.loads(pf.to_json())["options"] == finance
    assert pf == sample.portfolio_finance(basis=finance["basis"], leverage=finance["leverage"])
    # and the headline with no option is the headline with the core's defaults written out
    h = sample.headline("2025-Q4")
    assert h == sample.headline(
        "2025-Q4", top_partners=5, leverage=finance["leverage"], start=lead["start"], stop=lead["stop"], caseload="until_closed"
    )
    assert json.loads(h.to_json())["lead_time"]["later"]["options"] == lead
    # an option given changes the result (the defaults are not forced)
    assert sample.lead_time("2025-Q4", start="complete") != lt


def stub_properties(cls: str) -> dict[str, bool]:
    """The properties of a result class in the stubs, each with whether it may be None."""
    tree = ast.parse(STUBS.read_text())
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == cls:
            out: dict[str, bool] = {}
            for f in node.body:
                if isinstance(f, ast.FunctionDef) and any(
                    isinstance(d, ast.Name) and d.id == "property" for d in f.decorator_list
                ):
                    assert f.returns is not None
                    out[f.name] = "None" in ast.unparse(f.returns)
            return out
    raise AssertionError(f"no class {cls} in the stubs")


def schema_properties(definition: str) -> dict[str, bool]:
    """The properties of a result in the core's schema, each with whether it may be null."""
    d = SCHEMA["$defs"][definition]
    out: dict[str, bool] = {}
    for name, p in d["properties"].items():
        types = p.get("type", [])
        nullable = "null" in types or any(o.get("type") == "null" for o in p.get("anyOf", []))
        out[name] = nullable
    return out


@pytest.mark.parametrize("cls", ["Evaluation", "NodeResult", "Trend", "Forecast"])
def test_the_stubs_result_classes_match_the_results_schema(cls: str) -> None:
    # every field of the core's result is a property of the class, None exactly where the
    # core's JSON may hold null (a field added to the core without its stub fails here)
    assert stub_properties(cls) == schema_properties(cls)


def test_the_stub_check_is_not_vacuous() -> None:
    assert schema_properties("NodeResult")["score"] is True
    assert schema_properties("NodeResult")["coverage"] is False
    assert "explanation" in stub_properties("NodeResult")
    assert stub_properties("Forecast") != schema_properties("Trend")


@pytest.mark.parametrize("scoring", [5, [5], {"method": "band", "low": "x", "high": 1}])
def test_a_scoring_of_the_wrong_shape_is_said_in_json_words(scoring: object) -> None:
    # serde names Rust types ("internally tagged enum ScoringMethod", "f64", "sequence"); the
    # core's serde_words says them as the file's words, for dicts as for files
    with pytest.raises(ValueError) as e:
        Workspace("a").add_indicator("i", "I", "quarterly", scoring)  # type: ignore[arg-type]
    message = str(e.value)
    for rust in ("ScoringMethod", "internally tagged", "f64", "sequence", " map"):
        assert rust not in message, message
    assert "expected" in message
