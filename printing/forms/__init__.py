"""The site's paper, in Simplified Chinese or English: each function takes plain records and returns PDF bytes.

daily_sheets        每日健康观察记录表   one landscape page (or more) per floor, a QR code per row
registration        集中隔离医学观察人员登记表
notice              集中隔离医学观察告知书 (given at arrival)
release_notices     解除集中隔离医学观察告知书 (one page per person; many = one document)
temperature_record  体温登记表 with a chart and the threshold line
door_cards          房间门卡 with a QR code
daily_report        日报表 (a zero report is still a report)
disinfection        终末消毒记录
ledger              人员台账
release_ledger      解除隔离台账
transfer_ledger     转运台账
arrival_receipt     入住人员交接清单 (a batch of arrivals, signed with the transfer team)
followup_ledger     解除隔离人员回访台账 (the follow-up calls of a period)
handover            解除隔离人员交接单 (the people released to each receiving community, signed by both sides)
area_disinfection   公共区域日常消毒记录 (the routine rounds of a period, and the areas short of them)
supplies            物资台账 (the stock sheet: days left and low items; the movements of a period)
care_requests       人文关怀需求清单 (the occupants' open requests, a page per floor, for the logistics group)
roster              值班排班表 (the week's duty roster of each working group, and the hours nobody covers)
forecast            房间预测 (the rooms free today and on each of the next 7 days, by building)
"""

from __future__ import annotations

from .arrival import arrival_pack, notice, registration
from .care_requests import care_requests
from .common import QR, qr_image, stay_code
from .door_cards import door_cards
from .forecast import forecast
from .handover import handover
from .handover import shown_stays as handover_stays
from .registers import (
    area_disinfection,
    arrival_receipt,
    disinfection,
    followup_ledger,
    ledger,
    release_ledger,
    transfer_ledger,
)
from .release import release_notices
from .report import REPORT_FIELDS, daily_report
from .roster import roster
from .sheets import daily_sheets
from .supplies import supplies
from .temperature import temperature_record

__all__ = [
    "QR",
    "REPORT_FIELDS",
    "area_disinfection",
    "arrival_pack",
    "arrival_receipt",
    "care_requests",
    "daily_report",
    "daily_sheets",
    "disinfection",
    "door_cards",
    "followup_ledger",
    "forecast",
    "handover",
    "handover_stays",
    "ledger",
    "notice",
    "qr_image",
    "registration",
    "release_ledger",
    "release_notices",
    "roster",
    "stay_code",
    "supplies",
    "temperature_record",
    "transfer_ledger",
]
