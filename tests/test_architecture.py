"""The house rules of the package layout, checked on the source (issue #12): the core stays
Qt-free; the GUI, the CLI and the reports reach the data only through the engine (never
SQLAlchemy or sopdesk.store); one way into the database (no module but store/db.py reads a
Database's raw engine); no import circle among sopdesk's modules; no module over 500 lines.
Imports inside functions count as much as those at the top. Each check has a test with a sample
that shows it can fail."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import sopdesk

PACKAGE = Path(sopdesk.__file__).parent
MAX_LINES = 500
# the layers that reach the data only through the engine
OUTER = ("gui", "cli", "reports")
FORBIDDEN_IN_OUTER = ("sqlalchemy", "sopdesk.store")


def _statements(path: Path, package: str) -> list[tuple[str, list[str]]]:
    """(module, names) of every import statement anywhere in the file: `import a.b` is
    ("a.b", []), `from a import b, c` is ("a", ["b", "c"]); relative imports resolved against
    `package` (the dotted name of the file's package)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            found.append((base, [alias.name for alias in node.names]))
    return found


def qt_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        found += [n for n in names if n.split(".")[0] in {"PySide6", "PyQt5", "PyQt6", "shiboken6"}]
    return found


def module_name(path: Path, root: Path) -> str:
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules_of(root: Path) -> dict[str, Path]:
    return {module_name(path, root): path for path in sorted(root.rglob("*.py"))}


def package_of(name: str, path: Path) -> str:
    return name if path.name == "__init__.py" else name.rpartition(".")[0]


def _banned(name: str) -> bool:
    return any(name == banned or name.startswith(banned + ".") for banned in FORBIDDEN_IN_OUTER)


def forbidden_imports(path: Path, root: Path) -> list[str]:
    """The SQLAlchemy and sopdesk.store modules one module imports (`from sopdesk import
    store` counts; sopdesk.paths and sopdesk.private_files are top-level modules, not the store)."""
    found = set()
    for base, names in _statements(path, package_of(module_name(path, root), path)):
        if _banned(base):
            found.add(base)
        else:
            found.update(f"{base}.{name}" for name in names if _banned(f"{base}.{name}"))
    return sorted(found)


def import_graph(root: Path) -> dict[str, set[str]]:
    """Module -> the modules of the same package tree it imports. `from a import b` is an edge
    to a.b when b is a module, else to a."""
    modules = modules_of(root)
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for base, names in _statements(path, package_of(name, path)):
            subs = [f"{base}.{n}" for n in names]
            targets = [s for s in subs if s in modules] or [base]
            graph[name].update(t for t in targets if t in modules and t != name)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10 * len(graph) + 100))
    try:
        for v in sorted(graph):
            if v not in index:
                visit(v)
    finally:
        sys.setrecursionlimit(limit)
    return sorted(found)


def long_modules(root: Path) -> dict[str, int]:
    counts = {str(path.relative_to(root)): len(path.read_bytes().splitlines())
              for path in sorted(root.rglob("*.py"))}
    return {name: n for name, n in counts.items() if n > MAX_LINES}


# --- Qt stays in the GUI ---------------------------------------------------------------------

def test_no_module_outside_the_gui_package_imports_qt():
    offenders = {
        str(path.relative_to(PACKAGE)): qt_imports(path)
        for path in PACKAGE.rglob("*.py")
        if "gui" not in path.relative_to(PACKAGE).parts and qt_imports(path)
    }
    assert offenders == {}


def test_the_check_sees_a_qt_import(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("def f():\n    from PySide6.QtCore import QObject\n")
    assert qt_imports(sample) == ["PySide6.QtCore"]


# --- the engine is the only door to the data -------------------------------------------------

def test_the_gui_the_cli_and_the_reports_import_neither_sqlalchemy_nor_the_store():
    offenders = {
        str(path.relative_to(PACKAGE)): found
        for layer in OUTER
        for path in sorted((PACKAGE / layer).rglob("*.py"))
        if (found := forbidden_imports(path, PACKAGE))
    }
    assert offenders == {}


def test_the_check_sees_a_store_import_also_inside_a_function(tmp_path):
    root = tmp_path / "sopdesk"
    (root / "gui").mkdir(parents=True)
    sample = root / "gui" / "page.py"
    sample.write_text("from sopdesk import paths, private_files\n"
                      "from sopdesk.engine import cases\n"
                      "def f():\n    from sqlalchemy import select\n"
                      "def g():\n    from ..store import models\n"
                      "def h():\n    import sopdesk.store.db\n"
                      "def i():\n    from sopdesk import store\n")
    assert forbidden_imports(sample, root) == ["sopdesk.store", "sopdesk.store.db", "sqlalchemy"]
    only = root / "gui" / "only.py"
    only.write_text("def i():\n    from sopdesk import errors, store\n")
    assert forbidden_imports(only, root) == ["sopdesk.store"]
    fine = root / "gui" / "fine.py"
    fine.write_text("from sopdesk import paths, private_files\nfrom sopdesk.engine.storefront import x\n")
    assert forbidden_imports(fine, root) == []


# --- one way into the database --------------------------------------------------------------

RAW_ENGINE = re.compile(r"\bdb\.engine\b|\.db\.engine\b")
DOOR = Path("store") / "db.py"  # the Database itself, and the one place its engine is used


def raw_engine_uses(root: Path) -> dict[str, list[int]]:
    """Module -> the lines reading `.engine` of a Database (`db.engine`, `ws.db.engine`)."""
    found = {}
    for path in sorted(root.rglob("*.py")):
        if path.relative_to(root) == DOOR:
            continue
        lines = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if RAW_ENGINE.search(line)]
        if lines:
            found[str(path.relative_to(root))] = lines
    return found


def test_only_the_database_itself_reads_its_raw_engine():
    assert raw_engine_uses(PACKAGE) == {}


def test_the_check_sees_a_raw_engine_read(tmp_path):
    (tmp_path / "store").mkdir()
    (tmp_path / "store" / "db.py").write_text("def dispose(self):\n    self.db.engine.dispose()\n")
    (tmp_path / "backup.py").write_text("x = 1\nurl = ws.db.engine.url\nengine = make_engine(url)\n")
    assert raw_engine_uses(tmp_path) == {"backup.py": [2]}


# --- no import circle ------------------------------------------------------------------------

def test_no_import_cycle_among_sopdesk_modules():
    assert cycles(import_graph(PACKAGE)) == []


def test_the_check_sees_a_cycle_through_a_function_level_import(tmp_path):
    root = tmp_path / "sopdesk"
    (root / "engine").mkdir(parents=True)
    (root / "__init__.py").write_text("")
    (root / "engine" / "__init__.py").write_text("")
    (root / "engine" / "cases.py").write_text("from sopdesk.engine import letters\n")
    (root / "engine" / "letters.py").write_text("def f():\n    from . import expedition\n")
    (root / "engine" / "expedition.py").write_text("def g():\n    import sopdesk.engine.cases\n")
    (root / "engine" / "alone.py").write_text("from sopdesk.engine import cases\n")
    assert cycles(import_graph(root)) == [["sopdesk.engine.cases", "sopdesk.engine.expedition",
                                           "sopdesk.engine.letters"]]


# --- small rooms -----------------------------------------------------------------------------

def test_no_module_in_sopdesk_is_over_500_lines():
    assert long_modules(PACKAGE) == {}


def test_the_check_sees_a_long_module(tmp_path):
    (tmp_path / "short.py").write_text("x = 1\n" * MAX_LINES)
    (tmp_path / "long.py").write_text('"""Why."""\n' + "x = 1\n" * MAX_LINES)
    assert long_modules(tmp_path) == {"long.py": MAX_LINES + 1}


def _undeclared_packages(package_root: Path, declared: list[str], mapped: dict[str, str]) -> list[str]:
    """Python packages (folders with __init__.py) under `package_root` that the wheel's package
    list leaves out; `mapped` names the packages pyproject takes from another folder."""
    names = set(declared) | set(mapped)
    found = []
    for init in sorted(package_root.rglob("__init__.py")):
        name = ".".join(init.parent.relative_to(package_root.parent).parts)
        if name not in names and "__pycache__" not in name:
            found.append(name)
    return found


def test_every_package_of_sopdesk_is_in_the_wheel():
    # a subpackage left out of pyproject's list is missing from an installed wheel and from the
    # office-PC bundle (the CLI's commands were, once): the program then fails at run time
    import tomllib

    setup = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert _undeclared_packages(PACKAGE, setup["packages"], setup.get("package-dir", {})) == []


def test_the_check_sees_an_undeclared_package(tmp_path):
    (tmp_path / "pkg" / "sub").mkdir(parents=True)
    (tmp_path / "pkg" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "sub" / "__init__.py").write_text("")
    assert _undeclared_packages(tmp_path / "pkg", ["pkg"], {}) == ["pkg.sub"]
