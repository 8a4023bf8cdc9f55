"""The one catalogue of the program's own user-visible wording (Chinese).

Rule messages belong to the statutory form and live in ``forms/``; everything the
program itself says (loader, parser, readers, CLI) is here, under a stable code, so that
wording is reviewed in one place and tests can name the code instead of the text.
"""

from __future__ import annotations

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
    # recovery journal (the window's crash recovery)
    "JOURNAL_UNREADABLE": "恢复记录 {file} 已损坏，无法恢复",
    # rule engine (generic wording shared by every edition)
    "RULE_INCOMPLETE": "{place}：有 {count} 个单元格未填写（{cells}），暂无法核对",
    "CULPRIT": "；最可能出错的单元格：{place}",
    "SEVERITY_error": "错误",
    "SEVERITY_warning": "警告",
    "SEVERITY_incomplete": "未完成",
    "META_YEAR": "应为四位年份，如 2024",
    "META_DATE": "应为日期，如 2024-01-08 或 2024年1月8日",
    # CLI
    "CLI_SUMMARY": "共 {errors} 个错误，{warnings} 个警告，{incomplete} 项未完成",
    "CLI_FORMS_LINE": "{id}\t{title}（{basis}）",
    "CLI_WROTE": "已保存 {file}",
    "CLI_FILL_ZERO": "已将 {count} 个空白单元格填为 0",
}


def shorten(value: str, limit: int = 40) -> str:
    """Echo user-supplied text back in a message without flooding it (one line, bounded)."""
    flat = " ".join(str(value).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def text(code: str, **fields: object) -> str:
    """Return the catalogue text for ``code`` with ``fields`` filled in."""
    return MESSAGES[code].format(**fields)


class OgiError(Exception):
    """A failure the user must be told about: carries a code and a Chinese message."""

    def __init__(self, code: str, **fields: object) -> None:
        self.code = code
        self.fields = fields
        # Fields may echo hostile input (a 1 MB key, a newline): one bounded line, always.
        safe = {k: shorten(v, 160) if isinstance(v, str) else v for k, v in fields.items()}
        super().__init__(text(code, **safe))

    @property
    def message(self) -> str:
        return str(self)
