"""The words every screen shows for a code: room states, departure kinds, swab results, symptoms, roles,
the printable forms' titles, the audit trail's actions, records, fields and values. One place (translated
through the .ts like every tr(): the context is "Labels"); a screen never shows a code
and never keeps its own table of them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QCoreApplication

from models.reads.audit_log import AuditWords
from models.store.orm import (
    SYMPTOMS,
    ZONES,
    AlertState,
    AreaKind,
    BatchState,
    CompanionReason,
    CountFrom,
    DepartureKind,
    DocType,
    GroupDuty,
    HomeTest,
    MoveKind,
    RequestChannel,
    RequestKind,
    RequestState,
    Role,
    RoomEventKind,
    RoomState,
    RoomType,
    Sex,
    Slot,
    SupplyCategory,
    SwabResult,
    Urgency,
    UseBasis,
)
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


def home_test_label(code: str) -> str:
    """A follow-up call's answer about the home test (HomeTest value)."""
    return {
        "not_due": QCoreApplication.translate("Labels", "Not due yet"),
        "not_done": QCoreApplication.translate("Labels", "Due, not done"),
        "pending": QCoreApplication.translate("Labels", "Done, result pending"),
        "negative": QCoreApplication.translate("Labels", "Negative"),
        "positive": QCoreApplication.translate("Labels", "Positive"),
    }[str(code)]


def area_kind_label(kind: AreaKind | str) -> str:
    """What kind of public area (AreaKind value)."""
    return {
        "corridor": QCoreApplication.translate("Labels", "Corridor"),
        "lift": QCoreApplication.translate("Labels", "Lift"),
        "lobby": QCoreApplication.translate("Labels", "Lobby"),
        "buffer": QCoreApplication.translate("Labels", "Buffer zone"),
        "staff": QCoreApplication.translate("Labels", "Staff zone"),
        "waste": QCoreApplication.translate("Labels", "Waste point"),
        "other": QCoreApplication.translate("Labels", "Other"),
    }[str(kind)]


def supply_category_label(code: SupplyCategory | str) -> str:
    """What a supply item is for (SupplyCategory value)."""
    return {
        "protection": QCoreApplication.translate("Labels", "Protection"),
        "disinfectant": QCoreApplication.translate("Labels", "Disinfectant"),
        "medical": QCoreApplication.translate("Labels", "Medical"),
        "food": QCoreApplication.translate("Labels", "Meals and water"),
        "daily": QCoreApplication.translate("Labels", "Daily necessities"),
        "other": QCoreApplication.translate("Labels", "Other"),
    }[str(code)]


def use_basis_label(code: UseBasis | str) -> str:
    """How an item's use a day is reckoned (UseBasis value)."""
    return {
        "measured": QCoreApplication.translate("Labels", "Measured over the last 7 days"),
        "per_occupant": QCoreApplication.translate("Labels", "Per person present a day"),
    }[str(code)]


def move_kind_label(code: MoveKind | str) -> str:
    """A stock movement (MoveKind value)."""
    return {
        "in": QCoreApplication.translate("Labels", "In"),
        "out": QCoreApplication.translate("Labels", "Out"),
        "count": QCoreApplication.translate("Labels", "Count"),
    }[str(code)]


def request_kind_label(code: RequestKind | str) -> str:
    """What an occupant asks for (RequestKind value)."""
    return {
        "meals": QCoreApplication.translate("Labels", "Meals and diet"),
        "medicine": QCoreApplication.translate("Labels", "Medicine"),
        "counselling": QCoreApplication.translate("Labels", "Counselling"),
        "delivery": QCoreApplication.translate("Labels", "Delivery"),
        "repair": QCoreApplication.translate("Labels", "Repair"),
        "other": QCoreApplication.translate("Labels", "Other"),
    }[str(code)]


def request_state_label(code: RequestState | str) -> str:
    """Where a request stands (RequestState value)."""
    return {
        "open": QCoreApplication.translate("Labels", "Open"),
        "in_hand": QCoreApplication.translate("Labels", "In hand"),
        "done": QCoreApplication.translate("Labels", "Done"),
        "refused": QCoreApplication.translate("Labels", "Refused"),
    }[str(code)]


def request_channel_label(code: RequestChannel | str) -> str:
    """How a request came in (RequestChannel value)."""
    return {
        "desk": QCoreApplication.translate("Labels", "At the desk"),
        "phone": QCoreApplication.translate("Labels", "By phone"),
        "wechat": QCoreApplication.translate("Labels", "By WeChat"),
    }[str(code)]


def group_duty_label(code: GroupDuty | str) -> str:
    """What a working group answers for (GroupDuty value)."""
    return {
        "general": QCoreApplication.translate("Labels", "General coordination"),
        "health": QCoreApplication.translate("Labels", "Health observation"),
        "medical": QCoreApplication.translate("Labels", "Medical care"),
        "logistics": QCoreApplication.translate("Labels", "Logistics"),
        "security": QCoreApplication.translate("Labels", "Security"),
        "disinfection": QCoreApplication.translate("Labels", "Disinfection"),
        "reporting": QCoreApplication.translate("Labels", "Information and reporting"),
        "other": QCoreApplication.translate("Labels", "Other"),
    }[str(code)]


def urgency_label(code: Urgency | str) -> str:
    return {
        "normal": QCoreApplication.translate("Labels", "Normal"),
        "urgent": QCoreApplication.translate("Labels", "Urgent"),
    }[str(code)]


def batch_state_label(state: BatchState | str) -> str:
    """A planned batch's course (BatchState value)."""
    return {
        "planned": QCoreApplication.translate("Labels", "Expected"),
        "arrived": QCoreApplication.translate("Labels", "Arrived and checked in"),
        "cancelled": QCoreApplication.translate("Labels", "Called off"),
    }[str(state)]


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


def doc_type_label(doc_type: DocType | str) -> str:
    """A kind of identity document, as the arrival and edit forms offer it and the audit trail says it."""
    return {
        DocType.RESIDENT_ID: QCoreApplication.translate("Labels", "Resident ID"),
        DocType.PASSPORT: QCoreApplication.translate("Labels", "Passport"),
        DocType.HK_MACAO_TAIWAN: QCoreApplication.translate("Labels", "HK/Macao/Taiwan permit"),
        DocType.OTHER: QCoreApplication.translate("Labels", "Other"),
    }[DocType(doc_type)]


def sex_label(sex: Sex | str) -> str:
    return {
        Sex.MALE: QCoreApplication.translate("Labels", "Male"),
        Sex.FEMALE: QCoreApplication.translate("Labels", "Female"),
    }[Sex(sex)]


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
        "handover": QCoreApplication.translate("Labels", "Release hand-over list"),
        "followup-ledger": QCoreApplication.translate("Labels", "Follow-up call ledger"),
        "forecast": QCoreApplication.translate("Labels", "Room forecast"),
        "area-disinfection": QCoreApplication.translate("Labels", "Routine disinfection of public areas"),
        "supplies": QCoreApplication.translate("Labels", "Supplies ledger"),
        "care-requests": QCoreApplication.translate("Labels", "Occupants' requests"),
        "roster": QCoreApplication.translate("Labels", "Duty roster"),
    }
    assert set(titles) == set(FORMS)  # a new form gets its title here
    return titles[form]


def alert_decision_label(code: str) -> str:
    """How a fever alert is closed (models/services/observations.py ALERT_DECISIONS, "transferred")."""
    labels = {
        "recheck_normal": QCoreApplication.translate("Labels", "Recheck normal"),
        "not_fever": QCoreApplication.translate("Labels", "Observed, not a fever"),
        "transferred": QCoreApplication.translate("Labels", "Transferred to hospital"),
    }
    return labels.get(code, code)


def item_separator(language: str) -> str:
    """Between the items of a list said in one breath (names, values): "、" in Chinese, ", " in English."""
    return "、" if language.startswith("zh") else ", "


def list_separator(language: str) -> str:
    """Between sentences said one after another: "；" in Chinese, "; " in English."""
    return "；" if language.startswith("zh") else "; "


def audit_action_labels() -> dict[str, str]:
    """Every action the audit trail records (models/services: ``audit.record(…, "stay.check_in", …)``)."""
    labels = {
        "user.create": QCoreApplication.translate("Labels", "Account created"),
        "user.update": QCoreApplication.translate("Labels", "Account changed"),
        "user.login": QCoreApplication.translate("Labels", "Signed in"),
        "user.logout": QCoreApplication.translate("Labels", "Signed out"),
        "user.locked": QCoreApplication.translate("Labels", "Account locked after failed sign-ins"),
        "user.password": QCoreApplication.translate("Labels", "Password changed"),
        "user.password_reset": QCoreApplication.translate("Labels", "Password reset by an admin"),
        "setting.change": QCoreApplication.translate("Labels", "Desk setting changed"),
        "columns.remember": QCoreApplication.translate("Labels", "List columns remembered"),
        "reading.create": QCoreApplication.translate("Labels", "Temperature recorded"),
        "reading.correct": QCoreApplication.translate("Labels", "Temperature reading corrected"),
        "alert.open": QCoreApplication.translate("Labels", "Fever alert raised"),
        "alert.close": QCoreApplication.translate("Labels", "Fever alert closed"),
        "alert.reopen": QCoreApplication.translate("Labels", "Fever alert open again (departure undone)"),
        "backup.restore": QCoreApplication.translate("Labels", "Backup restore started"),
        "backup.restored": QCoreApplication.translate("Labels", "Restored from a backup"),
        "database.upgrade": QCoreApplication.translate("Labels", "Shared database upgraded"),
        "site.create": QCoreApplication.translate("Labels", "Site set up"),
        "site.threshold": QCoreApplication.translate("Labels", "Fever threshold changed"),
        "site.update": QCoreApplication.translate("Labels", "Site name or address changed"),
        "site.rule_set": QCoreApplication.translate("Labels", "Rule set switched"),
        "rule_set.copy": QCoreApplication.translate("Labels", "Rule set copied to a new draft"),
        "rule_set.update": QCoreApplication.translate("Labels", "Rule set draft saved"),
        "rule_set.delete": QCoreApplication.translate("Labels", "Rule set draft deleted"),
        "rule_set.final": QCoreApplication.translate("Labels", "Rule set put in use"),
        "rule.add": QCoreApplication.translate("Labels", "Category rule added"),
        "rule.update": QCoreApplication.translate("Labels", "Category rule changed"),
        "rule.remove": QCoreApplication.translate("Labels", "Category rule removed"),
        "person.create": QCoreApplication.translate("Labels", "Person registered"),
        "person.update": QCoreApplication.translate("Labels", "Person's details changed"),
        "person.reveal": QCoreApplication.translate("Labels", "Full ID number and phone shown"),
        "person.search": QCoreApplication.translate("Labels", "Searched by full ID number or phone"),
        "import.reveal": QCoreApplication.translate("Labels", "Import file with full ID numbers read"),
        "document.print": QCoreApplication.translate("Labels", "Form printed"),
        "room.occupied": QCoreApplication.translate("Labels", "Room occupied"),
        "room.awaiting_disinfection": QCoreApplication.translate("Labels", "Room awaiting disinfection"),
        "room.disinfected": QCoreApplication.translate("Labels", "Room disinfected"),
        "room.disinfection_correct": QCoreApplication.translate("Labels", "Disinfection record corrected"),
        "room.out_of_service": QCoreApplication.translate("Labels", "Room taken out of service"),
        "room.back_in_service": QCoreApplication.translate("Labels", "Room back in service"),
        "room.oos_ended": QCoreApplication.translate("Labels", "Room back in service: its out-of-service period ended"),
        "building.add": QCoreApplication.translate("Labels", "Building added"),
        "building.rename": QCoreApplication.translate("Labels", "Building renamed"),
        "building.retire": QCoreApplication.translate("Labels", "Building retired"),
        "floor.add": QCoreApplication.translate("Labels", "Floor added"),
        "floor.rename": QCoreApplication.translate("Labels", "Floor renamed"),
        "floor.retire": QCoreApplication.translate("Labels", "Floor retired"),
        "room.add": QCoreApplication.translate("Labels", "Room added"),
        "room.update": QCoreApplication.translate("Labels", "Room changed (number, type, beds or zone)"),
        "room.retire": QCoreApplication.translate("Labels", "Room retired"),
        "room.delete": QCoreApplication.translate("Labels", "Room deleted (never used)"),
        "stay.check_in": QCoreApplication.translate("Labels", "Checked in"),
        "stay.room_change": QCoreApplication.translate("Labels", "Moved to another room"),
        "stay.release_date": QCoreApplication.translate("Labels", "Release date changed"),
        "stay.rule_switch": QCoreApplication.translate("Labels", "Dates follow the new rule set"),
        "stay.restart": QCoreApplication.translate("Labels", "Isolation restarted (close contact of a positive case)"),
        "stay.undo_departure": QCoreApplication.translate("Labels", "Departure undone"),
        "swab.sampled": QCoreApplication.translate("Labels", "Swab taken"),
        "swab.result": QCoreApplication.translate("Labels", "Swab result recorded"),
        "swab.add": QCoreApplication.translate("Labels", "Unscheduled swab added"),
        "swab.correct": QCoreApplication.translate("Labels", "Swab result corrected"),
        "demo.build": QCoreApplication.translate("Labels", "Demo site built"),
        "community.add": QCoreApplication.translate("Labels", "Receiving community added"),
        "community.edit": QCoreApplication.translate("Labels", "Receiving community corrected"),
        "community.retire": QCoreApplication.translate("Labels", "Receiving community retired"),
        "community.delete": QCoreApplication.translate("Labels", "Receiving community removed"),
        "community.restore": QCoreApplication.translate("Labels", "Receiving community offered again"),
        "followup.call": QCoreApplication.translate("Labels", "Follow-up call recorded"),
        "followup.alert_close": QCoreApplication.translate("Labels", "Abnormal follow-up dealt with"),
        "site.followup_days": QCoreApplication.translate("Labels", "Follow-up call days changed"),
        "site.forecast_margin": QCoreApplication.translate("Labels", "Room forecast margin changed"),
        "area.add": QCoreApplication.translate("Labels", "Public area added"),
        "area.edit": QCoreApplication.translate("Labels", "Public area changed"),
        "area.retire": QCoreApplication.translate("Labels", "Public area no longer in use"),
        "area.delete": QCoreApplication.translate("Labels", "Public area removed"),
        "area.restore": QCoreApplication.translate("Labels", "Public area in use again"),
        "area.round": QCoreApplication.translate("Labels", "Routine disinfection round recorded"),
        "batch.plan": QCoreApplication.translate("Labels", "Planned batch announced"),
        "batch.edit": QCoreApplication.translate("Labels", "Planned batch changed"),
        "batch.cancel": QCoreApplication.translate("Labels", "Planned batch called off"),
        "batch.arrive": QCoreApplication.translate("Labels", "Planned batch checked in"),
        "supply.add": QCoreApplication.translate("Labels", "Supply item added"),
        "supply.edit": QCoreApplication.translate("Labels", "Supply item changed"),
        "supply.retire": QCoreApplication.translate("Labels", "Supply item no longer kept"),
        "supply.delete": QCoreApplication.translate("Labels", "Supply item removed"),
        "supply.restore": QCoreApplication.translate("Labels", "Supply item kept again"),
        "supply.in": QCoreApplication.translate("Labels", "Stock received"),
        "supply.out": QCoreApplication.translate("Labels", "Stock handed out"),
        "supply.count": QCoreApplication.translate("Labels", "Stock counted"),
        "site.report_supplies": QCoreApplication.translate("Labels", "Supplies in the daily report changed"),
        "request.open": QCoreApplication.translate("Labels", "Occupant's request taken down"),
        "request.take": QCoreApplication.translate("Labels", "Occupant's request in hand"),
        "request.done": QCoreApplication.translate("Labels", "Occupant's request done"),
        "request.refuse": QCoreApplication.translate("Labels", "Occupant's request refused"),
        "request.edit": QCoreApplication.translate("Labels", "Occupant's request changed"),
        "group.add": QCoreApplication.translate("Labels", "Working group added"),
        "group.edit": QCoreApplication.translate("Labels", "Working group changed"),
        "group.retire": QCoreApplication.translate("Labels", "Working group no longer in use"),
        "staff.add": QCoreApplication.translate("Labels", "Staff member added"),
        "staff.edit": QCoreApplication.translate("Labels", "Staff member changed"),
        "staff.retire": QCoreApplication.translate("Labels", "Staff member left the team"),
        "shift.add": QCoreApplication.translate("Labels", "Shift added"),
        "shift.edit": QCoreApplication.translate("Labels", "Shift changed"),
        "shift.retire": QCoreApplication.translate("Labels", "Shift no longer in use"),
        "duty.assign": QCoreApplication.translate("Labels", "Put on duty"),
        "duty.remove": QCoreApplication.translate("Labels", "Taken off duty"),
        "duty.copy_week": QCoreApplication.translate("Labels", "Week's roster copied"),
        "staff.reading": QCoreApplication.translate("Labels", "Staff temperature recorded"),
        "staff.alert_close": QCoreApplication.translate("Labels", "Staff temperature alert dealt with"),
    }
    for kind in DepartureKind:  # stays.depart records f"stay.{kind}"
        labels[f"stay.{kind.value}"] = departure_label(kind)
    return labels


def audit_entity_labels() -> dict[str, str]:
    """The audited records (models/services/audit_fields.py KEPT) and the actions' prefixes."""
    return {
        "app_user": QCoreApplication.translate("Labels", "Account"),
        "user": QCoreApplication.translate("Labels", "Account"),
        "person": QCoreApplication.translate("Labels", "Person"),
        "stay": QCoreApplication.translate("Labels", "Stay"),
        "room": QCoreApplication.translate("Labels", "Room"),
        "room_event": QCoreApplication.translate("Labels", "Room event"),
        "room_move": QCoreApplication.translate("Labels", "Room move"),
        "stay_date_change": QCoreApplication.translate("Labels", "Release date change"),
        "observation": QCoreApplication.translate("Labels", "Temperature reading"),
        "reading": QCoreApplication.translate("Labels", "Temperature reading"),
        "fever_alert": QCoreApplication.translate("Labels", "Fever alert"),
        "alert": QCoreApplication.translate("Labels", "Fever alert"),
        "swab_test": QCoreApplication.translate("Labels", "Swab"),
        "swab": QCoreApplication.translate("Labels", "Swab"),
        "site": QCoreApplication.translate("Labels", "Site"),
        "building": QCoreApplication.translate("Labels", "Building"),
        "floor": QCoreApplication.translate("Labels", "Floor"),
        "rule_set": QCoreApplication.translate("Labels", "Rule set"),
        "category_rule": QCoreApplication.translate("Labels", "Category rule"),
        "category": QCoreApplication.translate("Labels", "Category"),
        "setting": QCoreApplication.translate("Labels", "Desk setting"),
        "backup": QCoreApplication.translate("Labels", "Backup"),
        "import": QCoreApplication.translate("Labels", "Import"),
        "document": QCoreApplication.translate("Labels", "Form"),
        "demo": QCoreApplication.translate("Labels", "Demo"),
        "community": QCoreApplication.translate("Labels", "Receiving community"),
        "follow_up": QCoreApplication.translate("Labels", "Follow-up call"),
        "followup": QCoreApplication.translate("Labels", "Follow-up call"),
        "planned_batch": QCoreApplication.translate("Labels", "Planned batch"),
        "batch": QCoreApplication.translate("Labels", "Planned batch"),
        "public_area": QCoreApplication.translate("Labels", "Public area"),
        "area": QCoreApplication.translate("Labels", "Public area"),
        "area_round": QCoreApplication.translate("Labels", "Routine disinfection round"),
        "supply_item": QCoreApplication.translate("Labels", "Supply item"),
        "supply": QCoreApplication.translate("Labels", "Supply item"),
        "supply_move": QCoreApplication.translate("Labels", "Stock movement"),
        "care_request": QCoreApplication.translate("Labels", "Occupant's request"),
        "request": QCoreApplication.translate("Labels", "Occupant's request"),
        "work_group": QCoreApplication.translate("Labels", "Working group"),
        "group": QCoreApplication.translate("Labels", "Working group"),
        "staff_member": QCoreApplication.translate("Labels", "Staff member"),
        "staff": QCoreApplication.translate("Labels", "Staff member"),
        "shift": QCoreApplication.translate("Labels", "Shift"),
        "duty_slot": QCoreApplication.translate("Labels", "Duty"),
        "duty": QCoreApplication.translate("Labels", "Duty"),
        "staff_reading": QCoreApplication.translate("Labels", "Staff temperature"),
    }


def zone_label(code: str) -> str:
    """三区 of a room (models/store/orm/site.py ZONES)."""
    return {
        "contaminated": QCoreApplication.translate("Labels", "Contaminated zone"),
        "buffer": QCoreApplication.translate("Labels", "Buffer zone"),
        "clean": QCoreApplication.translate("Labels", "Clean zone"),
    }.get(code, code)


def room_type_label(code: RoomType | str) -> str:
    """A room's type, as the audit trail and the layout editor say it."""
    return {
        RoomType.SINGLE.value: QCoreApplication.translate("Labels", "Single"),
        RoomType.DOUBLE.value: QCoreApplication.translate("Labels", "Double"),
        RoomType.ACCESSIBLE.value: QCoreApplication.translate("Labels", "Accessible"),
    }.get(str(code), str(code))


def audit_field_labels() -> dict[str, str]:
    """Every audited field (models/services/audit_fields.py KEPT; a test compares the two)."""
    return {
        "id": QCoreApplication.translate("Labels", "Record number"),
        "username": QCoreApplication.translate("Labels", "User name"),
        "display_name": QCoreApplication.translate("Labels", "Display name"),
        "role": QCoreApplication.translate("Labels", "Role"),
        "active": QCoreApplication.translate("Labels", "Active"),
        "failed_logins": QCoreApplication.translate("Labels", "Failed sign-ins"),
        "locked_until": QCoreApplication.translate("Labels", "Locked until"),
        "name": QCoreApplication.translate("Labels", "Name"),
        "name_pinyin": QCoreApplication.translate("Labels", "Name in pinyin"),
        "sex": QCoreApplication.translate("Labels", "Sex"),
        "birth_date": QCoreApplication.translate("Labels", "Date of birth"),
        "doc_type": QCoreApplication.translate("Labels", "Document type"),
        "doc_number": QCoreApplication.translate("Labels", "Document number"),
        "phone": QCoreApplication.translate("Labels", "Phone"),
        "address": QCoreApplication.translate("Labels", "Address"),
        "origin": QCoreApplication.translate("Labels", "Coming from"),
        "emergency_contact": QCoreApplication.translate("Labels", "Emergency contact"),
        "emergency_phone": QCoreApplication.translate("Labels", "Emergency phone"),
        "special_needs": QCoreApplication.translate("Labels", "Special needs"),
        "notes": QCoreApplication.translate("Labels", "Notes"),
        "version": QCoreApplication.translate("Labels", "Version"),
        "person_id": QCoreApplication.translate("Labels", "Person"),
        "room_id": QCoreApplication.translate("Labels", "Room"),
        "bed": QCoreApplication.translate("Labels", "Bed"),
        "category_code": QCoreApplication.translate("Labels", "Category"),
        "rule_set_id": QCoreApplication.translate("Labels", "Rule set"),
        "last_exposure": QCoreApplication.translate("Labels", "Last exposure"),
        "arrived_at": QCoreApplication.translate("Labels", "Arrived at"),
        "arrival_day": QCoreApplication.translate("Labels", "Arrival day"),
        "day_one": QCoreApplication.translate("Labels", "Day one"),
        "planned_release": QCoreApplication.translate("Labels", "Planned release"),
        "home_until": QCoreApplication.translate("Labels", "Home phases until"),
        "restart_day": QCoreApplication.translate("Labels", "Restarted on"),
        "manual_days": QCoreApplication.translate("Labels", "Days changed by hand"),
        "retired_on": QCoreApplication.translate("Labels", "Retired on"),
        "draft": QCoreApplication.translate("Labels", "Draft"),
        "based_on_id": QCoreApplication.translate("Labels", "Copied from"),
        "days_home_isolation": QCoreApplication.translate("Labels", "Days of home isolation"),
        "home_isolation_swab_days": QCoreApplication.translate("Labels", "Swab days in home isolation"),
        "unscheduled": QCoreApplication.translate("Labels", "Unscheduled"),
        "weak": QCoreApplication.translate("Labels", "Weak positive"),
        "ct_values": QCoreApplication.translate("Labels", "Ct values"),
        "header": QCoreApplication.translate("Labels", "Column header"),
        "field": QCoreApplication.translate("Labels", "Field"),
        "saved_at": QCoreApplication.translate("Labels", "Saved at"),
        "departed_at": QCoreApplication.translate("Labels", "Left at"),
        "departure_kind": QCoreApplication.translate("Labels", "Departure"),
        "departure_reason": QCoreApplication.translate("Labels", "Reason for leaving"),
        "departure_destination": QCoreApplication.translate("Labels", "Destination"),
        "release_override": QCoreApplication.translate("Labels", "Early release approved by"),
        "shares_with_id": QCoreApplication.translate("Labels", "Shares the room with"),
        "companion_reason": QCoreApplication.translate("Labels", "Reason for sharing"),
        "floor_id": QCoreApplication.translate("Labels", "Floor"),
        "number": QCoreApplication.translate("Labels", "Room number"),
        "sort": QCoreApplication.translate("Labels", "Order"),
        "room_type": QCoreApplication.translate("Labels", "Room type"),
        "beds": QCoreApplication.translate("Labels", "Beds"),
        "zone": QCoreApplication.translate("Labels", "Zone"),
        "state": QCoreApplication.translate("Labels", "State"),
        "oos_reason": QCoreApplication.translate("Labels", "Out-of-service reason"),
        "oos_from": QCoreApplication.translate("Labels", "Out of service from"),
        "oos_until": QCoreApplication.translate("Labels", "Out of service until"),
        "kind": QCoreApplication.translate("Labels", "Event"),
        "at": QCoreApplication.translate("Labels", "Time"),
        "previous_stay_id": QCoreApplication.translate("Labels", "Previous stay"),
        "agent": QCoreApplication.translate("Labels", "Disinfectant"),
        "concentration": QCoreApplication.translate("Labels", "Concentration"),
        "done_by": QCoreApplication.translate("Labels", "Done by"),
        "checked_by": QCoreApplication.translate("Labels", "Checked by"),
        "reason": QCoreApplication.translate("Labels", "Reason"),
        "from_date": QCoreApplication.translate("Labels", "From"),
        "until_date": QCoreApplication.translate("Labels", "Until"),
        "user_id": QCoreApplication.translate("Labels", "User"),
        "stay_id": QCoreApplication.translate("Labels", "Stay"),
        "from_room_id": QCoreApplication.translate("Labels", "From room"),
        "to_room_id": QCoreApplication.translate("Labels", "To room"),
        "old_release": QCoreApplication.translate("Labels", "Old release date"),
        "new_release": QCoreApplication.translate("Labels", "New release date"),
        "day": QCoreApplication.translate("Labels", "Day"),
        "slot": QCoreApplication.translate("Labels", "Round"),
        "taken_at": QCoreApplication.translate("Labels", "Taken at"),
        "temperature": QCoreApplication.translate("Labels", "Temperature"),
        "not_measured_reason": QCoreApplication.translate("Labels", "Not measured because"),
        "symptoms": QCoreApplication.translate("Labels", "Symptoms"),
        "taken_by": QCoreApplication.translate("Labels", "Taken by"),
        "recheck_of_id": QCoreApplication.translate("Labels", "Recheck of"),
        "observation_id": QCoreApplication.translate("Labels", "Reading"),
        "opened_at": QCoreApplication.translate("Labels", "Raised at"),
        "closed_at": QCoreApplication.translate("Labels", "Closed at"),
        "resolution": QCoreApplication.translate("Labels", "Resolution"),
        "note": QCoreApplication.translate("Labels", "Note"),
        "closed_by_id": QCoreApplication.translate("Labels", "Closed by"),
        "planned_day": QCoreApplication.translate("Labels", "Planned day"),
        "planned_date": QCoreApplication.translate("Labels", "Planned date"),
        "sampled_at": QCoreApplication.translate("Labels", "Sampled at"),
        "sampled_by": QCoreApplication.translate("Labels", "Sampled by"),
        "result": QCoreApplication.translate("Labels", "Result"),
        "result_at": QCoreApplication.translate("Labels", "Result at"),
        "lab": QCoreApplication.translate("Labels", "Laboratory"),
        "timezone": QCoreApplication.translate("Labels", "Time zone"),
        "fever_threshold": QCoreApplication.translate("Labels", "Fever threshold"),
        "rule_set_since": QCoreApplication.translate("Labels", "Rule set since"),
        "community_id": QCoreApplication.translate("Labels", "Receiving community"),
        "transport": QCoreApplication.translate("Labels", "Transport"),
        "street": QCoreApplication.translate("Labels", "Street"),
        "contact": QCoreApplication.translate("Labels", "Contact person"),
        "followup_days": QCoreApplication.translate("Labels", "Follow-up call days"),
        "forecast_margin": QCoreApplication.translate("Labels", "Room forecast margin"),
        "rounds_per_day": QCoreApplication.translate("Labels", "Rounds a day"),
        "area_id": QCoreApplication.translate("Labels", "Area"),
        "done_at": QCoreApplication.translate("Labels", "Done at"),
        "planned_batch_id": QCoreApplication.translate("Labels", "Planned batch"),
        "expected_at": QCoreApplication.translate("Labels", "Expected at"),
        "people": QCoreApplication.translate("Labels", "People"),
        "rooms": QCoreApplication.translate("Labels", "Rooms needed"),
        "source": QCoreApplication.translate("Labels", "Source"),
        "list_name": QCoreApplication.translate("Labels", "Transfer list"),
        "announced_at": QCoreApplication.translate("Labels", "Announced at"),
        "cancel_reason": QCoreApplication.translate("Labels", "Why called off"),
        "home_day": QCoreApplication.translate("Labels", "Day of home monitoring"),
        "called_at": QCoreApplication.translate("Labels", "Called at"),
        "reached": QCoreApplication.translate("Labels", "Reached"),
        "home_test": QCoreApplication.translate("Labels", "Home test"),
        "called_by": QCoreApplication.translate("Labels", "Called by"),
        "abnormal": QCoreApplication.translate("Labels", "Abnormal"),
        "alert_state": QCoreApplication.translate("Labels", "Alert"),
        "alert_closed_at": QCoreApplication.translate("Labels", "Alert closed at"),
        "alert_note": QCoreApplication.translate("Labels", "What was done"),
        "site_id": QCoreApplication.translate("Labels", "Site"),
        "building_id": QCoreApplication.translate("Labels", "Building"),
        "level": QCoreApplication.translate("Labels", "Level"),
        "effective_from": QCoreApplication.translate("Labels", "In force from"),
        "days_central": QCoreApplication.translate("Labels", "Days at the site"),
        "days_home": QCoreApplication.translate("Labels", "Days of home health monitoring"),
        "swab_days": QCoreApplication.translate("Labels", "Swab days"),
        "home_swab_days": QCoreApplication.translate("Labels", "Swab days in home health monitoring"),
        "count_from": QCoreApplication.translate("Labels", "Counted from"),
        "code": QCoreApplication.translate("Labels", "Code"),
        "name_zh": QCoreApplication.translate("Labels", "Chinese name"),
        "name_en": QCoreApplication.translate("Labels", "English name"),
        "category": QCoreApplication.translate("Labels", "Kind of supply"),
        "unit": QCoreApplication.translate("Labels", "Unit"),
        "min_stock": QCoreApplication.translate("Labels", "Minimum stock"),
        "basis": QCoreApplication.translate("Labels", "Use counted"),
        "per_person_day": QCoreApplication.translate("Labels", "Use per person a day"),
        "stock": QCoreApplication.translate("Labels", "In stock"),
        "item_id": QCoreApplication.translate("Labels", "Supply item"),
        "delta": QCoreApplication.translate("Labels", "Change"),
        "counted": QCoreApplication.translate("Labels", "Counted"),
        "party": QCoreApplication.translate("Labels", "From / to"),
        "lot": QCoreApplication.translate("Labels", "Lot"),
        "report_supplies": QCoreApplication.translate("Labels", "Supplies in the daily report"),
        "text": QCoreApplication.translate("Labels", "Request"),
        "urgency": QCoreApplication.translate("Labels", "Urgency"),
        "channel": QCoreApplication.translate("Labels", "Came in"),
        "opened_by": QCoreApplication.translate("Labels", "Taken down by"),
        "handler": QCoreApplication.translate("Labels", "Handled by"),
        "closed_by": QCoreApplication.translate("Labels", "Closed by"),
        "outcome": QCoreApplication.translate("Labels", "Outcome"),
        "duty": QCoreApplication.translate("Labels", "Answers for"),
        "group_id": QCoreApplication.translate("Labels", "Working group"),
        "title": QCoreApplication.translate("Labels", "Title"),
        "closed_loop": QCoreApplication.translate("Labels", "Closed-loop management"),
        "starts": QCoreApplication.translate("Labels", "Starts at"),
        "hours": QCoreApplication.translate("Labels", "Hours"),
        "staff_id": QCoreApplication.translate("Labels", "Staff member"),
        "shift_id": QCoreApplication.translate("Labels", "Shift"),
    }


def audit_value_labels(
    categories: Mapping[str, str], communities: Mapping[str, str] | None = None
) -> dict[str, dict[str, str]]:
    """The words of the coded values an audited field holds (``categories``: code -> name; ``communities``:
    a receiving community's id, as text -> its street and name)."""
    from models.rules.not_measured import NOT_MEASURED_REASONS

    states = {s.value: state_label(s) for s in RoomState}
    states |= {
        AlertState.OPEN.value: QCoreApplication.translate("Labels", "Open"),
        AlertState.CLOSED.value: QCoreApplication.translate("Labels", "Closed"),
    }
    states |= {s.value: batch_state_label(s) for s in BatchState}  # a planned batch's
    states |= {s.value: request_state_label(s) for s in RequestState}  # an occupant's request's
    return {
        "state": states,
        "alert_state": states,
        "home_test": {t.value: home_test_label(t.value) for t in HomeTest},
        "community_id": dict(communities or {}),
        "departure_kind": {k.value: departure_label(k) for k in DepartureKind},
        "result": {r.value: swab_result_label(r.value) for r in SwabResult},
        "doc_type": {d.value: doc_type_label(d) for d in DocType},
        "category_code": dict(categories),
        "sex": {x.value: sex_label(x) for x in Sex},
        "role": {r.value: role_label(r) for r in Role},
        "slot": {
            Slot.MORNING.value: QCoreApplication.translate("Labels", "Morning round"),
            Slot.EVENING.value: QCoreApplication.translate("Labels", "Evening round"),
        },
        "symptoms": {c: symptom_label(c) for c in SYMPTOMS},
        # in the notes (audit_note_labels): the form printed, what a search was by
        "note_form": {f: form_title(f) for f in FORMS},
        "note_kind": {
            "doc": QCoreApplication.translate("Labels", "ID number"),
            "phone": QCoreApplication.translate("Labels", "mobile number"),
        },
        "not_measured_reason": {
            c: {
                "asleep": QCoreApplication.translate("Labels", "Asleep"),
                "refused": QCoreApplication.translate("Labels", "Refused"),
                "transfer": QCoreApplication.translate("Labels", "Out for transfer"),
            }[c]
            for c in NOT_MEASURED_REASONS
        },
        "kind": {
            RoomEventKind.DISINFECTED.value: QCoreApplication.translate("Labels", "Disinfected"),
            RoomEventKind.OUT_OF_SERVICE.value: state_label(RoomState.OUT_OF_SERVICE),
            RoomEventKind.BACK_IN_SERVICE.value: QCoreApplication.translate("Labels", "Back in service"),
            # a stay's date change (stay_date_change.kind)
            "manual": QCoreApplication.translate("Labels", "Changed by hand"),
            "restart": QCoreApplication.translate("Labels", "Restart after a positive case"),
            "rule_switch": QCoreApplication.translate("Labels", "Rule set switch"),
            # a public area's (public_area.kind)
            **{k.value: area_kind_label(k) for k in AreaKind},
            # a stock movement's (supply_move.kind), an occupant's request's (care_request.kind)
            **{k.value: move_kind_label(k) for k in MoveKind},
            **{k.value: request_kind_label(k) for k in RequestKind},
        },
        "category": {c.value: supply_category_label(c) for c in SupplyCategory},
        "basis": {b.value: use_basis_label(b) for b in UseBasis},
        "urgency": {u.value: urgency_label(u) for u in Urgency},
        "channel": {c.value: request_channel_label(c) for c in RequestChannel},
        "duty": {d.value: group_duty_label(d) for d in GroupDuty},
        "zone": {z: zone_label(z) for z in ZONES},
        "room_type": {t.value: room_type_label(t) for t in RoomType},
        "companion_reason": {
            CompanionReason.CHILD.value: QCoreApplication.translate("Labels", "Child under 14"),
            CompanionReason.PREGNANT.value: QCoreApplication.translate("Labels", "Pregnant"),
            CompanionReason.DEPENDENT.value: QCoreApplication.translate("Labels", "Dependent, needs a carer"),
            CompanionReason.FAMILY.value: QCoreApplication.translate("Labels", "Family, chosen by the desk"),
        },
        "count_from": {
            CountFrom.EXPOSURE.value: QCoreApplication.translate("Labels", "Last exposure"),
            CountFrom.ARRIVAL.value: QCoreApplication.translate("Labels", "Arrival"),
        },
        "resolution": {
            "departed": QCoreApplication.translate("Labels", "Closed: the person left"),  # stays.depart closes it
            "recheck_normal": QCoreApplication.translate("Labels", "Recheck normal"),
            "not_fever": QCoreApplication.translate("Labels", "Observed, not a fever"),
            "decision": QCoreApplication.translate("Labels", "Closed by a decision"),  # before decisions had codes
        },
    }


def audit_words(categories: Mapping[str, str], communities: Mapping[str, str] | None = None) -> AuditWords:
    """The audit trail's words in the UI's language, as plain data (the export runs in the background)."""
    headers = (
        QCoreApplication.translate("Labels", "No."),
        QCoreApplication.translate("Labels", "Time"),
        QCoreApplication.translate("Labels", "User"),
        QCoreApplication.translate("Labels", "Action"),
        QCoreApplication.translate("Labels", "Record"),
        QCoreApplication.translate("Labels", "Record number"),
        QCoreApplication.translate("Labels", "Person"),
        QCoreApplication.translate("Labels", "Room"),
        QCoreApplication.translate("Labels", "Changes"),
        QCoreApplication.translate("Labels", "Before"),
        QCoreApplication.translate("Labels", "After"),
        QCoreApplication.translate("Labels", "Note"),
    )
    return AuditWords(
        headers=headers,
        actions=audit_action_labels(),
        entities=audit_entity_labels(),
        fields=audit_field_labels(),
        values=audit_value_labels(categories, communities),
        yes=QCoreApplication.translate("Labels", "Yes"),
        no=QCoreApplication.translate("Labels", "No"),
        none="—",
        separator=QCoreApplication.translate("Labels", "; "),
        colon=QCoreApplication.translate("Labels", ": "),
        notes=audit_note_labels(),
    )


def audit_note_labels() -> dict[str, str]:
    """The audit notes the services write (models/reads/audit_log.py NOTE_SHAPES), in words: {groups} of the
    shape; a form's code and the kind of a search are said by the values ``note_form`` / ``note_kind``."""
    return {
        "document.print": QCoreApplication.translate("Labels", "{form} (stay #{stay})"),
        "person.search": QCoreApplication.translate("Labels", "searched by {kind} {value}: {found} found"),
        "import.reveal": QCoreApplication.translate("Labels", "full ID numbers of {file} shown ({rows} rows)"),
        "demo.build": QCoreApplication.translate("Labels", "demo site: {rooms} rooms, {days} days of history"),
        "user.locked": QCoreApplication.translate("Labels", "{n} failed logins in a row"),
        "backup.restore": QCoreApplication.translate("Labels", "restored from {file}"),
        "backup.restored": QCoreApplication.translate(
            "Labels", "restored from {file} by {by}; the database replaced is kept as {replaced}"
        ),
        "stay.restart": QCoreApplication.translate("Labels", "positive case (stay #{stay})"),
        "stay.rule_switch": QCoreApplication.translate("Labels", "{name} from {day}"),
        "setting.change": QCoreApplication.translate("Labels", "{key}: {before} → {after}"),
        "columns.remember": QCoreApplication.translate(
            "Labels", "the columns of the lists from {source}: {columns} kept ({map}; before: {was})"
        ),
        "database.upgrade": QCoreApplication.translate("Labels", "schema {before} → {after}, by IsoDesk {version}"),
        "batch.arrive": QCoreApplication.translate("Labels", "{arrived} people checked in with it"),
        "duty.copy_week": QCoreApplication.translate(
            "Labels", "the roster of the week from {first} copied to the week from {to}: {made} duties made"
        ),
    }
