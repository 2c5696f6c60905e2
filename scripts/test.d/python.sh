#!/usr/bin/env bash
# The Python package: build it into a virtualenv, run its tests (pytest strict, doctests,
# hypothesis) and check its type stubs against the built module (mypy.stubtest).
# Works on a fresh machine (Python >= 3.9 with pip and venv; Rust). Writes only under
# target/ (and pip's cache).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
VENV="$ROOT/target/venv"
PKG="$ROOT/bindings-python"

if [ ! -x "$VENV/bin/python" ]; then
  # Debian splits ensurepip into python3-venv; without it, make the venv bare and let the
  # system pip install pip into it (pip >= 22.3 knows --python).
  if ! python3 -m venv "$VENV" 2>/dev/null; then
    rm -rf "$VENV"
    python3 -m venv --without-pip "$VENV"
    python3 -m pip --python "$VENV/bin/python" install --quiet pip
  fi
fi
export PATH="$VENV/bin:$PATH"
export PIP_DISABLE_PIP_VERSION_CHECK=1
# Keep pytest/hypothesis/mypy caches out of the source tree and of the home folder.
export MYPY_CACHE_DIR="$ROOT/target/python-cache/mypy"
export PYTHONDONTWRITEBYTECODE=1

echo "--> dependencies (bindings-python/requirements-dev.txt)"
python -m pip install --quiet -r "$PKG/requirements-dev.txt"

echo "--> build and install the package (maturin, release, abi3)"
python -m pip install --quiet --no-build-isolation --force-reinstall --no-deps "$PKG"

echo "--> the main job's JSON for the sample (the reference the Python results must equal)"
export PILOTAGE_MAIN_JOB_DIR="$ROOT/target/python-cache/main-job"
mkdir -p "$PILOTAGE_MAIN_JOB_DIR"
for period in 2025-Q4 2023-Q2; do
  cargo run --release --quiet --example scorecard -- --json --period "$period" \
    > "$PILOTAGE_MAIN_JOB_DIR/main-job-$period.json"
done

cd "$PKG"
PYTEST_OPTS=(-p no:cacheprovider -q)
echo "--> pytest (tests, strict)"
python -m pytest "${PYTEST_OPTS[@]}" tests
echo "--> doctests of the installed package and of the README"
python -m pytest "${PYTEST_OPTS[@]}" --doctest-modules --pyargs pilotage
python -m pytest "${PYTEST_OPTS[@]}" --doctest-glob=README.md README.md
echo "--> stubtest (the .pyi against the built module)"
python -m mypy.stubtest pilotage._pilotage
echo "--> mypy over the tests (the stubs as users see them)"
python -m mypy --strict --no-error-summary tests python/pilotage/_frames.py python/pilotage/_results.py

# Jupyter, IPython, matplotlib and Dask write their state under target/, not the home folder.
export JUPYTER_CONFIG_DIR="$ROOT/target/jupyter/config" JUPYTER_DATA_DIR="$ROOT/target/jupyter/data"
export JUPYTER_RUNTIME_DIR="$ROOT/target/jupyter/runtime" IPYTHONDIR="$ROOT/target/jupyter/ipython"
export MPLCONFIGDIR="$ROOT/target/jupyter/matplotlib" MPLBACKEND=Agg
export DASK_TEMPORARY_DIRECTORY="$ROOT/target/dask"
mkdir -p "$JUPYTER_CONFIG_DIR" "$JUPYTER_DATA_DIR" "$JUPYTER_RUNTIME_DIR" "$IPYTHONDIR" "$MPLCONFIGDIR" \
  "$DASK_TEMPORARY_DIRECTORY"
echo "--> the notebook, top to bottom (nbclient; its cells assert the key numbers)"
python scripts/run_notebook.py "$ROOT/examples/notebooks/sample-city.ipynb" "$ROOT/target/sample-city.executed.ipynb"
echo "--> the Dask example: a region evaluated on 2 worker processes equals the single-process run"
(cd "$ROOT/target" && python "$ROOT/examples/dask_region.py" --cities 20 --period 2025-Q4 --workers 2)
