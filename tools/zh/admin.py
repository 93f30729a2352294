"""Chinese for administration: backups and restore (later: accounts, audit trail)."""

ZH: dict[str, str] = {
    "Backups": "备份",
    "This site uses PostgreSQL: back it up on the server (pg_dump).": "本隔离点使用 PostgreSQL 数据库：请在服务器上备份（pg_dump）。",
    "Choose…": "选择…",
    "Folder": "文件夹",
    " h": " 小时",
    "Every": "间隔",
    "Also at start and at exit; 7 daily and 4 weekly copies are kept.": "启动和退出时也会备份；保留最近 7 天每天一份、最近 4 周每周一份。",
    "Back up now": "立即备份",
    "Copies": "备份副本",
    "Restore the selected copy…": "恢复所选副本…",
    "Backup folder": "备份文件夹",
    "Backup failed: {0}": "备份失败：{0}",
    "Saved {0}": "已保存 {0}",
    "Choose a copy in the list first.": "请先在列表中选择一个副本。",
    "Restore": "恢复",
    "Replace the database with the copy of {0}? Changes made since then are set aside (the current database is saved first). IsoDesk restarts afterwards.": "用 {0} 的副本替换当前数据库吗？此后的改动将被搁置（当前数据库会先另存一份）。恢复后程序将重新启动。",
    "Restore refused: {0}": "无法恢复：{0}",
    "Restored. The replaced database is kept as {0}": "已恢复。被替换的数据库另存为 {0}",
    "Backed up to {0}": "已备份到 {0}",
}
