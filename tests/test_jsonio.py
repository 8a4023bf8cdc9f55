"""JSON: interchange files round-trip exactly and bad ones are refused naming the key."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from ogi.formats.jsonfile import dumps, read, write
from ogi.model.messages import OgiError
from ogi.model.sample import full_report


@pytest.mark.parametrize("form_id", ["ogi-2021", "ogi-2019"])
@pytest.mark.parametrize("seed_no", range(5))
def test_JSON_round_trip(tmp_path, form_id, seed_no):
    from ogi.model.loader import load_form

    report = full_report(load_form(form_id), seed=seed_no)
    report.set("t3.new.total", report.value("t3.new.total"))  # an entered total
    report.set("t4.review.upheld", None)  # a blank stays blank
    report.notes["T3-5/natural"] = "机构改革"
    report.texts["other"] = "=SUM(A1)\n第二行\t制表符"
    path = tmp_path / "r.json"
    write(report, path)
    again = read(path)
    assert again == report and dumps(again) == dumps(report)
    assert again.is_entered_total("t3.new.total") and again.stored("t4.review.upheld") is None


def test_JSON_amounts_exact(tmp_path, form21):
    report = full_report(form21)
    report.set("t2.fees.amount", Decimal("0.1234"))
    path = tmp_path / "r.json"
    write(report, path)
    assert json.loads(path.read_text(encoding="utf-8"))["values"]["t2.fees.amount"] == "0.1234"
    assert read(path).value("t2.fees.amount") == Decimal("0.1234")


def test_JSON_seed_reads(seed):
    assert seed.value("t3.total.total") == 8 and seed.stored("t3.new.natural") is None


BAD = [
    ({"form": "ogi-1999"}, "ogi-1999"),
    ({"form": "ogi-2021", "colour": 1}, "colour"),
    ({"form": "ogi-2021", "values": {"t9.x": 1}}, "t9.x"),
    ({"form": "ogi-2021", "values": {"t3.new.natural": -1}}, "t3.new.natural"),
    ({"form": "ogi-2021", "values": {"t3.new.natural": "十二"}}, "十二"),
    ({"form": "ogi-2021", "values": {"t3.new.natural": [1]}}, "t3.new.natural"),
    ({"form": "ogi-2021", "values": {"t3.new.natural": 1.5}}, "整数"),
    ({"form": "ogi-2021", "entered_totals": ["t3.new.natural"]}, "t3.new.natural"),
    ({"form": "ogi-2021", "entered_totals": ["t3.new.total"]}, "t3.new.total"),
    ({"form": "ogi-2021", "meta": {"boss": "x"}}, "boss"),
    ({"form": "ogi-2021", "meta": {"agency": 5}}, "meta"),
    ({"form": "ogi-2021", "texts": {"intro": "x"}}, "intro"),
    ([1, 2], "顶层"),
    ({"form": "x" * 5000}, "…"),  # found by fuzzing: a huge form id crashed the loader (file name too long)
    ({"form": "ogi-2021", "meta": {"k\n" * 9999: "x"}}, "…"),  # hostile keys are echoed on one bounded line
]


@pytest.mark.parametrize("doc,needle", BAD)
def test_JSON_bad_files_refused(tmp_path, doc, needle):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(OgiError) as err:
        read(path)
    assert "bad.json" in err.value.message and needle in err.value.message
    assert "\n" not in err.value.message and len(err.value.message) < 600


@pytest.mark.parametrize(
    "content,needle", [(b"", "0 字节"), (b"\xff\xfe\x00", "UTF-8"), (b'{"form": ', "JSON"), (b"[" * 100000, "嵌套")]
)
def test_JSON_unreadable_bytes(tmp_path, content, needle):
    path = tmp_path / "x.json"
    path.write_bytes(content)
    with pytest.raises(OgiError) as err:
        read(path)
    assert needle in err.value.message
