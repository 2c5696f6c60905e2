"""Loading, validating and saving run with the GIL released: another Python thread keeps
running during one long core call."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Callable

import pytest

from pilotage import Workspace


def big_workspace_json() -> str:
    """200 monthly indicators of 2,400 measurements each: 480,000 measurements (~38 MB)."""
    months = [f"{1900 + m // 12:04d}-{m % 12 + 1:02d}" for m in range(2400)]
    indicators = [
        {
            "id": f"i{k}",
            "name": "I",
            "frequency": "monthly",
            "scoring": {"method": "ratio_to_target"},
            "measurements": [{"period": p, "value": m} for m, p in enumerate(months)],
        }
        for k in range(200)
    ]
    return json.dumps({"schema_version": 1, "organisation": "R", "indicators": indicators})


def ticks_during(call: Callable[[], object]) -> tuple[int, float]:
    """Run `call` while a second thread records the time about every millisecond; return how
    many ticks fell well inside the call (20 ms away from both ends, more than CPython's 5 ms
    switch interval) and how long the call took. A call that holds the GIL lets almost no
    tick through (`json.loads` of the same text: 4 ticks in 0.35 s here); a call that
    releases it lets about one per millisecond through (`from_json`: 180 in 0.29 s)."""
    ticks: list[float] = []
    stop = threading.Event()

    def ticker() -> None:
        while not stop.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    t = threading.Thread(target=ticker)
    t.start()
    time.sleep(0.02)
    start = time.perf_counter()
    call()
    end = time.perf_counter()
    stop.set()
    t.join()
    return sum(1 for x in ticks if start + 0.02 < x < end - 0.02), end - start


def enough(took: float) -> float:
    """A quarter of the ticks a free thread gets in the observed window (1 per ms)."""
    return (took - 0.04) * 1000 / 4


@pytest.fixture(scope="module")
def big_text() -> str:
    return big_workspace_json()


def test_loading_releases_the_gil(big_text: str) -> None:
    inside, took = ticks_during(lambda: Workspace.from_json(big_text))
    if took < 0.1:
        pytest.skip(f"the call took {took:.3f}s: too fast on this machine to observe")
    assert inside >= enough(took)


def test_saving_and_opening_release_the_gil(big_text: str, tmp_path: Path) -> None:
    ws = Workspace.from_json(big_text)
    path = tmp_path / "big.json"
    inside, took = ticks_during(lambda: ws.save(path))
    if took >= 0.1:
        assert inside >= enough(took)
    inside, took = ticks_during(lambda: Workspace.open(path))
    if took < 0.1:
        pytest.skip(f"the call took {took:.3f}s: too fast on this machine to observe")
    assert inside >= enough(took)
