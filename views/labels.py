"""The words every screen shows for a code: room states, departure kinds, swab results, symptoms, roles,
the printable forms' titles. One place (translated through the .ts like every tr(): the context is
"Labels"); a screen never shows a code and never keeps its own table of them."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication

from models.store.orm import DepartureKind, Role, RoomState
from printing.form_names import FORMS


def state_label(state: RoomState | str) -> str:
    return {
        RoomState.AVAILABLE: QCoreApplication.translate("Labels", "Available"),
        RoomState.OCCUPIED: QCoreApplication.translate("Labels", "Occupied"),
        RoomState.AWAITING_DISINFECTION: QCoreApplication.translate("Labels", "Awaiting disinfection"),
        RoomState.OUT_OF_SERVICE: QCoreApplication.translate("Labels", "Out of service"),
    }[RoomState(state)]


def departure_label(kind: DepartureKind | str) -> str:
    return {
        DepartureKind.RELEASED: QCoreApplication.translate("Labels", "Released from isolation"),
        DepartureKind.TO_HOSPITAL: QCoreApplication.translate("Labels", "Transferred to hospital"),
        DepartureKind.TO_OTHER_SITE: QCoreApplication.translate("Labels", "Transferred to another site"),
        DepartureKind.HOME_ISOLATION: QCoreApplication.translate("Labels", "Moved to home isolation"),
        DepartureKind.OTHER: QCoreApplication.translate("Labels", "Left for another reason"),
    }[DepartureKind(kind)]


def swab_result_label(result: str | None) -> str:
    """A swab's result (SwabResult value), ``not_sampled`` / None / "", or ``none`` (none scheduled)."""
    return {
        "negative": QCoreApplication.translate("Labels", "Negative"),
        "positive": QCoreApplication.translate("Labels", "Positive"),
        "pending": QCoreApplication.translate("Labels", "Result pending"),
        "not_sampled": QCoreApplication.translate("Labels", "Not sampled"),
        "": QCoreApplication.translate("Labels", "Not sampled"),
        "none": QCoreApplication.translate("Labels", "No swab scheduled"),
    }[str(result or "")]


def symptom_label(code: str) -> str:
    """One of models.store.orm.SYMPTOMS."""
    return {
        "fever": QCoreApplication.translate("Labels", "Fever"),
        "dry_cough": QCoreApplication.translate("Labels", "Dry cough"),
        "fatigue": QCoreApplication.translate("Labels", "Fatigue"),
        "sore_throat": QCoreApplication.translate("Labels", "Sore throat"),
        "smell_taste": QCoreApplication.translate("Labels", "Loss of smell or taste"),
        "diarrhea": QCoreApplication.translate("Labels", "Diarrhoea"),
        "other": QCoreApplication.translate("Labels", "Other symptom"),
    }[code]


def symptoms_text(codes: Iterable[str], language: str) -> str:
    """Several symptoms in a row, as the language lists them (、 in Chinese)."""
    return ("、" if language.startswith("zh") else ", ").join(symptom_label(c) for c in codes)


def role_label(role: Role | str) -> str:
    return {
        Role.ADMIN: QCoreApplication.translate("Labels", "Admin"),
        Role.DESK: QCoreApplication.translate("Labels", "Front desk"),
        Role.MEDICAL: QCoreApplication.translate("Labels", "Medical"),
        Role.VIEWER: QCoreApplication.translate("Labels", "Viewer"),
    }[Role(role)]


def form_title(form: str) -> str:
    """A printable form's title (printing.form_names.FORMS), as its print preview is called."""
    titles = {
        "arrival-pack": QCoreApplication.translate("Labels", "Registration form and notice"),
        "daily-sheets": QCoreApplication.translate("Labels", "Daily observation sheets"),
        "registration": QCoreApplication.translate("Labels", "Registration form"),
        "notice": QCoreApplication.translate("Labels", "Notice of isolation"),
        "release-notices": QCoreApplication.translate("Labels", "Release notices"),
        "temperature-record": QCoreApplication.translate("Labels", "Temperature record"),
        "door-cards": QCoreApplication.translate("Labels", "Door cards"),
        "daily-report": QCoreApplication.translate("Labels", "Daily report"),
        "disinfection": QCoreApplication.translate("Labels", "Terminal disinfection record"),
        "ledger": QCoreApplication.translate("Labels", "People ledger"),
        "release-ledger": QCoreApplication.translate("Labels", "Release ledger"),
        "transfer-ledger": QCoreApplication.translate("Labels", "Transfer ledger"),
        "arrival-receipt": QCoreApplication.translate("Labels", "Arrival hand-over list"),
        "arrival-batch": QCoreApplication.translate("Labels", "The batch's forms"),
    }
    assert set(titles) == set(FORMS)  # a new form gets its title here
    return titles[form]


def list_separator(language: str) -> str:
    """Between sentences said one after another: "；" in Chinese, "; " in English."""
    return "；" if language.startswith("zh") else "; "
