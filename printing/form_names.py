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
    "release-ledger",
    "transfer-ledger",
)

# the forms that print a person's full ID number (the authorities need it on paper): printing one is
# recorded in the audit trail, per person, and needs a role that may see full identifiers
# (tests/test_printing.py checks this list against what each form really prints)
FULL_IDENTIFIER_FORMS = frozenset({"arrival-pack", "registration", "release-notices"})
