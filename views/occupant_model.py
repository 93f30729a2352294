"""The occupant list as a lazy table model: pages of rows from models.reads.occupants, fetched as the view scrolls."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from sqlalchemy.orm import Session, sessionmaker

from models.reads.occupants import (
    SEARCH_CAP,
    OccupantFilter,
    OccupantRow,
    first_page,
    is_search,
    list_occupants,
)
from models.store.orm import Sex, User
from ui import palette

Index = QModelIndex | QPersistentModelIndex
PAGE = 200
STAY_ID_ROLE = Qt.ItemDataRole.UserRole + 1

# column key, sort key in models.reads.occupants (None: not sortable)
COLUMNS: list[tuple[str, str | None]] = [
    ("room", "room"),
    ("name", "name"),
    ("sex", None),
    ("age", None),
    ("category", "category"),
    ("day", "arrival"),
    ("release", "release"),
    ("id", None),
    ("phone", None),
]


class OccupantModel(QAbstractTableModel):
    def __init__(
        self,
        sessions: sessionmaker[Session],
        today: date,
        parent: object | None = None,
        *,
        actor: User | None,
        language: str = "zh_CN",
    ) -> None:
        """``today`` is the site's day (ages and days of stay); each reload may give a newer one. ``actor``
        searches: a search by a full ID number or phone is recorded for them."""
        super().__init__(parent)  # type: ignore[arg-type]
        self.sessions = sessions
        self.actor = actor
        self.filter = OccupantFilter()
        self.today = today
        self.sort_key, self.descending = "room", False
        self.rows: list[OccupantRow] = []
        self.total = 0
        self.broad = False  # the last search matched more than SEARCH_CAP: only its first page is shown
        self.loaded = False  # reload() has run: before that a sort only sets the order (the page not shown yet)
        self.language = language

    def headers(self) -> list[str]:
        return [
            self.tr("Room"),
            self.tr("Name"),
            self.tr("Sex"),
            self.tr("Age"),
            self.tr("Category"),
            self.tr("Day"),
            self.tr("Release"),
            self.tr("ID number"),
            self.tr("Phone"),
        ]

    # --- loading ---------------------------------------------------------------------------
    def reload(self, flt: OccupantFilter | None = None, today: date | None = None) -> None:
        if flt is not None:
            self.filter = flt
        if today is not None:
            self.today = today
        self.loaded = True
        self.beginResetModel()
        with self.sessions() as s:
            self.total, self.rows = first_page(
                s, self.filter, actor=self.actor, sort=self.sort_key, descending=self.descending, limit=PAGE
            )
            # a broad key (more than SEARCH_CAP matches): the first page found, no more pages (type more)
            self.broad = is_search(self.filter) and self.total > SEARCH_CAP
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self.broad and len(self.rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        with self.sessions() as s:
            more = list_occupants(
                s, self.filter, sort=self.sort_key, descending=self.descending, offset=len(self.rows), limit=PAGE
            )
        if not more:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column][1]
        if key is None:
            return
        self.sort_key, self.descending = key, order == Qt.SortOrder.DescendingOrder
        if self.loaded:
            self.reload()

    # --- Qt model ----------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def row(self, index: Index) -> OccupantRow | None:
        return self.rows[index.row()] if index.isValid() and index.row() < len(self.rows) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        r = self.row(index)
        if r is None:
            return None
        if role == STAY_ID_ROLE:
            return r.stay_id
        if role == Qt.ItemDataRole.BackgroundRole and r.fever:
            return QColor(palette.ALERT)
        if role == Qt.ItemDataRole.ForegroundRole and r.fever:
            return QColor(palette.TEXT)  # dark on the light fill, on the dark theme too
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        key = COLUMNS[index.column()][0]
        if key == "room":
            return f"{r.building} {r.room}"
        if key == "name":
            return r.name
        if key == "sex":
            return self.tr("M") if r.sex is Sex.MALE else self.tr("F")
        if key == "age":
            if r.birth_date is None:
                return ""
            b = r.birth_date
            return str(self.today.year - b.year - ((self.today.month, self.today.day) < (b.month, b.day)))
        if key == "category":
            return r.category_zh if self.language.startswith("zh") else r.category_en
        if key == "day":
            if r.departed_at is not None:
                return self.tr("left")
            return f"{r.day_n(self.today)}/{r.days_total}"
        if key == "release":
            return r.planned_release.isoformat()
        if key == "id":
            return r.doc_masked
        if key == "phone":
            return r.phone_masked
        return None
