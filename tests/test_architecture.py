"""No view builds SQL: views/*.py call the domain (models/), which reads and writes the database.

Parsed with ``ast``, nothing imported: a view may name SQLAlchemy's ``Session``, ``sessionmaker`` and
``Engine`` (types it passes on), the enums of models.store.orm (Role, Slot, SwabResult, …) and entity classes
in annotations only (``actor: User``); it may not import query builders (select, func, and_, or_, text,
…), use an entity class as a value (``select(Room)``, ``s.get(Stay, id)``) or call a session's query
methods.
"""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

import models.store.orm

VIEWS = sorted((Path(__file__).resolve().parent.parent / "views").glob("*.py"))
SQLALCHEMY_TYPES = {"Session", "sessionmaker", "Engine"}
QUERY_METHODS = {"execute", "scalars", "scalar", "get_one", "query", "connection"}
ENTITIES = {
    name
    for name, obj in vars(models.store.orm).items()
    if inspect.isclass(obj) and issubclass(obj, models.store.orm.Base) and obj is not models.store.orm.Base
}


def annotation_nodes(tree: ast.AST) -> set[int]:
    """ids of every node inside an annotation (arguments, returns, annotated assignments)."""
    roots: list[ast.AST] = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            args = node.args
            for a in [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]:
                if a is not None and a.annotation is not None:
                    roots.append(a.annotation)
            if node.returns is not None:
                roots.append(node.returns)
        elif isinstance(node, ast.AnnAssign):
            roots.append(node.annotation)
    return {id(n) for root in roots for n in ast.walk(root)}


def problems(source: str) -> list[str]:
    tree = ast.parse(source)
    found: list[str] = []
    entity_names: set[str] = set()  # local names bound to models.store.orm entity classes
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "sqlalchemy" or alias.name.startswith("sqlalchemy."):
                    found.append(f"line {node.lineno}: import {alias.name}")
                if alias.name == "models.store.orm" or alias.name.startswith("models.store.orm."):
                    found.append(f"line {node.lineno}: import {alias.name}")
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level == 0 and (module == "sqlalchemy" or module.startswith("sqlalchemy.")):
                for alias in node.names:
                    if alias.name not in SQLALCHEMY_TYPES:
                        found.append(f"line {node.lineno}: from {module} import {alias.name}")
            if node.level == 0 and module == "models" and any(a.name == "orm" for a in node.names):
                found.append(f"line {node.lineno}: from models import orm")
            if node.level == 0 and (module == "models.store.orm" or module.startswith("models.store.orm.")):
                for alias in node.names:
                    if alias.name == "*":
                        found.append(f"line {node.lineno}: from {module} import *")
                    elif alias.name in ENTITIES:
                        entity_names.add(alias.asname or alias.name)
    in_annotation = annotation_nodes(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id in entity_names and id(node) not in in_annotation:
            found.append(f"line {node.lineno}: entity {node.id} used as a value (a query?)")
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in QUERY_METHODS
            and id(node) not in in_annotation
        ):
            found.append(f"line {node.lineno}: .{node.func.attr}(…) on a session")
    return found


@pytest.mark.parametrize("path", VIEWS, ids=lambda p: p.name)
def test_views_build_no_sql(path: Path) -> None:
    assert problems(path.read_text(encoding="utf-8")) == [], "move the query into a read function in models/"


def test_the_check_catches_queries() -> None:
    """The checker itself: each way of querying from a view is caught, the allowed imports are not."""
    allowed = """
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.engine import Engine
from models.store.orm import Role, Slot, SwabResult, User

def f(sessions: sessionmaker[Session], actor: User | None) -> User | None:
    role: Role = Role.ADMIN
    me: User | None = actor
    return me
"""
    assert problems(allowed) == []
    for bad in (
        "from sqlalchemy import select",
        "from sqlalchemy import func, and_, or_, text",
        "import sqlalchemy",
        "from sqlalchemy.orm import selectinload",
        "from models import orm",
        "from models.store.orm import Room\nrooms = select(Room)",
        "from models.store.orm import Stay as S\ns.get(S, 1)",
        "from models.store.orm import Room\ndef f(x=Room): pass",
        "with sessions() as s:\n    s.execute(q)",
        "rows = s.scalars(q).all()",
        "v = s.get_one(x, 1).version",
    ):
        assert problems(bad), bad


def test_the_forms_print_plain_data_without_the_database_layer() -> None:
    """printing/forms/ draws what it is given (models/reads' rows, models/codes' enums): importing it loads
    neither SQLAlchemy nor the ORM, so a process that only prints (the bench's, a print worker) does not
    pay for them, and a form cannot start asking the database."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    script = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "import printing.forms, printing.qr, models.reads.sheet_rows, models.codes\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy' or m.startswith('models.store')))"
    )
    out = subprocess.run([sys.executable, "-c", script, str(root)], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout
