"""rule-set phases and drafts, decisions kept per stay, retired rooms, zone codes, unscheduled swabs

Schema:

- ``category_rule`` gains a home-isolation phase (``days_home_isolation``, ``home_isolation_swab_days``)
  between centralized isolation and home health monitoring (14+7+7 is central + home isolation + home
  monitoring). Existing rules have none (0 days).
- ``rule_set.draft`` and ``rule_set.based_on_id``: a rule set is edited only while it is a draft; the
  existing ones are in use or have been, so they are final.
- ``stay.restart_day`` and ``stay.manual_days``: the decisions about one person that a switch of rule set
  keeps (an outbreak restart's new day 1; the days added or taken by hand since). ``stay_date_change.kind``
  tells a person's decision (manual) from a restart and a rule switch.
- ``building``, ``floor`` and ``room`` gain ``retired_on``: a room with history is retired, never deleted.
- ``room.zone`` holds a code (contaminated / buffer / clean) instead of the label the wizard wrote (污染区).
- ``swab_test.unscheduled`` and ``swab_test.reason``: a swab medical staff add outside the plan.

Data: the kinds of the stored date changes are read from the reasons the app wrote (规则切换 …, 密接阳性 …);
a stay that was restarted gets its restart day (the day after the new last exposure, in the site's time
zone) as day 1; the manual days are the sum of the manual changes since the last restart.

Revision ID: 9908979806ae
Revises: 9488095077fd
Create Date: 2026-12-01 16:14:57.007828
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from alembic import op

revision: str = '9908979806ae'
down_revision: str | None = '9488095077fd'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ZONE_CODES = {"污染区": "contaminated", "潜在污染区": "buffer", "缓冲区": "buffer", "清洁区": "clean",
              "contaminated": "contaminated", "buffer": "buffer", "clean": "clean"}  # fmt: skip
ZONE_LABELS = {"contaminated": "污染区", "buffer": "缓冲区", "clean": "清洁区"}

room = sa.table("room", sa.column("id", sa.Integer), sa.column("zone", sa.String))
change = sa.table(
    "stay_date_change",
    sa.column("id", sa.Integer),
    sa.column("stay_id", sa.Integer),
    sa.column("at", sa.DateTime),
    sa.column("old_release", sa.Date),
    sa.column("new_release", sa.Date),
    sa.column("reason", sa.String),
    sa.column("kind", sa.String),
)
stay = sa.table(
    "stay",
    sa.column("id", sa.Integer),
    sa.column("last_exposure", sa.DateTime),
    sa.column("day_one", sa.Date),
    sa.column("restart_day", sa.Date),
    sa.column("manual_days", sa.Integer),
)


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def upgrade() -> None:
    with op.batch_alter_table('building', schema=None) as batch_op:
        batch_op.add_column(sa.Column('retired_on', sa.Date(), nullable=True))

    with op.batch_alter_table('category_rule', schema=None) as batch_op:
        batch_op.add_column(sa.Column('days_home_isolation', sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(
            sa.Column('home_isolation_swab_days', sa.String(length=100), nullable=False, server_default="")
        )
        batch_op.create_check_constraint(
            'days_home_isolation_range', 'days_home_isolation >= 0 AND days_home_isolation <= 60'
        )
    with op.batch_alter_table('category_rule', schema=None) as batch_op:
        batch_op.alter_column('days_home_isolation', server_default=None)
        batch_op.alter_column('home_isolation_swab_days', server_default=None)

    with op.batch_alter_table('floor', schema=None) as batch_op:
        batch_op.add_column(sa.Column('retired_on', sa.Date(), nullable=True))

    conn = op.get_bind()
    for room_id, zone in conn.execute(sa.select(room.c.id, room.c.zone)).all():
        code = ZONE_CODES.get((zone or "").strip(), "contaminated")
        if code != zone:
            conn.execute(room.update().where(room.c.id == room_id).values(zone=code))
    with op.batch_alter_table('room', schema=None) as batch_op:
        batch_op.add_column(sa.Column('retired_on', sa.Date(), nullable=True))
        batch_op.create_check_constraint('zone_code', "zone IN ('contaminated', 'buffer', 'clean')")
        batch_op.create_check_constraint('retired_not_occupied', "retired_on IS NULL OR state <> 'occupied'")

    with op.batch_alter_table('rule_set', schema=None) as batch_op:
        batch_op.add_column(sa.Column('draft', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('based_on_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_rule_set_based_on_id_rule_set'), 'rule_set', ['based_on_id'], ['id'])
    with op.batch_alter_table('rule_set', schema=None) as batch_op:
        batch_op.alter_column('draft', server_default=None)

    with op.batch_alter_table('stay', schema=None) as batch_op:
        batch_op.add_column(sa.Column('restart_day', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('manual_days', sa.Integer(), nullable=False, server_default="0"))
    with op.batch_alter_table('stay', schema=None) as batch_op:
        batch_op.alter_column('manual_days', server_default=None)

    with op.batch_alter_table('stay_date_change', schema=None) as batch_op:
        batch_op.add_column(sa.Column('kind', sa.String(length=20), nullable=False, server_default="manual"))
    conn.execute(change.update().where(change.c.reason.like("规则切换%")).values(kind="rule_switch"))
    conn.execute(change.update().where(change.c.reason.like("密接阳性%")).values(kind="restart"))
    with op.batch_alter_table('stay_date_change', schema=None) as batch_op:
        batch_op.alter_column('kind', server_default=None)
        batch_op.create_check_constraint('date_change_kind', "kind IN ('manual', 'restart', 'rule_switch')")

    with op.batch_alter_table('swab_test', schema=None) as batch_op:
        batch_op.add_column(sa.Column('unscheduled', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('reason', sa.String(length=200), nullable=True))
    with op.batch_alter_table('swab_test', schema=None) as batch_op:
        batch_op.alter_column('unscheduled', server_default=None)

    tz_name = conn.execute(sa.text("SELECT timezone FROM site ORDER BY id LIMIT 1")).scalar() or "Asia/Shanghai"
    zone = ZoneInfo(tz_name)
    per_stay: dict[int, list[tuple[str, date, date]]] = {}
    for stay_id, kind, old, new in conn.execute(
        sa.select(change.c.stay_id, change.c.kind, change.c.old_release, change.c.new_release).order_by(
            change.c.at, change.c.id
        )
    ):
        per_stay.setdefault(stay_id, []).append((kind, old, new))
    for stay_id, changes in per_stay.items():
        manual = 0
        restarted = False
        for kind, old, new in changes:
            if kind == "restart":
                manual, restarted = 0, True
            elif kind == "manual":
                manual += (new - old).days
        values: dict[str, object] = {"manual_days": manual}
        if restarted:
            exposure = conn.execute(sa.select(stay.c.last_exposure).where(stay.c.id == stay_id)).scalar()
            if exposure is not None:
                restart_day = _utc(exposure).astimezone(zone).date() + timedelta(days=1)
                values.update(restart_day=restart_day, day_one=restart_day)
        conn.execute(stay.update().where(stay.c.id == stay_id).values(**values))


def downgrade() -> None:
    with op.batch_alter_table('swab_test', schema=None) as batch_op:
        batch_op.drop_column('reason')
        batch_op.drop_column('unscheduled')

    with op.batch_alter_table('stay_date_change', schema=None) as batch_op:
        batch_op.drop_constraint('date_change_kind', type_='check')
        batch_op.drop_column('kind')

    with op.batch_alter_table('stay', schema=None) as batch_op:
        batch_op.drop_column('manual_days')
        batch_op.drop_column('restart_day')

    with op.batch_alter_table('rule_set', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_rule_set_based_on_id_rule_set'), type_='foreignkey')
        batch_op.drop_column('based_on_id')
        batch_op.drop_column('draft')

    with op.batch_alter_table('room', schema=None) as batch_op:
        batch_op.drop_constraint('retired_not_occupied', type_='check')
        batch_op.drop_constraint('zone_code', type_='check')
        batch_op.drop_column('retired_on')
    conn = op.get_bind()
    for code, label in ZONE_LABELS.items():
        conn.execute(room.update().where(room.c.zone == code).values(zone=label))

    with op.batch_alter_table('floor', schema=None) as batch_op:
        batch_op.drop_column('retired_on')

    with op.batch_alter_table('category_rule', schema=None) as batch_op:
        batch_op.drop_constraint('days_home_isolation_range', type_='check')
        batch_op.drop_column('home_isolation_swab_days')
        batch_op.drop_column('days_home_isolation')

    with op.batch_alter_table('building', schema=None) as batch_op:
        batch_op.drop_column('retired_on')
