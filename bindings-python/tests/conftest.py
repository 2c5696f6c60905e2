"""Shared fixtures: a small valid city built through the API only."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from hypothesis import settings

import pilotage

# No example database: the tests write nothing into the source tree.
settings.register_profile("pilotage", database=None)
settings.load_profile("pilotage")


def build_city() -> pilotage.Workspace:
    """Two services, two projects, two partners, one commitment in three tranches, a
    two-perspective scorecard with two indicators measured quarterly."""
    ws = pilotage.Workspace("Romans-sur-Isère")
    ws.add_service("urb", "Urbanisme")
    ws.add_service("eco", "Développement économique")
    ws.add_perspective("citizens", "Citoyens et territoire")
    ws.add_perspective("finance", "Finances et partenariats", weight=2)
    ws.add_indicator(
        "lead_time",
        "Délai d'instruction",
        "quarterly",
        {"method": "ratio_to_target"},
        unit="days",
        polarity="lower_is_better",
        aggregation="mean",
        service="urb",
        targets=[{"period": "2025", "value": 60}],
    )
    ws.add_indicator(
        "funds",
        "Fonds levés",
        "quarterly",
        {"method": "linear_progress", "cap": 120},
        unit="EUR",
        aggregation="sum",
        baseline={"period": "2024", "value": 0},
    )
    ws.add_objective("faster", "Instruire plus vite", "citizens", indicators=["lead_time"])
    ws.add_objective("raise", "Lever des fonds", "finance", weight=[("2024", 1.0), ("2025-Q3", 2.0)])
    ws.link_indicator("raise", "funds", weight=2)
    ws.add_link("raise", "faster", sign="positive", lag=1)
    ws.add_project(
        "halles",
        "Rénovation des Halles",
        "urb",
        contributing_services=["eco"],
        objectives=["faster"],
        planned_cost=Decimal("1200000.00"),
        own_funds=Decimal("400000.00"),
        planned_end=datetime.date(2026, 6, 30),
        stages={"registered": datetime.date(2025, 1, 6), "complete": datetime.date(2025, 1, 20)},
        approved=datetime.date(2025, 3, 3),
    )
    ws.add_project("kiosque", "Kiosque", "eco", registered="2025-02-01")
    ws.add_partner("region", "Région Auvergne-Rhône-Alpes", "region", joined=datetime.date(2020, 5, 1))
    ws.add_partner("mecene", "Fondation locale", "foundation")
    ws.add_commitment(
        "c1",
        "region",
        "grant",
        project="halles",
        steps=[("pledged", "2025-01-15", Decimal("300000")), ("signed", datetime.date(2025, 4, 1), 300000)],
    )
    ws.add_commitment_step("c1", "received", datetime.date(2025, 6, 1), Decimal("150000.50"))
    for period, value in [("2025-Q1", 72.0), ("2025-Q2", 65.5)]:
        ws.add_measurement("lead_time", period, value, source="registre")
    ws.add_measurement("funds", pilotage.Period("2025-Q1"), 300000, comment="subvention région")
    ws.set_target("funds", "2025", 500000)
    return ws


@pytest.fixture
def city() -> pilotage.Workspace:
    ws = build_city()
    ws.validate()
    return ws
