"""Dates and ids a record builder stores are refused at the call when the core would refuse
them on load (issue #14), with the core's message and a path naming where."""

from __future__ import annotations

import datetime
import json
import re
from decimal import Decimal

import pytest

from pilotage import ValidationError, Workspace

FAR = datetime.date(9999, 12, 31)
MESSAGE = "the date 9999-12-31 is outside the supported years 1900-2100"


def workspace() -> Workspace:
    ws = Workspace("R")
    ws.add_service("urb", "Urbanisme")
    ws.add_partner("region", "Région", "region")
    ws.add_commitment("c1", "region", "grant", steps=[("pledged", datetime.date(2024, 1, 2), Decimal(10))])
    return ws


def test_the_load_refuses_that_date_with_this_message() -> None:
    ws = workspace()
    data = json.loads(ws.to_json())
    data["partners"][0]["joined"] = "9999-12-31"
    with pytest.raises(ValidationError) as info:
        Workspace.from_json(json.dumps(data))
    assert [(p.path, p.message) for p in info.value.problems] == [("partners[region].joined", MESSAGE)]


@pytest.mark.parametrize(
    "call",
    [
        lambda ws: ws.add_partner("p2", "P", "state", joined=FAR),
        lambda ws: ws.add_partner("p2", "P", "state", joined="1899-12-31"),
        lambda ws: ws.add_project("x", "X", "urb", registered=FAR),
        lambda ws: ws.add_project("x", "X", "urb", registered=datetime.date(2025, 1, 1), planned_end=FAR),
        lambda ws: ws.add_project("x", "X", "urb", stages={"registered": FAR}),
        lambda ws: ws.add_project("x", "X", "urb", stages=[("registered", FAR)]),
        lambda ws: ws.add_commitment("c2", "region", "grant", steps=[("pledged", FAR, Decimal(1))]),
        lambda ws: ws.add_commitment_step("c1", "signed", FAR, Decimal(1)),
        lambda ws: ws.add_partners([{"id": "p3", "name": "P", "kind": "state", "joined": FAR}]),
        lambda ws: ws.add_projects([{"id": "x", "title": "X", "lead_service": "urb", "registered": FAR}]),
        lambda ws: ws.add_commitments(
            [{"commitment": "c3", "partner": "region", "kind": "grant", "status": "pledged", "date": FAR, "amount": 1}]
        ),
    ],
)
def test_every_builder_refuses_a_date_the_load_refuses(call) -> None:  # type: ignore[no-untyped-def]
    ws = workspace()
    before = ws.to_json()
    with pytest.raises((ValueError, ValidationError), match="outside the supported years 1900-2100"):
        call(ws)
    assert ws.to_json() == before
    assert ws.problems() == []


def test_a_frame_cell_with_a_far_date_is_named_by_row_and_column() -> None:
    ws = workspace()
    with pytest.raises(ValidationError) as info:
        ws.add_partners([{"id": "p3", "name": "P", "kind": "state", "joined": FAR}])
    # The core's one input path names the table, row and column, then the record's path.
    assert [(p.path, p.message) for p in info.value.problems] == [("partners[0].joined", f"{MESSAGE} (partners[p3].joined)")]


def test_the_bounds_themselves_are_accepted() -> None:
    ws = workspace()
    ws.add_partner("old", "P", "state", joined=datetime.date(1900, 1, 1))
    ws.add_partner("late", "P", "state", joined=datetime.date(2100, 12, 31))
    ws.validate()


@pytest.mark.parametrize(
    ("id", "word"),
    [
        ("p\u200b1", "invisible character U+200B"),
        ("p\u200d1", "invisible character U+200D"),
        ("\ufeffp1", "invisible character U+FEFF"),
        ("p1\u202e", "invisible character U+202E"),
        ("p\u00a01", "space character U+00A0"),
        (" p1", "starts or ends with a space"),
        ("cafe\u0301", "combining mark U+0301"),
    ],
)
def test_ids_with_invisible_characters_or_combining_marks_are_refused(id: str, word: str) -> None:
    ws = workspace()
    with pytest.raises(ValidationError, match=re.escape(word)) as info:
        ws.add_partner(id, "P", "state")
    assert [p.path for p in info.value.problems] == ["partners[1].id"]
    with pytest.raises(ValidationError, match=re.escape(word)):
        ws.add_indicator(id, "I", "quarterly", {"method": "ratio_to_target"})
    with pytest.raises(ValidationError, match=re.escape("partners[0].id: ")):
        ws.add_partners([{"id": id, "name": "P", "kind": "state"}])
    assert len(ws.partners()) == 1
    ws.add_partner("café", "P", "state")  # precomposed: accepted


def test_ids_that_differ_only_by_case_are_refused() -> None:
    ws = workspace()
    with pytest.raises(ValueError, match='differs from the partner "region" only by case'):
        ws.add_partner("Region", "P", "state")
    ws.add_perspective("people", "People")
    with pytest.raises(ValueError, match='differs from the perspective "people" only by case'):
        ws.add_indicator("PEOPLE", "I", "quarterly", {"method": "ratio_to_target"})
    with pytest.raises(ValidationError, match=re.escape("partners[1].id: ")):
        ws.add_partners([{"id": "p-1", "name": "P", "kind": "state"}, {"id": "P-1", "name": "P", "kind": "state"}])
    assert len(ws.partners()) == 1
