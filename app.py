"""IsoDesk 隔离点工作台 — start the desktop app, or run a command.

    python app.py                 start the GUI
    python app.py --help          list the commands
    python app.py demo --db X     build a demo site
    python app.py check --db X    check integrity and invariants (exit 0 when all hold)
    python app.py backup --db X   online backup of the SQLite file, rotated
    python app.py restore F --db X  restore a checked backup (the current database is kept aside)

Qt is imported only when the GUI starts, so the commands run headless and start fast.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence

DB_HELP = "database URL (postgresql://…) or SQLite file path; default: isodesk.sqlite3 in the user data folder"


def _add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="URL-or-path", default=None, help=DB_HELP)


def cmd_demo(args: argparse.Namespace) -> int:
    from models.db import open_database
    from models.demo import build_demo

    engine = open_database(args.db)
    started = time.perf_counter()
    summary = build_demo(
        engine,
        rooms=args.rooms,
        days=args.days,
        seed=args.seed,
        progress=None if args.quiet else (lambda msg: print(msg, file=sys.stderr)),
    )
    print(summary)
    from models.accounts import DEMO_PASSWORD, create_demo_accounts
    from models.db import session_factory

    with session_factory(engine)() as session:
        made = create_demo_accounts(session)
    if made and not args.quiet:
        print(f"demo accounts {', '.join(made)}, password {DEMO_PASSWORD} / 演示账号", file=sys.stderr)
    if not args.quiet:
        print(f"demo site built in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from models.checks import run_checks
    from models.db import make_engine, upgrade

    engine = make_engine(args.db)
    if args.upgrade:
        upgrade(engine)
    problems = run_checks(engine)
    for line in problems:
        print(line)
    if not problems:
        print("ok: integrity and invariants hold / 数据完整，规则均满足", file=sys.stderr)
    return 1 if problems else 0


def cmd_backup(args: argparse.Namespace) -> int:
    from pathlib import Path

    from models.backup import backup_now, rotate
    from models.db import make_engine

    engine = make_engine(args.db)
    dest = backup_now(engine, Path(args.to) if args.to else None)
    removed = rotate(dest.parent, daily=args.keep_daily, weekly=args.keep_weekly)
    print(dest)
    if removed:
        print(f"rotated away {len(removed)} older backups / 已清理 {len(removed)} 个旧备份", file=sys.stderr)
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from pathlib import Path

    from models.backup import restore
    from models.db import make_engine

    engine = make_engine(args.db)
    safety = restore(Path(args.file), engine)
    print(f"restored {args.file}; the database as it was is saved in {safety} / 已恢复，原数据库另存为 {safety}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    import json
    from pathlib import Path

    from sqlalchemy import select

    from models.db import open_database, session_factory
    from models.importer import check_in_rows, read_transfer_list
    from models.orm import User

    path = Path(args.file)
    if not path.is_file():
        print(f"no such file / 文件不存在: {path}", file=sys.stderr)
        return 2
    mapping = dict(m.split("=", 1) for m in args.map or [])
    engine = open_database(args.db)
    with session_factory(engine)() as session:
        rows = read_transfer_list(session, path, mapping=mapping)
        if args.json:
            print(json.dumps([r.as_json() for r in rows], ensure_ascii=False, indent=1))
        else:
            for r in rows:
                print(f"{r.row:>5}  {r.status:<9} {r.fields.get('name', '')}  {'; '.join(r.messages)}")
        if args.dry_run:
            return 0 if all(r.status != "invalid" for r in rows) else 1
        actor = session.scalar(select(User).where(User.username == args.user))
        if actor is None:
            actor = User(username=args.user, display_name=args.user)
            session.add(actor)
            session.commit()
        stays = check_in_rows(session, actor, rows)
        print(f"checked in {len(stays)} / 已入住 {len(stays)} 人", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="app.py",
        description="IsoDesk 隔离点工作台: without a command, start the desktop app.",
    )
    _add_db(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("demo", help="create a demo site with synthetic people and history")
    _add_db(p)
    p.add_argument("--rooms", type=int, default=300, help="number of rooms (default 300)")
    p.add_argument("--days", type=int, default=30, help="days of history (default 30)")
    p.add_argument("--seed", type=int, default=1, help="random seed (same seed, same site)")
    p.add_argument("--quiet", action="store_true", help="no progress output")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("import", help="read a transfer list (.xlsx/.csv); check in its valid rows, all or nothing")
    _add_db(p)
    p.add_argument("file", help="the transfer list (转运名单), .xlsx or .csv")
    p.add_argument("--dry-run", action="store_true", help="only check the rows; write nothing")
    p.add_argument("--json", action="store_true", help="print one JSON object per row read")
    p.add_argument("--map", action="append", metavar="HEADER=FIELD", help="map an unusual column header to a field")
    p.add_argument("--user", default="cli", help="user name recorded in the audit trail (default: cli)")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("backup", help="copy the SQLite database now (online), then rotate old backups")
    _add_db(p)
    p.add_argument("--to", metavar="DIR", help="backup folder (default: backups/ beside the database)")
    p.add_argument("--keep-daily", type=int, default=7, help="newest backup of each of the last N days (7)")
    p.add_argument("--keep-weekly", type=int, default=4, help="newest backup of each of the last N weeks (4)")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help="replace the database with a checked backup (the current one is kept)")
    _add_db(p)
    p.add_argument("file", help="a backup file made by `backup`")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("check", help="database integrity and domain invariants; exit 1 with one line per problem")
    _add_db(p)
    p.add_argument("--upgrade", action="store_true", help="upgrade an older schema first (after a backup)")
    p.set_defaults(func=cmd_check)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    func: Callable[[argparse.Namespace], int] | None = getattr(args, "func", None)
    if func is None:
        from views.application import run_gui

        return run_gui(args.db)
    from sqlalchemy.exc import OperationalError

    from models.errors import DomainError

    try:
        return func(args)
    except DomainError as exc:
        print(exc, file=sys.stderr)
        return 2
    except LookupError:
        print(
            "this database has no site yet: run `python app.py demo` or start the app to create one"
            " / 数据库中还没有隔离点",
            file=sys.stderr,
        )
        return 2
    except OperationalError as exc:
        print(f"database error / 数据库错误: {exc.orig}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
