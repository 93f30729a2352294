"""IsoDesk 隔离点工作台 — start the desktop app, or run a command.

    python app.py                 start the GUI
    python app.py --help          list the commands
    python app.py demo --db X     build a demo site
    python app.py check --db X    check integrity and invariants (exit 0 when all hold)
    python app.py upgrade --db URL --user ADMIN   upgrade a shared PostgreSQL database (after a logical backup)
    python app.py backup --db X   online backup of the SQLite file, rotated (every copy of the last 48 h kept)
    python app.py restore F --db X  restore a checked backup (the current database is kept aside)
    python app.py user add NAME --role desk   add an account (as an admin)
    python app.py --version       the version

Commands that read or change a site's people (import, print, report, restore, user) act as an existing,
active account proven by its password: ``--user NAME`` (or ISODESK_USER) and the password from
ISODESK_PASSWORD, or asked for when a terminal is attached. The role checks are the app's own.
``demo``, ``check`` and ``backup`` work on the database file itself and need no account.

Qt is imported only when the GUI starts, so the commands run headless and start fast.

A command that fails prints one line, "中文 / English", on stderr and exits with 2 (``check`` exits 1
with one line per problem found); never a traceback. ``main()`` is the one place that turns errors
into that line: DomainError as it is, OSError, database and command-line errors explained, anything
unexpected as one line with its traceback in the log file. The time is ``ISODESK_NOW`` when set.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn


def _installed_package_first() -> None:
    """Installed from the wheel, this file is ``isodesk/app.py`` and IsoDesk's packages sit beside it in
    ``isodesk/`` (nothing of IsoDesk's at the top of site-packages, where names like ``models`` clash with
    other projects'). They import one another by their own names (``from models import ...``), as in the
    repository, so the package's folder goes first on ``sys.path``, for this process only. From a checkout
    (``python app.py``) or the bundle the folder is first already."""
    here = os.path.dirname(os.path.abspath(__file__))
    if __package__ == "isodesk" and sys.path[:1] != [here]:
        sys.path.insert(0, here)


_installed_package_first()

from models.errors import DomainError  # noqa: E402 (after the path is set)
from printing.form_names import FORMS  # noqa: E402

USER_ENV, PASSWORD_ENV, NEW_PASSWORD_ENV = "ISODESK_USER", "ISODESK_PASSWORD", "ISODESK_NEW_PASSWORD"
DB_HELP = "database URL (postgresql://…) or SQLite file path; default: isodesk.sqlite3 in the user data folder"
INTERRUPTED = 130  # Ctrl+C, as shells report it


class _Parser(argparse.ArgumentParser):
    """argparse that raises its complaint (so main() prints it as one line) instead of exiting."""

    def error(self, message: str) -> NoReturn:
        raise DomainError("cli_usage", detail=message)


def _add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="URL-or-path", default=None, help=DB_HELP)


def _add_user(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--user",
        default=None,
        help=f"the account acting (default ${USER_ENV}); its password from ${PASSWORD_ENV} or asked",
    )


def version() -> str:
    """The app's version (resources.app_version: the package's, or setup.cfg's in a checkout)."""
    from resources import app_version

    return app_version()


def _existing_database(args: argparse.Namespace) -> Any:
    """The engine of an existing database (a missing SQLite file is refused, not created), brought to
    this version's schema: an older one is upgraded (after a backup), a newer one refused."""
    from models.store.db import make_engine, upgrade

    engine = make_engine(args.db)
    path = engine.url.database if engine.url.get_backend_name() == "sqlite" else None
    if path not in (None, "", ":memory:") and not Path(path).exists():
        raise DomainError("db_missing", path=path)
    upgrade(engine)
    return engine


def _password(prompt: str, env: str) -> str:
    """A password from ``env``, or asked for on the terminal; refused when neither can give one."""
    given = os.environ.get(env)
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise DomainError("cli_password_needed", env=env)
    import getpass

    return getpass.getpass(prompt)


def _signed_in(session: Any, args: argparse.Namespace, *, site: bool = True) -> Any:
    """The account the command acts as: ``--user`` (or ISODESK_USER), proven by its password. A wrong
    password, an unknown, locked or disabled account all get the login's one answer; nobody is created."""
    from models.services.accounts import authenticate
    from models.services.sites import get_site

    if site:
        get_site(session)  # a database without a site says so, before any password is asked for
    return authenticate(session, *_credentials(args))


def _credentials(args: argparse.Namespace) -> tuple[str, str]:
    """The account named (``--user`` or ISODESK_USER) and its password (ISODESK_PASSWORD, or asked)."""
    name = (getattr(args, "user", None) or os.environ.get(USER_ENV, "")).strip()
    if not name:
        raise DomainError("cli_user_needed", env=USER_ENV)
    return name, _password(f"{name} 的密码 / password: ", PASSWORD_ENV)


def cmd_demo(args: argparse.Namespace) -> int:
    from models.demo.builder import build_demo
    from models.store.db import open_database

    engine = open_database(args.db)
    started = time.perf_counter()  # a duration, not the time of day
    summary = build_demo(
        engine,
        rooms=args.rooms,
        days=args.days,
        seed=args.seed,
        progress=None if args.quiet else (lambda msg: print(msg, file=sys.stderr)),
    )
    print(summary)
    from models.services.accounts import DEMO_PASSWORD, create_demo_accounts
    from models.store.db import session_factory

    with session_factory(engine)() as session:
        made = create_demo_accounts(session)
    if made and not args.quiet:
        print(f"demo accounts {', '.join(made)}, password {DEMO_PASSWORD} / 演示账号", file=sys.stderr)
    if not args.quiet:
        print(f"demo site built in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from models.reads.checks import run_checks
    from models.store.db import check_revision, make_engine, upgrade

    engine = make_engine(args.db)
    path = engine.url.database if engine.url.get_backend_name() == "sqlite" else None
    if path is None or Path(path).exists():  # a missing file is a problem line of run_checks
        if args.upgrade:
            upgrade(engine)
        else:
            check_revision(engine)  # a newer schema: nothing here could judge it
    problems = run_checks(engine)
    for line in problems:
        print(line)
    if not problems:
        print("ok: integrity and invariants hold / 数据完整，规则均满足", file=sys.stderr)
    return 1 if problems else 0


def cmd_upgrade(args: argparse.Namespace) -> int:
    """The database to this version's schema. A SQLite file: as when it is opened (after a copy of it). A shared
    PostgreSQL database: only by an admin (``--user``), under the upgrade's lock, after a logical backup into
    ``--backup-dir`` (models/store/shared_upgrade.py); recorded in the audit trail."""
    from models.services.maintenance import upgrade_shared_database
    from models.store.db import check_revision, head_revision, make_engine, needs_upgrade
    from models.store.shared_upgrade import default_backup_dir

    engine = make_engine(args.db)
    if engine.dialect.name == "sqlite":
        engine = _existing_database(args)
        print(f"schema {head_revision(engine)}: up to date / 数据库结构已是最新")
        return 0
    check_revision(engine)
    if not needs_upgrade(engine):
        print(f"schema {head_revision(engine)}: up to date, nothing to do / 数据库结构已是最新，无需升级")
        return 0
    folder = Path(args.backup_dir) if args.backup_dir else default_backup_dir()
    done = upgrade_shared_database(engine, *_credentials(args), folder)
    if done.backup is None:  # another desk did it while this one waited for the lock
        print(f"schema {done.after}: upgraded meanwhile by another desk / 已由其他工作站升级")
        return 0
    print(f"upgraded: schema {done.before} -> {done.after}; logical backup {done.backup}")
    print(f"已升级：结构 {done.before} → {done.after}；升级前的逻辑备份 {done.backup}", file=sys.stderr)
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from models.store.backup import backup_now, rotate
    from models.store.db import make_engine

    engine = make_engine(args.db)
    dest = backup_now(engine, Path(args.to) if args.to else None)
    removed = rotate(
        dest.parent, daily=args.keep_daily, weekly=args.keep_weekly, hours=args.keep_hours, last=args.keep_last
    )
    print(dest)
    if removed:
        print(f"rotated away {len(removed)} older backups / 已清理 {len(removed)} 个旧备份", file=sys.stderr)
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    """As an admin of the database being replaced; a database nobody can sign in to (a missing file, no
    accounts yet, or one too damaged to read: what a restore is for) is replaced by its file's owner."""
    from sqlalchemy.exc import DBAPIError

    from models.services.accounts import needs_first_admin
    from models.services.maintenance import restore_backup
    from models.store.backup import sqlite_path, verify_backup
    from models.store.db import make_engine, session_factory

    verify_backup(Path(args.file))  # a bad file is refused before the password is asked for
    engine = make_engine(args.db)
    actor, readable = None, sqlite_path(engine).exists()
    if readable:
        try:
            with session_factory(engine)() as session:
                guarded = not needs_first_admin(session)
        except DBAPIError:
            readable = guarded = False  # unreadable: there is no account to ask for, and the file is kept aside
        if guarded:
            with session_factory(engine)() as session:
                actor = _signed_in(session, args, site=False)
    safety = restore_backup(engine, actor, Path(args.file), record_before=readable)  # copies it first, named
    if safety is None:
        print(f"restored {args.file}; there was no database to keep / 已恢复（原先没有数据库）")
    else:
        print(f"restored {args.file}; the database as it was is saved in {safety} / 已恢复，原数据库另存为 {safety}")
    return 0


def _day(text: str | None, session) -> date:  # type: ignore[no-untyped-def]
    """``--date``, or the site's today (by the clock: ISODESK_NOW when set)."""
    from models.reads.reports import check_day
    from models.services.sites import site_today

    if not text:
        return site_today(session)
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise DomainError("date_invalid", value=text) from None
    return check_day(day)


def _output(text: str | None) -> Path | None:
    """A file to write, refused at once (before any work) when its folder does not exist."""
    if not text:
        return None
    path = Path(text).expanduser()
    if not path.parent.is_dir():
        raise DomainError("folder_missing", path=str(path.parent))
    return path


def cmd_print(args: argparse.Namespace) -> int:
    from models.store.db import session_factory
    from printing.documents import render

    output, xlsx_path = _output(args.output), _output(args.xlsx)
    assert output is not None  # -o is required
    engine = _existing_database(args)
    with session_factory(engine)() as s:
        day = _day(args.date, s)
        actor = _signed_in(s, args)
        pdf = render(
            s,
            args.form,
            day,
            actor=actor,
            floor_id=_floor(s, args.floor) if args.floor else None,
            stay_ids=args.stay or None,
            lang=args.lang,
            printed_by=actor.display_name or actor.username,
            xlsx_path=xlsx_path,
            day_from=_day(args.date_from, s) if args.date_from else None,
            community_id=_community(s, args.community) if args.community else None,
        )
    output.write_bytes(pdf)
    print(args.output)
    return 0


def _community(session, text: str) -> int:  # type: ignore[no-untyped-def]
    """A receiving community given as its id, or by its name or "街道 社区" (e.g. "安居苑社区")."""
    from sqlalchemy import select

    from models.store.orm import Community

    text = text.strip()
    if text.isdigit() and session.get(Community, int(text)) is not None:
        return int(text)
    found = [c.id for c in session.scalars(select(Community)) if text in (c.name, c.label, f"{c.street}{c.name}")]
    if len(found) != 1:
        raise DomainError("community_unknown", community=text)
    return found[0]


def _floor(session, text: str) -> int:  # type: ignore[no-untyped-def]
    """A floor given as its id, or as "楼栋 层" / its name (e.g. "A栋 3F" or "3F" when unique)."""
    from sqlalchemy import select

    from models.store.orm import Building, Floor

    if text.isdigit():
        return int(text)
    rows = session.execute(select(Floor.id, Floor.name, Building.name).join(Building)).all()
    hits = [fid for fid, fname, bname in rows if text in (fname, f"{bname} {fname}", f"{bname}{fname}")]
    if len(hits) != 1:
        raise DomainError("floor_unknown", floor=text)
    return hits[0]


def cmd_report(args: argparse.Namespace) -> int:
    import json

    from models.reads import reports
    from models.store.db import session_factory
    from printing import xlsx

    xlsx_path = _output(args.xlsx)
    engine = _existing_database(args)
    with session_factory(engine)() as s:
        day = _day(args.date, s)
        _signed_in(s, args)
        report = reports.daily_report(s, day)
    if xlsx_path:
        xlsx.daily_report_xlsx(report, xlsx_path, args.lang)
    if args.json:
        print(json.dumps(report.as_dict(), ensure_ascii=False))
    else:
        for key, value in report.as_dict().items():
            print(f"{key}\t{value}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    import json

    from models.services import column_maps
    from models.services.importer import check_in_rows, parse_rows, read_table, said
    from models.store.db import session_factory

    path = Path(args.file)
    if not path.is_file():
        raise DomainError("file_missing", path=str(path))
    mapping = _mapping(args.map or [])
    engine = _existing_database(args)  # a missing SQLite file is refused, never created
    with session_factory(engine)() as session:
        actor = _signed_in(session, args)  # even a dry run tells who is already here: an account reads it
        cells = read_table(path)
        source = column_maps.source_name(args.source or "")
        if not mapping and source:  # the columns kept for the source named
            mapping = column_maps.remembered_columns(session, source)
            if not mapping:
                raise DomainError("import_source_unknown", source=source)
        elif not mapping and (known := column_maps.recognise_columns(session, cells)) is not None:
            source, mapping = known
            print(f"columns as kept for {source} / 按“{source}”记住的列对应读取", file=sys.stderr)
        rows = parse_rows(session, cells, mapping=mapping)
        if args.map and source and not args.dry_run:  # said once, read so from now on
            column_maps.remember_columns(session, actor, source, mapping)
            print(f"columns kept for {source} / 已记住“{source}”的列对应", file=sys.stderr)
        if args.json:
            if args.show_identifiers:  # the full ID numbers and phones: for the roles that may see them, recorded
                from models.services.disclosure import record_listing

                record_listing(session, actor, path.name, len(rows))
            rows_json = [r.as_json(full=args.show_identifiers, lang=args.lang) for r in rows]
            print(json.dumps(rows_json, ensure_ascii=False, indent=1))
        else:
            for r in rows:
                messages = "; ".join(said(m, args.lang) for m in r.messages)
                print(f"{r.row:>5}  {r.status:<9} {r.fields.get('name', '')}  {messages}")
        if args.dry_run:
            return 0 if all(r.status != "invalid" for r in rows) else 1
        from models.store.backup import copy_before

        before = copy_before(engine, None, "import")  # beside the database; None on PostgreSQL
        if before is not None:
            print(f"the database before the import: {before} / 导入前的数据库：{before}", file=sys.stderr)
        stays = check_in_rows(session, actor, rows)
        print(f"checked in {len(stays)} / 已入住 {len(stays)} 人", file=sys.stderr)
    return 0


def cmd_rooms_import(args: argparse.Namespace) -> int:
    """``rooms-import FILE [--apply]``: the room list's preview, row by row; with --apply it is written (admin)."""
    from models import permissions
    from models.services.layout_import import apply_room_list, read_room_list
    from models.store.db import session_factory

    path = Path(args.file)
    if not path.is_file():
        raise DomainError("file_missing", path=str(path))
    engine = _existing_database(args)
    with session_factory(engine)() as session:
        actor = _signed_in(session, args)
        permissions.check(session, actor, "settings")  # the site's layout is the admin's, its preview too
        preview = read_room_list(session, path)
        for r in preview.rows:
            changes = ", ".join(f"{k} {a}→{b}" for k, (a, b) in r.changes.items())
            room = f"{r.building} {r.level if r.level is not None else '?'} {r.number}"
            print(f"{r.row:>5}  {r.status:<8} {room}  {changes or r.message(args.lang)}".rstrip())
        counts = {s: len(preview.of(s)) for s in ("add", "change", "same", "rejected")}
        print(" · ".join(f"{k} {n}" for k, n in counts.items()))
        session.rollback()  # the preview's reads end here: applying checks everything again
        if not args.apply:
            return 0 if not counts["rejected"] else 1
        added, changed = apply_room_list(session, actor, preview)
        print(f"added {added}, changed {changed} / 已添加 {added} 间，已修改 {changed} 间", file=sys.stderr)
    return 0


RULE_STATUS = {"in_use": ("使用中", "in use"), "draft": ("草稿", "draft"), "earlier": ("以往版本", "earlier")}


def _rule_set_status(session: Any, rs: Any) -> tuple[str, int]:
    from models.services.rulesets import rule_set_use

    use = rule_set_use(session, rs.id)
    return ("in_use" if use.in_use else "draft" if rs.draft else "earlier"), use.stays


def _switch_line(ch: Any, lang: str, category: str) -> str:
    """One changed stay of a switch's preview: who, the dates old → new, and what is kept."""
    zh = lang == "zh_CN"

    def days(d: tuple[int, ...]) -> str:
        return ",".join(map(str, d)) or "—"

    def day(d: date | None) -> str:
        return d.isoformat() if d else "—"

    if ch.problem == "no_rule":
        kept = (
            "新规则未定义该类别，日期不变" if zh else "the new rule set has no rule for this category: dates unchanged"
        )
    else:
        parts = []
        if ch.kept_manual_days:
            n = ch.kept_manual_days
            parts.append(
                (f"人工延长 +{n} 天" if n > 0 else f"人工缩短 {-n} 天") if zh else f"kept: {n:+d} days by hand"
            )
        if ch.kept_restart is not None:
            md = ch.kept_restart.strftime("%m-%d")
            parts.append(f"自 {md} 重新计算（阳性病例）" if zh else f"kept: counted again from {md} (positive case)")
        kept = "; ".join(parts)
    release, home, tests = ("解除", "居家至", "检测日") if zh else ("release", "home until", "test days")
    return (
        f"{ch.room}  {ch.name}  {category}  {release} {ch.old_release} → {ch.new_release}  "
        f"{home} {day(ch.old_home_until)} → {day(ch.new_home_until)}  "
        f"{tests} {days(ch.old_swab_days)} → {days(ch.new_swab_days)}  {kept}"
    ).rstrip()


def cmd_rules(args: argparse.Namespace) -> int:
    """``rules list``: the rule sets (name, in force from, status); ``rules switch NAME [--date D] [--apply]``:
    the switch's preview, one line per stay whose dates change; applied only with --apply (admin)."""
    from models import permissions
    from models.reads.lookups import categories
    from models.services.rulesets import apply_rule_switch, preview_rule_switch, rule_sets
    from models.store.db import session_factory

    lang = 0 if args.lang == "zh_CN" else 1
    engine = _existing_database(args)
    with session_factory(engine)() as session:
        actor = _signed_in(session, args)
        permissions.check(session, actor, "settings")  # the site's rules are the admin's, their preview too
        if args.action == "list":
            for rs in rule_sets(session):
                status, stays = _rule_set_status(session, rs)
                print(f"{rs.name}\t{rs.effective_from.isoformat()}\t{RULE_STATUS[status][lang]}\t{stays}")
            return 0
        if not args.name:
            raise DomainError("cli_usage", detail="rules switch NAME --date YYYY-MM-DD [--apply]")
        found = [rs for rs in rule_sets(session) if rs.name == args.name.strip()]
        if not found:
            raise DomainError("rule_set_unknown")
        day = _day(args.date, session)
        preview = preview_rule_switch(session, found[0].id, day)
        names = {c.code: c.label(args.lang) for c in categories(session)}
        for ch in preview.changes:
            print(_switch_line(ch, args.lang, names.get(ch.category, ch.category)))
        moved = sum(1 for c in preview.changes if not c.problem)
        print(
            f"{preview.rule_set_name} {day}: 日期变化 {moved} 人，不变 {len(preview.unchanged)} 人"
            if lang == 0
            else f"{preview.rule_set_name} from {day}: {moved} stays change, {len(preview.unchanged)} unchanged"
        )
        session.rollback()  # the preview's reads end here: applying checks it again
        if not args.apply:
            return 0
        applied = apply_rule_switch(session, actor, preview)
        print(f"switched: {applied} stays changed / 已切换，{applied} 人日期变化", file=sys.stderr)
    return 0


def cmd_user(args: argparse.Namespace) -> int:
    """``user add NAME --role R``: a new account, created by a signed-in admin (the service checks the role)."""
    from models.services.accounts import create_user
    from models.store.db import session_factory
    from models.store.orm import Role

    engine = _existing_database(args)
    with session_factory(engine)() as session:
        actor = _signed_in(session, args)
        new = _password(f"{args.name} 的新密码 / new password: ", NEW_PASSWORD_ENV)
        if NEW_PASSWORD_ENV not in os.environ and _password("再输入一次 / again: ", NEW_PASSWORD_ENV) != new:
            raise DomainError("passwords_differ")
        made = create_user(session, actor, args.name, new, Role(args.role), args.display_name or "")
        print(f"account {made.username} created / 已创建账号 {made.username}")
    return 0


def _mapping(items: Sequence[str]) -> dict[str, str]:
    """``--map 列名=field`` options as a header -> field dict (the fields are checked by the importer)."""
    mapping: dict[str, str] = {}
    for item in items:
        header, sep, field = item.partition("=")
        if not sep or not header.strip() or not field.strip():
            raise DomainError("import_map_syntax", value=item)
        mapping[header.strip()] = field.strip()
    return mapping


def _program_name() -> str:
    """What the user typed to run this: the bundle's program (isodesk-cli), the wheel's launcher
    (isodesk-cli), else app.py."""
    if getattr(sys, "frozen", False):  # as typed: on Linux isodesk-cli is a link to isodesk
        return Path(sys.argv[0] if sys.argv else sys.executable).stem
    if __package__ == "isodesk" and sys.argv and not sys.argv[0].endswith(".py"):
        return Path(sys.argv[0]).stem
    return "app.py"


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=_program_name(),
        description="IsoDesk 隔离点工作台: without a command, start the desktop app.",
        epilog="A failing command prints one line on stderr (中文 / English) and exits with 2."
        " ISODESK_NOW=2026-12-01T08:00+08:00 runs a command at that time.",
    )
    parser.add_argument("--version", action="version", version=f"IsoDesk {version()}")
    # given before the command; the command's own --db (after it) is the same option
    parser.add_argument("--db", dest="top_db", metavar="URL-or-path", default=None, help=DB_HELP)
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
    p.add_argument("--json", action="store_true", help="print one JSON object per row read (IDs and phones masked)")
    p.add_argument(
        "--show-identifiers", action="store_true", help="--json with full ID numbers and phones (recorded in the audit)"
    )
    p.add_argument("--map", action="append", metavar="HEADER=FIELD", help="map an unusual column header to a field")
    p.add_argument(
        "--source",
        metavar="NAME",
        help="the sending office (名单来源): with --map, its mapping is kept for its next lists (not in a dry run); "
        "without, the mapping kept for it is used. Without --source, a kept mapping whose headers the list has is used",
    )
    p.add_argument("--lang", choices=("zh_CN", "en"), default="zh_CN", help="the language of the rows' messages")
    _add_user(p)
    p.set_defaults(func=cmd_import)

    p = sub.add_parser(
        "rooms-import", help="a room list (.xlsx: 楼栋, 楼层, 房间号, 房型, 床位数, 区域): preview; --apply (admin)"
    )
    _add_db(p)
    p.add_argument("file", help="the room list, .xlsx or .csv")
    p.add_argument("--apply", action="store_true", help="write the rows to add and to change, all or nothing")
    p.add_argument("--lang", choices=("zh_CN", "en"), default="zh_CN", help="the language of the rows' messages")
    _add_user(p)
    p.set_defaults(func=cmd_rooms_import)

    p = sub.add_parser(
        "rules", help="rule sets (admin): rules list; rules switch NAME --date YYYY-MM-DD [--apply] (a preview first)"
    )
    _add_db(p)
    p.add_argument("action", choices=("list", "switch"))
    p.add_argument("name", nargs="?", help="switch: the rule set's name")
    p.add_argument("--date", help="switch: the day the site follows it (YYYY-MM-DD; default today)")
    p.add_argument("--apply", action="store_true", help="switch: apply the preview (else it is only printed)")
    p.add_argument("--lang", choices=("zh_CN", "en"), default="zh_CN", help="the language of the lines")
    _add_user(p)
    p.set_defaults(func=cmd_rules)

    p = sub.add_parser("print", help="print a form to PDF: " + ", ".join(FORMS))
    _add_db(p)
    p.add_argument("form", choices=FORMS, metavar="FORM", help=", ".join(FORMS))
    p.add_argument("--date", help="the day (YYYY-MM-DD; default today); handover: the last day")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="handover: the first day (default --date)")
    p.add_argument("--community", help="handover: one receiving community, its id or name (default: all)")
    p.add_argument("--floor", help="one floor: its id or name, e.g. 'A栋 3F'")
    p.add_argument(
        "--stay",
        type=int,
        action="append",
        help="a stay (registration, notice, temperature-record, door card, release); repeat it for several "
        "(arrival-batch: a bus's registration forms, notices, door cards and hand-over list)",
    )
    p.add_argument("--lang", choices=("zh_CN", "en"), default="zh_CN")
    p.add_argument(
        "--xlsx",
        metavar="FILE",
        help="also write .xlsx (daily-report, disinfection, ledger, release-ledger, transfer-ledger, handover)",
    )
    _add_user(p)
    p.add_argument("-o", "--output", required=True, help="the PDF file to write")
    p.set_defaults(func=cmd_print)

    p = sub.add_parser("report", help="the daily report's figures: report daily --date D [--json] [--xlsx F]")
    _add_db(p)
    p.add_argument("kind", choices=("daily",))
    p.add_argument("--date", help="the day (YYYY-MM-DD; default today)")
    p.add_argument("--json", action="store_true", help="one JSON object")
    p.add_argument("--xlsx", metavar="FILE", help="also write the report as .xlsx")
    p.add_argument("--lang", choices=("zh_CN", "en"), default="zh_CN")
    _add_user(p)
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("backup", help="copy the SQLite database now (online), then rotate old backups")
    _add_db(p)
    p.add_argument("--to", metavar="DIR", help="backup folder (default: backups/ beside the database)")
    p.add_argument("--keep-hours", type=int, default=48, help="every backup of the last N hours (48)")
    p.add_argument("--keep-last", type=int, default=10, help="and the newest N backups, however old (10)")
    p.add_argument("--keep-daily", type=int, default=7, help="then the newest of each of the last N days (7)")
    p.add_argument("--keep-weekly", type=int, default=4, help="and of each of the last N weeks (4)")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help="replace the database with a checked backup (the current one is kept)")
    _add_db(p)
    p.add_argument("file", help="a backup file made by `backup`")
    _add_user(p)
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("user", help="accounts: user add NAME --role ROLE (as a signed-in admin)")
    _add_db(p)
    p.add_argument("action", choices=("add",))
    p.add_argument("name", help="the new account's user name")
    p.add_argument("--role", required=True, choices=("admin", "desk", "medical", "viewer"))
    p.add_argument("--display-name", help="the name shown and printed (default: the user name)")
    _add_user(p)
    p.set_defaults(func=cmd_user)

    p = sub.add_parser("check", help="database integrity and domain invariants; exit 1 with one line per problem")
    _add_db(p)
    p.add_argument("--upgrade", action="store_true", help="upgrade an older schema first (after a backup)")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser(
        "upgrade",
        help="bring the database to this version's schema; a shared PostgreSQL one by an admin, after a logical backup",
    )
    _add_db(p)
    p.add_argument("--backup-dir", help="where the logical backup goes (default: the user data folder's backups/)")
    _add_user(p)
    p.set_defaults(func=cmd_upgrade)
    return parser


def _log(exc: BaseException, argv: Sequence[str]) -> str:
    """The traceback into the log file (models.logs); returns the file's path, or "?" if none was written."""
    try:
        from models import logs

        path = logs.log_file() or logs.setup_logging()
        command = " ".join(logs.masked(a) for a in argv)  # a password in a --db URL stays out of the log
        logs.log_exception(f"app.py {command}", type(exc), exc, exc.__traceback__)
        return str(path) if path else "?"
    except Exception as log_exc:  # the line must still come out
        return f"? ({type(log_exc).__name__})"


def _say(message: object) -> None:
    print(re.sub(r"\s*[\r\n]+\s*", " ", str(message)).strip(), file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command (or the GUI); a failure is one line on stderr and exit code 2."""
    from models import clock, failures, logs
    from printing import qr

    logs.setup_logging()  # the log file, once at start: commands and the GUI alike (models/logs.py)
    qr.use_store(qr.default_store())  # a stay's QR code is made once, not at every print (printing/qr.py)
    argv = list(sys.argv[1:] if argv is None else argv)
    previous = clock.get_clock()
    db: str | None = None
    try:
        try:
            clock.set_clock(clock.from_env())
        except ValueError:
            raise DomainError("clock_env_invalid", value=os.environ.get(clock.ENV, "")) from None
        args = build_parser().parse_args(argv)
        db = _resolve_db(args)
        func: Callable[[argparse.Namespace], int] | None = getattr(args, "func", None)
        if func is None:
            from views.application import run_gui

            return run_gui(db)
        args.db = db
        return func(args)
    except KeyboardInterrupt:
        _say(DomainError("interrupted"))
        return INTERRUPTED
    except Exception as exc:
        try:
            known = failures.explain(exc, db)
        except Exception:
            known = None
        if known is None:
            known = DomainError(
                "unexpected", detail=f"{type(exc).__name__}: {failures.first_line(exc)}", log=_log(exc, argv)
            )
        _say(known)
        return 2
    finally:
        clock.set_clock(previous)


def _resolve_db(args: argparse.Namespace) -> str | None:
    """``--db`` before or after the command: either, or both when they name the same database."""
    before, after = getattr(args, "top_db", None), getattr(args, "db", None)
    if before and after:
        from models import failures
        from models.store.db import to_url

        if to_url(before) != to_url(after):
            raise DomainError("cli_db_twice", first=failures.db_label(before), second=failures.db_label(after))
    return after or before


if __name__ == "__main__":
    for stream in (sys.stdout, sys.stderr):  # a console that cannot show Chinese still gets the line
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    sys.exit(main())
