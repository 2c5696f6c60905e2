"""Period: parsing, printing, arithmetic, dates, ordering, hashing, pickling, errors."""

from __future__ import annotations

import copy
import datetime
import pickle

import pytest

from pilotage import Period, PeriodError


@pytest.mark.parametrize(
    ("text", "frequency", "year"),
    [("2025-03", "monthly", 2025), ("2025-Q1", "quarterly", 2025), ("2025", "yearly", 2025), ("2025-q4", "quarterly", 2025)],
)
def test_parse_print_and_fields(text: str, frequency: str, year: int) -> None:
    p = Period(text)
    assert p.frequency == frequency
    assert p.year == year
    assert str(p) == text.upper().replace("Q", "Q")
    assert repr(p) == f"Period('{p}')"
    assert Period(p) == p


def test_constructors() -> None:
    assert Period.of_month(2025, 3) == Period("2025-03")
    assert Period.of_quarter(2025, 2) == Period("2025-Q2")
    assert Period.of_year(2025) == Period("2025")
    with pytest.raises(PeriodError, match="between 01 and 12"):
        Period.of_month(2025, 13)
    with pytest.raises(PeriodError, match="Q1 and Q4"):
        Period.of_quarter(2025, 5)
    with pytest.raises(PeriodError, match="between 1900 and 2100"):
        Period.of_year(1899)


def test_next_previous_offset_steps_and_through() -> None:
    assert Period("2025-12").next() == Period("2026-01")
    assert Period("2025-Q1").previous() == Period("2024-Q4")
    assert Period("2025-Q1").offset(5) == Period("2026-Q2")
    assert Period("2025-Q1").offset(-4) == Period("2024-Q1")
    assert Period("2024-Q1").steps_to("2025-Q1") == 4
    assert Period("2024-Q1").steps_to(Period("2025")) is None
    assert [str(p) for p in Period("2024-11").through("2025-02")] == ["2024-11", "2024-12", "2025-01", "2025-02"]
    assert Period("2025-Q2").through("2025-Q1") == []
    with pytest.raises(PeriodError):
        Period("2100-12").next()
    with pytest.raises(PeriodError):
        Period("1900").previous()


def test_dates_with_calendar_and_fiscal_years() -> None:
    assert Period("2024-02").end_date() == datetime.date(2024, 2, 29)  # leap year
    assert Period("2023-02").end_date() == datetime.date(2023, 2, 28)
    # Fiscal year starting in April: 2025-Q1 is April to June 2025, 2025 runs to March 2026.
    assert Period("2025-Q1").start_date(fiscal_year_start_month=4) == datetime.date(2025, 4, 1)
    assert Period("2025-Q1").end_date(fiscal_year_start_month=4) == datetime.date(2025, 6, 30)
    assert Period("2025").end_date(fiscal_year_start_month=4) == datetime.date(2026, 3, 31)
    assert Period.containing(datetime.date(2026, 2, 10), "yearly", fiscal_year_start_month=4) == Period("2025")
    assert Period.containing("2025-05-02", "monthly") == Period("2025-05")
    with pytest.raises(PeriodError, match="between 1 and 12"):
        Period("2025").start_date(fiscal_year_start_month=13)
    with pytest.raises(ValueError, match="frequency: unknown variant `weekly`"):
        Period.containing(datetime.date(2025, 1, 1), "weekly")  # type: ignore[arg-type]


def test_contains_periods_strings_and_dates() -> None:
    q = Period("2025-Q1")
    assert q.contains("2025-02")
    assert q.contains(Period("2025-Q1"))
    assert not q.contains("2025-04")
    assert not q.contains("2025")
    assert q.contains(datetime.date(2025, 3, 31))
    assert not q.contains(datetime.date(2025, 4, 1))
    assert Period("2025").contains("2026-02", fiscal_year_start_month=4)


def test_ordering_and_hashing() -> None:
    ps = [Period("2025-02"), Period("2024-12"), Period("2025-01")]
    assert sorted(ps) == [Period("2024-12"), Period("2025-01"), Period("2025-02")]
    assert Period("2024-Q4") < Period("2025-Q1") <= Period("2025-Q1")
    assert Period("2025-Q2") > Period("2025-Q1") >= Period("2025-Q1")
    # Across frequencies: by start month, then the shorter period first.
    assert Period("2025-01") < Period("2025-Q1") < Period("2025") < Period("2025-02")
    assert len({Period("2025-Q1"), Period("2025-q1"), Period(" 2025-Q1 ")}) == 1
    assert {Period("2025"): 1}[Period("2025")] == 1
    assert Period("2025") != "2025"


def test_pickle_and_copy() -> None:
    p = Period("2025-Q3")
    assert pickle.loads(pickle.dumps(p)) == p
    assert copy.copy(p) == p
    assert copy.deepcopy(p) == p


@pytest.mark.parametrize("bad", ["2025-13", "2025-Q5", "25-01", "2025-1", "2025-Q", "", "abcd", "2101", "2025-03-01"])
def test_bad_strings_raise_period_error(bad: str) -> None:
    with pytest.raises(PeriodError) as info:
        Period(bad)
    assert isinstance(info.value, ValueError)
    assert info.value.input == bad
    assert info.value.reason
    assert "invalid period" in str(info.value)


@pytest.mark.parametrize("bad", [2025, 2025.0, None, datetime.date(2025, 1, 1), b"2025"])
def test_wrong_types_raise_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="a period is a Period or a string"):
        Period(bad)  # type: ignore[arg-type]
