"""Keep the Qt Linguist files current: extract tr() strings, fill known Chinese, compile .qm.

    python tools/translations.py          # lupdate + fill from ZH below + lrelease
    python tools/translations.py --check  # exit 1 if a source string has no Chinese translation

The Chinese text lives here (one dictionary, reviewed like code); Qt Linguist can edit the
.ts as well, and this script keeps what is already translated there.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TS = ROOT / "resources" / "i18n" / "isodesk_zh_CN.ts"
BIN = Path(sys.executable).parent

ZH: dict[str, str] = {
    "occ {0} · free {1}\ndis {2} · oos {3}": "占{0} 空{1} 消{2} 停{3}",
    "{0}: day {1} of {2}, release {3}": "{0}：第{1}/{2}天，{3} 解除",
    "IsoDesk — isolation point desk": "隔离点工作台",
    "All states": "全部状态",
    "Fever alert": "发热预警",
    "Building": "楼栋",
    "State": "状态",
    "Database: {0}": "数据库：{0}",
    "All buildings": "全部楼栋",
    "IsoDesk": "隔离点工作台",
    "Rooms {0} · occupied {1} · available {2} · disinfection {3} · out of service {4} · people {5} · fever {6}": "房间 {0} · 已入住 {1} · 空闲 {2} · 待消毒 {3} · 停用 {4} · 在住 {5} 人 · 发热 {6}",
    "Available": "空闲",
    "Occupied": "已入住",
    "Awaiting disinfection": "待消毒",
    "Out of service": "停用",
    "This database has no site yet. Create the demo site now?": "数据库中还没有隔离点。现在创建示范隔离点吗？",
    "No readings yet": "暂无体温记录",
    "Room": "房间",
    "Name": "姓名",
    "Sex": "性别",
    "Age": "年龄",
    "Category": "人员类别",
    "Day": "第N天",
    "Release": "解除日期",
    "ID number": "证件号码",
    "Phone": "电话",
    "M": "男",
    "F": "女",
    "left": "已离开",
    "Name, pinyin (zs), ID or phone tail, room…": "姓名、拼音（zs）、证件或电话尾号、房间号…",
    "Present only": "仅在住",
    "Any release date": "全部解除日期",
    "Release due today": "今日解除",
    "Release due tomorrow": "明日解除",
    "Release within 3 days": "3天内解除",
    "Show ID in full": "显示完整证件号",
    "All categories": "全部类别",
    "{0} people": "{0} 人",
    "Day {0} of {1}": "第 {0}/{1} 天",
    "Left on {0}": "已于 {0} 离开",
    "ID": "证件",
    "From": "来源地",
    "Arrived": "入住",
    "Special needs": "特殊需求",
    "Threshold {0} °C": "发热阈值 {0} ℃",
    "Room board": "房态",
    "Occupants": "人员",
    "Settings": "设置",
    "Dark theme": "深色主题",
    "Language": "语言",
    "Database": "数据库",
    "Language and theme apply at the next start.": "语言和主题在下次启动时生效。",
    "New arrival": "新入住登记",
    "Resident ID": "居民身份证",
    "Passport": "护照",
    "HK/Macao/Taiwan permit": "港澳台通行证/居住证",
    "Other": "其他",
    "Male": "男",
    "Female": "女",
    "Last exposure known": "末次暴露时间",
    "e.g. elderly, diabetes, reduced mobility, halal diet": "如：老人、糖尿病、行动不便、清真饮食",
    "Document": "证件类型",
    "Document number": "证件号码",
    "Mobile": "手机号码",
    "Arrival": "入住时间",
    "Address": "住址",
    "Notes": "备注",
    "Register and check in": "登记并入住",
    "Born {0}, {1}": "出生 {0}，{1}",
    "unknown region code (accepted)": "地区码未知（仍可登记）",
    "Suggested: {0} — {1}": "建议：{0} — {1}",
    "No room available": "没有空闲房间",
    "User: {0}": "用户：{0}",
    "Actions": "操作",
    "Checked in: {0}": "已入住：{0}",
    "Match the columns": "匹配列",
    "Which field is each column? Name and ID number are required.": "每一列对应哪个字段？姓名和证件号码必填。",
    "(ignore)": "（忽略）",
    "Batch arrival from a transfer list": "按转运名单批量入住",
    "No file": "未选择文件",
    "Open list…": "打开名单…",
    "Row": "行",
    "Status": "状态",
    "Why": "原因",
    "Export rejected rows…": "导出未通过的行…",
    "Check in all valid rows": "全部有效人员入住",
    "Transfer list": "转运名单",
    "Spreadsheets (*.xlsx *.csv)": "表格文件 (*.xlsx *.csv)",
    "none": "无",
    "{0} to check in · {1} invalid · {2} duplicates · {3} skipped": "可入住 {0} 人 · 无效 {1} · 重复 {2} · 跳过 {3}",
    "{0} people have no room: nobody will be checked in": "{0} 人没有房间：不会登记任何人",
    "valid": "有效",
    "warning": "提醒",
    "invalid": "无效",
    "duplicate": "重复",
    "skipped": "跳过",
    "Export rejected rows": "导出未通过的行",
    "{0} rows written to {1}": "已将 {0} 行写入 {1}",
    "Batch arrival": "批量入住",
    "Checked in: {0} people": "已入住 {0} 人",
    "{0} beds": "{0} 张床",
    "Record terminal disinfection": "登记终末消毒",
    "Terminal disinfection": "终末消毒",
    "Agent": "消毒剂",
    "Concentration": "浓度",
    "Done by": "执行人",
    "Checked by": "核查人",
    "Until": "截至",
    "Take out of service": "停用",
    "Reason": "原因",
    "Back in service": "恢复使用",
    "Check someone in here…": "在此房间登记入住…",
    "History": "记录",
    "Chosen on the room board": "在房态图上选定",
    "Change room": "换房",
    "Release date": "解除日期",
    "Transfer": "转运",
    "Other departure": "其他离开",
    "New room": "新房间",
    "Extend or shorten the stay": "延长或缩短隔离期",
    "Release date reached": "已到解除日期",
    "Last scheduled swab": "最后一次应检核酸",
    "day": "第",
    "Open fever alert": "未处理发热预警",
    "Needed only to release before the checks pass": "仅在条件未满足时强制解除才需填写",
    "Override reason": "强制解除原因",
    "To hospital": "转运至医院",
    "To another site": "转至其他隔离点",
    "To home isolation": "转居家隔离",
    "Kind": "方式",
    "Hospital or site": "医院或隔离点",
    "Escort, vehicle, notes": "陪同、车辆、备注",
    "Set up the isolation point": "设置隔离点",
    "Welcome": "欢迎",
    "Create our site": "创建本隔离点",
    "Open the demo site (synthetic people)": "打开示范隔离点（虚构人员）",
    "The site": "隔离点",
    "Several buildings: separate with commas": "多栋楼用逗号分隔",
    "Site name": "隔离点名称",
    "Buildings": "楼栋",
    "Floors per building": "每栋楼层数",
    "Room numbers per floor from": "每层房间号从",
    "to": "到",
    "Double rooms per floor": "每层双人间数",
    "Accessible rooms per floor": "每层无障碍房间数",
    "Fever threshold (°C)": "发热阈值（℃）",
    "Rule set": "隔离规则",
    "{0} rooms; floor 1: {1}": "共 {0} 间；1 层：{1}",
    "Name, buildings and a room range are required": "请填写名称、楼栋和房间号范围",
}


def tool(name: str) -> str:
    exe = BIN / name
    return str(exe) if exe.exists() else name


def main() -> int:
    check = "--check" in sys.argv
    ts = TS
    if check:  # look at what lupdate would find, without touching the real file
        ts = Path(tempfile.mkdtemp()) / TS.name
        shutil.copy(TS, ts)
    sources = sorted(str(p) for p in (ROOT / "views").rglob("*.py"))
    subprocess.run([tool("pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(ts)], check=True, capture_output=True)
    tree = ET.parse(ts)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        tr = message.find("translation")
        assert tr is not None
        if source in ZH:
            tr.text = ZH[source]
            tr.attrib.pop("type", None)
        elif not (tr.text or "").strip():
            missing.append(source)
    if check:
        for m in missing:
            print(f"untranslated: {m}")
        return 1 if missing else 0
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run(
        [tool("pyside6-lrelease"), str(TS), "-qm", str(TS.with_suffix(".qm"))], check=True, capture_output=True
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
