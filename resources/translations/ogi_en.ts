<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>App</name>
    <message>
        <location filename="../../gui/app.py" line="118"/>
        <source>程序内部错误</source>
        <translation>Internal error</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="119"/>
        <source>程序遇到了一个内部错误，刚才的操作可能没有完成。已确认的修改都已记入恢复记录。

{0}</source>
        <translation>The program hit an internal error; the last action may not have completed. Every confirmed change is in the recovery journal.

{0}</translation>
    </message>
</context>
<context>
    <name>CellDelegate</name>
    <message>
        <location filename="../../gui/delegate.py" line="140"/>
        <source>“{0}”无法识别（{1}），已恢复原值</source>
        <translation>“{0}” could not be read ({1}); the old value was restored</translation>
    </message>
    <message>
        <location filename="../../gui/delegate.py" line="177"/>
        <source>无法识别“{0}”：{1}（按 Esc 恢复原值）</source>
        <translation>Cannot read “{0}”: {1} (press Esc to restore the old value)</translation>
    </message>
</context>
<context>
    <name>CellMarks</name>
    <message>
        <location filename="../../gui/marks.py" line="64"/>
        <source>说明：</source>
        <translation>Note: </translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../gui/commands.py" line="31"/>
        <source>编辑文字</source>
        <translation>Edit text</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="32"/>
        <source>编辑说明</source>
        <translation>Edit note</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../gui/dialogs.py" line="41"/>
        <source>（新建的报告，尚未保存）</source>
        <translation>(a new report, not saved yet)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="44"/>
        <source>恢复未保存的修改</source>
        <translation>Recover unsaved changes</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="45"/>
        <source>上次程序没有正常关闭，有未保存的修改可以恢复。</source>
        <translation>The program did not close normally last time. Unsaved changes can be recovered.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="47"/>
        <source>文件：{0}
开始编辑：{1}
最后修改：{2}
已记录修改：{3} 处

是否恢复这些修改？</source>
        <translation>File: {0}
Editing started: {1}
Last change: {2}
Changes recorded: {3}

Recover these changes?</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="51"/>
        <source>恢复</source>
        <translation>Recover</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="52"/>
        <source>放弃修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="53"/>
        <source>以后再说</source>
        <translation>Not now</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="65"/>
        <source>保存修改</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="66"/>
        <source>“{0}”有未保存的修改。是否保存？</source>
        <translation>“{0}” has unsaved changes. Save them?</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <location filename="../../gui/document.py" line="141"/>
        <source>编辑单元格</source>
        <translation>Edit cell</translation>
    </message>
    <message>
        <location filename="../../gui/document.py" line="162"/>
        <source>空白单元格填为 0</source>
        <translation>Fill blank cells with 0</translation>
    </message>
    <message>
        <location filename="../../gui/document.py" line="167"/>
        <source>恢复自动计算</source>
        <translation>Back to automatic total</translation>
    </message>
    <message>
        <location filename="../../gui/document.py" line="180"/>
        <source>载入上年结转</source>
        <translation>Carry over from last year</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../gui/files.py" line="34"/>
        <source>出错了</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="45"/>
        <source>另存为</source>
        <translation>Save As</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="62"/>
        <source>报告文件</source>
        <translation>Report files</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="76"/>
        <source>未命名报告</source>
        <translation>Untitled report</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="124"/>
        <source>打开报告</source>
        <translation>Open report</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="162"/>
        <source>已保存到 {0}</source>
        <translation>Saved to {0}</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="167"/>
        <source>选择上一年度的报告</source>
        <translation>Choose last year&apos;s report</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="176"/>
        <source>已载入上年报告 {0}，填入上年结转 {1} 个单元格</source>
        <translation>Loaded last year&apos;s report {0}; filled {1} carried-over cells</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="208"/>
        <source>已恢复 {0} 处未保存的修改</source>
        <translation>Recovered {0} unsaved changes</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/mainwindow.py" line="59"/>
        <source>无法写入恢复记录（{0}），本次修改在意外退出时将无法恢复。请及时保存。</source>
        <translation>Cannot write the recovery journal ({0}); changes could not be recovered after a crash. Please save soon.</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="72"/>
        <source>问题清单</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="82"/>
        <source>{0}[*] — 政府信息公开工作年度报告</source>
        <translation>{0}[*] — Open Government Information Annual Report</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="88"/>
        <source>错误 {0} · 警告 {1} · 空白 {2}</source>
        <translation>Errors {0} · Warnings {1} · Blank {2}</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="113"/>
        <source>新建…</source>
        <translation>New…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="114"/>
        <source>打开…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="115"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="116"/>
        <source>另存为…</source>
        <translation>Save As…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="117"/>
        <source>载入上年报告…</source>
        <translation>Load Last Year&apos;s Report…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="118"/>
        <source>导出 PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="119"/>
        <source>打印预览…</source>
        <translation>Print Preview…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="120"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="121"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="122"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="124"/>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="126"/>
        <source>将本表空白单元格填为 0</source>
        <translation>Fill Blank Cells of This Table with 0</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="127"/>
        <source>恢复自动计算</source>
        <translation>Back to automatic total</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="131"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="133"/>
        <source>最近打开</source>
        <translation>Recent Files</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="142"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="146"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="147"/>
        <source>设置(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="148"/>
        <location filename="../../gui/mainwindow.py" line="162"/>
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="153"/>
        <source>跟随系统</source>
        <translation>System default</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="162"/>
        <source>重新启动程序后生效。</source>
        <translation>Takes effect when the program is restarted.</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="185"/>
        <source>本程序未包含打印组件，无法打印或导出 PDF。</source>
        <translation>This installation has no printing component; cannot print or export PDF.</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="188"/>
        <source>已导出 {0}</source>
        <translation>Exported {0}</translation>
    </message>
</context>
<context>
    <name>NewReportDialog</name>
    <message>
        <location filename="../../gui/dialogs.py" line="19"/>
        <source>新建报告</source>
        <translation>New Report</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="23"/>
        <source>{0} 年版（{1}）</source>
        <translation>{0} edition ({1})</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="31"/>
        <source>报告格式</source>
        <translation>Format edition</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="32"/>
        <source>报告年度</source>
        <translation>Report year</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../gui/printing.py" line="72"/>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../gui/printing.py" line="82"/>
        <source>导出 PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <location filename="../../gui/printing.py" line="84"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../gui/printing.py" line="98"/>
        <source>数据未通过校验</source>
        <translation>The figures did not pass the checks</translation>
    </message>
    <message>
        <location filename="../../gui/printing.py" line="99"/>
        <source>报告中有 {0} 个错误，数据未通过校验。</source>
        <translation>The report has {0} errors: the figures did not pass the checks.</translation>
    </message>
    <message>
        <location filename="../../gui/printing.py" line="103"/>
        <source>建议先改正错误。如现在打印，各页将标注“草稿：数据未通过校验”。
确认数据无误、需要打印正式文本时，请选择“打印正式文本”。</source>
        <translation>Please correct the errors first. Printed now, every page is marked “草稿：数据未通过校验” (draft: figures not checked).
If the figures are right and you need the final copy, choose “Print final copy”.</translation>
    </message>
    <message>
        <location filename="../../gui/printing.py" line="108"/>
        <source>标注为草稿</source>
        <translation>Mark as draft</translation>
    </message>
    <message>
        <location filename="../../gui/printing.py" line="109"/>
        <source>打印正式文本</source>
        <translation>Print final copy</translation>
    </message>
    <message>
        <location filename="../../gui/printing.py" line="163"/>
        <source>打印预览</source>
        <translation>Print Preview</translation>
    </message>
    <message>
        <location filename="../../gui/printing.py" line="88"/>
        <source>公文格式</source>
        <translation>Document format</translation>
    </message>
    <message>
        <location filename="../../gui/printing.py" line="175"/>
        <source>无法打印</source>
        <translation>Cannot print</translation>
    </message>
    <message>
        <location filename="../../gui/printing.py" line="176"/>
        <source>打印机不可用，或无法写入输出文件。</source>
        <translation>The printer is not available, or the output file cannot be written.</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <location filename="../../gui/problems.py" line="40"/>
        <source>级别</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../gui/problems.py" line="40"/>
        <source>位置</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../gui/problems.py" line="40"/>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../gui/problems.py" line="40"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../gui/problems.py" line="41"/>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../gui/problems.py" line="41"/>
        <source>警告</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../gui/problems.py" line="41"/>
        <source>未完成</source>
        <translation>Incomplete</translation>
    </message>
    <message>
        <location filename="../../gui/problems.py" line="79"/>
        <source>说明：</source>
        <translation>Note: </translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <location filename="../../gui/problems.py" line="107"/>
        <source>显示未完成项</source>
        <translation>Show incomplete items</translation>
    </message>
    <message>
        <location filename="../../gui/problems.py" line="141"/>
        <source>错误 {0} 个 · 警告 {1} 个 · 未完成 {2} 项</source>
        <translation>{0} errors · {1} warnings · {2} incomplete</translation>
    </message>
    <message>
        <location filename="../../gui/problems.py" line="154"/>
        <source>添加或修改说明…</source>
        <translation>Add or Edit Note…</translation>
    </message>
    <message>
        <location filename="../../gui/problems.py" line="159"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../gui/problems.py" line="159"/>
        <source>说明（将随报告保存）：</source>
        <translation>Note (saved with the report):</translation>
    </message>
</context>
<context>
    <name>ReportForm</name>
    <message>
        <location filename="../../gui/form.py" line="140"/>
        <source>基本信息</source>
        <translation>Basic information</translation>
    </message>
    <message>
        <location filename="../../gui/form.py" line="145"/>
        <source>如 2024</source>
        <translation>e.g. 2024</translation>
    </message>
    <message>
        <location filename="../../gui/form.py" line="145"/>
        <source>如 2025年1月8日</source>
        <translation>e.g. 2025-01-08</translation>
    </message>
</context>
<context>
    <name>ReportTableView</name>
    <message>
        <location filename="../../gui/tableview.py" line="234"/>
        <source>已粘贴 {0} 个单元格</source>
        <translation>Pasted {0} cells</translation>
    </message>
    <message>
        <location filename="../../gui/tableview.py" line="249"/>
        <location filename="../../gui/tableview.py" line="250"/>
        <location filename="../../gui/tableview.py" line="287"/>
        <source>粘贴</source>
        <translation>Paste</translation>
    </message>
    <message>
        <location filename="../../gui/tableview.py" line="264"/>
        <location filename="../../gui/tableview.py" line="288"/>
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../gui/tableview.py" line="271"/>
        <source>已将 {0} 个空白单元格填为 0</source>
        <translation>Filled {0} blank cells with 0</translation>
    </message>
    <message>
        <location filename="../../gui/tableview.py" line="286"/>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../gui/tableview.py" line="289"/>
        <source>恢复自动计算</source>
        <translation>Back to automatic total</translation>
    </message>
    <message>
        <location filename="../../gui/tableview.py" line="290"/>
        <source>将本表空白单元格填为 0</source>
        <translation>Fill Blank Cells of This Table with 0</translation>
    </message>
</context>
<context>
    <name>TableModel</name>
    <message>
        <location filename="../../gui/tablemodel.py" line="138"/>
        <source>自动合计（输入数值可改为手工填写）</source>
        <translation>Automatic total (type a value to enter it by hand)</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodel.py" line="140"/>
        <source>（暂无法计算）</source>
        <translation>(cannot be computed yet)</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodel.py" line="141"/>
        <source>手工填写的合计；自动计算为 {0}（右键可恢复自动计算）</source>
        <translation>Total entered by hand; computed: {0} (right-click to go back to automatic)</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodel.py" line="144"/>
        <source>无法识别“{0}”：{1}</source>
        <translation>Cannot read “{0}”: {1}</translation>
    </message>
</context>
</TS>
