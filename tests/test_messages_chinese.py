"""MSG (issue 14, item 8): no English inside a Chinese message — the json module's reasons, the
system's error texts and library class names reach the clerk only through the catalogue."""

from __future__ import annotations

import errno
import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ogi.formats import jsonfile
from ogi.formats.safesave import reason
from ogi.model.loader import load_form_file
from ogi.model.messages import OgiError, json_reason, os_reason, text

# ASCII words a Chinese message may carry: the format's own names, never library prose.
ALLOWED = {"JSON", "UTF", "true", "false", "null", "word", "document", "xml", "docx", "xlsx", "entered_totals"}
BROKEN = st.text(alphabet='{}[]":,.-0123456789aentrufl \t\n\\', max_size=30)


def english_words(message: str, *echoed: str) -> set[str]:
    for part in echoed:
        message = message.replace(part, "")
    return {w for w in re.findall(r"[A-Za-z_]{3,}", message) if w not in ALLOWED and not (w.isupper() and w.startswith("E"))}


def _json_error(raw: str) -> json.JSONDecodeError | None:
    try:
        json.loads(raw)
    except json.JSONDecodeError as exc:
        return exc
    return None


@settings(max_examples=300, deadline=None)
@given(BROKEN)
def test_MSG_every_json_reason_is_chinese(raw):
    exc = _json_error(raw)
    if exc is not None:
        assert not english_words(json_reason(exc.msg)), (raw, exc.msg)


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "JSON_REASON_VALUE"),
        ('{"a" 1}', "JSON_REASON_COLON"),
        ("[1 2]", "JSON_REASON_COMMA"),
        ("1 2", "JSON_REASON_EXTRA"),
        ('"abc', "JSON_REASON_STRING"),
        ('"a\tb"', "JSON_REASON_CONTROL"),
        ('"\\q"', "JSON_REASON_ESCAPE"),
        ("{a:1}", "JSON_REASON_KEY"),
    ],
)
def test_MSG_json_reasons_name_the_mistake(raw, code):
    assert json_reason(_json_error(raw).msg) == text(code)


def test_MSG_unknown_json_reason_falls_back_to_chinese():
    assert json_reason("Some future wording") == text("JSON_REASON_OTHER")


@settings(max_examples=60, deadline=None)
@given(BROKEN)
def test_MSG_report_and_form_files_say_it_in_chinese(tmp_path_factory, raw):
    path = tmp_path_factory.mktemp("bad") / "报告.json"
    path.write_text(raw, encoding="utf-8")
    for read in (jsonfile.read, load_form_file):
        try:
            read(path)
        except OgiError as exc:
            assert not english_words(exc.message, str(path), path.name), exc.message


def test_MSG_the_issue_example(tmp_path):
    path = tmp_path / "只有空格.json"
    path.write_text("   ", encoding="utf-8")
    with pytest.raises(OgiError) as caught:
        jsonfile.read(path)
    assert "Expecting" not in caught.value.message and "JSON 格式错误（第 1 行第 4 列）：此处应有一个值" in caught.value.message


@pytest.mark.parametrize("code", [errno.EIO, errno.ENOSPC, errno.EBUSY, errno.ELOOP, 0])
def test_MSG_system_errors_never_show_strerror(code):
    exc = OSError(code, "Some English strerror")
    for why in (reason(exc), os_reason(exc)):
        assert "English" not in why and not english_words(why)
