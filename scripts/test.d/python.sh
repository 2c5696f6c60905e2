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
python -m mypy --strict --no-error-summary tests python/pilotage/_frames.py
