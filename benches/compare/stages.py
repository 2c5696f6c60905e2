"""Where a Python peer's compute time goes: each top-level statement of its `compute`
timed on its own, best of N (see benches/README.md, "Where each peer's time goes").

    POLARS_MAX_THREADS=1 taskset -c 0 target/venv/bin/python benches/compare/stages.py pandas target/compare/large [N]

The statements run in order in the module's namespace, as `compute` would run them, on the
data `load` gave (the return statement is left out: it only gathers the results). For polars
the work happens where a query is collected. `X_impl.py DIR --profile` gives cProfile's
view of the same call, by library function.
"""

import ast
import importlib
import inspect
import sys
import textwrap
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def main():
    name, d = sys.argv[1], sys.argv[2]
    repeat = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    module = importlib.import_module(f"{name}_impl")
    data = module.load(d)
    src = textwrap.dedent(inspect.getsource(module.compute))
    body = ast.parse(src).body[0].body
    statements = [
        (ast.get_source_segment(src, s), compile(ast.Module([s], []), f"<{name} compute>", "exec"))
        for s in body
        if not isinstance(s, ast.Return)
    ]
    best = [float("inf")] * len(statements)
    for _ in range(repeat):
        ns = dict(vars(module), data=data)
        for i, (_, code) in enumerate(statements):
            t = time.perf_counter()
            exec(code, ns)
            best[i] = min(best[i], time.perf_counter() - t)
    total = sum(best)
    for (text, _), b in zip(statements, best):
        if b >= 0.0005 * total:
            print(f"{b * 1e3:8.1f} ms {100 * b / total:5.1f} %  {' '.join(text.split())[:100]}")
    print(f"{total * 1e3:8.1f} ms in all (sum of each statement's best of {repeat})")


if __name__ == "__main__":
    main()
