"""Execute a notebook top to bottom with nbclient; any error in a cell (a failed assert
included) fails the run. Usage: python run_notebook.py NOTEBOOK [OUTPUT]."""

from __future__ import annotations

import pathlib
import sys

import nbformat
from nbclient import NotebookClient


def main() -> int:
    path = pathlib.Path(sys.argv[1])
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    if len(sys.argv) > 2:
        nbformat.write(nb, sys.argv[2])
    print(f"{path.name}: {len(nb.cells)} cells executed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
