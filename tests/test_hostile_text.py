"""HOSTILE-TEXT: narrative and metadata that look like formulas, carry control characters,
bidi marks, emoji or a million characters are saved as text and reopened unchanged."""

from __future__ import annotations

import pytest

from ogi.formats import read_report, registry, write_report
from ogi.model.sample import full_report

HOSTILE = {
    "formula_eq": '=HYPERLINK("http://x","点我")',
    "formula_plus": "+1+1",
    "formula_minus": "-2+3",
    "formula_at": "@SUM(A1)",
    "dde": "=cmd|' /C calc'!A0",
    "control": "前\x00中\x01\x08\x0b\x0c\x1b\x1f\x7f后",
    "newlines": "第一行\r\n第二行\r第三行\n\t缩进",
    "bidi": "\u202e反向\u202c\u200f\u200e\u2066隔离\u2069",
    "emoji": "群众满意 👍🏻 🇨🇳 \U0001f600",
    "surrogate_like": "\ud7ff\ue000\uffff",
    "spaces": "  前后空格  ",
    "escape_like": "_x0041_ 与 _x000D_ 字样",
    "long": "长" * 1_000_000,
}


@pytest.mark.parametrize("suffix", sorted(registry()))
@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_HOSTILE_TEXT_round_trip(tmp_path, form21, suffix, name):
    value = HOSTILE[name]
    report = full_report(form21)
    report.texts["overview"] = value
    report.meta["agency"] = value[:5000]
    report.notes["T3-5/natural"] = value[:5000]
    path = tmp_path / f"r{suffix}"
    write_report(report, path)
    again = read_report(path)
    assert again.texts["overview"] == value
    assert again.meta["agency"] == value[:5000] and again.notes["T3-5/natural"] == value[:5000]
    assert again == report


NO_GLYPH = {"emoji": "U+1F44D", "surrogate_like": "U+D7FF"}  # characters no bundled font can draw


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_HOSTILE_TEXT_printed_or_named(form21, name):
    """Printing either works (formulas printed literally, controls and bidi marks left out) or
    stops with one line naming the character the fonts lack — never a crash, never a silent gap."""
    from ogi.model.messages import OgiError
    from ogi.outputs.pdf.render import render_pdf

    value = HOSTILE[name]
    report = full_report(form21)
    report.texts["overview"] = value
    report.meta["agency"] = value[:200]
    report.notes["T3-5/natural"] = value[:200]
    if name in NO_GLYPH:
        with pytest.raises(OgiError) as err:
            render_pdf(report)
        assert NO_GLYPH[name] in err.value.message and "\n" not in err.value.message
    else:
        assert render_pdf(report).startswith(b"%PDF-")


def test_HOSTILE_TEXT_formula_printed_literally(form21):
    import io

    from pypdf import PdfReader

    from ogi.outputs.pdf.render import render_pdf

    report = full_report(form21)
    report.texts["overview"] = HOSTILE["formula_eq"]
    first = PdfReader(io.BytesIO(render_pdf(report))).pages[0].extract_text()
    assert "=HYPERLINK" in "".join(first.split())


def test_HOSTILE_TEXT_kinsoku_is_linear():
    """A million-character paragraph breaks in linear time (it was quadratic: 134 s for a 10^6 narrative)."""
    from ogi.outputs.pdf.kinsoku import break_lines

    lines = break_lines("长" * 1_000_000, 28.0, len)
    assert len(lines) == 1_000_000 // 28 + 1 and all(len(line) <= 28 for line in lines)
