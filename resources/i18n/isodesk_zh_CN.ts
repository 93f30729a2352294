<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutBox</name>
    <message>
        <location filename="../../views/about.py" line="33" />
        <source>About IsoDesk</source>
        <translation>关于 IsoDesk</translation>
    </message>
    <message>
        <location filename="../../views/about.py" line="37" />
        <source>IsoDesk — isolation point desk</source>
        <translation>隔离点工作台</translation>
    </message>
    <message>
        <location filename="../../views/about.py" line="38" />
        <source>Version {0}</source>
        <translation>版本 {0}</translation>
    </message>
    <message>
        <location filename="../../views/about.py" line="39" />
        <source>Licence: GNU General Public License, version 3 or later (GPL-3.0-or-later)</source>
        <translation>许可证：GNU 通用公共许可证第 3 版或更新版本（GPL-3.0-or-later）</translation>
    </message>
    <message>
        <location filename="../../views/about.py" line="42" />
        <source>Database: {0}</source>
        <translation>数据库：{0}</translation>
    </message>
    <message>
        <location filename="../../views/about.py" line="47" />
        <source>Log file: {0}</source>
        <translation>日志文件：{0}</translation>
    </message>
    <message>
        <location filename="../../views/about.py" line="49" />
        <source>When something goes wrong, send this file with a description of what you did.</source>
        <translation>出现问题时，请将此文件连同操作经过一并发给技术支持。</translation>
    </message>
    <message>
        <location filename="../../views/about.py" line="52" />
        <source>No log file could be written.</source>
        <translation>无法写入日志文件。</translation>
    </message>
    <message>
        <location filename="../../views/about.py" line="62" />
        <source>Third-party parts and their licences:</source>
        <translation>所含第三方组件及其许可证：</translation>
    </message>
</context>
<context>
    <name>AreaForm</name>
    <message>
        <location filename="../../views/areas_dialog.py" line="99" />
        <source>Public area</source>
        <translation>公共区域</translation>
    </message>
    <message>
        <location filename="../../views/areas_dialog.py" line="99" />
        <source>Change the public area</source>
        <translation>修改公共区域</translation>
    </message>
    <message>
        <location filename="../../views/areas_dialog.py" line="102" />
        <source>e.g. Building A, 3rd floor corridor</source>
        <translation>如：A栋3层走廊</translation>
    </message>
    <message>
        <location filename="../../views/areas_dialog.py" line="115" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../views/areas_dialog.py" line="116" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../views/areas_dialog.py" line="117" />
        <source>Rounds a day</source>
        <translation>每日消毒次数</translation>
    </message>
</context>
<context>
    <name>AreaRoundDialog</name>
    <message>
        <location filename="../../views/areas_dialog.py" line="42" />
        <source>Record a disinfection round</source>
        <translation>登记日常消毒</translation>
    </message>
    <message>
        <location filename="../../views/areas_dialog.py" line="62" />
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../views/areas_dialog.py" line="63" />
        <source>Done at</source>
        <translation>消毒时间</translation>
    </message>
    <message>
        <location filename="../../views/areas_dialog.py" line="64" />
        <source>Disinfectant</source>
        <translation>消毒剂</translation>
    </message>
    <message>
        <location filename="../../views/areas_dialog.py" line="65" />
        <source>Concentration</source>
        <translation>浓度</translation>
    </message>
    <message>
        <location filename="../../views/areas_dialog.py" line="66" />
        <source>Done by</source>
        <translation>消毒人</translation>
    </message>
    <message>
        <location filename="../../views/areas_dialog.py" line="67" />
        <source>Checked by</source>
        <translation>核查人</translation>
    </message>
    <message>
        <location filename="../../views/areas_dialog.py" line="68" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../views/areas_dialog.py" line="75" />
        <source>No public area is listed yet: add the areas first.</source>
        <translation>尚未登记公共区域，请先添加区域。</translation>
    </message>
</context>
<context>
    <name>AreasDialog</name>
    <message>
        <location filename="../../views/areas_dialog.py" line="143" />
        <source>Public areas</source>
        <translation>公共区域</translation>
    </message>
    <message>
        <location filename="../../views/areas_dialog.py" line="146" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../views/areas_dialog.py" line="146" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../views/areas_dialog.py" line="146" />
        <source>Rounds a day</source>
        <translation>每日消毒次数</translation>
    </message>
    <message>
        <location filename="../../views/areas_dialog.py" line="151" />
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../views/areas_dialog.py" line="152" />
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../views/areas_dialog.py" line="153" />
        <source>No longer in use</source>
        <translation>停用</translation>
    </message>
</context>
<context>
    <name>ArrivalDialog</name>
    <message>
        <location filename="../../views/arrival_dialog.py" line="93" />
        <source>New arrival</source>
        <translation>新入住登记</translation>
    </message>
    <message>
        <location filename="../../views/arrival_dialog.py" line="110" />
        <source>Last exposure known</source>
        <translation>末次暴露时间</translation>
    </message>
    <message>
        <location filename="../../views/arrival_dialog.py" line="118" />
        <source>e.g. elderly, diabetes, reduced mobility, halal diet</source>
        <translation>如：老人、糖尿病、行动不便、清真饮食</translation>
    </message>
    <message>
        <location filename="../../views/arrival_dialog.py" line="121" />
        <source>Name and relation, e.g. Li Hua (spouse)</source>
        <translation>姓名及关系，如 李华（配偶）</translation>
    </message>
    <message>
        <location filename="../../views/arrival_dialog.py" line="125" />
        <source>Nobody: a room of their own</source>
        <translation>无（单人单间）</translation>
    </message>
    <message>
        <location filename="../../views/arrival_dialog.py" line="131" />
        <source>Child under 14</source>
        <translation>14岁以下儿童</translation>
    </message>
    <message>
        <location filename="../../views/arrival_dialog.py" line="132" />
        <source>Pregnant</source>
        <translation>孕妇</translation>
    </message>
    <message>
        <location filename="../../views/arrival_dialog.py" line="133" />
        <source>Dependent, needs a carer</source>
        <translation>需要照护</translation>
    </message>
    <message>
        <location filename="../../views/arrival_dialog.py" line="134" />
        <source>Family, chosen by the desk</source>
        <translation>家庭成员（前台决定）</translation>
    </message>
    <message>
        <location filename="../../views/arrival_dialog.py" line="140" />
        <source>e.g. Zhang family, flight CA123</source>
        <translation>如：张家、CA123航班</translation>
    </message>
    <message>
        <location filename="../../views/arrival_dialog.py" line="150" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../views/arrival_dialog.py" line="151" />
        <source>Document</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <location filename="../../views/arrival_dialog.py" line="152" />
        <source>Document number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../views/arrival_dialog.py" line="154" />
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../views/arrival_dialog.py" line="155" />
        <source>Mobile</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <location filename="../../views/arrival_dialog.py" line="157" />
        <source>Category</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <location filename="../../views/arrival_dialog.py" line="159" />
        <source>Arrival</source>
        <translation>入住时间</translation>
    </message>
    <message>
        <location filename="../../views/arrival_dialog.py" line="160" />
        <source>From</source>
        <translation>来源地</translation>
    </message>
    <message>
        <location filename="../../views/arrival_dialog.py" line="161" />
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../../views/arrival_dialog.py" line="162" />
        <source>Emergency contact</source>
        <translation>紧急联系人</translation>
    </message>
    <message>
        <location filename="../../views/arrival_dialog.py" line="163" />
        <source>Emergency contact's phone</source>
        <translation>紧急联系人电话</translation>
    </message>
    <message>
        <location filename="../../views/arrival_dialog.py" line="164" />
        <source>Special needs</source>
        <translation>特殊需求</translation>
    </message>
    <message>
        <location filename="../../views/arrival_dialog.py" line="165" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../views/arrival_dialog.py" line="166" />
        <source>Shares a room with</source>
        <translation>同住人</translation>
    </message>
    <message>
        <location filename="../../views/arrival_dialog.py" line="167" />
        <source>Why together</source>
        <translation>同住原因</translation>
    </message>
    <message>
        <location filename="../../views/arrival_dialog.py" line="168" />
        <source>Group</source>
        <translation>同行分组</translation>
    </message>
    <message>
        <location filename="../../views/arrival_dialog.py" line="169" />
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../views/arrival_dialog.py" line="173" />
        <source>Register and check in</source>
        <translation>登记并入住</translation>
    </message>
    <message>
        <location filename="../../views/arrival_dialog.py" line="217" />
        <source>Discard this arrival?</source>
        <translation>放弃本次登记？</translation>
    </message>
    <message>
        <location filename="../../views/arrival_dialog.py" line="218" />
        <source>What was typed for this arrival is not saved and will be lost. Discard it?</source>
        <translation>本次登记已填写的内容尚未保存，放弃后将丢失。确定放弃吗？</translation>
    </message>
    <message>
        <location filename="../../views/arrival_dialog.py" line="244" />
        <source>Born {0}, {1}</source>
        <translation>出生 {0}，{1}</translation>
    </message>
    <message>
        <location filename="../../views/arrival_dialog.py" line="246" />
        <source>unknown region code (accepted)</source>
        <translation>地区码未知（仍可登记）</translation>
    </message>
    <message>
        <location filename="../../views/arrival_dialog.py" line="266" />
        <source>Room {0}</source>
        <translation>房间 {0}</translation>
    </message>
    <message>
        <location filename="../../views/arrival_dialog.py" line="270" />
        <source>No free room {0}</source>
        <translation>没有 {0} 号空闲房间</translation>
    </message>
    <message>
        <location filename="../../views/arrival_dialog.py" line="270" />
        <source>No room chosen</source>
        <translation>未选择房间</translation>
    </message>
    <message>
        <location filename="../../views/arrival_dialog.py" line="284" />
        <source>Shares room {0} with {1}</source>
        <translation>与{1}同住 {0}</translation>
    </message>
    <message>
        <location filename="../../views/arrival_dialog.py" line="291" />
        <source>Chosen on the room board</source>
        <translation>在房态图上选定</translation>
    </message>
    <message>
        <location filename="../../views/arrival_dialog.py" line="302" />
        <source>Suggested: {0} — {1}</source>
        <translation>建议：{0} — {1}</translation>
    </message>
    <message>
        <location filename="../../views/arrival_dialog.py" line="329" />
        <source>No room available</source>
        <translation>没有空闲房间</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../views/audit_page.py" line="59" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../views/audit_page.py" line="60" />
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../views/audit_page.py" line="61" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../views/audit_page.py" line="62" />
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../views/audit_page.py" line="63" />
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../views/audit_page.py" line="64" />
        <source>Changes</source>
        <translation>改动</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../../views/audit_page.py" line="134" />
        <source>Person: name or ID tail</source>
        <translation>人员：姓名或证件号尾号</translation>
    </message>
    <message>
        <location filename="../../views/audit_page.py" line="136" />
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../views/audit_page.py" line="147" />
        <source>Export .xlsx…</source>
        <translation>导出 .xlsx…</translation>
    </message>
    <message>
        <location filename="../../views/audit_page.py" line="158" />
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../views/audit_page.py" line="160" />
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../views/audit_page.py" line="162" />
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../views/audit_page.py" line="191" />
        <source>Everyone</source>
        <translation>全部用户</translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/audit_page.py" line="209" />
        <source>%n entries</source>
        <translation>
            <numerusform>%n 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/audit_page.py" line="223" />
        <source>%n entries written to {0}</source>
        <translation>
            <numerusform>已导出 %n 条到 {0}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../views/audit_page.py" line="212" />
        <source>Export the audit trail</source>
        <translation>导出审计记录</translation>
    </message>
    <message>
        <location filename="../../views/audit_page.py" line="234" />
        <source>Exporting the audit trail…</source>
        <translation>正在导出审计记录…</translation>
    </message>
</context>
<context>
    <name>BackupPanel</name>
    <message>
        <location filename="../../views/backup_panel.py" line="111" />
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../views/backup_panel.py" line="119" />
        <source>This site uses PostgreSQL: back it up on the server (pg_dump).</source>
        <translation>本隔离点使用 PostgreSQL 数据库：请在服务器上备份（pg_dump）。</translation>
    </message>
    <message>
        <location filename="../../views/backup_panel.py" line="124" />
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../views/backup_panel.py" line="128" />
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../views/backup_panel.py" line="132" />
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <location filename="../../views/backup_panel.py" line="133" />
        <source>Every</source>
        <translation>间隔</translation>
    </message>
    <message>
        <location filename="../../views/backup_panel.py" line="141" />
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../views/backup_panel.py" line="145" />
        <source>Copies</source>
        <translation>备份副本</translation>
    </message>
    <message>
        <location filename="../../views/backup_panel.py" line="146" />
        <source>Restore the selected copy…</source>
        <translation>恢复所选副本…</translation>
    </message>
    <message>
        <location filename="../../views/backup_panel.py" line="202" />
        <source>Backup folder</source>
        <translation>备份文件夹</translation>
    </message>
    <message>
        <location filename="../../views/backup_panel.py" line="241" />
        <source>Backup failed: {0}</source>
        <translation>备份失败：{0}</translation>
    </message>
    <message>
        <location filename="../../views/backup_panel.py" line="320" />
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <location filename="../../views/backup_panel.py" line="232" />
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location filename="../../views/backup_panel.py" line="135" />
        <source>Also at start and at exit. Kept: every copy of the last 48 hours and the newest 10, then the newest of each of the last 7 days and of the last 4 weeks.</source>
        <translation>启动和退出时也会备份。保留：最近 48 小时内的每一份及最新的 10 份，更早的保留最近 7 天每天最新的一份、最近 4 周每周最新的一份。</translation>
    </message>
    <message>
        <location filename="../../views/backup_panel.py" line="161" />
        <source>before import</source>
        <translation>导入前</translation>
    </message>
    <message>
        <location filename="../../views/backup_panel.py" line="161" />
        <source>before restore</source>
        <translation>恢复前</translation>
    </message>
    <message>
        <location filename="../../views/backup_panel.py" line="243" />
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location filename="../../views/backup_panel.py" line="252" />
        <source>Choose a copy in the list first.</source>
        <translation>请先在列表中选择一个副本。</translation>
    </message>
    <message>
        <location filename="../../views/backup_panel.py" line="260" />
        <source>The copy of {0} is no longer in the folder (rotated away or deleted); the list is up to date.</source>
        <translation>{0} 的副本已不在文件夹中（已轮换清理或被删除）；列表已更新。</translation>
    </message>
    <message>
        <location filename="../../views/backup_panel.py" line="271" />
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../views/backup_panel.py" line="273" />
        <source>Replace the database with the copy of {0}? Changes made since then are set aside (the current database is saved first). IsoDesk restarts afterwards.</source>
        <translation>用 {0} 的副本替换当前数据库吗？此后的改动将被搁置（当前数据库会先另存一份）。恢复后程序将重新启动。</translation>
    </message>
    <message>
        <location filename="../../views/backup_panel.py" line="318" />
        <source>Restore refused: {0}</source>
        <translation>无法恢复：{0}</translation>
    </message>
    <message>
        <location filename="../../views/backup_panel.py" line="303" />
        <source>Restored. The replaced database is kept as {0}</source>
        <translation>已恢复。被替换的数据库另存为 {0}</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <location filename="../../views/batch_dialog.py" line="208" />
        <source>Batch arrival from a transfer list</source>
        <translation>按转运名单批量入住</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="210" />
        <source>Check in the planned batch from its transfer list</source>
        <translation>按转运名单办理待转运批次入住</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="214" />
        <source>No file</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="221" />
        <source>Open list…</source>
        <translation>打开名单…</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="222" />
        <source>Show full ID numbers (recorded in the audit trail)</source>
        <translation>显示完整证件号（记入审计日志）</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="230" />
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="230" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="230" />
        <location filename="../../views/batch_dialog.py" line="301" />
        <location filename="../../views/batch_dialog.py" line="315" />
        <location filename="../../views/batch_dialog.py" line="520" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="230" />
        <location filename="../../views/batch_dialog.py" line="301" />
        <location filename="../../views/batch_dialog.py" line="315" />
        <location filename="../../views/batch_dialog.py" line="523" />
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="230" />
        <location filename="../../views/batch_dialog.py" line="301" />
        <location filename="../../views/batch_dialog.py" line="315" />
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="230" />
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="241" />
        <source>Re-check with these corrections</source>
        <translation>按修改后的内容重新校验</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="254" />
        <source>Export rejected rows…</source>
        <translation>导出未通过的行…</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="321" />
        <source>One print job, for the people of this batch only; the transfer team signs the hand-over list</source>
        <translation>一次打印，只含本批人员；交接清单由转运人员签字</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="341" />
        <source>Transfer list</source>
        <translation>转运名单</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="431" />
        <source>Columns read as kept for the lists from “{0}”</source>
        <translation>按“{0}”记住的列对应读取</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="446" />
        <source>Reading the list…</source>
        <translation>正在读取名单…</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="473" />
        <source>Checking the list…</source>
        <translation>正在校验名单…</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="500" />
        <source>Fix row {0}: {1}</source>
        <translation>修正第 {0} 行：{1}</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="521" />
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="522" />
        <source>Document</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="524" />
        <source>Mobile</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="525" />
        <source>From</source>
        <translation>来源地</translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/batch_dialog.py" line="621" />
        <source>%n rows written to {0}</source>
        <translation>
            <numerusform>已将 %n 行写入 {0}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/batch_dialog.py" line="629" />
        <source>Check in %n people?</source>
        <translation>
            <numerusform>确认入住 %n 人？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/batch_dialog.py" line="682" />
        <source>%n people checked in</source>
        <translation>
            <numerusform>已入住 %n 人</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="315" />
        <location filename="../../views/batch_dialog.py" line="526" />
        <source>Category</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="216" />
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="259" />
        <source>Check in all valid rows…</source>
        <translation>全部有效人员入住…</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="301" />
        <source>Why this room</source>
        <translation>安排理由</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="304" />
        <source>Check them in</source>
        <translation>确认入住</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="305" />
        <source>Back to the list</source>
        <translation>返回名单修改</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="318" />
        <source>Print for this batch: registration forms, notices, door cards, hand-over list</source>
        <translation>打印本批表单：登记表、告知书、门卡、交接清单</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="323" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="341" />
        <source>Spreadsheets (*.xlsx *.xls *.ods *.et *.csv *.txt)</source>
        <translation>表格文件 (*.xlsx *.xls *.ods *.et *.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="459" />
        <source>{0} · sheet “{1}”</source>
        <translation>{0} · 工作表“{1}”</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="527" />
        <source>Last exposure</source>
        <translation>末次暴露时间</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="528" />
        <source>Arrival</source>
        <translation>入住时间</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="529" />
        <source>Shares a room with</source>
        <translation>同住人</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="530" />
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="531" />
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="532" />
        <source>Special needs</source>
        <translation>特殊需求</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="533" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="534" />
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/batch_dialog.py" line="551" />
        <source>%n people have no room: nobody will be checked in</source>
        <translation>
            <numerusform>%n 人没有房间：不会登记任何人</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="574" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="546" />
        <source>{0} to check in · {1} invalid · {2} duplicates · {3} skipped</source>
        <translation>可入住 {0} 人 · 无效 {1} · 重复 {2} · 跳过 {3}</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="608" />
        <source>valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="609" />
        <source>warning</source>
        <translation>提醒</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="610" />
        <source>invalid</source>
        <translation>无效</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="611" />
        <source>duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="612" />
        <source>skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="616" />
        <source>Export rejected rows</source>
        <translation>导出未通过的行</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="678" />
        <source>Checking in…</source>
        <translation>正在办理入住…</translation>
    </message>
</context>
<context>
    <name>BoardLegend</name>
    <message>
        <location filename="../../views/room_board.py" line="360" />
        <source>Fever alert</source>
        <translation>发热预警</translation>
    </message>
    <message>
        <location filename="../../views/room_board.py" line="374" />
        <source>Colour legend</source>
        <translation>颜色图例</translation>
    </message>
</context>
<context>
    <name>BoardModel</name>
    <message>
        <location filename="../../views/room_board.py" line="164" />
        <source>occ {0} · free {1}
dis {2} · oos {3}</source>
        <translation>占{0} 空{1} 消{2} 停{3}</translation>
    </message>
    <message>
        <location filename="../../views/room_board.py" line="190" />
        <source>{0}: day {1} of {2}, release {3}</source>
        <translation>{0}：第{1}/{2}天，{3} 解除</translation>
    </message>
</context>
<context>
    <name>CallDialog</name>
    <message>
        <location filename="../../views/followups_dialog.py" line="36" />
        <source>Follow-up call</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../views/followups_dialog.py" line="38" />
        <source>no community recorded</source>
        <translation>未登记接收社区</translation>
    </message>
    <message>
        <location filename="../../views/followups_dialog.py" line="40" />
        <source>{0} · {1} · home day {2} ({3})</source>
        <translation>{0} · {1} · 居家第 {2} 天（{3}）</translation>
    </message>
    <message>
        <location filename="../../views/followups_dialog.py" line="47" />
        <source>Show the number</source>
        <translation>显示号码</translation>
    </message>
    <message>
        <location filename="../../views/followups_dialog.py" line="52" />
        <source>Reached the person</source>
        <translation>已联系上本人</translation>
    </message>
    <message>
        <location filename="../../views/followups_dialog.py" line="55" />
        <source>e.g. 36.5</source>
        <translation>例如：36.5</translation>
    </message>
    <message>
        <location filename="../../views/followups_dialog.py" line="77" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../views/followups_dialog.py" line="79" />
        <source>Temperature</source>
        <translation>体温</translation>
    </message>
    <message>
        <location filename="../../views/followups_dialog.py" line="80" />
        <source>Symptoms</source>
        <translation>症状</translation>
    </message>
    <message>
        <location filename="../../views/followups_dialog.py" line="81" />
        <source>Home test</source>
        <translation>居家检测</translation>
    </message>
    <message>
        <location filename="../../views/followups_dialog.py" line="82" />
        <source>Called by</source>
        <translation>回访人</translation>
    </message>
    <message>
        <location filename="../../views/followups_dialog.py" line="83" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>CommunitiesDialog</name>
    <message>
        <location filename="../../views/communities_dialog.py" line="85" />
        <source>Receiving communities</source>
        <translation>接收街道/社区</translation>
    </message>
    <message>
        <location filename="../../views/communities_dialog.py" line="89" />
        <source>Street</source>
        <translation>街道</translation>
    </message>
    <message>
        <location filename="../../views/communities_dialog.py" line="89" />
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../views/communities_dialog.py" line="89" />
        <source>Contact</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../views/communities_dialog.py" line="89" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../views/communities_dialog.py" line="96" />
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../views/communities_dialog.py" line="97" />
        <source>Correct…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../views/communities_dialog.py" line="98" />
        <location filename="../../views/communities_dialog.py" line="160" />
        <source>Retire</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../views/communities_dialog.py" line="161" />
        <source>No longer offer {0} at release? The people it received keep it on their papers.</source>
        <translation>解除隔离时不再提供“{0}”？已移交给该社区的人员，其单据仍保留该社区。</translation>
    </message>
    <message>
        <location filename="../../views/communities_dialog.py" line="173" />
        <source>{0} is no longer offered at release.</source>
        <translation>“{0}”已停用，解除隔离时不再提供。</translation>
    </message>
</context>
<context>
    <name>CommunityForm</name>
    <message>
        <location filename="../../views/communities_dialog.py" line="37" />
        <source>Receiving community</source>
        <translation>接收街道/社区</translation>
    </message>
    <message>
        <location filename="../../views/communities_dialog.py" line="37" />
        <source>Correct the community</source>
        <translation>修改接收社区</translation>
    </message>
    <message>
        <location filename="../../views/communities_dialog.py" line="40" />
        <source>e.g. Sanli'an Subdistrict</source>
        <translation>例如：三里庵街道</translation>
    </message>
    <message>
        <location filename="../../views/communities_dialog.py" line="41" />
        <source>e.g. Anjuyuan Community</source>
        <translation>例如：安居苑社区</translation>
    </message>
    <message>
        <location filename="../../views/communities_dialog.py" line="42" />
        <source>a mobile, or a landline with its area code</source>
        <translation>手机号码，或带区号的固定电话</translation>
    </message>
    <message>
        <location filename="../../views/communities_dialog.py" line="57" />
        <source>Street</source>
        <translation>街道</translation>
    </message>
    <message>
        <location filename="../../views/communities_dialog.py" line="58" />
        <source>Community</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../views/communities_dialog.py" line="59" />
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../views/communities_dialog.py" line="60" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
</context>
<context>
    <name>ConnectionWatch</name>
    <message>
        <location filename="../../views/db_status.py" line="271" />
        <source>Retry now</source>
        <translation>立即重试</translation>
    </message>
    <message>
        <location filename="../../views/db_status.py" line="339" />
        <source>Database unreachable — retrying every few seconds. Nothing can be saved until it answers.</source>
        <translation>无法连接数据库 — 每隔几秒自动重试。恢复连接之前无法保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../views/db_status.py" line="341" />
        <source>Reason: {0}</source>
        <translation>原因：{0}</translation>
    </message>
    <message>
        <location filename="../../views/db_status.py" line="344" />
        <source>Database unreachable — retrying</source>
        <translation>无法连接数据库 — 正在重试</translation>
    </message>
    <message>
        <location filename="../../views/db_status.py" line="353" />
        <source>The database answers again: reloaded.</source>
        <translation>数据库已恢复连接，数据已重新载入。</translation>
    </message>
</context>
<context>
    <name>DatabasePanel</name>
    <message>
        <location filename="../../views/database_panel.py" line="38" />
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../views/database_panel.py" line="40" />
        <source>In use</source>
        <translation>当前使用</translation>
    </message>
    <message>
        <location filename="../../views/database_panel.py" line="43" />
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../views/database_panel.py" line="45" />
        <source>Use from the next start</source>
        <translation>下次启动时使用</translation>
    </message>
    <message>
        <location filename="../../views/database_panel.py" line="45" />
        <source>Try this database</source>
        <translation>试用此数据库</translation>
    </message>
    <message>
        <location filename="../../views/database_panel.py" line="51" />
        <source>Shared database</source>
        <translation>共享数据库</translation>
    </message>
    <message>
        <location filename="../../views/database_panel.py" line="54" />
        <source>Several desks share one PostgreSQL database. Leave empty for this PC's own file.</source>
        <translation>多个前台共用一个 PostgreSQL 数据库。留空则使用本机自己的数据库文件。</translation>
    </message>
    <message>
        <location filename="../../views/database_panel.py" line="69" />
        <source>Empty: this PC's own database file is used.</source>
        <translation>未填写：使用本机自己的数据库文件。</translation>
    </message>
    <message>
        <location filename="../../views/database_panel.py" line="77" />
        <source>SQLite · a new file: IsoDesk will create it</source>
        <translation>SQLite · 新文件：隔离点工作台将创建它</translation>
    </message>
    <message>
        <location filename="../../views/database_panel.py" line="79" />
        <source>{0} {1} · IsoDesk database (schema {2})</source>
        <translation>{0} {1} · 隔离点工作台数据库（结构版本 {2}）</translation>
    </message>
    <message>
        <location filename="../../views/database_panel.py" line="81" />
        <source>{0} {1} · empty: IsoDesk will set it up</source>
        <translation>{0} {1} · 空数据库：隔离点工作台将初始化它</translation>
    </message>
    <message>
        <location filename="../../views/database_panel.py" line="90" />
        <source>press Retry to open it (not saved)</source>
        <translation>点“重试”即打开（不保存）</translation>
    </message>
    <message>
        <location filename="../../views/database_panel.py" line="98" />
        <source>saved: restart to use it</source>
        <translation>已保存：重新启动后生效</translation>
    </message>
</context>
<context>
    <name>DatabaseUnreachableDialog</name>
    <message>
        <location filename="../../views/db_status.py" line="65" />
        <source>IsoDesk — database unreachable</source>
        <translation>IsoDesk — 无法连接数据库</translation>
    </message>
    <message>
        <location filename="../../views/db_status.py" line="67" />
        <source>IsoDesk cannot open its database.</source>
        <translation>IsoDesk 无法打开数据库。</translation>
    </message>
    <message>
        <location filename="../../views/db_status.py" line="69" />
        <source>Database: {0}</source>
        <translation>数据库：{0}</translation>
    </message>
    <message>
        <location filename="../../views/db_status.py" line="70" />
        <source>Reason: {0}</source>
        <translation>原因：{0}</translation>
    </message>
    <message>
        <location filename="../../views/db_status.py" line="73" />
        <source>For a shared PostgreSQL database: is the server running, and is this PC on its network? Then press Retry. To use another database this once, open the database settings, try it there, then Retry; an admin saves it for good in Settings.</source>
        <translation>如使用共享的 PostgreSQL 数据库：请确认服务器已启动、本机已连入其网络，然后点“重试”。如要临时改用其他数据库，请打开数据库设置，在那里测试，再点“重试”；长期使用须由管理员在“设置”中保存。</translation>
    </message>
    <message>
        <location filename="../../views/db_status.py" line="86" />
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../views/db_status.py" line="88" />
        <source>Open database settings</source>
        <translation>打开数据库设置</translation>
    </message>
    <message>
        <location filename="../../views/db_status.py" line="90" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../views/db_status.py" line="100" />
        <source>The shared database must be upgraded before this IsoDesk can use it.</source>
        <translation>共享数据库需要先升级，本版 IsoDesk 才能使用。</translation>
    </message>
    <message>
        <location filename="../../views/db_status.py" line="103" />
        <source>Close IsoDesk on the other desks first. An admin then upgrades it here: a backup of every table is written to this PC first, and the upgrade is recorded with the admin's name.</source>
        <translation>请先关闭其他工作站上的 IsoDesk，再由管理员在此升级：升级前会先把每张表备份到本机，升级记录中写明管理员姓名。</translation>
    </message>
    <message>
        <location filename="../../views/db_status.py" line="116" />
        <source>Upgrade the database now</source>
        <translation>立即升级数据库</translation>
    </message>
    <message>
        <location filename="../../views/db_status.py" line="121" />
        <source>Admin user name</source>
        <translation>管理员用户名</translation>
    </message>
    <message>
        <location filename="../../views/db_status.py" line="122" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../views/db_status.py" line="134" />
        <source>Enter an admin's user name and password.</source>
        <translation>请输入管理员的用户名和密码。</translation>
    </message>
    <message>
        <location filename="../../views/db_status.py" line="139" />
        <source>Backing up and upgrading…</source>
        <translation>正在备份并升级…</translation>
    </message>
    <message>
        <location filename="../../views/db_status.py" line="149" />
        <source>Not upgraded: {0}</source>
        <translation>未升级：{0}</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <location filename="../../views/date_field.py" line="29" />
        <source>2026-11-29, 11-29, 11.29, today…</source>
        <translation>2026-11-29、11-29、11月29日、今天…</translation>
    </message>
    <message>
        <location filename="../../views/date_field.py" line="80" />
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <location filename="../../views/date_field.py" line="81" />
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <location filename="../../views/date_field.py" line="82" />
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <location filename="../../views/date_field.py" line="83" />
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <location filename="../../views/date_field.py" line="84" />
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <location filename="../../views/date_field.py" line="85" />
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <location filename="../../views/date_field.py" line="86" />
        <source>Sun</source>
        <translation>周日</translation>
    </message>
</context>
<context>
    <name>DeskLock</name>
    <message>
        <location filename="../../views/lock_screen.py" line="269" />
        <source>IsoDesk — locked</source>
        <translation>隔离点工作台 — 已锁定</translation>
    </message>
    <message>
        <location filename="../../views/lock_screen.py" line="342" />
        <source>Wrong password (after {0} wrong tries in a row the account is locked for {1} minutes)</source>
        <translation>密码错误（连续输错 {0} 次后账号锁定 {1} 分钟）</translation>
    </message>
    <message>
        <location filename="../../views/lock_screen.py" line="349" />
        <source>The database does not answer: {0}</source>
        <translation>数据库没有响应：{0}</translation>
    </message>
</context>
<context>
    <name>DisinfectionDialog</name>
    <message>
        <location filename="../../views/disinfection_dialog.py" line="20" />
        <source>Correct the last disinfection</source>
        <translation>更正最近一次消毒记录</translation>
    </message>
    <message>
        <location filename="../../views/disinfection_dialog.py" line="24" />
        <source>Disinfected on</source>
        <translation>消毒日期</translation>
    </message>
    <message>
        <location filename="../../views/disinfection_dialog.py" line="25" />
        <source>Agent</source>
        <translation>消毒剂</translation>
    </message>
    <message>
        <location filename="../../views/disinfection_dialog.py" line="26" />
        <source>Concentration</source>
        <translation>浓度</translation>
    </message>
    <message>
        <location filename="../../views/disinfection_dialog.py" line="27" />
        <source>Done by</source>
        <translation>执行人</translation>
    </message>
    <message>
        <location filename="../../views/disinfection_dialog.py" line="28" />
        <source>Checked by</source>
        <translation>核查人</translation>
    </message>
    <message>
        <location filename="../../views/disinfection_dialog.py" line="29" />
        <source>Reason for the correction</source>
        <translation>更正原因</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../views/error_dialog.py" line="100" />
        <source>IsoDesk — unexpected error</source>
        <translation>IsoDesk — 意外错误</translation>
    </message>
    <message>
        <location filename="../../views/error_dialog.py" line="108" />
        <source>The database did not answer. IsoDesk could not finish this action.</source>
        <translation>数据库没有响应，本次操作未能完成。</translation>
    </message>
    <message>
        <location filename="../../views/error_dialog.py" line="110" />
        <source>Something went wrong. IsoDesk could not finish this action.</source>
        <translation>程序出错，本次操作未能完成。</translation>
    </message>
    <message>
        <location filename="../../views/error_dialog.py" line="111" />
        <source>What failed: {0}</source>
        <translation>出错内容：{0}</translation>
    </message>
    <message>
        <location filename="../../views/error_dialog.py" line="116" />
        <source>Nothing was saved: the whole action was undone, the data is as it was before.</source>
        <translation>没有保存任何内容：整个操作已撤销，数据与操作前相同。</translation>
    </message>
    <message>
        <location filename="../../views/error_dialog.py" line="118" />
        <source>Check on the screen whether your last action was saved before you repeat it.</source>
        <translation>重做之前，请先在界面上确认上一步操作是否已保存。</translation>
    </message>
    <message>
        <location filename="../../views/error_dialog.py" line="120" />
        <source>The details are in the log file: {0}</source>
        <translation>详细信息已记录在日志文件：{0}</translation>
    </message>
    <message>
        <location filename="../../views/error_dialog.py" line="122" />
        <source>No log file could be written.</source>
        <translation>无法写入日志文件。</translation>
    </message>
    <message>
        <location filename="../../views/error_dialog.py" line="134" />
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <location filename="../../views/error_dialog.py" line="146" />
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <location filename="../../views/error_dialog.py" line="153" />
        <source>{0} more errors since; all are in the details and the log.</source>
        <translation>此后又发生 {0} 个错误，均已列入详细信息和日志。</translation>
    </message>
</context>
<context>
    <name>FloorDialog</name>
    <message>
        <location filename="../../views/layout_page.py" line="109" />
        <source>Add a floor to {0}</source>
        <translation>为{0}添加楼层</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="114" />
        <source>e.g. 3F (empty: from the level)</source>
        <translation>如 3F（留空则按楼层数命名）</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="115" />
        <source>Level</source>
        <translation>楼层数</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="116" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
</context>
<context>
    <name>FollowUpAlertDialog</name>
    <message>
        <location filename="../../views/followups_dialog.py" line="135" />
        <source>Abnormal follow-up</source>
        <translation>回访异常</translation>
    </message>
    <message>
        <location filename="../../views/followups_dialog.py" line="136" />
        <source>{0} °C</source>
        <translation>{0} °C</translation>
    </message>
    <message>
        <location filename="../../views/followups_dialog.py" line="140" />
        <source>home test: {0}</source>
        <translation>居家检测：{0}</translation>
    </message>
    <message>
        <location filename="../../views/followups_dialog.py" line="143" />
        <source>{0} · {1} · home day {2}: {3}</source>
        <translation>{0} · {1} · 居家第 {2} 天：{3}</translation>
    </message>
    <message>
        <location filename="../../views/followups_dialog.py" line="144" />
        <source>no community recorded</source>
        <translation>未登记接收社区</translation>
    </message>
    <message>
        <location filename="../../views/followups_dialog.py" line="151" />
        <source>e.g. reported to the community, sent to a fever clinic</source>
        <translation>例如：已报告接收社区，指导至发热门诊就诊</translation>
    </message>
    <message>
        <location filename="../../views/followups_dialog.py" line="160" />
        <source>What was done</source>
        <translation>处置情况</translation>
    </message>
</context>
<context>
    <name>ForecastPage</name>
    <message>
        <location filename="../../views/forecast_page.py" line="117" />
        <location filename="../../views/forecast_page.py" line="208" />
        <source>All buildings</source>
        <translation>全部楼栋</translation>
    </message>
    <message>
        <location filename="../../views/forecast_page.py" line="118" />
        <source>Refresh (F5)</source>
        <translation>刷新（F5）</translation>
    </message>
    <message>
        <location filename="../../views/forecast_page.py" line="120" />
        <source>Preview and print…</source>
        <translation>预览并打印…</translation>
    </message>
    <message>
        <location filename="../../views/forecast_page.py" line="121" />
        <source>Export .xlsx…</source>
        <translation>导出 .xlsx…</translation>
    </message>
    <message>
        <location filename="../../views/forecast_page.py" line="126" />
        <source>margin {0}</source>
        <translation>预警余量 {0}</translation>
    </message>
    <message>
        <location filename="../../views/forecast_page.py" line="132" />
        <source>Expected at</source>
        <translation>预计到达</translation>
    </message>
    <message>
        <location filename="../../views/forecast_page.py" line="132" />
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../views/forecast_page.py" line="132" />
        <source>Rooms needed</source>
        <translation>需房间</translation>
    </message>
    <message>
        <location filename="../../views/forecast_page.py" line="132" />
        <source>Category</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <location filename="../../views/forecast_page.py" line="133" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../views/forecast_page.py" line="133" />
        <source>Transfer list</source>
        <translation>转运名单</translation>
    </message>
    <message>
        <location filename="../../views/forecast_page.py" line="133" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../views/forecast_page.py" line="133" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../views/forecast_page.py" line="140" />
        <source>Announce a batch… (Ins)</source>
        <translation>登记待转运批次…（Ins）</translation>
    </message>
    <message>
        <location filename="../../views/forecast_page.py" line="141" />
        <source>Change… (Enter)</source>
        <translation>修改…（Enter）</translation>
    </message>
    <message>
        <location filename="../../views/forecast_page.py" line="142" />
        <source>Call off…</source>
        <translation>取消批次…</translation>
    </message>
    <message>
        <location filename="../../views/forecast_page.py" line="143" />
        <source>Check in from its list…</source>
        <translation>按名单办理入住…</translation>
    </message>
    <message>
        <location filename="../../views/forecast_page.py" line="153" />
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../views/forecast_page.py" line="160" />
        <source>Planned batches</source>
        <translation>待转运批次</translation>
    </message>
    <message>
        <location filename="../../views/forecast_page.py" line="248" />
        <source>Below the margin of {0} free rooms, or short of rooms, on: {1}</source>
        <translation>空闲房间低于预警余量 {0} 间或缺房的日期：{1}</translation>
    </message>
    <message>
        <location filename="../../views/forecast_page.py" line="257" />
        <source>not given</source>
        <translation>未指定</translation>
    </message>
    <message>
        <location filename="../../views/forecast_page.py" line="260" />
        <source>{0} ({1} checked in)</source>
        <translation>{0}（入住 {1} 人）</translation>
    </message>
    <message>
        <location filename="../../views/forecast_page.py" line="262" />
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
    <message>
        <location filename="../../views/forecast_page.py" line="264" />
        <source>not yet</source>
        <translation>尚未收到</translation>
    </message>
    <message>
        <location filename="../../views/forecast_page.py" line="306" />
        <source>Call off the batch</source>
        <translation>取消待转运批次</translation>
    </message>
    <message>
        <location filename="../../views/forecast_page.py" line="306" />
        <source>Why is it called off?</source>
        <translation>取消原因：</translation>
    </message>
    <message>
        <location filename="../../views/forecast_page.py" line="345" />
        <source>Export .xlsx</source>
        <translation>导出 .xlsx</translation>
    </message>
    <message>
        <location filename="../../views/forecast_page.py" line="360" />
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location filename="../../views/forecast_page.py" line="362" />
        <source>Exporting the forecast…</source>
        <translation>正在导出房间预测…</translation>
    </message>
</context>
<context>
    <name>HandoverFields</name>
    <message>
        <location filename="../../views/communities_dialog.py" line="188" />
        <source>New…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <location filename="../../views/communities_dialog.py" line="192" />
        <source>e.g. community car, point to point (plate A12345)</source>
        <translation>例如：社区专车点对点接回（皖A12345）</translation>
    </message>
    <message>
        <location filename="../../views/communities_dialog.py" line="198" />
        <source>Goes to (address)</source>
        <translation>去向地址</translation>
    </message>
    <message>
        <location filename="../../views/communities_dialog.py" line="201" />
        <source>Receiving community</source>
        <translation>接收街道/社区</translation>
    </message>
    <message>
        <location filename="../../views/communities_dialog.py" line="202" />
        <source>Transport</source>
        <translation>转运方式</translation>
    </message>
    <message>
        <location filename="../../views/communities_dialog.py" line="211" />
        <source>(not recorded)</source>
        <translation>（未登记）</translation>
    </message>
</context>
<context>
    <name>HealthTab</name>
    <message>
        <location filename="../../views/staff_page.py" line="293" />
        <source>Morning round</source>
        <translation>上午测温</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="294" />
        <source>Evening round</source>
        <translation>下午测温</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="297" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="297" />
        <source>Working group</source>
        <translation>工作组</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="297" />
        <location filename="../../views/staff_page.py" line="369" />
        <source>Temperature</source>
        <translation>体温</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="302" />
        <source>Record the temperature… (Enter)</source>
        <translation>登记体温…（Enter）</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="304" />
        <source>Close the alert…</source>
        <translation>处理预警…</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="308" />
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="317" />
        <source>Staff temperature alerts</source>
        <translation>工作人员体温预警</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="348" />
        <source>Closed-loop staff: {0}, not yet measured this round: {1}</source>
        <translation>闭环管理人员：{0}，本轮未测：{1}</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="364" />
        <source>Staff temperature</source>
        <translation>工作人员体温</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="370" />
        <source>Symptoms</source>
        <translation>症状</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="390" />
        <source>Close the alert</source>
        <translation>处理预警</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="393" />
        <source>e.g. rechecked 36.8, off duty and tested</source>
        <translation>例如：复测 36.8，暂停上岗并做核酸</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="395" />
        <source>What was done</source>
        <translation>处置情况</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <location filename="../../views/about.py" line="98" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../views/about.py" line="99" />
        <source>About IsoDesk</source>
        <translation>关于 IsoDesk</translation>
    </message>
    <message>
        <location filename="../../views/about.py" line="102" />
        <source>Open the log folder</source>
        <translation>打开日志文件夹</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../views/layout_page.py" line="162" />
        <source>Import rooms: {0}</source>
        <translation>导入房间：{0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/layout_page.py" line="168" />
        <source>%n room(s) to add</source>
        <translation>
            <numerusform>新增 %n 间</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/layout_page.py" line="169" />
        <source>%n to change</source>
        <translation>
            <numerusform>修改 %n 间</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/layout_page.py" line="170" />
        <source>%n unchanged</source>
        <translation>
            <numerusform>不变 %n 间</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/layout_page.py" line="171" />
        <source>%n rejected</source>
        <translation>
            <numerusform>无法导入 %n 行</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="180" />
        <source>New buildings and floors: {0}</source>
        <translation>将新建的楼栋和楼层：{0}</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="184" />
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="185" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="186" />
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="187" />
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="188" />
        <source>Room</source>
        <translation>房间号</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="189" />
        <location filename="../../views/layout_page.py" line="233" />
        <source>Room type</source>
        <translation>房型</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="190" />
        <location filename="../../views/layout_page.py" line="233" />
        <source>Beds</source>
        <translation>床位数</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="191" />
        <source>What changes, or why not</source>
        <translation>修改内容或无法导入的原因</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="203" />
        <source>Apply</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="204" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="224" />
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="225" />
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="226" />
        <source>Unchanged</source>
        <translation>不变</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="227" />
        <source>Rejected</source>
        <translation>无法导入</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="233" />
        <source>Zone</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="238" />
        <source>{0}: {1} → {2}</source>
        <translation>{0}：{1} → {2}</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../views/labels.py" line="45" />
        <source>Available</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="46" />
        <source>Occupied</source>
        <translation>已入住</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="47" />
        <source>Awaiting disinfection</source>
        <translation>待消毒</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="48" />
        <source>Out of service</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="54" />
        <source>Released from isolation</source>
        <translation>解除隔离</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="55" />
        <location filename="../../views/labels.py" line="266" />
        <source>Transferred to hospital</source>
        <translation>转运至医院</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="56" />
        <source>Transferred to another site</source>
        <translation>转至其他隔离点</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="57" />
        <source>Moved to home isolation</source>
        <translation>转居家隔离</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="58" />
        <source>Left for another reason</source>
        <translation>其他原因离开</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="65" />
        <location filename="../../views/labels.py" line="80" />
        <source>Negative</source>
        <translation>阴性</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="66" />
        <location filename="../../views/labels.py" line="81" />
        <source>Positive</source>
        <translation>阳性</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="67" />
        <source>Result pending</source>
        <translation>待出结果</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="68" />
        <location filename="../../views/labels.py" line="69" />
        <source>Not sampled</source>
        <translation>未采样</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="70" />
        <source>No swab scheduled</source>
        <translation>未安排核酸</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="77" />
        <source>Not due yet</source>
        <translation>未到检测日</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="78" />
        <source>Due, not done</source>
        <translation>应检未检</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="79" />
        <source>Done, result pending</source>
        <translation>已检，结果未出</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="191" />
        <source>Fever</source>
        <translation>发热</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="192" />
        <source>Dry cough</source>
        <translation>干咳</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="193" />
        <source>Fatigue</source>
        <translation>乏力</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="194" />
        <source>Sore throat</source>
        <translation>咽痛</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="195" />
        <source>Loss of smell or taste</source>
        <translation>嗅味觉减退</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="196" />
        <source>Diarrhoea</source>
        <translation>腹泻</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="197" />
        <source>Other symptom</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="211" />
        <source>HK/Macao/Taiwan permit</source>
        <translation>港澳台通行证/居住证</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="94" />
        <location filename="../../views/labels.py" line="106" />
        <location filename="../../views/labels.py" line="135" />
        <location filename="../../views/labels.py" line="168" />
        <location filename="../../views/labels.py" line="212" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="225" />
        <source>Admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="226" />
        <source>Front desk</source>
        <translation>前台</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="103" />
        <location filename="../../views/labels.py" line="227" />
        <source>Medical</source>
        <translation>医务</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="101" />
        <source>Protection</source>
        <translation>防护用品</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="104" />
        <source>Meals and water</source>
        <translation>餐食饮水</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="105" />
        <source>Daily necessities</source>
        <translation>生活物资</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="113" />
        <source>Measured over the last 7 days</source>
        <translation>按近 7 天实际消耗</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="114" />
        <source>Per person present a day</source>
        <translation>按在住人数（每人每日）</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="121" />
        <source>In</source>
        <translation>入库</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="122" />
        <source>Out</source>
        <translation>出库</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="123" />
        <source>Count</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="130" />
        <source>Meals and diet</source>
        <translation>餐食/饮食</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="131" />
        <source>Medicine</source>
        <translation>药品</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="132" />
        <source>Counselling</source>
        <translation>心理疏导</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="133" />
        <source>Delivery</source>
        <translation>快递/物品代收</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="134" />
        <source>Repair</source>
        <translation>维修</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="143" />
        <source>In hand</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="144" />
        <source>Done</source>
        <translation>已办结</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="152" />
        <source>At the desk</source>
        <translation>前台</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="153" />
        <source>By phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="154" />
        <source>By WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="161" />
        <source>General coordination</source>
        <translation>综合协调</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="162" />
        <source>Health observation</source>
        <translation>健康观察</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="163" />
        <source>Medical care</source>
        <translation>医疗救治</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="164" />
        <source>Logistics</source>
        <translation>后勤保障</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="165" />
        <source>Security</source>
        <translation>安全保卫</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="166" />
        <source>Disinfection</source>
        <translation>消杀</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="167" />
        <source>Information and reporting</source>
        <translation>信息报送</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="174" />
        <source>Normal</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="175" />
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="228" />
        <source>Viewer</source>
        <translation>查看</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="235" />
        <source>Registration form and notice</source>
        <translation>登记表和告知书</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="236" />
        <source>Daily observation sheets</source>
        <translation>每日健康观察记录表</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="237" />
        <source>Registration form</source>
        <translation>集中隔离人员登记表</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="238" />
        <source>Notice of isolation</source>
        <translation>集中隔离医学观察告知书</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="239" />
        <source>Release notices</source>
        <translation>解除隔离告知书</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="240" />
        <source>Temperature record</source>
        <translation>体温登记表</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="241" />
        <source>Door cards</source>
        <translation>房间门卡</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="242" />
        <source>Daily report</source>
        <translation>日报表</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="243" />
        <source>Terminal disinfection record</source>
        <translation>终末消毒记录</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="244" />
        <source>People ledger</source>
        <translation>人员台账</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="245" />
        <source>Release ledger</source>
        <translation>解除隔离台账</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="246" />
        <source>Transfer ledger</source>
        <translation>转运台账</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="247" />
        <source>Arrival hand-over list</source>
        <translation>入住人员交接清单</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="248" />
        <source>The batch's forms</source>
        <translation>本批入住表单</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="249" />
        <source>Release hand-over list</source>
        <translation>解除隔离人员交接单</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="250" />
        <source>Follow-up call ledger</source>
        <translation>解除隔离人员回访台账</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="253" />
        <source>Supplies ledger</source>
        <translation>物资台账</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="254" />
        <source>Occupants' requests</source>
        <translation>人文关怀需求清单</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="255" />
        <source>Duty roster</source>
        <translation>值班排班表</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="264" />
        <location filename="../../views/labels.py" line="719" />
        <source>Recheck normal</source>
        <translation>复测正常</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="265" />
        <location filename="../../views/labels.py" line="720" />
        <source>Observed, not a fever</source>
        <translation>经观察，非发热</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="284" />
        <source>Account created</source>
        <translation>创建账号</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="285" />
        <source>Account changed</source>
        <translation>修改账号</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="286" />
        <source>Signed in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="287" />
        <source>Signed out</source>
        <translation>退出登录</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="288" />
        <source>Account locked after failed sign-ins</source>
        <translation>多次登录失败，账号锁定</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="289" />
        <source>Password changed</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="290" />
        <source>Password reset by an admin</source>
        <translation>管理员重置密码</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="291" />
        <source>Desk setting changed</source>
        <translation>修改前台设置</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="293" />
        <source>Temperature recorded</source>
        <translation>录入体温</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="294" />
        <source>Temperature reading corrected</source>
        <translation>更正体温记录</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="295" />
        <source>Fever alert raised</source>
        <translation>发热预警</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="296" />
        <source>Fever alert closed</source>
        <translation>关闭发热预警</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="297" />
        <source>Fever alert open again (departure undone)</source>
        <translation>发热预警重新打开（撤销离开）</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="298" />
        <source>Backup restore started</source>
        <translation>开始从备份恢复</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="299" />
        <source>Restored from a backup</source>
        <translation>已从备份恢复</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="300" />
        <source>Shared database upgraded</source>
        <translation>共享数据库已升级</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="301" />
        <source>Site set up</source>
        <translation>建立隔离点</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="302" />
        <source>Fever threshold changed</source>
        <translation>修改发热阈值</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="303" />
        <source>Site name or address changed</source>
        <translation>隔离点名称或地址已修改</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="304" />
        <source>Rule set switched</source>
        <translation>切换规则</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="305" />
        <source>Rule set copied to a new draft</source>
        <translation>隔离规则复制为新草稿</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="306" />
        <source>Rule set draft saved</source>
        <translation>隔离规则草稿已保存</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="307" />
        <source>Rule set draft deleted</source>
        <translation>隔离规则草稿已删除</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="308" />
        <source>Rule set put in use</source>
        <translation>隔离规则启用</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="309" />
        <source>Category rule added</source>
        <translation>新增人员类别规则</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="310" />
        <source>Category rule changed</source>
        <translation>人员类别规则已修改</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="311" />
        <source>Category rule removed</source>
        <translation>人员类别规则已删除</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="312" />
        <source>Person registered</source>
        <translation>登记人员</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="313" />
        <source>Person's details changed</source>
        <translation>修改人员信息</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="314" />
        <source>Full ID number and phone shown</source>
        <translation>查看完整证件号和电话</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="315" />
        <source>Searched by full ID number or phone</source>
        <translation>按完整证件号或电话查找</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="316" />
        <source>Import file with full ID numbers read</source>
        <translation>读取含完整证件号的导入文件</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="317" />
        <source>Form printed</source>
        <translation>打印表单</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="318" />
        <source>Room occupied</source>
        <translation>房间入住</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="319" />
        <source>Room awaiting disinfection</source>
        <translation>房间待消毒</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="320" />
        <source>Room disinfected</source>
        <translation>房间已消毒</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="321" />
        <source>Disinfection record corrected</source>
        <translation>消毒记录已更正</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="322" />
        <source>Room taken out of service</source>
        <translation>房间停用</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="323" />
        <source>Room back in service</source>
        <translation>房间恢复使用</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="324" />
        <source>Room back in service: its out-of-service period ended</source>
        <translation>停用到期，房间恢复使用</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="325" />
        <source>Building added</source>
        <translation>添加楼栋</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="326" />
        <source>Building renamed</source>
        <translation>楼栋改名</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="327" />
        <source>Building retired</source>
        <translation>注销楼栋</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="328" />
        <source>Floor added</source>
        <translation>添加楼层</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="329" />
        <source>Floor renamed</source>
        <translation>楼层改名</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="330" />
        <source>Floor retired</source>
        <translation>注销楼层</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="331" />
        <source>Room added</source>
        <translation>添加房间</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="332" />
        <source>Room changed (number, type, beds or zone)</source>
        <translation>修改房间（房间号、房型、床位数或区域）</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="333" />
        <source>Room retired</source>
        <translation>注销房间</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="334" />
        <source>Room deleted (never used)</source>
        <translation>删除房间（从未使用）</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="335" />
        <source>Checked in</source>
        <translation>入住</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="182" />
        <source>Expected</source>
        <translation>待到达</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="183" />
        <source>Arrived and checked in</source>
        <translation>已入住</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="184" />
        <source>Called off</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="251" />
        <source>Room forecast</source>
        <translation>房间预测</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="336" />
        <source>Moved to another room</source>
        <translation>调换房间</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="337" />
        <source>Release date changed</source>
        <translation>修改解除日期</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="338" />
        <source>Dates follow the new rule set</source>
        <translation>按新规则调整日期</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="339" />
        <source>Isolation restarted (close contact of a positive case)</source>
        <translation>重新计算隔离期（阳性病例的密接）</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="340" />
        <source>Departure undone</source>
        <translation>撤销离开</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="341" />
        <source>Swab taken</source>
        <translation>采样</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="342" />
        <source>Swab result recorded</source>
        <translation>录入核酸结果</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="343" />
        <source>Unscheduled swab added</source>
        <translation>添加计划外核酸</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="344" />
        <source>Swab result corrected</source>
        <translation>核酸结果已更正</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="345" />
        <source>Demo site built</source>
        <translation>生成演示数据</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="346" />
        <source>Receiving community added</source>
        <translation>添加接收社区</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="347" />
        <source>Receiving community corrected</source>
        <translation>修改接收社区</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="348" />
        <source>Receiving community retired</source>
        <translation>停用接收社区</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="349" />
        <source>Receiving community removed</source>
        <translation>删除接收社区</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="350" />
        <source>Receiving community offered again</source>
        <translation>重新启用接收社区</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="351" />
        <source>Follow-up call recorded</source>
        <translation>登记回访</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="352" />
        <source>Abnormal follow-up dealt with</source>
        <translation>处置回访异常</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="353" />
        <source>Follow-up call days changed</source>
        <translation>修改回访日</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="354" />
        <source>Room forecast margin changed</source>
        <translation>修改房间预测预警余量</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="361" />
        <source>Planned batch announced</source>
        <translation>登记待转运批次</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="362" />
        <source>Planned batch changed</source>
        <translation>修改待转运批次</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="363" />
        <source>Planned batch called off</source>
        <translation>取消待转运批次</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="364" />
        <source>Planned batch checked in</source>
        <translation>待转运批次已入住</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="402" />
        <location filename="../../views/labels.py" line="403" />
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="404" />
        <location filename="../../views/labels.py" line="493" />
        <location filename="../../views/labels.py" line="735" />
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="405" />
        <location filename="../../views/labels.py" line="545" />
        <source>Stay</source>
        <translation>入住记录</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="406" />
        <location filename="../../views/labels.py" line="494" />
        <location filename="../../views/labels.py" line="736" />
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="407" />
        <source>Room event</source>
        <translation>房间记录</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="408" />
        <source>Room move</source>
        <translation>调换房间记录</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="409" />
        <source>Release date change</source>
        <translation>解除日期变更</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="410" />
        <location filename="../../views/labels.py" line="411" />
        <source>Temperature reading</source>
        <translation>体温记录</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="412" />
        <location filename="../../views/labels.py" line="413" />
        <source>Fever alert</source>
        <translation>发热预警</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="414" />
        <location filename="../../views/labels.py" line="415" />
        <source>Swab</source>
        <translation>核酸检测</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="416" />
        <location filename="../../views/labels.py" line="600" />
        <source>Site</source>
        <translation>隔离点</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="417" />
        <location filename="../../views/labels.py" line="601" />
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="418" />
        <location filename="../../views/labels.py" line="524" />
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="419" />
        <location filename="../../views/labels.py" line="497" />
        <source>Rule set</source>
        <translation>隔离规则</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="420" />
        <source>Category rule</source>
        <translation>人员类别规则</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="421" />
        <location filename="../../views/labels.py" line="496" />
        <source>Category</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="422" />
        <source>Desk setting</source>
        <translation>前台设置</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="423" />
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="424" />
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="425" />
        <source>Form</source>
        <translation>表单</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="426" />
        <source>Demo</source>
        <translation>演示</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="427" />
        <location filename="../../views/labels.py" line="574" />
        <source>Receiving community</source>
        <translation>接收街道/社区</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="428" />
        <location filename="../../views/labels.py" line="429" />
        <source>Follow-up call</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="430" />
        <location filename="../../views/labels.py" line="431" />
        <location filename="../../views/labels.py" line="583" />
        <source>Planned batch</source>
        <translation>待转运批次</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="454" />
        <source>Contaminated zone</source>
        <translation>污染区</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="91" />
        <location filename="../../views/labels.py" line="455" />
        <source>Buffer zone</source>
        <translation>缓冲区</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="88" />
        <source>Corridor</source>
        <translation>走廊</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="89" />
        <source>Lift</source>
        <translation>电梯</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="90" />
        <source>Lobby</source>
        <translation>大厅</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="92" />
        <source>Staff zone</source>
        <translation>工作人员区</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="93" />
        <source>Waste point</source>
        <translation>垃圾暂存点</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="252" />
        <source>Routine disinfection of public areas</source>
        <translation>公共区域日常消毒记录</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="355" />
        <source>Public area added</source>
        <translation>添加公共区域</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="356" />
        <source>Public area changed</source>
        <translation>修改公共区域</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="357" />
        <source>Public area no longer in use</source>
        <translation>停用公共区域</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="358" />
        <source>Public area removed</source>
        <translation>删除公共区域</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="359" />
        <source>Public area in use again</source>
        <translation>重新启用公共区域</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="360" />
        <source>Routine disinfection round recorded</source>
        <translation>登记日常消毒</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="432" />
        <location filename="../../views/labels.py" line="433" />
        <source>Public area</source>
        <translation>公共区域</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="434" />
        <source>Routine disinfection round</source>
        <translation>日常消毒记录</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="456" />
        <source>Clean zone</source>
        <translation>清洁区</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="472" />
        <location filename="../../views/labels.py" line="734" />
        <source>Record number</source>
        <translation>记录编号</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="473" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="474" />
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="475" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="476" />
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="477" />
        <source>Failed sign-ins</source>
        <translation>登录失败次数</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="478" />
        <source>Locked until</source>
        <translation>锁定至</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="479" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="480" />
        <source>Name in pinyin</source>
        <translation>姓名拼音</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="481" />
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="482" />
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="483" />
        <source>Document type</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="484" />
        <source>Document number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="485" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="486" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="487" />
        <source>Coming from</source>
        <translation>来源地</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="488" />
        <source>Emergency contact</source>
        <translation>紧急联系人</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="489" />
        <source>Emergency phone</source>
        <translation>紧急联系电话</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="490" />
        <source>Special needs</source>
        <translation>特殊需求</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="491" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="492" />
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="495" />
        <source>Bed</source>
        <translation>床位</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="498" />
        <location filename="../../views/labels.py" line="714" />
        <source>Last exposure</source>
        <translation>末次暴露</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="499" />
        <source>Arrived at</source>
        <translation>入住时间</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="500" />
        <source>Arrival day</source>
        <translation>入住日期</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="501" />
        <source>Day one</source>
        <translation>第1天</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="502" />
        <source>Planned release</source>
        <translation>计划解除日期</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="517" />
        <source>Left at</source>
        <translation>离开时间</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="518" />
        <source>Departure</source>
        <translation>离开方式</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="519" />
        <source>Reason for leaving</source>
        <translation>离开原因</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="520" />
        <source>Destination</source>
        <translation>去向</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="521" />
        <source>Early release approved by</source>
        <translation>提前解除批准</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="522" />
        <source>Shares the room with</source>
        <translation>同住人</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="523" />
        <source>Reason for sharing</source>
        <translation>同住原因</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="525" />
        <source>Room number</source>
        <translation>房间号</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="526" />
        <source>Order</source>
        <translation>排序</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="527" />
        <source>Room type</source>
        <translation>房型</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="528" />
        <source>Beds</source>
        <translation>床位数</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="529" />
        <source>Zone</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="530" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="531" />
        <source>Out-of-service reason</source>
        <translation>停用原因</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="532" />
        <source>Out of service from</source>
        <translation>停用起始</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="533" />
        <source>Out of service until</source>
        <translation>停用至</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="534" />
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="535" />
        <location filename="../../views/labels.py" line="730" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="536" />
        <source>Previous stay</source>
        <translation>上一入住</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="102" />
        <location filename="../../views/labels.py" line="537" />
        <source>Disinfectant</source>
        <translation>消毒剂</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="292" />
        <source>List columns remembered</source>
        <translation>记住名单列对应</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="365" />
        <source>Supply item added</source>
        <translation>新增物资</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="366" />
        <source>Supply item changed</source>
        <translation>修改物资</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="367" />
        <source>Supply item no longer kept</source>
        <translation>物资停用</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="368" />
        <source>Supply item removed</source>
        <translation>删除物资</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="369" />
        <source>Supply item kept again</source>
        <translation>物资重新启用</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="370" />
        <source>Stock received</source>
        <translation>物资入库</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="371" />
        <source>Stock handed out</source>
        <translation>物资出库</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="372" />
        <source>Stock counted</source>
        <translation>物资盘点</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="373" />
        <source>Supplies in the daily report changed</source>
        <translation>修改日报是否报送物资</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="374" />
        <source>Occupant's request taken down</source>
        <translation>登记人员需求</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="375" />
        <source>Occupant's request in hand</source>
        <translation>需求开始处理</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="376" />
        <source>Occupant's request done</source>
        <translation>需求办结</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="377" />
        <source>Occupant's request refused</source>
        <translation>需求不予办理</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="378" />
        <source>Occupant's request changed</source>
        <translation>修改人员需求</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="379" />
        <source>Working group added</source>
        <translation>新增工作组</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="380" />
        <source>Working group changed</source>
        <translation>修改工作组</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="381" />
        <source>Working group no longer in use</source>
        <translation>撤销工作组</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="382" />
        <source>Staff member added</source>
        <translation>新增工作人员</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="383" />
        <source>Staff member changed</source>
        <translation>修改工作人员</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="384" />
        <source>Staff member left the team</source>
        <translation>工作人员离岗</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="385" />
        <source>Shift added</source>
        <translation>新增班次</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="386" />
        <source>Shift changed</source>
        <translation>修改班次</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="387" />
        <source>Shift no longer in use</source>
        <translation>停用班次</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="388" />
        <source>Put on duty</source>
        <translation>排班</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="389" />
        <source>Taken off duty</source>
        <translation>取消排班</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="390" />
        <source>Week's roster copied</source>
        <translation>复制一周排班</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="391" />
        <source>Staff temperature recorded</source>
        <translation>登记工作人员体温</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="392" />
        <source>Staff temperature alert dealt with</source>
        <translation>处理工作人员体温预警</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="435" />
        <location filename="../../views/labels.py" line="436" />
        <location filename="../../views/labels.py" line="618" />
        <source>Supply item</source>
        <translation>物资</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="437" />
        <source>Stock movement</source>
        <translation>出入库记录</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="438" />
        <location filename="../../views/labels.py" line="439" />
        <source>Occupant's request</source>
        <translation>人员需求</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="440" />
        <location filename="../../views/labels.py" line="441" />
        <location filename="../../views/labels.py" line="632" />
        <source>Working group</source>
        <translation>工作组</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="442" />
        <location filename="../../views/labels.py" line="443" />
        <location filename="../../views/labels.py" line="637" />
        <source>Staff member</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="444" />
        <location filename="../../views/labels.py" line="638" />
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="445" />
        <location filename="../../views/labels.py" line="446" />
        <source>Duty</source>
        <translation>值班</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="447" />
        <source>Staff temperature</source>
        <translation>工作人员体温</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="512" />
        <source>Weak positive</source>
        <translation>弱阳性</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="513" />
        <source>Ct values</source>
        <translation>Ct 值</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="514" />
        <source>Column header</source>
        <translation>列名</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="515" />
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="516" />
        <source>Saved at</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="538" />
        <source>Concentration</source>
        <translation>浓度</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="539" />
        <source>Done by</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="540" />
        <source>Checked by</source>
        <translation>核查人</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="541" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="542" />
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="543" />
        <source>Until</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="544" />
        <location filename="../../views/labels.py" line="731" />
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="546" />
        <source>From room</source>
        <translation>原房间</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="547" />
        <source>To room</source>
        <translation>新房间</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="548" />
        <source>Old release date</source>
        <translation>原解除日期</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="549" />
        <source>New release date</source>
        <translation>新解除日期</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="550" />
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="551" />
        <source>Round</source>
        <translation>测温时段</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="552" />
        <source>Taken at</source>
        <translation>测量时间</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="553" />
        <source>Temperature</source>
        <translation>体温</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="554" />
        <source>Not measured because</source>
        <translation>未测原因</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="555" />
        <source>Symptoms</source>
        <translation>症状</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="556" />
        <source>Taken by</source>
        <translation>测量人</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="557" />
        <source>Recheck of</source>
        <translation>复测</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="558" />
        <source>Reading</source>
        <translation>体温记录</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="559" />
        <source>Raised at</source>
        <translation>预警时间</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="560" />
        <source>Closed at</source>
        <translation>关闭时间</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="561" />
        <source>Resolution</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="562" />
        <location filename="../../views/labels.py" line="740" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="563" />
        <location filename="../../views/labels.py" line="629" />
        <source>Closed by</source>
        <translation>关闭人</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="564" />
        <source>Planned day</source>
        <translation>计划天数</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="565" />
        <source>Planned date</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="566" />
        <source>Sampled at</source>
        <translation>采样时间</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="567" />
        <source>Sampled by</source>
        <translation>采样人</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="568" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="569" />
        <source>Result at</source>
        <translation>结果时间</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="570" />
        <source>Laboratory</source>
        <translation>检测机构</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="571" />
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="572" />
        <source>Fever threshold</source>
        <translation>发热阈值</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="573" />
        <source>Rule set since</source>
        <translation>规则启用日期</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="575" />
        <source>Transport</source>
        <translation>转运方式</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="576" />
        <source>Street</source>
        <translation>街道</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="577" />
        <source>Contact person</source>
        <translation>联系人</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="578" />
        <source>Follow-up call days</source>
        <translation>回访日</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="579" />
        <source>Room forecast margin</source>
        <translation>房间预测预警余量</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="580" />
        <source>Rounds a day</source>
        <translation>每日消毒次数</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="581" />
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="582" />
        <source>Done at</source>
        <translation>完成时间</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="584" />
        <source>Expected at</source>
        <translation>预计到达时间</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="585" />
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="586" />
        <source>Rooms needed</source>
        <translation>需房间数</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="587" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="588" />
        <source>Transfer list</source>
        <translation>转运名单</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="589" />
        <source>Announced at</source>
        <translation>通报时间</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="590" />
        <source>Why called off</source>
        <translation>取消原因</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="591" />
        <source>Day of home monitoring</source>
        <translation>居家监测第几天</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="592" />
        <source>Called at</source>
        <translation>回访时间</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="593" />
        <source>Reached</source>
        <translation>是否联系上</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="594" />
        <source>Home test</source>
        <translation>居家检测</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="595" />
        <source>Called by</source>
        <translation>回访人</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="596" />
        <source>Abnormal</source>
        <translation>异常</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="597" />
        <source>Alert</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="598" />
        <source>Alert closed at</source>
        <translation>预警处置时间</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="599" />
        <source>What was done</source>
        <translation>处置情况</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="602" />
        <source>Level</source>
        <translation>楼层号</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="603" />
        <source>In force from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="604" />
        <source>Days at the site</source>
        <translation>集中隔离天数</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="606" />
        <source>Swab days</source>
        <translation>核酸检测日</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="608" />
        <source>Counted from</source>
        <translation>起算</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="609" />
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="610" />
        <source>Chinese name</source>
        <translation>中文名称</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="611" />
        <source>English name</source>
        <translation>英文名称</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="778" />
        <source>the roster of the week from {first} copied to the week from {to}: {made} duties made</source>
        <translation>{first} 起一周的排班复制到 {to} 起的一周：新增 {made} 个班</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="142" />
        <location filename="../../views/labels.py" line="651" />
        <source>Open</source>
        <translation>未处理</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="652" />
        <source>Closed</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="773" />
        <source>the columns of the lists from {source}: {columns} kept ({map}; before: {was})</source>
        <translation>已记住“{source}”名单的 {columns} 列（{map}；此前：{was}）</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="776" />
        <source>schema {before} → {after}, by IsoDesk {version}</source>
        <translation>结构 {before} → {after}，由 IsoDesk {version} 升级</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="777" />
        <source>{arrived} people checked in with it</source>
        <translation>随该批次入住 {arrived} 人</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="209" />
        <source>Resident ID</source>
        <translation>居民身份证</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="210" />
        <source>Passport</source>
        <translation>护照</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="218" />
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="219" />
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="503" />
        <source>Home phases until</source>
        <translation>居家期至</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="504" />
        <source>Restarted on</source>
        <translation>重新计算起始日</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="505" />
        <source>Days changed by hand</source>
        <translation>人工调整天数</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="506" />
        <source>Retired on</source>
        <translation>撤除日期</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="507" />
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="508" />
        <source>Copied from</source>
        <translation>复制自</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="509" />
        <source>Days of home isolation</source>
        <translation>居家隔离天数</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="510" />
        <source>Swab days in home isolation</source>
        <translation>居家隔离检测日</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="511" />
        <source>Unscheduled</source>
        <translation>计划外</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="605" />
        <source>Days of home health monitoring</source>
        <translation>居家健康监测天数</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="607" />
        <source>Swab days in home health monitoring</source>
        <translation>居家健康监测检测日</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="668" />
        <source>Morning round</source>
        <translation>上午</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="669" />
        <source>Evening round</source>
        <translation>下午</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="675" />
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="676" />
        <source>mobile number</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="680" />
        <source>Asleep</source>
        <translation>睡眠中</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="145" />
        <location filename="../../views/labels.py" line="681" />
        <source>Refused</source>
        <translation>拒绝测量</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="682" />
        <source>Out for transfer</source>
        <translation>外出转运</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="687" />
        <source>Disinfected</source>
        <translation>已消毒</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="689" />
        <source>Back in service</source>
        <translation>恢复使用</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="691" />
        <source>Changed by hand</source>
        <translation>人工调整</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="692" />
        <source>Restart after a positive case</source>
        <translation>阳性病例后重新计算</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="693" />
        <source>Rule set switch</source>
        <translation>规则切换</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="463" />
        <source>Single</source>
        <translation>单人间</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="464" />
        <source>Double</source>
        <translation>双人间</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="465" />
        <source>Accessible</source>
        <translation>无障碍房</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="612" />
        <source>Kind of supply</source>
        <translation>物资分类</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="613" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="614" />
        <source>Minimum stock</source>
        <translation>最低库存</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="615" />
        <source>Use counted</source>
        <translation>消耗计算方式</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="616" />
        <source>Use per person a day</source>
        <translation>每人每日用量</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="617" />
        <source>In stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="619" />
        <source>Change</source>
        <translation>变动数量</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="620" />
        <source>Counted</source>
        <translation>盘点数</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="621" />
        <source>From / to</source>
        <translation>来源/领用方</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="622" />
        <source>Lot</source>
        <translation>批号</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="623" />
        <source>Supplies in the daily report</source>
        <translation>日报报送物资</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="624" />
        <source>Request</source>
        <translation>需求内容</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="625" />
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="626" />
        <source>Came in</source>
        <translation>登记渠道</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="627" />
        <source>Taken down by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="628" />
        <source>Handled by</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="630" />
        <source>Outcome</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="631" />
        <source>Answers for</source>
        <translation>职责</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="633" />
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="634" />
        <source>Closed-loop management</source>
        <translation>闭环管理</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="635" />
        <source>Starts at</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="636" />
        <source>Hours</source>
        <translation>时长（小时）</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="708" />
        <source>Child under 14</source>
        <translation>14岁以下儿童</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="709" />
        <source>Pregnant</source>
        <translation>孕妇</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="710" />
        <source>Dependent, needs a carer</source>
        <translation>需要照护</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="711" />
        <source>Family, chosen by the desk</source>
        <translation>家属同住（前台安排）</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="715" />
        <source>Arrival</source>
        <translation>入住</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="718" />
        <source>Closed: the person left</source>
        <translation>人员已离开，自动关闭</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="721" />
        <source>Closed by a decision</source>
        <translation>按结论关闭</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="729" />
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="732" />
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="733" />
        <source>Record</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="737" />
        <source>Changes</source>
        <translation>改动</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="738" />
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="739" />
        <source>After</source>
        <translation>修改后</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="748" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="749" />
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="751" />
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="752" />
        <source>: </source>
        <translation>：</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="761" />
        <source>{form} (stay #{stay})</source>
        <translation>{form}（入住记录 #{stay}）</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="762" />
        <source>searched by {kind} {value}: {found} found</source>
        <translation>按{kind} {value} 查找：找到 {found} 人</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="763" />
        <source>full ID numbers of {file} shown ({rows} rows)</source>
        <translation>显示了名单 {file} 的完整证件号（{rows} 行）</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="764" />
        <source>demo site: {rooms} rooms, {days} days of history</source>
        <translation>演示隔离点：{rooms} 间房，{days} 天记录</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="765" />
        <source>{n} failed logins in a row</source>
        <translation>连续 {n} 次登录失败</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="766" />
        <source>restored from {file}</source>
        <translation>从 {file} 恢复</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="767" />
        <source>restored from {file} by {by}; the database replaced is kept as {replaced}</source>
        <translation>由 {by} 从 {file} 恢复；被替换的数据库另存为 {replaced}</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="770" />
        <source>positive case (stay #{stay})</source>
        <translation>阳性病例（入住记录 #{stay}）</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="771" />
        <source>{name} from {day}</source>
        <translation>{name}，自 {day} 起</translation>
    </message>
    <message>
        <location filename="../../views/labels.py" line="772" />
        <source>{key}: {before} → {after}</source>
        <translation>{key}：{before} → {after}</translation>
    </message>
</context>
<context>
    <name>LayoutForm</name>
    <message>
        <location filename="../../views/layout_page.py" line="70" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="73" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>LayoutPage</name>
    <message>
        <location filename="../../views/layout_page.py" line="287" />
        <source>Show retired</source>
        <translation>显示已注销</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="294" />
        <source>Building / floor / room</source>
        <translation>楼栋 / 楼层 / 房间</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="295" />
        <source>Room type</source>
        <translation>房型</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="296" />
        <source>Beds</source>
        <translation>床位数</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="297" />
        <source>Zone</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="298" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="299" />
        <source>Retired on</source>
        <translation>注销日期</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="307" />
        <source>Add building…</source>
        <translation>添加楼栋…</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="308" />
        <source>Add floor…</source>
        <translation>添加楼层…</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="309" />
        <source>Add room… (Ins)</source>
        <translation>添加房间…（Ins）</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="310" />
        <source>Edit… (F2)</source>
        <translation>修改…（F2）</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="311" />
        <source>Retire… (Del)</source>
        <translation>注销…（Del）</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="312" />
        <source>Import rooms from Excel…</source>
        <translation>从 Excel 导入房间…</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="336" />
        <source>A room list (.xlsx or .csv) has the columns building, floor, room, type, beds and zone (optional); a known room is changed, a new one added, none deleted</source>
        <translation>房间表（.xlsx 或 .csv）的列：楼栋、楼层、房间号、房型、床位数、区域（可不填）；已有的房间按表修改，新的房间添加，不会删除任何房间</translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/layout_page.py" line="373" />
        <source>%n room(s)</source>
        <translation>
            <numerusform>%n 间</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="377" />
        <location filename="../../views/layout_page.py" line="638" />
        <source>Retired</source>
        <translation>已注销</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="379" />
        <source>{0} ({1} present)</source>
        <translation>{0}（{1} 人）</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="496" />
        <source>Add a building</source>
        <translation>添加楼栋</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="496" />
        <location filename="../../views/layout_page.py" line="574" />
        <location filename="../../views/layout_page.py" line="584" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="502" />
        <source>Building {0} added</source>
        <translation>已添加楼栋 {0}</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="517" />
        <source>Floor {0} added</source>
        <translation>已添加楼层 {0}</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="525" />
        <source>Add a room to {0}</source>
        <translation>在 {0} 添加房间</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="539" />
        <source>Room {0} added</source>
        <translation>已添加房间 {0}</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="551" />
        <source>Room {0} is retired: it is kept as it was</source>
        <translation>房间 {0} 已注销，保持原样，不能修改</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="553" />
        <source>Room {0}</source>
        <translation>房间 {0}</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="568" />
        <source>Room {0} saved</source>
        <translation>房间 {0} 已保存</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="574" />
        <source>Rename building</source>
        <translation>楼栋改名</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="579" />
        <source>Building renamed</source>
        <translation>楼栋已改名</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="584" />
        <source>Rename floor</source>
        <translation>楼层改名</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="589" />
        <source>Floor renamed</source>
        <translation>楼层已改名</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="603" />
        <source>Retire room {0}? It is no longer offered to arrivals nor counted; its history is kept.</source>
        <translation>注销房间 {0}？注销后不再安排入住、不计入房间数，使用记录保留。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/layout_page.py" line="610" />
        <source>Retire floor {0} and its %n room(s)? Its history is kept.</source>
        <translation>
            <numerusform>注销楼层 {0} 及其 %n 间房间？使用记录保留。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/layout_page.py" line="616" />
        <source>Retire building {0} and its %n room(s)? Its history is kept.</source>
        <translation>
            <numerusform>注销楼栋 {0} 及其 %n 间房间？使用记录保留。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="619" />
        <source>Retire</source>
        <translation>注销</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="646" />
        <source>Import rooms from Excel</source>
        <translation>从 Excel 导入房间</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="646" />
        <source>Room lists (*.xlsx *.xls *.ods *.et *.csv *.txt)</source>
        <translation>房间清单 (*.xlsx *.xls *.ods *.et *.csv *.txt)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/layout_page.py" line="663" />
        <source>%n room(s) added</source>
        <translation>
            <numerusform>已添加 %n 间</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/layout_page.py" line="663" />
        <source>%n changed</source>
        <translation>
            <numerusform>已修改 %n 间</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../views/lock_screen.py" line="116" />
        <source>The screen is locked</source>
        <translation>屏幕已锁定</translation>
    </message>
    <message>
        <location filename="../../views/lock_screen.py" line="146" />
        <source>{0} is signed in. The password opens the desk again.</source>
        <translation>当前登录：{0}。输入密码即可继续使用。</translation>
    </message>
    <message>
        <location filename="../../views/lock_screen.py" line="151" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../views/lock_screen.py" line="154" />
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../views/lock_screen.py" line="157" />
        <source>Sign in as someone else…</source>
        <translation>换其他人登录…</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../views/login_dialog.py" line="100" />
        <source>Create the first admin</source>
        <translation>创建第一个管理员</translation>
    </message>
    <message>
        <location filename="../../views/login_dialog.py" line="100" />
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../views/login_dialog.py" line="101" />
        <source>No accounts yet: this person becomes the admin, who then adds the others.</source>
        <translation>还没有任何账号：此人将成为管理员，再由管理员添加其他人员。</translation>
    </message>
    <message>
        <location filename="../../views/login_dialog.py" line="102" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../views/login_dialog.py" line="103" />
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../views/login_dialog.py" line="104" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../views/login_dialog.py" line="105" />
        <source>Repeat password</source>
        <translation>再次输入密码</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../views/main_window.py" line="124" />
        <source>IsoDesk — isolation point desk</source>
        <translation>隔离点工作台</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="134" />
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="137" />
        <source>Fever alert</source>
        <translation>发热预警</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="139" />
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="141" />
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="143" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="184" />
        <source>Today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="185" />
        <source>Room board</source>
        <translation>房态</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="186" />
        <source>Occupants</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="187" />
        <source>Rounds</source>
        <translation>健康观察</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="188" />
        <source>Swabs</source>
        <translation>核酸检测</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="189" />
        <source>Reports</source>
        <translation>报表打印</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="190" />
        <source>Room forecast</source>
        <translation>房间预测</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="191" />
        <source>Requests</source>
        <translation>人文关怀</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="192" />
        <source>Supplies</source>
        <translation>物资</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="193" />
        <source>Staff</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="194" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="195" />
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="196" />
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="197" />
        <source>Site layout</source>
        <translation>楼栋房间</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="198" />
        <source>Rule sets</source>
        <translation>隔离规则</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="230" />
        <source>Database: {0}</source>
        <translation>数据库：{0}</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="238" />
        <source>User: {0}</source>
        <translation>用户：{0}</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="242" />
        <source>New arrival</source>
        <translation>新入住登记</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="245" />
        <source>Actions</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="248" />
        <source>Batch arrival</source>
        <translation>批量入住</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="425" />
        <source>All buildings</source>
        <translation>全部楼栋</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="436" />
        <source>IsoDesk</source>
        <translation>隔离点工作台</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="444" />
        <source>Checked in: {0}</source>
        <translation>已入住：{0}</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="447" />
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="448" />
        <source>{0} is checked in. Print the registration form and the notice now?</source>
        <translation>{0} 已入住。现在打印登记表和告知书吗？</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="483" />
        <source>Printing cancelled</source>
        <translation>已取消打印</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="484" />
        <source>Preparing the document…</source>
        <translation>正在生成文档…</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="532" />
        <location filename="../../views/main_window.py" line="550" />
        <source>Backup failed: {0}</source>
        <translation>备份失败：{0}</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="526" />
        <location filename="../../views/main_window.py" line="553" />
        <source>Backed up to {0}</source>
        <translation>已备份到 {0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/main_window.py" line="516" />
        <source>Checked in: %n people</source>
        <translation>
            <numerusform>已入住 %n 人</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="567" />
        <source>Log out / switch user…</source>
        <translation>退出登录 / 切换用户…</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="570" />
        <source>Lock the screen</source>
        <translation>锁定屏幕</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="573" />
        <source>&amp;Account</source>
        <translation>账户(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="697" />
        <source>All floors</source>
        <translation>全部楼层</translation>
    </message>
    <message>
        <location filename="../../views/main_window.py" line="714" />
        <source>Rooms {0} · occupied {1} · available {2} · disinfection {3} · out of service {4} · people {5} · fever {6}</source>
        <translation>房间 {0} · 已入住 {1} · 空闲 {2} · 待消毒 {3} · 停用 {4} · 在住 {5} 人 · 发热 {6}</translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message>
        <location filename="../../views/batch_dialog.py" line="110" />
        <source>Match the columns</source>
        <translation>匹配列</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="112" />
        <source>Which field is each column? Name and ID number are required.</source>
        <translation>每一列对应哪个字段？姓名和证件号码必填。</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="116" />
        <source>(ignore)</source>
        <translation>（忽略）</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="125" />
        <source>e.g. the district's transfer team</source>
        <translation>如：某区转运组</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="126" />
        <source>List source</source>
        <translation>名单来源</translation>
    </message>
    <message>
        <location filename="../../views/batch_dialog.py" line="127" />
        <source>Remember these columns for the lists from this source</source>
        <translation>为该来源的名单记住这些列对应</translation>
    </message>
</context>
<context>
    <name>NameDialog</name>
    <message>
        <location filename="../../views/rule_sets_page.py" line="155" />
        <source>Copy to a new draft</source>
        <translation>复制为新草稿</translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="156" />
        <source>{0} copy</source>
        <translation>{0} 副本</translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="162" />
        <source>A new draft with the rules of “{0}”.</source>
        <translation>以“{0}”的规则新建一个草稿。</translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="163" />
        <source>Name of the draft</source>
        <translation>草稿名称</translation>
    </message>
</context>
<context>
    <name>OccupantModel</name>
    <message>
        <location filename="../../views/occupant_model.py" line="66" />
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../views/occupant_model.py" line="67" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../views/occupant_model.py" line="68" />
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../views/occupant_model.py" line="69" />
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location filename="../../views/occupant_model.py" line="70" />
        <source>Category</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <location filename="../../views/occupant_model.py" line="71" />
        <source>Day</source>
        <translation>第N天</translation>
    </message>
    <message>
        <location filename="../../views/occupant_model.py" line="72" />
        <source>Release</source>
        <translation>解除日期</translation>
    </message>
    <message>
        <location filename="../../views/occupant_model.py" line="73" />
        <source>ID number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../views/occupant_model.py" line="74" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../views/occupant_model.py" line="150" />
        <source>M</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../views/occupant_model.py" line="150" />
        <source>F</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../views/occupant_model.py" line="160" />
        <source>left</source>
        <translation>已离开</translation>
    </message>
</context>
<context>
    <name>OccupantsPage</name>
    <message>
        <location filename="../../views/occupants_page.py" line="66" />
        <source>Name, pinyin (zs), ID or phone tail, room…</source>
        <translation>姓名、拼音（zs）、证件或电话尾号、房间号…</translation>
    </message>
    <message>
        <location filename="../../views/occupants_page.py" line="68" />
        <source>Present only</source>
        <translation>仅在住</translation>
    </message>
    <message>
        <location filename="../../views/occupants_page.py" line="83" />
        <source>Any release date</source>
        <translation>全部解除日期</translation>
    </message>
    <message>
        <location filename="../../views/occupants_page.py" line="84" />
        <source>Release due today</source>
        <translation>今日解除</translation>
    </message>
    <message>
        <location filename="../../views/occupants_page.py" line="85" />
        <source>Release due tomorrow</source>
        <translation>明日解除</translation>
    </message>
    <message>
        <location filename="../../views/occupants_page.py" line="86" />
        <source>Release within 3 days</source>
        <translation>3天内解除</translation>
    </message>
    <message>
        <location filename="../../views/occupants_page.py" line="87" />
        <source>Release between…</source>
        <translation>解除日期范围…</translation>
    </message>
    <message>
        <location filename="../../views/occupants_page.py" line="95" />
        <source>Releases today</source>
        <translation>今日解除</translation>
    </message>
    <message>
        <location filename="../../views/occupants_page.py" line="96" />
        <source>Releases tomorrow</source>
        <translation>明日解除</translation>
    </message>
    <message>
        <location filename="../../views/occupants_page.py" line="111" />
        <source>Show ID in full</source>
        <translation>显示完整证件号</translation>
    </message>
    <message>
        <location filename="../../views/occupants_page.py" line="117" />
        <source>Change room</source>
        <translation>换房</translation>
    </message>
    <message>
        <location filename="../../views/occupants_page.py" line="118" />
        <location filename="../../views/occupants_page.py" line="495" />
        <source>Release date</source>
        <translation>解除日期</translation>
    </message>
    <message>
        <location filename="../../views/occupants_page.py" line="120" />
        <source>Transfer</source>
        <translation>转运</translation>
    </message>
    <message>
        <location filename="../../views/occupants_page.py" line="77" />
        <location filename="../../views/occupants_page.py" line="121" />
        <source>Other departure</source>
        <translation>其他离开</translation>
    </message>
    <message>
        <location filename="../../views/occupants_page.py" line="73" />
        <source>Arrived today</source>
        <translation>今日入住</translation>
    </message>
    <message>
        <location filename="../../views/occupants_page.py" line="72" />
        <source>Any state</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../views/occupants_page.py" line="74" />
        <source>Fever alert</source>
        <translation>发热预警</translation>
    </message>
    <message>
        <location filename="../../views/occupants_page.py" line="75" />
        <source>Released</source>
        <translation>已解除</translation>
    </message>
    <message>
        <location filename="../../views/occupants_page.py" line="76" />
        <source>Transferred</source>
        <translation>已转运</translation>
    </message>
    <message>
        <location filename="../../views/occupants_page.py" line="131" />
        <source>Edit details…</source>
        <translation>修改信息…</translation>
    </message>
    <message>
        <location filename="../../views/occupants_page.py" line="132" />
        <source>Correct the person's name, phone, address, document… (Ctrl+E)</source>
        <translation>更正此人的姓名、电话、住址、证件等（Ctrl+E）</translation>
    </message>
    <message>
        <location filename="../../views/occupants_page.py" line="142" />
        <source>Undo the departure…</source>
        <translation>撤销离开…</translation>
    </message>
    <message>
        <location filename="../../views/occupants_page.py" line="151" />
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../views/occupants_page.py" line="155" />
        <source>Registration form and notice</source>
        <translation>登记表和告知书</translation>
    </message>
    <message>
        <location filename="../../views/occupants_page.py" line="156" />
        <source>Temperature record</source>
        <translation>体温登记表</translation>
    </message>
    <message>
        <location filename="../../views/occupants_page.py" line="157" />
        <source>Door card</source>
        <translation>房间门卡</translation>
    </message>
    <message>
        <location filename="../../views/occupants_page.py" line="158" />
        <source>Release notice</source>
        <translation>解除隔离告知书</translation>
    </message>
    <message>
        <location filename="../../views/occupants_page.py" line="223" />
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <location filename="../../views/occupants_page.py" line="226" />
        <source>All buildings</source>
        <translation>全部楼栋</translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/occupants_page.py" line="324" />
        <source>More than %n people: type more to narrow the search</source>
        <translation>
            <numerusform>超过 %n 人：请继续输入以缩小范围</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../views/occupants_page.py" line="440" />
        <source>Only the departure of a person who has left can be undone</source>
        <translation>只能撤销已离开人员的离开</translation>
    </message>
    <message>
        <location filename="../../views/occupants_page.py" line="482" />
        <source>Put the person back in their room, with a reason (Ctrl+Shift+U)</source>
        <translation>让该人员回到原房间，须填写原因（Ctrl+Shift+U）</translation>
    </message>
    <message>
        <location filename="../../views/occupants_page.py" line="491" />
        <source>Day {0} of {1}</source>
        <translation>第 {0}/{1} 天</translation>
    </message>
    <message>
        <location filename="../../views/occupants_page.py" line="493" />
        <source>Left on {0}</source>
        <translation>已于 {0} 离开</translation>
    </message>
    <message>
        <location filename="../../views/occupants_page.py" line="494" />
        <source>ID</source>
        <translation>证件</translation>
    </message>
    <message>
        <location filename="../../views/occupants_page.py" line="494" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../views/occupants_page.py" line="494" />
        <source>Category</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <location filename="../../views/occupants_page.py" line="495" />
        <source>From</source>
        <translation>来源地</translation>
    </message>
    <message>
        <location filename="../../views/occupants_page.py" line="495" />
        <source>Arrived</source>
        <translation>入住</translation>
    </message>
    <message>
        <location filename="../../views/occupants_page.py" line="119" />
        <source>Release</source>
        <translation>解除隔离</translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/occupants_page.py" line="326" />
        <source>%n people</source>
        <translation>
            <numerusform>%n 人</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../views/occupants_page.py" line="504" />
        <source>Special needs</source>
        <translation>特殊需求</translation>
    </message>
    <message>
        <location filename="../../views/occupants_page.py" line="515" />
        <source>Threshold {0} °C</source>
        <translation>发热阈值 {0} °C</translation>
    </message>
</context>
<context>
    <name>PermissionsUi</name>
    <message>
        <location filename="../../views/permissions_ui.py" line="32" />
        <source>Your role ({0}) may not check people in</source>
        <translation>您的角色（{0}）无权办理入住登记</translation>
    </message>
    <message>
        <location filename="../../views/permissions_ui.py" line="33" />
        <source>Your role ({0}) may not change rooms or their state</source>
        <translation>您的角色（{0}）无权更换房间或更改房间状态</translation>
    </message>
    <message>
        <location filename="../../views/permissions_ui.py" line="34" />
        <source>Your role ({0}) may not release people or change their release date</source>
        <translation>您的角色（{0}）无权办理解除隔离或更改解除日期</translation>
    </message>
    <message>
        <location filename="../../views/permissions_ui.py" line="37" />
        <source>Your role ({0}) may not transfer people</source>
        <translation>您的角色（{0}）无权办理转运</translation>
    </message>
    <message>
        <location filename="../../views/permissions_ui.py" line="38" />
        <source>Your role ({0}) may not record temperatures</source>
        <translation>您的角色（{0}）无权录入体温</translation>
    </message>
    <message>
        <location filename="../../views/permissions_ui.py" line="39" />
        <source>Your role ({0}) may not record swabs or their results</source>
        <translation>您的角色（{0}）无权登记采样或检测结果</translation>
    </message>
    <message>
        <location filename="../../views/permissions_ui.py" line="40" />
        <source>Your role ({0}) may not close fever alerts</source>
        <translation>您的角色（{0}）无权关闭发热预警</translation>
    </message>
    <message>
        <location filename="../../views/permissions_ui.py" line="41" />
        <source>Your role ({0}) may not see ID numbers in full</source>
        <translation>您的角色（{0}）无权查看完整证件号码</translation>
    </message>
    <message>
        <location filename="../../views/permissions_ui.py" line="42" />
        <source>Your role ({0}) may not change the supplies' stock</source>
        <translation>您的角色（{0}）不能登记物资出入库</translation>
    </message>
    <message>
        <location filename="../../views/permissions_ui.py" line="43" />
        <source>Your role ({0}) may not take down or close requests</source>
        <translation>您的角色（{0}）不能登记或办结人员需求</translation>
    </message>
    <message>
        <location filename="../../views/permissions_ui.py" line="44" />
        <source>Your role ({0}) may not change the team or the roster</source>
        <translation>您的角色（{0}）不能修改工作人员或排班</translation>
    </message>
    <message>
        <location filename="../../views/permissions_ui.py" line="45" />
        <source>Your role ({0}) may not record staff temperatures</source>
        <translation>您的角色（{0}）不能登记工作人员体温</translation>
    </message>
    <message>
        <location filename="../../views/permissions_ui.py" line="48" />
        <source>Your role ({0}) may not change the desk's settings</source>
        <translation>您的角色（{0}）无权更改工作台设置</translation>
    </message>
    <message>
        <location filename="../../views/permissions_ui.py" line="49" />
        <source>Your role ({0}) may not manage accounts</source>
        <translation>您的角色（{0}）无权管理账号</translation>
    </message>
    <message>
        <location filename="../../views/permissions_ui.py" line="51" />
        <source>Your role ({0}) may not do this</source>
        <translation>您的角色（{0}）无权执行此操作</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../views/person_dialog.py" line="45" />
        <source>Edit details</source>
        <translation>修改人员信息</translation>
    </message>
    <message>
        <location filename="../../views/person_dialog.py" line="86" />
        <source>Your role may not see ID numbers and phones in full: they cannot be changed here.</source>
        <translation>您的角色无权查看完整的证件号码和电话，此处不能修改。</translation>
    </message>
    <message>
        <location filename="../../views/person_dialog.py" line="90" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../views/person_dialog.py" line="91" />
        <source>Document</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <location filename="../../views/person_dialog.py" line="92" />
        <source>Document number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../../views/person_dialog.py" line="94" />
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../views/person_dialog.py" line="95" />
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../views/person_dialog.py" line="96" />
        <source>Mobile</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <location filename="../../views/person_dialog.py" line="98" />
        <source>From</source>
        <translation>来源地</translation>
    </message>
    <message>
        <location filename="../../views/person_dialog.py" line="99" />
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../../views/person_dialog.py" line="100" />
        <source>Emergency contact</source>
        <translation>紧急联系人</translation>
    </message>
    <message>
        <location filename="../../views/person_dialog.py" line="101" />
        <source>Emergency contact's phone</source>
        <translation>紧急联系人电话</translation>
    </message>
    <message>
        <location filename="../../views/person_dialog.py" line="102" />
        <source>Special needs</source>
        <translation>特殊需求</translation>
    </message>
    <message>
        <location filename="../../views/person_dialog.py" line="103" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../views/person_dialog.py" line="105" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../views/person_dialog.py" line="143" />
        <source>Born {0}, {1}</source>
        <translation>出生 {0}，{1}</translation>
    </message>
    <message>
        <location filename="../../views/person_dialog.py" line="190" />
        <source>Discard the changes?</source>
        <translation>放弃修改？</translation>
    </message>
    <message>
        <location filename="../../views/person_dialog.py" line="191" />
        <source>The changes to this person's details are not saved and will be lost. Discard them?</source>
        <translation>对此人信息的修改尚未保存，将会丢失。确定放弃吗？</translation>
    </message>
</context>
<context>
    <name>PlannedBatchForm</name>
    <message>
        <location filename="../../views/planned_batch_dialog.py" line="40" />
        <source>Planned batch</source>
        <translation>待转运批次</translation>
    </message>
    <message>
        <location filename="../../views/planned_batch_dialog.py" line="40" />
        <source>Change the planned batch</source>
        <translation>修改待转运批次</translation>
    </message>
    <message>
        <location filename="../../views/planned_batch_dialog.py" line="47" />
        <source>one each</source>
        <translation>每人一间</translation>
    </message>
    <message>
        <location filename="../../views/planned_batch_dialog.py" line="49" />
        <source>Not given (the longest stay is assumed)</source>
        <translation>未指定（按最长隔离期计）</translation>
    </message>
    <message>
        <location filename="../../views/planned_batch_dialog.py" line="55" />
        <source>e.g. the district CDC</source>
        <translation>如：区疾控中心</translation>
    </message>
    <message>
        <location filename="../../views/planned_batch_dialog.py" line="58" />
        <location filename="../../views/planned_batch_dialog.py" line="116" />
        <source>No transfer list yet</source>
        <translation>尚未收到转运名单</translation>
    </message>
    <message>
        <location filename="../../views/planned_batch_dialog.py" line="59" />
        <source>Attach the transfer list…</source>
        <translation>附上转运名单…</translation>
    </message>
    <message>
        <location filename="../../views/planned_batch_dialog.py" line="60" />
        <source>Remove it</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../views/planned_batch_dialog.py" line="85" />
        <source>Expected at</source>
        <translation>预计到达时间</translation>
    </message>
    <message>
        <location filename="../../views/planned_batch_dialog.py" line="86" />
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../views/planned_batch_dialog.py" line="87" />
        <source>Rooms needed</source>
        <translation>需房间数</translation>
    </message>
    <message>
        <location filename="../../views/planned_batch_dialog.py" line="88" />
        <source>Category</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <location filename="../../views/planned_batch_dialog.py" line="89" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../views/planned_batch_dialog.py" line="90" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../views/planned_batch_dialog.py" line="91" />
        <location filename="../../views/planned_batch_dialog.py" line="99" />
        <source>Transfer list</source>
        <translation>转运名单</translation>
    </message>
    <message>
        <location filename="../../views/planned_batch_dialog.py" line="108" />
        <source>The file cannot be read: {0}</source>
        <translation>无法读取该文件：{0}</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message numerus="yes">
        <location filename="../../views/print_preview.py" line="534" />
        <source>%n pages</source>
        <translation>
            <numerusform>共 %n 页</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../views/print_preview.py" line="536" />
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../views/print_preview.py" line="537" />
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../views/print_preview.py" line="538" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../views/print_preview.py" line="571" />
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location filename="../../views/print_preview.py" line="573" />
        <location filename="../../views/print_preview.py" line="601" />
        <source>Printing {0}…</source>
        <translation>正在打印 {0}…</translation>
    </message>
    <message>
        <location filename="../../views/print_preview.py" line="573" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../views/print_preview.py" line="575" />
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../views/print_preview.py" line="601" />
        <source>Page {0} of {1}</source>
        <translation>第 {0} 页，共 {1} 页</translation>
    </message>
    <message>
        <location filename="../../views/print_preview.py" line="621" />
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
</context>
<context>
    <name>RasterJob</name>
    <message>
        <location filename="../../views/print_preview.py" line="350" />
        <source>Nothing to print.</source>
        <translation>没有可打印的页面。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/print_preview.py" line="373" />
        <source>Printing cancelled: {0} of %n pages had already been sent to the printer.</source>
        <translation>
            <numerusform>已取消打印：%n 页中已有 {0} 页发送到打印机。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../views/print_preview.py" line="376" />
        <source>Printing cancelled.</source>
        <translation>已取消打印。</translation>
    </message>
    <message>
        <location filename="../../views/print_preview.py" line="396" />
        <location filename="../../views/print_preview.py" line="422" />
        <source>Page {0} could not be rendered.</source>
        <translation>第 {0} 页无法生成图像。</translation>
    </message>
    <message>
        <location filename="../../views/print_preview.py" line="408" />
        <source>The printer could not be started.</source>
        <translation>无法启动打印机。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/print_preview.py" line="459" />
        <source>Sent %n pages to the printer.</source>
        <translation>
            <numerusform>已将 %n 页发送到打印机。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../views/print_preview.py" line="466" />
        <source>The printer did not accept page {0}.</source>
        <translation>打印机未接受第 {0} 页。</translation>
    </message>
</context>
<context>
    <name>ReleaseBatchDialog</name>
    <message>
        <location filename="../../views/release_batch_dialog.py" line="64" />
        <source>Release the ready ones</source>
        <translation>批量解除隔离</translation>
    </message>
    <message>
        <location filename="../../views/release_batch_dialog.py" line="101" />
        <source>Release</source>
        <translation>解除</translation>
    </message>
    <message>
        <location filename="../../views/release_batch_dialog.py" line="101" />
        <location filename="../../views/release_batch_dialog.py" line="111" />
        <location filename="../../views/release_batch_dialog.py" line="127" />
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../views/release_batch_dialog.py" line="101" />
        <location filename="../../views/release_batch_dialog.py" line="111" />
        <location filename="../../views/release_batch_dialog.py" line="127" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../views/release_batch_dialog.py" line="101" />
        <source>Why not</source>
        <translation>不能解除的原因</translation>
    </message>
    <message>
        <location filename="../../views/release_batch_dialog.py" line="103" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../views/release_batch_dialog.py" line="104" />
        <source>Release the ticked people…</source>
        <translation>解除已勾选人员…</translation>
    </message>
    <message>
        <location filename="../../views/release_batch_dialog.py" line="112" />
        <source>Back to the list</source>
        <translation>返回名单</translation>
    </message>
    <message>
        <location filename="../../views/release_batch_dialog.py" line="113" />
        <source>Release them</source>
        <translation>确认解除隔离</translation>
    </message>
    <message>
        <location filename="../../views/release_batch_dialog.py" line="128" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../views/release_batch_dialog.py" line="129" />
        <source>Print their release notices (one print job)</source>
        <translation>打印这些人的解除隔离告知书（一次打印）</translation>
    </message>
    <message>
        <location filename="../../views/release_batch_dialog.py" line="130" />
        <source>One print job, for the people released here only</source>
        <translation>一次打印，只含本次解除隔离的人员</translation>
    </message>
    <message>
        <location filename="../../views/release_batch_dialog.py" line="195" />
        <source>Releases due today: {0} · ready {1} · ticked {2}</source>
        <translation>今日应解除 {0} 人 · 符合条件 {1} 人 · 已勾选 {2} 人</translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/release_batch_dialog.py" line="224" />
        <source>Release %n people?</source>
        <translation>
            <numerusform>解除隔离 %n 人？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/release_batch_dialog.py" line="254" />
        <source>%n people released</source>
        <translation>
            <numerusform>已解除隔离 %n 人</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../views/reports_page.py" line="54" />
        <source>Daily observation sheets (per floor)</source>
        <translation>每日健康观察记录表（按楼层）</translation>
    </message>
    <message>
        <location filename="../../views/reports_page.py" line="55" />
        <source>Release notices for the day</source>
        <translation>当日解除隔离告知书（批量）</translation>
    </message>
    <message>
        <location filename="../../views/reports_page.py" line="56" />
        <source>Door cards</source>
        <translation>房间门卡</translation>
    </message>
    <message>
        <location filename="../../views/reports_page.py" line="57" />
        <location filename="../../views/reports_page.py" line="92" />
        <source>Daily report</source>
        <translation>日报表</translation>
    </message>
    <message>
        <location filename="../../views/reports_page.py" line="58" />
        <source>Terminal disinfection record (month to date)</source>
        <translation>终末消毒记录（本月）</translation>
    </message>
    <message>
        <location filename="../../views/reports_page.py" line="59" />
        <source>People ledger</source>
        <translation>人员台账</translation>
    </message>
    <message>
        <location filename="../../views/reports_page.py" line="60" />
        <source>Release ledger</source>
        <translation>解除隔离台账</translation>
    </message>
    <message>
        <location filename="../../views/reports_page.py" line="61" />
        <source>Transfer ledger</source>
        <translation>转运台账</translation>
    </message>
    <message>
        <location filename="../../views/reports_page.py" line="62" />
        <source>Release hand-over lists (by receiving community)</source>
        <translation>解除隔离人员交接单（按接收街道/社区）</translation>
    </message>
    <message>
        <location filename="../../views/reports_page.py" line="63" />
        <source>Follow-up call ledger</source>
        <translation>解除隔离人员回访台账</translation>
    </message>
    <message>
        <location filename="../../views/reports_page.py" line="64" />
        <source>Room forecast (today and the next 7 days)</source>
        <translation>房间预测（今日及未来7天）</translation>
    </message>
    <message>
        <location filename="../../views/reports_page.py" line="65" />
        <source>Routine disinfection of public areas</source>
        <translation>公共区域日常消毒记录</translation>
    </message>
    <message>
        <location filename="../../views/reports_page.py" line="66" />
        <source>Supplies: stock and movements</source>
        <translation>物资台账（库存与出入库）</translation>
    </message>
    <message>
        <location filename="../../views/reports_page.py" line="67" />
        <source>Occupants' requests (by floor)</source>
        <translation>人文关怀需求清单（按楼层）</translation>
    </message>
    <message>
        <location filename="../../views/reports_page.py" line="68" />
        <source>Duty roster (the week of the date)</source>
        <translation>值班排班表（所选日期所在的一周）</translation>
    </message>
    <message>
        <location filename="../../views/reports_page.py" line="81" />
        <source>Receiving communities…</source>
        <translation>接收街道/社区…</translation>
    </message>
    <message>
        <location filename="../../views/reports_page.py" line="87" />
        <source>Preview and print…</source>
        <translation>预览并打印…</translation>
    </message>
    <message>
        <location filename="../../views/reports_page.py" line="88" />
        <source>Export .xlsx…</source>
        <translation>导出 .xlsx…</translation>
    </message>
    <message>
        <location filename="../../views/reports_page.py" line="96" />
        <source>Form</source>
        <translation>表单</translation>
    </message>
    <message>
        <location filename="../../views/reports_page.py" line="97" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../views/reports_page.py" line="98" />
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <location filename="../../views/reports_page.py" line="99" />
        <source>From</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <location filename="../../views/reports_page.py" line="103" />
        <source>Receiving community</source>
        <translation>接收街道/社区</translation>
    </message>
    <message>
        <location filename="../../views/reports_page.py" line="104" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../views/reports_page.py" line="125" />
        <source>All floors</source>
        <translation>全部楼层</translation>
    </message>
    <message>
        <location filename="../../views/reports_page.py" line="158" />
        <source>All communities</source>
        <translation>全部社区</translation>
    </message>
    <message>
        <location filename="../../views/reports_page.py" line="160" />
        <source>{0} (retired)</source>
        <translation>{0}（已停用）</translation>
    </message>
    <message>
        <location filename="../../views/reports_page.py" line="228" />
        <source>Preparing {0}…</source>
        <translation>正在生成{0}…</translation>
    </message>
    <message>
        <location filename="../../views/reports_page.py" line="248" />
        <source>Export .xlsx</source>
        <translation>导出 .xlsx</translation>
    </message>
    <message>
        <location filename="../../views/reports_page.py" line="257" />
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location filename="../../views/reports_page.py" line="258" />
        <source>Exporting {0}…</source>
        <translation>正在导出{0}…</translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <location filename="../../views/requests_page.py" line="60" />
        <source>Take down a request</source>
        <translation>登记需求</translation>
    </message>
    <message>
        <location filename="../../views/requests_page.py" line="80" />
        <source>What is asked, in a line</source>
        <translation>需求内容（一句话）</translation>
    </message>
    <message>
        <location filename="../../views/requests_page.py" line="92" />
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../views/requests_page.py" line="93" />
        <source>Special needs</source>
        <translation>特殊需求</translation>
    </message>
    <message>
        <location filename="../../views/requests_page.py" line="94" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../views/requests_page.py" line="95" />
        <source>Request</source>
        <translation>需求内容</translation>
    </message>
    <message>
        <location filename="../../views/requests_page.py" line="96" />
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <location filename="../../views/requests_page.py" line="97" />
        <source>Came in</source>
        <translation>登记渠道</translation>
    </message>
    <message>
        <location filename="../../views/requests_page.py" line="118" />
        <source>none recorded</source>
        <translation>未登记</translation>
    </message>
    <message>
        <location filename="../../views/requests_page.py" line="123" />
        <source>Choose the person from the list: type their room or name.</source>
        <translation>请从列表中选择人员：输入房间号或姓名。</translation>
    </message>
</context>
<context>
    <name>RequestsPage</name>
    <message>
        <location filename="../../views/requests_page.py" line="180" />
        <source>Closed ones of the last 7 days too</source>
        <translation>同时显示近 7 天已办结的</translation>
    </message>
    <message>
        <location filename="../../views/requests_page.py" line="187" />
        <source>Take down a request… (Ins)</source>
        <translation>登记需求…（Ins）</translation>
    </message>
    <message>
        <location filename="../../views/requests_page.py" line="188" />
        <source>In hand… (F2)</source>
        <translation>开始处理…（F2）</translation>
    </message>
    <message>
        <location filename="../../views/requests_page.py" line="189" />
        <source>Done… (F3)</source>
        <translation>办结…（F3）</translation>
    </message>
    <message>
        <location filename="../../views/requests_page.py" line="190" />
        <source>Refuse… (F4)</source>
        <translation>不予办理…（F4）</translation>
    </message>
    <message>
        <location filename="../../views/requests_page.py" line="191" />
        <source>Print the floor list…</source>
        <translation>打印楼层清单…</translation>
    </message>
    <message>
        <location filename="../../views/requests_page.py" line="192" />
        <source>Export .xlsx…</source>
        <translation>导出 .xlsx…</translation>
    </message>
    <message>
        <location filename="../../views/requests_page.py" line="213" />
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <location filename="../../views/requests_page.py" line="243" />
        <source>All floors</source>
        <translation>全部楼层</translation>
    </message>
    <message>
        <location filename="../../views/requests_page.py" line="299" />
        <source>Open requests: {0}, overdue: {1}</source>
        <translation>未办结需求：{0}，已超时：{1}</translation>
    </message>
    <message>
        <location filename="../../views/requests_page.py" line="342" />
        <source>In hand</source>
        <translation>开始处理</translation>
    </message>
    <message>
        <location filename="../../views/requests_page.py" line="342" />
        <source>Who deals with it</source>
        <translation>处理人</translation>
    </message>
    <message>
        <location filename="../../views/requests_page.py" line="358" />
        <source>Refuse the request</source>
        <translation>不予办理</translation>
    </message>
    <message>
        <location filename="../../views/requests_page.py" line="358" />
        <source>Why it is refused</source>
        <translation>不予办理的原因</translation>
    </message>
    <message>
        <location filename="../../views/requests_page.py" line="360" />
        <source>Request done</source>
        <translation>需求办结</translation>
    </message>
    <message>
        <location filename="../../views/requests_page.py" line="360" />
        <source>What was done</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <location filename="../../views/requests_page.py" line="368" />
        <source>Export .xlsx</source>
        <translation>导出 .xlsx</translation>
    </message>
    <message>
        <location filename="../../views/requests_page.py" line="386" />
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location filename="../../views/requests_page.py" line="388" />
        <source>Exporting the requests…</source>
        <translation>正在导出人员需求…</translation>
    </message>
</context>
<context>
    <name>RoomDialog</name>
    <message numerus="yes">
        <location filename="../../views/room_dialog.py" line="62" />
        <source>%n beds</source>
        <translation>
            <numerusform>%n 张床</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../views/room_dialog.py" line="69" />
        <source>{0}: day {1} of {2}, release {3}</source>
        <translation>{0}：第{1}/{2}天，{3} 解除</translation>
    </message>
    <message>
        <location filename="../../views/room_dialog.py" line="89" />
        <source>Record terminal disinfection</source>
        <translation>登记终末消毒</translation>
    </message>
    <message>
        <location filename="../../views/room_dialog.py" line="90" />
        <source>Terminal disinfection</source>
        <translation>终末消毒</translation>
    </message>
    <message>
        <location filename="../../views/room_dialog.py" line="92" />
        <source>Agent</source>
        <translation>消毒剂</translation>
    </message>
    <message>
        <location filename="../../views/room_dialog.py" line="93" />
        <source>Concentration</source>
        <translation>浓度</translation>
    </message>
    <message>
        <location filename="../../views/room_dialog.py" line="94" />
        <source>Done by</source>
        <translation>执行人</translation>
    </message>
    <message>
        <location filename="../../views/room_dialog.py" line="95" />
        <source>Checked by</source>
        <translation>核查人</translation>
    </message>
    <message>
        <location filename="../../views/room_dialog.py" line="102" />
        <source>Until</source>
        <translation>截至</translation>
    </message>
    <message>
        <location filename="../../views/room_dialog.py" line="105" />
        <source>Take out of service</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../views/room_dialog.py" line="106" />
        <source>Out of service</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../views/room_dialog.py" line="108" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../views/room_dialog.py" line="113" />
        <source>Back in service</source>
        <translation>恢复使用</translation>
    </message>
    <message>
        <location filename="../../views/room_dialog.py" line="115" />
        <source>Check someone in here…</source>
        <translation>在此房间登记入住…</translation>
    </message>
    <message>
        <location filename="../../views/room_dialog.py" line="119" />
        <source>Correct the last disinfection…</source>
        <translation>更正最近一次消毒记录…</translation>
    </message>
    <message>
        <location filename="../../views/room_dialog.py" line="127" />
        <source>Occupants</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../views/room_dialog.py" line="130" />
        <source>History</source>
        <translation>记录</translation>
    </message>
</context>
<context>
    <name>RoomEditDialog</name>
    <message>
        <location filename="../../views/layout_page.py" line="139" />
        <source>Room number</source>
        <translation>房间号</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="140" />
        <source>Room type</source>
        <translation>房型</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="141" />
        <source>Beds</source>
        <translation>床位数</translation>
    </message>
    <message>
        <location filename="../../views/layout_page.py" line="142" />
        <source>Zone</source>
        <translation>区域</translation>
    </message>
</context>
<context>
    <name>RosterTab</name>
    <message>
        <location filename="../../views/staff_page.py" line="113" />
        <source>Week before</source>
        <translation>上一周</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="114" />
        <source>Week after</source>
        <translation>下一周</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="119" />
        <source>Put on duty… (Ins)</source>
        <translation>排班…（Ins）</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="120" />
        <source>Take off duty… (Del)</source>
        <translation>取消排班…（Del）</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="121" />
        <source>Copy the week before</source>
        <translation>复制上一周</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="122" />
        <source>Preview and print…</source>
        <translation>预览并打印…</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="137" />
        <source>Working group</source>
        <translation>工作组</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="185" />
        <source>{0} to {1}</source>
        <translation>{0} 至 {1}</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="212" />
        <source>Put on duty</source>
        <translation>排班</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="225" />
        <location filename="../../views/staff_page.py" line="252" />
        <source>Staff member</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="226" />
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="227" />
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="248" />
        <source>Take off duty</source>
        <translation>取消排班</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="275" />
        <source>Duties copied from the week before: {0}</source>
        <translation>已从上一周复制排班：{0} 个班</translation>
    </message>
</context>
<context>
    <name>RoundModel</name>
    <message>
        <location filename="../../views/rounds_page.py" line="68" />
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../views/rounds_page.py" line="69" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../views/rounds_page.py" line="70" />
        <source>Previous</source>
        <translation>上次</translation>
    </message>
    <message>
        <location filename="../../views/rounds_page.py" line="71" />
        <source>Reading</source>
        <translation>本次</translation>
    </message>
    <message>
        <location filename="../../views/rounds_page.py" line="72" />
        <source>Recheck</source>
        <translation>复测</translation>
    </message>
    <message>
        <location filename="../../views/rounds_page.py" line="73" />
        <source>Symptoms</source>
        <translation>症状</translation>
    </message>
</context>
<context>
    <name>RoundsPage</name>
    <message>
        <location filename="../../views/rounds_page.py" line="160" />
        <source>Morning</source>
        <translation>上午</translation>
    </message>
    <message>
        <location filename="../../views/rounds_page.py" line="161" />
        <source>Evening</source>
        <translation>下午</translation>
    </message>
    <message>
        <location filename="../../views/rounds_page.py" line="166" />
        <source>who takes the readings</source>
        <translation>测温人</translation>
    </message>
    <message>
        <location filename="../../views/rounds_page.py" line="178" />
        <location filename="../../views/rounds_page.py" line="378" />
        <source>Temperature, e.g. 365 then Enter</source>
        <translation>体温，如 365 后按回车</translation>
    </message>
    <message>
        <location filename="../../views/rounds_page.py" line="200" />
        <source>Round</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../views/rounds_page.py" line="200" />
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <location filename="../../views/rounds_page.py" line="200" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../views/rounds_page.py" line="201" />
        <source>Taken by</source>
        <translation>测温人</translation>
    </message>
    <message>
        <location filename="../../views/rounds_page.py" line="205" />
        <source>Print observation sheets…</source>
        <translation>打印健康观察记录表…</translation>
    </message>
    <message>
        <location filename="../../views/rounds_page.py" line="208" />
        <source>Close the fever alert… (F8)</source>
        <translation>关闭发热预警…（F8）</translation>
    </message>
    <message>
        <location filename="../../views/rounds_page.py" line="240" />
        <source>Whole site</source>
        <translation>全部楼层</translation>
    </message>
    <message>
        <location filename="../../views/rounds_page.py" line="310" />
        <source>Nobody present for this round</source>
        <translation>本班次无在住人员</translation>
    </message>
    <message>
        <location filename="../../views/rounds_page.py" line="322" />
        <source>Fever waiting for a recheck: F12 to type the recheck (a number typed here corrects the reading)</source>
        <translation>发热待复测：按 F12 录入复测（在此直接输入数字将更正该读数）</translation>
    </message>
    <message>
        <location filename="../../views/rounds_page.py" line="339" />
        <source>No fever alert is open on this round.</source>
        <translation>本轮没有未关闭的发热预警。</translation>
    </message>
    <message>
        <location filename="../../views/rounds_page.py" line="345" />
        <source>{0} {1} · {2}: fever alert closed</source>
        <translation>{0} {1} · {2}：发热预警已关闭</translation>
    </message>
    <message>
        <location filename="../../views/rounds_page.py" line="354" />
        <source>No fever is waiting for a recheck.</source>
        <translation>没有待复测的发热。</translation>
    </message>
    <message>
        <location filename="../../views/rounds_page.py" line="368" />
        <source>Recheck (复测) of {0} {1} · {2} ({3} °C)</source>
        <translation>复测：{0} {1} · {2}（{3} °C）</translation>
    </message>
    <message>
        <location filename="../../views/rounds_page.py" line="370" />
        <source>Recheck temperature, then Enter · Esc: back</source>
        <translation>复测体温，回车保存 · Esc 返回</translation>
    </message>
    <message>
        <location filename="../../views/rounds_page.py" line="372" />
        <source>Type the recheck of {0} {1} · {2}, then Enter (Esc: back)</source>
        <translation>请输入 {0} {1} · {2} 的复测体温，回车保存（Esc 返回）</translation>
    </message>
    <message>
        <location filename="../../views/rounds_page.py" line="425" />
        <source>Kept {0} for room {1} ({2})</source>
        <translation>已保留 {1} 房（{2}）的 {0}，未更改</translation>
    </message>
    <message>
        <location filename="../../views/rounds_page.py" line="456" />
        <source>{0} {1} · {2}: recheck {3} °C is still a fever; the alert stays open</source>
        <translation>{0} {1} · {2}：复测 {3} °C 仍为发热，预警保持开启</translation>
    </message>
    <message>
        <location filename="../../views/rounds_page.py" line="462" />
        <source>{0} {1} · {2}: recheck {3} °C saved</source>
        <translation>{0} {1} · {2}：复测 {3} °C 已保存</translation>
    </message>
    <message>
        <location filename="../../views/rounds_page.py" line="466" />
        <source>{0} {1} · {2}: {3} °C is a fever. Alert opened; F12 to type the recheck (复测)</source>
        <translation>{0} {1} · {2}：{3} °C 为发热，已生成发热预警；复测时按 F12 录入</translation>
    </message>
    <message>
        <location filename="../../views/rounds_page.py" line="484" />
        <source>Replace the reading</source>
        <translation>更正体温</translation>
    </message>
    <message>
        <location filename="../../views/rounds_page.py" line="485" />
        <source>Replace {0} with {1} for room {2} ({3})?</source>
        <translation>将 {2} 房（{3}）的 {0} 改为 {1}？</translation>
    </message>
    <message>
        <location filename="../../views/rounds_page.py" line="494" />
        <source>Awaiting a recheck (F12) ({0}): {1}</source>
        <translation>待复测（F12）（{0}）：{1}</translation>
    </message>
    <message>
        <location filename="../../views/rounds_page.py" line="413" />
        <source>Symptoms: {0}</source>
        <translation>症状：{0}</translation>
    </message>
    <message>
        <location filename="../../views/rounds_page.py" line="192" />
        <source>Enter: save and next · F1 fever F2 dry cough F3 fatigue F4 sore throat F5 smell/taste F6 diarrhoea F7 other · F8 close the fever alert · F9 asleep F10 refused F11 out for transfer · F12 recheck · ↑↓ rooms</source>
        <translation>回车：保存并到下一间 · F1 发热 F2 干咳 F3 乏力 F4 咽痛 F5 嗅味觉减退 F6 腹泻 F7 其他 · F8 关闭发热预警 · F9 睡眠中 F10 拒绝测量 F11 外出转运 · F12 复测 · ↑↓ 换房间</translation>
    </message>
    <message>
        <location filename="../../views/rounds_page.py" line="499" />
        <source>Every person present has a reading for this round.</source>
        <translation>本班次每位在住人员均已测量。</translation>
    </message>
    <message>
        <location filename="../../views/rounds_page.py" line="503" />
        <source>Missing ({0}): {1}</source>
        <translation>未测（{0} 人）：{1}</translation>
    </message>
</context>
<context>
    <name>RuleSetsPage</name>
    <message>
        <location filename="../../views/rule_sets_page.py" line="323" />
        <source>Rule set</source>
        <translation>隔离规则</translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="323" />
        <location filename="../../views/rule_sets_page.py" line="395" />
        <source>In force from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="323" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="323" />
        <source>Copied from</source>
        <translation>复制自</translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="323" />
        <source>Stays</source>
        <translation>在住人数</translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="340" />
        <source>Category</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="341" />
        <source>Counted from</source>
        <translation>起算</translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="343" />
        <location filename="../../views/rule_sets_page.py" line="345" />
        <location filename="../../views/rule_sets_page.py" line="347" />
        <source>Test days</source>
        <translation>检测日</translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="342" />
        <source>Centralized
(days)</source>
        <translation>集中隔离
（天）</translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="344" />
        <source>Home isolation
(days)</source>
        <translation>居家隔离
（天）</translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="346" />
        <source>Home health
monitoring (days)</source>
        <translation>居家健康监测
（天）</translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="348" />
        <source>Plan</source>
        <translation>方案</translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="352" />
        <source>Days centralized + home isolation + home health monitoring</source>
        <translation>集中隔离 + 居家隔离 + 居家健康监测的天数</translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="368" />
        <source>Copy to a new draft…</source>
        <translation>复制为新草稿…</translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="369" />
        <source>Save draft</source>
        <translation>保存草稿</translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="370" />
        <source>Delete draft…</source>
        <translation>删除草稿…</translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="371" />
        <source>Switch the site to this rule set…</source>
        <translation>本隔离点切换到此规则…</translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="394" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="396" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="423" />
        <source>Last exposure</source>
        <translation>末次暴露</translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="423" />
        <source>Arrival</source>
        <translation>入住</translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="426" />
        <source>no rule</source>
        <translation>未定义</translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="430" />
        <source>In use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="431" />
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="431" />
        <source>Earlier</source>
        <translation>以往版本</translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="507" />
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="508" />
        <source>Save the changes to the draft “{0}”?</source>
        <translation>保存对草稿“{0}”的修改吗？</translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="529" />
        <source>Draft: nobody's dates come from it. Edit it, save it (Ctrl+S), then switch the site to it.</source>
        <translation>草稿：尚未用于任何人的日期。编辑后保存（Ctrl+S），再将隔离点切换到此规则。</translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="532" />
        <source>In use: copy it to change it.</source>
        <translation>使用中：如需修改，请复制为新版本。</translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="534" />
        <source>Used before, final: copy it to change it.</source>
        <translation>已启用过，不能修改：如需修改，请复制为新版本。</translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="630" />
        <source>Draft “{0}” made: edit it and save it.</source>
        <translation>已新建草稿“{0}”：请编辑后保存。</translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="660" />
        <source>Draft “{0}” saved.</source>
        <translation>草稿“{0}”已保存。</translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="669" />
        <source>Delete draft</source>
        <translation>删除草稿</translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="670" />
        <source>Delete the draft “{0}”? Its rules are lost.</source>
        <translation>删除草稿“{0}”？其中的规则将丢失。</translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="684" />
        <source>Draft “{0}” deleted.</source>
        <translation>草稿“{0}”已删除。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/rule_sets_page.py" line="713" />
        <source>The site follows “{0}” from {1}: %n stays' dates changed.</source>
        <translation>
            <numerusform>本隔离点自 {1} 起执行“{0}”：%n 人的日期已变更。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../views/settings_page.py" line="51" />
        <source>Dark theme</source>
        <translation>深色主题</translation>
    </message>
    <message>
        <location filename="../../views/settings_page.py" line="54" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../views/settings_page.py" line="56" />
        <source>Language and theme apply at the next start.</source>
        <translation>语言和主题在下次启动时生效。</translation>
    </message>
    <message>
        <location filename="../../views/settings_page.py" line="57" />
        <source>Restart now</source>
        <translation>立即重启</translation>
    </message>
    <message>
        <location filename="../../views/settings_page.py" line="72" />
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../views/settings_page.py" line="79" />
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../views/settings_page.py" line="80" />
        <location filename="../../views/settings_page.py" line="89" />
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../../views/settings_page.py" line="84" />
        <source>Without keyboard or mouse for this long, the screen locks (0: never)</source>
        <translation>键盘和鼠标闲置这么久后自动锁定屏幕（0 为从不）</translation>
    </message>
    <message>
        <location filename="../../views/settings_page.py" line="87" />
        <location filename="../../views/settings_page.py" line="90" />
        <source>Lock the screen after</source>
        <translation>无操作自动锁屏</translation>
    </message>
    <message>
        <location filename="../../views/settings_page.py" line="89" />
        <source>{0} min</source>
        <translation>{0} 分钟</translation>
    </message>
    <message>
        <location filename="../../views/settings_page.py" line="108" />
        <source>A reading at or above this opens a fever alert</source>
        <translation>体温达到或超过此值即发出发热预警</translation>
    </message>
    <message>
        <location filename="../../views/settings_page.py" line="110" />
        <location filename="../../views/settings_page.py" line="112" />
        <source>Fever threshold</source>
        <translation>发热阈值</translation>
    </message>
    <message>
        <location filename="../../views/settings_page.py" line="123" />
        <source>Site name</source>
        <translation>隔离点名称</translation>
    </message>
    <message>
        <location filename="../../views/settings_page.py" line="124" />
        <source>Site address</source>
        <translation>隔离点地址</translation>
    </message>
    <message>
        <location filename="../../views/settings_page.py" line="131" />
        <source>Days of home monitoring, counted from the day of release as day 1, and its last day</source>
        <translation>居家健康监测的第几天回访：解除隔离当天为第 1 天，“最后一天”为监测的最后一天</translation>
    </message>
    <message>
        <location filename="../../views/settings_page.py" line="134" />
        <location filename="../../views/settings_page.py" line="136" />
        <source>Follow-up call days</source>
        <translation>回访日</translation>
    </message>
    <message>
        <location filename="../../views/settings_page.py" line="143" />
        <source> rooms</source>
        <translation> 间</translation>
    </message>
    <message>
        <location filename="../../views/settings_page.py" line="144" />
        <source>0: no warning</source>
        <translation>0：不预警</translation>
    </message>
    <message>
        <location filename="../../views/settings_page.py" line="146" />
        <location filename="../../views/settings_page.py" line="148" />
        <source>Room forecast margin</source>
        <translation>房间预测预警余量</translation>
    </message>
    <message>
        <location filename="../../views/settings_page.py" line="150" />
        <source>The daily report lists the supplies in stock</source>
        <translation>日报中报送物资库存</translation>
    </message>
    <message>
        <location filename="../../views/settings_page.py" line="155" />
        <source>Supplies</source>
        <translation>物资</translation>
    </message>
    <message>
        <location filename="../../views/settings_page.py" line="193" />
        <source>Fever threshold saved: {0} °C</source>
        <translation>发热阈值已保存：{0} °C</translation>
    </message>
    <message>
        <location filename="../../views/settings_page.py" line="207" />
        <source>Follow-up call days saved: {0}</source>
        <translation>回访日已保存：{0}</translation>
    </message>
    <message>
        <location filename="../../views/settings_page.py" line="218" />
        <source>Room forecast margin saved: {0}</source>
        <translation>房间预测预警余量已保存：{0} 间</translation>
    </message>
    <message>
        <location filename="../../views/settings_page.py" line="227" />
        <source>The daily report lists the supplies</source>
        <translation>日报将报送物资库存</translation>
    </message>
    <message>
        <location filename="../../views/settings_page.py" line="228" />
        <source>The daily report leaves out the supplies</source>
        <translation>日报不再报送物资库存</translation>
    </message>
    <message>
        <location filename="../../views/settings_page.py" line="232" />
        <source>last</source>
        <translation>最后一天</translation>
    </message>
    <message>
        <location filename="../../views/settings_page.py" line="253" />
        <source>Site name and address saved</source>
        <translation>隔离点名称和地址已保存</translation>
    </message>
</context>
<context>
    <name>SiteWizard</name>
    <message>
        <location filename="../../views/site_wizard.py" line="56" />
        <source>Set up the isolation point</source>
        <translation>设置隔离点</translation>
    </message>
    <message>
        <location filename="../../views/site_wizard.py" line="63" />
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <location filename="../../views/site_wizard.py" line="64" />
        <source>Create our site</source>
        <translation>创建本隔离点</translation>
    </message>
    <message>
        <location filename="../../views/site_wizard.py" line="65" />
        <source>Open the demo site (synthetic people)</source>
        <translation>打开示范隔离点（虚构人员）</translation>
    </message>
    <message>
        <location filename="../../views/site_wizard.py" line="80" />
        <source>The site</source>
        <translation>隔离点</translation>
    </message>
    <message>
        <location filename="../../views/site_wizard.py" line="83" />
        <source>Building 1</source>
        <translation>1号楼</translation>
    </message>
    <message>
        <location filename="../../views/site_wizard.py" line="84" />
        <source>Several buildings: separate with commas</source>
        <translation>多栋楼用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../views/site_wizard.py" line="113" />
        <source>Site name</source>
        <translation>隔离点名称</translation>
    </message>
    <message>
        <location filename="../../views/site_wizard.py" line="114" />
        <source>Address</source>
        <translation>住址</translation>
    </message>
    <message>
        <location filename="../../views/site_wizard.py" line="115" />
        <source>Buildings</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../views/site_wizard.py" line="116" />
        <source>Floors per building</source>
        <translation>每栋楼层数</translation>
    </message>
    <message>
        <location filename="../../views/site_wizard.py" line="117" />
        <source>Room numbers per floor from</source>
        <translation>每层房间号从</translation>
    </message>
    <message>
        <location filename="../../views/site_wizard.py" line="118" />
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../views/site_wizard.py" line="119" />
        <source>Double rooms per floor</source>
        <translation>每层双人间数</translation>
    </message>
    <message>
        <location filename="../../views/site_wizard.py" line="120" />
        <source>Accessible rooms per floor</source>
        <translation>每层无障碍房间数</translation>
    </message>
    <message>
        <location filename="../../views/site_wizard.py" line="121" />
        <source>Fever threshold (°C)</source>
        <translation>发热阈值（°C）</translation>
    </message>
    <message>
        <location filename="../../views/site_wizard.py" line="122" />
        <source>Rule set</source>
        <translation>隔离规则</translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/site_wizard.py" line="139" />
        <source>%n rooms; floor 1: {0}</source>
        <translation>
            <numerusform>共 %n 间；1 层：{0}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../views/site_wizard.py" line="177" />
        <source>Building the demo site…</source>
        <translation>正在生成演示隔离点…</translation>
    </message>
    <message>
        <location filename="../../views/site_wizard.py" line="193" />
        <source>Name, buildings and a room range are required</source>
        <translation>请填写名称、楼栋和房间号范围</translation>
    </message>
</context>
<context>
    <name>SpoolJob</name>
    <message>
        <location filename="../../views/print_preview.py" line="294" />
        <source>Printing cancelled.</source>
        <translation>已取消打印。</translation>
    </message>
    <message>
        <location filename="../../views/print_preview.py" line="301" />
        <location filename="../../views/print_preview.py" line="310" />
        <source>Printing failed: {0}</source>
        <translation>打印失败：{0}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/print_preview.py" line="307" />
        <source>Sent %n pages to the printer.</source>
        <translation>
            <numerusform>已将 %n 页发送到打印机。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <location filename="../../views/staff_page.py" line="704" />
        <source>Duty roster</source>
        <translation>排班</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="705" />
        <source>Staff health</source>
        <translation>健康监测</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="706" />
        <source>Team</source>
        <translation>人员与分组</translation>
    </message>
</context>
<context>
    <name>StayActionDialog</name>
    <message>
        <location filename="../../views/stay_actions.py" line="81" />
        <source>day {0}: {1}</source>
        <translation>第 {0} 天：{1}</translation>
    </message>
    <message>
        <location filename="../../views/stay_actions.py" line="93" />
        <source>Change room</source>
        <translation>换房</translation>
    </message>
    <message>
        <location filename="../../views/stay_actions.py" line="100" />
        <source>New room</source>
        <translation>新房间</translation>
    </message>
    <message>
        <location filename="../../views/stay_actions.py" line="101" />
        <location filename="../../views/stay_actions.py" line="124" />
        <location filename="../../views/stay_actions.py" line="231" />
        <location filename="../../views/stay_actions.py" line="261" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../views/stay_actions.py" line="118" />
        <source>Extend or shorten the stay</source>
        <translation>延长或缩短隔离期</translation>
    </message>
    <message>
        <location filename="../../views/stay_actions.py" line="123" />
        <source>Release date</source>
        <translation>解除日期</translation>
    </message>
    <message>
        <location filename="../../views/stay_actions.py" line="140" />
        <source>Release</source>
        <translation>解除隔离</translation>
    </message>
    <message>
        <location filename="../../views/stay_actions.py" line="147" />
        <source>Release date reached</source>
        <translation>已到解除日期</translation>
    </message>
    <message>
        <location filename="../../views/stay_actions.py" line="151" />
        <source>Last scheduled swab</source>
        <translation>最后一次应检核酸</translation>
    </message>
    <message>
        <location filename="../../views/stay_actions.py" line="155" />
        <source>Open fever alert</source>
        <translation>未处理发热预警</translation>
    </message>
    <message>
        <location filename="../../views/stay_actions.py" line="159" />
        <source>Needed only to release before the checks pass</source>
        <translation>仅在条件未满足时强制解除才需填写</translation>
    </message>
    <message>
        <location filename="../../views/stay_actions.py" line="163" />
        <source>Override reason</source>
        <translation>强制解除原因</translation>
    </message>
    <message>
        <location filename="../../views/stay_actions.py" line="188" />
        <source>Transfer</source>
        <translation>转运</translation>
    </message>
    <message>
        <location filename="../../views/stay_actions.py" line="191" />
        <source>To hospital</source>
        <translation>转运至医院</translation>
    </message>
    <message>
        <location filename="../../views/stay_actions.py" line="192" />
        <source>To another site</source>
        <translation>转至其他隔离点</translation>
    </message>
    <message>
        <location filename="../../views/stay_actions.py" line="194" />
        <source>To home isolation</source>
        <translation>转居家隔离</translation>
    </message>
    <message>
        <location filename="../../views/stay_actions.py" line="199" />
        <source>Kind</source>
        <translation>方式</translation>
    </message>
    <message>
        <location filename="../../views/stay_actions.py" line="200" />
        <source>Hospital or site</source>
        <translation>医院或隔离点</translation>
    </message>
    <message>
        <location filename="../../views/stay_actions.py" line="201" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../views/stay_actions.py" line="202" />
        <source>Escort, vehicle, notes</source>
        <translation>陪同、车辆、备注</translation>
    </message>
    <message>
        <location filename="../../views/stay_actions.py" line="228" />
        <source>Other departure</source>
        <translation>其他离开</translation>
    </message>
    <message>
        <location filename="../../views/stay_actions.py" line="247" />
        <source>Undo the departure</source>
        <translation>撤销离开</translation>
    </message>
    <message>
        <location filename="../../views/stay_actions.py" line="250" />
        <source>The person will be present again in the same room and bed; the room is marked occupied.</source>
        <translation>该人员将重新在原房间、原床位；房间恢复为已入住。</translation>
    </message>
    <message>
        <location filename="../../views/stay_actions.py" line="280" />
        <source>Close the fever alert</source>
        <translation>关闭发热预警</translation>
    </message>
    <message>
        <location filename="../../views/stay_actions.py" line="291" />
        <source>Transfer…</source>
        <translation>转院…</translation>
    </message>
    <message>
        <location filename="../../views/stay_actions.py" line="293" />
        <source>Decision</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../../views/stay_actions.py" line="294" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../views/stay_actions.py" line="306" />
        <source>A transfer is recorded with the Transfer action, which closes the alert.</source>
        <translation>转院请用“转院”操作办理，办理后预警自动关闭。</translation>
    </message>
    <message>
        <location filename="../../views/stay_actions.py" line="312" />
        <source>Say why it is not a fever.</source>
        <translation>请写明为何不属于发热。</translation>
    </message>
    <message>
        <location filename="../../views/stay_actions.py" line="259" />
        <location filename="../../views/stay_actions.py" line="313" />
        <source>Reason (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <location filename="../../views/stay_actions.py" line="316" />
        <source>Note (optional)</source>
        <translation>备注（选填）</translation>
    </message>
</context>
<context>
    <name>SuppliesPage</name>
    <message>
        <location filename="../../views/supplies_page.py" line="212" />
        <source>Stock in… (F2)</source>
        <translation>入库…（F2）</translation>
    </message>
    <message>
        <location filename="../../views/supplies_page.py" line="213" />
        <source>Stock out… (F3)</source>
        <translation>出库…（F3）</translation>
    </message>
    <message>
        <location filename="../../views/supplies_page.py" line="214" />
        <source>Stocktake… (F4)</source>
        <translation>盘点…（F4）</translation>
    </message>
    <message>
        <location filename="../../views/supplies_page.py" line="215" />
        <source>Add an item… (Ins)</source>
        <translation>新增物资…（Ins）</translation>
    </message>
    <message>
        <location filename="../../views/supplies_page.py" line="216" />
        <source>Change… (Enter)</source>
        <translation>修改…（Enter）</translation>
    </message>
    <message>
        <location filename="../../views/supplies_page.py" line="217" />
        <source>No longer kept</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../views/supplies_page.py" line="218" />
        <source>Preview and print…</source>
        <translation>预览并打印…</translation>
    </message>
    <message>
        <location filename="../../views/supplies_page.py" line="219" />
        <source>Export .xlsx…</source>
        <translation>导出 .xlsx…</translation>
    </message>
    <message>
        <location filename="../../views/supplies_page.py" line="299" />
        <source>Low stock: {0}</source>
        <translation>库存不足：{0}</translation>
    </message>
    <message>
        <location filename="../../views/supplies_page.py" line="301" />
        <source>No supply item is listed yet: Add an item (Ins) first.</source>
        <translation>尚未登记任何物资：请先新增物资（Ins）。</translation>
    </message>
    <message>
        <location filename="../../views/supplies_page.py" line="346" />
        <source>Export .xlsx</source>
        <translation>导出 .xlsx</translation>
    </message>
    <message>
        <location filename="../../views/supplies_page.py" line="362" />
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location filename="../../views/supplies_page.py" line="364" />
        <source>Exporting the supplies…</source>
        <translation>正在导出物资台账…</translation>
    </message>
</context>
<context>
    <name>SupplyItemForm</name>
    <message>
        <location filename="../../views/supplies_page.py" line="135" />
        <source>Supply item</source>
        <translation>物资</translation>
    </message>
    <message>
        <location filename="../../views/supplies_page.py" line="135" />
        <source>Change the supply item</source>
        <translation>修改物资</translation>
    </message>
    <message>
        <location filename="../../views/supplies_page.py" line="138" />
        <source>e.g. surgical masks</source>
        <translation>例如：一次性医用口罩</translation>
    </message>
    <message>
        <location filename="../../views/supplies_page.py" line="147" />
        <source>e.g. pieces, boxes, bottles</source>
        <translation>例如：件、包、桶</translation>
    </message>
    <message>
        <location filename="../../views/supplies_page.py" line="164" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../views/supplies_page.py" line="165" />
        <source>Kind</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../views/supplies_page.py" line="166" />
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../views/supplies_page.py" line="167" />
        <source>Minimum stock</source>
        <translation>最低库存</translation>
    </message>
    <message>
        <location filename="../../views/supplies_page.py" line="168" />
        <source>Use counted</source>
        <translation>消耗计算方式</translation>
    </message>
    <message>
        <location filename="../../views/supplies_page.py" line="169" />
        <source>Use per person a day</source>
        <translation>每人每日用量</translation>
    </message>
</context>
<context>
    <name>SupplyMoveDialog</name>
    <message>
        <location filename="../../views/supplies_page.py" line="57" />
        <source>Stock received</source>
        <translation>物资入库</translation>
    </message>
    <message>
        <location filename="../../views/supplies_page.py" line="57" />
        <source>Stock handed out</source>
        <translation>物资出库</translation>
    </message>
    <message>
        <location filename="../../views/supplies_page.py" line="58" />
        <source>Stocktake</source>
        <translation>物资盘点</translation>
    </message>
    <message>
        <location filename="../../views/supplies_page.py" line="79" />
        <source>Item</source>
        <translation>物资</translation>
    </message>
    <message>
        <location filename="../../views/supplies_page.py" line="80" />
        <source>In stock</source>
        <translation>账面库存</translation>
    </message>
    <message>
        <location filename="../../views/supplies_page.py" line="82" />
        <source>Quantity received</source>
        <translation>入库数量</translation>
    </message>
    <message>
        <location filename="../../views/supplies_page.py" line="83" />
        <source>e.g. the district's epidemic-prevention store</source>
        <translation>例如：区级防疫物资仓库</translation>
    </message>
    <message>
        <location filename="../../views/supplies_page.py" line="84" />
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../views/supplies_page.py" line="85" />
        <source>Lot</source>
        <translation>批号</translation>
    </message>
    <message>
        <location filename="../../views/supplies_page.py" line="87" />
        <source>Quantity handed out</source>
        <translation>出库数量</translation>
    </message>
    <message>
        <location filename="../../views/supplies_page.py" line="88" />
        <source>e.g. Building A 3F, the disinfection group</source>
        <translation>例如：某栋某层、某个工作组</translation>
    </message>
    <message>
        <location filename="../../views/supplies_page.py" line="89" />
        <source>To</source>
        <translation>领用方</translation>
    </message>
    <message>
        <location filename="../../views/supplies_page.py" line="91" />
        <source>Count found</source>
        <translation>实盘数量</translation>
    </message>
    <message>
        <location filename="../../views/supplies_page.py" line="92" />
        <source>Why the count differs from the books</source>
        <translation>实盘与账面不符的原因</translation>
    </message>
    <message>
        <location filename="../../views/supplies_page.py" line="94" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../views/supplies_page.py" line="95" />
        <source>Handled by</source>
        <translation>经手人</translation>
    </message>
    <message>
        <location filename="../../views/supplies_page.py" line="96" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../views/supplies_page.py" line="112" />
        <source>No supply item is listed yet: add the items first.</source>
        <translation>尚未登记任何物资：请先新增物资。</translation>
    </message>
</context>
<context>
    <name>SwabDialogs</name>
    <message>
        <location filename="../../views/swab_dialogs.py" line="29" />
        <source>Nothing recorded</source>
        <translation>未录入任何结果</translation>
    </message>
    <message>
        <location filename="../../views/swab_dialogs.py" line="38" />
        <source>Add an unscheduled swab</source>
        <translation>添加计划外核酸</translation>
    </message>
    <message>
        <location filename="../../views/swab_dialogs.py" line="48" />
        <source>Why: symptoms, a contact, the lab's request…</source>
        <translation>原因：症状、接触、实验室要求…</translation>
    </message>
    <message>
        <location filename="../../views/swab_dialogs.py" line="49" />
        <location filename="../../views/swab_dialogs.py" line="80" />
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../views/swab_dialogs.py" line="50" />
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../views/swab_dialogs.py" line="51" />
        <location filename="../../views/swab_dialogs.py" line="86" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../views/swab_dialogs.py" line="74" />
        <source>Correct a swab result</source>
        <translation>更正核酸结果</translation>
    </message>
    <message>
        <location filename="../../views/swab_dialogs.py" line="82" />
        <source>Recorded result</source>
        <translation>已录入结果</translation>
    </message>
    <message>
        <location filename="../../views/swab_dialogs.py" line="85" />
        <source>Correct result</source>
        <translation>更正为</translation>
    </message>
    <message>
        <location filename="../../views/swab_dialogs.py" line="92" />
        <source>Correct the result of {0} (room {1} {2}) to POSITIVE?</source>
        <translation>将 {0}（{1} {2} 房）的结果更正为阳性？</translation>
    </message>
    <message>
        <location filename="../../views/swab_dialogs.py" line="96" />
        <source>This person has already left the site.</source>
        <translation>此人已离开隔离点。</translation>
    </message>
    <message>
        <location filename="../../views/swab_dialogs.py" line="97" />
        <source>Positive result</source>
        <translation>阳性结果</translation>
    </message>
</context>
<context>
    <name>SwabsPage</name>
    <message>
        <location filename="../../views/swabs_page.py" line="71" />
        <location filename="../../views/swabs_page.py" line="113" />
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../views/swabs_page.py" line="71" />
        <location filename="../../views/swabs_page.py" line="93" />
        <location filename="../../views/swabs_page.py" line="113" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../views/swabs_page.py" line="71" />
        <source>Day</source>
        <translation>第N天</translation>
    </message>
    <message>
        <location filename="../../views/swabs_page.py" line="71" />
        <source>Sampled</source>
        <translation>已采样</translation>
    </message>
    <message>
        <location filename="../../views/swabs_page.py" line="71" />
        <location filename="../../views/swabs_page.py" line="93" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../views/swabs_page.py" line="77" />
        <source>Mark selected as sampled</source>
        <translation>所选人员标记为已采样</translation>
    </message>
    <message>
        <location filename="../../views/swabs_page.py" line="79" />
        <source>Negative</source>
        <translation>阴性</translation>
    </message>
    <message>
        <location filename="../../views/swabs_page.py" line="80" />
        <source>Positive</source>
        <translation>阳性</translation>
    </message>
    <message>
        <location filename="../../views/swabs_page.py" line="82" />
        <source>Lab</source>
        <translation>检测机构</translation>
    </message>
    <message>
        <location filename="../../views/swabs_page.py" line="83" />
        <source>Record result for selected</source>
        <translation>为所选人员录入结果</translation>
    </message>
    <message>
        <location filename="../../views/swabs_page.py" line="84" />
        <source>Import lab file…</source>
        <translation>导入检测结果文件…</translation>
    </message>
    <message>
        <location filename="../../views/swabs_page.py" line="85" />
        <source>Add unscheduled swab…</source>
        <translation>添加计划外核酸…</translation>
    </message>
    <message>
        <location filename="../../views/swabs_page.py" line="86" />
        <source>Correct result…</source>
        <translation>更正结果…</translation>
    </message>
    <message>
        <location filename="../../views/swabs_page.py" line="87" />
        <source>Correct the result of the selected swab, entered wrongly</source>
        <translation>更正所选核酸的错误结果</translation>
    </message>
    <message>
        <location filename="../../views/swabs_page.py" line="91" />
        <location filename="../../views/swabs_page.py" line="321" />
        <source>Lab file</source>
        <translation>检测结果文件</translation>
    </message>
    <message>
        <location filename="../../views/swabs_page.py" line="93" />
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../views/swabs_page.py" line="93" />
        <source>Match</source>
        <translation>匹配</translation>
    </message>
    <message>
        <location filename="../../views/swabs_page.py" line="96" />
        <source>Record the matched results</source>
        <translation>录入已匹配的结果</translation>
    </message>
    <message>
        <location filename="../../views/swabs_page.py" line="102" />
        <location filename="../../views/swabs_page.py" line="304" />
        <location filename="../../views/swabs_page.py" line="369" />
        <source>Positive result</source>
        <translation>阳性结果</translation>
    </message>
    <message>
        <location filename="../../views/swabs_page.py" line="106" />
        <source>Hospital</source>
        <translation>医院</translation>
    </message>
    <message>
        <location filename="../../views/swabs_page.py" line="108" />
        <source>Escort, vehicle, notes</source>
        <translation>陪同、车辆、备注</translation>
    </message>
    <message>
        <location filename="../../views/swabs_page.py" line="109" />
        <source>1. Transfer to hospital</source>
        <translation>1. 转运至医院</translation>
    </message>
    <message>
        <location filename="../../views/swabs_page.py" line="110" />
        <source>2. Preview restart of this floor and the floors above and below</source>
        <translation>2. 预览本层及上下层人员重新计算隔离期</translation>
    </message>
    <message>
        <location filename="../../views/swabs_page.py" line="113" />
        <source>Release now</source>
        <translation>现解除日期</translation>
    </message>
    <message>
        <location filename="../../views/swabs_page.py" line="113" />
        <source>Release after restart</source>
        <translation>重新计算后解除日期</translation>
    </message>
    <message>
        <location filename="../../views/swabs_page.py" line="116" />
        <source>3. Apply the restart</source>
        <translation>3. 确认重新计算</translation>
    </message>
    <message>
        <location filename="../../views/swabs_page.py" line="134" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../views/swabs_page.py" line="136" />
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <location filename="../../views/swabs_page.py" line="174" />
        <source>Whole site</source>
        <translation>全部楼层</translation>
    </message>
    <message>
        <location filename="../../views/swabs_page.py" line="214" />
        <source>day {0}</source>
        <translation>第 {0} 天</translation>
    </message>
    <message>
        <location filename="../../views/swabs_page.py" line="215" />
        <source>unscheduled: {0}</source>
        <translation>计划外：{0}</translation>
    </message>
    <message>
        <location filename="../../views/swabs_page.py" line="226" />
        <source>{0} due · {1} sampled</source>
        <translation>应检 {0} 人 · 已采样 {1} 人</translation>
    </message>
    <message>
        <location filename="../../views/swabs_page.py" line="233" />
        <source>Unscheduled swab added</source>
        <translation>已添加计划外核酸</translation>
    </message>
    <message>
        <location filename="../../views/swabs_page.py" line="243" />
        <source>Select one swab with a result to correct it</source>
        <translation>请选择一条已有结果的核酸记录进行更正</translation>
    </message>
    <message>
        <location filename="../../views/swabs_page.py" line="247" />
        <source>Result corrected</source>
        <translation>结果已更正</translation>
    </message>
    <message>
        <location filename="../../views/swabs_page.py" line="276" />
        <source>{0} marked as sampled</source>
        <translation>已标记 {0} 人采样</translation>
    </message>
    <message>
        <location filename="../../views/swabs_page.py" line="284" />
        <location filename="../../views/swabs_page.py" line="374" />
        <source>Nothing recorded</source>
        <translation>未录入任何结果</translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/swabs_page.py" line="289" />
        <location filename="../../views/swabs_page.py" line="380" />
        <source>%n results recorded</source>
        <translation>
            <numerusform>已录入 %n 条结果</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/swabs_page.py" line="301" />
        <source>Record a POSITIVE result for these %n people: {0}?</source>
        <translation>
            <numerusform>确认为以下 %n 人录入【阳性】结果：{0}？</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../views/swabs_page.py" line="320" />
        <source>Spreadsheets (*.xlsx *.xls *.ods *.et *.csv *.txt)</source>
        <translation>表格文件 (*.xlsx *.xls *.ods *.et *.csv *.txt)</translation>
    </message>
    <message>
        <location filename="../../views/swabs_page.py" line="348" />
        <source>Weak positive</source>
        <translation>弱阳性</translation>
    </message>
    <message>
        <location filename="../../views/swabs_page.py" line="351" />
        <source>{0} (Ct: {1})</source>
        <translation>{0}（Ct：{1}）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/swabs_page.py" line="359" />
        <source>%n rows matched, {0} not matched</source>
        <translation>
            <numerusform>匹配 %n 行，未匹配 {0} 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/swabs_page.py" line="371" />
        <source>The lab file has %n positive results: {0}. Record the matched results?</source>
        <translation>
            <numerusform>检测结果文件中有 %n 人阳性：{0}。确认录入已匹配的结果？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/swabs_page.py" line="454" />
        <source>%n people would restart their isolation</source>
        <translation>
            <numerusform>将有 %n 人重新计算隔离期</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/swabs_page.py" line="462" />
        <source>Isolation restarted for %n people</source>
        <translation>
            <numerusform>已为 %n 人重新计算隔离期</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../views/swabs_page.py" line="299" />
        <source>Record a POSITIVE result for {0} (room {1} {2})?</source>
        <translation>确认为 {0}（{1} {2} 房）录入【阳性】结果？</translation>
    </message>
    <message>
        <location filename="../../views/swabs_page.py" line="335" />
        <source>Reading the lab file…</source>
        <translation>正在读取检测结果文件…</translation>
    </message>
    <message>
        <location filename="../../views/swabs_page.py" line="345" />
        <source>matched</source>
        <translation>已匹配</translation>
    </message>
    <message>
        <location filename="../../views/swabs_page.py" line="396" />
        <source>Recording the results…</source>
        <translation>正在录入检测结果…</translation>
    </message>
    <message>
        <location filename="../../views/swabs_page.py" line="411" />
        <source>Positive: {0}. Transfer to hospital, then decide on restarting the floors around.</source>
        <translation>阳性：{0}。请先转运至医院，再决定是否对周边楼层重新计算隔离期。</translation>
    </message>
    <message>
        <location filename="../../views/swabs_page.py" line="434" />
        <source>Transferred to {0}</source>
        <translation>已转运至 {0}</translation>
    </message>
</context>
<context>
    <name>SwitchDateDialog</name>
    <message>
        <location filename="../../views/rule_sets_page.py" line="173" />
        <source>Switch the site to a rule set</source>
        <translation>切换隔离规则</translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="180" />
        <source>Switch the site to “{0}”. The next step shows what changes.</source>
        <translation>将本隔离点切换到“{0}”。下一步显示哪些日期会变化。</translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="181" />
        <source>From</source>
        <translation>生效日期</translation>
    </message>
</context>
<context>
    <name>SwitchPreviewDialog</name>
    <message>
        <location filename="../../views/rule_sets_page.py" line="195" />
        <source>Switch the site to a rule set: preview</source>
        <translation>切换隔离规则：预览</translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="202" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="203" />
        <source>Room</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="204" />
        <source>Category</source>
        <translation>人员类别</translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="205" />
        <source>Release</source>
        <translation>解除日期</translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="206" />
        <source>Home until</source>
        <translation>居家至</translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="207" />
        <source>Test days</source>
        <translation>检测日</translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="208" />
        <source>Kept</source>
        <translation>保留的决定</translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="221" />
        <source>Confirm the switch</source>
        <translation>确认切换</translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/rule_sets_page.py" line="240" />
        <source>Switch the site to “{0}” from {1}: the dates of %n current stays change.</source>
        <translation>
            <numerusform>自 {1} 起将本隔离点切换到“{0}”：%n 名在住人员的日期将变化。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/rule_sets_page.py" line="260" />
        <source>%n current stays keep their dates.</source>
        <translation>
            <numerusform>%n 名在住人员日期不变。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="267" />
        <source>The new rule set has no rule for this category: dates unchanged</source>
        <translation>新规则未定义该类别，日期不变</translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/rule_sets_page.py" line="270" />
        <source>Extended by hand +%n days</source>
        <translation>
            <numerusform>人工延长 +%n 天</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../views/rule_sets_page.py" line="272" />
        <source>Shortened by hand by %n days</source>
        <translation>
            <numerusform>人工缩短 %n 天</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../views/rule_sets_page.py" line="274" />
        <source>Counted again from {0} (positive case)</source>
        <translation>自 {0} 重新计算（阳性病例）</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <location filename="../../views/tasks.py" line="309" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../views/tasks.py" line="387" />
        <source>Unexpected error: {0}</source>
        <translation>意外错误：{0}</translation>
    </message>
</context>
<context>
    <name>TeamListDialog</name>
    <message>
        <location filename="../../views/staff_page.py" line="638" />
        <source>Add…</source>
        <translation>新增…</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="639" />
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="640" />
        <source>No longer in use</source>
        <translation>停用</translation>
    </message>
</context>
<context>
    <name>TeamTab</name>
    <message>
        <location filename="../../views/staff_page.py" line="421" />
        <location filename="../../views/staff_page.py" line="484" />
        <location filename="../../views/staff_page.py" line="531" />
        <location filename="../../views/staff_page.py" line="561" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="421" />
        <location filename="../../views/staff_page.py" line="485" />
        <location filename="../../views/staff_page.py" line="524" />
        <source>Working group</source>
        <translation>工作组</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="421" />
        <location filename="../../views/staff_page.py" line="486" />
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="422" />
        <location filename="../../views/staff_page.py" line="487" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="422" />
        <source>Closed-loop</source>
        <translation>闭环管理</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="427" />
        <source>Add a member…</source>
        <translation>新增人员…</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="428" />
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="429" />
        <source>Left the team</source>
        <translation>离岗</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="430" />
        <source>Working groups…</source>
        <translation>工作组…</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="431" />
        <source>Shifts…</source>
        <translation>班次…</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="457" />
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="457" />
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="468" />
        <source>Staff member</source>
        <translation>工作人员</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="468" />
        <source>Change the staff member</source>
        <translation>修改工作人员</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="471" />
        <source>In closed-loop management: temperature twice a day</source>
        <translation>闭环管理：每日测温两次</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="483" />
        <source>unchanged: {0}</source>
        <translation>不修改：{0}</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="524" />
        <source>Change the working group</source>
        <translation>修改工作组</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="532" />
        <source>Answers for</source>
        <translation>职责</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="552" />
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="552" />
        <source>Change the shift</source>
        <translation>修改班次</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="562" />
        <source>Starts at</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="563" />
        <source>Hours</source>
        <translation>时长（小时）</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="594" />
        <source>Working groups</source>
        <translation>工作组</translation>
    </message>
    <message>
        <location filename="../../views/staff_page.py" line="614" />
        <source>Shifts</source>
        <translation>班次</translation>
    </message>
</context>
<context>
    <name>TemperatureChart</name>
    <message>
        <location filename="../../views/temperature_chart.py" line="90" />
        <source>No readings yet</source>
        <translation>暂无体温记录</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <location filename="../../views/today_page.py" line="102" />
        <source>Close the fever alert…</source>
        <translation>关闭发热预警…</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="108" />
        <source>Close the fever alert… (F8)</source>
        <translation>关闭发热预警…（F8）</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="116" />
        <location filename="../../views/today_page.py" line="124" />
        <source>Back in service (F9)</source>
        <translation>恢复使用 (F9)</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="120" />
        <location filename="../../views/today_page.py" line="126" />
        <source>Extend the out-of-service period…</source>
        <translation>延长停用…</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="131" />
        <location filename="../../views/today_page.py" line="137" />
        <source>Release the ready ones… (Ctrl+R)</source>
        <translation>批量解除隔离… (Ctrl+R)</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="148" />
        <location filename="../../views/today_page.py" line="154" />
        <source>Record the call… (F7)</source>
        <translation>登记回访…（F7）</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="158" />
        <source>Close the follow-up alert…</source>
        <translation>处置回访异常…</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="165" />
        <location filename="../../views/today_page.py" line="171" />
        <source>Record a round… (F6)</source>
        <translation>登记消毒…（F6）</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="173" />
        <source>Public areas…</source>
        <translation>公共区域…</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="183" />
        <source>Take down a request…</source>
        <translation>登记需求…</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="190" />
        <source>Floor</source>
        <translation>楼层</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="191" />
        <source>Rooms</source>
        <translation>房间</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="192" />
        <source>Occupied</source>
        <translation>已入住</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="193" />
        <source>Available</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="194" />
        <source>Awaiting disinfection</source>
        <translation>待消毒</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="195" />
        <source>People</source>
        <translation>在住人数</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="220" />
        <source>morning</source>
        <translation>上午</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="220" />
        <source>evening</source>
        <translation>下午</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="223" />
        <source>&lt;b&gt;{0}&lt;/b&gt; · arrivals {1} · releases due today {2} (ready {3}) · tomorrow {4} · &lt;a href='swabs'&gt;swabs {5} (sampled {6})&lt;/a&gt; · open fevers {7} · &lt;a href='rounds'&gt;missing readings, {8} round: {9}&lt;/a&gt; · &lt;a href='board'&gt;awaiting disinfection {10}&lt;/a&gt;</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; · 今日入住 {1} · 今日应解除 {2}（可解除 {3}）· 明日 {4} · &lt;a href='swabs'&gt;核酸 {5}（已采 {6}）&lt;/a&gt; · 发热未处置 {7} · &lt;a href='rounds'&gt;{8}未测体温 {9}&lt;/a&gt; · &lt;a href='board'&gt;待消毒 {10}&lt;/a&gt;</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="241" />
        <source>Releases due today ({0})</source>
        <translation>今日应解除（{0}）</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="242" />
        <source>Releases tomorrow ({0})</source>
        <translation>明日解除（{0}）</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="243" />
        <source>Positive swabs, still on site ({0})</source>
        <translation>核酸阳性，尚未转运（{0}）</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="244" />
        <source>Open fever alerts ({0})</source>
        <translation>发热预警（{0}）</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="245" />
        <source>Arrivals today ({0})</source>
        <translation>今日入住（{0}）</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="246" />
        <source>Missing readings, {0} round ({1})</source>
        <translation>{0}未测体温（{1}）</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="247" />
        <source>Awaiting disinfection ({0})</source>
        <translation>待消毒房间（{0}）</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="260" />
        <source>Out of service, period ended ({0})</source>
        <translation>停用到期（{0}）</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="265" />
        <source>{0} · until {1} · {2}</source>
        <translation>{0} · 停用至 {1} · {2}</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="292" />
        <source>Public areas to disinfect ({0}, behind {1})</source>
        <translation>公共区域待消毒（{0}，滞后 {1}）</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="296" />
        <source> · last {0}</source>
        <translation> · 上次 {0}</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="297" />
        <source>{0} · {1}/{2} today</source>
        <translation>{0} · 今日 {1}/{2}</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="313" />
        <source>Occupants' requests ({0}, overdue {1})</source>
        <translation>人员需求（{0}，超时 {1}）</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="337" />
        <source>, days left: {0}</source>
        <translation>，可用 {0} 天</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="338" />
        <source>{0} {1} {2}{3}</source>
        <translation>{0} {1} {2}{3}</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="340" />
        <source>&lt;a href='supplies'&gt;Supplies running low&lt;/a&gt;: {0}</source>
        <translation>&lt;a href='supplies'&gt;物资库存不足&lt;/a&gt;：{0}</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="357" />
        <source>nobody on the roster</source>
        <translation>排班表上无人</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="358" />
        <source>&lt;a href='staff'&gt;On duty now&lt;/a&gt;: {0}</source>
        <translation>&lt;a href='staff'&gt;当前在岗&lt;/a&gt;：{0}</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="360" />
        <source>staff temperature alerts: {0}</source>
        <translation>工作人员体温预警：{0}</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="401" />
        <source>&lt;a href='forecast'&gt;Room forecast&lt;/a&gt;: free rooms at the end of tomorrow: {0} (beds: {1}); the day after: {2}; fewest in the next 7 days: {3}, on {4}</source>
        <translation>&lt;a href='forecast'&gt;房间预测&lt;/a&gt;：明日日终空闲 {0} 间（{1} 床），后日 {2} 间；未来7天最少 {3} 间（{4}）</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="409" />
        <source>below the margin of {0} on {1}</source>
        <translation>{1} 低于预警余量 {0} 间</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="426" />
        <source>Follow-up calls due ({0}, overdue {1})</source>
        <translation>待回访（{0}，逾期 {1}）</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="430" />
        <source>overdue since {0}</source>
        <translation>{0} 起逾期</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="430" />
        <source>today</source>
        <translation>今日</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="431" />
        <source> · tried {0}×</source>
        <translation> · 已拨打 {0} 次</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="432" />
        <location filename="../../views/today_page.py" line="448" />
        <source>no community recorded</source>
        <translation>未登记接收社区</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="433" />
        <source>{0} · {1} · home day {2} · {3}</source>
        <translation>{0} · {1} · 居家第 {2} 天 · {3}</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="443" />
        <source>… and {0} more (the follow-up ledger lists them all)</source>
        <translation>… 另有 {0} 条（回访台账列出全部）</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="446" />
        <source>Abnormal follow-ups ({0})</source>
        <translation>回访异常（{0}）</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="448" />
        <source>{0} · {1} · home day {2}</source>
        <translation>{0} · {1} · 居家第 {2} 天</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="482" />
        <source>swab: {0}</source>
        <translation>核酸：{0}</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="484" />
        <source>fever open</source>
        <translation>发热未处置</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="487" />
        <source>leaves with {0}, not ready</source>
        <translation>须与同住人{0}一同解除，其尚未符合</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="545" />
        <location filename="../../views/today_page.py" line="584" />
        <source>Out of service</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="570" />
        <source>Extend the out-of-service period</source>
        <translation>延长停用</translation>
    </message>
    <message>
        <location filename="../../views/today_page.py" line="578" />
        <source>Out of service until</source>
        <translation>停用至</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../../views/users_page.py" line="38" />
        <source>My password</source>
        <translation>我的密码</translation>
    </message>
    <message>
        <location filename="../../views/users_page.py" line="42" />
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../views/users_page.py" line="44" />
        <source>Current password</source>
        <translation>原密码</translation>
    </message>
    <message>
        <location filename="../../views/users_page.py" line="45" />
        <location filename="../../views/users_page.py" line="80" />
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../views/users_page.py" line="48" />
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../views/users_page.py" line="51" />
        <location filename="../../views/users_page.py" line="74" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../views/users_page.py" line="51" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../views/users_page.py" line="51" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../views/users_page.py" line="51" />
        <location filename="../../views/users_page.py" line="66" />
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../views/users_page.py" line="62" />
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <location filename="../../views/users_page.py" line="67" />
        <source>Save role and state</source>
        <translation>保存角色和状态</translation>
    </message>
    <message>
        <location filename="../../views/users_page.py" line="70" />
        <source>Set new password</source>
        <translation>设置新密码</translation>
    </message>
    <message>
        <location filename="../../views/users_page.py" line="75" />
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../views/users_page.py" line="76" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../views/users_page.py" line="118" />
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../views/users_page.py" line="118" />
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../views/users_page.py" line="138" />
        <source>Password changed.</source>
        <translation>密码已修改。</translation>
    </message>
    <message>
        <location filename="../../views/users_page.py" line="146" />
        <source>User {0} added.</source>
        <translation>已添加用户 {0}。</translation>
    </message>
    <message>
        <location filename="../../views/users_page.py" line="158" />
        <source>{0} saved.</source>
        <translation>{0} 已保存。</translation>
    </message>
    <message>
        <location filename="../../views/users_page.py" line="168" />
        <source>New password set for {0}.</source>
        <translation>已为 {0} 设置新密码。</translation>
    </message>
</context>
</TS>