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

from printing.form_names import FORMS

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


def _day(text: str | None, session) -> object:  # type: ignore[no-untyped-def]
    from datetime import date

    from models.errors import DomainError
    from models.orm import utcnow
    from models.reports import today_for

    if not text:
        return today_for(session, utcnow())
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise DomainError("date_invalid", value=text) from None


def cmd_print(args: argparse.Namespace) -> int:
    from pathlib import Path

    from models.db import make_engine, session_factory
    from printing.documents import render

    engine = make_engine(args.db)
    with session_factory(engine)() as s:
        pdf = render(
            s,
            args.form,
            _day(args.date, s),  # type: ignore[arg-type]
            floor_id=_floor(s, args.floor) if args.floor else None,
            stay_ids=[args.stay] if args.stay else None,
            lang=args.lang,
            printed_by=args.user,
            xlsx_path=Path(args.xlsx) if args.xlsx else None,
        )
    Path(args.output).write_bytes(pdf)
    print(args.output)
    return 0


def _floor(session, text: str) -> int:  # type: ignore[no-untyped-def]
    """A floor given as its id, or as "楼栋 层" / its name (e.g. "A栋 3F" or "3F" when unique)."""
    from sqlalchemy import select

    from models.errors import DomainError
    from models.orm import Building, Floor

    if text.isdigit():
        return int(text)
    rows = session.execute(select(Floor.id, Floor.name, Building.name).join(Building)).all()
    hits = [fid for fid, fname, bname in rows if text in (fname, f"{bname} {fname}", f"{bname}{fname}")]
    if len(hits) != 1:
        raise DomainError("floor_unknown", floor=text)
    return hits[0]


def cmd_report(args: argparse.Namespace) -> int:
    import json
    from pathlib import Path

    from models import reports
    from models.db import make_engine, session_factory
    from printing import xlsx

    engine = make_engine(args.db)
    with session_factory(engine)() as s:
        report = reports.daily_report(s, _day(args.date, s))
    if args.xlsx:
        xlsx.daily_report_xlsx(report, Path(args.xlsx), args.lang)
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False))
    else:
        for key, value in report.as_dict().items():
            print(f"{key}\t{value}")
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

    p = sub.add_parser("print", help="print a form to PDF: " + ", ".join(FORMS))
    _add_db(p)
    p.add_argument("form", choices=FORMS, metavar="FORM", help=", ".join(FORMS))
    p.add_argument("--date", help="the day (YYYY-MM-DD; default today)")
    p.add_argument("--floor", help="one floor: its id or name, e.g. 'A栋 3F'")
    p.add_argument("--stay", type=int, help="one stay (registration, notice, temperature-record, door card, release)")
    p.add_argument("--lang", choices=("zh_CN", "en"), default="zh_CN")
    p.add_argument("--xlsx", metavar="FILE", help="also write .xlsx (daily-report, disinfection, ledger)")
    p.add_argument("--user", default="cli", help="printed-by name in the footer")
    p.add_argument("-o", "--output", required=True, help="the PDF file to write")
    p.set_defaults(func=cmd_print)

    p = sub.add_parser("report", help="the daily report's figures: report daily --date D [--json] [--xlsx F]")
    _add_db(p)
    p.add_argument("kind", choices=("daily",))
    p.add_argument("--date", help="the day (YYYY-MM-DD; default today)")
    p.add_argument("--json", action="store_true", help="one JSON object")
    p.add_argument("--xlsx", metavar="FILE", help="also write the report as .xlsx")
    p.add_argument("--lang", choices=("zh_CN", "en"), default="zh_CN")
    p.set_defaults(func=cmd_report)

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
