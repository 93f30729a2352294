"""The words on the forms, in Simplified Chinese and English (printing has no Qt, so no tr())."""

from __future__ import annotations

ZH: dict[str, str] = {
    "sheet_title": "每日健康观察记录表",
    "room": "房间",
    "name": "姓名",
    "sex": "性别",
    "age": "年龄",
    "day_n": "第N天",
    "release": "解除日期",
    "am": "上午体温",
    "pm": "下午体温",
    "symptoms_short": "症状（请勾选）",
    "symptom_boxes": "□发热 □干咳 □乏力 □咽痛 □嗅味觉减退 □腹泻 □其他",
    "swab": "今日核酸",
    "signature": "测量人签名",
    "nobody": "无在住人员",
    "empty_rooms": "空房间",
    "sheet_footer": "体温 ≥ 发热阈值者须复测并立即报告；●＝今日需采核酸。扫描二维码可在系统中打开该人员。",
    "reg_title": "集中隔离医学观察人员登记表",
    "birth": "出生日期",
    "doc_type": "证件类型",
    "doc_number": "证件号码",
    "phone": "联系电话",
    "origin": "来源地",
    "address": "住址",
    "category": "人员类别",
    "exposure": "末次暴露时间",
    "arrived": "入住时间",
    "home_until": "居家监测至",
    "companions": "同住人",
    "needs": "特殊需求",
    "notes": "备注",
    "sign_person": "本人签名",
    "sign_staff": "登记人签名",
    "sign_site": "隔离点（盖章）",
    "date": "日期",
    "notice_title": "集中隔离医学观察告知书",
    "notice_to": "{name}：",
    "notice_body": "根据疫情防控要求，您将在{site}（{room}）接受集中隔离医学观察，自 {start} 起，预计于 {end} 解除。期间请配合以下事项：",
    "notice_sign": "本人已知悉上述内容。　　签名：＿＿＿＿＿＿　　日期：＿＿＿＿＿＿",
    "release_title": "解除集中隔离医学观察告知书",
    "site": "隔离点",
    "iso_from": "隔离开始",
    "iso_to": "隔离结束",
    "last_swab": "末次核酸结果",
    "home_period": "居家健康监测",
    "home_days": "{n} 天，至 {until}",
    "release_body": "{name}同志：您已完成集中隔离医学观察，经评估符合解除条件，于 {end} 解除集中隔离。",
    "nobody_release": "今日无应解除人员。",
    "temp_title": "体温登记表",
    "no_readings": "暂无体温记录",
    "card_title": "房间门卡",
    "report_title": "集中隔离点日报表",
    "report_sub": "填报单位：{site}　　统计日期：{day}（截至当日 24 时）",
    "item": "项目",
    "count": "数量",
    "r_rooms_total": "房间总数",
    "r_occupied": "已入住房间",
    "r_available": "空闲房间",
    "r_awaiting_disinfection": "待消毒房间",
    "r_out_of_service": "停用房间",
    "r_people_present": "在住人数",
    "r_arrivals": "当日新入住",
    "r_releases": "当日解除",
    "r_releases_cumulative": "累计解除",
    "r_transfers": "当日转运",
    "r_fevers": "当日体温异常",
    "r_swabs_taken": "当日核酸采样",
    "r_swabs_positive": "当日核酸阳性",
    "zero_report": "今日无新增入住、解除、转运、体温异常及阳性情况（零报告）。",
    "report_sign": "填报人：＿＿＿＿＿＿　　审核人：＿＿＿＿＿＿",
    "dis_title": "终末消毒记录",
    "previous": "上一位入住者",
    "left_at": "离开时间",
    "why": "离开原因",
    "dis_at": "消毒时间",
    "agent": "消毒剂",
    "concentration": "浓度",
    "done_by": "消毒人",
    "checked_by": "核查人",
    "none": "无记录",
    "ledger_title": "隔离人员台账",
    "departed": "离开时间",
    "departure": "离开方式",
}

EN: dict[str, str] = {
    "sheet_title": "Daily health observation sheet",
    "room": "Room",
    "name": "Name",
    "sex": "Sex",
    "age": "Age",
    "day_n": "Day N/M",
    "release": "Release",
    "am": "Morning °C",
    "pm": "Evening °C",
    "symptoms_short": "Symptoms (tick)",
    "symptom_boxes": "□fever □dry cough □fatigue □sore throat □smell/taste □diarrhoea □other",
    "swab": "Swab today",
    "signature": "Measured by",
    "nobody": "Nobody present",
    "empty_rooms": "Empty rooms",
    "sheet_footer": "A reading at or above the fever threshold is measured again and reported at once; ● = swab due today. "
    "Scan the QR code to open the person in IsoDesk.",
    "reg_title": "Registration form: centralized isolation",
    "birth": "Birth date",
    "doc_type": "Document",
    "doc_number": "Document number",
    "phone": "Phone",
    "origin": "From",
    "address": "Address",
    "category": "Category",
    "exposure": "Last exposure",
    "arrived": "Arrived",
    "home_until": "Home monitoring until",
    "companions": "Companions",
    "needs": "Special needs",
    "notes": "Notes",
    "sign_person": "Signature",
    "sign_staff": "Registered by",
    "sign_site": "Site (stamp)",
    "date": "Date",
    "notice_title": "Notice of centralized isolation",
    "notice_to": "To {name}:",
    "notice_body": "Under the epidemic control rules you will stay in centralized isolation at {site} ({room}) from {start}; "
    "release is planned on {end}. Meanwhile, please:",
    "notice_sign": "I have read this notice.    Signature: ____________    Date: ____________",
    "release_title": "Notice of release from centralized isolation",
    "site": "Site",
    "iso_from": "Isolation from",
    "iso_to": "Isolation to",
    "last_swab": "Last swab result",
    "home_period": "Home health monitoring",
    "home_days": "{n} days, until {until}",
    "release_body": "{name}: you have completed centralized isolation, meet the conditions for release, and are "
    "released on {end}.",
    "nobody_release": "Nobody is due for release today.",
    "temp_title": "Temperature record",
    "no_readings": "No readings yet",
    "card_title": "Room card",
    "report_title": "Isolation site daily report",
    "report_sub": "Site: {site}    Date: {day} (as at midnight)",
    "item": "Item",
    "count": "Count",
    "r_rooms_total": "Rooms in all",
    "r_occupied": "Rooms occupied",
    "r_available": "Rooms available",
    "r_awaiting_disinfection": "Rooms awaiting disinfection",
    "r_out_of_service": "Rooms out of service",
    "r_people_present": "People present",
    "r_arrivals": "Arrivals today",
    "r_releases": "Releases today",
    "r_releases_cumulative": "Releases, cumulative",
    "r_transfers": "Transfers today",
    "r_fevers": "Abnormal temperatures today",
    "r_swabs_taken": "Swabs taken today",
    "r_swabs_positive": "Positive swabs today",
    "zero_report": "No arrivals, releases, transfers, fevers or positive results today (zero report).",
    "report_sign": "Reported by: ____________    Checked by: ____________",
    "dis_title": "Terminal disinfection record",
    "previous": "Previous occupant",
    "left_at": "Left at",
    "why": "Why",
    "dis_at": "Disinfected at",
    "agent": "Agent",
    "concentration": "Concentration",
    "done_by": "Done by",
    "checked_by": "Checked by",
    "none": "No records",
    "ledger_title": "People ledger",
    "departed": "Left at",
    "departure": "Left how",
}

# the forms' lists of rules, one paragraph a line
ZH_LINES: dict[str, list[str]] = {
    "notice_rules": [
        "一、单人单间居住，不得离开房间，不得互相串门；",
        "二、每日上午、下午各测量体温一次，如实报告发热、干咳、乏力、咽痛、嗅味觉减退、腹泻等症状；",
        "三、按规定时间配合核酸采样；",
        "四、生活垃圾按要求分类投放，餐食由工作人员送至门口；",
        "五、如有身体不适或特殊需求，请及时联系工作人员。",
    ],
    "home_rules": [
        "解除后请按要求进行居家健康监测，每日早晚测量体温；",
        "监测期间尽量减少外出，不聚餐、不聚集，外出时全程佩戴口罩；",
        "如出现发热、干咳等症状，请及时就医并主动告知接触史；",
        "请配合所在社区（街道）做好后续健康管理。",
    ],
}

EN_LINES: dict[str, list[str]] = {
    "notice_rules": [
        "1. Stay in your own room; do not leave it or visit others.",
        "2. Take your temperature every morning and evening; report fever, dry cough, fatigue, sore throat, loss of smell "
        "or taste, diarrhoea.",
        "3. Give swab samples at the times you are told.",
        "4. Sort your waste as asked; meals are brought to your door.",
        "5. Tell the staff at once if you feel unwell or need anything.",
    ],
    "home_rules": [
        "Monitor your health at home as required: temperature every morning and evening.",
        "Go out as little as possible, avoid gatherings, wear a mask outside.",
        "If you have fever or a cough, see a doctor and tell them about your isolation.",
        "Follow your community's instructions for health management.",
    ],
}


def L(lang: str) -> dict[str, str]:
    return ZH if lang.startswith("zh") else EN


def lines(lang: str, key: str) -> list[str]:
    """One of the lists of rules (``notice_rules``, ``home_rules``)."""
    return (ZH_LINES if lang.startswith("zh") else EN_LINES)[key]


def sex_label(sex: str, lang: str) -> str:
    return {"M": "男", "F": "女"}.get(sex, "") if lang.startswith("zh") else sex


def doc_type_label(doc_type: str, lang: str) -> str:
    zh = {"resident_id": "居民身份证", "passport": "护照", "hmt_permit": "港澳台通行证", "other": "其他"}
    en = {
        "resident_id": "Resident ID",
        "passport": "Passport",
        "hmt_permit": "HK/Macao/Taiwan permit",
        "other": "Other",
    }
    return (zh if lang.startswith("zh") else en).get(doc_type, doc_type)


def swab_label(result: str, lang: str) -> str:
    zh = {"negative": "阴性", "positive": "阳性", "pending": "待出", "": "未检测"}
    en = {"negative": "negative", "positive": "positive", "pending": "pending", "": "not tested"}
    return (zh if lang.startswith("zh") else en).get(result, result)
