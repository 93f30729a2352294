"""Chinese for errors the desk sees: the unexpected-error dialog, an unreachable database, Help › About."""

ZH: dict[str, str] = {
    # views/error_dialog.py
    "IsoDesk — unexpected error": "IsoDesk — 意外错误",
    "The database did not answer. IsoDesk could not finish this action.": "数据库没有响应，本次操作未能完成。",
    "Something went wrong. IsoDesk could not finish this action.": "程序出错，本次操作未能完成。",
    "What failed: {0}": "出错内容：{0}",
    "Nothing was saved: the whole action was undone, the data is as it was before.": "没有保存任何内容：整个操作已撤销，数据与操作前相同。",
    "Check on the screen whether your last action was saved before you repeat it.": "重做之前，请先在界面上确认上一步操作是否已保存。",
    "The details are in the log file: {0}": "详细信息已记录在日志文件：{0}",
    "No log file could be written.": "无法写入日志文件。",
    "Copy details": "复制详细信息",
    "Copied": "已复制",
    "{0} more errors since; all are in the details and the log.": "此后又发生 {0} 个错误，均已列入详细信息和日志。",
    # views/db_status.py
    "IsoDesk — database unreachable": "IsoDesk — 无法连接数据库",
    "IsoDesk cannot open its database.": "IsoDesk 无法打开数据库。",
    "Reason: {0}": "原因：{0}",
    "For a shared PostgreSQL database: is the server running, and is this PC on its network? Then press Retry. To use another database this once, open the database settings, try it there, then Retry; an admin saves it for good in Settings.": "如使用共享的 PostgreSQL 数据库：请确认服务器已启动、本机已连入其网络，然后点“重试”。如要临时改用其他数据库，请打开数据库设置，在那里测试，再点“重试”；长期使用须由管理员在“设置”中保存。",
    "Retry": "重试",
    "Open database settings": "打开数据库设置",
    "Quit": "退出",
    "Retry now": "立即重试",
    "Database unreachable — retrying every few seconds. Nothing can be saved until it answers.": "无法连接数据库 — 每隔几秒自动重试。恢复连接之前无法保存任何内容。",
    "Database unreachable — retrying": "无法连接数据库 — 正在重试",
    "The database answers again: reloaded.": "数据库已恢复连接，数据已重新载入。",
    # views/about.py
    "&Help": "帮助(&H)",
    "About IsoDesk": "关于 IsoDesk",
    "Open the log folder": "打开日志文件夹",
    "Version {0}": "版本 {0}",
    "Log file: {0}": "日志文件：{0}",
    "When something goes wrong, send this file with a description of what you did.": "出现问题时，请将此文件连同操作经过一并发给技术支持。",
}
