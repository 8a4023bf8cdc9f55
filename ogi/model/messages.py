"""The one catalogue of the program's own user-visible wording (Chinese).

Rule messages belong to the statutory form and live in ``forms/``; everything the
program itself says (loader, parser, readers, CLI) is here, under a stable code, so that
wording is reviewed in one place and tests can name the code instead of the text.
"""

from __future__ import annotations

from pathlib import PurePath

MESSAGES: dict[str, str] = {
    # form definition loader
    "FORM_READ": "表单定义 {file}：无法读取：{reason}",
    "FORM_JSON": "表单定义 {file}：JSON 格式错误（第 {line} 行第 {column} 列）：{reason}",
    "FORM_DUPLICATE_KEY": "表单定义 {file}：{where} 中的键 “{key}” 重复",
    "FORM_UNKNOWN_KEY": "表单定义 {file}：{where} 中有未知的键 “{key}”",
    "FORM_MISSING_KEY": "表单定义 {file}：{where} 缺少必需的键 “{key}”",
    "FORM_BAD_VALUE": "表单定义 {file}：{where} 的 “{key}” 取值无效：{reason}",
    "FORM_DUPLICATE_ID": "表单定义 {file}：{where} 的编号 “{key}” 重复",
    "FORM_MISSING_CELL": "表单定义 {file}：{where} 引用了不存在的单元格 “{key}”",
    "FORM_CYCLE": "表单定义 {file}：合计关系存在循环：{key}",
    "FORM_WIDTH": "表单定义 {file}：{where} 的列数为 {key}，与本表其他部分不一致",
    "FORM_UNKNOWN": "未知的报告格式 “{form}”（可用：{known}）",
    # value parser
    "VALUE_EMPTY": "未填写",
    "VALUE_NOT_NUMBER": "不是数字",
    "VALUE_NEGATIVE": "不能为负数",
    "VALUE_NOT_INTEGER": "应为整数，不能有小数",
    "VALUE_TOO_MANY_PLACES": "最多保留 {places} 位小数",
    "VALUE_TOO_LARGE": "数值过大（绝对值不能超过 {maximum}）",
    "VALUE_BAD_SEPARATOR": "千位分隔符位置不正确",
    "VALUE_BLANK_MARK": "“{text}”是表格中的空白记号，不是数值：没有发生请填 0，确实不填请留空",
    "VALUE_OTHER_UNIT": "本栏以{unit}为单位，请填 {suggestion}",
    # report files
    "FILE_NOT_FOUND": "文件 {file} 不存在",
    "FILE_IS_DIR": "{file} 是文件夹，不是报告文件",
    "FILE_UNREADABLE": "无法读取文件 {file}：{reason}",
    "FILE_UNKNOWN_TYPE": "文件 {file}：不支持的文件类型（支持：{known}）",
    "FILE_UNKNOWN_FORM": "文件 {file}：未知的报告格式 “{form}”（可用：{known}）",
    "JSON_SYNTAX": "文件 {file}：JSON 格式错误（第 {line} 行第 {column} 列）：{reason}",
    "JSON_SHAPE": "文件 {file}：“{key}” 应为{expected}",
    "JSON_UNKNOWN_KEY": "文件 {file}：未知的键 “{key}”",
    "JSON_UNKNOWN_CELL": "文件 {file}：未知的单元格编号 “{key}”",
    "JSON_BAD_VALUE": "文件 {file}：单元格 “{key}”（{place}）的值 “{text}” 无效：{reason}",
    "JSON_NOT_TOTAL": "文件 {file}：“{key}” 不是合计单元格，不能列入 entered_totals",
    "JSON_TOTAL_BLANK": "文件 {file}：entered_totals 中的 “{key}” 没有填报值",
    "JSON_UNKNOWN_META": "文件 {file}：未知的基本信息字段 “{key}”",
    "JSON_UNKNOWN_TEXT": "文件 {file}：未知的正文部分 “{key}”",
    "WRITE_FAILED": "无法保存到 {file}：{reason}",
    "FILE_TOO_LARGE": "无法读取文件 {file}：文件过大（{size} MB，上限 {limit} MB）",
    "REASON_MEMORY": "内存不足（文件内容过多，可能是恶意构造的文件）",
    "REASON_NESTING": "嵌套层数过多",
    "BACKUP_FAILED": "无法保存到 {file}：旧版本无法保留为备份 {backup}（{reason}）；文件未作改动",
    "FILE_CHANGED_ON_DISK": "文件 {file} 在打开（或上次保存）之后已被其他窗口或程序修改",
    "XLSX_STRAY": "{place}：此处的内容不会被读入（“{text}”）；请移到对应的填写位置",
    "XLSX_FIELD_TOO_LONG": "{place}（{field}）的文字过长（{length} 字），超过 Excel 单元格的上限（{limit} 字），无法保存",
    "XLSX_REASON_MEMBER_ENCRYPTED": "部件 {part} 已加密",
    "XLSX_REASON_STRINGS": "共享字符串 {count} 条，超过上限 {limit} 条",
    "XLSX_REASON_IDENTITY_SIZE": "标识信息过大（{count} 条记录，上限 {limit} 条）",
    "XLSX_REASON_SHEETS": "标识信息指向 {count} 个工作表，本格式只有 {limit} 个",
    "XLSX_REASON_REACH": "标识信息指向 {place}，超出本格式的表格范围",
    "XLSX_REASON_FORMATS": "样式表中的单元格格式超过 Excel 的上限（{limit} 个）",
    "XLSX_REASON_PART": "部件 {part} 解压后 {size} MB，超过此类部件的上限",
    "XLSX_REASON_CELLS": "单元格过多（读到工作表 {sheet} 时已超过 {limit} 个）",
    # recovery journal (the window's crash recovery)
    "JOURNAL_UNREADABLE": "恢复记录 {file} 已损坏，无法恢复",
    "JOURNAL_OTHER_EDITION": "恢复记录 {file} 属于 {journal} 格式，而报告 {source} 是 {found} 格式；不能把修改恢复到另一种格式的报告上",
    "JOURNAL_SET_ASIDE": "恢复记录 {file} 无法使用（{reason}），已另存为 {kept}，以后不再提示",
    # rule engine (generic wording shared by every edition)
    "RULE_INCOMPLETE": "{place}：有 {count} 个单元格未填写（{cells}），暂无法核对",
    "BLANK_ONLY_COLUMNS": "，只填了{filled}列",
    "BLANK_COLUMNS": "，共 {count} 列：{names}",
    "BLANK_ROWS": "，共 {count} 行：{names}",
    "BLANK_CELLS": "：{names}",
    "BLANK_ONLY_CELLS": "，只填了{filled}",
    "WORKBOOK_AT": "（工作簿 {where}）",
    "CULPRIT": "；最可能出错的单元格：{place}",
    "SEVERITY_error": "错误",
    "SEVERITY_warning": "警告",
    "SEVERITY_incomplete": "未完成",
    "META_YEAR": "应为四位年份，如 2024",
    "META_DATE": "应为日期，如 2024-01-08 或 2024年1月8日",
    "META_CHOICE": "应为以下之一：{choices}",
    # last year's report (载入上年报告, --previous)
    "PREVIOUS_WRONG_YEAR": "上年报告 {file} 是 {found} 年度的报告，本报告的上一年度是 {wanted} 年",
    "PREVIOUS_OTHER_AGENCY": "上年报告 {file} 的机关全称为“{found}”，与本报告“{wanted}”不同",
    "CLI_PREVIOUS_WARNING": "警告：{line}；仍按其核对上年结转",
    # CLI
    "CLI_SUMMARY": "共 {errors} 个错误，{warnings} 个警告，{incomplete} 项未完成",
    "CLI_FORMS_LINE": "{id}\t{title}（{basis}）",
    "CLI_WROTE": "已保存 {file}",
    "CLI_NOTICE": "注意\t{notice}",
    "CLI_FILL_ZERO": "已将 {count} 个空白单元格填为 0",
    # Excel workbook (ogi/xlsx*.py)
    "XLSX_SHEET_META": "基本信息",
    "XLSX_SHEET_TEXT": "正文",
    "XLSX_NOTES_TITLE": "说明（对已核实的警告所作的说明）",
    "XLSX_NOTE_HEAD": "{place}（{key}）",
    "XLSX_INFO_FORM": "报告格式",
    "XLSX_INFO_PROGRAM": "保存程序",
    "XLSX_INFO_NOTE": "注意",
    "XLSX_INFO_TOTALS": "灰底的合计数由本程序计算后写入。在 Excel 或 WPS 中修改数值后，合计不会自动更新；请用本程序重新打开本文件，程序会重新计算合计并逐项检查。",
    "XLSX_PAGE_FOOTER": "第 &P 页，共 &N 页",
    "XLSX_PROMPT_TITLE": "填写提示",
    "XLSX_PROMPT": "请填写{label}。空白表示未填写，不等于 0。",
    "XLSX_ERROR_TITLE": "数值无效",
    "XLSX_ERROR": "此单元格应填写{label}。",
    "XLSX_TEXT_TOO_LONG": "{place} 的文字过长（{length} 字），超过 Excel 单元格的上限（{limit} 字），无法保存",
    "XLSX_TEXT_TOO_MUCH": "{place} 的文字过长（{length} 字），超过工作簿能保存的正文长度，无法保存",
    "XLSX_NOT_ZIP": "文件 {file} 不是 Excel 工作簿（.xlsx），无法打开",
    "XLSX_OLD_XLS": "文件 {file} 是旧版 Excel 97-2003 工作簿（.xls）；请在 Excel 或 WPS 中另存为“Excel 工作簿（*.xlsx）”后再打开",
    "XLSX_ENCRYPTED": "文件 {file} 已加密（设有打开密码），无法读取；请在 Excel 或 WPS 中取消密码并保存后再打开",
    "XLSX_NOT_WORKBOOK": "文件 {file} 是压缩包，但不是 Excel 工作簿（.xlsx）：{reason}",
    "XLSX_BOMB": "文件 {file} 解压后过大（{reason}），可能是恶意构造的文件，已拒绝打开",
    "XLSX_MACRO": "文件 {file} 含有宏（VBA 代码）；为安全起见，本程序不打开含宏的工作簿。请在 Excel 中另存为“Excel 工作簿（*.xlsx）”后再打开",
    "XLSX_DAMAGED": "文件 {file} 已损坏，无法作为 Excel 工作簿读取：{reason}",
    "XLSX_NOT_OURS": "文件 {file} 不是本程序保存的报告工作簿（缺少标识信息），无法确定各数值的位置",
    "XLSX_SHEET_MISSING": "文件 {file} 中缺少工作表“{sheet}”（可能被改名或删除），无法确定各数值的位置",
    "XLSX_BAD_IDENTITY": "文件 {file} 中的标识信息已损坏（{where}），无法确定各数值的位置",
    "XLSX_LAYOUT_CHANGED": "文件 {file}：{cell} 应为“{expected}”，现为“{found}”；表格结构已被改动（可能插入或删除了行、列），无法确定各数值的位置。请使用改动前的文件或其备份（文件名中带 .bak）",
    "XLSX_REASON_ENTITIES": "含有被禁止的 XML 实体或文档类型定义（可能是恶意文件）",
    "XLSX_REASON_ZIP": "压缩包结构损坏",
    "XLSX_REASON_XML": "内部 XML 格式错误",
    "XLSX_REASON_CONTENT": "内容不符合 Excel 工作簿格式",
    "XLSX_REASON_NO_TYPES": "缺少 [Content_Types].xml",
    "XLSX_REASON_XLSB": "这是 Excel 二进制工作簿（.xlsb）",
    "XLSX_REASON_TOTAL": "共 {size} MB，上限 {limit} MB",
    "XLSX_REASON_RATIO": "{part} 的压缩比为 {ratio}:1",
    "XLSX_REASON_ENTRIES": "含有 {count} 个部件",
    "XLSX_DATE_IN_NUMBER": "是日期，不是数值",
    "XLSX_FORMULA": "是公式；本程序不计算公式，请改为填写数值",
    "CLI_CONVERT_INVALID": "{file} 中有 {count} 个无法识别的数值（如 {place} “{text}”）；JSON 交换文件无法保存它们，请先改正",
    # printed report (ogi/pdf*.py, ogi/fonts.py)
    "PDF_PAGE_NUMBER": "— {number} —",
    "PDF_DRAFT_MARK": "草稿：数据未通过校验",
    "PDF_DRAFT_HEADER": "草稿：数据未通过校验（{count} 个错误），不能作为正式文本签发",
    "PDF_NOTES_TITLE": "附：校验提示及说明",
    "PDF_CONTINUED": "（续）",
    "PDF_NOTE_FINDING": "{number}. {message}",
    "PDF_NOTE_TEXT": "说明：{note}",
    "PDF_SIGN_FIELD": "{label}：",
    "PDF_SIGN_SIGNATURE": "签字：",
    "PDF_SIGN_DATE": "日期：　　　　年　　月　　日",
    "PDF_WHERE_TITLE": "标题",
    "PDF_WHERE_REPORT": "报告",
    "PDF_WHERE_SECTION": "“{section}”",
    "PDF_WHERE_CELL": "{table}“{place}”",
    "PDF_WHERE_CLOSING": "落款",
    "PDF_WHERE_SIGN_OFF": "签字栏",
    "PDF_WHERE_NOTE": "说明（{place}）",
    "PDF_NO_GLYPH": "{where}中的字符“{char}”（U+{codepoint}）在所有可用字体中都没有字形，无法打印。请改用常用字，或在字体文件夹中提供含有该字的 TrueType 字体",
    "FONT_DIR_MISSING": "字体文件夹 {dir} 不存在",
    "FONT_UNUSABLE": "字体 {file} 无法使用：{reason}",
    "FONT_SKIPPED": "已跳过字体 {file}：{reason}",
    "FONT_REASON_CFF": "这是 PostScript（CFF）轮廓的 OpenType 字体（如思源、Noto CJK），无法嵌入 PDF",
    "FONT_REASON_NOT_TRUETYPE": "不是 TrueType 字体",
    "FONT_REASON_BROKEN": "无法读取或不允许嵌入（{reason}）",
    "FONT_REASON_NO_DIGITS": "缺少阿拉伯数字（数字将无法显示）",
    "FONT_REASON_NO_HAN": "缺少常用汉字",
    "FONT_ROLE": "{role}：{file}（{origin}）",
    "FONT_SUBSTITUTED": "{role}：本机没有该字体，改用 {file}（{origin}）印制，与 GB/T 9704 的要求（{standard}）不同",
    "FONT_STANDARD_title": "§7.3.1 标题用2号小标宋体",
    "FONT_STANDARD_hei": "§7.3.3 一级标题用黑体",
    "FONT_STANDARD_kai": "§7.3.3 二级标题用楷体",
    "FONT_STANDARD_fangsong": "§5.2.2 正文用3号仿宋体",
    "FONT_STANDARD_song": "§7.5 页码用4号宋体",
    "PDF_ERRORS_TITLE": "附：未通过校验的项目（改正后方可作为正式文本）",
    "PDF_ERROR_ITEM": "{number}. {message}",
    "PRINT_SEAL": "落款按加盖印章的格式编排（GB/T 9704 §7.3.5.1）",
    "FONT_ROLE_title": "标题（小标宋）",
    "FONT_ROLE_hei": "黑体",
    "FONT_ROLE_kai": "楷体",
    "FONT_ROLE_fangsong": "仿宋",
    "FONT_ROLE_song": "宋体",
    "FONT_ORIGIN_preferences": "指定的字体文件夹",
    "FONT_ORIGIN_system": "系统字体",
    "FONT_ORIGIN_bundled": "程序自带",
    "CLI_PDF_DRAFT": "报告有 {count} 个错误，PDF 已标注“草稿：数据未通过校验”（确认无误后可用 --final 去掉）",
    "CLI_PDF_WROTE": "已保存 {file}（{pages} 页）",
    "CLI_EXPORT_WROTE": "已保存 {file}（{summary}）",
    "CLI_EXPORT_DRAFT": "报告有 {count} 个错误，导出的文本已标注“草稿：数据未通过校验”（确认无误后可用 --final 去掉）",
    "EXPORT_UNKNOWN_TYPE": "文件 {file}：不能导出为这种文件（可导出：{known}）；保存报告请用 .json 或 .xlsx",
    "EXPORT_SAME_AS_INPUT": "文件 {file}：输出文件不能是报告本身",
    "EXPORT_ONTO_REPORT": "文件 {file} 是指向报告文件 {target} 的链接；导出的文件不能覆盖报告",
    "EXPORT_PAGES": "{pages} 页",
    "FORM_NONE_FOUND": "没有找到任何报告格式定义（{folder}）：程序安装不完整，请重新安装",
    "EXPORT_LABEL_PDF": "PDF 文件",
    "EXPORT_LABEL_HTML": "网页",
    "EXPORT_LABEL_DOCX": "Word 文档",
    "EXPORT_BYTES": "{size}",
    # importing a published report (ogi/importers)
    "IMPORT_ROW_COUNT": "{table} {row} 行：读到 {count} 个数，应有 {width} 个，未填入",
    "IMPORT_ROW_CUT": "{table} {row} 行：原文在此行中断，读到 {count} 个数，应有 {width} 个，未填入",
    "IMPORT_BAD_VALUE": "{place}：原文“{text}”不是有效数值（{reason}），未填入",
    "IMPORT_TABLE_MISSING": "{table}：原文中没有找到，未填入",
    "IMPORT_ROWS_MISSING": "{table}：原文中没有找到以下各行，未填入：{rows}",
    "IMPORT_MORE": " 等 {count} 行",
    "IMPORT_DATA_ROW": "数据",
    "IMPORT_SUMMARY": "已读取 {file}：按 {form} 格式（{how}），{values} 个单元格读到数值，{blank} 个按原文为空白（空白或“—”“/”），共 {total} 个单元格",
    "IMPORT_EDITION_SURE": "依据表二的栏目和表三的行",
    "IMPORT_EDITION_UNSURE": "表格中没有可区分格式版本的栏目，按最新格式",
    "IMPORT_NOT_READ": "（未读到）",
    "IMPORT_TEXTS_MISSING": "正文中未读到：{sections}",
    "IMPORT_COMPLETE": "全部表格均已读取",
    "IMPORT_INCOMPLETE": "以上未填入的单元格留为空白，请对照原文填写",
    "IMPORT_ENCODING": "文件 {file}：无法识别文字编码（支持 UTF-8、GB2312、GBK、GB18030）",
    "IMPORT_DOCX_BAD": "文件 {file} 不是有效的 Word 文档（.docx）：{reason}",
    "IMPORT_EMPTY": "{file}：没有读到任何内容",
    "CLI_IMPORT_WROTE": "已保存 {file}",
    # narrative figures compared with the tables (ogi/model/narrative, rule kind "figures")
    "NARRATIVE_INCOMPLETE": "{place}：“{quote}”暂无法核对：{cells} 尚未填写",
    "NARRATIVE_CELLS": "{first} 等 {count} 格之和",
    "NARRATIVE_YEARS": "{cells} 本年 {now}、上年 {last}",
    "NARRATIVE_UP": "增加 {delta}",
    "NARRATIVE_DOWN": "减少 {delta}",
    "NARRATIVE_UP_PCT": "增长 {pct}%",
    "NARRATIVE_DOWN_PCT": "下降 {pct}%",
    "NARRATIVE_FLAT": "持平",
    "NARRATIVE_CHANGE": "较上年{change}",
    "DRAFT_BLANK": "{file}：表格尚未填完（{cells}），无法起草统计段落",
    "DRAFT_NONE": "{file}：报告格式 {form} 没有定义统计段落的写法",
    "DRAFT_UNTITLED": "本报告",
    # roll-up (汇总, ogi/rollup/)
    "ROLLUP_DEFAULT_AGENCY": "汇总",
    "ROLLUP_NONE_FOUND": "在 {sources} 中没有找到报告文件（.xlsx 或 .json）",
    "ROLLUP_NO_YEAR": "未填写年度",
    "ROLLUP_OTHER_YEAR": "年度为 {found}，本次汇总的是 {year} 年度",
    "ROLLUP_OTHER_FORM": "格式版本为 {found}，本次汇总的是 {form}",
    "ROLLUP_NO_AGENCY": "未填写机关全称",
    "ROLLUP_DUPLICATE": "同一单位另有较新的报告（{file}），本份不计入",
    "ROLLUP_HAS_ERRORS": "有 {count} 个错误，不计入（如需计入，请使用“包括有错误的报告”）",
    "ROLLUP_WITH_ERRORS": "有 {count} 个错误，仍已计入",
    "ROLLUP_INCLUDED": "计入",
    "ROLLUP_EXCLUDED": "不计入",
    "ROLLUP_SHEET_UNITS": "单位情况",
    "ROLLUP_SHEET_MISSING": "缺报",
    "ROLLUP_SHEET_DETAIL": "明细",
    "ROLLUP_UNITS_HEAD": "文件|机关全称|年度|格式版本|错误（表格和基本信息）|警告|未完成|是否计入|原因或标注",
    "ROLLUP_MISSING_HEAD": "情况|名称|可能对应",
    "ROLLUP_MISSING_ROW": "名单中有、未报送",
    "ROLLUP_UNLISTED_ROW": "已报送、不在名单中",
    "ROLLUP_NO_ROSTER": "未提供单位名单（--roster），无法核对缺报单位",
    "ROLLUP_NONE_MISSING": "名单中的单位均已报送",
    "ROLLUP_DETAIL_UNIT": "单位",
    "ROLLUP_DETAIL_FILE": "文件",
    "ROLLUP_DETAIL_CELL": "单元格编号",
    "ROLLUP_DETAIL_SUM": "汇总数",
    "ROLLUP_DETAIL_BLANKS": "未填写的单位数",
    "ROLLUP_PROGRESS": "汇总 {done}/{total}",
    "ROLLUP_SUMMARY": "已汇总 {included} 个单位的报告（共找到 {found} 份，不计入 {excluded} 份）；{missing}",
    "ROLLUP_SUMMARY_MISSING": "名单中 {count} 个单位未报送",
    "ROLLUP_SUMMARY_NO_ROSTER": "未核对缺报（未提供名单）",
    "ROLLUP_INCOMPLETE_CELLS": "{count} 个单元格有单位未填写，汇总数不完整（见“明细”）",
    "ROLLUP_CANCELLED": "汇总已取消",
    # reasons given by libraries and the system, in Chinese (no English inside a Chinese message)
    "JSON_REASON_VALUE": "此处应有一个值（数字、带引号的文字、true、false、null、{{…}} 或 […]），文件可能为空或不完整",
    "JSON_REASON_KEY": "此处应为带英文双引号的键名（或多了一个逗号）",
    "JSON_REASON_COLON": "键名后应有英文冒号“:”",
    "JSON_REASON_COMMA": "此处应有英文逗号“,”，或括号未配对",
    "JSON_REASON_EXTRA": "内容结束后还有多余的文字",
    "JSON_REASON_STRING": "引号内的文字没有结束（缺少后一个英文双引号）",
    "JSON_REASON_CONTROL": "引号内的文字含有控制字符（如换行或制表符），应写作 \\n 或 \\t",
    "JSON_REASON_ESCAPE": "反斜杠“\\”后的转义写法无效",
    "JSON_REASON_TRAILING_COMMA": "末尾多了一个逗号",
    "JSON_REASON_OTHER": "不符合 JSON 语法",
    "REASON_NOT_UTF8": "不是 UTF-8 编码的文本",
    "REASON_OS": "操作系统报告错误（{name}）",
    "IMPORT_DOCX_NO_BODY": "缺少正文部件（word/document.xml）",
    "FONT_REASON_DAMAGED": "文件已损坏或格式无法识别",
}

# The json module's reasons (English, by their start) → catalogue codes; JSON_REASON_OTHER otherwise.
_JSON_REASONS = (
    ("Expecting value", "JSON_REASON_VALUE"),
    ("Expecting property name", "JSON_REASON_KEY"),
    ("Expecting ':'", "JSON_REASON_COLON"),
    ("Expecting ','", "JSON_REASON_COMMA"),
    ("Extra data", "JSON_REASON_EXTRA"),
    ("Unterminated string", "JSON_REASON_STRING"),
    ("Invalid control character", "JSON_REASON_CONTROL"),
    ("Invalid \\", "JSON_REASON_ESCAPE"),
    ("Illegal trailing comma", "JSON_REASON_TRAILING_COMMA"),
)


def json_reason(msg: str) -> str:
    """The json module's reason (``JSONDecodeError.msg``, English) as Chinese catalogue text."""
    return text(next((code for start, code in _JSON_REASONS if msg.startswith(start)), "JSON_REASON_OTHER"))


def os_reason(exc: OSError) -> str:
    """A generic Chinese reason for a system error the caller has no better words for (never strerror)."""
    import errno

    return text("REASON_OS", name=errno.errorcode.get(exc.errno or -1) or f"错误号 {exc.errno}")


_CONTROLS = {c: f"\\x{c:02x}" for c in [*range(0x20), 0x7F, *range(0x80, 0xA0)]}
_CONTROLS.update({c: f"\\u{c:04x}" for c in (0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A))})


def escape_controls(value: str) -> str:
    """Control characters (escape sequences that colour or move a terminal, bidi overrides) made visible."""
    return str(value).translate(_CONTROLS)


def shorten(value: object, limit: int = 40) -> str:
    """Echo user-supplied text back in a message without flooding it (one line, bounded, no
    control character left to forge a line or colour a terminal)."""
    flat = escape_controls(" ".join(str(value).split()))
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def text(code: str, **fields: object) -> str:
    """Return the catalogue text for ``code`` with ``fields`` filled in."""
    return MESSAGES[code].format(**fields)


def shorten_path(path: object, limit: int = 160) -> str:
    """A file name echoed in one bounded line: the end (the name itself) is what the clerk recognises."""
    flat = escape_controls(" ".join(str(path).split()))
    return flat if len(flat) <= limit else "…" + flat[-(limit - 1) :]


def _bounded(value: object) -> object:
    if isinstance(value, PurePath):
        return shorten_path(value)
    return shorten(value, 160) if isinstance(value, str) else value


class OgiError(Exception):
    """A failure the user must be told about: carries a code and a Chinese message."""

    def __init__(self, code: str, **fields: object) -> None:
        self.code = code
        self.fields = fields
        # Fields may echo hostile input (a 1 MB key, a newline): one bounded line, always.
        safe = {k: _bounded(v) for k, v in fields.items()}
        super().__init__(text(code, **safe))

    @property
    def message(self) -> str:
        return str(self)
