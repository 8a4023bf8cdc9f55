"""IMP: every source kind — text in any encoding, saved web pages in UTF-8/GB2312/GBK/GB18030, Word files — CLI and window."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from ogi.cli.main import main
from ogi.formats.jsonfile import read as read_json
from ogi.importers import importer_for, known_suffixes
from ogi.model.messages import OgiError
from tests import guikit

isolated, make_window = guikit.isolated, guikit.make_window
COMPLETE = Path(__file__).parent / "data" / "published" / "shuyang-fgj-2023"
EXPECTED = read_json(COMPLETE / "expected.json")


@pytest.mark.parametrize("encoding", ["utf-8", "gb2312", "gbk", "gb18030"])
@pytest.mark.parametrize("declared", [True, False])
def test_IMP_html_in_every_encoding_a_government_site_uses(tmp_path, encoding, declared):
    page = (COMPLETE / "source.html").read_text(encoding="utf-8").replace("\u00a0", " ")
    head = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={encoding}"></head><body>'
    path = tmp_path / "page.htm"
    path.write_bytes(
        ((head if declared else "<html><body>") + page + "</body></html>").encode(encoding, errors="xmlcharrefreplace")
    )
    result = importer_for(path).read(path)
    assert result.report.stored_values() == EXPECTED.stored_values() and result.report.meta == EXPECTED.meta


def test_IMP_text_in_gbk_and_with_word_control_characters(tmp_path):
    raw = (COMPLETE / "source.txt").read_text(encoding="utf-8")
    path = tmp_path / "copied.txt"
    path.write_bytes(raw.replace("一、总体情况", "一、总体情况\x0b\x07").encode("gbk", errors="replace"))
    assert importer_for(path).read(path).report.stored_values() == EXPECTED.stored_values()


def test_IMP_docx_made_by_libreoffice_reads_tables_as_tables():
    result = importer_for(COMPLETE / "source.docx").read(COMPLETE / "source.docx")
    assert result.complete and result.report.stored_values() == EXPECTED.stored_values()


def test_IMP_docx_refused_clearly_when_broken(tmp_path):
    not_zip = tmp_path / "a.docx"
    not_zip.write_bytes(b"not a zip at all")
    entity = tmp_path / "b.docx"
    with zipfile.ZipFile(entity, "w") as z:
        z.writestr("word/document.xml", '<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>')
    for path in (not_zip, entity):
        with pytest.raises(OgiError) as err:
            importer_for(path).read(path)
        assert err.value.code == "IMPORT_DOCX_BAD" and path.name in err.value.message


def test_IMP_unknown_source_kind_is_one_clear_error(tmp_path):
    with pytest.raises(OgiError) as err:
        importer_for(tmp_path / "scan.pdf")
    assert err.value.code == "FILE_UNKNOWN_TYPE" and set(known_suffixes()) == {".txt", ".html", ".htm", ".docx"}


def test_IMP_cli_import_writes_the_report_and_says_what_it_read(tmp_path, capsys):
    out = tmp_path / "imported.json"
    code = main(["import", str(COMPLETE / "source.html"), "-o", str(out)])
    err = capsys.readouterr().err
    assert code in (0, 1) and read_json(out).stored_values() == EXPECTED.stored_values()
    assert "75 个单元格读到数值" in err and "全部表格均已读取" in err
    assert main(["import", str(COMPLETE / "source.html"), "-o", str(tmp_path / "x.pdf")]) == 2


def test_IMP_window_imports_file_and_pasted_text_and_last_year_from_a_web_page(make_window):
    window = make_window()
    shown = []
    window.show_import_summary = shown.append
    assert window.import_published(COMPLETE / "source.docx") and window.errors == []
    assert window.doc.report.stored_values() == EXPECTED.stored_values() and window.doc.path is None
    assert window.isWindowModified() and "全部表格均已读取" in shown[-1]
    assert window.paste_published((COMPLETE / "source.txt").read_text(encoding="utf-8"))
    assert window.doc.report.value("t3.new.total") == EXPECTED.value("t3.new.total")
    fresh = make_window()
    assert fresh.load_previous(COMPLETE / "source.html")
    assert fresh.doc.report.value("t3.carried_in.natural") == EXPECTED.value("t3.carried_over.natural") == 0
