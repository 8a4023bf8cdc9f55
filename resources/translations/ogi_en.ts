<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>App</name>
    <message>
        <location filename="../../gui/app.py" line="127" />
        <source>程序内部错误</source>
        <translation>Internal error</translation>
    </message>
    <message>
        <location filename="../../gui/app.py" line="128" />
        <source>程序遇到了一个内部错误，刚才的操作可能没有完成。已确认的修改都已记入恢复记录。

{0}</source>
        <translation>The program hit an internal error; the last action may not have completed. Every confirmed change is in the recovery journal.

{0}</translation>
    </message>
</context>
<context>
    <name>CellDelegate</name>
    <message>
        <location filename="../../gui/delegate.py" line="170" />
        <source>“{0}”无法识别（{1}），已恢复原值</source>
        <translation>“{0}” could not be read ({1}); the old value was restored</translation>
    </message>
    <message>
        <location filename="../../gui/delegate.py" line="208" />
        <source>无法识别“{0}”：{1}（按 Esc 恢复原值）</source>
        <translation>Cannot read “{0}”: {1} (press Esc to restore the old value)</translation>
    </message>
</context>
<context>
    <name>CellMarks</name>
    <message>
        <location filename="../../gui/marks.py" line="44" />
        <source>说明：</source>
        <translation>Note: </translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../gui/commands.py" line="31" />
        <source>编辑文字</source>
        <translation>Edit text</translation>
    </message>
    <message>
        <location filename="../../gui/commands.py" line="32" />
        <source>编辑说明</source>
        <translation>Edit note</translation>
    </message>
</context>
<context>
    <name>ContributionsPanel</name>
    <message>
        <location filename="../../gui/rollup.py" line="189" />
        <source>选择一个单元格，查看各单位的数值</source>
        <translation>Select a cell to see each unit's value</translation>
    </message>
    <message>
        <location filename="../../gui/rollup.py" line="192" />
        <source>单位</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../gui/rollup.py" line="192" />
        <source>数值</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../gui/rollup.py" line="192" />
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../gui/rollup.py" line="206" />
        <source>{0}：汇总数 {1}，{2} 个单位计入</source>
        <translation>{0}: total {1}, {2} units counted</translation>
    </message>
    <message>
        <location filename="../../gui/rollup.py" line="209" />
        <source>；{0} 个单位未填写，汇总数不完整</source>
        <translation>; {0} units left it blank, the total is incomplete</translation>
    </message>
    <message>
        <location filename="../../gui/rollup.py" line="215" />
        <source>（未填写）</source>
        <translation>(blank)</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../gui/dialogs.py" line="39" />
        <source>（新建的报告，尚未保存）</source>
        <translation>(a new report, not saved yet)</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="42" />
        <location filename="../../gui/dialogs.py" line="98" />
        <source>恢复未保存的修改</source>
        <translation>Recover unsaved changes</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="43" />
        <source>上次程序没有正常关闭，有未保存的修改可以恢复。</source>
        <translation>The program did not close normally last time. Unsaved changes can be recovered.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="45" />
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
        <location filename="../../gui/dialogs.py" line="49" />
        <source>恢复</source>
        <translation>Recover</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="50" />
        <source>放弃修改</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="51" />
        <location filename="../../gui/dialogs.py" line="109" />
        <source>以后再说</source>
        <translation>Not now</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="63" />
        <source>保存修改</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="64" />
        <source>“{0}”有未保存的修改。是否保存？</source>
        <translation>“{0}” has unsaved changes. Save them?</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="76" />
        <source>文件已被修改</source>
        <translation>File changed on disk</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="77" />
        <source>“{0}”在打开（或上次保存）之后，已被其他窗口或程序修改。</source>
        <translation>“{0}” was changed by another window or program after it was opened (or last saved).</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="79" />
        <source>覆盖：用本窗口的内容替换它（它的内容将只保留在备份中）。
重新打开：放弃本窗口未保存的修改，打开磁盘上的版本。</source>
        <translation>Overwrite: replace it with this window's content (its content is kept only in the backup).
Reopen: discard this window's unsaved changes and open the version on disk.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="84" />
        <source>覆盖</source>
        <translation>Overwrite</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="85" />
        <source>重新打开</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="86" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="101" />
        <source>可以找到该文件的新位置；或把已记录的 {0} 处修改恢复到一份新的 {1} 报告上，再另存为新文件。</source>
        <translation>You can locate the file where it is now, or recover the {0} recorded changes onto a new {1} report and save it as a new file.</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="106" />
        <source>查找文件…</source>
        <translation>Locate file…</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="107" />
        <source>恢复到新报告</source>
        <translation>Recover into a new report</translation>
    </message>
    <message>
        <location filename="../../gui/dialogs.py" line="108" />
        <source>不再提示</source>
        <translation>Don't ask again</translation>
    </message>
</context>
<context>
    <name>Document</name>
    <message>
        <location filename="../../gui/document.py" line="162" />
        <source>编辑单元格</source>
        <translation>Edit cell</translation>
    </message>
    <message>
        <location filename="../../gui/document.py" line="181" />
        <source>粘贴的 {0} 个单元格与原内容相同，没有修改</source>
        <translation>The {0} pasted cells are the same as before; nothing changed</translation>
    </message>
    <message>
        <location filename="../../gui/document.py" line="182" />
        <source>粘贴 {0} 个单元格</source>
        <translation>Pasted {0} cells</translation>
    </message>
    <message>
        <location filename="../../gui/document.py" line="184" />
        <source>粘贴 {0} 个单元格，其中 {1} 个合计改为手工填写</source>
        <translation>Pasted {0} cells; {1} totals now entered by hand</translation>
    </message>
    <message>
        <location filename="../../gui/document.py" line="215" />
        <location filename="../../gui/document.py" line="220" />
        <source>空白单元格填为 0</source>
        <translation>Fill blank cells with 0</translation>
    </message>
    <message>
        <location filename="../../gui/document.py" line="225" />
        <source>恢复自动计算</source>
        <translation>Back to automatic total</translation>
    </message>
    <message>
        <location filename="../../gui/document.py" line="233" />
        <source>载入上年结转</source>
        <translation>Carry over from last year</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../gui/files.py" line="55" />
        <source>出错了</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="69" />
        <source>另存为</source>
        <translation>Save As</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="88" />
        <source>载入上年报告</source>
        <translation>Load last year’s report</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="89" />
        <source>仍要载入并据此填入上年结转吗？</source>
        <translation>Load it anyway and fill in the carried-over figures from it?</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="111" />
        <source>报告文件</source>
        <translation>Report files</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="124" />
        <source>未命名报告</source>
        <translation>Untitled report</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="180" />
        <source>打开报告</source>
        <translation>Open report</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="237" />
        <source>已保存到 {0}</source>
        <translation>Saved to {0}</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="252" />
        <location filename="../../gui/files.py" line="253" />
        <source>选择上一年度的报告</source>
        <translation>Choose last year's report</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="261" />
        <source>已载入上年报告 {0}，填入上年结转 {1} 个单元格</source>
        <translation>Loaded last year's report {0}; filled {1} carried-over cells</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="295" />
        <source>已恢复 {0} 处未保存的修改</source>
        <translation>Recovered {0} unsaved changes</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="58" />
        <source>请注意</source>
        <translation>Please note</translation>
    </message>
    <message>
        <location filename="../../gui/files.py" line="311" />
        <source>查找报告文件</source>
        <translation>Locate the report file</translation>
    </message>
</context>
<context>
    <name>ImportActions</name>
    <message>
        <location filename="../../gui/importing.py" line="54" />
        <location filename="../../gui/importing.py" line="63" />
        <source>导入已发布的报告</source>
        <translation>Import a published report</translation>
    </message>
    <message>
        <location filename="../../gui/importing.py" line="79" />
        <source>粘贴的文本</source>
        <translation>pasted text</translation>
    </message>
    <message>
        <location filename="../../gui/importing.py" line="96" />
        <source>已发布的报告</source>
        <translation>Published reports</translation>
    </message>
    <message>
        <location filename="../../gui/importing.py" line="100" />
        <source>报告文件</source>
        <translation>Report files</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/mainwindow.py" line="79" />
        <source>无法写入恢复记录（{0}），本次修改在意外退出时将无法恢复。请及时保存。</source>
        <translation>Cannot write the recovery journal ({0}); changes could not be recovered after a crash. Please save soon.</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="94" />
        <source>问题清单</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="127" />
        <source>{0}[*] — 政府信息公开工作年度报告</source>
        <translation>{0}[*] — Open Government Information Annual Report</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="133" />
        <source>错误 {0} · 警告 {1} · 空白 {2}</source>
        <translation>Errors {0} · Warnings {1} · Blank {2}</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="160" />
        <source>新建…</source>
        <translation>New…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="161" />
        <source>打开…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="162" />
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="163" />
        <source>另存为…</source>
        <translation>Save As…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="164" />
        <source>载入上年报告…</source>
        <translation>Load Last Year's Report…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="165" />
        <source>导入已发布的报告…</source>
        <translation>Import a published report…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="166" />
        <source>粘贴已发布的报告…</source>
        <translation>Paste a published report…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="167" />
        <source>汇总…</source>
        <translation>Roll up…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="168" />
        <source>导出 PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="169" />
        <source>打印预览…</source>
        <translation>Print Preview…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="170" />
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="171" />
        <source>导出网页…</source>
        <translation>Export Web Page…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="172" />
        <source>导出网页片段（粘贴到网站编辑器）…</source>
        <translation>Export Web Page Fragment (to paste into a site editor)…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="173" />
        <source>导出 Word…</source>
        <translation>Export Word…</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="174" />
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="176" />
        <source>将本表空白单元格填为 0</source>
        <translation>Fill Blank Cells of This Table with 0</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="177" />
        <source>恢复自动计算</source>
        <translation>Back to automatic total</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="178" />
        <source>已在正文末尾加入依据表格起草的统计段落（已选中），可直接修改；撤销可去掉</source>
        <translation>A statistics paragraph drafted from the tables was added at the end of the text (selected) for you to edit; Undo removes it</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="179" />
        <source>起草统计段落（依据表格）</source>
        <translation>Draft the statistics paragraph (from the tables)</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="183" />
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="185" />
        <source>最近打开</source>
        <translation>Recent Files</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="198" />
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="204" />
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="206" />
        <source>设置(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="207" />
        <location filename="../../gui/mainwindow.py" line="221" />
        <source>界面语言</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="212" />
        <source>跟随系统</source>
        <translation>System default</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="221" />
        <source>重新启动程序后生效。</source>
        <translation>Takes effect when the program is restarted.</translation>
    </message>
    <message>
        <location filename="../../gui/mainwindow.py" line="247" />
        <location filename="../../gui/mainwindow.py" line="260" />
        <source>已导出 {0}</source>
        <translation>Exported {0}</translation>
    </message>
</context>
<context>
    <name>MetaChoice</name>
    <message>
        <location filename="../../gui/form.py" line="137" />
        <source>（未选择：按机关全称判断）</source>
        <translation>(not chosen: judged from the agency name)</translation>
    </message>
</context>
<context>
    <name>NewReportDialog</name>
    <message>
        <location filename="../../gui/dialogs.py" line="19" />
        <source>新建报告</source>
        <translation>New Report</translation>
    </message>
</context>
<context>
    <name>NewReportFields</name>
    <message>
        <location filename="../../gui/newreport.py" line="32" />
        <source>{0} 年版（{1}）</source>
        <translation>{0} edition ({1})</translation>
    </message>
    <message>
        <location filename="../../gui/newreport.py" line="34" />
        <source>如 海门市住房和城乡建设局</source>
        <translation>e.g. Haimen Housing and Urban-Rural Development Bureau</translation>
    </message>
    <message>
        <location filename="../../gui/newreport.py" line="39" />
        <source>报告格式</source>
        <translation>Edition</translation>
    </message>
    <message>
        <location filename="../../gui/newreport.py" line="40" />
        <source>机关全称</source>
        <translation>Agency (full name)</translation>
    </message>
    <message>
        <location filename="../../gui/newreport.py" line="41" />
        <source>报告年度</source>
        <translation>Report year</translation>
    </message>
</context>
<context>
    <name>PasteDialog</name>
    <message>
        <location filename="../../gui/importing.py" line="25" />
        <source>粘贴已发布的报告</source>
        <translation>Paste a published report</translation>
    </message>
    <message>
        <location filename="../../gui/importing.py" line="31" />
        <source>请把从网页或 Word 文档中复制的报告全文粘贴在下面：</source>
        <translation>Paste the whole report, copied from a web page or a Word document, below:</translation>
    </message>
</context>
<context>
    <name>PrintOptionsDialog</name>
    <message>
        <location filename="../../gui/printoptions.py" line="66" />
        <source>打印签字栏（单位负责人、填报人签字）</source>
        <translation>Print the sign-off block (head of agency, preparer)</translation>
    </message>
    <message>
        <location filename="../../gui/printoptions.py" line="68" />
        <source>加盖公章</source>
        <translation>Sealed</translation>
    </message>
    <message>
        <location filename="../../gui/printoptions.py" line="68" />
        <source>不盖章</source>
        <translation>Unsealed</translation>
    </message>
    <message>
        <location filename="../../gui/printoptions.py" line="69" />
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../gui/printoptions.py" line="69" />
        <source>正式文本</source>
        <translation>Formal copy</translation>
    </message>
    <message>
        <location filename="../../gui/printoptions.py" line="73" />
        <source>自动查找</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <location filename="../../gui/printoptions.py" line="74" />
        <source>选择…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location filename="../../gui/printoptions.py" line="77" />
        <source>落款</source>
        <translation>Signature line</translation>
    </message>
    <message>
        <location filename="../../gui/printoptions.py" line="78" />
        <source>文本</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../gui/printoptions.py" line="80" />
        <source>报告中有 {0} 个错误，数据未通过校验；草稿各页标注“草稿：数据未通过校验”。</source>
        <translation>The report has {0} errors; a draft marks every page as not validated.</translation>
    </message>
    <message>
        <location filename="../../gui/printoptions.py" line="84" />
        <source>字体文件夹</source>
        <translation>Font folder</translation>
    </message>
    <message>
        <location filename="../../gui/printoptions.py" line="86" />
        <source>确定</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../gui/printoptions.py" line="87" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../gui/printoptions.py" line="108" />
        <source>选择字体文件夹</source>
        <translation>Choose the font folder</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <location filename="../../gui/printing.py" line="67" />
        <location filename="../../gui/printing.py" line="74" />
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../gui/printing.py" line="46" />
        <location filename="../../gui/printing.py" line="94" />
        <source>导出 PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <location filename="../../gui/printing.py" line="96" />
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../gui/printing.py" line="57" />
        <location filename="../../gui/printing.py" line="167" />
        <source>打印预览</source>
        <translation>Print Preview</translation>
    </message>
    <message>
        <location filename="../../gui/printing.py" line="111" />
        <source>报告尚未填完</source>
        <translation>Report not complete</translation>
    </message>
    <message>
        <location filename="../../gui/printing.py" line="112" />
        <source>报告还有 {0} 个单元格未填写（空白不等于 0）。</source>
        <translation>The report still has {0} blank cells (blank is not 0).</translation>
    </message>
    <message>
        <location filename="../../gui/printing.py" line="115" />
        <source>没有发生的请填 0。确认这些单元格应留空，仍要打印正式文本吗？</source>
        <translation>Enter 0 where nothing happened. If these cells are meant to stay blank, print the final copy anyway?</translation>
    </message>
    <message>
        <location filename="../../gui/printing.py" line="116" />
        <source>打印正式文本</source>
        <translation>Print final copy</translation>
    </message>
    <message>
        <location filename="../../gui/printing.py" line="117" />
        <source>继续填写</source>
        <translation>Continue filling in</translation>
    </message>
    <message>
        <location filename="../../gui/printing.py" line="179" />
        <source>无法打印</source>
        <translation>Cannot print</translation>
    </message>
    <message>
        <location filename="../../gui/printing.py" line="180" />
        <source>打印机不可用，或无法写入输出文件。</source>
        <translation>The printer is not available, or the output file cannot be written.</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <location filename="../../gui/problems.py" line="41" />
        <source>级别</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../gui/problems.py" line="41" />
        <source>位置</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../gui/problems.py" line="41" />
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../gui/problems.py" line="41" />
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../gui/problems.py" line="42" />
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../gui/problems.py" line="42" />
        <source>警告</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../gui/problems.py" line="42" />
        <source>未完成</source>
        <translation>Incomplete</translation>
    </message>
    <message>
        <location filename="../../gui/problems.py" line="94" />
        <source>说明：</source>
        <translation>Note: </translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <location filename="../../gui/problems.py" line="123" />
        <source>显示未完成项</source>
        <translation>Show incomplete items</translation>
    </message>
    <message>
        <location filename="../../gui/problems.py" line="178" />
        <source>错误 {0} 个 · 警告 {1} 个 · 未完成 {2} 项</source>
        <translation>{0} errors · {1} warnings · {2} incomplete</translation>
    </message>
    <message>
        <location filename="../../gui/problems.py" line="192" />
        <source>添加或修改说明…</source>
        <translation>Add or Edit Note…</translation>
    </message>
    <message>
        <location filename="../../gui/problems.py" line="194" />
        <source>选中这些单元格</source>
        <translation>Select These Cells</translation>
    </message>
    <message>
        <location filename="../../gui/problems.py" line="195" />
        <source>将这些单元格填为 0</source>
        <translation>Fill These Cells with 0</translation>
    </message>
    <message>
        <location filename="../../gui/problems.py" line="201" />
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../gui/problems.py" line="201" />
        <source>说明（将随报告保存）：</source>
        <translation>Note (saved with the report):</translation>
    </message>
</context>
<context>
    <name>Publish</name>
    <message>
        <location filename="../../gui/publish.py" line="37" />
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../gui/publish.py" line="49" />
        <source>导出{0}</source>
        <translation>Export {0}</translation>
    </message>
</context>
<context>
    <name>ReportForm</name>
    <message>
        <location filename="../../gui/form.py" line="244" />
        <source>基本信息</source>
        <translation>Basic information</translation>
    </message>
    <message>
        <location filename="../../gui/form.py" line="254" />
        <source>如 2024</source>
        <translation>e.g. 2024</translation>
    </message>
    <message>
        <location filename="../../gui/form.py" line="254" />
        <source>如 2025年1月8日</source>
        <translation>e.g. 2025-01-08</translation>
    </message>
</context>
<context>
    <name>ReportTableView</name>
    <message>
        <location filename="../../gui/tableview.py" line="242" />
        <source>{0}是自动合计；要手工填写，请按 F2、双击或右键选择“手工填写合计”</source>
        <translation>{0} is a computed total; to enter it by hand press F2, double-click or choose “Enter total by hand”</translation>
    </message>
    <message>
        <location filename="../../gui/tableview.py" line="348" />
        <location filename="../../gui/tableview.py" line="393" />
        <source>粘贴</source>
        <translation>Paste</translation>
    </message>
    <message>
        <location filename="../../gui/tableview.py" line="364" />
        <location filename="../../gui/tableview.py" line="394" />
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../gui/tableview.py" line="375" />
        <source>已将 {0} 个空白单元格填为 0</source>
        <translation>Filled {0} blank cells with 0</translation>
    </message>
    <message>
        <location filename="../../gui/tableview.py" line="391" />
        <source>手工填写合计</source>
        <translation>Enter total by hand</translation>
    </message>
    <message>
        <location filename="../../gui/tableview.py" line="392" />
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../gui/tableview.py" line="395" />
        <source>恢复自动计算</source>
        <translation>Back to automatic total</translation>
    </message>
    <message>
        <location filename="../../gui/tableview.py" line="396" />
        <source>将本表空白单元格填为 0</source>
        <translation>Fill Blank Cells of This Table with 0</translation>
    </message>
</context>
<context>
    <name>RollupDialog</name>
    <message>
        <location filename="../../gui/rollup.py" line="45" />
        <source>汇总各单位的报告</source>
        <translation>Roll up the units' reports</translation>
    </message>
    <message>
        <location filename="../../gui/rollup.py" line="49" />
        <source>自动（多数报告的年度）</source>
        <translation>Automatic (the year most reports give)</translation>
    </message>
    <message>
        <location filename="../../gui/rollup.py" line="50" />
        <source>可不选；每行一个机关全称的 .txt，或含“机关全称”列的 .xlsx</source>
        <translation>Optional: a .txt with one agency name per line, or an .xlsx with a “机关全称” column</translation>
    </message>
    <message>
        <location filename="../../gui/rollup.py" line="52" />
        <source>包括有错误的报告（在“单位情况”中标注）</source>
        <translation>Include reports with errors (marked in “单位情况”)</translation>
    </message>
    <message>
        <location filename="../../gui/rollup.py" line="54" />
        <source>各单位的报告</source>
        <translation>Units' reports</translation>
    </message>
    <message>
        <location filename="../../gui/rollup.py" line="55" />
        <location filename="../../gui/rollup.py" line="106" />
        <source>单位名单</source>
        <translation>Roster</translation>
    </message>
    <message>
        <location filename="../../gui/rollup.py" line="56" />
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../gui/rollup.py" line="57" />
        <source>汇总单位</source>
        <translation>Collecting body</translation>
    </message>
    <message>
        <location filename="../../gui/rollup.py" line="58" />
        <source>保存为</source>
        <translation>Save as</translation>
    </message>
    <message>
        <location filename="../../gui/rollup.py" line="71" />
        <source>添加文件…</source>
        <translation>Add files…</translation>
    </message>
    <message>
        <location filename="../../gui/rollup.py" line="72" />
        <source>添加文件夹…</source>
        <translation>Add folder…</translation>
    </message>
    <message>
        <location filename="../../gui/rollup.py" line="73" />
        <source>移除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../gui/rollup.py" line="87" />
        <source>浏览…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../gui/rollup.py" line="93" />
        <source>选择报告</source>
        <translation>Choose reports</translation>
    </message>
    <message>
        <location filename="../../gui/rollup.py" line="93" />
        <source>报告文件 (*.xlsx *.json)</source>
        <translation>Report files (*.xlsx *.json)</translation>
    </message>
    <message>
        <location filename="../../gui/rollup.py" line="97" />
        <source>选择文件夹（含子文件夹）</source>
        <translation>Choose a folder (subfolders included)</translation>
    </message>
    <message>
        <location filename="../../gui/rollup.py" line="106" />
        <source>名单 (*.txt *.xlsx)</source>
        <translation>Roster (*.txt *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../gui/rollup.py" line="111" />
        <source>保存汇总结果</source>
        <translation>Save the roll-up</translation>
    </message>
    <message>
        <location filename="../../gui/rollup.py" line="111" />
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../gui/startpage.py" line="34" />
        <source>政府信息公开工作年度报告</source>
        <translation>Annual report on government information disclosure</translation>
    </message>
    <message>
        <location filename="../../gui/startpage.py" line="54" />
        <location filename="../../gui/startpage.py" line="58" />
        <source>新建报告</source>
        <translation>New report</translation>
    </message>
    <message>
        <location filename="../../gui/startpage.py" line="79" />
        <source>最近的报告</source>
        <translation>Recent reports</translation>
    </message>
    <message>
        <location filename="../../gui/startpage.py" line="88" />
        <source>（还没有打开过报告）</source>
        <translation>(no reports opened yet)</translation>
    </message>
    <message>
        <location filename="../../gui/startpage.py" line="93" />
        <source>打开…</source>
        <translation>Open…</translation>
    </message>
    <message>
        <location filename="../../gui/startpage.py" line="95" />
        <source>启动时直接打开上次的报告，回到上次的位置</source>
        <translation>At start, reopen the last report where I left off</translation>
    </message>
</context>
<context>
    <name>TableModel</name>
    <message>
        <location filename="../../gui/tablemodel.py" line="155" />
        <source>自动合计（输入数值可改为手工填写）</source>
        <translation>Automatic total (type a value to enter it by hand)</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodel.py" line="157" />
        <source>（暂无法计算）</source>
        <translation>(cannot be computed yet)</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodel.py" line="158" />
        <source>手工填写的合计；自动计算为 {0}（右键可恢复自动计算）</source>
        <translation>Total entered by hand; computed: {0} (right-click to go back to automatic)</translation>
    </message>
    <message>
        <location filename="../../gui/tablemodel.py" line="161" />
        <source>无法识别“{0}”：{1}</source>
        <translation>Cannot read “{0}”: {1}</translation>
    </message>
</context>
<context>
    <name>WorkdayActions</name>
    <message>
        <location filename="../../gui/workday.py" line="49" />
        <location filename="../../gui/workday.py" line="78" />
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../gui/workday.py" line="51" />
        <location filename="../../gui/workday.py" line="79" />
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../gui/workday.py" line="57" />
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../gui/workday.py" line="59" />
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../gui/workday.py" line="61" />
        <source>实际大小</source>
        <translation>Actual size</translation>
    </message>
    <message>
        <location filename="../../gui/workday.py" line="62" />
        <source>下一部分</source>
        <translation>Next part</translation>
    </message>
    <message>
        <location filename="../../gui/workday.py" line="63" />
        <source>上一部分</source>
        <translation>Previous part</translation>
    </message>
    <message>
        <location filename="../../gui/workday.py" line="92" />
        <source>已撤销：{0}</source>
        <translation>Undone: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/workday.py" line="92" />
        <source>已重做：{0}</source>
        <translation>Redone: {0}</translation>
    </message>
    <message>
        <location filename="../../gui/workday.py" line="100" />
        <source>显示比例 {0}%</source>
        <translation>Zoom {0}%</translation>
    </message>
    <message>
        <location filename="../../gui/workday.py" line="195" />
        <source>{0} 年版</source>
        <translation>{0} edition</translation>
    </message>
    <message>
        <location filename="../../gui/workday.py" line="196" />
        <source>{0} 年度</source>
        <translation>year {0}</translation>
    </message>
    <message>
        <location filename="../../gui/workday.py" line="196" />
        <source>年度未填</source>
        <translation>no year</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <location filename="../../gui/rollup.py" line="164" />
        <source>正在读取各单位的报告…</source>
        <translation>Reading the units' reports…</translation>
    </message>
    <message>
        <location filename="../../gui/rollup.py" line="164" />
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../gui/rollup.py" line="261" />
        <source>各单位的数值</source>
        <translation>Values by unit</translation>
    </message>
</context>
</TS>