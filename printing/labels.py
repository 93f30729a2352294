"""The words on the forms, in Simplified Chinese and English (printing has no Qt, so no tr()).

One ``Catalogue`` (models/catalogue.py, the mechanism the domain's messages use too): each key gives its
Chinese and its English together. ``L(lang)`` is the table of one language, ``lines()`` a list of rules.
"""

from __future__ import annotations

from collections.abc import Mapping

from models.catalogue import Catalogue, language
from models.codes import DepartureKind
from models.errors import MESSAGES

LABELS = Catalogue(
    "labels",
    {
        "sheet_title": ("每日健康观察记录表", "Daily health observation sheet"),
        "room": ("房间", "Room"),
        "name": ("姓名", "Name"),
        "sex": ("性别", "Sex"),
        "age": ("年龄", "Age"),
        "day_n": ("第N天", "Day N/M"),
        "release": ("解除日期", "Release"),
        "am": ("上午体温", "Morning °C"),
        "pm": ("下午体温", "Evening °C"),
        "symptoms_short": ("症状（请勾选）", "Symptoms (tick)"),
        "symptom_boxes": (
            "□发热 □干咳 □乏力 □咽痛 □嗅味觉减退 □腹泻 □其他",
            "□fever □dry cough □fatigue □sore throat\n□smell/taste □diarrhoea □other",
        ),  # two lines: fits
        "swab": ("今日核酸", "Swab today"),
        "signature": ("测量人签名", "Measured by"),
        "nobody": ("无在住人员", "Nobody present"),
        "empty_rooms": ("空房间", "Empty rooms"),
        "sheet_footer": (
            "体温 ≥ {threshold} °C 者须复测（记入“复测”栏）并立即报告；●＝今日需采核酸；扫描二维码可在系统中打开该人员。",
            "A reading of {threshold} °C or more is measured again (Recheck column) and reported at once; ● = swab due today; scan the QR code to open the person in IsoDesk.",
        ),
        # the daily observation sheet (printing/forms/sheets.py)
        "sh_no": ("序号", "No."),
        "sh_recheck": ("复测（时间/体温）", "Recheck (time/°C)"),
        "sh_band": (
            "楼栋：{building}\u3000\u3000楼层：{floor}\u3000\u3000日期：{day}\u3000\u3000发热阈值：≥ {threshold} °C",
            "Building: {building}    Floor: {floor}    Date: {day}    Fever threshold: ≥ {threshold} °C",
        ),
        "sh_release_day": ("解除日", "release day"),
        "sh_overdue": ("超期{n}天", "{n} d past release"),
        "sh_left": ("{time} {kind}", "{time} {kind}"),
        "sh_moved": ("{time} 由 {room} 换入", "{time} moved from {room}"),
        "sh_sign": (
            "记录人：＿＿＿＿＿＿＿＿\u3000\u3000核对人：＿＿＿＿＿＿＿＿\u3000\u3000日期：＿＿＿＿年＿＿月＿＿日",
            "Recorded by: ______________    Checked by: ______________    Date: ____________",
        ),
        "state_available": ("空闲", "available"),
        "state_occupied": ("已入住", "occupied"),
        "state_awaiting_disinfection": ("待消毒", "awaiting disinfection"),
        "state_out_of_service": ("停用", "out of service"),
        "reg_title": ("集中隔离医学观察人员登记表", "Registration form: centralized isolation"),
        "birth": ("出生日期", "Birth date"),
        "doc_type": ("证件类型", "Document"),
        "doc_number": ("证件号码", "Document number"),
        "phone": ("联系电话", "Phone"),
        "origin": ("来源地", "From"),
        "address": ("住址", "Address"),
        "category": ("人员类别", "Category"),
        "exposure": ("末次暴露时间", "Last exposure"),
        "arrived": ("入住时间", "Arrived"),
        "home_until": ("居家监测至", "Home monitoring until"),
        "companions": ("同住人", "Companions"),
        "needs": ("特殊需求", "Special needs"),
        "notes": ("备注", "Notes"),
        "sign_person": ("本人签名", "Signature"),
        "sign_staff": ("登记人签名", "Registered by"),
        "sign_site": ("隔离点（盖章）", "Site (stamp)"),
        "date": ("日期", "Date"),
        "notice_title": ("集中隔离医学观察告知书", "Notice of centralized isolation"),
        "notice_to": ("{name}：", "To {name}:"),
        "notice_body": (
            "根据疫情防控要求，您将在{site}（{room}）接受集中隔离医学观察，自 {start} 起，预计于 {end} 解除。期间请配合以下事项：",
            "Under the epidemic control rules you will stay in centralized isolation at {site} ({room}) from {start}; release is planned on {end}. Meanwhile, please:",
        ),
        "notice_sign": (
            "本人已知悉上述内容。\u3000\u3000签名：＿＿＿＿＿＿\u3000\u3000日期：＿＿＿＿＿＿",
            "I have read this notice.    Signature: ____________    Date: ____________",
        ),
        "release_title": ("解除集中隔离医学观察告知书", "Notice of release from centralized isolation"),
        "site": ("隔离点", "Site"),
        "iso_from": ("隔离开始", "Isolation from"),
        "last_swab": ("末次核酸结果", "Last swab result"),
        "home_period": ("居家健康监测", "Home health monitoring"),
        "nobody_release": ("今日无应解除人员。", "Nobody is due for release today."),
        # the release notice (printing/forms/release.py): one release date, the day the person leaves
        "rl_sex_M": ("男", "Male"),
        "rl_sex_F": ("女", "Female"),
        "rl_age": ("{n} 岁", "{n}"),
        "rl_day_one": ("隔离开始（第1天）", "Isolation from (day 1)"),
        "rl_release_on": ("解除日期（离开隔离点）", "Release date (leaves the site)"),
        "rl_home_value": ("{start} 至 {end}（{n} 天）", "{start} to {end} ({n} days)"),
        "rl_none": ("无", "None"),
        "rl_destination": ("去向", "Going to"),
        "rl_community": ("接收街道/社区", "Receiving street / community"),
        "rl_community_blank": (
            "＿＿＿＿＿＿街道（乡镇）＿＿＿＿＿＿社区（村）",
            "Street: ______________  Community: ______________",
        ),
        "rl_basis": ("解除依据", "Grounds"),
        "rl_ready": ("经评估符合解除条件", "Assessed as meeting the conditions for release"),
        "rl_override": (
            "未满足全部解除条件，经决定解除。原因：{reason}",
            "Not all conditions for release were met; released by decision. Reason: {reason}",
        ),
        "rl_swabs": ("核酸检测记录", "Swab tests"),
        "rl_swab_no": ("检测", "Test"),
        "rl_swab_day": ("第 {n} 天", "Day {n}"),
        "rl_planned": ("计划日期", "Planned"),
        "rl_sampled": ("采样日期", "Sampled on"),
        "rl_result": ("结果", "Result"),
        "rl_not_sampled": ("未采样", "not sampled"),
        "rl_no_swabs": ("未安排核酸检测。", "No swab tests were scheduled."),
        "rl_to_adult": ("{name}同志：", "Dear {name},"),
        "rl_to_minor": ("{name}（未成年人）的监护人：", "To the parent or guardian of {name} (a minor):"),
        "rl_ready_adult": (
            "您自 {start} 起在{site}接受集中隔离医学观察，经评估符合解除条件，于 {end} 解除集中隔离医学观察。",
            "You have been under centralized isolation and medical observation at {site} since {start}. You have been assessed as meeting the conditions for release and are released on {end}.",
        ),
        "rl_ready_minor": (
            "{name}自 {start} 起在{site}接受集中隔离医学观察，经评估符合解除条件，于 {end} 解除集中隔离医学观察。",
            "{name} has been under centralized isolation and medical observation at {site} since {start}, has been assessed as meeting the conditions for release and is released on {end}.",
        ),
        "rl_override_adult": (
            "您自 {start} 起在{site}接受集中隔离医学观察，于 {end} 解除集中隔离医学观察。本次解除未满足全部解除条件，系经决定解除，原因：{reason}。",
            "You have been under centralized isolation and medical observation at {site} since {start} and are released on {end}. Not all the conditions for release were met: this release was decided as an exception. Reason: {reason}.",
        ),
        "rl_override_minor": (
            "{name}自 {start} 起在{site}接受集中隔离医学观察，于 {end} 解除集中隔离医学观察。本次解除未满足全部解除条件，系经决定解除，原因：{reason}。",
            "{name} has been under centralized isolation and medical observation at {site} since {start} and is released on {end}. Not all the conditions for release were met: this release was decided as an exception. Reason: {reason}.",
        ),
        "rl_home_adult": (
            "请您自 {start} 至 {end} 进行居家健康监测（共 {n} 天），并遵守以下要求：",
            "Please monitor your health at home from {start} to {end} ({n} days) as follows:",
        ),
        "rl_home_minor": (
            "请监护人督促{name}自 {start} 至 {end} 进行居家健康监测（共 {n} 天），并遵守以下要求：",
            "Please see that {name}'s health is monitored at home from {start} to {end} ({n} days) as follows:",
        ),
        "rl_isolation_adult": (
            "请您自 {start} 至 {end} 进行居家隔离（共 {n} 天），期间不外出、不接触他人，按要求配合核酸检测。",
            "Please stay in home isolation from {start} to {end} ({n} days): do not go out or meet anyone, and take the tests you are called for.",
        ),
        "rl_isolation_minor": (
            "请监护人督促{name}自 {start} 至 {end} 进行居家隔离（共 {n} 天），期间不外出、不接触他人，按要求配合核酸检测。",
            "Please see that {name} stays in home isolation from {start} to {end} ({n} days): no going out or meeting anyone, and the tests when called.",
        ),
        "home_isolation_period": ("居家隔离", "Home isolation"),
        "rl_no_home": (
            "请配合所在社区（街道）做好后续健康管理。",
            "Follow your community's instructions for health management.",
        ),
        "rl_sign_person": ("本人签名：", "Signature:"),
        "rl_sign_guardian": ("监护人签名：", "Guardian's signature:"),
        "rl_relation": ("与被监护人关系：", "Relationship to the minor:"),
        "rl_sign_date": ("日期：______年____月____日", "Date: ____________"),
        "rl_planned_release": ("计划解除日期", "Planned release"),
        "rl_stamp": ("{site}（盖章）", "{site} (stamp)"),
        "rl_issued": ("{y} 年 {m} 月 {d} 日", "Issued on {y}-{m:02d}-{d:02d}"),
        "rl_not_ready_title": ("未出具解除告知书人员", "People not given a release notice"),
        "rl_not_ready_intro": (
            "以下人员经核查目前不能解除集中隔离（或已以其他方式离开），本次未出具解除告知书：",
            "These people cannot be released now (or have left otherwise); no release notice was printed for them:",
        ),
        "rl_no": ("序号", "No."),
        "rl_batch": (
            "本批共 {total} 人：出具解除告知书 {given} 人，未出具 {held} 人。",
            "In this batch: {total} people; release notices printed: {given}; held back: {held}.",
        ),
        "rl_reason": ("原因", "Reason"),
        "rl_why_early": ("未到解除日期（{date}）", "release date not reached ({date})"),
        "rl_why_swab": ("末次应检核酸（第 {day} 天）：{result}", "last scheduled swab (day {day}): {result}"),
        "rl_why_fever": ("有未关闭的发热预警", "an open fever alert"),
        "rl_why_left": ("已离开：{how}", "has left: {how}"),
        "rl_why_unchecked": ("未核查解除条件", "readiness not checked"),
        # how a person left: the domain's own words for it (models/errors.py departure_*), not a copy
        **{f"dep_{kind.value}": MESSAGES.pair(f"departure_{kind.value}") for kind in DepartureKind},
        "temp_title": ("体温登记表", "Temperature record"),
        "no_readings": ("暂无体温记录", "No readings yet"),
        "card_title": ("房间门卡", "Room card"),
        # the per-person forms: registration (arrival.py), temperature record, door cards
        "pf_sex_M": ("男", "Male"),
        "pf_sex_F": ("女", "Female"),
        "pf_age": ("{n} 岁", "{n}"),
        "pf_nationality": ("国籍/民族", "Nationality / ethnic group"),
        "pf_nationality_blank": (
            "国籍：＿＿＿＿＿＿＿\u3000民族：＿＿＿＿＿＿＿",
            "Nationality: ____________  Ethnic group: ____________",
        ),
        "pf_emergency": ("紧急联系人", "Emergency contact"),
        "pf_emergency_phone": ("紧急联系电话", "Emergency phone"),
        "pf_transfer_unit": ("转运单位", "Transferred by"),
        "pf_blank": ("＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿", "______________________________"),
        "pf_chronic": ("慢性病史", "Chronic disease"),
        "pf_allergies": ("过敏史", "Allergies"),
        "pf_tick_blank": ("□无\u3000□有：＿＿＿＿＿＿＿＿＿＿＿＿", "□ none  □ yes: ____________________"),
        "pf_registered_on": ("登记日期", "Registered on"),
        "pf_sign_date": ("日期：＿＿＿＿年＿＿月＿＿日", "Date: ____________"),
        "pf_hand_note": (
            "横线处（＿＿）由登记人当场询问后手工填写。",
            "Blank lines (____) are filled in by hand by the registering staff, after asking.",
        ),
        "need_elderly": ("老年人", "elderly"),
        "need_child": ("儿童", "child"),
        "need_pregnant": ("孕妇", "pregnant"),
        "need_chronic": ("有（病名未注明）", "yes (not named)"),
        "need_allergy": ("有（过敏原未注明）", "yes (allergen not named)"),
        "need_diet": ("特殊饮食", "special diet"),
        "need_mobility": ("行动不便", "reduced mobility"),
        "tr_day_n": ("第N天", "Day N"),
        "tr_am_recheck": ("上午复测", "Morning recheck"),
        "tr_pm_recheck": ("下午复测", "Evening recheck"),
        "tr_not_measured": ("未测：{reason}", "not measured: {reason}"),
        "tr_legend": (
            "▲ 体温 ≥ {threshold} °C（发热），须复测并立即报告；复测栏为复测时间和体温。",
            "▲ = {threshold} °C or more (fever): measured again and reported at once; a recheck column gives the time and the temperature of the recheck.",
        ),
        "tr_axis_temp": ("体温（°C）", "Temperature (°C)"),
        "tr_axis_day": ("隔离第 N 天（日期）", "Day N of the stay (date)"),
        "tr_key_reading": ("测量", "reading"),
        "tr_key_recheck": ("复测", "recheck"),
        "tr_key_fever": ("发热", "fever"),
        "tr_threshold": ("发热阈值 {threshold} °C", "Fever threshold {threshold} °C"),
        "dc_arrived": ("入住日期", "Arrived"),
        "dc_scan": ("扫码查看人员信息", "Scan to open in IsoDesk"),
        "dc_cut": ("沿虚线剪开", "Cut along the dashed line"),
        "report_title": ("集中隔离点日报表", "Isolation site daily report"),
        "report_sub": (
            "填报单位：{site}\u3000\u3000统计日期：{day}（截至当日 24 时）",
            "Site: {site}    Date: {day} (as at midnight)",
        ),
        "item": ("项目", "Item"),
        "count": ("数量", "Count"),
        "r_rooms_total": ("房间总数", "Rooms in all"),
        "r_occupied": ("已入住房间", "Rooms occupied"),
        "r_available": ("空闲房间", "Rooms available"),
        "r_awaiting_disinfection": ("待消毒房间", "Rooms awaiting disinfection"),
        "r_out_of_service": ("停用房间", "Rooms out of service"),
        "r_people_present": ("在住人数", "People present"),
        "r_arrivals": ("当日新入住", "Arrivals that day"),
        "r_releases": ("当日解除", "Releases that day"),
        "r_releases_cumulative": ("累计解除", "Releases, cumulative"),
        "r_transfers": ("当日转运", "Transfers that day"),
        "r_fevers": ("当日体温异常", "Abnormal temperatures that day"),
        "r_swabs_taken": ("当日核酸采样", "Swabs taken that day"),
        "r_swabs_positive": ("当日核酸阳性", "Positive swabs that day"),
        "zero_report": (
            "当日无新增入住、解除、转运及其他离开，无体温异常及核酸阳性情况（零报告）。",
            "No arrivals, releases, transfers or other departures, fevers or positive results that day (zero report).",
        ),
        "report_sign": (
            "填报人：＿＿＿＿＿＿\u3000\u3000审核人：＿＿＿＿＿＿",
            "Reported by: ____________    Checked by: ____________",
        ),
        # the daily report (printing/forms/report.py, printing/xlsx.py)
        "report_sub_today": (
            "填报单位：{site}\u3000\u3000统计日期：{day}（当日未结束，截至 {time}）",
            "Site: {site}    Date: {day} (the day is not over: as at {time})",
        ),
        "report_made": ("报告时间：{time}", "Report made at {time}"),
        "report_as_of": ("统计截至", "As at"),
        "report_made_at": ("报告时间", "Made at"),
        "report_section": ("分组", "Section"),
        "zero_mark": ("零报告", "Zero report"),
        "zero_yes": ("是", "yes"),
        "sec_rooms": ("一、房间情况", "1. Rooms"),
        "sec_people": ("二、人员情况", "2. People"),
        "sec_departures": ("三、离开情况", "3. Departures"),
        "sec_health": ("四、健康监测", "4. Health monitoring"),
        "sec_categories": ("五、在住人员分类", "5. People present by category"),
        "r_arrivals_cumulative": ("累计入住", "Arrivals, cumulative"),
        "r_to_hospital": ("其中：转运至医院", "of which to hospital"),
        "r_to_other_site": ("其中：转至其他隔离点", "of which to another site"),
        "r_home_isolation": ("其中：转居家隔离", "of which to home isolation"),
        "r_departed_other": ("当日其他原因离开", "Left for another reason that day"),
        "r_transfers_cumulative": ("累计转运", "Transfers, cumulative"),
        "cat_present": ("在住人数", "Present"),
        "cat_arrivals": ("当日新入住", "Arrivals that day"),
        "cat_total": ("合计", "Total"),
        "cat_none": ("当日无在住人员", "Nobody present that day"),
        "sign_reporter": ("填报人", "Reported by"),
        "sign_checker": ("审核人", "Checked by"),
        "dis_title": ("终末消毒记录", "Terminal disinfection record"),
        "previous": ("上一位入住者", "Previous occupant"),
        "left_at": ("离开时间", "Left at"),
        "why": ("离开原因", "Why"),
        "dis_at": ("消毒时间", "Disinfected at"),
        "agent": ("消毒剂", "Agent"),
        "concentration": ("浓度", "Concentration"),
        "done_by": ("消毒人", "Done by"),
        "checked_by": ("核查人", "Checked by"),
        "none": ("无记录", "No records"),
        "ledger_title": ("隔离人员台账", "People ledger"),
        "departed": ("离开时间", "Left at"),
        "departure": ("离开方式", "Left how"),
        # the ledgers and the disinfection record (printing/forms/registers.py, printing/xlsx.py)
        "lg_no": ("序号", "No."),
        "lg_sex_M": ("男", "Male"),
        "lg_sex_F": ("女", "Female"),
        "lg_destination": ("去向", "Destination"),
        "lg_moved": ("换房", "moved to another room"),
        "lg_total": ("共 {n} 人", "{n} people"),
        "rel_title": ("解除隔离台账", "Release ledger"),
        "rel_released": ("解除时间", "Released at"),
        "rel_home_from": ("居家监测开始", "Home monitoring from"),
        "rel_home_to": ("居家监测结束", "Home monitoring to"),
        "rel_note": ("备注", "Note"),
        "rel_override": (
            "未满足全部解除条件，经决定解除：{reason}",
            "Released by decision, not all conditions met: {reason}",
        ),
        "tl_title": ("转运台账", "Transfer ledger"),
        "tl_at": ("转运时间", "Transferred at"),
        "tl_kind": ("转运类型", "Transfer"),
        "tl_reason": ("转运原因", "Reason"),
        "rc_title": ("入住人员交接清单", "Arrival hand-over list"),
        "rc_batch": ("本批 {n} 人", "This batch: {n} people"),
        "rc_sign": (
            "移交方（转运人员）签名：＿＿＿＿＿＿\u3000\u3000接收方（隔离点）签名：＿＿＿＿＿＿\u3000\u3000交接时间：＿＿＿＿年＿＿月＿＿日＿＿时＿＿分",
            "Handed over by (transfer team): ____________    Received by (site): ____________    Date and time: ____________",
        ),
        "rc_foot": (
            "注：请移交方与接收方逐人核对姓名、证件号码后四位与房间号，无误后双方签字，各留存一份。",
            "Both sides check each person's name, the last four characters of the ID number and the room, then sign; each keeps a copy.",
        ),
        "ho_title": ("解除隔离人员交接单", "Hand-over list of released people"),
        "ho_community": ("接收街道/社区：{name}", "Receiving street / community: {name}"),
        "ho_contact": ("联系人：{contact}\u3000电话：{phone}", "Contact: {contact}, phone {phone}"),
        "ho_no_community": (
            "未登记接收街道/社区（请补填）：＿＿＿＿＿＿＿＿",
            "No receiving street / community recorded (fill in): ____________",
        ),
        "ho_nobody": ("所选日期内无解除隔离人员", "Nobody was released on the days chosen"),
        "ho_address": ("居住地址", "Address"),
        "ho_home_to": ("居家健康监测截止", "Home monitoring until"),
        "ho_home_tests": ("居家检测日期", "Home test days"),
        "ho_transport": ("转运方式", "Transport"),
        "ho_community_col": ("接收街道/社区", "Receiving community"),
        "ho_none_short": ("未登记", "not recorded"),
        "sec_communities": ("六、解除隔离人员去向（按接收街道/社区）", "6. Releases by receiving street / community"),
        "com_releases": ("解除人数", "Released"),
        "com_none": ("未登记接收街道/社区", "No community recorded"),
        "ho_sign": (
            "移交方（隔离点）签名：＿＿＿＿＿＿\u3000\u3000接收方（街道/社区）签名：＿＿＿＿＿＿\u3000\u3000交接时间：＿＿＿＿年＿＿月＿＿日＿＿时＿＿分",
            "Handed over by (site): ____________    Received by (street / community): ____________    Date and time: ____________",
        ),
        "ho_foot": (
            "注：本单含个人身份信息，仅用于解除隔离人员交接及居家健康监测，请妥善保管，不得外传。双方逐人核对后签字，各留存一份。",
            "This list carries personal information, for the hand-over and the home health monitoring only: keep it safe and pass it to no one else. Both sides check each person, then sign; each keeps a copy.",
        ),
        "fu_title": ("解除隔离人员回访台账", "Follow-up call ledger"),
        "fu_home_day": ("居家第N天", "Home day"),
        "fu_called_at": ("回访时间", "Called at"),
        "fu_reached": ("是否联系上", "Reached"),
        "fu_yes": ("是", "yes"),
        "fu_no": ("否", "no"),
        "fu_temperature": ("体温（°C）", "Temperature (°C)"),
        "fu_symptoms": ("症状", "Symptoms"),
        "fu_home_test": ("居家检测", "Home test"),
        "fu_called_by": ("回访人", "Called by"),
        "fu_note": ("备注", "Note"),
        "fu_alert": ("异常处置", "Abnormal: what was done"),
        "fu_alert_open": ("异常，待处置", "abnormal, not dealt with yet"),
        "fu_count": ("共 {n} 次回访", "{n} calls"),
        "ht_not_due": ("未到检测日", "not due"),
        "ht_not_done": ("应检未检", "due, not done"),
        "ht_pending": ("已检，结果未出", "done, result pending"),
        "ht_negative": ("阴性", "negative"),
        "ht_positive": ("阳性", "positive"),
        "sym_fever": ("发热", "fever"),
        "sym_dry_cough": ("干咳", "dry cough"),
        "sym_fatigue": ("乏力", "fatigue"),
        "sym_sore_throat": ("咽痛", "sore throat"),
        "sym_smell_taste": ("嗅(味)觉减退", "loss of smell or taste"),
        "sym_diarrhea": ("腹泻", "diarrhoea"),
        "sym_other": ("其他", "other"),
        "dis_ready": ("消毒完成、恢复可用时间", "Disinfected, ready again at"),
        "dis_method": ("消毒方式", "Method"),
        "dis_contact": ("作用时间", "Contact time"),
        "dis_sign_done": ("消毒人员签名", "Disinfector's signature"),
        "dis_sign_checked": ("核查人员签名", "Checker's signature"),
        "dis_count": ("共 {n} 间次", "{n} disinfections"),
        "dis_foot": (
            "注：消毒方式（喷洒、擦拭、熏蒸等）和作用时间由消毒人员现场填写；恢复可用时间为消毒及核查完成登记的时间。",
            "Method (spraying, wiping, fumigation …) and contact time are filled in by hand by the disinfection staff; the room is ready again when the disinfection and its check are recorded.",
        ),
        # the forms' lists of rules, one paragraph a line (``lines()``)
        "notice_rules": (
            "一、单人单间居住，不得离开房间，不得互相串门；\n二、每日上午、下午各测量体温一次，如实报告发热、干咳、乏力、咽痛、嗅味觉减退、腹泻等症状；\n三、按规定时间配合核酸采样；\n四、生活垃圾按要求分类投放，餐食由工作人员送至门口；\n五、如有身体不适或特殊需求，请及时联系工作人员。",
            "1. Stay in your own room; do not leave it or visit others.\n2. Take your temperature every morning and evening; report fever, dry cough, fatigue, sore throat, loss of smell or taste, diarrhoea.\n3. Give swab samples at the times you are told.\n4. Sort your waste as asked; meals are brought to your door.\n5. Tell the staff at once if you feel unwell or need anything.",
        ),
        "home_rules": (
            "解除后请按要求进行居家健康监测，每日早晚测量体温；\n监测期间尽量减少外出，不聚餐、不聚集，外出时全程佩戴口罩；\n如出现发热、干咳等症状，请及时就医并主动告知接触史；\n请配合所在社区（街道）做好后续健康管理。",
            "Monitor your health at home as required: temperature every morning and evening.\nGo out as little as possible, avoid gatherings, wear a mask outside.\nIf you have fever or a cough, see a doctor and tell them about your isolation.\nFollow your community's instructions for health management.",
        ),
        # the short words of codes on the forms
        "sh_sex_M": ("男", "M"),
        "sh_sex_F": ("女", "F"),
        "doc_type_resident_id": ("居民身份证", "Resident ID"),
        "doc_type_passport": ("护照", "Passport"),
        "doc_type_hmt_permit": ("港澳台通行证", "HK/Macao/Taiwan permit"),
        "doc_type_other": ("其他", "Other"),
        "swab_negative": ("阴性", "negative"),
        "swab_positive": ("阳性", "positive"),
        "swab_pending": ("待出", "pending"),
        "swab_none": ("未检测", "not tested"),
    },
)


def L(lang: str) -> Mapping[str, str]:
    """Every label of the forms in ``lang`` (read-only): ``L(lang)["room"]``, ``L(lang).get(key, "")``."""
    return LABELS.table(lang)


def lines(lang: str, key: str) -> list[str]:
    """One of the lists of rules (``notice_rules``, ``home_rules``), one paragraph a line."""
    return LABELS.template(key, lang).split("\n")


def sex_label(sex: str, lang: str) -> str:
    """男/女 on the Chinese daily sheet, M/F on the English one ("" for none)."""
    if sex in ("M", "F"):
        return LABELS.template(f"sh_sex_{sex}", lang)
    return "" if language(lang) == "zh_CN" else sex


def doc_type_label(doc_type: str, lang: str) -> str:
    key = f"doc_type_{doc_type}"
    return LABELS.template(key, lang) if LABELS.has(key) else doc_type


def swab_label(result: str, lang: str) -> str:
    key = f"swab_{result or 'none'}"
    return LABELS.template(key, lang) if result in ("negative", "positive", "pending", "") else result
