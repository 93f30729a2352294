"""The GUI's one application context: database, signed-in user, settings, clock, language, tasks.

``run_gui`` builds it after the login and hands it to ``MainWindow(ctx)``, which hands it (or the part
they need) to every page, dialog and panel in their constructors. Nothing in ``views/`` reads the
machine's clock, the user's ``QSettings(ORG, APP)`` or a module-level language on its own: tests build a
context with a pinned clock and a settings file of their own (tests/conftest.py, ``app_context``).

"Today" and "now" are the *site's*: the calendar day and the wall clock in the site's time zone, read
once from the database. Date/time fields show the site's wall clock whatever the PC's time zone, and
what is typed into them is read in the site's time zone (views/date_field.py: a date or date-time is typed as
people write it, never into a sectioned QDateTimeEdit, which mixed the sections of 2026-11-29).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QSettings
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from models import clock as clock_module
from models.errors import DomainError
from models.services.sites import get_site
from models.store.db import session_factory
from models.store.orm import User

if TYPE_CHECKING:
    from models.clock import Clock

    from .tasks import TaskRunner

LANGUAGES = ("zh_CN", "en")


class AppContext:
    """What every screen of one signed-in desk shares. Build it with :meth:`open` or directly.

    ``sessions``, ``engine``: the database; ``user``: who signed in (required); ``settings``: the
    QSettings to read and write (injected: tests pass an ini file of their own); ``clock``: a
    models.clock.Clock (default: the installed one); ``language``: "zh_CN" or "en"; ``tasks``: the
    background task runner (views/tasks.py, made on first use); ``monotonic``: seconds for key gaps.
    """

    def __init__(
        self,
        *,
        sessions: sessionmaker[Session],
        engine: Engine,
        user: User,
        settings: QSettings,
        clock: Clock | None = None,
        language: str = "en",
        tasks: TaskRunner | None = None,
        monotonic: Callable[[], float] = clock_module.monotonic,
    ) -> None:
        if user is None:
            raise ValueError("the GUI runs for an authenticated user only")
        if language not in LANGUAGES:
            raise ValueError(f"unknown UI language {language!r}")
        self.sessions = sessions
        self.engine = engine
        self.user = user
        self.settings = settings
        self.clock: Clock = clock if clock is not None else clock_module.get_clock()
        self.language = language
        self._tasks = tasks
        self.monotonic = monotonic  # gaps between keys (the scanner), never dates
        self._timezone: str | None = None

    @classmethod
    def open(
        cls,
        engine: Engine,
        user: User,
        settings: QSettings,
        *,
        clock: Clock | None = None,
        language: str | None = None,
        tasks: TaskRunner | None = None,
    ) -> AppContext:
        """A context on ``engine``; the language is the saved choice in ``settings`` unless given."""
        if language is None:
            from .preferences import ui_language

            language = ui_language(settings)
        return cls(
            sessions=session_factory(engine),
            engine=engine,
            user=user,
            settings=settings,
            clock=clock,
            language=language,
            tasks=tasks,
        )

    def with_user(self, user: User) -> AppContext:
        """The same desk (database, settings, clock, language, tasks) for another signed-in user."""
        other = AppContext(
            sessions=self.sessions,
            engine=self.engine,
            user=user,
            settings=self.settings,
            clock=self.clock,
            language=self.language,
            tasks=self._tasks,
            monotonic=self.monotonic,
        )
        other._timezone = self._timezone
        return other

    def __repr__(self) -> str:
        return f"AppContext(user={self.user.username!r}, language={self.language!r}, clock={self.clock!r})"

    # --- background work -------------------------------------------------------------------------------
    @property
    def tasks(self) -> TaskRunner:
        """The task runner for background work (views/tasks.py), created on first use."""
        if self._tasks is None:
            from .tasks import TaskRunner

            self._tasks = TaskRunner()
        return self._tasks

    # --- language ---------------------------------------------------------------------------------------
    @property
    def zh(self) -> bool:
        return self.language == "zh_CN"

    def message(self, error: DomainError) -> str:
        """A domain error in the user's language."""
        return error.message(self.language)

    @property
    def user_name(self) -> str:
        """How the user signs printed forms and records ("sampled by")."""
        return self.user.display_name or self.user.username

    # --- time -------------------------------------------------------------------------------------------
    @property
    def timezone(self) -> str:
        """The site's time zone, read from the database once (the site must exist)."""
        if self._timezone is None:
            with self.sessions() as s:
                self._timezone = get_site(s).timezone
        return self._timezone

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def now(self) -> datetime:
        """The current instant (UTC, aware) from the context's clock."""
        return self.clock.now()

    def site_now(self) -> datetime:
        """Now on the site's wall clock (aware, in the site's zone)."""
        return clock_module.site_now(self.timezone, self.now())

    def today(self) -> date:
        """Today at the site (its time zone, not the PC's, not UTC)."""
        return clock_module.site_today(self.timezone, self.now())

    def local_date(self, instant: datetime) -> date:
        """The site's calendar day of a stored instant (what "arrived on" shows)."""
        return clock_module.local_date(instant, self.timezone)

    def local(self, instant: datetime) -> datetime:
        """A stored instant on the site's wall clock, for display."""
        return instant.astimezone(self.zone)

    # --- date/time fields ------------------------------------------------------------------------------
    def qdate(self, day: date | None = None) -> QDate:
        """A calendar day (default: the site's today) for a date field."""
        day = day if day is not None else self.today()
        return QDate(day.year, day.month, day.day)
