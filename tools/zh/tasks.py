"""Chinese for background work: progress dialogs, cancel, and what each long job says while it runs."""

ZH: dict[str, str] = {
    "Cancel": "取消",
    "Unexpected error: {0}": "意外错误：{0}",
    "Preparing {0}…": "正在生成{0}…",
    "Exporting {0}…": "正在导出{0}…",
    "Preparing the document…": "正在生成文档…",
    "Printing cancelled": "已取消打印",
    "Backing up…": "正在备份…",
    "Restoring…": "正在恢复…",
    "Exporting the audit trail…": "正在导出审计记录…",
    "Reading the list…": "正在读取名单…",
    "Checking the list…": "正在校验名单…",
    "Checking in…": "正在办理入住…",
    "Reading the lab file…": "正在读取检测结果文件…",
    "Recording the results…": "正在录入检测结果…",
    "Building the demo site…": "正在生成演示隔离点…",
}
