"""Chinese for the health screens: rounds, swabs, the today dashboard."""

ZH: dict[str, str] = {
    "Rounds": "健康观察",
    "Previous": "上次",
    "Reading": "本次",
    "Recheck": "复测",
    "Symptoms": "症状",
    "Morning": "上午",
    "Evening": "下午",
    "Temperature, e.g. 365 then Enter": "体温，如 365 后按回车",
    "Enter: save and next · F1 fever F2 dry cough F3 fatigue F4 sore throat F5 smell/taste F6 diarrhoea F7 other · F9 asleep F10 refused F11 out for transfer · ↑↓ rooms": "回车：保存并到下一间 · F1 发热 F2 干咳 F3 乏力 F4 咽痛 F5 嗅味觉减退 F6 腹泻 F7 其他 · F9 睡眠中 F10 拒绝测量 F11 外出转运 · ↑↓ 换房间",
    "Round": "班次",
    "Whole site": "全部楼层",
    "Nobody present for this round": "本班次无在住人员",
    "Fever: take the temperature again (复测) and type it here": "发热：请复测体温并在此输入",
    "Symptoms: {0}": "症状：{0}",
    "{0}: {1} °C is a fever. Alert opened; take it again (复测) and type it here": "{0}：{1} ℃ 为发热，已生成发热预警；请复测并在此输入",
    "Every person present has a reading for this round.": "本班次每位在住人员均已测量。",
    "Missing ({0}): {1}": "未测（{0} 人）：{1}",
}
