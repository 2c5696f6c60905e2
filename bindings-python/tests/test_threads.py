"""The threading model (issue #14): a workspace shared between threads. Before, editing a
workspace while another thread evaluated it raised `RuntimeError: Already borrowed` (the
evaluation holds the workspace with the GIL released). Now evaluations read an immutable
snapshot and edits apply under a lock, copy-on-write: no exception, and every evaluation
sees the workspace whole, before or after each edit."""

from __future__ import annotations

import copy
import datetime
import threading
import time

import pilotage
from pilotage import Workspace

# Each test stops by itself well within 5 s, even on a loaded machine.
BUDGET = 2.0


def test_editing_in_one_thread_while_another_evaluates_raises_nothing_and_results_hold() -> None:
    ws = pilotage.sample_city()
    period = ws.latest_period()
    assert period is not None
    # The editor toggles one partner in and out (it counts in the derived partner
    # indicators): an evaluation must equal one of the two states, never a mix.
    without = ws.evaluate(period).to_dict()
    ws.add_partner("thread-x", "X", "company", joined=datetime.date(2025, 10, 15))
    with_partner = ws.evaluate(period).to_dict()
    ws.remove_partner("thread-x")
    assert with_partner != without
    errors: list[BaseException] = []
    seen = {"without": 0, "with": 0}
    edits = 0
    done = threading.Event()
    deadline = time.perf_counter() + BUDGET

    def evaluator() -> None:
        try:
            while not done.is_set() and time.perf_counter() < deadline:
                result = ws.evaluate(period).to_dict()
                if result == without:
                    seen["without"] += 1
                else:
                    assert result == with_partner
                    seen["with"] += 1
        except BaseException as e:  # noqa: BLE001 - reported by the main thread
            errors.append(e)

    def editor() -> None:
        nonlocal edits
        try:
            while time.perf_counter() < deadline and (edits < 300 or sum(seen.values()) < 10):
                ws.add_partner("thread-x", "X", "company", joined=datetime.date(2025, 10, 15))
                ws.remove_partner("thread-x")
                edits += 1
        except BaseException as e:  # noqa: BLE001 - reported by the main thread
            errors.append(e)
        finally:
            done.set()

    threads = [threading.Thread(target=evaluator), threading.Thread(target=editor)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=BUDGET + 2)
    assert not any(t.is_alive() for t in threads)
    assert errors == []
    assert edits >= 1 and sum(seen.values()) >= 1
    assert ws.evaluate(period).to_dict() == without


def test_two_threads_editing_lose_no_edit() -> None:
    ws = Workspace("R")
    errors: list[BaseException] = []

    def add(prefix: str) -> None:
        try:
            for k in range(500):
                ws.add_partner(f"{prefix}-{k}", "P", "state")
        except BaseException as e:  # noqa: BLE001
            errors.append(e)

    threads = [threading.Thread(target=add, args=(p,)) for p in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=BUDGET + 2)
    assert errors == []
    assert len(ws.partners()) == 1000


def test_a_copy_shares_nothing_visible_with_its_original() -> None:
    ws = pilotage.sample_city()
    before = ws.to_json()
    other = copy.copy(ws)
    assert other == ws
    other.add_partner("new-one", "N", "state")
    assert other != ws
    assert ws.to_json() == before
    deep = copy.deepcopy(ws)
    ws.add_service("new-s", "S")
    assert deep.to_json() == before
