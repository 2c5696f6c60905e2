"""The Rust main job's ``--json`` output for the sample city, the reference the Python
results must equal. ``scripts/test.d/python.sh`` writes it first into
``$PILOTAGE_MAIN_JOB_DIR/main-job-<period>.json``; without that folder the test runs the
main job itself with cargo."""

from __future__ import annotations

import json
import os
import pathlib
import subprocess
from typing import Any

ROOT = pathlib.Path(__file__).resolve().parents[2]

#: The periods checked: the default (latest) quarter and an earlier one of another year.
PERIODS = ("2025-Q4", "2023-Q2")


def main_job(period: str) -> dict[str, Any]:
    folder = os.environ.get("PILOTAGE_MAIN_JOB_DIR")
    if folder:
        path = pathlib.Path(folder) / f"main-job-{period}.json"
        if path.exists():
            data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
            return data
    out = subprocess.run(
        ["cargo", "run", "--release", "--quiet", "--example", "scorecard", "--", "--json", "--period", period],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    parsed: dict[str, Any] = json.loads(out.stdout)
    return parsed
