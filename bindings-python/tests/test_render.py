"""Rich display in Jupyter shows the core's renderings: escaped, never HTML built in Python."""

from __future__ import annotations

import pytest

import pilotage

PAYLOAD = '<script>alert(1)</script>"><img src=x onerror=alert(1)>'


def test_workspace_and_evaluation_render_the_core_overview() -> None:
    ws = pilotage.sample_city()
    html = ws._repr_html_()
    assert html is not None and html.startswith("<svg")
    # The overview of the latest quarter, with the perspectives' names (long ones wrap).
    assert 'role="img"' in html and "Citoyens et territoire" in html
    ev = ws.evaluate("2025-Q4")
    assert ev._repr_html_() == html


def test_an_empty_workspace_falls_back_to_text() -> None:
    assert pilotage.Workspace("Ville vide")._repr_html_() is None


def test_indicator_card_and_report() -> None:
    ws = pilotage.sample_city()
    card = ws.indicator_card("ind_absenteisme", "2025-Q4", lang="fr")
    assert isinstance(card, pilotage.Html)
    assert str(card).startswith("<article") and "<svg" in str(card)
    assert card._repr_html_() == str(card)
    report = ws.report_html("2025-Q4", lang="fr")
    assert report.startswith("<!DOCTYPE html>") and "Tableau de bord" in report
    with pytest.raises(pilotage.NotFoundError):
        ws.indicator_card("nope", "2025-Q4")
    with pytest.raises(ValueError, match="lang"):
        ws.report_html("2025-Q4", lang="de")  # type: ignore[arg-type]


def test_names_with_markup_stay_text() -> None:
    ws = pilotage.sample_city()
    text = ws.to_json().replace('"name": "Citoyens et territoire"', '"name": ' + _json(PAYLOAD))
    poisoned = pilotage.Workspace.from_json(text)
    for html in (poisoned._repr_html_() or "", poisoned.evaluate("2025-Q4")._repr_html_()):
        assert "<script" not in html and "<img" not in html
        assert "&lt;script&gt;" in html


def _json(s: str) -> str:
    import json

    return json.dumps(s)
