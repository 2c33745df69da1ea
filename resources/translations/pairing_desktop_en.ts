<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AssignmentsTab</name>
    <message>
        <source>干部–贫困户结对</source>
        <translation>Cadre–household pairings</translation>
    </message>
    <message>
        <source>更换帮扶干部…</source>
        <translation>Change cadre…</translation>
    </message>
    <message>
        <source>全部</source>
        <translation>All</translation>
    </message>
    <message>
        <source>干部帮扶定额</source>
        <translation>Cadre quotas</translation>
    </message>
    <message>
        <source>还没有干部。在“帮扶单位”页登记干部后，这里列出每人按职级应帮扶的户数和现帮扶的户数。</source>
        <translation>No cadres yet. Once cadres are entered on the “Units” page, this lists each one&apos;s household quota by rank and the households now assisted.</translation>
    </message>
    <message>
        <source>职级定额…</source>
        <translation>Rank quotas…</translation>
    </message>
    <message>
        <source>无帮扶干部的贫困户</source>
        <translation>Households without a cadre</translation>
    </message>
    <message>
        <source>每户贫困户都有帮扶干部。没有干部帮扶的贫困户会列在这里，选中后点“为此户结对…”。</source>
        <translation>Every poor household has a cadre. Households without one are listed here: select one and click “Pair this household…”.</translation>
    </message>
    <message>
        <source>为此户结对…</source>
        <translation>Pair this household…</translation>
    </message>
    <message>
        <source>更换帮扶干部</source>
        <translation>Change cadre</translation>
    </message>
    <message>
        <source>请先在列表中选择一条结对记录。</source>
        <translation>Select a pairing in the list first.</translation>
    </message>
    <message>
        <source>不足</source>
        <translation>Below quota</translation>
    </message>
    <message>
        <source>超额</source>
        <translation>Above quota</translation>
    </message>
    <message>
        <source>达标</source>
        <translation>At quota</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <source>批量生成责任书</source>
        <translation>Make letters in a batch</translation>
    </message>
    <message>
        <source>全部乡镇</source>
        <translation>All townships</translation>
    </message>
    <message>
        <source>全部单位</source>
        <translation>All units</translation>
    </message>
    <message>
        <source>每份一个文件（输出到文件夹）</source>
        <translation>One file per letter (into a folder)</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>生成</source>
        <translation>Make</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>落款日期</source>
        <translation>Date of letter</translation>
    </message>
    <message>
        <source>保存到</source>
        <translation>Save to</translation>
    </message>
    <message>
        <source>正在生成…</source>
        <translation>Making letters…</translation>
    </message>
    <message>
        <source>已取消：没有生成任何文件，也没有记录任何责任书。</source>
        <translation>Cancelled: no file was written and no letter recorded.</translation>
    </message>
    <message>
        <source>输出文件夹</source>
        <translation>Output folder</translation>
    </message>
    <message>
        <source>请选择保存位置。</source>
        <translation>Choose where to save.</translation>
    </message>
    <message>
        <source>已生成 {0} 份，共 {1} 页，落款日期 {2}。</source>
        <translation>Made {0} letters, {1} pages, dated {2}.</translation>
    </message>
    <message>
        <source>帮扶联系卡</source>
        <translation>Contact card</translation>
    </message>
    <message>
        <source>干部帮扶责任书</source>
        <translation>Cadre letter</translation>
    </message>
    <message>
        <source>结对帮扶目标责任书</source>
        <translation>Target letter</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>处理交换冲突</source>
        <translation>Resolve exchange conflicts</translation>
    </message>
    <message>
        <source>下列记录在本台账和对方单位都修改过。请逐条比较两个版本，选择保留哪一个；选择会记入操作日志，并随下一个交换包发给对方。</source>
        <translation>These records were changed both in this ledger and by the other office. Compare the two versions of each and choose which to keep; your choice is recorded in the history and sent to the other office with the next exchange package.</translation>
    </message>
    <message>
        <source>保留本台账的版本</source>
        <translation>Keep this ledger&apos;s version</translation>
    </message>
    <message>
        <source>采用对方的版本</source>
        <translation>Take the other office&apos;s version</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>{0}“{1}”（{2}）</source>
        <translation>{0} “{1}” ({2})</translation>
    </message>
    <message>
        <source>没有待处理的冲突。</source>
        <translation>No conflicts to resolve.</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>本台账</source>
        <translation>This ledger</translation>
    </message>
    <message>
        <source>对方</source>
        <translation>Other office</translation>
    </message>
    <message>
        <source>{0}“{1}”：本台账与{2}（第{3}号交换包）都修改过，不同的项目已标出。</source>
        <translation>{0} “{1}”: changed both in this ledger and by {2} (exchange package no. {3}); the items that differ are marked.</translation>
    </message>
    <message>
        <source>本台账的版本</source>
        <translation>This ledger&apos;s version</translation>
    </message>
    <message>
        <source>{0}的版本</source>
        <translation>Version from {0}</translation>
    </message>
</context>
<context>
    <name>ExchangeMenu</name>
    <message>
        <source>生成交换包</source>
        <translation>Export exchange package</translation>
    </message>
    <message>
        <source>发往哪个单位：</source>
        <translation>Send to:</translation>
    </message>
    <message>
        <source>导入交换包</source>
        <translation>Import exchange package</translation>
    </message>
    <message>
        <source>交换包 (*{0});;所有文件 (*)</source>
        <translation>Exchange packages (*{0});;All files (*)</translation>
    </message>
    <message>
        <source>交换包 (*{0})</source>
        <translation>Exchange packages (*{0})</translation>
    </message>
    <message>
        <source>已生成发往“{0}”的第 {1} 号交换包：{2} 条记录，{3:.1f} KB。
{4}
可以用 U 盘或聊天软件把这个文件交给对方。</source>
        <translation>Exchange package no. {1} for “{0}” is ready: {2} records, {3:.1f} KB.
{4}
Give this file to them on a USB stick or through a chat app.</translation>
    </message>
    <message>
        <source>已导入“{0}”的第 {1} 号交换包：{2}。</source>
        <translation>Imported exchange package no. {1} from “{0}”: {2}.</translation>
    </message>
    <message>
        <source>
有记录在两边都修改过，请选择保留哪个版本。</source>
        <translation>
Some records were changed on both sides: choose which version to keep.</translation>
    </message>
    <message>
        <source>数据交换(&amp;X)</source>
        <translation>E&amp;xchange</translation>
    </message>
    <message>
        <source>生成交换包(&amp;E)…</source>
        <translation>&amp;Export exchange package…</translation>
    </message>
    <message>
        <source>导入交换包(&amp;I)…</source>
        <translation>&amp;Import exchange package…</translation>
    </message>
    <message>
        <source>处理冲突(&amp;C)…</source>
        <translation>Resolve &amp;conflicts…</translation>
    </message>
</context>
<context>
    <name>FontTable</name>
    <message>
        <source>正在查找…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>一级标题（3号黑体）</source>
        <translation>Heading 1 (16 pt HeiTi)</translation>
    </message>
    <message>
        <source>二级标题（3号楷体）</source>
        <translation>Heading 2 (16 pt KaiTi)</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>字体</source>
        <translation>Font</translation>
    </message>
    <message>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>标题（2号小标宋体）</source>
        <translation>Title (22 pt XiaoBiaoSong)</translation>
    </message>
    <message>
        <source>正文（3号仿宋体）</source>
        <translation>Body (16 pt FangSong)</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>页码（4号宋体）</source>
        <translation>Page number (14 pt SongTi)</translation>
    </message>
</context>
<context>
    <name>LetterDateField</name>
    <message>
        <source>落款日期：{0}</source>
        <translation>Date of letter: {0}</translation>
    </message>
</context>
<context>
    <name>LettersTab</name>
    <message>
        <source>全部类型</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>全部状态</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>全部乡镇</source>
        <translation>All townships</translation>
    </message>
    <message>
        <source>只看打印超过30天未签订</source>
        <translation>Only printed over 30 days ago, unsigned</translation>
    </message>
    <message>
        <source>责任书</source>
        <translation>Responsibility letters</translation>
    </message>
    <message>
        <source>还没有责任书。点“批量生成…”为结对生成本年度的目标责任书、干部帮扶责任书或联系卡；生成后在这里预览、打印，签订后登记并附上签订件。</source>
        <translation>No letters yet. Click “Batch…” to make this year&apos;s target letters, cadre letters or contact cards for the pairings; then preview and print them here, and once signed, record them with the signed copy attached.</translation>
    </message>
    <message>
        <source>批量生成…</source>
        <translation>Batch…</translation>
    </message>
    <message>
        <source>预览 / 打印…</source>
        <translation>Preview / print…</translation>
    </message>
    <message>
        <source>标记已打印</source>
        <translation>Mark printed</translation>
    </message>
    <message>
        <source>标记已签订…</source>
        <translation>Mark signed…</translation>
    </message>
    <message>
        <source>查看签订件</source>
        <translation>View signed copy</translation>
    </message>
    <message>
        <source>核验验证码…</source>
        <translation>Verify code…</translation>
    </message>
    <message>
        <source>责任书使用的字体（保存在台账文件中）</source>
        <translation>Fonts of the letters (kept in the ledger file)</translation>
    </message>
    <message>
        <source>查找责任书字体</source>
        <translation>Find letter fonts</translation>
    </message>
    <message>
        <source>责任书字体（GB/T 9704：标题小标宋、正文仿宋、一级标题黑体、二级标题楷体）</source>
        <translation>Letter fonts (GB/T 9704: title XiaoBiaoSong, body FangSong, headings HeiTi and KaiTi)</translation>
    </message>
    <message>
        <source>使用</source>
        <translation>Use</translation>
    </message>
    <message>
        <source>全部年度</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>{0}年</source>
        <translation>{0}</translation>
    </message>
    <message>
        <source>责任书字体</source>
        <translation>Letter fonts</translation>
    </message>
    <message>
        <source>先在列表中选择一份责任书</source>
        <translation>Select a letter in the list first</translation>
    </message>
    <message>
        <source>请先在列表中选择一份责任书。</source>
        <translation>Select a letter in the list first.</translation>
    </message>
    <message>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>记录在打印后已修改，已生成新版本（验证码 {0}），原版本保留。</source>
        <translation>The record changed after printing: a new version was made (code {0}); the old one is kept.</translation>
    </message>
    <message>
        <source>标记已签订</source>
        <translation>Mark signed</translation>
    </message>
    <message>
        <source>标记责任书已签订</source>
        <translation>Mark letter as signed</translation>
    </message>
    <message>
        <source>核验责任书</source>
        <translation>Verify a letter</translation>
    </message>
    <message>
        <source>已打印</source>
        <translation>Printed</translation>
    </message>
    <message>
        <source>已签订</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>帮扶联系卡</source>
        <translation>Contact card</translation>
    </message>
    <message>
        <source>干部帮扶责任书</source>
        <translation>Cadre letter</translation>
    </message>
    <message>
        <source>程序自带字体</source>
        <translation>Bundled fonts</translation>
    </message>
    <message>
        <source>结对帮扶目标责任书</source>
        <translation>Target letter</translation>
    </message>
    <message>
        <source>自动：优先使用系统已安装的公文字体（Windows）</source>
        <translation>Automatic: installed official fonts first (Windows)</translation>
    </message>
    <message>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
</context>
<context>
    <name>ListModel</name>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>ListPanel</name>
    <message>
        <source>这里还没有记录。</source>
        <translation>No records here yet.</translation>
    </message>
    <message>
        <source>搜索（Ctrl+F）</source>
        <translation>Search (Ctrl+F)</translation>
    </message>
    <message>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>把列表中现在显示的记录（按当前的搜索和排序）导出为 Excel 工作簿</source>
        <translation>Export the records now shown in the list (with the current search and sort order) to an Excel workbook</translation>
    </message>
    <message>
        <source>搜索</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>复制选中的行</source>
        <translation>Copy selected rows</translation>
    </message>
    <message>
        <source>导出列表…</source>
        <translation>Export list…</translation>
    </message>
    <message>
        <source>共 {0} 条</source>
        <translation>{0} records</translation>
    </message>
    <message>
        <source>没有与“{0}”相符的记录。</source>
        <translation>No records match “{0}”.</translation>
    </message>
    <message>
        <source>列表</source>
        <translation>List</translation>
    </message>
    <message>
        <source>导出列表</source>
        <translation>Export list</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>已导出 {0} 条记录到 {1}（身份证号和电话已隐去中间几位）。</source>
        <translation>Exported {0} records to {1} (middle digits of ID and phone numbers hidden).</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>设置(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <source>责任书(&amp;L)</source>
        <translation>&amp;Letters</translation>
    </message>
    <message>
        <source>检查台账文件</source>
        <translation>Checking the ledger file</translation>
    </message>
    <message>
        <source>入门清单</source>
        <translation>Getting started</translation>
    </message>
    <message>
        <source>操作员：{0}（{1}）</source>
        <translation>Operator: {0} ({1})</translation>
    </message>
    <message>
        <source>未登录</source>
        <translation>Not logged in</translation>
    </message>
    <message>
        <source>数据库：{0}</source>
        <translation>Ledger: {0}</translation>
    </message>
    <message>
        <source>服务器：{0}</source>
        <translation>Server: {0}</translation>
    </message>
    <message>
        <source>城乡共建“1+1”结对帮扶台账 — {0}</source>
        <translation>Urban-rural “1+1” pairing assistance ledger — {0}</translation>
    </message>
    <message>
        <source>（服务器）</source>
        <translation> (server)</translation>
    </message>
    <message>
        <source>服务器上的台账由服务器备份（pg_dump）</source>
        <translation>A ledger on a server is backed up by the server (pg_dump)</translation>
    </message>
    <message>
        <source>台账文件已损坏：只读打开，不能修改</source>
        <translation>Ledger file damaged: opened read-only, no changes possible</translation>
    </message>
    <message>
        <source>台账位于网络盘或同步盘：文件锁不可靠</source>
        <translation>Ledger on a network or synced drive: file locks unreliable</translation>
    </message>
    <message>
        <source>台账的位置</source>
        <translation>Ledger location</translation>
    </message>
    <message>
        <source>撤销“{0}”(&amp;U)</source>
        <translation>&amp;Undo “{0}”</translation>
    </message>
    <message>
        <source>撤销(&amp;U)</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>重做“{0}”(&amp;R)</source>
        <translation>&amp;Redo “{0}”</translation>
    </message>
    <message>
        <source>重做(&amp;R)</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>台账文件已损坏：已停止写入</source>
        <translation>Ledger file damaged: writing stopped</translation>
    </message>
    <message>
        <source>台账文件已损坏</source>
        <translation>Ledger file damaged</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>已导出 {0} 条记录到 {1}（身份证号和电话已隐去中间几位）。</source>
        <translation>Exported {0} records to {1} (middle digits of ID and phone numbers hidden).</translation>
    </message>
    <message>
        <source>正在备份……</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <source>备份到</source>
        <translation>Back up to</translation>
    </message>
    <message>
        <source>台账备份 (*.backup)</source>
        <translation>Ledger backup (*.backup)</translation>
    </message>
    <message>
        <source>备份</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>备份没有做成</source>
        <translation>Backup failed</translation>
    </message>
    <message>
        <source>不能用这份备份恢复</source>
        <translation>Cannot restore from this backup</translation>
    </message>
    <message>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>备份 {0} 已损坏（{1}），不能用来恢复。</source>
        <translation>Backup {0} is damaged ({1}) and cannot be restored.</translation>
    </message>
    <message>
        <source>恢复没有完成</source>
        <translation>Restore not completed</translation>
    </message>
    <message>
        <source>恢复后的台账打不开：{0}
原来的台账另存为 {1}。</source>
        <translation>The restored ledger cannot be opened: {0}
The previous ledger was kept as {1}.</translation>
    </message>
    <message>
        <source>台账已恢复，但没有登录。程序将关闭，下次启动时登录即可。

</source>
        <translation>The ledger was restored, but nobody logged in. The program will close; log in at the next start.

</translation>
    </message>
    <message>
        <source>备份设置</source>
        <translation>Backup settings</translation>
    </message>
    <message>
        <source>第二备份位置 {0} 现在不可用（U 盘没有插好，或网络盘没有连上？）。设置已保存，每次备份时都会再试。</source>
        <translation>The second backup location {0} is not available now (USB stick not plugged in, or network drive not connected?). The settings are saved; every backup will try again.</translation>
    </message>
    <message>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>新建台账(&amp;N)…</source>
        <translation>&amp;New ledger…</translation>
    </message>
    <message>
        <source>打开台账(&amp;O)…</source>
        <translation>&amp;Open ledger…</translation>
    </message>
    <message>
        <source>打开服务器上的台账(&amp;S)…</source>
        <translation>Open a Ledger on a &amp;Server…</translation>
    </message>
    <message>
        <source>导出(&amp;L)…</source>
        <translation>Export to Exce&amp;l…</translation>
    </message>
    <message>
        <source>新建数据库(&amp;N)…</source>
        <translation type="vanished">&amp;New ledger…</translation>
    </message>
    <message>
        <source>打开数据库(&amp;O)…</source>
        <translation type="vanished">&amp;Open ledger…</translation>
    </message>
    <message>
        <source>最近打开(&amp;R)</source>
        <translation>&amp;Recent</translation>
    </message>
    <message>
        <source>演示县数据库(&amp;D)…</source>
        <translation>&amp;Demo county…</translation>
    </message>
    <message>
        <source>打印(&amp;P)…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>立即备份(&amp;K)</source>
        <translation>Bac&amp;k up now</translation>
    </message>
    <message>
        <source>备份到(&amp;T)…</source>
        <translation>Back up &amp;to…</translation>
    </message>
    <message>
        <source>恢复(&amp;E)…</source>
        <translation>R&amp;estore…</translation>
    </message>
    <message>
        <source>导入(&amp;I)…</source>
        <translation>&amp;Import…</translation>
    </message>
    <message>
        <source>导出(&amp;P)…</source>
        <translation type="vanished">Ex&amp;port…</translation>
    </message>
    <message>
        <source>切换操作员(&amp;W)…</source>
        <translation>S&amp;witch operator…</translation>
    </message>
    <message>
        <source>退出(&amp;X)</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>操作日志(&amp;H)…</source>
        <translation>&amp;History…</translation>
    </message>
    <message>
        <source>回收站(&amp;B)…</source>
        <translation>Recycle &amp;bin…</translation>
    </message>
    <message>
        <source>操作员账户(&amp;A)…</source>
        <translation>Operator &amp;accounts…</translation>
    </message>
    <message>
        <source>备份设置(&amp;K)…</source>
        <translation>Bac&amp;kup settings…</translation>
    </message>
    <message>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>使用说明(&amp;G)</source>
        <translation>User &amp;guide</translation>
    </message>
    <message>
        <source>入门清单(&amp;C)</source>
        <translation>Getting-started &amp;checklist</translation>
    </message>
    <message>
        <source>关于(&amp;A)…</source>
        <translation>&amp;About…</translation>
    </message>
    <message>
        <source>服务器上的台账由服务器备份（pg_dump），请找服务器管理员</source>
        <translation>A ledger on a server is backed up by the server (pg_dump): ask its administrator</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>新建台账数据库</source>
        <translation type="vanished">New ledger</translation>
    </message>
    <message>
        <source>文件 {0} 已存在；请用“打开”打开它，或换一个文件名。</source>
        <translation type="vanished">The file {0} already exists: open it with “Open”, or choose another name.</translation>
    </message>
    <message>
        <source>保存演示县数据库</source>
        <translation>Save the demo county</translation>
    </message>
    <message>
        <source>文件 {0} 已存在；演示数据只写入新文件。</source>
        <translation>The file {0} already exists: the demo data is written to a new file only.</translation>
    </message>
    <message>
        <source>演示县数据库</source>
        <translation>Demo county</translation>
    </message>
    <message>
        <source>无法打开数据库</source>
        <translation>Cannot open the ledger</translation>
    </message>
    <message>
        <source>乡镇</source>
        <translation>Townships</translation>
    </message>
    <message>
        <source>乡镇录入员</source>
        <translation>Township clerk</translation>
    </message>
    <message>
        <source>党员结对</source>
        <translation>Party member pairing</translation>
    </message>
    <message>
        <source>农民党员</source>
        <translation>Farmer members</translation>
    </message>
    <message>
        <source>单位–村结对</source>
        <translation>Pairings</translation>
    </message>
    <message>
        <source>县级管理员</source>
        <translation>County admin</translation>
    </message>
    <message>
        <source>只读</source>
        <translation>Read only</translation>
    </message>
    <message>
        <source>地直单位–乡镇结对</source>
        <translation>Prefecture unit–township pairing</translation>
    </message>
    <message>
        <source>帮扶单位</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>帮扶活动</source>
        <translation>Activity</translation>
    </message>
    <message>
        <source>干部</source>
        <translation>Cadres</translation>
    </message>
    <message>
        <source>干部帮扶结对</source>
        <translation>Cadre pairings</translation>
    </message>
    <message>
        <source>年度目标</source>
        <translation>Annual target</translation>
    </message>
    <message>
        <source>村</source>
        <translation>Villages</translation>
    </message>
    <message>
        <source>活动类型</source>
        <translation>Activity type</translation>
    </message>
    <message>
        <source>职级</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>贫困户</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>驻村任职</source>
        <translation>Village posting</translation>
    </message>
</context>
<context>
    <name>PairingsTab</name>
    <message>
        <source>单位–村结对</source>
        <translation>Unit–village pairings</translation>
    </message>
    <message>
        <source>地直单位–乡镇党委结对</source>
        <translation>Prefecture unit–township pairings</translation>
    </message>
    <message>
        <source>机关党员–农民党员结对</source>
        <translation>Party member pairings</translation>
    </message>
    <message>
        <source>驻村任职</source>
        <translation>Village postings</translation>
    </message>
</context>
<context>
    <name>PreviewDialog</name>
    <message>
        <source>预览：{0}</source>
        <translation>Preview: {0}</translation>
    </message>
    <message>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>另存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>页</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>缩放</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <source>另选日期将生成新版本，验证码随之改变；原版本保留。</source>
        <translation>Another date makes a new version with a new code; the old version is kept.</translation>
    </message>
    <message>
        <source>落款日期</source>
        <translation>Date of letter</translation>
    </message>
    <message>
        <source>打印责任书</source>
        <translation>Print letter</translation>
    </message>
    <message>
        <source>正在打印…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>已取消打印；责任书没有标记为已打印。</source>
        <translation>Printing cancelled; the letter is not marked printed.</translation>
    </message>
    <message>
        <source> / {0} 页</source>
        <translation> / {0}</translation>
    </message>
    <message>
        <source>第{0}版&#x3000;验证码 {1}</source>
        <translation>Version {0}&#x3000;Code {1}</translation>
    </message>
    <message>
        <source>正在打印：打印结束后再改落款日期。</source>
        <translation>Printing: change the date once printing has ended.</translation>
    </message>
    <message>
        <source>所选页码超出范围：这份文件共 {0} 页。</source>
        <translation>Pages out of range: this document has {0} pages.</translation>
    </message>
    <message>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>未能保存：{0}</source>
        <translation>Could not save: {0}</translation>
    </message>
    <message>
        <source>已保存到 {0}</source>
        <translation>Saved to {0}</translation>
    </message>
</context>
<context>
    <name>RankDialog</name>
    <message>
        <source>职级帮扶定额</source>
        <translation>Quotas by rank</translation>
    </message>
    <message>
        <source>职级与帮扶户数定额</source>
        <translation>Ranks and household quotas</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>每名干部应帮扶的贫困户数由其职级决定，可按本县规定修改。</source>
        <translation>The number of households each cadre assists depends on rank; change it to the county&apos;s rules.</translation>
    </message>
</context>
<context>
    <name>ReassignDialog</name>
    <message>
        <source>更换帮扶干部</source>
        <translation>Change cadre</translation>
    </message>
    <message>
        <source>贫困户</source>
        <translation>Poor household</translation>
    </message>
    <message>
        <source>新帮扶干部</source>
        <translation>New cadre</translation>
    </message>
    <message>
        <source>更换日期</source>
        <translation>Date of change</translation>
    </message>
    <message>
        <source>新帮扶干部：请从列表中选择</source>
        <translation>New cadre: choose from the list</translation>
    </message>
    <message>
        <source>新帮扶干部：</source>
        <translation>New cadre: </translation>
    </message>
</context>
<context>
    <name>RecordPanel</name>
    <message>
        <source>新建</source>
        <translation>New</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>撤销修改</source>
        <translation>Revert</translation>
    </message>
    <message>
        <source>历史</source>
        <translation>History</translation>
    </message>
    <message>
        <source>这条记录的操作日志：谁在何时改了什么</source>
        <translation>This record&apos;s history: who changed what, and when</translation>
    </message>
    <message>
        <source>不能保存</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <source>确定删除{0}吗？</source>
        <translation>Delete {0}?</translation>
    </message>
    <message>
        <source>不能删除</source>
        <translation>Cannot delete</translation>
    </message>
    <message>
        <source>乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <source>党员结对</source>
        <translation>Party member pairing</translation>
    </message>
    <message>
        <source>农民党员</source>
        <translation>Farmer party member</translation>
    </message>
    <message>
        <source>单位–村结对</source>
        <translation>Unit–village pairing</translation>
    </message>
    <message>
        <source>地直单位–乡镇结对</source>
        <translation>Prefecture unit–township pairing</translation>
    </message>
    <message>
        <source>帮扶单位</source>
        <translation>Assisting unit</translation>
    </message>
    <message>
        <source>帮扶活动</source>
        <translation>Activity</translation>
    </message>
    <message>
        <source>干部</source>
        <translation>Cadre</translation>
    </message>
    <message>
        <source>干部帮扶结对</source>
        <translation>Cadre–household pairing</translation>
    </message>
    <message>
        <source>年度目标</source>
        <translation>Annual target</translation>
    </message>
    <message>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>活动类型</source>
        <translation>Activity type</translation>
    </message>
    <message>
        <source>职级</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>请先在上方选择一个帮扶单位，这里列出它的干部。</source>
        <translation>Select an assisting unit above to list its cadres here.</translation>
    </message>
    <message>
        <source>请先在上方选择一个村，这里列出它的贫困户和农民党员。</source>
        <translation>Select a village above to list its poor households and farmer party members here.</translation>
    </message>
    <message>
        <source>请先在左边选择一个单位–村结对，这里列出它这一年的目标。</source>
        <translation>Select a unit–village pairing on the left to list its targets for the year here.</translation>
    </message>
    <message>
        <source>请先选择一个乡镇。</source>
        <translation>Select a township first.</translation>
    </message>
    <message>
        <source>贫困户</source>
        <translation>Poor household</translation>
    </message>
    <message>
        <source>驻村任职</source>
        <translation>Village posting</translation>
    </message>
</context>
<context>
    <name>TargetsTab</name>
    <message>
        <source>单位–村结对</source>
        <translation>Unit–village pairings</translation>
    </message>
    <message>
        <source>还没有单位–村结对。在“结对”页登记结对后，在这里为每个结对填写年度目标。</source>
        <translation>No unit–village pairings yet. Once pairings are entered on the “Pairings” page, fill in each one&apos;s annual targets here.</translation>
    </message>
    <message>
        <source>年度 </source>
        <translation>Year </translation>
    </message>
    <message>
        <source>复制上年目标</source>
        <translation>Copy last year&apos;s targets</translation>
    </message>
    <message>
        <source>年度目标</source>
        <translation>Annual targets</translation>
    </message>
</context>
<context>
    <name>UnitsTab</name>
    <message>
        <source>帮扶单位</source>
        <translation>Assisting units</translation>
    </message>
    <message>
        <source>本单位干部</source>
        <translation>Cadres of this unit</translation>
    </message>
</context>
<context>
    <name>VillagesTab</name>
    <message>
        <source>乡镇</source>
        <translation>Townships</translation>
    </message>
    <message>
        <source>村</source>
        <translation>Villages</translation>
    </message>
    <message>
        <source>本村贫困户</source>
        <translation>Poor households of this village</translation>
    </message>
    <message>
        <source>本村农民党员</source>
        <translation>Farmer party members of this village</translation>
    </message>
    <message>
        <source>贫困户</source>
        <translation>Poor households</translation>
    </message>
    <message>
        <source>农民党员</source>
        <translation>Farmer party members</translation>
    </message>
</context>
<context>
    <name>about</name>
    <message>
        <source>本程序以 MIT 许可证发布；Qt 与 PySide6 以 GNU LGPL v3 许可证使用。</source>
        <translation>This program is released under the MIT licence; Qt and PySide6 are used under the GNU LGPL v3.</translation>
    </message>
    <message>
        <source>随程序附带的字体及其许可证文件：</source>
        <translation>Fonts shipped with the program and their licence files:</translation>
    </message>
    <message>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <source>程序</source>
        <translation>Program</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>数据文件夹</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>日志文件夹</source>
        <translation>Log folder</translation>
    </message>
    <message>
        <source>当前台账</source>
        <translation>Current ledger</translation>
    </message>
    <message>
        <source>许可证</source>
        <translation>Licences</translation>
    </message>
</context>
<context>
    <name>activities</name>
    <message>
        <source>输入单位或村名的几个字</source>
        <translation>Type part of a unit or village name</translation>
    </message>
    <message>
        <source>如 2026-3-5</source>
        <translation>e.g. 2026-3-5</translation>
    </message>
    <message>
        <source>已登记的帮扶活动</source>
        <translation>Recorded activities</translation>
    </message>
    <message>
        <source>还没有登记帮扶活动。在左边填写日期、活动类型和结对，按 Ctrl+Enter 保存并登记下一条；也可用 文件 → 导入。</source>
        <translation>No activities recorded yet. Fill in the date, activity type and pairing on the left, then press Ctrl+Enter to save and enter the next; or use File → Import.</translation>
    </message>
    <message>
        <source>保存并登记下一条（Ctrl+Enter）</source>
        <translation>Save and enter next (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>保存（Ctrl+S）</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>新登记（Ctrl+N）</source>
        <translation>New (Ctrl+N)</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>保存并登记下一条</source>
        <translation>Save and next</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>新登记</source>
        <translation>New</translation>
    </message>
    <message>
        <source>撤销修改</source>
        <translation>Revert</translation>
    </message>
    <message>
        <source>登记帮扶活动</source>
        <translation>Record an activity</translation>
    </message>
    <message>
        <source>已保存。</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>已保存，请登记下一条。</source>
        <translation>Saved; enter the next one.</translation>
    </message>
    <message>
        <source>删除帮扶活动</source>
        <translation>Delete activity</translation>
    </message>
    <message>
        <source>确定删除这条帮扶活动记录吗？</source>
        <translation>Delete this activity record?</translation>
    </message>
    <message>
        <source>已删除。</source>
        <translation>Deleted.</translation>
    </message>
    <message>
        <source>帮扶活动</source>
        <translation>Activities</translation>
    </message>
</context>
<context>
    <name>activity_settings</name>
    <message>
        <source>帮扶职责规则</source>
        <translation>Duty rules</translation>
    </message>
    <message>
        <source> 次</source>
        <translation> times</translation>
    </message>
    <message>
        <source>（每户）</source>
        <translation> (per household)</translation>
    </message>
    <message>
        <source>计入职责</source>
        <translation>Counts towards</translation>
    </message>
    <message>
        <source>报告计量单位</source>
        <translation>Report unit</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>恢复默认规则</source>
        <translation>Restore default rules</translation>
    </message>
    <message>
        <source>各县规定不同，可按本县要求修改。次数为 0 表示不检查此项。</source>
        <translation>Counties differ: set them to your county&apos;s rules. A count of 0 means the item is not checked.</translation>
    </message>
    <message>
        <source>各类活动计入哪项职责检查（多类活动可计入同一职责；“到村开展活动”计入除“成效”类外的各类活动），以及统计报告中该类数字的计量单位：</source>
        <translation>Which duty check each type of activity counts towards (several types may count towards one duty; “Activity at the village” counts every type except “Results” types), and the unit of its numbers in the report:</translation>
    </message>
    <message>
        <source>（成效）</source>
        <translation> (Results)</translation>
    </message>
    <message>
        <source>不计入</source>
        <translation>Not counted</translation>
    </message>
    <message>
        <source>帮扶活动类型</source>
        <translation>Activity types</translation>
    </message>
    <message>
        <source>活动类型</source>
        <translation>Activity type</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="vanished">Close</translation>
    </message>
    <message>
        <source>关闭（Esc）</source>
        <translation type="vanished">Close (Esc)</translation>
    </message>
    <message>
        <source>勾选每类活动登记时要填的数字和文字，其中必须填写的再勾在“必填项”里；“对应职责”决定该类活动计入哪项职责检查，“成效”类不计入。登记帮扶活动时只显示所选类型勾选的项。</source>
        <translation>Tick the numbers and texts each type of activity records, and tick again under “Required” those that must be filled in; “Duty” decides which duty check the type counts towards (“Results” types count towards none). The activity form shows only the items ticked for its type.</translation>
    </message>
    <message>
        <source>亩</source>
        <translation>mu</translation>
    </message>
    <message>
        <source>人</source>
        <translation>people</translation>
    </message>
    <message>
        <source>人次</source>
        <translation>person-times</translation>
    </message>
    <message>
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <source>到村开展活动</source>
        <translation>Activity at the village</translation>
    </message>
    <message>
        <source>办实事</source>
        <translation>Practical project</translation>
    </message>
    <message>
        <source>实用技术培训</source>
        <translation>Skills training</translation>
    </message>
    <message>
        <source>户</source>
        <translation>households</translation>
    </message>
    <message>
        <source>次</source>
        <translation>times</translation>
    </message>
    <message>
        <source>每半年</source>
        <translation>Every half year</translation>
    </message>
    <message>
        <source>每季度</source>
        <translation>Every quarter</translation>
    </message>
    <message>
        <source>每年</source>
        <translation>Every year</translation>
    </message>
    <message>
        <source>每月</source>
        <translation>Every month</translation>
    </message>
    <message>
        <source>调研</source>
        <translation>Research visit</translation>
    </message>
    <message>
        <source>走访贫困户</source>
        <translation>Household visit</translation>
    </message>
    <message>
        <source>项</source>
        <translation>items</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>城乡共建“1+1”结对帮扶台账</source>
        <translation>Urban-rural “1+1” pairing assistance ledger</translation>
    </message>
    <message>
        <source>无法打开数据库</source>
        <translation>Cannot open the ledger</translation>
    </message>
</context>
<context>
    <name>background</name>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>backups</name>
    <message>
        <source>备份没有做成（{0}）。台账本身未受影响；请检查备份文件夹所在的磁盘或 U 盘。</source>
        <translation>The backup failed ({0}). The ledger itself is not affected; check the disk or USB stick of the backup folder.</translation>
    </message>
    <message>
        <source>自动备份</source>
        <translation>Automatic backup</translation>
    </message>
    <message>
        <source>备份到文件</source>
        <translation>Backup to a file</translation>
    </message>
    <message>
        <source>正在备份台账，请稍候……</source>
        <translation>Backing up the ledger, please wait…</translation>
    </message>
    <message>
        <source>已备份 {0:%H:%M}：{1}</source>
        <translation>Backed up {0:%H:%M}: {1}</translation>
    </message>
    <message>
        <source>已备份到 {0}</source>
        <translation>Backed up to {0}</translation>
    </message>
    <message>
        <source>（注意：{0}）</source>
        <translation>(note: {0})</translation>
    </message>
    <message>
        <source>备份没有做成：{0}</source>
        <translation>Backup failed: {0}</translation>
    </message>
    <message>
        <source>无法检查台账文件 {0}（{1}）。</source>
        <translation>Cannot check the ledger file {0} ({1}).</translation>
    </message>
    <message>
        <source>（没有记录）</source>
        <translation>(no records)</translation>
    </message>
    <message>
        <source>完好</source>
        <translation>sound</translation>
    </message>
    <message>
        <source>已损坏（{0}）</source>
        <translation>damaged ({0})</translation>
    </message>
    <message>
        <source>备份文件：{0}
备份时间：{1:%Y-%m-%d %H:%M}（{2}）
检查结果：{3}
记录数：{4}</source>
        <translation>Backup file: {0}
Made: {1:%Y-%m-%d %H:%M} ({2})
Check: {3}
Records: {4}</translation>
    </message>
    <message>
        <source>备份已完成，并已检查。</source>
        <translation>Backup made and checked.</translation>
    </message>
    <message>
        <source>另存一份到：{0}</source>
        <translation>Copy also saved to: {0}</translation>
    </message>
    <message>
        <source>注意：</source>
        <translation>Note: </translation>
    </message>
    <message>
        <source>要用下面这份备份恢复台账 {0} 吗？

{1}

备份之后所做的修改会从台账中消失。当前的台账文件不会删除，会先另存为 {2}.before-restore-（日期时间）{3}，需要时还能打开。恢复后请重新登录。</source>
        <translation>Restore the ledger {0} from this backup?

{1}

Changes made after the backup will be gone from the ledger. The current ledger file is not deleted: it is first kept as {2}.before-restore-(date and time){3} and can still be opened. Log in again after the restore.</translation>
    </message>
    <message>
        <source>已用 {0:%Y-%m-%d %H:%M} 的备份恢复台账 {1}。

原来的台账文件没有删除，另存为：
{2}</source>
        <translation>The ledger {1} was restored from the backup of {0:%Y-%m-%d %H:%M}.

The previous ledger file was not deleted; it is kept as:
{2}</translation>
    </message>
    <message>
        <source>台账文件 {0} 的完整性检查没有通过（{1}），文件已经损坏。

为免损坏扩散，程序已停止写入这个台账：之后的修改都不会保存（表单里的内容仍在）。</source>
        <translation>The ledger file {0} failed its integrity check ({1}): the file is damaged.

So that the damage does not spread, the program has stopped writing to this ledger: further changes will not be saved (what is in the forms stays there).</translation>
    </message>
    <message>
        <source>没有找到完好的备份。请不要再使用这个台账文件，并把它和日志文件一起交给技术支持人员。</source>
        <translation>No sound backup was found. Stop using this ledger file and give it, with the log file, to technical support.</translation>
    </message>
    <message>
        <source>要现在用这份备份恢复吗？</source>
        <translation>Restore from this backup now?</translation>
    </message>
    <message>
        <source>最近一份完好的备份是 {0}（{1:%Y-%m-%d %H:%M}，{2}）。
要现在用它恢复吗？损坏的文件会先另存，不会被覆盖。</source>
        <translation>The newest sound backup is {0} ({1:%Y-%m-%d %H:%M}, {2}).
Restore from it now? The damaged file is kept aside first, not overwritten.</translation>
    </message>
    <message>
        <source>备份 {0} 已损坏（{1}），不能用来恢复。</source>
        <translation>Backup {0} is damaged ({1}) and cannot be restored.</translation>
    </message>
    <message>
        <source>台账文件已损坏</source>
        <translation>Ledger file damaged</translation>
    </message>
    <message>
        <source>恢复没有完成</source>
        <translation>Restore not completed</translation>
    </message>
    <message>
        <source>恢复完成</source>
        <translation>Restored</translation>
    </message>
    <message>
        <source>要以只读方式打开这个损坏的台账吗？可以查看、打印和导出还能读出的记录，但不能做任何修改，文件保持原样。</source>
        <translation>Open this damaged ledger read-only? You can view, print and export the records that can still be read, but change nothing; the file stays as it is.</translation>
    </message>
    <message>
        <source>无法打开数据库</source>
        <translation>Cannot open the ledger</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source> {letter}列“{column}”</source>
        <translation>, column {letter} “{column}”</translation>
    </message>
    <message>
        <source> 或 </source>
        <translation> or </translation>
    </message>
    <message>
        <source>[card] 第{n}行</source>
        <translation>[card] line {n}</translation>
    </message>
    <message>
        <source>columns 应为 1 或 2</source>
        <translation>columns must be 1 or 2</translation>
    </message>
    <message>
        <source>each = “{each}” 不是可循环的列表。可循环的列表：{lists}</source>
        <translation>each = “{each}” is not a list to repeat over. Lists: {lists}</translation>
    </message>
    <message>
        <source>inner 只能用在带 each 的段落中，且只能嵌套一层</source>
        <translation>inner only works in a block with each, one level deep</translation>
    </message>
    <message>
        <source>inner 需要 each</source>
        <translation>inner needs each</translation>
    </message>
    <message>
        <source>lines 应为非空的文字列表</source>
        <translation>lines must be a non-empty list of texts</translation>
    </message>
    <message>
        <source>{count} {measure}{kind}</source>
        <translation>{count} × {kind}</translation>
    </message>
    <message>
        <source>{duty}：不是可设置的职责</source>
        <translation>{duty}: not a duty that can be set</translation>
    </message>
    <message>
        <source>{duty}：周期应为 {periods} 之一</source>
        <translation>{duty}: the period must be one of {periods}</translation>
    </message>
    <message>
        <source>{duty}：次数应为不小于0的整数</source>
        <translation>{duty}: the count must be a whole number, 0 or more</translation>
    </message>
    <message>
        <source>{field}：{problem}</source>
        <translation>{field}: {problem}</translation>
    </message>
    <message>
        <source>{field}：{scope}“{value}”已存在，不能重复</source>
        <translation>{field}: “{value}” already exists ({scope}); it cannot be repeated</translation>
    </message>
    <message>
        <source>{field}：“{kind}”不记录此项（此类活动只记录{shown}），请清空</source>
        <translation>{field}: “{kind}” does not record this (it records only {shown}); clear it</translation>
    </message>
    <message>
        <source>{field}：“{kind}”必须填写此项</source>
        <translation>{field}: required for “{kind}”</translation>
    </message>
    <message>
        <source>{field}：“{value}”与{where}重复</source>
        <translation>{field}: “{value}” repeats {where}</translation>
    </message>
    <message>
        <source>{field}：号码已隐去中间几位（导出时没有选“完整号码”），不能用来新建记录；请填写完整号码</source>
        <translation>{field}: the number has its middle digits hidden (exported without full numbers) and cannot make a new record; fill in the full number</translation>
    </message>
    <message>
        <source>{field}：太长（{n}个字），最多{most}个字</source>
        <translation>{field}: too long ({n} characters), at most {most}</translation>
    </message>
    <message>
        <source>{field}：必填，不能为空</source>
        <translation>{field}: required</translation>
    </message>
    <message>
        <source>{field}：所选记录不存在或已删除</source>
        <translation>{field}: the chosen record does not exist or was deleted</translation>
    </message>
    <message>
        <source>{field}：找不到{kind}“{name}”{why}</source>
        <translation>{field}: no {kind} “{name}” {why}</translation>
    </message>
    <message>
        <source>{field}：有 {n} {measure}{kind}都是“{name}”{hint}</source>
        <translation>{field}: {n} records ({kind}) match “{name}”{hint}</translation>
    </message>
    <message>
        <source>{field}：请填写</source>
        <translation>{field}: required</translation>
    </message>
    <message>
        <source>{field}：身份证号 {id} 是“{shown}”的，与本行所填不符</source>
        <translation>{field}: ID number {id} belongs to “{shown}”, not what this row says</translation>
    </message>
    <message>
        <source>{field}：隐去中间几位的号码与台账中这条记录的不符；请填写完整号码</source>
        <translation>{field}: the number with hidden digits does not match this record in the ledger; fill in the full number</translation>
    </message>
    <message>
        <source>{file} 中没有可导入的工作表（{notes}）。可用 --kind 指明记录的种类，用 --map 指明列</source>
        <translation>{file} has no sheet to import ({notes}). Name the kind of record with --kind and the columns with --map</translation>
    </message>
    <message>
        <source>{file} 中没有可导入的数据：各工作表只有标题行</source>
        <translation>{file} has no data to import: every sheet has only its heading row</translation>
    </message>
    <message>
        <source>{file}无法使用（{problem}）</source>
        <translation>{file} cannot be used ({problem})</translation>
    </message>
    <message>
        <source>{kind}没有“{column}”这一项（可选：{columns}，或 {skip}）</source>
        <translation>{kind} has no column “{column}” (choose from: {columns}, or {skip})</translation>
    </message>
    <message>
        <source>{kind}：{names}</source>
        <translation>{kind}: {names}</translation>
    </message>
    <message>
        <source>{kind}：{problem}</source>
        <translation>{kind}: {problem}</translation>
    </message>
    <message>
        <source>{kind}：与已有记录冲突（{problem}）</source>
        <translation>{kind}: conflicts with an existing record ({problem})</translation>
    </message>
    <message>
        <source>{kind}：新建 {created}，更新 {updated}，不变 {unchanged}</source>
        <translation>{kind}: {created} new, {updated} updated, {unchanged} unchanged</translation>
    </message>
    <message>
        <source>{letter}：所依据的记录已删除或已不属于该年度。</source>
        <translation>{letter}: the records it is based on were deleted or no longer belong to that year.</translation>
    </message>
    <message>
        <source>{letter}：打印后相关记录已修改，内容与台账不一致。{later}</source>
        <translation>{letter}: its records changed after printing; it no longer matches the ledger. {later}</translation>
    </message>
    <message>
        <source>{letter}：真实有效，内容与台账一致{dated}。</source>
        <translation>{letter}: genuine, and it matches the ledger{dated}.</translation>
    </message>
    <message>
        <source>{name} 不是本程序的交换包（文件开头不对），未导入任何内容。</source>
        <translation>{name} is not an exchange package of this program (wrong file start); nothing was imported.</translation>
    </message>
    <message>
        <source>{name}：不是备份的设置</source>
        <translation>{name}: not a backup setting</translation>
    </message>
    <message>
        <source>{n} 天前</source>
        <translation>{n} days ago</translation>
    </message>
    <message>
        <source>{path} 已存在；演示数据只写入新文件。</source>
        <translation>{path} already exists; demo data is written only to a new file.</translation>
    </message>
    <message>
        <source>{problem}
最近一份完好的备份是 {backup}（{made}，{age}）。可用“文件 → 恢复”或命令 pairing-desktop restore &quot;{backup}&quot; --db &quot;{ledger}&quot; 恢复；损坏的文件会先另存，不会被覆盖。</source>
        <translation>{problem}
The latest good backup is {backup} ({made}, {age}). Restore it with File → Restore or the command pairing-desktop restore &quot;{backup}&quot; --db &quot;{ledger}&quot;; the damaged file is kept aside first, never overwritten.</translation>
    </message>
    <message>
        <source>{refusal}，此{kind}属于{township}。</source>
        <translation>{refusal}; this {kind} belongs to {township}.</translation>
    </message>
    <message>
        <source>{sheet} 第{row}行</source>
        <translation>{sheet} row {row}</translation>
    </message>
    <message>
        <source>{sheet}有 {n} 条，超过 Excel 工作表的 {most} 行上限，请分乡镇导出</source>
        <translation>{sheet} has {n} rows, more than the {most} an Excel sheet holds; export township by township</translation>
    </message>
    <message>
        <source>{where}{value}：{reason}</source>
        <translation>{where}{value}: {reason}</translation>
    </message>
    <message>
        <source>{where}的 inner</source>
        <translation>inner of {where}</translation>
    </message>
    <message>
        <source>{where}签署栏第{n}方</source>
        <translation>{where}, signature party {n}</translation>
    </message>
    <message>
        <source>{who}不能导出完整的证件号码和电话号码：这只有县级管理员可以。</source>
        <translation>{who} cannot export full ID and phone numbers: only the county administrator can.</translation>
    </message>
    <message>
        <source>{wrong}还可尝试 {n} 次。</source>
        <translation>{wrong} {n} more tries left.</translation>
    </message>
    <message>
        <source>{year}年{month}月{day}日</source>
        <translation>{year}-{month:02d}-{day:02d}</translation>
    </message>
    <message>
        <source>{year}年{month}月{day}日不存在</source>
        <translation>{year}-{month}-{day} is not a real date</translation>
    </message>
    <message>
        <source>{year}年“{target}”（{status}）</source>
        <translation>{year} “{target}” ({status})</translation>
    </message>
    <message>
        <source>{year}年已有目标，不能再复制上年目标。</source>
        <translation>{year} already has targets; last year&apos;s cannot be copied again.</translation>
    </message>
    <message>
        <source>{year}年度{kind}（{party}，第{version}版，{status}）</source>
        <translation>{year} {kind} ({party}, version {version}, {status})</translation>
    </message>
    <message>
        <source>{year}年度没有可生成的{kind}{scope}。请检查年度和名称。</source>
        <translation>No {kind} to make for {year}{scope}. Check the year and the names.</translation>
    </message>
    <message>
        <source>{year}年没有目标可复制。</source>
        <translation>{year} has no targets to copy.</translation>
    </message>
    <message>
        <source>{{{name}}} 是一个列表，应在 each = &quot;{name}&quot; 中逐项使用</source>
        <translation>{{{name}}} is a list: use it item by item in each = &quot;{name}&quot;</translation>
    </message>
    <message>
        <source>“{item}”不在可选项中（可选：{labels}）</source>
        <translation>“{item}” is not one of the choices ({labels})</translation>
    </message>
    <message>
        <source>“{operator}”于 {time}（{operation}）</source>
        <translation>“{operator}” at {time} ({operation})</translation>
    </message>
    <message>
        <source>“{role}”</source>
        <translation>A “{role}”</translation>
    </message>
    <message>
        <source>“{role}”不能修改{kind}：这是县级数据，由县级管理员维护。</source>
        <translation>A “{role}” cannot change {kind}: it is county data, kept by the county administrator.</translation>
    </message>
    <message>
        <source>“{role}”不能在县级台账导入交换包：由县级管理员导入。</source>
        <translation>A “{role}” cannot import exchange packages into the county ledger: the county administrator does.</translation>
    </message>
    <message>
        <source>“{role}”只能新建和修改本乡镇（{township}）的{kind}。</source>
        <translation>A “{role}” can only add and edit {kind} of their own township ({township}).</translation>
    </message>
    <message>
        <source>“{role}”账户不能{action}。</source>
        <translation>A “{role}” account cannot {action}.</translation>
    </message>
    <message>
        <source>“{role}”账户只能查看和打印，不能修改{kind}。</source>
        <translation>A “{role}” account can only view and print, not change {kind}.</translation>
    </message>
    <message>
        <source>“{sender}”不是乡镇的台账，县级台账只导入乡镇的交换包。</source>
        <translation>“{sender}” is not a township ledger; the county ledger imports only townships&apos; packages.</translation>
    </message>
    <message>
        <source>“{sender}”以前的交换包属于“{before}”，这个却写着“{township}”，未导入任何内容。</source>
        <translation>Earlier packages from “{sender}” were for “{before}”, this one says “{township}”; nothing was imported.</translation>
    </message>
    <message>
        <source>“{sender}”的交换包中有{kind}记录属于本台账没有的乡镇：乡镇台账里的乡镇应来自县里下发的交换包，不要在乡镇台账里另建。整个交换包已拒绝，未导入任何内容。</source>
        <translation>The package from “{sender}” has {kind} records in a township this ledger does not have: a township ledger should get its townships from the county’s package, not create its own. The whole package was refused; nothing was imported.</translation>
    </message>
    <message>
        <source>“{sender}”的交换包含有县级数据（{kind}）：乡镇不能修改县级数据，整个交换包已拒绝，未导入任何内容。</source>
        <translation>The package from “{sender}” holds county data ({kind}): a township cannot change county data. The whole package was refused; nothing was imported.</translation>
    </message>
    <message>
        <source>“{sender}”的交换包含有县级设置：乡镇不能修改县级设置，整个交换包已拒绝，未导入任何内容。</source>
        <translation>The package from “{sender}” holds county settings: a township cannot change them. The whole package was refused; nothing was imported.</translation>
    </message>
    <message>
        <source>“{sender}”的交换包要修改{whose}的{kind}记录：乡镇只能修改本乡镇（{township}）的记录。整个交换包已拒绝，未导入任何内容。</source>
        <translation>The package from “{sender}” would change {kind} records of {whose}: a township may change only its own ({township}). The whole package was refused; nothing was imported.</translation>
    </message>
    <message>
        <source>“{sender}”的第 {n} 号交换包{how}，再次导入不会改变任何内容，已跳过。</source>
        <translation>Package no. {n} from “{sender}” {how}; importing it again would change nothing, so it was skipped.</translation>
    </message>
    <message>
        <source>“{sheet}”表中的这一行</source>
        <translation>that row of sheet “{sheet}”</translation>
    </message>
    <message>
        <source>“{sheet}”表第{row}行</source>
        <translation>row {row} of sheet “{sheet}”</translation>
    </message>
    <message>
        <source>……另有 {n} 处问题，见错误工作簿</source>
        <translation>… and {n} more problems: see the errors workbook</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>上报单位</source>
        <translation>Reports to</translation>
    </message>
    <message>
        <source>上报单位：不能是本单位自己</source>
        <translation>Reports to: cannot be this office itself</translation>
    </message>
    <message>
        <source>不能为负数</source>
        <translation>cannot be negative</translation>
    </message>
    <message>
        <source>不能停用正在使用的账户。</source>
        <translation>The account in use cannot be disabled.</translation>
    </message>
    <message>
        <source>不能删除此{kind}：仍有{what}引用它{names}。请先处理这些记录。</source>
        <translation>Cannot delete this {kind}: still referred to by {what}{names}. Deal with those records first.</translation>
    </message>
    <message>
        <source>不能大于{most}</source>
        <translation>cannot be more than {most}</translation>
    </message>
    <message>
        <source>不能小于{least}</source>
        <translation>cannot be less than {least}</translation>
    </message>
    <message>
        <source>不能恢复此{kind}：{problem}</source>
        <translation>Cannot restore this {kind}: {problem}</translation>
    </message>
    <message>
        <source>不能撤销：恢复原值会违反规则（{problem}）。</source>
        <translation>Cannot undo: the old values would break a rule ({problem}).</translation>
    </message>
    <message>
        <source>不能撤销：此{kind}在之后又被修改过（{fields}），撤销会覆盖后来的修改。</source>
        <translation>Cannot undo: this {kind} was changed again since ({fields}); undoing would overwrite that change.</translation>
    </message>
    <message>
        <source>不能撤销：此{kind}已在之后被删除。</source>
        <translation>Cannot undo: this {kind} was deleted since.</translation>
    </message>
    <message>
        <source>不认识的设置 {keys}</source>
        <translation>unknown settings {keys}</translation>
    </message>
    <message>
        <source>两</source>
        <translation>two</translation>
    </message>
    <message>
        <source>之前的记录被删除或调换</source>
        <translation>earlier entries were deleted or reordered</translation>
    </message>
    <message>
        <source>乡镇“{name}”</source>
        <translation>township “{name}”</translation>
    </message>
    <message>
        <source>乡镇：没有名为“{name}”的乡镇</source>
        <translation>Township: there is no township named “{name}”</translation>
    </message>
    <message>
        <source>交换包 {name} 不完整（文件被截断），未导入任何内容。请重新复制或让对方重发。</source>
        <translation>Exchange package {name} is incomplete (the file was cut short); nothing was imported. Copy it again or ask for it to be sent again.</translation>
    </message>
    <message>
        <source>交换包 {name} 已损坏或被改动（校验值不符，可能复制不完整），未导入任何内容。请重新复制或让对方重发。</source>
        <translation>Exchange package {name} is damaged or altered (its checksum does not match; perhaps copied incompletely); nothing was imported. Copy it again or ask for it to be sent again.</translation>
    </message>
    <message>
        <source>交换包 {name} 的内容不完整或过大，未导入任何内容。</source>
        <translation>The content of exchange package {name} is incomplete or too large; nothing was imported.</translation>
    </message>
    <message>
        <source>交换包 {name} 的内容无法解压（{problem}），未导入任何内容。</source>
        <translation>The content of exchange package {name} cannot be unpacked ({problem}); nothing was imported.</translation>
    </message>
    <message>
        <source>交换包 {name} 的内容格式不对（{problem}），未导入任何内容。</source>
        <translation>The content of exchange package {name} is malformed ({problem}); nothing was imported.</translation>
    </message>
    <message>
        <source>交换包 {name} 的内容格式不对，未导入任何内容。</source>
        <translation>The content of exchange package {name} is malformed; nothing was imported.</translation>
    </message>
    <message>
        <source>交换包 {name} 的包头不对，未导入任何内容。</source>
        <translation>The header of exchange package {name} is wrong; nothing was imported.</translation>
    </message>
    <message>
        <source>交换包 {name} 的包头格式不对，未导入任何内容。</source>
        <translation>The header of exchange package {name} is malformed; nothing was imported.</translation>
    </message>
    <message>
        <source>交换包 {name} 的包头缺少或写错了“{key}”，未导入任何内容。</source>
        <translation>The header of exchange package {name} lacks or misstates “{key}”; nothing was imported.</translation>
    </message>
    <message>
        <source>交换包 {name} 的序号不对，未导入任何内容。</source>
        <translation>The numbers of exchange package {name} are wrong; nothing was imported.</translation>
    </message>
    <message>
        <source>交换包 {name} 的格式版本（{version}）本程序不认识：请把两边的程序升级到同一版本。</source>
        <translation>This program does not know the format version ({version}) of exchange package {name}: bring both offices&apos; programs to the same version.</translation>
    </message>
    <message>
        <source>交换包中{kind}的一行格式不对，未导入任何内容。</source>
        <translation>A {kind} row in the exchange package is malformed; nothing was imported.</translation>
    </message>
    <message>
        <source>交换包中{kind}的列与本程序不符：两边的程序版本可能不同，未导入任何内容。</source>
        <translation>The {kind} columns in the exchange package do not match this program (the two programs may be of different versions); nothing was imported.</translation>
    </message>
    <message>
        <source>交换包中{kind}的编号格式不对，未导入任何内容。</source>
        <translation>A {kind} id in the exchange package is malformed; nothing was imported.</translation>
    </message>
    <message>
        <source>交换包中{kind}（{id}）的值类型不对，未导入任何内容。</source>
        <translation>A value of {kind} ({id}) in the exchange package has the wrong type; nothing was imported.</translation>
    </message>
    <message>
        <source>交换包中有本程序不认识的记录种类（{kinds}），未导入任何内容。</source>
        <translation>The exchange package holds kinds of record this program does not know ({kinds}); nothing was imported.</translation>
    </message>
    <message>
        <source>交换包中的{kind}记录与本台账不符（{problem}）：引用了本台账没有的记录，或与已有记录重名、重号。未导入任何内容。</source>
        <translation>The {kind} records in the exchange package do not fit this ledger ({problem}): they refer to records it lacks, or repeat names or numbers it has. Nothing was imported.</translation>
    </message>
    <message>
        <source>交换包中的设置格式不对，未导入任何内容。</source>
        <translation>The settings in the exchange package are malformed; nothing was imported.</translation>
    </message>
    <message>
        <source>交换包来自“{sender}”，但本台账没有名为“{township}”的乡镇，未导入任何内容。</source>
        <translation>The package is from “{sender}”, but this ledger has no township named “{township}”; nothing was imported.</translation>
    </message>
    <message>
        <source>交换包的内容格式不对，未导入任何内容。</source>
        <translation>The content of the exchange package is malformed; nothing was imported.</translation>
    </message>
    <message>
        <source>交换包的记录数（{n}）与包头（{header}）不符，未导入任何内容。</source>
        <translation>The package holds {n} records but its header says {header}; nothing was imported.</translation>
    </message>
    <message>
        <source>今天</source>
        <translation>today</translation>
    </message>
    <message>
        <source>任何数字</source>
        <translation>no figures</translation>
    </message>
    <message>
        <source>使用单位</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>使用单位：必填，不能为空</source>
        <translation>Office: required</translation>
    </message>
    <message>
        <source>修改{kind}</source>
        <translation>Edit {kind}</translation>
    </message>
    <message>
        <source>修改备份设置</source>
        <translation>Change backup settings</translation>
    </message>
    <message>
        <source>修改帮扶职责规则</source>
        <translation>Change duty rules</translation>
    </message>
    <message>
        <source>修改责任书字体</source>
        <translation>Change letter fonts</translation>
    </message>
    <message>
        <source>停用操作员“{name}”</source>
        <translation>Disable operator “{name}”</translation>
    </message>
    <message>
        <source>共{n}项</source>
        <translation>{n} in all</translation>
    </message>
    <message>
        <source>其他乡镇</source>
        <translation>another township</translation>
    </message>
    <message>
        <source>其他操作</source>
        <translation>another operation</translation>
    </message>
    <message>
        <source>冲突的记录在本台账中已不存在。</source>
        <translation>The record in conflict no longer exists in this ledger.</translation>
    </message>
    <message>
        <source>出生日期 {date} 不存在</source>
        <translation>birth date {date} does not exist</translation>
    </message>
    <message>
        <source>列表有 {n} 条，超过 Excel 工作表的 {most} 行上限，请先搜索缩小范围</source>
        <translation>The list has {n} rows, more than the {most} an Excel sheet holds; narrow it with a search first</translation>
    </message>
    <message>
        <source>删除{kind}</source>
        <translation>Delete {kind}</translation>
    </message>
    <message>
        <source>前17位应为数字，最后一位为数字或X</source>
        <translation>the first 17 characters must be digits, the last a digit or X</translation>
    </message>
    <message>
        <source>单位“{name}”</source>
        <translation>unit “{name}”</translation>
    </message>
    <message>
        <source>占位符写法有误：“{{{name}}}”</source>
        <translation>badly written placeholder: “{{{name}}}”</translation>
    </message>
    <message>
        <source>县名</source>
        <translation>County name</translation>
    </message>
    <message>
        <source>县名：必填，不能为空</source>
        <translation>County name: required</translation>
    </message>
    <message>
        <source>取消自动登录</source>
        <translation>Turn off automatic login</translation>
    </message>
    <message>
        <source>台账 {path} 位于同步盘“{folder}”的文件夹中：同步软件可能在保存时复制半个文件。请把台账放在不同步的文件夹里，用备份功能把副本放到同步盘。</source>
        <translation>The ledger {path} is in a folder synced by “{folder}”: sync software may copy half a file while it is saved. Keep the ledger in a folder that is not synced, and put copies on the synced drive with backups.</translation>
    </message>
    <message>
        <source>台账 {path} 位于网络共享上：网络盘的文件锁不可靠，多人同时使用可能损坏台账。请把台账放在本机，用“交换”或备份在单位间传递数据。</source>
        <translation>The ledger {path} is on a network share: file locks on network drives are unreliable, and several people using it at once can damage it. Keep the ledger on this computer and pass data between offices with Exchange or backups.</translation>
    </message>
    <message>
        <source>台账在服务器上（{server}），本程序不能把它复制成备份文件：请由服务器管理员用 pg_dump 备份。</source>
        <translation>The ledger is on a server ({server}); this program cannot copy it to a backup file: the server&apos;s administrator backs it up with pg_dump.</translation>
    </message>
    <message>
        <source>台账文件出错{where}：{problem}。这次修改没有保存，已保存的数据不受影响。</source>
        <translation>Ledger file error{where}: {problem}. This change was not saved; data already saved is not affected.</translation>
    </message>
    <message>
        <source>台账文件已损坏（{problem}），已停止写入以免损坏扩散：这次修改没有保存。请用“文件 → 恢复”从最近的备份恢复。</source>
        <translation>The ledger file is damaged ({problem}); writing has stopped so the damage does not spread: this change was not saved. Restore the latest backup with File → Restore.</translation>
    </message>
    <message>
        <source>台账文件或所在文件夹是只读的，不能写入：这次修改没有保存。请检查文件属性和文件夹权限，或把台账复制到可写的文件夹后打开。</source>
        <translation>The ledger file or its folder is read-only: this change was not saved. Check the file&apos;s properties and the folder&apos;s permissions, or copy the ledger to a writable folder and open it there.</translation>
    </message>
    <message>
        <source>台账文件：不能与备份是同一个文件</source>
        <translation>Ledger file: cannot be the backup itself</translation>
    </message>
    <message>
        <source>台账正被其他程序占用（杀毒软件、同步盘或另一个窗口）：这次修改没有保存。请稍后再试。</source>
        <translation>The ledger is in use by another program (antivirus, a sync drive or another window): this change was not saved. Try again shortly.</translation>
    </message>
    <message>
        <source>号码未通过校验，可能有数字输错或前后颠倒，请对照身份证逐位核对</source>
        <translation>the number fails its check: a digit may be wrong or two swapped; compare it with the ID card digit by digit</translation>
    </message>
    <message>
        <source>启用操作员“{name}”</source>
        <translation>Enable operator “{name}”</translation>
    </message>
    <message>
        <source>处理交换冲突</source>
        <translation>Resolve exchange conflict</translation>
    </message>
    <message>
        <source>备份 {path} 已损坏（{problem}），不能使用。</source>
        <translation>Backup {path} is damaged ({problem}) and cannot be used.</translation>
    </message>
    <message>
        <source>备份 {path} 已损坏（{problem}），不能用来恢复。</source>
        <translation>Backup {path} is damaged ({problem}) and cannot be restored.</translation>
    </message>
    <message>
        <source>备份 {path} 由更新版本的程序创建，请升级程序后再恢复。</source>
        <translation>Backup {path} was made by a newer version of the program; upgrade the program, then restore it.</translation>
    </message>
    <message>
        <source>备份台账</source>
        <translation>Back up the ledger</translation>
    </message>
    <message>
        <source>备份数量和间隔：应为 1 至 1000 的整数</source>
        <translation>Backup counts and intervals: whole numbers from 1 to 1000</translation>
    </message>
    <message>
        <source>备份文件：{path} 已存在且不是本程序的备份，未覆盖</source>
        <translation>Backup file: {path} exists and is not a backup of this program; not overwritten</translation>
    </message>
    <message>
        <source>备份文件：{path} 是一个文件夹，请给出文件名</source>
        <translation>Backup file: {path} is a folder; give a file name</translation>
    </message>
    <message>
        <source>备份文件：不能是正在使用的台账本身，请另选文件名</source>
        <translation>Backup file: cannot be the ledger in use; choose another name</translation>
    </message>
    <message>
        <source>备份检查未通过（{problem}），已删除这份备份。请运行 pairing-desktop check 检查台账文件。</source>
        <translation>The backup failed its check ({problem}) and was deleted. Check the ledger file with pairing-desktop check.</translation>
    </message>
    <message>
        <source>备份没有写成（{problem}），原有的备份未受影响。</source>
        <translation>The backup was not written ({problem}); existing backups are not affected.</translation>
    </message>
    <message>
        <source>复制{last}年目标到{year}年</source>
        <translation>Copy {last} targets to {year}</translation>
    </message>
    <message>
        <source>太大（不能超过一万亿）</source>
        <translation>too large (at most one trillion)</translation>
    </message>
    <message>
        <source>太长（{n}个字），最多{most}个字</source>
        <translation>too long ({n} characters), at most {most}</translation>
    </message>
    <message>
        <source>字体：应为 {choices} 之一</source>
        <translation>Font: must be one of {choices}</translation>
    </message>
    <message>
        <source>密码连续输错 {n} 次，账户“{name}”已锁定 {minutes} 分钟。</source>
        <translation>Wrong password {n} times in a row: account “{name}” is locked for {minutes} minutes.</translation>
    </message>
    <message>
        <source>密码：至少 {n} 位</source>
        <translation>Password: at least {n} characters</translation>
    </message>
    <message>
        <source>对应职责：“{duty}”不是可计入的职责</source>
        <translation>Duty: “{duty}” is not a duty activities count toward</translation>
    </message>
    <message>
        <source>导入交换包</source>
        <translation>import exchange packages</translation>
    </message>
    <message>
        <source>导入交换包（{office}第{n}号）</source>
        <translation>Import exchange package ({office} no. {n})</translation>
    </message>
    <message>
        <source>导入工作簿“{file}”</source>
        <translation>Import workbook “{file}”</translation>
    </message>
    <message>
        <source>导入文件：{file} 无法读取（{problem}）</source>
        <translation>Import file: {file} cannot be read ({problem})</translation>
    </message>
    <message>
        <source>导入文件：{file} 无法读取（{problem}）。请用 Excel 或 WPS 打开确认，另存为 .xlsx 后再导入</source>
        <translation>Import file: {file} cannot be read ({problem}). Open it in Excel or WPS, save it as .xlsx and import that</translation>
    </message>
    <message>
        <source>导入文件：{path} 不存在</source>
        <translation>Import file: {path} does not exist</translation>
    </message>
    <message>
        <source>导入文件：应为 {types} 文件</source>
        <translation>Import file: must be a {types} file</translation>
    </message>
    <message>
        <source>导入文件：既不是 UTF-8 也不是 GBK/GB18030 编码的文本，请用 Excel 或 WPS 另存为 CSV（逗号分隔）或 .xlsx</source>
        <translation>Import file: the text is neither UTF-8 nor GBK/GB18030; save it from Excel or WPS as CSV (comma separated) or .xlsx</translation>
    </message>
    <message>
        <source>导出含完整证件号码的工作簿</source>
        <translation>Export a workbook with full ID numbers</translation>
    </message>
    <message>
        <source>导出含完整证件号码的操作日志</source>
        <translation>Export the history with full ID numbers</translation>
    </message>
    <message>
        <source>工作表“{sheet}”中没有“{column}”这一列</source>
        <translation>Sheet “{sheet}” has no column “{column}”</translation>
    </message>
    <message>
        <source>工作表“{sheet}”未导入：{why}</source>
        <translation>Sheet “{sheet}” not imported: {why}</translation>
    </message>
    <message>
        <source>工作表“{sheet}”的列对应未保存：{problem}</source>
        <translation>The column mapping of sheet “{sheet}” was not kept: {problem}</translation>
    </message>
    <message>
        <source>已取消：没有生成任何文件，也没有记录任何责任书。</source>
        <translation>Cancelled: no file was written and no letter recorded.</translation>
    </message>
    <message>
        <source>已安装{font}（{file}）</source>
        <translation>{font} is installed ({file})</translation>
    </message>
    <message>
        <source>已有第{version}版（验证码 {code}）。</source>
        <translation>Version {version} exists (code {code}).</translation>
    </message>
    <message>
        <source>已经导入过</source>
        <translation>was already imported</translation>
    </message>
    <message>
        <source>已记住工作表“{sheet}”的列对应，下次导入同样格式的文件时自动使用</source>
        <translation>The column mapping of sheet “{sheet}” is kept and used for the next file of the same layout</translation>
    </message>
    <message>
        <source>帮扶干部：该户已由此干部负责</source>
        <translation>Cadre: this cadre already assists this household</translation>
    </message>
    <message>
        <source>干部：“{kind}”须填写走访的干部</source>
        <translation>Cadre: “{kind}” needs the visiting cadre</translation>
    </message>
    <message>
        <source>年份不合理（应在1949至2100之间）</source>
        <translation>not a plausible year (1949 to 2100)</translation>
    </message>
    <message>
        <source>年度：{problem}</source>
        <translation>Year: {problem}</translation>
    </message>
    <message>
        <source>应为 {labels} 之一</source>
        <translation>must be one of {labels}</translation>
    </message>
    <message>
        <source>应为 是/否</source>
        <translation>must be yes or no</translation>
    </message>
    <message>
        <source>应为11位手机号，或带区号的固定电话（如 0857-4221234）</source>
        <translation>must be an 11-digit mobile number or a landline with its area code (e.g. 0857-4221234)</translation>
    </message>
    <message>
        <source>应为18位，现为{n}位</source>
        <translation>must be 18 characters, not {n}</translation>
    </message>
    <message>
        <source>应为1至{n}或类别名称（{labels}）</source>
        <translation>must be 1 to {n} or the name of a category ({labels})</translation>
    </message>
    <message>
        <source>应为一个表（[[block]]）</source>
        <translation>must be a table ([[block]])</translation>
    </message>
    <message>
        <source>应为数字</source>
        <translation>must be a number</translation>
    </message>
    <message>
        <source>应为整数</source>
        <translation>must be a whole number</translation>
    </message>
    <message>
        <source>应为电话号码</source>
        <translation>must be a phone number</translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>引用的记录无效</source>
        <translation>the referenced record is not valid</translation>
    </message>
    <message>
        <source>必填项：“{fields}”不在此类活动记录的数字或文字之中</source>
        <translation>Required: “{fields}” is not among the figures or texts this kind records</translation>
    </message>
    <message>
        <source>性别：与身份证号不符（身份证号为{gender}性）</source>
        <translation>Gender: does not match the ID number (which says {gender})</translation>
    </message>
    <message>
        <source>恢复{kind}</source>
        <translation>Restore {kind}</translation>
    </message>
    <message>
        <source>所在乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <source>所属乡镇：乡镇录入员必须选择所属乡镇</source>
        <translation>Township: a township clerk must have a township</translation>
    </message>
    <message>
        <source>所属乡镇：没有名为“{name}”的乡镇</source>
        <translation>Township: there is no township named “{name}”</translation>
    </message>
    <message>
        <source>打印人：必填，不能为空</source>
        <translation>Printed by: required</translation>
    </message>
    <message>
        <source>扫描件 {path} 不见了。</source>
        <translation>The scan {path} is missing.</translation>
    </message>
    <message>
        <source>扫描件 {path} 已被改动，与签订时保存的不一致。</source>
        <translation>The scan {path} was altered: it differs from the one kept at signing.</translation>
    </message>
    <message>
        <source>扫描件：应为 {types} 文件</source>
        <translation>Scan: must be a {types} file</translation>
    </message>
    <message>
        <source>扫描件：找不到文件 {path}</source>
        <translation>Scan: file {path} not found</translation>
    </message>
    <message>
        <source>扫描件：无法复制（{reason}）</source>
        <translation>Scan: cannot be copied ({reason})</translation>
    </message>
    <message>
        <source>找不到这个文件或文件夹</source>
        <translation>file or folder not found</translation>
    </message>
    <message>
        <source>找不到这份责任书。</source>
        <translation>This responsibility letter cannot be found.</translation>
    </message>
    <message>
        <source>找不到这份责任书，无法撤销。</source>
        <translation>This responsibility letter cannot be found, so it cannot be undone.</translation>
    </message>
    <message>
        <source>找不到这次操作的记录，无法撤销。</source>
        <translation>The record of this operation cannot be found, so it cannot be undone.</translation>
    </message>
    <message>
        <source>撤销：{label}</source>
        <translation>Undo: {label}</translation>
    </message>
    <message>
        <source>操作员账户</source>
        <translation>operator accounts</translation>
    </message>
    <message>
        <source>操作日志第 {n} 条不接续上一条（{why}）</source>
        <translation>History entry {n} does not follow the one before ({why})</translation>
    </message>
    <message>
        <source>操作日志第 {n} 条的内容被改动过</source>
        <translation>History entry {n} was altered</translation>
    </message>
    <message>
        <source>操作日志第 {n} 条起的记录被删除或改动（最后一条应为第 {last} 条）</source>
        <translation>History entries from {n} on were deleted or altered (the last should be {last})</translation>
    </message>
    <message>
        <source>收件单位：不能是本单位自己</source>
        <translation>Recipient: cannot be this office itself</translation>
    </message>
    <message>
        <source>收件单位：必填，不能为空</source>
        <translation>Recipient: required</translation>
    </message>
    <message>
        <source>收件单位：本台账只向“{office}”报送</source>
        <translation>Recipient: this ledger reports only to “{office}”</translation>
    </message>
    <message>
        <source>数据库 {path} 从版本 {version} 升级失败（{problem}），文件未作任何改动；升级前的副本在 {backup}。</source>
        <translation>Upgrading database {path} from version {version} failed ({problem}); the file is unchanged, and a copy from before the upgrade is at {backup}.</translation>
    </message>
    <message>
        <source>数据库 {path} 已在另一个窗口或另一台电脑上打开，请先关闭那边的程序。</source>
        <translation>Database {path} is open in another window or on another computer; close the program there first.</translation>
    </message>
    <message>
        <source>数据库 {path} 由更新版本的程序创建（数据结构版本 {version}，本程序支持到 {supported}），请升级程序后再打开。</source>
        <translation>Database {path} was made by a newer program (schema version {version}; this program supports up to {supported}); upgrade the program, then open it.</translation>
    </message>
    <message>
        <source>数据库文件 {path} 已损坏（{problem}），未作任何改动。</source>
        <translation>Database file {path} is damaged ({problem}); nothing was changed.</translation>
    </message>
    <message>
        <source>数据库文件 {path} 损坏严重，连只读打开也不能（{problem}），未作任何改动。请用备份恢复，或把文件交给技术支持人员。</source>
        <translation>Database file {path} is badly damaged and cannot even be opened read-only ({problem}); nothing was changed. Restore a backup, or give the file to technical support.</translation>
    </message>
    <message>
        <source>文件 {path} 不存在。</source>
        <translation>The file {path} does not exist.</translation>
    </message>
    <message>
        <source>文件 {path} 不是数据库文件（SQLite），未作任何改动。</source>
        <translation>The file {path} is not a database (SQLite); nothing was changed.</translation>
    </message>
    <message>
        <source>文件 {path} 不是本程序的台账数据库。</source>
        <translation>The file {path} is not a ledger of this program.</translation>
    </message>
    <message>
        <source>文件 {path} 不是本程序的台账数据库，未作任何改动。</source>
        <translation>The file {path} is not a ledger of this program; nothing was changed.</translation>
    </message>
    <message>
        <source>文件 {path} 太大（{size} MB），不是交换包。</source>
        <translation>The file {path} is too large ({size} MB) to be an exchange package.</translation>
    </message>
    <message>
        <source>文件名或路径太长</source>
        <translation>file name or path too long</translation>
    </message>
    <message>
        <source>文件是空的</source>
        <translation>the file is empty</translation>
    </message>
    <message>
        <source>文字应写在引号内</source>
        <translation>text must be in quotes</translation>
    </message>
    <message>
        <source>新增 {created} 条，更新 {updated} 条，未变 {unchanged} 条，冲突 {conflicts} 条</source>
        <translation>{created} new, {updated} updated, {unchanged} unchanged, {conflicts} conflicts</translation>
    </message>
    <message>
        <source>新建{kind}</source>
        <translation>New {kind}</translation>
    </message>
    <message>
        <source>新建县级管理员账户</source>
        <translation>New county administrator account</translation>
    </message>
    <message>
        <source>新建操作员“{name}”</source>
        <translation>New operator “{name}”</translation>
    </message>
    <message>
        <source>无</source>
        <translation>none</translation>
    </message>
    <message>
        <source>无法写入 {path}（{reason}），台账未作任何改动。</source>
        <translation>Cannot write to {path} ({reason}); the ledger is unchanged.</translation>
    </message>
    <message>
        <source>无法写入 {path}：{reason}</source>
        <translation>Cannot write {path}: {reason}</translation>
    </message>
    <message>
        <source>无法写入 {path}：{reason}。原有文件未受影响。</source>
        <translation>Cannot write {path}: {reason}. The existing file is unchanged.</translation>
    </message>
    <message>
        <source>无法写入 {path}：{reason}。请检查磁盘空间和文件夹的写入权限。</source>
        <translation>Cannot write to {path}: {reason}. Check the free disk space and the folder&apos;s write permission.</translation>
    </message>
    <message>
        <source>无法读取交换包 {path}：{reason}。</source>
        <translation>Cannot read exchange package {path}: {reason}.</translation>
    </message>
    <message>
        <source>无法读取文件 {path}：{reason}</source>
        <translation>Cannot read the file {path}: {reason}</translation>
    </message>
    <message>
        <source>无法读取模板文件 {path}：{reason}</source>
        <translation>Cannot read the template file {path}: {reason}</translation>
    </message>
    <message>
        <source>日期格式应为 2008-01-05（也可写 2008/1/5、2008.1.5、20080105、2008年1月5日，近一年内的日期可只写 3-5）</source>
        <translation>write dates as 2008-01-05 (or 2008/1/5, 2008.1.5, 20080105; a date within the past year may be written 3-5)</translation>
    </message>
    <message>
        <source>日期：{date}早于该结对的开始日期（{start}）</source>
        <translation>Date: {date} is before the pairing started ({start})</translation>
    </message>
    <message>
        <source>日期：{date}晚于今天（{today}），不能登记尚未发生的活动</source>
        <translation>Date: {date} is after today ({today}); an activity that has not happened cannot be recorded</translation>
    </message>
    <message>
        <source>日期：{date}晚于该结对的脱钩日期（{end}）</source>
        <translation>Date: {date} is after the pairing ended ({end})</translation>
    </message>
    <message>
        <source>旧备份没有清理（{reason}），下次备份时再试。</source>
        <translation>Old backups were not cleared ({reason}); the next backup tries again.</translation>
    </message>
    <message>
        <source>是日期，不是数字</source>
        <translation>is a date, not a number</translation>
    </message>
    <message>
        <source>是日期，不是身份证号</source>
        <translation>is a date, not an ID number</translation>
    </message>
    <message>
        <source>是科学计数法（{number}），后几位已丢失；请把这一列设为“文本”后重新填写</source>
        <translation>is in scientific notation ({number}); the last digits are lost. Format the column as Text and fill it in again</translation>
    </message>
    <message>
        <source>最多{0}位小数</source>
        <translation>at most {0} decimal places</translation>
    </message>
    <message>
        <source>最多到分（两位小数）；万元请先换算成元</source>
        <translation>at most two decimal places (fen); convert ten-thousands of yuan to yuan first</translation>
    </message>
    <message>
        <source>有 {n} {measure}{kind}都叫“{name}”，请从列表中选择</source>
        <translation>{n} records ({kind}) are named “{name}”: pick one from the list</translation>
    </message>
    <message>
        <source>服务器上的台账 {url} 从版本 {version} 升级失败（{problem}），数据库未作任何改动。</source>
        <translation>Upgrading the ledger on server {url} from version {version} failed ({problem}); the database is unchanged.</translation>
    </message>
    <message>
        <source>服务器上的台账 {url} 由更新版本的程序创建（数据结构版本 {version}，本程序支持到 {supported}），请升级本机的程序后再打开。</source>
        <translation>The ledger on server {url} was made by a newer program (schema version {version}; this program supports up to {supported}); upgrade the program on this computer, then open it.</translation>
    </message>
    <message>
        <source>服务器上的台账没有 SQLite 的设置项 {name}。</source>
        <translation>A ledger on a server has no SQLite setting {name}.</translation>
    </message>
    <message>
        <source>服务器地址 {url} 写得不对（{problem}）。格式如 postgresql://用户名@服务器/数据库名</source>
        <translation>The server address {url} is wrong ({problem}). Write it as postgresql://user@server/database</translation>
    </message>
    <message>
        <source>服务器数据库 {url} 里已有别的数据，不是本程序的台账，未作任何改动。请新建一个空数据库给台账用。</source>
        <translation>The server database {url} holds other data, not a ledger of this program; nothing was changed. Create an empty database for the ledger.</translation>
    </message>
    <message>
        <source>服务器数据库 {url} 里没有本版本程序的台账（数据结构版本 {version}）。</source>
        <translation>The server database {url} holds no ledger of this program&apos;s version (schema version {version}).</translation>
    </message>
    <message>
        <source>未安装{wanted}，用已安装的{font}（{file}）代替</source>
        <translation>{wanted} is not installed; the installed {font} ({file}) is used instead</translation>
    </message>
    <message>
        <source>未登录的操作员</source>
        <translation>An operator not logged in</translation>
    </message>
    <message>
        <source>未知的占位符 {{{name}}}。可用的占位符：{known}</source>
        <translation>unknown placeholder {{{name}}}. Placeholders: {known}</translation>
    </message>
    <message>
        <source>未知的样式“{style}”（可用：{known}）</source>
        <translation>unknown style “{style}” (available: {known})</translation>
    </message>
    <message>
        <source>未知的责任书类型“{kind}”（应为 {kinds}）</source>
        <translation>unknown kind of letter “{kind}” (must be {kinds})</translation>
    </message>
    <message>
        <source>本台账还没有设置县名和使用单位，不能交换数据：请先在设置中填写。</source>
        <translation>This ledger has no county and office name yet, so it cannot exchange data: fill them in under Settings first.</translation>
    </message>
    <message>
        <source>本台账还没有设置县名和使用单位，不能导入交换包：请先在设置中填写。</source>
        <translation>This ledger has no county and office name yet, so it cannot import packages: fill them in under Settings first.</translation>
    </message>
    <message>
        <source>标记{n}份责任书已打印</source>
        <translation>Mark {n} letters printed</translation>
    </message>
    <message>
        <source>标记责任书{code}已签订</source>
        <translation>Mark letter {code} signed</translation>
    </message>
    <message>
        <source>标题</source>
        <translation>title</translation>
    </message>
    <message>
        <source>模板文件 {name} {where}：{problem}</source>
        <translation>Template file {name}, {where}: {problem}</translation>
    </message>
    <message>
        <source>模板文件 {name} 不是 UTF-8 编码的文本</source>
        <translation>Template file {name} is not UTF-8 text</translation>
    </message>
    <message>
        <source>模板文件 {name} 格式有误：{problem}</source>
        <translation>Template file {name} is malformed: {problem}</translation>
    </message>
    <message>
        <source>模板文件 {name}：[card] 的 lines 应为非空的文字列表</source>
        <translation>Template file {name}: the lines of [card] must be a non-empty list of texts</translation>
    </message>
    <message>
        <source>模板文件 {name}：没有任何 [[block]] 段落</source>
        <translation>Template file {name}: no [[block]] paragraphs</translation>
    </message>
    <message>
        <source>模板文件 {name}：缺少 [card] 节</source>
        <translation>Template file {name}: the [card] section is missing</translation>
    </message>
    <message>
        <source>正被其他程序占用</source>
        <translation>in use by another program</translation>
    </message>
    <message>
        <source>此{kind}在您打开之后已被{who}修改。为免覆盖这次修改，您的保存没有写入：请关闭后重新打开此记录，再做修改。</source>
        <translation>This {kind} was changed by {who} after you opened it. So as not to overwrite that change, your save was not written: close and reopen the record, then edit it again.</translation>
    </message>
    <message>
        <source>此交换包属于“{county}”，本台账是“{mine}”的：不能导入其他县的交换包，未导入任何内容。</source>
        <translation>This package belongs to “{county}” and this ledger to “{mine}”: packages of another county cannot be imported. Nothing was imported.</translation>
    </message>
    <message>
        <source>此交换包是“{sender}”发给“{to}”的，本台账是“{mine}”：未导入任何内容。请把它交给收件单位。</source>
        <translation>This package is from “{sender}” to “{to}”, and this ledger is “{mine}”: nothing was imported. Pass it to its recipient.</translation>
    </message>
    <message>
        <source>此交换包来自“{sender}”，本台账只接收“{office}”的交换包，未导入任何内容。</source>
        <translation>This package is from “{sender}”; this ledger takes packages only from “{office}”. Nothing was imported.</translation>
    </message>
    <message>
        <source>此交换包说已收到本单位的第 {n} 号交换包，但本单位没有生成过这个包：它不是发给本台账的，未导入任何内容。</source>
        <translation>This package says it received package no. {n} from this office, which this office never made: it is not meant for this ledger. Nothing was imported.</translation>
    </message>
    <message>
        <source>此台账已有操作员，请登录后由县级管理员新建账户。</source>
        <translation>This ledger already has operators: log in, and let the county administrator create accounts.</translation>
    </message>
    <message>
        <source>此连接只读，不能修改台账。</source>
        <translation>This connection is read-only: the ledger cannot be changed.</translation>
    </message>
    <message>
        <source>比已导入的第 {n} 号旧</source>
        <translation>is older than no. {n}, already imported</translation>
    </message>
    <message>
        <source>没有“{kind}”这种记录（可选：{kinds}）</source>
        <translation>no kind of record “{kind}” (choose from: {kinds})</translation>
    </message>
    <message>
        <source>没有可以撤销的操作。</source>
        <translation>Nothing to undo.</translation>
    </message>
    <message>
        <source>没有可以重做的操作。</source>
        <translation>Nothing to redo.</translation>
    </message>
    <message>
        <source>没有名为“{name}”的{kind}，请从列表中选择</source>
        <translation>No {kind} is named “{name}”: pick one from the list</translation>
    </message>
    <message>
        <source>没有名为“{name}”的操作员。</source>
        <translation>There is no operator named “{name}”.</translation>
    </message>
    <message>
        <source>没有权限：文件或文件夹是只读的，或正被其他程序占用</source>
        <translation>permission denied: the file or folder is read-only or in use by another program</translation>
    </message>
    <message>
        <source>没有认出是哪种记录</source>
        <translation>the kind of record was not recognised</translation>
    </message>
    <message>
        <source>状态：填写了脱钩日期，状态应为“已脱钩”</source>
        <translation>Status: an end date is filled in, so the status must be “Ended”</translation>
    </message>
    <message>
        <source>状态：目标未实现不脱钩。尚未完成的目标{more}：{names}</source>
        <translation>Status: a pairing ends only when its targets are met. Targets not yet completed ({more}): {names}</translation>
    </message>
    <message>
        <source>生成{n}份{kind}</source>
        <translation>Make {n} × {kind}</translation>
    </message>
    <message>
        <source>生成交换包</source>
        <translation>make exchange packages</translation>
    </message>
    <message>
        <source>生成交换包（发往{office}）</source>
        <translation>Make exchange package (to {office})</translation>
    </message>
    <message>
        <source>生成演示县数据</source>
        <translation>Make demo county data</translation>
    </message>
    <message>
        <source>用户名或密码错误。</source>
        <translation>Wrong user name or password.</translation>
    </message>
    <message>
        <source>用户名：“{name}”已存在，不能重复</source>
        <translation>User name: “{name}” already exists</translation>
    </message>
    <message>
        <source>用户名：不超过32个字符，不能含空格</source>
        <translation>User name: at most 32 characters, no spaces</translation>
    </message>
    <message>
        <source>用户名：必填，不能为空</source>
        <translation>User name: required</translation>
    </message>
    <message>
        <source>磁盘已满</source>
        <translation>the disk is full</translation>
    </message>
    <message>
        <source>磁盘已满：这次修改没有保存，已保存的数据不受影响。请清理磁盘空间后再保存（表单里的内容仍在）。</source>
        <translation>The disk is full: this change was not saved; data already saved is not affected. Free some disk space and save again (the form still holds your entries).</translation>
    </message>
    <message>
        <source>磁盘是只读的</source>
        <translation>the disk is read-only</translation>
    </message>
    <message>
        <source>程序自带的字体 {path} 无法使用：{problem}</source>
        <translation>The bundled font {path} cannot be used: {problem}</translation>
    </message>
    <message>
        <source>符合条件的操作日志有 {n} 条，超过 Excel 工作表的 {most} 行上限。请缩小日期范围或按操作员、类型筛选后再导出。</source>
        <translation>{n} history entries match, more than the {most} an Excel sheet holds. Narrow the dates, or filter by operator or kind, then export.</translation>
    </message>
    <message>
        <source>第{n}段</source>
        <translation>block {n}</translation>
    </message>
    <message>
        <source>第二备份位置 {folder} 不可用（{reason}），本次只备份到了本机。插好 U 盘或连上网络盘后再备份一次。</source>
        <translation>The second backup place {folder} is not available ({reason}); this backup is on this computer only. Plug in the USB stick or connect the network drive and back up again.</translation>
    </message>
    <message>
        <source>等</source>
        <translation> and more</translation>
    </message>
    <message>
        <source>等{n}项</source>
        <translation>{n} in all</translation>
    </message>
    <message>
        <source>签署栏至少要有一个 [[block.party]]</source>
        <translation>the signature block needs at least one [[block.party]]</translation>
    </message>
    <message>
        <source>签订扫描件没有全部备份（{reason}）。</source>
        <translation>Not all signed scans were backed up ({reason}).</translation>
    </message>
    <message>
        <source>签订日期：不能早于打印日期（{date}）</source>
        <translation>Signed on: cannot be before the printing date ({date})</translation>
    </message>
    <message>
        <source>签订日期：不能晚于今天</source>
        <translation>Signed on: cannot be after today</translation>
    </message>
    <message>
        <source>系统中未找到{fonts}，使用程序自带的{font}</source>
        <translation>{fonts} not found on this computer; the bundled {font} is used</translation>
    </message>
    <message>
        <source>结对：“{kind}”须选择帮扶单位与村的结对</source>
        <translation>Pairing: “{kind}” needs a unit–village pairing</translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>结束日期：不能早于开始日期</source>
        <translation>End date: cannot be before the start date</translation>
    </message>
    <message>
        <source>统计期间：请给出年度，或同时给出开始和结束日期</source>
        <translation>Period: give a year, or both a start and an end date</translation>
    </message>
    <message>
        <source>缺少 {key}</source>
        <translation>{key} is missing</translation>
    </message>
    <message>
        <source>脱钩日期：状态为“已脱钩”时必填</source>
        <translation>End date: required when the status is “Ended”</translation>
    </message>
    <message>
        <source>花括号不配对：“{text}”（文字中的花括号请写成 {{{{ 或 }}}}）</source>
        <translation>unmatched braces: “{text}” (write braces in text as {{{{ or }}}})</translation>
    </message>
    <message>
        <source>被 Excel 存成了数字（{number}），后几位已丢失；请把这一列设为“文本”后重新填写，或在号码前加英文单引号 &apos;</source>
        <translation>Excel stored it as a number ({number}) and lost the last digits; format the column as Text and fill it in again, or type an apostrophe &apos; before the number</translation>
    </message>
    <message>
        <source>被 Excel 存成了数字（{number}），数字已丢失；请把这一列设为“文本”后重新填写</source>
        <translation>Excel stored it as a number ({number}) and lost digits; format the column as Text and fill it in again</translation>
    </message>
    <message>
        <source>被改动</source>
        <translation>altered</translation>
    </message>
    <message>
        <source>角色：应为 {roles} 之一</source>
        <translation>Role: must be one of {roles}</translation>
    </message>
    <message>
        <source>计量单位：应为 {units} 之一</source>
        <translation>Unit: must be one of {units}</translation>
    </message>
    <message>
        <source>记住导入列对应（{sheet}）</source>
        <translation>Keep the import column mapping ({sheet})</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>setting</translation>
    </message>
    <message>
        <source>设置为使用程序自带字体：{font}</source>
        <translation>set to the bundled font: {font}</translation>
    </message>
    <message>
        <source>设置县名和使用单位</source>
        <translation>Set county and office names</translation>
    </message>
    <message>
        <source>设置自动登录</source>
        <translation>Turn on automatic login</translation>
    </message>
    <message>
        <source>该{kind}记录不在回收站中。</source>
        <translation>This {kind} is not in the recycle bin.</translation>
    </message>
    <message>
        <source>该{kind}记录不存在。</source>
        <translation type="vanished">This {kind} does not exist.</translation>
    </message>
    <message>
        <source>该{kind}记录不存在或已被删除。</source>
        <translation>This {kind} does not exist or was deleted.</translation>
    </message>
    <message>
        <source>说明</source>
        <translation>notes</translation>
    </message>
    <message>
        <source>请先登录：没有登录的操作员不能修改台账（命令行请用 --user 指定操作员）。</source>
        <translation>Log in first: the ledger cannot be changed without a logged-in operator (on the command line, name one with --user).</translation>
    </message>
    <message>
        <source>请选择保留本台账的版本或采用对方的版本。</source>
        <translation>Choose to keep this ledger&apos;s version or take the other office&apos;s.</translation>
    </message>
    <message>
        <source>读写出错（U 盘或网络盘是否已断开？）</source>
        <translation>read or write error (was a USB stick or network drive disconnected?)</translation>
    </message>
    <message>
        <source>读写台账文件时出错（U 盘或网络盘是否已断开？）：这次修改没有保存，已保存的数据不受影响。请重新连接后再保存。</source>
        <translation>Error reading or writing the ledger file (was a USB stick or network drive disconnected?): this change was not saved; data already saved is not affected. Reconnect and save again.</translation>
    </message>
    <message>
        <source>调整帮扶干部</source>
        <translation>Reassign cadre</translation>
    </message>
    <message>
        <source>责任书</source>
        <translation>responsibility letter</translation>
    </message>
    <message>
        <source>账户“{name}”因多次输错密码已锁定，请于 {time} 后再试。</source>
        <translation>Account “{name}” is locked after too many wrong passwords; try again after {time}.</translation>
    </message>
    <message>
        <source>账户“{name}”已停用，请联系县级管理员。</source>
        <translation>Account “{name}” is disabled; ask the county administrator.</translation>
    </message>
    <message>
        <source>账户的操作不能撤销，请在“操作员”中修改。</source>
        <translation>Changes to accounts cannot be undone; make them under Operators.</translation>
    </message>
    <message>
        <source>贫困户：“{kind}”须填写被走访的贫困户</source>
        <translation>Household: “{kind}” needs the visited household</translation>
    </message>
    <message>
        <source>贫困户：已由 {cadre} 负责（帮扶中）。请先填写原结对的结束日期，再新建结对；原记录会保留。</source>
        <translation>Household: already assisted by {cadre}. Fill in the end date of that pairing first, then add the new one; the old record is kept.</translation>
    </message>
    <message>
        <source>路径中有一段不是文件夹</source>
        <translation>part of the path is not a folder</translation>
    </message>
    <message>
        <source>输出文件夹：{path} 是一个文件，请给出文件夹</source>
        <translation>Output folder: {path} is a file; give a folder</translation>
    </message>
    <message>
        <source>输出文件夹：{path} 里已有文件。每批责任书放在各自的文件夹里，请给出一个新的或空的文件夹</source>
        <translation>Output folder: {path} already holds files. Each batch of letters goes in its own folder: give a new or empty one</translation>
    </message>
    <message>
        <source>输出文件：{path} 是一个文件夹，请给出文件名</source>
        <translation>Output file: {path} is a folder; give a file name</translation>
    </message>
    <message>
        <source>输出文件：{path} 是台账或台账备份，不能覆盖</source>
        <translation>Output file: {path} is a ledger or a ledger backup and cannot be overwritten</translation>
    </message>
    <message>
        <source>输出文件：应以 .xlsx 结尾</source>
        <translation>Output file: must end in .xlsx</translation>
    </message>
    <message>
        <source>输出文件：应以 {suffixes} 结尾</source>
        <translation>Output file: must end in {suffixes}</translation>
    </message>
    <message>
        <source>这个冲突已经处理过了。</source>
        <translation>This conflict was already resolved.</translation>
    </message>
    <message>
        <source>这份责任书尚未打印，不能标记为已签订。</source>
        <translation>This letter has not been printed, so it cannot be marked signed.</translation>
    </message>
    <message>
        <source>这份责任书已打印或已被引用，不能撤销它的生成。</source>
        <translation>This responsibility letter has been printed or is referred to; its making cannot be undone.</translation>
    </message>
    <message>
        <source>这份责任书没有扫描件。</source>
        <translation>This letter has no scan.</translation>
    </message>
    <message>
        <source>这是一个文件夹，不是文件</source>
        <translation>this is a folder, not a file</translation>
    </message>
    <message>
        <source>连不上台账服务器 {url}（{problem}）。请检查地址、用户名和网络，或请管理员确认服务器在运行。</source>
        <translation>Cannot reach the ledger server {url} ({problem}). Check the address, the user name and the network, or ask the administrator whether the server is running.</translation>
    </message>
    <message>
        <source>重做：{label}</source>
        <translation>Redo: {label}</translation>
    </message>
    <message>
        <source>重设操作员“{name}”的密码</source>
        <translation>Reset the password of operator “{name}”</translation>
    </message>
    <message>
        <source>金额单位应为 {units} 之一</source>
        <translation>the unit of an amount must be one of {units}</translation>
    </message>
    <message>
        <source>金额应为数字</source>
        <translation>the amount must be a number</translation>
    </message>
    <message>
        <source>隐藏的工作表</source>
        <translation>hidden sheet</translation>
    </message>
    <message>
        <source>验证码 {code} 不存在：不是本台账打印的责任书。</source>
        <translation>Code {code} does not exist: not a letter printed from this ledger.</translation>
    </message>
    <message>
        <source>（{names}）</source>
        <translation> ({names})</translation>
    </message>
    <message>
        <source>（{row}有错误，未能导入）</source>
        <translation>({row} has errors and was not imported)</translation>
    </message>
    <message>
        <source>（{scope}）</source>
        <translation> ({scope})</translation>
    </message>
    <message>
        <source>（值：{value}）</source>
        <translation> (value: {value})</translation>
    </message>
    <message>
        <source>（台账和本工作簿中都没有）</source>
        <translation>(in neither the ledger nor this workbook)</translation>
    </message>
    <message>
        <source>（无名称）</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <source>（本台账没有此记录）</source>
        <translation>(no such record in this ledger)</translation>
    </message>
    <message>
        <source>，无法区分</source>
        <translation>; they cannot be told apart</translation>
    </message>
    <message>
        <source>，落款日期{date}</source>
        <translation>, dated {date}</translation>
    </message>
    <message>
        <source>，请在同一行填写{columns}以区分</source>
        <translation>; fill in {columns} on the same row to tell them apart</translation>
    </message>
    <message>
        <source>；</source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>关闭（Esc）</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>未保存的修改</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>“{0}”有未保存的修改。要保存吗？</source>
        <translation>“{0}” has unsaved changes. Save them?</translation>
    </message>
    <message>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>放弃</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>打开台账数据库</source>
        <translation>Open a ledger</translation>
    </message>
    <message>
        <source>台账数据库 (*.db);;所有文件 (*)</source>
        <translation>Ledger (*.db);;All files (*)</translation>
    </message>
    <message>
        <source>选择要恢复的备份</source>
        <translation>Choose the backup to restore</translation>
    </message>
    <message>
        <source>台账备份 (*.backup);;所有文件 (*)</source>
        <translation>Ledger backup (*.backup);;All files (*)</translation>
    </message>
    <message>
        <source>台账数据库 (*.db)</source>
        <translation>Ledger (*.db)</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>未知</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>{0} 第 {1} 行（{2}）</source>
        <translation>{0} line {1} ({2})</translation>
    </message>
    <message>
        <source>刚才的操作</source>
        <translation>the last action</translation>
    </message>
    <message>
        <source>{what}时出现了程序错误，这不是您操作的问题。

错误：{error}
位置：{where}

详细情况已记入日志文件：
{log}

程序可以继续使用，尚未保存的内容仍在原处。如果问题反复出现，请把这个日志文件发给技术支持人员。</source>
        <translation>A program error occurred during {what}; it is not something you did wrong.

Error: {error}
Where: {where}

The details are in the log file:
{log}

You can go on using the program; what is not saved yet is still where it was. If the problem comes back, send this log file to technical support.</translation>
    </message>
    <message>
        <source>程序错误</source>
        <translation>Program error</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>一类贫困村</source>
        <translation>Class 1 poor village</translation>
    </message>
    <message>
        <source>一般</source>
        <translation>General</translation>
    </message>
    <message>
        <source>万元</source>
        <translation>10,000 yuan</translation>
    </message>
    <message>
        <source>三类贫困村</source>
        <translation>Class 3 poor village</translation>
    </message>
    <message>
        <source>个数</source>
        <translation>Count</translation>
    </message>
    <message>
        <source>主要致贫原因</source>
        <translation>Main cause of poverty</translation>
    </message>
    <message>
        <source>乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <source>乡镇党委</source>
        <translation>Township Party committee</translation>
    </message>
    <message>
        <source>乡镇名称</source>
        <translation>Township name</translation>
    </message>
    <message>
        <source>乡镇录入员</source>
        <translation>Township clerk</translation>
    </message>
    <message>
        <source>乡风文明的程度更加提高</source>
        <translation>More civilised village customs</translation>
    </message>
    <message>
        <source>事业单位</source>
        <translation>Public institution</translation>
    </message>
    <message>
        <source>二类贫困村</source>
        <translation>Class 2 poor village</translation>
    </message>
    <message>
        <source>五保</source>
        <translation>Five guarantees</translation>
    </message>
    <message>
        <source>交通条件落后</source>
        <translation>Poor transport</translation>
    </message>
    <message>
        <source>交通落后</source>
        <translation>Poor transport</translation>
    </message>
    <message>
        <source>亩</source>
        <translation>mu</translation>
    </message>
    <message>
        <source>人</source>
        <translation>people</translation>
    </message>
    <message>
        <source>人均纯收入（元）</source>
        <translation>Net income per head (yuan)</translation>
    </message>
    <message>
        <source>人数</source>
        <translation>People</translation>
    </message>
    <message>
        <source>人次</source>
        <translation>person-times</translation>
    </message>
    <message>
        <source>代码</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>任职村</source>
        <translation>Village of posting</translation>
    </message>
    <message>
        <source>企业</source>
        <translation>Enterprise</translation>
    </message>
    <message>
        <source>低保</source>
        <translation>Minimum living allowance</translation>
    </message>
    <message>
        <source>修改内容</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <source>党员</source>
        <translation>Party member</translation>
    </message>
    <message>
        <source>党员数</source>
        <translation>Party members</translation>
    </message>
    <message>
        <source>党员结对</source>
        <translation>Party member pairing</translation>
    </message>
    <message>
        <source>党政机关</source>
        <translation>Party or government office</translation>
    </message>
    <message>
        <source>党组织名称</source>
        <translation>Party organisation</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>内容</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>农民党员</source>
        <translation>Farmer party member</translation>
    </message>
    <message>
        <source>农民党员所在村</source>
        <translation>Member&apos;s village</translation>
    </message>
    <message>
        <source>删除人</source>
        <translation>Deleted by</translation>
    </message>
    <message>
        <source>删除时间</source>
        <translation>Deleted at</translation>
    </message>
    <message>
        <source>办实事</source>
        <translation>Practical project</translation>
    </message>
    <message>
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>单位–村结对</source>
        <translation>Unit–village pairing</translation>
    </message>
    <message>
        <source>单位名称</source>
        <translation>Unit name</translation>
    </message>
    <message>
        <source>县直</source>
        <translation>County</translation>
    </message>
    <message>
        <source>县级管理员</source>
        <translation>County administrator</translation>
    </message>
    <message>
        <source>参加人数</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>发展生产的基础更加扎实</source>
        <translation>Firmer base for production</translation>
    </message>
    <message>
        <source>发现问题</source>
        <translation>Problems found</translation>
    </message>
    <message>
        <source>只读</source>
        <translation>Read only</translation>
    </message>
    <message>
        <source>同一乡镇内的村名</source>
        <translation>within the township</translation>
    </message>
    <message>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>后备干部</source>
        <translation>Reserve cadre</translation>
    </message>
    <message>
        <source>因学</source>
        <translation>Schooling costs</translation>
    </message>
    <message>
        <source>因残</source>
        <translation>Disability</translation>
    </message>
    <message>
        <source>因灾</source>
        <translation>Disaster</translation>
    </message>
    <message>
        <source>因病</source>
        <translation>Illness</translation>
    </message>
    <message>
        <source>土地贫瘠</source>
        <translation>Poor land</translation>
    </message>
    <message>
        <source>地直</source>
        <translation>Prefecture</translation>
    </message>
    <message>
        <source>地直单位</source>
        <translation>Prefecture unit</translation>
    </message>
    <message>
        <source>地直单位–乡镇结对</source>
        <translation>Prefecture unit–township pairing</translation>
    </message>
    <message>
        <source>基础设施落后</source>
        <translation>Poor infrastructure</translation>
    </message>
    <message>
        <source>填写的文字</source>
        <translation>Texts recorded</translation>
    </message>
    <message>
        <source>备份</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>女</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>定额（户）</source>
        <translation>Quota (households)</translation>
    </message>
    <message>
        <source>实用技术培训</source>
        <translation>Skills training</translation>
    </message>
    <message>
        <source>实际完成</source>
        <translation>Achieved</translation>
    </message>
    <message>
        <source>家庭人口</source>
        <translation>Family size</translation>
    </message>
    <message>
        <source>对应职责</source>
        <translation>Duty</translation>
    </message>
    <message>
        <source>对象</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>已打印</source>
        <translation>Printed</translation>
    </message>
    <message>
        <source>已签订</source>
        <translation>Signed</translation>
    </message>
    <message>
        <source>已脱贫</source>
        <translation>Out of poverty</translation>
    </message>
    <message>
        <source>已脱钩</source>
        <translation>Ended</translation>
    </message>
    <message>
        <source>帮扶中</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>帮扶单位</source>
        <translation>Assisting unit</translation>
    </message>
    <message>
        <source>帮扶干部</source>
        <translation>Cadre</translation>
    </message>
    <message>
        <source>帮扶户数定额</source>
        <translation>Household quota</translation>
    </message>
    <message>
        <source>帮扶措施</source>
        <translation>Measures</translation>
    </message>
    <message>
        <source>帮扶村</source>
        <translation>Assisted village</translation>
    </message>
    <message>
        <source>帮扶活动</source>
        <translation>Activity</translation>
    </message>
    <message>
        <source>帮扶活动记录</source>
        <translation>Activity record</translation>
    </message>
    <message>
        <source>帮扶联系卡</source>
        <translation>Contact card</translation>
    </message>
    <message>
        <source>干部</source>
        <translation>Cadre</translation>
    </message>
    <message>
        <source>干部帮扶结对</source>
        <translation>Cadre–household pairing</translation>
    </message>
    <message>
        <source>干部帮扶责任书</source>
        <translation>Cadre letter</translation>
    </message>
    <message>
        <source>干部所在单位</source>
        <translation>Cadre&apos;s unit</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>年度目标</source>
        <translation>Annual target</translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>必填项</source>
        <translation>Required</translation>
    </message>
    <message>
        <source>性别</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>总人口</source>
        <translation>Population</translation>
    </message>
    <message>
        <source>总户数</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>情况</source>
        <translation>Situation</translation>
    </message>
    <message>
        <source>成效</source>
        <translation>Results</translation>
    </message>
    <message>
        <source>户</source>
        <translation>households</translation>
    </message>
    <message>
        <source>户主</source>
        <translation>Head of household</translation>
    </message>
    <message>
        <source>户数</source>
        <translation>Households</translation>
    </message>
    <message>
        <source>所在单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>所在村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>所属乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <source>打印时间</source>
        <translation>Printed at</translation>
    </message>
    <message>
        <source>指标数量</source>
        <translation>Target figure</translation>
    </message>
    <message>
        <source>按本村贫困户名单自动统计</source>
        <translation>Counted from the village&apos;s list of poor households</translation>
    </message>
    <message>
        <source>排序</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>操作员</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>数字</source>
        <translation>Numbers</translation>
    </message>
    <message>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>未完成</source>
        <translation>Not done</translation>
    </message>
    <message>
        <source>未开始</source>
        <translation>Not started</translation>
    </message>
    <message>
        <source>机关党员</source>
        <translation>Office party member</translation>
    </message>
    <message>
        <source>机关党员所在单位</source>
        <translation>Office member&apos;s unit</translation>
    </message>
    <message>
        <source>村</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>村党支部副书记</source>
        <translation>Deputy Party branch secretary</translation>
    </message>
    <message>
        <source>村党支部第一书记</source>
        <translation>First Party branch secretary</translation>
    </message>
    <message>
        <source>村名</source>
        <translation>Village name</translation>
    </message>
    <message>
        <source>村委会主任助理</source>
        <translation>Assistant to village committee head</translation>
    </message>
    <message>
        <source>村容整洁的保障更加有力</source>
        <translation>Cleaner, tidier village</translation>
    </message>
    <message>
        <source>村支书</source>
        <translation>Village Party secretary</translation>
    </message>
    <message>
        <source>村支书电话</source>
        <translation>Secretary&apos;s phone</translation>
    </message>
    <message>
        <source>村民组</source>
        <translation>Village group</translation>
    </message>
    <message>
        <source>村级组织涣散</source>
        <translation>Weak village organisation</translation>
    </message>
    <message>
        <source>次</source>
        <translation>times</translation>
    </message>
    <message>
        <source>民主管理的氛围更加浓厚</source>
        <translation>Stronger democratic management</translation>
    </message>
    <message>
        <source>活动内容</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>活动类型</source>
        <translation>Activity type</translation>
    </message>
    <message>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>现帮扶（户）</source>
        <translation>Assisted (households)</translation>
    </message>
    <message>
        <source>生活富裕的条件更加具备</source>
        <translation>Better conditions for prosperity</translation>
    </message>
    <message>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>男</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>目标内容</source>
        <translation>Target</translation>
    </message>
    <message>
        <source>目标类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>签署方</source>
        <translation>Party</translation>
    </message>
    <message>
        <source>签订日期</source>
        <translation>Date signed</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>级别</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>组织基础更加牢固</source>
        <translation>Stronger Party organisation</translation>
    </message>
    <message>
        <source>结对</source>
        <translation>Pairing</translation>
    </message>
    <message>
        <source>结对 / 走访对象</source>
        <translation>Pairing / household visited</translation>
    </message>
    <message>
        <source>结对帮扶目标责任书</source>
        <translation>Target letter</translation>
    </message>
    <message>
        <source>结对（单位—村）</source>
        <translation>Pairing (unit—village)</translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>缺劳力</source>
        <translation>Lack of labour</translation>
    </message>
    <message>
        <source>缺土地</source>
        <translation>Lack of land</translation>
    </message>
    <message>
        <source>缺技术</source>
        <translation>Lack of skills</translation>
    </message>
    <message>
        <source>缺水</source>
        <translation>Lack of water</translation>
    </message>
    <message>
        <source>缺资金</source>
        <translation>Lack of funds</translation>
    </message>
    <message>
        <source>职务</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>职级</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>职级名称</source>
        <translation>rank name</translation>
    </message>
    <message>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <source>脱贫年份</source>
        <translation>Year out of poverty</translation>
    </message>
    <message>
        <source>脱钩日期</source>
        <translation>Date ended</translation>
    </message>
    <message>
        <source>自身发展动力不足</source>
        <translation>Little drive to develop</translation>
    </message>
    <message>
        <source>致富带头人</source>
        <translation>Wealth leader</translation>
    </message>
    <message>
        <source>致贫原因</source>
        <translation>Cause of poverty</translation>
    </message>
    <message>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <source>计量单位</source>
        <translation>Unit of measure</translation>
    </message>
    <message>
        <source>记录</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>记录的数字</source>
        <translation>Numbers recorded</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Setting</translation>
    </message>
    <message>
        <source>调研</source>
        <translation>Research visit</translation>
    </message>
    <message>
        <source>负责人</source>
        <translation>Head</translation>
    </message>
    <message>
        <source>负责人职务</source>
        <translation>Head&apos;s position</translation>
    </message>
    <message>
        <source>责任书</source>
        <translation>Letter</translation>
    </message>
    <message>
        <source>贫困</source>
        <translation>Poor</translation>
    </message>
    <message>
        <source>贫困户</source>
        <translation>Poor household</translation>
    </message>
    <message>
        <source>贫困户所在村</source>
        <translation>Household&apos;s village</translation>
    </message>
    <message>
        <source>贫困户数</source>
        <translation>Poor households</translation>
    </message>
    <message>
        <source>贫困类别</source>
        <translation>Poverty category</translation>
    </message>
    <message>
        <source>资源匮乏</source>
        <translation>Scarce resources</translation>
    </message>
    <message>
        <source>走访干部</source>
        <translation>Visiting cadre</translation>
    </message>
    <message>
        <source>走访贫困户</source>
        <translation>Household visit</translation>
    </message>
    <message>
        <source>超期未签</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>进行中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <source>非贫困村</source>
        <translation>Not a poor village</translation>
    </message>
    <message>
        <source>面积（亩）</source>
        <translation>Area (mu)</translation>
    </message>
    <message>
        <source>项</source>
        <translation>items</translation>
    </message>
    <message>
        <source>驻村任职</source>
        <translation>Village posting</translation>
    </message>
    <message>
        <source>驻村工作队员</source>
        <translation>Village task force member</translation>
    </message>
    <message>
        <source>验证码</source>
        <translation>Code</translation>
    </message>
</context>
<context>
    <name>first_run</name>
    <message>
        <source>开始使用</source>
        <translation>Getting started</translation>
    </message>
    <message>
        <source>欢迎使用城乡共建“1+1”结对帮扶台账。请新建本单位的台账，或打开已有的台账文件；想先看看程序怎么用，可以载入演示县。</source>
        <translation>Welcome to the urban-rural “1+1” pairing assistance ledger. Create your office&apos;s ledger or open an existing ledger file; to see how the program works first, load the demo county.</translation>
    </message>
    <message>
        <source>县级台账（县委组织部：全县的单位、干部和结对）</source>
        <translation>County ledger (county Organisation Department: the whole county&apos;s units, cadres and pairings)</translation>
    </message>
    <message>
        <source>乡镇台账（乡镇党委：本乡镇的村、贫困户和结对）</source>
        <translation>Township ledger (township Party committee: the township&apos;s villages, poor households and pairings)</translation>
    </message>
    <message>
        <source>如 黔西县</source>
        <translation>e.g. Qianxi County</translation>
    </message>
    <message>
        <source>如 中坪镇</source>
        <translation>e.g. Zhongping Town</translation>
    </message>
    <message>
        <source>如 县委组织部、中坪镇党委</source>
        <translation>e.g. County Organisation Department, Zhongping Town Party committee</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>创建台账</source>
        <translation>Create ledger</translation>
    </message>
    <message>
        <source>台账类型</source>
        <translation>Ledger type</translation>
    </message>
    <message>
        <source>县名</source>
        <translation>County name</translation>
    </message>
    <message>
        <source>乡镇名称</source>
        <translation>Township name</translation>
    </message>
    <message>
        <source>使用单位</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>保存位置</source>
        <translation>Save to</translation>
    </message>
    <message>
        <source>新建台账</source>
        <translation>New ledger</translation>
    </message>
    <message>
        <source>创建后请设置县级管理员的用户名和密码：以后每次修改都记在操作员名下。</source>
        <translation>After creating it, set the county administrator&apos;s user name and password: every change is then recorded under an operator&apos;s name.</translation>
    </message>
    <message>
        <source>打开已有台账…</source>
        <translation>Open existing ledger…</translation>
    </message>
    <message>
        <source>载入演示县</source>
        <translation>Load demo county</translation>
    </message>
    <message>
        <source>演示县是虚构的一个县：28个乡镇、83个结对村、1032名干部和一年的帮扶活动，管理员 admin 自动登录，可以随意试用，不影响正式台账。</source>
        <translation>The demo county is fictional: 28 townships, 83 paired villages, 1032 cadres and a year of activities. The administrator admin logs in automatically; try anything freely, your real ledger is not affected.</translation>
    </message>
    <message>
        <source>已有台账或演示数据</source>
        <translation>Existing ledger or demo data</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>新台账保存到</source>
        <translation>Save new ledger to</translation>
    </message>
    <message>
        <source>保存位置：文件 {0} 已存在；请用“打开已有台账”打开它，或换一个文件名。</source>
        <translation>Save to: the file {0} already exists; open it with “Open existing ledger”, or choose another name.</translation>
    </message>
    <message>
        <source>保存位置：无法在这里新建台账：{0}</source>
        <translation>Save to: cannot create a ledger here: {0}</translation>
    </message>
    <message>
        <source>演示县：{0}</source>
        <translation>Demo county: {0}</translation>
    </message>
    <message>
        <source>“乡镇与村”页左侧：本县的乡镇</source>
        <translation>“Townships and villages” page, left: the county&apos;s townships</translation>
    </message>
    <message>
        <source>“乡镇与村”页：选中乡镇后登记它的村</source>
        <translation>“Townships and villages” page: select a township, then enter its villages</translation>
    </message>
    <message>
        <source>“帮扶单位”页：地直、县直帮扶单位</source>
        <translation>“Units” page: prefecture and county assisting units</translation>
    </message>
    <message>
        <source>“帮扶单位”页下方：选中单位后登记它的干部</source>
        <translation>“Units” page, below: select a unit, then enter its cadres</translation>
    </message>
    <message>
        <source>“结对”页：哪个单位帮扶哪个村</source>
        <translation>“Pairings” page: which unit assists which village</translation>
    </message>
    <message>
        <source>新台账建议按这个顺序录入（也可以用“文件 → 导入”从 Excel 一次导入）：</source>
        <translation>For a new ledger, enter records in this order (or import them all from Excel with “File → Import”):</translation>
    </message>
    <message>
        <source>按 F1 查看使用说明。</source>
        <translation>Press F1 for the user guide.</translation>
    </message>
    <message>
        <source>{0} {1}. {2}（已有 {3} 条）</source>
        <translation>{0} {1}. {2} ({3} so far)</translation>
    </message>
    <message>
        <source>都已录入，可以登记结对的目标和帮扶活动了。</source>
        <translation>All entered: you can now record the pairings&apos; targets and activities.</translation>
    </message>
    <message>
        <source>还差 {0} 项。点一项即打开录入它的页面。</source>
        <translation>{0} left. Click one to open the page where it is entered.</translation>
    </message>
</context>
<context>
    <name>form</name>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>或</source>
        <translation> or </translation>
    </message>
    <message>
        <source>例如：输入%1的几个字，再从列表中选择</source>
        <translation>e.g. type part of %1, then pick from the list</translation>
    </message>
    <message>
        <source>没有找到含这几个字的记录，请换几个字再试</source>
        <translation>No record contains these characters; try others</translation>
    </message>
    <message>
        <source>例：2008-01-05，也可输入 2008/1/5、20080105</source>
        <translation>e.g. 2008-01-05, or 2008/1/5, 20080105</translation>
    </message>
    <message>
        <source>从日历中选择（Alt+↓）</source>
        <translation>Pick from the calendar (Alt+↓)</translation>
    </message>
    <message>
        <source>（自动统计）</source>
        <translation> (counted automatically)</translation>
    </message>
    <message>
        <source>例：2008</source>
        <translation>e.g. 2008</translation>
    </message>
</context>
<context>
    <name>help</name>
    <message>
        <source>使用说明</source>
        <translation>User guide</translation>
    </message>
</context>
<context>
    <name>history</name>
    <message>
        <source>操作日志</source>
        <translation>History</translation>
    </message>
    <message>
        <source>全部类型</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>清除筛选</source>
        <translation>Clear filters</translation>
    </message>
    <message>
        <source>显示全部记录</source>
        <translation>Show all records</translation>
    </message>
    <message>
        <source>导出完整证件号码</source>
        <translation>Export whole ID numbers</translation>
    </message>
    <message>
        <source>导出为 Excel…</source>
        <translation>Export to Excel…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>不限</source>
        <translation>Any</translation>
    </message>
    <message>
        <source>操作员</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>日期从</source>
        <translation>Dates from</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>起始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>结束日期不能早于起始日期。</source>
        <translation>The end date cannot be before the start date.</translation>
    </message>
    <message>
        <source>只看{0}“{1}”的操作日志</source>
        <translation>Only the history of {0} “{1}”</translation>
    </message>
    <message>
        <source>共 {0} 条</source>
        <translation>{0} records</translation>
    </message>
    <message>
        <source>全部操作员</source>
        <translation>All operators</translation>
    </message>
    <message>
        <source>导出的文件含完整的身份证号码和电话号码；这次导出会记入操作日志</source>
        <translation>The file will hold whole ID and phone numbers; this export is recorded in the history</translation>
    </message>
    <message>
        <source>只有县级管理员可以导出完整证件号码</source>
        <translation>Only a county administrator may export whole ID numbers</translation>
    </message>
    <message>
        <source>操作日志-{0}.xlsx</source>
        <translation>history-{0}.xlsx</translation>
    </message>
    <message>
        <source>导出操作日志</source>
        <translation>Export the history</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>导出的文件将含完整的身份证号码和电话号码，请妥善保管。
这次导出会以您的名义记入操作日志。确定导出吗？</source>
        <translation>The file will hold whole ID and phone numbers: keep it safe.
This export is recorded in the history under your name. Export?</translation>
    </message>
    <message>
        <source>不能导出</source>
        <translation>Cannot export</translation>
    </message>
    <message>
        <source>无法写入文件 {0}：{1}</source>
        <translation>Cannot write the file {0}: {1}</translation>
    </message>
    <message>
        <source>已导出到 {0}</source>
        <translation>Exported to {0}</translation>
    </message>
</context>
<context>
    <name>import_dialog</name>
    <message>
        <source>导入：{0}</source>
        <translation>Import: {0}</translation>
    </message>
    <message>
        <source>请核对每一列导入为哪一项（不需要的列选“不导入”），然后点“检查”。检查通过后才能导入；全部记录在一次操作中写入，可以撤销。</source>
        <translation>Check what each column is imported as (choose “do not import” for columns not needed), then click “Check”. Import is possible only after a passing check; all records are written in one operation, which can be undone.</translation>
    </message>
    <message>
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>值</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>检查(&amp;C)</source>
        <translation>&amp;Check</translation>
    </message>
    <message>
        <source>导入(&amp;I)</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>保存错误工作簿(&amp;S)…</source>
        <translation>&amp;Save workbook of errors…</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>文件中的列</source>
        <translation>Column in the file</translation>
    </message>
    <message>
        <source>导入为</source>
        <translation>Import as</translation>
    </message>
    <message>
        <source>第一行的值</source>
        <translation>First row&apos;s value</translation>
    </message>
    <message>
        <source>列的对应已修改，请重新检查。</source>
        <translation>The column mapping changed: check again.</translation>
    </message>
    <message>
        <source>导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>保存错误工作簿</source>
        <translation>Save workbook of errors</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>已保存：{0}</source>
        <translation>Saved: {0}</translation>
    </message>
    <message>
        <source>有 {0} 处问题，没有写入任何记录。请改正文件后重新选择，或修改列的对应后重新检查。</source>
        <translation>{0} problems; no record was written. Correct the file and choose it again, or change the column mapping and check again.</translation>
    </message>
    <message>
        <source>检查通过：以上是导入将做的修改，点“导入”写入。</source>
        <translation>Check passed: above are the changes the import will make; click “Import” to write them.</translation>
    </message>
    <message>
        <source>已导入。</source>
        <translation>Imported.</translation>
    </message>
    <message>
        <source>选择要导入的文件</source>
        <translation>Choose the file to import</translation>
    </message>
    <message>
        <source>Excel 或 CSV 文件 ({0});;所有文件 (*)</source>
        <translation>Excel or CSV files ({0});;All files (*)</translation>
    </message>
</context>
<context>
    <name>language</name>
    <message>
        <source>界面语言(&amp;G)</source>
        <translation>Interface lan&amp;guage</translation>
    </message>
    <message>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>界面语言将在程序下次启动时改为{0}。</source>
        <translation>The interface language changes to {0} at the next start.</translation>
    </message>
</context>
<context>
    <name>letters</name>
    <message>
        <source>打印责任书</source>
        <translation>Print letter</translation>
    </message>
    <message>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>核验责任书</source>
        <translation>Verify a letter</translation>
    </message>
    <message>
        <source>请输入责任书上的验证码（如 ABCD-EFGH）：</source>
        <translation>Enter the code printed on the letter (e.g. ABCD-EFGH):</translation>
    </message>
    <message>
        <source>标记已签订：{0}</source>
        <translation>Mark signed: {0}</translation>
    </message>
    <message>
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>签订日期</source>
        <translation>Date signed</translation>
    </message>
    <message>
        <source>签订件扫描或照片</source>
        <translation>Scan or photo of the signed copy</translation>
    </message>
    <message>
        <source>选择扫描件</source>
        <translation>Choose the scan</translation>
    </message>
    <message>
        <source>扫描件或照片 ({0})</source>
        <translation>Scans or photos ({0})</translation>
    </message>
    <message>
        <source>无法开始打印（打印机不可用）</source>
        <translation>Cannot start printing (printer not available)</translation>
    </message>
</context>
<context>
    <name>operators</name>
    <message>
        <source>操作员账户</source>
        <translation>Operator accounts</translation>
    </message>
    <message>
        <source>重设密码…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <source>停用</source>
        <translation>Disable</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>新建账户</source>
        <translation>New account</translation>
    </message>
    <message>
        <source>请选择乡镇</source>
        <translation>Choose a township</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>姓名</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>所属乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <source>密码（至少 {0} 位）</source>
        <translation>Password (at least {0} characters)</translation>
    </message>
    <message>
        <source>再输入一次</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <source>自动登录</source>
        <translation>Automatic login</translation>
    </message>
    <message>
        <source>保存自动登录设置</source>
        <translation>Save automatic login</translation>
    </message>
    <message>
        <source>只适合一人使用的电脑：打开台账时不再询问密码，操作日志仍记下这位操作员的名字。</source>
        <translation>Only for a PC used by one person: opening the ledger asks no password, and the history still records this operator&apos;s name.</translation>
    </message>
    <message>
        <source>已停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <source>正常</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>不自动登录（每次打开都输入密码）</source>
        <translation>No automatic login (password at every start)</translation>
    </message>
    <message>
        <source>启用</source>
        <translation>Enable</translation>
    </message>
    <message>
        <source>两次输入的密码不一致。</source>
        <translation>The two passwords differ.</translation>
    </message>
    <message>
        <source>已新建账户“{0}”。</source>
        <translation>Account “{0}” created.</translation>
    </message>
    <message>
        <source>已重设“{0}”的密码。</source>
        <translation>Password of “{0}” reset.</translation>
    </message>
    <message>
        <source>已停用“{0}”。</source>
        <translation>“{0}” disabled.</translation>
    </message>
    <message>
        <source>已启用“{0}”。</source>
        <translation>“{0}” enabled.</translation>
    </message>
    <message>
        <source>以后打开此台账时不再询问密码，直接以“{0}”的身份工作：能使用这台电脑的人都能以此身份修改台账，操作日志也记为“{0}”。
只适合一人使用的电脑。确定设置自动登录吗？</source>
        <translation>From now on this ledger opens without asking a password, working as “{0}”: anyone who can use this PC can change the ledger as “{0}”, and the history records it so.
Only for a PC used by one person. Set automatic login?</translation>
    </message>
    <message>
        <source>取消自动登录后，每次打开此台账都要输入用户名和密码。确定吗？</source>
        <translation>Without automatic login, opening this ledger asks for a user name and password every time. Continue?</translation>
    </message>
    <message>
        <source>已设置自动登录为“{0}”。</source>
        <translation>Automatic login set to “{0}”.</translation>
    </message>
    <message>
        <source>已取消自动登录。</source>
        <translation>Automatic login turned off.</translation>
    </message>
    <message>
        <source>乡镇录入员</source>
        <translation>Township clerk</translation>
    </message>
    <message>
        <source>县级管理员</source>
        <translation>County administrator</translation>
    </message>
    <message>
        <source>只读</source>
        <translation>Read only</translation>
    </message>
    <message>
        <source>状态</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>overview</name>
    <message>
        <source>乡镇 / 帮扶单位 / 结对</source>
        <translation>Township / unit / pairing</translation>
    </message>
    <message>
        <source>逾期项</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <source>年度目标</source>
        <translation>Annual targets</translation>
    </message>
    <message>
        <source> 逾期{0}</source>
        <translation> {0} overdue</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation type="vanished">Close</translation>
    </message>
    <message>
        <source>关闭（Esc）</source>
        <translation type="vanished">Close (Esc)</translation>
    </message>
    <message>
        <source>检查帮扶职责</source>
        <translation>Checking duties</translation>
    </message>
    <message>
        <source>检查失败：{0}</source>
        <translation>Check failed: {0}</translation>
    </message>
    <message>
        <source> 年</source>
        <translation> </translation>
    </message>
    <message>
        <source>全县</source>
        <translation>Whole county</translation>
    </message>
    <message>
        <source>只看有逾期的结对</source>
        <translation>Only pairings with overdue items</translation>
    </message>
    <message>
        <source>按单位或村名筛选</source>
        <translation>Unit or village</translation>
    </message>
    <message>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>乡镇</source>
        <translation>Township</translation>
    </message>
    <message>
        <source>颜色：绿色＝已完成，橙色＝本期未到期，红色＝逾期。格中为“已完成/应完成”；双击格子查看记录。</source>
        <translation>Colours: green = done, orange = not yet due, red = overdue. Cells show “done/due”; double-click a cell for its records.</translation>
    </message>
    <message>
        <source>正在检查……</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>检查未完成。</source>
        <translation>Check not completed.</translation>
    </message>
    <message>
        <source>干部帮扶：{under} 名干部帮扶户数不足定额，{over} 名超过定额；{visits_due} 名干部本年尚有所帮扶户未走访；{unassigned} 户贫困户无帮扶干部；{stationed} 名驻村干部任期已满无人接任。</source>
        <translation>Cadres: {under} below their household quota, {over} above it; {visits_due} with households not yet visited this year; {unassigned} poor households without a cadre; {stationed} village postings ended with no successor.</translation>
    </message>
    <message>
        <source>共 {0} 个结对：{1} 个有逾期，{2} 个本期未到期，{3} 个全部完成；逾期共 {4} 项。</source>
        <translation>{0} pairings: {1} with overdue items, {2} not yet due, {3} all done; {4} items overdue.</translation>
    </message>
    <message>
        <source>{0} 个逾期</source>
        <translation>{0} overdue</translation>
    </message>
    <message>
        <source>{0} 个未到期</source>
        <translation>{0} not yet due</translation>
    </message>
    <message>
        <source>全部完成</source>
        <translation>All done</translation>
    </message>
    <message>
        <source>{0}：年度目标</source>
        <translation>{0}: annual targets</translation>
    </message>
    <message>
        <source>全部帮扶活动</source>
        <translation>All activities</translation>
    </message>
    <message>
        <source>{0}：{1}年{2}</source>
        <translation>{0}: {1} {2}</translation>
    </message>
    <message>
        <source>到村开展活动</source>
        <translation>Village activity</translation>
    </message>
    <message>
        <source>办实事</source>
        <translation>Practical project</translation>
    </message>
    <message>
        <source>实用技术培训</source>
        <translation>Skills training</translation>
    </message>
    <message>
        <source>调研</source>
        <translation>Research visit</translation>
    </message>
    <message>
        <source>走访贫困户</source>
        <translation>Household visit</translation>
    </message>
</context>
<context>
    <name>prompts</name>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>新建县级管理员账户</source>
        <translation>New county administrator account</translation>
    </message>
    <message>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>{0} 是新台账，请设置县级管理员的用户名和密码（至少 {1} 位）。</source>
        <translation>{0} is a new ledger: set the county administrator&apos;s user name and password (at least {1} characters).</translation>
    </message>
    <message>
        <source>请登录台账 {0}。</source>
        <translation>Log in to the ledger {0}.</translation>
    </message>
    <message>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>重设密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <source>为“{0}”设置新密码（至少 {1} 位）；账户若已锁定，也一并解锁。</source>
        <translation>Set a new password for “{0}” (at least {1} characters); a locked account is unlocked too.</translation>
    </message>
    <message>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>再输入一次</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <source>两次输入的密码不一致。</source>
        <translation>The two passwords differ.</translation>
    </message>
    <message>
        <source>备份设置</source>
        <translation>Backup settings</translation>
    </message>
    <message>
        <source>台账旁的 backups 文件夹：{0}</source>
        <translation>The backups folder beside the ledger: {0}</translation>
    </message>
    <message>
        <source>不设（例如 U 盘上的文件夹 E:\台账备份）</source>
        <translation>None (e.g. a folder on a USB stick, E:\backups)</translation>
    </message>
    <message>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <source> 份</source>
        <translation> copies</translation>
    </message>
    <message>
        <source>程序在启动时、编辑期间每隔一段时间（有修改时）和退出时自动备份台账，每份备份写完后都会检查。
请不要直接复制台账文件：程序运行时，最近的修改还在旁边的 -wal 文件里，复制出来的文件会缺少这些修改。要备份时请用“文件 → 立即备份”或“备份到…”。</source>
        <translation>Backups are made at start, while you edit (when something changed) and at exit, and each is checked.
Do not copy the ledger file by hand: its latest changes are still in the -wal file beside it. Use “File → Back up now” or “Back up to…”.</translation>
    </message>
    <message>
        <source>保留最近若干天每天最新的一份、最近若干周每周最新的一份、最近若干月每月最新的一份，更早的自动删除。</source>
        <translation>The newest backup of each of the last few days, weeks and months is kept; older ones are deleted.</translation>
    </message>
    <message>
        <source>备份文件夹</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <source>第二备份位置</source>
        <translation>Second location</translation>
    </message>
    <message>
        <source>自动备份间隔</source>
        <translation>Interval</translation>
    </message>
    <message>
        <source>保留每天的</source>
        <translation>Daily kept</translation>
    </message>
    <message>
        <source>保留每周的</source>
        <translation>Weekly kept</translation>
    </message>
    <message>
        <source>保留每月的</source>
        <translation>Monthly kept</translation>
    </message>
    <message>
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>选择文件夹</source>
        <translation>Choose a folder</translation>
    </message>
</context>
<context>
    <name>recycle_bin</name>
    <message>
        <source>回收站</source>
        <translation>Recycle bin</translation>
    </message>
    <message>
        <source>全部类型</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>搜索名称或删除人</source>
        <translation>Search name or deleted by</translation>
    </message>
    <message>
        <source>恢复</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>删除的记录留在这里，可以恢复；恢复也会记入操作日志。</source>
        <translation>Deleted records stay here and can be restored; a restore is recorded in the history too.</translation>
    </message>
    <message>
        <source>共 {0} 条</source>
        <translation>{0} records</translation>
    </message>
    <message>
        <source>不能恢复</source>
        <translation>Cannot restore</translation>
    </message>
</context>
<context>
    <name>report</name>
    <message>
        <source>保存报告</source>
        <translation>Save report</translation>
    </message>
    <message>
        <source>无法写入 {0}：{1}</source>
        <translation>Cannot write {0}: {1}</translation>
    </message>
    <message>
        <source>生成统计报告</source>
        <translation>Making the report</translation>
    </message>
    <message>
        <source>保存统计报告</source>
        <translation>Save the report</translation>
    </message>
    <message>
        <source>保存失败：{0}</source>
        <translation>Save failed: {0}</translation>
    </message>
    <message>
        <source> 年</source>
        <translation> </translation>
    </message>
    <message>
        <source>全年</source>
        <translation>Whole year</translation>
    </message>
    <message>
        <source>第一季度</source>
        <translation>First quarter</translation>
    </message>
    <message>
        <source>第二季度</source>
        <translation>Second quarter</translation>
    </message>
    <message>
        <source>第三季度</source>
        <translation>Third quarter</translation>
    </message>
    <message>
        <source>第四季度</source>
        <translation>Fourth quarter</translation>
    </message>
    <message>
        <source>上半年</source>
        <translation>First half</translation>
    </message>
    <message>
        <source>下半年</source>
        <translation>Second half</translation>
    </message>
    <message>
        <source>自定义时段</source>
        <translation>Custom period</translation>
    </message>
    <message>
        <source>开始日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>结束日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>全县</source>
        <translation>Whole county</translation>
    </message>
    <message>
        <source>生成报告</source>
        <translation>Make report</translation>
    </message>
    <message>
        <source>保存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>保存为 Excel 工作簿…</source>
        <translation>Save as Excel…</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>至</source>
        <translation>to</translation>
    </message>
    <message>
        <source>范围</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>{0}：如 2025-07-01，也可输入 2025/7/1、20250701</source>
        <translation>{0}: e.g. 2025-07-01, or 2025/7/1, 20250701</translation>
    </message>
    <message>
        <source>正在统计……</source>
        <translation>Counting…</translation>
    </message>
    <message>
        <source>报告未生成。</source>
        <translation>Report not made.</translation>
    </message>
    <message>
        <source>本期没有记录。</source>
        <translation>No records in this period.</translation>
    </message>
    <message>
        <source>双击表中的数字，查看它所依据的记录。</source>
        <translation>Double-click a number in the table to see the records it is based on.</translation>
    </message>
    <message>
        <source>一、帮扶网络</source>
        <translation>1. Pairing network</translation>
    </message>
    <message>
        <source>村（按贫困类别）</source>
        <translation>Villages (by poverty category)</translation>
    </message>
    <message>
        <source>贫困类别</source>
        <translation>Poverty category</translation>
    </message>
    <message>
        <source>{0}（结对帮扶）</source>
        <translation>{0} (paired)</translation>
    </message>
    <message>
        <source>二、帮扶活动</source>
        <translation>2. Activities</translation>
    </message>
    <message>
        <source>三、帮扶成效</source>
        <translation>3. Results</translation>
    </message>
    <message>
        <source>四、职责落实情况</source>
        <translation>4. Duties fulfilled</translation>
    </message>
    <message>
        <source>职责</source>
        <translation>Duty</translation>
    </message>
    <message>
        <source>应查</source>
        <translation>Checked</translation>
    </message>
    <message>
        <source>已完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>未到期</source>
        <translation>Not yet due</translation>
    </message>
    <message>
        <source>逾期/不足</source>
        <translation>Overdue/short</translation>
    </message>
    <message>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>{0}计入：{1}</source>
        <translation>Counted towards {0}: {1}</translation>
    </message>
    <message>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <source>双击查看这个数所依据的记录</source>
        <translation>Double-click to see the records behind this number</translation>
    </message>
    <message>
        <source>各乡镇帮扶活动次数</source>
        <translation>Activities per township</translation>
    </message>
    <message>
        <source>（活动最多的{0}个）</source>
        <translation>(the {0} with most activities)</translation>
    </message>
    <message>
        <source>活动次数</source>
        <translation>Activities</translation>
    </message>
    <message>
        <source>各季度帮扶活动次数</source>
        <translation>Activities per quarter</translation>
    </message>
    <message>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>正在保存……</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>没有保存。</source>
        <translation>Not saved.</translation>
    </message>
    <message>
        <source>已保存：{0}</source>
        <translation>Saved: {0}</translation>
    </message>
</context>
<context>
    <name>server</name>
    <message>
        <source>打开服务器上的台账</source>
        <translation>Open a ledger on a server</translation>
    </message>
    <message>
        <source>留空：用 ~/.pgpass 或 PGPASSWORD 中的密码</source>
        <translation>Empty: the password in ~/.pgpass or PGPASSWORD</translation>
    </message>
    <message>
        <source>地址格式：postgresql://用户名@服务器/数据库名
例如：{0}
密码只用于这次连接，不会保存，也不会显示在标题或最近打开的列表里。</source>
        <translation>Address: postgresql://user@server/database
for example: {0}
The password is used for this connection only: never saved, never shown in the title or the recent list.</translation>
    </message>
    <message>
        <source>服务器地址</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>数据库密码</source>
        <translation>Database password</translation>
    </message>
    <message>
        <source>服务器 {0} 要求密码：</source>
        <translation>Server {0} asks for a password:</translation>
    </message>
    <message>
        <source>服务器地址应以 postgresql:// 开头，如 {0}。</source>
        <translation>A server address starts with postgresql://, e.g. {0}.</translation>
    </message>
</context>
<context>
    <name>tabs</name>
    <message>
        <source>核验责任书…</source>
        <translation>Verify a letter…</translation>
    </message>
    <message>
        <source>批量生成…</source>
        <translation>Make letters in a batch…</translation>
    </message>
    <message>
        <source>帮扶活动类型…</source>
        <translation>Activity types…</translation>
    </message>
    <message>
        <source>职级帮扶定额（4321）…</source>
        <translation>Quotas by rank (4321)…</translation>
    </message>
    <message>
        <source>帮扶职责规则…</source>
        <translation>Duty rules…</translation>
    </message>
    <message>
        <source>帮扶单位</source>
        <translation>Units</translation>
    </message>
    <message>
        <source>乡镇与村</source>
        <translation>Townships and villages</translation>
    </message>
    <message>
        <source>结对</source>
        <translation>Pairings</translation>
    </message>
    <message>
        <source>干部帮扶</source>
        <translation>Cadre assistance</translation>
    </message>
    <message>
        <source>目标</source>
        <translation>Targets</translation>
    </message>
    <message>
        <source>责任书</source>
        <translation>Letters</translation>
    </message>
    <message>
        <source>帮扶活动</source>
        <translation>Activities</translation>
    </message>
    <message>
        <source>总览</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>统计报告</source>
        <translation>Report</translation>
    </message>
</context>
</TS>
