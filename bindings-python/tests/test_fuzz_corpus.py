"""The fuzz corpus through the Python binding: no panic crosses into Python.

Every file of ``fuzz/corpus/workspace_load/`` and ``fuzz/regressions/*/`` goes through
``Workspace.from_json`` (validated and not), ``Workspace.open`` and, when it loads, a save
and a load back; every file of ``fuzz/corpus/period_parse/`` goes through ``Period``. A
failure must be a ``ValueError`` subclass (``OSError`` for files), never
``pyo3_runtime.PanicException`` (a ``BaseException``) or anything else. Files that are not
UTF-8 are passed with their bad bytes as lone surrogates, which Python must refuse with a
``UnicodeEncodeError`` (a ``ValueError``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import pilotage

FUZZ = Path(__file__).resolve().parents[2] / "fuzz"


def files(*patterns: str) -> list[Path]:
    found = sorted({p for pattern in patterns for p in FUZZ.glob(pattern) if p.is_file()})
    return found


WORKSPACE_FILES = files("corpus/workspace_load/*", "regressions/*/*")
PERIOD_FILES = files("corpus/period_parse/*", "regressions/period_parse/*")


def ids(paths: list[Path]) -> list[str]:
    return [str(p.relative_to(FUZZ)) for p in paths]


def text_of(path: Path) -> str:
    return path.read_bytes().decode("utf-8", errors="surrogateescape")


def outcome(call: Callable[[], object], allowed: tuple[type[BaseException], ...]) -> BaseException | None:
    """The exception `call` raised (None when it returned); any exception that is not an
    instance of `allowed` fails the test, whatever its class (PanicException included)."""
    try:
        call()
    except BaseException as e:  # noqa: BLE001 - the point is to catch everything
        assert isinstance(e, allowed), f"{type(e).__module__}.{type(e).__qualname__}: {e}"
        assert str(e), "an error says what is wrong"
        return e
    return None


def test_the_corpus_is_there() -> None:
    # The seeds of the loader (5 in git) and of the period parser (22 in git), and the
    # kept crash inputs of the loader (2 in git).
    assert len(files("corpus/workspace_load/*")) >= 5
    assert len(PERIOD_FILES) >= 22
    assert len(files("regressions/workspace_load/*")) >= 2


@pytest.mark.parametrize("path", WORKSPACE_FILES, ids=ids(WORKSPACE_FILES))
def test_workspace_files_load_or_raise_a_value_error(path: Path, tmp_path: Path) -> None:
    text = text_of(path)
    loaded: list[pilotage.Workspace] = []
    error = outcome(lambda: loaded.append(pilotage.Workspace.from_json(text)), (ValueError,))
    if isinstance(error, pilotage.ValidationError):
        assert error.problems and all(p.path and p.message for p in error.problems)
    decoded = outcome(lambda: pilotage.Workspace.from_json(text, validate=False), (ValueError,))
    if error is None:
        assert decoded is None
    opened = outcome(lambda: pilotage.Workspace.open(path), (ValueError, OSError))
    raw = path.read_bytes()
    if raw.decode("utf-8", errors="replace").encode("utf-8") == raw and not raw.startswith(b"\xef\xbb\xbf"):
        # the same text from a file: the same outcome
        assert (opened is None) == (error is None), (opened, error)
    for ws in loaded:
        saved = ws.to_json()
        assert pilotage.Workspace.from_json(saved).to_json() == saved
        target = tmp_path / "saved.json"
        ws.save(target)
        assert pilotage.Workspace.open(target).to_json() == saved


@pytest.mark.parametrize("path", PERIOD_FILES, ids=ids(PERIOD_FILES))
def test_period_files_parse_or_raise_a_period_error(path: Path) -> None:
    text = text_of(path)
    parsed: list[pilotage.Period] = []
    error = outcome(lambda: parsed.append(pilotage.Period(text)), (ValueError,))
    if error is not None:
        assert isinstance(error, (pilotage.PeriodError, UnicodeEncodeError)), repr(error)
    for p in parsed:
        assert pilotage.Period(str(p)) == p
        assert 1900 <= p.year <= 2100
