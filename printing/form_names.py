"""The printable forms' names, as the command line and the app call them (no heavy imports here)."""

FORMS = (
    "arrival-pack",
    "daily-sheets",
    "registration",
    "notice",
    "release-notices",
    "temperature-record",
    "door-cards",
    "daily-report",
    "disinfection",
    "ledger",
)
