"""Domain errors: every refusal carries a message in Simplified Chinese and in English."""

from __future__ import annotations

from functools import cache, cached_property
from typing import Any

from models.catalogue import Catalogue, language

# code -> (zh_CN, en), one Catalogue (models/catalogue.py). Placeholders use str.format names.
MESSAGES = Catalogue(
    "messages",
    {
        "id_empty": ("证件号码不能为空", "The document number is empty"),
        "id_format": (
            "身份证号码格式不正确（应为18位，或15位旧号码）",
            "The ID number is malformed (18 characters, or 15 digits for an old number)",
        ),
        "id_checksum": ("身份证号码校验位不正确", "The ID number's check character is wrong"),
        "id_birth_date": ("身份证号码中的出生日期无效", "The birth date inside the ID number is not a real past date"),
        "id_truncated": (
            "身份证号码末尾被截断（可能是 Excel 数字格式）",
            "The ID number lost its last digits (probably an Excel number column)",
        ),
        "birth_mismatch": (
            "出生日期与身份证号码不一致（证件：{expected}）",
            "Birth date does not match the ID number (ID says {expected})",
        ),
        "sex_mismatch": (
            "性别与身份证号码不一致（证件：{expected}）",
            "Sex does not match the ID number (ID says {expected})",
        ),
        "phone_invalid": ("手机号码无效：{phone}", "Not a valid mobile number: {phone}"),
        "name_empty": ("姓名不能为空", "The name is empty"),
        "name_invalid": ("姓名含有无效字符：{name}", "The name contains invalid characters: {name}"),
        "already_present": ("{name} 已在本隔离点（房间 {room}）", "{name} is already at this site (room {room})"),
        "category_unknown": ("未知的人员类别：{category}", "Unknown category: {category}"),
        "no_rule": (
            "规则“{rule_set}”未定义人员类别“{category}”",
            "Rule set “{rule_set}” has no rule for category “{category}”",
        ),
        "no_rule_set": ("隔离点尚未设置隔离规则", "The site has no rule set yet"),
        "period_over": (
            "按规则计算，隔离期在入住前已满（{release}）",
            "By the rules the isolation period ended before arrival ({release})",
        ),
        "exposure_after_arrival": ("末次暴露时间晚于入住时间", "Last exposure is after the arrival time"),
        "arrival_in_future": ("入住时间不能晚于现在", "The arrival time is in the future"),
        "room_not_found": ("房间不存在：{room}", "No such room: {room}"),
        "stay_not_found": ("找不到该隔离记录", "No such stay"),
        "person_not_found": ("找不到该人员", "No such person"),
        "doc_number_taken": (
            "该证件号码已属于另一人员（{name}），未保存",
            "This document number already belongs to another person ({name}); nothing was saved",
        ),
        "room_dirty": (
            "房间 {room} 待终末消毒，不能入住",
            "Room {room} awaits terminal disinfection and cannot be used",
        ),
        "room_out_of_service": ("房间 {room} 已停用", "Room {room} is out of service"),
        "room_occupied": ("房间 {room} 已有人入住", "Room {room} is already occupied"),
        "room_full": ("房间 {room} 床位已满", "Room {room} has no free bed"),
        "companion_needed": (
            "同住须说明原因（14岁以下儿童、孕妇、需照护者或家庭）",
            "Sharing a room needs a reason (child under 14, pregnant, dependent, family)",
        ),
        "companion_not_here": ("同住人不在该房间", "The companion is not in that room"),
        "stay_departed": ("{name} 已于 {date} 离开", "{name} left on {date}"),
        "undo_not_departed": (
            "{name} 仍在本隔离点，没有可撤销的离开",
            "{name} has not left: there is no departure to undo",
        ),
        "undo_too_late": (
            "离开已超过 {hours} 小时，不能再撤销",
            "The departure was more than {hours} hours ago and can no longer be undone",
        ),
        "undo_room_reused": (
            "房间 {room} 已安排给其他人员，不能撤销离开",
            "Room {room} has been given to someone else since: the departure cannot be undone",
        ),
        "undo_room_out_of_service": (
            "房间 {room} 已停用，不能撤销离开",
            "Room {room} is out of service: the departure cannot be undone",
        ),
        "undo_person_again": (
            "{name} 离开后已重新入住，不能撤销离开",
            "{name} has checked in again since: the departure cannot be undone",
        ),
        "release_too_early": ("未到解除隔离日期（{date}）", "The release date ({date}) has not been reached"),
        "release_swab": (
            "最后一次应做核酸检测不是阴性（第{day}天：{result}）",
            "The last scheduled swab is not negative (day {day}: {result})",
        ),
        # codes given as a message's parameter, said as words (Coded, ``coded("swab_result", "pending")``)
        "swab_result_pending": ("待出结果", "result pending"),
        "swab_result_negative": ("阴性", "negative"),
        "swab_result_positive": ("阳性", "positive"),
        "swab_result_not_sampled": ("未采样", "not sampled"),
        # how a person left (a message parameter, coded("departure", kind))
        "departure_released": ("解除隔离", "released"),
        "departure_to_hospital": ("转运至医院", "transferred to hospital"),
        "departure_to_other_site": ("转至其他隔离点", "transferred to another site"),
        "departure_home_isolation": ("转居家隔离", "moved to home isolation"),
        "departure_other": ("其他原因离开", "left for another reason"),
        # the lines of an occupant's timeline (models/reads/occupants.py)
        "tl_arrival": ("入住 {room}", "Arrived, room {room}"),
        "tl_room_change": ("换房 {before} → {after} {reason}", "Room {before} → {after} {reason}"),
        "tl_release_date": ("解除日期 {before} → {after}：{reason}", "Release date {before} → {after}: {reason}"),
        "tl_fever": ("发热 {temperature} °C", "Fever {temperature} °C"),
        "tl_recheck": ("复测 {temperature} °C", "Recheck {temperature} °C"),
        "tl_swab": ("第{day}天核酸：{result}", "Swab day {day}: {result}"),
        "tl_swab_ct": ("第{day}天核酸：{result}（Ct：{ct}）", "Swab day {day}: {result} (Ct: {ct})"),
        "tl_swab_weak": ("第{day}天核酸：弱阳性", "Swab day {day}: weak positive"),
        "tl_swab_weak_ct": ("第{day}天核酸：弱阳性（Ct：{ct}）", "Swab day {day}: weak positive (Ct: {ct})"),
        "tl_departure": ("离开（{how}）", "Left ({how})"),
        # the lines of a room's history (models/services/rooms.py room_history)
        "rh_checked_in": ("{name} 入住", "{name} checked in"),
        "rh_left": ("{name} 离开（{how}）", "{name} left ({how})"),
        "rh_moved_in": ("{name} 由 {room} 房间调入", "{name} moved in from room {room}"),
        "rh_moved_out": ("{name} 调至 {room} 房间", "{name} moved to room {room}"),
        "rh_disinfected": (
            "终末消毒：{agent} {concentration}，{by}，核查 {checked}",
            "Disinfected: {agent} {concentration}, by {by}, checked by {checked}",
        ),
        "rh_out_of_service": ("停用：{reason}", "Out of service: {reason}"),
        "rh_back_in_service": ("恢复使用", "Back in service"),
        "release_fever": ("有未处理的发热预警", "There is an open fever alert"),
        "release_household": (
            "同住人 {name} 尚不符合解除条件（同住人应一同解除）",
            "{name}, who shares the room, is not ready yet (people sharing a room leave together)",
        ),
        "override_reason": ("强制操作必须填写原因", "An override needs a reason"),
        "reason_required": ("请填写原因", "A reason is required"),
        "destination_required": ("请填写去向（医院或隔离点）", "A destination (hospital or site) is required"),
        "release_date_invalid": (
            "解除日期必须晚于入住日期（{arrival}）",
            "The release date must be after the arrival date ({arrival})",
        ),
        "release_date_same": ("解除日期未改变", "The release date is unchanged"),
        "departure_before_arrival": ("离开时间早于入住时间", "The departure time is before the arrival"),
        "departure_in_future": ("离开时间不能晚于现在", "The departure time is in the future"),
        "room_same": ("已在该房间", "Already in that room"),
        "room_not_dirty": ("房间 {room} 不在待消毒状态", "Room {room} is not awaiting disinfection"),
        "room_not_oos": ("房间 {room} 未停用", "Room {room} is not out of service"),
        "room_in_use": ("房间 {room} 有人入住，不能停用", "Room {room} is occupied and cannot be taken out of service"),
        # the site's layout (models/services/layout.py, layout_import.py)
        "room_retired": ("房间 {room} 已注销，不能入住", "Room {room} is retired and cannot be used"),
        "room_type_single": ("单人间", "single"),
        "room_type_double": ("双人间", "double"),
        "room_type_accessible": ("无障碍间", "accessible"),
        "field_building": ("楼栋", "Building"),
        "field_floor": ("楼层", "Floor"),
        "field_room": ("房间号", "Room number"),
        "field_room_type": ("房型", "Room type"),
        "field_beds": ("床位数", "Beds"),
        "field_zone": ("区域", "Zone"),
        "field_community_street": ("街道", "Street"),
        "field_list_source": ("名单来源", "List source"),
        "field_community_name": ("社区", "Community"),
        "field_community_contact": ("联系人", "Contact person"),
        "field_handover_destination": ("去向地址", "Destination address"),
        "field_handover_transport": ("转运方式", "Transport"),
        "community_phone_invalid": (
            "联系电话无效（手机号码或带区号的固定电话）：{phone}",
            "Not a valid phone (a mobile, or a landline with its area code): {phone}",
        ),
        "undo_followed_up": (
            "{name} 解除隔离后已有回访记录，不能撤销离开",
            "{name} has been called at home since the release: the departure cannot be undone",
        ),
        "followup_day_answered": (
            "居家监测第 {day} 天已回访并联系上本人",
            "Day {day} of home monitoring has already been answered",
        ),
        "followup_days_empty": ("请填写回访日（如 1,3,last）", "Give the call days (e.g. 1,3,last)"),
        "followup_days_invalid": (
            "回访日应为 1 至 60 的天数或 last（最后一天）：{value}",
            "A call day is a day number 1 to 60, or last: {value}",
        ),
        "followup_not_released": ("此人未解除隔离，无需回访", "This person was not released: no follow-up call"),
        "followup_no_home_monitoring": (
            "此人解除隔离后无居家健康监测，无需回访",
            "No home health monitoring follows this release: no follow-up call",
        ),
        "followup_day_range": (
            "居家监测第 {day} 天不存在（共 {days} 天）",
            "Home monitoring has no day {day} (it lasts {days} days)",
        ),
        "followup_day_future": ("居家监测第 {day} 天还未到", "Day {day} of home monitoring has not come yet"),
        "followup_alert_not_found": ("未找到该回访预警", "No such follow-up alert"),
        "followup_alert_closed": ("该回访预警已处理", "This follow-up alert is already closed"),
        "followup_alert_note": ("请填写处置情况", "Say what was done"),
        "period_reversed": (
            "起始日期 {first} 晚于结束日期 {last}",
            "The first day {first} is after the last day {last}",
        ),
        "community_unknown": (
            "没有名为“{community}”的接收社区（或不止一个）",
            "No receiving community is called “{community}” (or more than one is)",
        ),
        "field_batch_source": ("来源", "Source"),
        "field_batch_note": ("备注", "Note"),
        "field_batch_reason": ("取消原因", "Reason for calling it off"),
        "field_area_name": ("区域名称", "Area"),
        "field_area_agent": ("消毒剂", "Disinfectant"),
        "field_area_concentration": ("浓度", "Concentration"),
        "field_area_by": ("消毒人/核查人", "Done by / checked by"),
        "field_area_note": ("备注", "Note"),
        "area_not_found": ("未找到该区域", "No such area"),
        "area_taken": ("区域“{name}”已存在", "The area “{name}” is already listed"),
        "area_retired": ("区域“{name}”已停用", "The area “{name}” is no longer in use"),
        "area_rounds_range": (
            "每日消毒次数应为 1 到 {limit} 之间的整数：{value}",
            "Rounds a day: a whole number from 1 to {limit}, not {value}",
        ),
        "area_kind_unknown": ("未知的区域类型：{kind}", "Unknown kind of area: {kind}"),
        "area_round_future": ("消毒时间不能晚于现在", "A round cannot be recorded for a time to come"),
        "area_round_old": ("只能补录 7 天内的消毒记录", "Rounds can be recorded up to 7 days back"),
        "field_supply_name": ("物资名称", "Item"),
        "field_supply_unit": ("单位", "Unit"),
        "field_supply_party": ("来源/领用方", "From / to"),
        "field_supply_lot": ("批号", "Lot"),
        "field_supply_by": ("经手人", "Handled by"),
        "field_supply_note": ("备注", "Note"),
        "supply_not_found": ("未找到该物资", "No such item"),
        "supply_taken": ("物资“{name}”已存在", "The item “{name}” is already listed"),
        "supply_retired": ("物资“{name}”已停用", "The item “{name}” is no longer kept"),
        "supply_category_unknown": ("未知的物资分类：{value}", "Unknown kind of supply: {value}"),
        "supply_basis_unknown": ("未知的消耗计算方式：{value}", "Unknown way of counting use: {value}"),
        "supply_move_unknown": ("未知的出入库类型：{value}", "Unknown kind of movement: {value}"),
        "supply_min_range": (
            "最低库存应为 0 到 {limit} 之间的整数：{value}",
            "Minimum stock: a whole number from 0 to {limit}, not {value}",
        ),
        "supply_rate_range": (
            "每人每日用量应为 0 到 {limit} 之间的数：{value}",
            "Use per person a day: a number from 0 to {limit}, not {value}",
        ),
        "supply_rate_needed": (
            "按在住人数计算时，请填写每人每日用量",
            "Counted per person present: give the use per person a day",
        ),
        "supply_quantity_range": (
            "数量应为 1 到 {limit} 之间的整数：{value}",
            "Quantity: a whole number from 1 to {limit}, not {value}",
        ),
        "supply_count_range": (
            "盘点数应为 0 到 {limit} 之间的整数：{value}",
            "Count: a whole number from 0 to {limit}, not {value}",
        ),
        "supply_short": (
            "“{name}”库存只有 {stock} {unit}，不能发放 {quantity} {unit}",
            "Only {stock} {unit} of “{name}” in stock: {quantity} {unit} cannot go out",
        ),
        "supply_count_note": (
            "盘点数 {counted} 与账面 {stock} 不符，请在备注中说明原因",
            "The count {counted} differs from the books ({stock}): say why in the note",
        ),
        "supply_before_count": (
            "“{name}”已于 {at} 盘点，不能补录盘点之前的出入库",
            "“{name}” was counted at {at}: no movement can be recorded before that count",
        ),
        "supply_move_future": ("出入库时间不能晚于现在", "A movement cannot be recorded for a time to come"),
        "supply_move_old": ("只能补录 7 天内的出入库", "Movements can be recorded up to 7 days back"),
        "field_request_text": ("需求内容", "The request"),
        "field_request_handler": ("处理人", "Handled by"),
        "field_request_outcome": ("处理结果或不予办理的原因", "What was done, or why it was refused"),
        "request_not_found": ("未找到该需求", "No such request"),
        "request_closed": ("该需求已办结，不能再修改", "This request is closed: it cannot change"),
        "request_in_hand": ("该需求已在处理中", "This request is already in hand"),
        "request_code_unknown": ("未知的选项：{value}", "Unknown choice: {value}"),
        "field_group_name": ("工作组名称", "Working group"),
        "field_staff_name": ("姓名", "Name"),
        "field_taken_by": ("测温人", "Taken by"),
        "field_staff_title": ("职务", "Title"),
        "field_shift_name": ("班次名称", "Shift"),
        "field_staff_symptoms": ("症状", "Symptoms"),
        "field_staff_alert_note": ("处置情况", "What was done"),
        "roster_code_unknown": ("未知的选项：{value}", "Unknown choice: {value}"),
        "group_not_found": ("未找到该工作组", "No such working group"),
        "group_taken": ("工作组“{name}”已存在", "The working group “{name}” exists already"),
        "group_retired": ("工作组“{name}”已撤销", "The working group “{name}” is no longer in use"),
        "group_has_staff": (
            "工作组“{name}”还有成员，请先调整他们的分组",
            "The working group “{name}” still has members: move them first",
        ),
        "staff_not_found": ("未找到该工作人员", "No such staff member"),
        "staff_taken": ("本组已有“{name}”", "“{name}” is in this group already"),
        "staff_retired": ("“{name}”已不在岗", "“{name}” is no longer on the team"),
        "shift_not_found": ("未找到该班次", "No such shift"),
        "shift_taken": ("班次“{name}”已存在", "The shift “{name}” exists already"),
        "shift_retired": ("班次“{name}”已停用", "The shift “{name}” is no longer in use"),
        "shift_hours": ("班次时长应为 1 到 24 小时：{value}", "A shift lasts 1 to 24 hours, not {value}"),
        "duty_not_found": ("未找到该排班", "No such duty"),
        "duty_taken": ("{name} {day} 已排{shift}", "{name} is on the {shift} shift of {day} already"),
        "roster_day_old": ("只能修改 7 天内的排班", "The roster can be changed up to 7 days back"),
        "roster_day_far": ("只能排两个月内的班", "The roster reaches two months ahead at most"),
        "roster_not_monday": ("请从周一开始复制一周的排班", "A week's roster is copied from a Monday"),
        "staff_reading_future": ("不能登记今天以后的体温", "A reading cannot be for a day to come"),
        "staff_reading_old": ("只能补录 7 天内的体温", "Readings can be recorded up to 7 days back"),
        "staff_alert_not_found": ("未找到该体温预警", "No such temperature alert"),
        "staff_alert_closed": ("该预警已处理", "This alert is closed already"),
        "batch_not_found": ("未找到该待转运批次", "No such planned batch"),
        "batch_closed": (
            "该批次已入住或已取消，不能再修改",
            "This batch has checked in or was called off: it cannot change",
        ),
        "batch_people_range": (
            "人数应为 1 到 {limit} 之间的整数：{value}",
            "People: a whole number from 1 to {limit}, not {value}",
        ),
        "batch_rooms_range": (
            "需要的房间数应为 1 到人数（{people}）之间：{value}",
            "Rooms needed: from 1 to the number of people ({people}), not {value}",
        ),
        "batch_when_past": (
            "预计到达时间 {when} 已过去一天以上",
            "The expected arrival {when} is more than a day ago",
        ),
        "batch_category_unknown": ("没有这个人员类别：{category}", "No such category: {category}"),
        "batch_list_too_large": (
            "转运名单文件过大（{size}，上限 {limit}）",
            "The transfer list is too large ({size}; the limit is {limit})",
        ),
        "batch_reason_empty": ("请填写取消原因", "Say why the batch is called off"),
        "batch_count_mismatch": (
            "该批次预计 {expected} 人，本次入住 {arrived} 人",
            "The batch was announced with {expected} people; {arrived} checked in",
        ),
        "margin_range": (
            "预警余量应为 0 到 {limit} 之间的整数：{value}",
            "The margin: a whole number from 0 to {limit}, not {value}",
        ),
        "community_not_found": ("未找到该接收社区", "No such receiving community"),
        "community_taken": ("接收社区“{name}”已存在", "The receiving community “{name}” is already listed"),
        "community_retired": (
            "接收社区“{name}”已停用，请选择其他社区",
            "The receiving community “{name}” is retired: choose another",
        ),
        "layout_not_found": ("找不到该{what}", "No such {what}"),
        "layout_name_empty": ("“{field}”不能为空", "“{field}” is empty"),
        "layout_formula": ("“{field}”不能以 = + - @ 开头：{value}", "“{field}” cannot start with = + - @: {value}"),
        "layout_room_number_invalid": (
            "房间号无效：{room}（只能包含字母、数字和“-”）",
            "Not a valid room number: {room} (letters, digits and “-” only)",
        ),
        "layout_level_range": (
            "楼层应为 {low} 到 {high} 之间的整数（不含 0），不是 {level}",
            "The floor must be a whole number from {low} to {high}, not 0 (not {level})",
        ),
        "layout_beds_type": (
            "{type}的床位数应为 {allowed}（不是 {beds}）",
            "Beds of a {type} room: {allowed} (not {beds})",
        ),
        "layout_beds_below_occupants": (
            "房间 {room} 现有 {people} 人入住，床位不能少于 {people} 张",
            "Room {room} has {people} occupants: it needs at least {people} beds",
        ),
        "layout_beds_in_use": (
            "房间 {room} 的 {bed} 号床有人，床位不能少于 {bed} 张",
            "Bed {bed} of room {room} is occupied: the room needs at least {bed} beds",
        ),
        "layout_zone_unknown": ("区域无法识别：{value}", "Unknown zone: {value}"),
        "layout_type_unknown": ("房型无法识别：{value}", "Unknown room type: {value}"),
        "layout_building_taken": ("已有楼栋“{name}”", "There is already a building “{name}”"),
        "layout_building_retired": (
            "已有楼栋“{name}”（已注销），请换一个名称",
            "There is a retired building “{name}”: choose another name",
        ),
        "layout_floor_taken": ("{building} 已有第 {level} 层", "{building} already has floor {level}"),
        "layout_floor_retired": (
            "{building} 的第 {level} 层已注销，不能再添加",
            "Floor {level} of {building} is retired and cannot be added again",
        ),
        "layout_room_taken": ("{place} 已有房间 {room}", "{place} already has a room {room}"),
        "layout_room_retired_number": (
            "{place} 的房间 {room} 已注销，请换一个房间号",
            "Room {room} of {place} is retired: choose another number",
        ),
        "layout_add_to_retired": ("{what} 已注销，不能再添加", "{what} is retired: nothing can be added to it"),
        "layout_already_retired": ("{what} 已注销", "{what} is already retired"),
        "layout_room_is_retired": ("房间 {room} 已注销，不能修改", "Room {room} is retired and cannot be changed"),
        "layout_retire_occupied": (
            "房间 {room} 有人入住，不能注销",
            "Room {room} is occupied and cannot be retired",
        ),
        "layout_retire_dirty": (
            "房间 {room} 待终末消毒，消毒后才能注销",
            "Room {room} awaits terminal disinfection: it can be retired once disinfected",
        ),
        "layout_retire_busy": (
            "{place} 还有 {n} 间房间在用或待消毒（{rooms}），不能注销",
            "{place} still has {n} rooms occupied or awaiting disinfection ({rooms}) and cannot be retired",
        ),
        "layout_room_has_history": (
            "房间 {room} 已有使用记录，只能注销，不能删除",
            "Room {room} has a history: it can be retired, never deleted",
        ),
        "layout_import_no_header": (
            "找不到表头：需要“楼栋”“楼层”“房间号”三列",
            "No header found: the columns 楼栋 (building), 楼层 (floor) and 房间号 (room) are needed",
        ),
        "layout_import_missing": ("缺少“{field}”", "“{field}” is missing"),
        "layout_import_bad_floor": ("楼层无法识别：{value}", "Unreadable floor: {value}"),
        "layout_import_bad_beds": ("床位数无法识别：{value}", "Unreadable number of beds: {value}"),
        "layout_import_duplicate": ("与第 {row} 行是同一房间", "Same room as row {row}"),
        "layout_import_nothing": ("表中没有要添加或修改的房间", "The list has no room to add or change"),
        "layout_import_row": ("第 {row} 行：{reason}", "Row {row}: {reason}"),
        "disinfection_fields": ("请填写消毒剂、执行人和核查人", "Agent, done-by and checked-by are required"),
        "oos_dates": ("停用结束日期早于开始日期", "The out-of-service end date is before its start"),
        "temp_range": (
            "体温 {value} °C 超出合理范围（{low}–{high} °C）",
            "Temperature {value} °C is outside the plausible range ({low}–{high} °C)",
        ),
        "temp_or_reason": ("请填写体温或未测原因", "Enter a temperature or a reason it was not measured"),
        "reason_unknown": (
            "未测原因只能是睡眠中、拒绝测量或外出转运（填写的是：{reason}）",
            "The reason for no reading is asleep, refused or out for transfer (not {reason})",
        ),
        "symptom_unknown": ("未知症状：{symptom}", "Unknown symptom: {symptom}"),
        "reading_exists": ("{name} 本时段已有体温记录", "{name} already has a reading for this slot"),
        "recheck_target": ("复测须针对同一人的记录", "A recheck must refer to a reading of the same person"),
        "recheck_none": ("{name} 没有待复测的发热", "{name} has no fever waiting for a recheck"),
        "alert_closed": ("该预警已关闭", "That alert is already closed"),
        "alert_not_found": ("找不到该预警", "No such alert"),
        "alert_use_transfer": (
            "转院请用“转院”操作办理，转院后预警自动关闭",
            "A transfer to hospital is recorded with the Transfer action, which closes the alert",
        ),
        "alert_decision_unknown": ("请选择关闭预警的结论", "Choose the decision that closes the alert"),
        "not_present": ("{name} 当时不在隔离点", "{name} was not at the site then"),
        "swab_not_positive": ("该核酸结果不是阳性", "That swab result is not positive"),
        "lab_no_match": ("未找到对应的在住人员", "No present person matches"),
        "lab_no_sample": ("该人员没有待出结果的采样", "This person has no sample awaiting a result"),
        "lab_no_sample_that_day": (
            "该人员在文件所写的采样日没有待出结果的采样",
            "This person has no sample awaiting a result from the day the file gives",
        ),
        "lab_bad_ct": ("无法识别的 Ct 值", "A Ct value not understood"),
        "lab_bad_sample_time": ("无法识别的采样时间", "A sample time not understood"),
        "lab_bad_result": ("无法识别的结果：{value}", "Result not understood: {value}"),
        "lab_bad_lab": (
            "检测机构名称无效（过长或含有隐藏字符）",
            "The lab's name is not valid (too long, or hidden characters)",
        ),
        "lab_no_header": (
            "找不到表头：需要“证件号码”或“姓名”+“房间”，以及“结果”列",
            "No header found: an ID number column (or name and room) and a result column are needed",
        ),
        "swab_not_found": ("找不到该核酸检测", "No such swab test"),
        "swab_not_sampled": ("尚未采样，不能录入结果", "Not sampled yet: no result can be entered"),
        "swab_result_invalid": ("无效的检测结果：{result}", "Invalid test result: {result}"),
        "release_batch_empty": ("未选择要解除隔离的人员", "Nobody is chosen for release"),
        "release_batch_not_ready": (
            "{name} 已不符合解除隔离条件（{why}）：本次未解除任何人，请重新核对名单",
            "{name} is no longer ready for release ({why}): nobody was released; check the list again",
        ),
        "release_batch_changed": (
            "{name} 的信息已被其他工作站修改：本次未解除任何人，请重新核对名单",
            "{name} was changed at another desk: nobody was released; check the list again",
        ),
        "swab_unscheduled_past": (
            "计划外采样日期不能早于今天（{today}）",
            "An unscheduled swab cannot be planned before today ({today})",
        ),
        "swab_unscheduled_after_release": (
            "计划外采样日期不能晚于解除隔离日期（{date}）",
            "An unscheduled swab cannot be planned after the release date ({date})",
        ),
        "swab_unscheduled_duplicate": (
            "{name} 在 {date}（第 {day} 天）已有核酸检测，未重复添加",
            "{name} already has a swab on {date} (day {day}): none added",
        ),
        "swab_correct_no_result": (
            "该核酸尚无结果，无需更正：请直接录入结果",
            "This swab has no result yet: record it rather than correct it",
        ),
        "swab_correct_same": ("结果未改变", "The result is unchanged"),
        "disinfection_not_found": ("找不到该消毒记录", "No such disinfection record"),
        "disinfection_correct_same": ("消毒记录未改变", "The disinfection record is unchanged"),
        "threshold_range": ("发热阈值须在 36.0–40.0 °C 之间", "The fever threshold must be between 36.0 and 40.0 °C"),
        "backup_sqlite_only": (
            "此处仅能备份 SQLite 数据库；PostgreSQL 请在服务器上用 pg_dump 备份",
            "Only a SQLite database is backed up here; back up PostgreSQL on the server with pg_dump",
        ),
        "backup_no_database": ("数据库文件不存在：{path}", "The database file does not exist: {path}"),
        "backup_missing": ("找不到备份文件：{path}", "Backup file not found: {path}"),
        "backup_not_sqlite": ("{path} 不是 SQLite 数据库文件", "{path} is not a SQLite database file"),
        "backup_corrupt": ("备份文件已损坏（{detail}）：{path}", "The backup file is damaged ({detail}): {path}"),
        "backup_not_isodesk": ("{path} 不是隔离点工作台的数据库", "{path} is not an IsoDesk database"),
        "backup_newer": (
            "备份来自更新版本的程序（{revision}），请先升级本程序：{path}",
            "The backup comes from a newer version ({revision}); upgrade this program first: {path}",
        ),
        "backup_schema_differs": (
            "{path} 的数据库结构与版本 {revision} 不符（{detail}），不能用于恢复",
            "The structure of {path} is not that of revision {revision} ({detail}); it cannot be restored",
        ),
        "backup_audit_emptied": (
            "{path} 有数据（{tables}）却没有任何审计记录：审计记录被清空，不能用于恢复",
            "{path} holds data ({tables}) but no audit entry: the audit trail was emptied; it cannot be restored",
        ),
        "backup_audit_gaps": (
            "{path} 的审计记录有缺失（编号 1–{high} 中只有 {count} 条）：有记录被删除，不能用于恢复",
            "Audit entries were deleted from {path} (only {count} of ids 1–{high}); it cannot be restored",
        ),
        "backup_source_damaged": (
            "数据库已损坏（{detail}），未做备份，原有备份均已保留；请运行数据检查或从备份恢复：{path}",
            "The database is damaged ({detail}); no backup was made and the existing ones are kept. "
            "Run the check, or restore a backup: {path}",
        ),
        "password_short": ("密码至少需要 {n} 个字符", "A password needs at least {n} characters"),
        "forbidden": ("您的角色无权执行此操作（{action}）", "Your role may not do this ({action})"),
        "first_admin_exists": ("已经有管理员账号了", "An admin account exists already"),
        "username_invalid": ("用户名不能为空，且不超过 60 个字符", "A user name is required (at most 60 characters)"),
        "username_taken": ("用户名 {username} 已被使用", "The user name {username} is taken"),
        "login_failed": (
            "用户名或密码错误（连续输错 5 次后账号锁定 15 分钟）",
            "Wrong user name or password (after 5 wrong tries in a row the account is locked for 15 minutes)",
        ),
        "passwords_differ": ("两次输入的密码不一致", "The two passwords differ"),
        "password_wrong": ("原密码不正确", "The current password is wrong"),
        "account_disabled": (
            "此账号已停用或已不存在，请重新登录",
            "This account is disabled or no longer exists: log in again",
        ),
        "last_admin": ("不能停用或降级最后一个管理员", "The last admin cannot be disabled or demoted"),
        "user_not_found": ("找不到该用户", "User not found"),
        "pg_driver_missing": (
            "此安装没有 PostgreSQL 驱动：请安装 isodesk[postgresql]（安装程序版已自带）",
            "This installation has no PostgreSQL driver: install isodesk[postgresql] (the installer's version has it)",
        ),
        "db_url_invalid": ("数据库地址格式不正确：{detail}", "The database address is not valid: {detail}"),
        "db_unreachable": ("无法连接数据库：{detail}", "Cannot connect to the database: {detail}"),
        "form_unknown": ("没有这种表单：{form}", "No such form: {form}"),
        "stay_required": ("此表单需要指定人员（--stay）", "This form needs a stay (--stay)"),
        "date_invalid": ("日期格式不正确：{value}（应为 YYYY-MM-DD）", "Not a date: {value} (YYYY-MM-DD)"),
        "floor_unknown": ("找不到楼层：{floor}", "No such floor: {floor}"),
        "date_out_of_range": (
            "日期超出范围：{value}（应在 {first} 至 {last} 之间）",
            "Date out of range: {value} (from {first} to {last})",
        ),
        "report_day_future": (
            "不能填报未来日期的日报表：{day}（今天是 {today}）",
            "No daily report for a day to come: {day} (today is {today})",
        ),
        "no_site": (
            "数据库中还没有隔离点：请运行 python app.py demo，或启动程序新建",
            "This database has no site yet: run `python app.py demo` or start the app to create one",
        ),
        "demo_rooms": (
            "演示隔离点至少需要 {minimum} 个房间（给出的是 {rooms}）",
            "A demo site needs at least {minimum} rooms (not {rooms})",
        ),
        "demo_days": (
            "演示至少需要 {minimum} 天的历史（给出的是 {days}）",
            "A demo needs at least {minimum} day of history (not {days})",
        ),
        "demo_not_empty": (
            "此数据库已有隔离点或账号（也可能是未完成的演示），演示只能建在新的空数据库中",
            "This database already has a site or accounts (perhaps an unfinished demo): build the demo in a new,"
            " empty database",
        ),
        "import_map_syntax": ("--map 应写作 列名=字段：{value}", "--map takes HEADER=FIELD: {value}"),
        "import_map_field": ("未知字段：{field}（可用字段：{fields}）", "Unknown field {field} (fields: {fields})"),
        "file_missing": ("文件不存在：{path}", "No such file: {path}"),
        "folder_missing": ("文件夹不存在：{path}", "The folder does not exist: {path}"),
        "os_error": ("文件操作失败（{reason}）：{path}", "File operation failed ({reason}): {path}"),
        "system_error": ("系统错误（{reason}）", "System error ({reason})"),
        "disk_full": ("磁盘空间不足（{detail}）", "The disk is full ({detail})"),
        "db_missing": ("数据库文件不存在：{path}", "The database file does not exist: {path}"),
        "db_upgrade_shared": (
            "共享数据库需要升级后才能用于 IsoDesk {version}：请管理员先关闭其他工作站，再运行 isodesk-cli upgrade --db 数据库地址 --user 管理员",
            "The shared database must be upgraded for IsoDesk {version}: an admin closes the other desks, then runs isodesk-cli upgrade --db ADDRESS --user ADMIN",
        ),
        "db_newer_version": (
            "此数据库已由 IsoDesk {version} 升级：请安装 IsoDesk {version} 或更新的版本",
            "This database was upgraded by IsoDesk {version}: install IsoDesk {version} or newer",
        ),
        "db_newer": (
            "数据库来自更新版本的程序（结构版本 {revision}），请先升级本程序",
            "The database comes from a newer version of IsoDesk (schema {revision}): upgrade this program first",
        ),
        "db_corrupt": (
            "数据库文件已损坏或不是数据库：{db}（{detail}）",
            "The database file is damaged or not a database: {db} ({detail})",
        ),
        "db_error": ("数据库错误：{detail}", "Database error: {detail}"),
        "cli_usage": ("命令行参数有误：{detail}（用 --help 查看用法）", "Bad command line: {detail} (see --help)"),
        "setting_invalid": ("设置 {key} 的值无效：{value}", "Not a valid value for the setting {key}: {value}"),
        "setting_unknown": ("没有这项设置：{key}", "No such setting: {key}"),
        "credential_store_missing": (
            "本机没有系统密码库，无法保存数据库密码：请把密码写入 .pgpass 文件，地址中不含密码",
            "This PC has no credential store to keep the database password: put it in a .pgpass file"
            " and give the address without it",
        ),
        "credential_store_failed": (
            "无法把密码存入系统密码库（{detail}），未保存",
            "The password could not be put in the credential store ({detail}): nothing was saved",
        ),
        "cli_user_needed": (
            "此命令需要以账号身份执行：请用 --user 用户名（或环境变量 {env}）",
            "This command acts as an account: give --user NAME (or the {env} environment variable)",
        ),
        "cli_password_needed": (
            "需要密码：请在终端中运行以输入密码，或设置环境变量 {env}",
            "A password is needed: run it in a terminal to be asked, or set the {env} environment variable",
        ),
        "cli_db_twice": (
            "--db 给了两个不同的数据库：{first} 和 {second}",
            "--db names two different databases: {first} and {second}",
        ),
        "clock_env_invalid": (
            "环境变量 ISODESK_NOW 不是带时区的时间：{value}（例如 2026-12-01T08:00+08:00）",
            "ISODESK_NOW is not an instant with a time-zone offset: {value} (e.g. 2026-12-01T08:00+08:00)",
        ),
        "unexpected": (
            "意外错误：{detail}（详情已写入日志 {log}）",
            "Unexpected error: {detail} (details in the log {log})",
        ),
        "interrupted": ("已中断", "Interrupted"),
        "stale": (
            "该记录已被他人修改，请刷新后重试",
            "Someone else changed this record meanwhile: reload and try again",
        ),
        "conflict": (
            "操作冲突（可能同时被其他前台占用），请重试",
            "Conflicting change (perhaps another desk at the same time): try again",
        ),
        "permission": ("当前用户无权执行此操作", "The current user is not allowed to do this"),
        "rule_set_unknown": ("找不到该隔离规则", "No such rule set"),
        "site_name_required": ("请填写隔离点名称", "The site needs a name"),
        "site_details_long": (
            "隔离点名称最多 200 字，地址最多 400 字",
            "The site's name has at most 200 characters, its address at most 400",
        ),
        "rule_set_final": (
            "隔离规则“{name}”已启用过，不能直接修改：请复制为新版本后编辑",
            "Rule set “{name}” has been in use and is not edited in place: copy it to a new version and edit that",
        ),
        "rule_set_name_required": ("请填写规则名称", "The rule set needs a name"),
        "rule_set_name_long": ("规则名称不能超过 100 个字", "A rule set's name has at most 100 characters"),
        "rule_set_name_taken": ("已有名为“{name}”的隔离规则", "There is already a rule set called “{name}”"),
        "rule_set_empty": ("隔离规则“{name}”没有任何人员类别的规则", "Rule set “{name}” has no rule for any category"),
        "rule_days_unreadable": (
            "{phase}检测日无法识别：{value}（写作 1,4,7,14）",
            "Test days of {phase} not readable: {value} (write 1,4,7,14)",
        ),
        "rule_day_outside": (
            "{phase}检测日第 {day} 天超出该阶段的 {days} 天",
            "Test day {day} of {phase} is outside its {days} days",
        ),
        "rule_days_range": ("天数应在 {low} 到 {high} 之间", "Days must be between {low} and {high}"),
        "rule_count_from_unknown": ("起算方式无法识别", "Unknown counting origin"),
        "rule_category_twice": ("人员类别“{category}”的规则重复", "Two rules for category “{category}”"),
        "rule_phase_central": ("集中隔离", "centralized isolation"),
        "rule_phase_home_isolation": ("居家隔离", "home isolation"),
        "rule_phase_home": ("居家健康监测", "home health monitoring"),
        "date_required": ("请填写日期", "A date is required"),
        # dates typed at the desk or written on a list (models/rules/typed_dates.py)
        "typed_date_unreadable": (
            "无法识别的日期：{value}（可写作 2026-11-29、2026/11/29、20261129、11-29、11月29日、今天、昨天）",
            "Not a date: {value} (write 2026-11-29, 2026/11/29, 20261129, 11-29, 11月29日, today or yesterday)",
        ),
        "typed_date_no_such_day": ("没有这一天：{value}", "No such day: {value}"),
        "typed_time_invalid": (
            "时间无效：{value}（时 0–23，分 0–59）",
            "Not a time of day: {value} (hours 0–23, minutes 0–59)",
        ),
        "typed_date_has_time": ("此处只填日期，不填时间：{value}", "This field takes a day, without a time: {value}"),
        "import_unreadable": (
            "无法读取文件 {name}：文件已损坏或不是表格",
            "Cannot read {name}: the file is damaged or not a spreadsheet",
        ),
        "import_sheet_unknown": (
            "工作簿中没有名为“{sheet}”的工作表（有：{sheets}）",
            "The workbook has no sheet called “{sheet}” (it has: {sheets})",
        ),
        "import_format": (
            "不支持的文件类型：{suffix}（请用 .xlsx、.xls、.ods、.et 或 .csv）",
            "Unsupported file type {suffix} (use .xlsx, .xls, .ods, .et or .csv)",
        ),
        "import_encoding": (
            "无法识别文件编码（请另存为 UTF-8 或 GBK 的 CSV）",
            "Unknown text encoding (save the CSV as UTF-8 or GBK)",
        ),
        "import_no_header": (
            "找不到表头（至少需要“姓名”和“证件号码”列）",
            "No header row found (needs at least name and ID number columns)",
        ),
        "import_blank_row": ("空行", "Blank row"),
        "import_total_row": ("合计行或说明行，已跳过", "Total or note row, skipped"),
        "import_cell_too_long": ("“{column}”内容过长（{length} 字）", "“{column}” is too long ({length} characters)"),
        "import_formula": ("“{column}”是公式，请粘贴为数值", "“{column}” holds a formula: paste it as a value"),
        "import_bad_sex": ("性别无法识别：{value}", "Unknown sex: {value}"),
        "import_bad_date": ("日期无法识别：{value}", "Unreadable date: {value}"),
        "category_unknown_cell": ("人员类别无法识别：{value}", "Unknown category: {value}"),
        "import_duplicate_row": ("与第 {row} 行重复", "Same person as row {row}"),
        "import_companion_missing": ("同住人“{name}”不在本名单中", "Companion “{name}” is not on this list"),
        "import_nothing": ("名单中没有可登记的人员", "No row of the list can be registered"),
        "import_no_room": (
            "空闲房间不足：{total} 人中有 {missing} 人无法安排，未登记任何人",
            "Not enough free rooms: {missing} of {total} cannot be placed; nobody was registered",
        ),
        "import_plan_changed": (
            "房间安排已变化（{moved} 人的房间已被占用或不再可用），未登记任何人：请重新核对名单",
            "The room plan changed ({moved} people's rooms were taken or are no longer available); nobody was registered: check the list again",
        ),
        # limits of a file read from outside (models/rules/table_files.py)
        "import_file_too_large": (
            "文件 {name} 过大（{size}，上限 {limit}）",
            "{name} is too large ({size}; the limit is {limit})",
        ),
        "import_zip_members": (
            "文件 {name} 含有过多部件（{count} 个，上限 {limit} 个），不是正常的表格，未读取",
            "{name} has too many parts ({count}; the limit is {limit}): not a normal spreadsheet, not read",
        ),
        "import_zip_size": (
            "文件 {name} 解压后过大（{size}，上限 {limit}），未读取",
            "{name} would unpack to {size} (the limit is {limit}): not read",
        ),
        "import_zip_ratio": (
            "文件 {name} 的部件 {part} 压缩比异常（{ratio} 倍，上限 {limit} 倍），未读取",
            "Part {part} of {name} unpacks {ratio} times its size (the limit is {limit} times): not read",
        ),
        "import_xml_elements": (
            "文件 {name} 的部件 {part} 结构过于复杂（超过 {limit} 个元素），未读取",
            "Part {part} of {name} is too complex (more than {limit} elements): not read",
        ),
        "import_xml_depth": (
            "文件 {name} 的部件 {part} 嵌套过深（超过 {limit} 层），未读取",
            "Part {part} of {name} is nested too deep (more than {limit} levels): not read",
        ),
        "import_too_many_rows": (
            "{name} 的行数过多（超过 {limit} 行；转运名单通常只有几千行），未读取",
            "{name} has too many rows (more than {limit}; a transfer list has a few thousand): not read",
        ),
        "import_too_many_columns": (
            "{name} 的列数过多（超过 {limit} 列），未读取",
            "{name} has too many columns (more than {limit}): not read",
        ),
        "import_map_empty": ("没有可记住的列对应", "No column mapping to remember"),
        "import_source_unknown": ("没有为“{source}”记住过列对应", "No column mapping is kept for “{source}”"),
        "import_merged_too_many": (
            "{name} 中合并的单元格过多（超过 {limit} 个），未读取",
            "{name} merges too many cells (more than {limit}): not read",
        ),
        "import_formula_no_value": (
            "“{column}”是公式，文件里没有保存它的结果：请在 Excel 或 WPS 中打开并保存该文件，或粘贴为数值后再导入",
            "“{column}” holds a formula whose result the file does not keep: open the file in Excel or WPS and "
            "save it, or paste the column as values, then import it again",
        ),
        "import_cell_too_large": (
            "{name} 中有单元格内容过长（超过 {limit} 字），未读取",
            "A cell of {name} is too long (more than {limit} characters): not read",
        ),
        "import_line_too_long": (
            "{name} 第 {line} 行过长（超过 {limit} 字），未读取",
            "Line {line} of {name} is too long (more than {limit} characters): not read",
        ),
        # text and dates of a person or an arrival (models/services/arrivals.py)
        "text_too_long_any": (
            "输入的文字过长：{length} 字，最多 {limit} 字，未保存",
            "A text entered is too long: {length} characters, at most {limit}; nothing was saved",
        ),
        "text_control_any": (
            "输入的文字含有控制字符 {char}，未保存",
            "A text entered contains a control character {char}; nothing was saved",
        ),
        "text_too_long": (
            "“{field}”过长：{length} 字，最多 {limit} 字",
            "“{field}” is too long: {length} characters, at most {limit}",
        ),
        "text_control": (
            "“{field}”含有控制字符 {char}",
            "“{field}” contains a control character {char}",
        ),
        "text_bidi": (
            "“{field}”含有改变文字方向的隐藏字符 {char}",
            "“{field}” contains a hidden text-direction character {char}",
        ),
        "text_invisible": (
            "“{field}”含有不可见字符 {char}",
            "“{field}” contains an invisible character {char}",
        ),
        "arrival_too_early": (
            "入住时间不能早于 {first}：{value}",
            "The arrival time cannot be before {first}: {value}",
        ),
        "exposure_too_early": (
            "末次暴露时间不能早于 {first}：{value}",
            "The last exposure cannot be before {first}: {value}",
        ),
        "birth_date_range": (
            "出生日期应在 {first} 至今天（{last}）之间：{value}",
            "The birth date must be between {first} and today ({last}): {value}",
        ),
        "field_name": ("姓名", "Name"),
        "field_doc_number": ("证件号码", "Document number"),
        "field_phone": ("联系电话", "Phone"),
        "field_address": ("住址", "Address"),
        "field_origin": ("来源地", "Origin"),
        "field_emergency_contact": ("紧急联系人", "Emergency contact"),
        "field_emergency_phone": ("紧急联系电话", "Emergency phone"),
        "field_special_needs": ("特殊需求", "Special needs"),
        "field_notes": ("备注", "Notes"),
        "warn_region_unknown": (
            "身份证地区码未知（号码校验正确，仍可登记）",
            "Unknown region code in the ID (checksum is right; accepted)",
        ),
        "import_year_inferred": (
            "“{column}”写作“{value}”，未写年份，按 {day} 读取",
            "“{column}” says “{value}” without a year: read as {day}",
        ),
        "warn_id_upgraded_from_15": ("15位旧身份证号已升级为18位", "15-digit ID number upgraded to 18"),
        # notices: not refusals, said the same way (progress of the demo build)
        "demo_layout": ("建立房间：{rooms} 间", "Layout: {rooms} rooms"),
        "demo_people": (
            "人员：{stays} 人次入住，当前 {occupied} 间有人",
            "People: {stays} stays, {occupied} rooms occupied now",
        ),
        "demo_history": ("体温记录与核酸检测", "Readings and swabs"),
        # why a room was suggested (models/services/allocation.py, Suggestion.explain)
        "alloc_kind_single": ("单人单间", "Single room, one person"),
        "alloc_kind_double": ("双人间", "Double room"),
        "alloc_kind_accessible": ("无障碍房间", "Accessible room"),
        "alloc_companion_child": ("与监护人同住（14岁以下儿童）", "Shares with the carer (child under 14)"),
        "alloc_companion_pregnant": ("与陪护人同住（孕妇）", "Shares with a carer (pregnant)"),
        "alloc_companion_dependent": ("与陪护人同住（需照护）", "Shares with a carer (dependent person)"),
        "alloc_companion_family": ("家庭同住（前台确认）", "Family sharing, chosen by the desk"),
        "alloc_companion": ("与同住人同住", "Shares with a companion"),
        "alloc_no_room": ("没有合适的空闲房间", "No suitable available room"),
        "alloc_needs_accessible": ("需要无障碍设施", "Needs an accessible room"),
        "alloc_accessible_full": ("无障碍房间已满，安排普通房间", "No accessible room left: an ordinary room"),
        "alloc_shared": ("{people}人同住，床位{beds}张", "{people} people, {beds} beds"),
        "alloc_group_one_floor": ("同组（{group}）安排在同一楼层", "Group “{group}” kept on one floor"),
        "alloc_group_spread": (
            "同组（{group}）人数超过单层空房，分在最少的楼层",
            "Group “{group}” too big for one floor: spread over the fewest floors",
        ),
        # why a round has no number for someone (models/rules/not_measured.py)
        "not_measured_asleep": ("睡眠中", "asleep"),
        "not_measured_refused": ("拒绝测量", "refused"),
        "not_measured_transfer": ("外出转运", "out for transfer"),
    },
)


class Coded(str):
    """A code given as a message parameter: the code itself (compared, stored, in ``params``), said as
    its words in each language's message (``coded()`` takes them from MESSAGES)."""

    zh: str
    en: str

    def __new__(cls, code: str, zh: str, en: str) -> Coded:
        self = super().__new__(cls, code)
        self.zh, self.en = zh, en
        return self


@cache  # a few dozen codes, asked for by the thousand (a site's release checks)
def coded(kind: str, code: str) -> Coded:
    """``code`` of ``kind`` (e.g. ``swab_result``) with its words from MESSAGES[f"{kind}_{code}"]."""
    key = f"{kind}_{code}"
    if key not in MESSAGES:
        return Coded(code, code, code)
    return Coded(code, MESSAGES.template(key, "zh_CN"), MESSAGES.template(key, "en"))


def _said(params: dict[str, Any], zh: bool) -> dict[str, Any]:
    return {k: ((v.zh if zh else v.en) if isinstance(v, Coded) else v) for k, v in params.items()}


class _Said:
    """A code of MESSAGES with its parameters, said in either language. The words are formed when read, not
    when made: the release checks of a whole site make problems by the thousand that nobody reads; a code
    not in the table or a missing parameter is still refused where it is made (``MESSAGES.check``)."""

    code: str
    params: dict[str, Any]

    def _say(self, code: str, params: dict[str, Any]) -> None:
        MESSAGES.check(code, params)
        self.code, self.params = code, params

    @cached_property
    def zh(self) -> str:
        return MESSAGES.text(self.code, "zh_CN", **_said(self.params, True))

    @cached_property
    def en(self) -> str:
        return MESSAGES.text(self.code, "en", **_said(self.params, False))

    def message(self, lang: str = "zh_CN") -> str:
        return self.zh if language(lang) == "zh_CN" else self.en

    def __str__(self) -> str:
        return f"{self.zh} / {self.en}"


class Notice(_Said):
    """Something to tell the user that is not a refusal (a step of a long job): a code of the same
    table, said in either language; ``str()`` gives "中文 / English" for the command line."""

    def __init__(self, code: str, **params: Any) -> None:
        self._say(code, params)


class DomainError(_Said, Exception):
    """A refusal the user should read. ``code`` is stable; ``zh`` and ``en`` are the messages."""

    def __init__(self, code: str, **params: Any) -> None:
        self._say(code, params)
        super().__init__(code)


class NoSiteError(DomainError, LookupError):
    """The database has no site yet; a LookupError too, for the callers that catch that."""

    def __init__(self) -> None:
        super().__init__("no_site")
