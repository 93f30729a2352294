"""Chinese for shifts: log out / switch user, the idle lock, why an action is not offered to a role."""

ZH: dict[str, str] = {
    # account menu
    "&Account": "账户(&A)",
    "Log out / switch user…": "退出登录 / 切换用户…",
    "Lock the screen": "锁定屏幕",
    # the lock screen
    "The screen is locked": "屏幕已锁定",
    "{0} is signed in. The password opens the desk again.": "当前登录：{0}。输入密码即可继续使用。",
    "Unlock": "解锁",
    "Sign in as someone else…": "换其他人登录…",
    "IsoDesk — locked": "隔离点工作台 — 已锁定",
    "Wrong password (after {0} wrong tries in a row the account is locked for {1} minutes)": (
        "密码错误（连续输错 {0} 次后账号锁定 {1} 分钟）"
    ),
    "The database does not answer: {0}": "数据库没有响应：{0}",
    # the idle lock's setting
    "Lock the screen after": "无操作自动锁屏",
    " min": " 分钟",
    "{0} min": "{0} 分钟",
    "never": "从不",
    "Without keyboard or mouse for this long, the screen locks (0: never)": "键盘和鼠标闲置这么久后自动锁定屏幕（0 为从不）",
    # what a role may not do
    "Your role ({0}) may not check people in": "您的角色（{0}）无权办理入住登记",
    "Your role ({0}) may not change rooms or their state": "您的角色（{0}）无权更换房间或更改房间状态",
    "Your role ({0}) may not release people or change their release date": "您的角色（{0}）无权办理解除隔离或更改解除日期",
    "Your role ({0}) may not transfer people": "您的角色（{0}）无权办理转运",
    "Your role ({0}) may not record temperatures": "您的角色（{0}）无权录入体温",
    "Your role ({0}) may not record swabs or their results": "您的角色（{0}）无权登记采样或检测结果",
    "Your role ({0}) may not close fever alerts": "您的角色（{0}）无权关闭发热预警",
    "Your role ({0}) may not see ID numbers in full": "您的角色（{0}）无权查看完整证件号码",
    "Your role ({0}) may not change the desk's settings": "您的角色（{0}）无权更改工作台设置",
    "Your role ({0}) may not manage accounts": "您的角色（{0}）无权管理账号",
    "Your role ({0}) may not do this": "您的角色（{0}）无权执行此操作",
}
