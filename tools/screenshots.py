"""Screenshots of the main screens on a demo site, in Chinese and English, for the README.

QT_QPA_PLATFORM=offscreen python tools/screenshots.py [OUT_DIR] [--dark]

Main screens (the audit trail as the admin sees it) and the everyday dialogs (arrival, batch arrival, room,
the five actions on a stay, login, first-run wizard), the board
at 1600 px (a whole floor of 25 rooms a row); with --dark, the board, today, settings and rounds in the dark
theme (a theme is applied once per process).
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from models import clock
from models.demo import synthetic
from models.demo.builder import build_demo
from models.reads.board import board_rooms
from models.services.stays import stay_readiness
from models.services.users import ensure_user
from models.store.db import open_database, session_factory
from models.store.orm import Role, Slot, Stay, User
from views.application import install_translators, make_app
from views.arrival_dialog import ArrivalDialog
from views.batch_dialog import BatchDialog
from views.context import AppContext
from views.login_dialog import LoginDialog
from views.main_window import MainWindow
from views.room_dialog import RoomDialog
from views.site_wizard import SiteWizard

NOW = datetime(2026, 11, 23, 15, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def shoot(widget: QWidget, path: Path, size: tuple[int, int] | None = None) -> None:
    if size:
        widget.resize(*size)
    widget.show()
    QApplication.processEvents()
    widget.grab().save(str(path))
    widget.hide()  # not close(): a dialog with something typed in asks before it closes
    widget.deleteLater()
    QApplication.processEvents()


def shoot_keep(widget: QWidget, path: Path, size: tuple[int, int]) -> None:
    """A screenshot of a dialog that goes on to its next step afterwards."""
    widget.resize(*size)
    widget.show()
    QApplication.processEvents()
    widget.grab().save(str(path))


def settle(task: object) -> None:
    """Wait for a background task (a read, a check-in) to end."""
    while not getattr(task, "done", True):
        QApplication.processEvents()


def dialogs(ctx: AppContext, lang: str, out: Path, tmp: Path) -> None:
    """The dialogs a desk user meets every day, filled as they would be."""
    sessions = ctx.sessions
    rng = random.Random(7)
    d = ArrivalDialog(ctx)
    p = synthetic.person(rng, NOW.date(), min_age=30, max_age=60)
    d.name.setText(str(p["name"]))
    d.doc_number.setText(str(p["doc_number"]))
    d.phone.setText(str(p["phone"]))
    d.origin.setText("上海市浦东新区" if lang == "zh_CN" else "Shanghai")
    shoot(d, out / f"arrival-{lang}.png", (620, 720))
    people = [synthetic.person(rng, NOW.date(), min_age=20, max_age=70) for _ in range(12)]
    lines = ["序号,姓名,性别,证件号码,联系电话,来源地,人员类别"]
    for i, q in enumerate(people, 1):
        doc = str(q["doc_number"])
        if i == 4:
            doc = doc[:-1] + ("0" if doc[-1] != "0" else "1")  # a mistyped ID, as on real lists
        sex = "男" if q["sex"].value == "M" else "女"
        lines.append(f"{i},{q['name']},{sex},{doc},{q['phone']},{q['origin']},密切接触者")
    lines.append(f"13,{people[1]['name']},,{people[1]['doc_number']},,,密切接触者")  # listed twice
    lines.append("合计,共13人,,,,,")
    csv_path = tmp / f"转运名单-{lang}.csv"
    csv_path.write_text("\n".join(lines), encoding="utf-8")
    b = BatchDialog(ctx)
    settle(b.load(csv_path))
    b.table.setCurrentCell(3, 0)
    b.table.resizeColumnsToContents()
    shoot(b, out / f"batch-arrival-{lang}.png", (1100, 760))
    bus_rng = random.Random(f"bus-{lang}")
    bus = [synthetic.person(bus_rng, NOW.date(), min_age=20, max_age=70) for _ in range(8)]
    clean = tmp / f"bus-{lang}.csv"
    rows = [f"{q['name']},{q['doc_number']},{q['phone']},密切接触者" for q in bus]
    clean.write_text("\n".join(["姓名,证件号码,联系电话,人员类别", *rows]), encoding="utf-8")
    b = BatchDialog(ctx)
    settle(b.load(clean))
    b.ask_confirm()  # step 2: 确认入住 8 人？ with the plan
    shoot_keep(b, out / f"batch-confirm-{lang}.png", (1000, 640))
    settle(b.confirm())  # step 3: checked in, the summary with its one print button
    shoot(b, out / f"batch-summary-{lang}.png", (1000, 640))
    with sessions() as s:
        rooms = board_rooms(s, NOW.date())
    occupied = next(r for r in rooms if r.occupants)
    shoot(RoomDialog(ctx, occupied), out / f"room-{lang}.png", (640, 560))
    from views.person_dialog import PersonDialog

    with sessions() as s:
        person_id = s.get_one(Stay, occupied.occupants[0].stay_id).person_id
    edit = PersonDialog(ctx, person_id)  # Occupants › Edit details… (Ctrl+E)
    edit.phone.setText("13912345678")  # a mistyped phone, corrected
    shoot(edit, out / f"person-edit-{lang}.png", (600, 0))
    login = LoginDialog(sessions, lang)
    login.username.setText("desk")
    shoot(login, out / f"login-{lang}.png", (420, 220))
    empty = open_database(tmp / f"empty-{lang}.sqlite3")
    wizard = SiteWizard(AppContext.open(empty, ctx.user, ctx.settings, clock=ctx.clock, language=lang))
    wizard.name.setText("东湖隔离点" if lang == "zh_CN" else "East Lake isolation point")
    wizard.buildings.setText("1号楼，2号楼" if lang == "zh_CN" else "Block 1, Block 2")
    shoot(wizard, out / f"wizard-{lang}.png", (720, 560))
    empty.dispose()


def stay_actions(window: MainWindow, lang: str, out: Path) -> None:
    """The five actions on a stay, for a person the release dialog has something to say about: not yet due,
    with a scheduled swab done (its checks, the reason it refuses and the override field)."""
    page = window.occupants
    with window.ctx.sessions() as s:
        for row in range(page.model.rowCount()):
            page.table.selectRow(row)
            d = page._detail
            if d is None or d.departed_at is not None:
                continue
            ready = stay_readiness(s, d.stay_id, window.ctx.today())
            if not ready.ok and ready.last_swab_day:
                break
    for key in ("room", "date", "release", "transfer", "other"):
        dialog = page.action_dialog(key)
        assert dialog is not None
        shoot(dialog, out / f"stay-{key}-{lang}.png", (520, 0))
    page.table.selectRow(3)


def rule_sets(window: MainWindow, lang: str, out: Path) -> None:
    """The rule-set editor on a draft copied from the rule set in use and typed to 14+7+7, then the preview of
    switching the site to it (each stay whose dates change, what is kept)."""
    from models.services.rulesets import RuleInput, copy_rule_set, update_draft
    from models.services.sites import get_site
    from views.rule_sets_page import SwitchPreviewDialog

    name = "本地 14+7+7" if lang == "zh_CN" else "Local 14+7+7"
    notes = "市指挥部通知" if lang == "zh_CN" else "City headquarters' notice"
    with window.ctx.sessions() as s:
        draft = copy_rule_set(s, window.ctx.user, get_site(s).rule_set_id, name)
        rules = [RuleInput(r.category_code, 14, 7, 7, "1,4,7,14", "2,7", "7", r.count_from) for r in draft.rules]
        draft_id = update_draft(
            s, window.ctx.user, draft.id, name=name, effective_from=NOW.date(), notes=notes, rules=rules
        ).id
        from models.services.rulesets import preview_rule_switch
        from models.services.stays import change_release_date

        first = preview_rule_switch(s, draft_id, NOW.date()).changes[0]  # extended by hand: kept at the switch
        reason = "复查 CT 异常" if lang == "zh_CN" else "CT to be repeated"
        change_release_date(s, window.ctx.user, first.stay_id, first.old_release + timedelta(days=5), reason)
    window.show_page("rulesets")
    window.rule_sets_page.refresh(draft_id)
    window.resize(1600, 860)  # nine columns of rules beside the list
    QApplication.processEvents()
    window.grab().save(str(out / f"rule-sets-{lang}.png"))
    window.resize(1400, 860)
    shoot(SwitchPreviewDialog(window.ctx, draft_id, NOW.date(), window), out / f"rule-switch-{lang}.png", (1100, 560))


def fever_round(window: MainWindow) -> None:
    """The evening round with a few readings typed in, the last one a fever (its cell stands out)."""
    rounds = window.rounds_page
    rounds.start(NOW.date(), Slot.EVENING, None)
    for value in ("365", "372", "385"):
        rounds.entry.setText(value)
        rounds.save_current()
    QApplication.processEvents()


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    dark = "--dark" in sys.argv
    out = Path(args[0] if args else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CONFIG_HOME"] = tmp  # leave the user's settings alone
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)  # and use our own
        settings.setValue("ui/dark", dark)
        clock.set_clock(clock.FixedClock(NOW))  # the screens show the demo's day, whenever they are taken
        engine = open_database(Path(tmp) / "demo.sqlite3")
        build_demo(engine, rooms=300, days=30, seed=1, now=NOW)
        app = make_app(settings=settings)
        with session_factory(engine)() as s:
            actor: User = ensure_user(s, "desk", Role.ADMIN)  # the signed-in user of the screenshots
        if dark:
            install_translators(app, "zh_CN")
            window = MainWindow(AppContext.open(engine, actor, settings, language="zh_CN"))
            window.resize(1400, 860)
            window.show()
            for key in ("board", "today", "settings"):  # tiles, links, the language list on the dark theme
                window.show_page(key)
                QApplication.processEvents()
                window.grab().save(str(out / f"{'room-board' if key == 'board' else key}-dark-zh_CN.png"))
            window.show_page("rounds")
            fever_round(window)
            window.grab().save(str(out / "rounds-dark-zh_CN.png"))
            window.close()
            engine.dispose()
            return
        for lang in ("zh_CN", "en"):
            install_translators(app, lang)
            ctx = AppContext.open(engine, actor, settings, language=lang)
            window = MainWindow(ctx)
            window.resize(1400, 860)
            window.show()
            QApplication.processEvents()
            window.show_page("board")
            QApplication.processEvents()
            window.grab().save(str(out / f"room-board-{lang}.png"))
            window.resize(1600, 900)  # a whole floor of 25 rooms in a row
            QApplication.processEvents()
            window.grab().save(str(out / f"board-1600-{lang}.png"))
            window.resize(1400, 860)
            window.show_page("occupants")
            page = window.occupants
            page.table.selectRow(3)
            QApplication.processEvents()
            window.grab().save(str(out / f"occupants-{lang}.png"))
            stay_actions(window, lang, out)
            for key in ("today", "swabs", "reports", "settings", "layout", "supplies", "requests", "staff"):
                window.show_page(key)
                QApplication.processEvents()
                window.grab().save(str(out / f"{key}-{lang}.png"))
            window.show_page("rounds")
            fever_round(window)
            window.grab().save(str(out / f"rounds-{lang}.png"))
            window.rounds_page.recheck()  # F12: whose recheck is typed next, before a value is typed
            QApplication.processEvents()
            window.grab().save(str(out / f"rounds-recheck-{lang}.png"))
            window.close()
            window.deleteLater()
            QApplication.processEvents()
            dialogs(ctx, lang, out, Path(tmp))
            window = MainWindow(ctx)  # the audit trail (the site lead's screen) once the day's check-ins are in it
            window.resize(1400, 860)
            window.show()
            window.show_page("audit")
            QApplication.processEvents()
            window.grab().save(str(out / f"audit-{lang}.png"))
            rule_sets(window, lang, out)
            window.close()
            window.deleteLater()
            QApplication.processEvents()
        engine.dispose()
    print(out)


if __name__ == "__main__":
    main()
