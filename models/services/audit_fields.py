"""What an audit entry may keep of each entity: an allow-list, so a secret never enters the trail.

Every column of every audited entity is named here, either kept (``KEPT``, identifiers masked as
``MASKED`` says) or left out on purpose (``LEFT_OUT``); ``tests/test_audit_trail.py`` fails when a
column is in neither, so a new column is a decision, not an accident. A password hash never enters;
a full ID number or phone never does either (the audited reveal shows them, models/reads/audit_log.py).
"""

from __future__ import annotations

from collections.abc import Callable

from models.rules.identity import mask_id, mask_phone

KEPT: dict[str, frozenset[str]] = {
    "app_user": frozenset({"id", "username", "display_name", "role", "active", "failed_logins", "locked_until"}),
    "person": frozenset(
        {
            "id", "name", "name_pinyin", "sex", "birth_date", "doc_type", "doc_number", "phone", "address",
            "origin", "emergency_contact", "emergency_phone", "special_needs", "notes", "version",
        }
    ),
    "stay": frozenset(
        {
            "id", "person_id", "room_id", "bed", "category_code", "rule_set_id", "last_exposure", "arrived_at",
            "arrival_day", "day_one", "planned_release", "home_until", "departed_at", "departure_kind",
            "departure_reason", "departure_destination", "release_override", "shares_with_id",
            "companion_reason", "notes", "restart_day", "manual_days", "community_id", "transport",
            "planned_batch_id", "version",
        }
    ),
    "room": frozenset(
        {"id", "floor_id", "number", "sort", "room_type", "beds", "zone", "state", "oos_reason", "oos_from",
         "oos_until", "retired_on", "version"}
    ),
    "room_event": frozenset(
        {"id", "room_id", "kind", "at", "previous_stay_id", "agent", "concentration", "done_by", "checked_by",
         "reason", "from_date", "until_date", "user_id"}
    ),
    "room_move": frozenset({"id", "stay_id", "at", "from_room_id", "to_room_id", "reason", "user_id"}),
    "stay_date_change": frozenset({"id", "stay_id", "at", "old_release", "new_release", "reason", "user_id", "kind"}),
    "observation": frozenset(
        {"id", "stay_id", "day", "slot", "taken_at", "temperature", "not_measured_reason", "symptoms", "taken_by",
         "recheck_of_id", "user_id", "version"}
    ),
    "fever_alert": frozenset(
        {"id", "stay_id", "observation_id", "opened_at", "state", "closed_at", "resolution", "note",
         "closed_by_id", "version"}
    ),
    "swab_test": frozenset(
        {"id", "stay_id", "planned_day", "planned_date", "sampled_at", "sampled_by", "result", "result_at", "lab",
         "weak", "ct_values", "unscheduled", "reason", "version"}
    ),
    "site": frozenset(
        {"id", "name", "address", "timezone", "fever_threshold", "rule_set_id", "rule_set_since", "followup_days",
         "forecast_margin", "report_supplies", "version"}
    ),
    "building": frozenset({"id", "site_id", "name", "sort", "retired_on"}),
    "floor": frozenset({"id", "building_id", "level", "name", "sort", "retired_on"}),
    "rule_set": frozenset({"id", "name", "effective_from", "notes", "draft", "based_on_id"}),
    "category_rule": frozenset(
        {"id", "rule_set_id", "category_code", "days_central", "days_home", "swab_days", "home_swab_days",
         "count_from", "days_home_isolation", "home_isolation_swab_days"}
    ),
    "category": frozenset({"code", "name_zh", "name_en", "sort"}),
    "community": frozenset({"id", "street", "name", "contact", "phone", "retired_on", "version"}),
    "follow_up": frozenset(
        {"id", "stay_id", "home_day", "called_at", "reached", "temperature", "symptoms", "home_test", "note",
         "called_by", "abnormal", "alert_state", "alert_closed_at", "alert_note", "user_id", "version"}
    ),
    "planned_batch": frozenset(
        {"id", "expected_at", "people", "rooms", "category_code", "source", "note", "list_name", "state",
         "announced_at", "closed_at", "cancel_reason", "user_id", "version"}
    ),
    "public_area": frozenset({"id", "name", "kind", "rounds_per_day", "sort", "retired_on", "version"}),
    "area_round": frozenset(
        {"id", "area_id", "done_at", "agent", "concentration", "done_by", "checked_by", "note", "user_id"}
    ),
    "column_map": frozenset({"id", "source", "header", "field", "saved_at", "user_id"}),
    "supply_item": frozenset(
        {"id", "name", "category", "unit", "min_stock", "basis", "per_person_day", "stock", "sort", "retired_on",
         "version"}
    ),
    "supply_move": frozenset(
        {"id", "item_id", "at", "kind", "delta", "counted", "party", "lot", "done_by", "note", "user_id"}
    ),
    "care_request": frozenset(
        {"id", "stay_id", "kind", "text", "urgency", "channel", "state", "opened_at", "opened_by", "taken_at",
         "taken_by", "handler", "closed_at", "closed_by", "outcome", "version"}
    ),
    "work_group": frozenset({"id", "name", "duty", "sort", "retired_on", "version"}),
    "staff_member": frozenset({"id", "name", "group_id", "title", "phone", "closed_loop", "retired_on", "version"}),
    "shift": frozenset({"id", "name", "starts", "hours", "sort", "retired_on", "version"}),
    "duty_slot": frozenset({"id", "staff_id", "day", "shift_id", "user_id"}),
    "staff_reading": frozenset(
        {"id", "staff_id", "day", "slot", "temperature", "taken_at", "symptoms", "alert_state", "alert_closed_at",
         "alert_note", "user_id", "version"}
    ),
}  # fmt: skip

LEFT_OUT: dict[str, frozenset[str]] = {
    "app_user": frozenset({"password_hash"}),  # a secret: never in the trail, nor in its export
    "schema_release": frozenset({"revision", "version", "upgraded_at"}),  # written by the upgrade, never by a user
    # derived from the person's name (models/rules/search_keys.py), never written on its own: the name is audited
    "person_key": frozenset({"key", "person_id"}),
    # the transfer list as it came (names, IDs, phones): its file name is kept, never its content
    "planned_batch": frozenset({"list_data"}),
}

# kept, but only masked: the full value is shown through the audited reveal, never from the trail
MASKED: dict[tuple[str, str], Callable[[str], str]] = {
    ("person", "doc_number"): mask_id,
    ("person", "phone"): mask_phone,
    ("person", "emergency_phone"): mask_phone,
    ("community", "phone"): mask_phone,  # a community worker's phone: a person's number all the same
    ("staff_member", "phone"): mask_phone,  # a staff member's own number
}
