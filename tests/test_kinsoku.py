"""PDF-K: Chinese line breaking — no line starts with a closing mark or ends with an opening one."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from ogi.outputs.pdf.kinsoku import NO_END, NO_START, break_lines, line_ok


def width_of(s: str) -> float:
    """Full-width characters 1, Latin letters and digits ½ (like a CJK font)."""
    return sum(0.5 if ord(c) < 0x2000 else 1.0 for c in s)


def test_PDF_K1_comma_never_starts_a_line():
    text = "一二三四五六七八九十，十一十二"
    greedy = [text[:10], text[10:]]
    assert greedy[1].startswith("，")  # what a plain character wrap does
    lines = break_lines(text, 10, width_of)
    assert lines == ["一二三四五六七八九", "十，十一十二"]


def test_PDF_K2_opening_bracket_never_ends_a_line():
    lines = break_lines("一二三四五六七八九《条例》十", 10, width_of)
    assert lines == ["一二三四五六七八九", "《条例》十"]


def test_PDF_K3_closing_quote_and_full_stop_pulled_with_their_character():
    lines = break_lines("危及“三安全一稳定”。其他", 9, width_of)
    assert all(line_ok(a, b) for a, b in itertools.pairwise(lines))
    assert "".join(lines) == "危及“三安全一稳定”。其他"


def test_PDF_K4_numbers_kept_whole_and_wrapped_spaces_dropped():
    assert break_lines("共收到申请 12345 件", 6, width_of) == ["共收到申请", "12345 件"]
    assert break_lines("电话0513-1234", 5, width_of) == ["电话", "0513-1234"]
    too_long = break_lines("1234567890", 3, width_of)
    assert "".join(too_long) == "1234567890" and all(width_of(line) <= 3 for line in too_long)


def test_PDF_K5_indented_first_line_and_empty_text():
    assert break_lines("一二三四五六", 4, width_of, first_width=2) == ["一二", "三四五六"]
    assert break_lines("", 4, width_of) == [""]


def test_PDF_K6_unfixable_run_of_marks_still_breaks():
    lines = break_lines("，" * 12, 5, width_of)
    assert "".join(lines) == "，" * 12 and all(width_of(line) <= 5 for line in lines)


_UNIT = st.one_of(
    st.sampled_from("政府信息公开年度报告工作机关申请办理"),
    st.sampled_from("政务条例").map(lambda c: c + "，"),
    st.sampled_from("政务条例").map(lambda c: c + "。"),
    st.sampled_from("条例规定").map(lambda c: "（" + c + "）"),
    st.sampled_from("条例规定").map(lambda c: "《" + c + "》"),
    st.integers(0, 99999).map(str),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_UNIT, min_size=1, max_size=40).map("".join), st.integers(6, 28))
def test_PDF_K7_rules_hold_and_nothing_is_lost(text, width):
    lines = break_lines(text, width, width_of)
    assert "".join(lines) == text
    assert all(width_of(line) <= width for line in lines)
    for before, after in itertools.pairwise(lines):
        assert after[0] not in NO_START, (before, after)
        assert before[-1] not in NO_END, (before, after)
