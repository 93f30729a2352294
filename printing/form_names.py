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
    "arrival-receipt",
    "arrival-batch",
    "handover",
    "followup-ledger",
    "forecast",
    "area-disinfection",
    "supplies",
    "care-requests",
    "roster",
)

# the forms that print a person's full ID number (the authorities need it on paper): printing one is
# recorded in the audit trail, per person, and needs a role that may see full identifiers
# (tests/test_printing.py checks this list against what each form really prints)
FULL_IDENTIFIER_FORMS = frozenset({"arrival-pack", "registration", "release-notices", "arrival-batch", "handover"})

# a bus's paper in one print job: each person's registration form and notice, the door cards, and the
# hand-over list the transfer team signs (``arrival-receipt``), for the stays given and nobody else
BATCH_PARTS = ("arrival-pack", "door-cards", "arrival-receipt")
