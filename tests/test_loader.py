"""FORM: both editions load; broken form files are refused naming the file and the key."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from ogi.model.loader import available_forms, load_form, load_form_file
from ogi.model.messages import OgiError


def test_FORM_both_editions_load(form21, form19):
    assert available_forms() == ["ogi-2021", "ogi-2019"]
    assert (len(form21.cells), len(form19.cells)) == (10 + 175 + 15, 22 + 161 + 15)
    assert [s.title for s in form21.sections] == [
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ]


def test_FORM_labels_are_character_exact(form21, form19):
    labels21 = {leaf.labels[-1] for b in form21.tables["t3"].blocks for leaf in b.row_leaves}
    assert "3.危及\u201c三安全一稳定\u201d" in labels21
    assert "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" in labels21
    assert form21.tables["t3"].blocks[0].corner == "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    assert form21.cells["t2.fees.amount"].column.labels == ("本年收费金额（单位：万元）",)
    assert form19.cells["t2.licensing.change"].column.labels == ("本年增/减",)
    assert form19.cells["t2.licensing.change"].type.signed
    assert form21.cells["t2.fees.amount"].type.kind == "decimal"


def test_FORM_stable_cell_ids_are_documented(form21, form19):
    """Saved files depend on cell ids: every shipped id must be listed in docs/cell-ids.md."""
    from pathlib import Path

    doc = (Path(__file__).parent.parent / "docs" / "cell-ids.md").read_text(encoding="utf-8")
    for form in (form21, form19):
        for cell in form.cells:
            assert f"`{cell}`" in doc, cell


def _broken(tmp_path, mutate, name="ogi-test.json"):
    data = json.loads(Path(load_form("ogi-2021").source).read_text(encoding="utf-8"))
    mutate(data)
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _rule(data, rid):
    return next(r for r in data["rules"] if r["id"] == rid)


CASES = {
    "unknown_key": (lambda d: d["sections"][2]["table"].update(colour="red"), "FORM_UNKNOWN_KEY", "colour"),
    "unknown_rule_key": (lambda d: _rule(d, "T3-1").update(weight=2), "FORM_UNKNOWN_KEY", "weight"),
    "missing_key": (lambda d: d["meta"][0].pop("label"), "FORM_MISSING_KEY", "label"),
    "duplicate_rule_id": (lambda d: d["rules"].append(copy.deepcopy(d["rules"][0])), "FORM_DUPLICATE_ID", "T3-3"),
    "duplicate_cell_id": (
        lambda d: d["sections"][1]["table"]["blocks"][0]["rows"].append({"key": "regulation", "label": "规章"}),
        "FORM_DUPLICATE_ID",
        "t2.regulation.issued",
    ),
    "rule_names_missing_cell": (lambda d: _rule(d, "T3-1")["left"].append("nowhere"), "FORM_MISSING_CELL", "nowhere"),
    "total_names_missing_cell": (lambda d: _rule(d, "T4-1").update(total="{}.sum"), "FORM_MISSING_CELL", "review.sum"),
    "bad_severity": (lambda d: _rule(d, "T3-1").update(severity="fatal"), "FORM_BAD_VALUE", "severity"),
    "unknown_type": (
        lambda d: d["sections"][1]["table"]["blocks"][0]["columns"][0].update(type="weird"),
        "FORM_BAD_VALUE",
        "type",
    ),
    "width": (lambda d: d["sections"][1]["table"]["blocks"][1]["columns"][0].update(span=2), "FORM_WIDTH", "3"),
    "cycle": (
        lambda d: d["rules"].append(
            {
                "id": "X",
                "kind": "sum",
                "severity": "error",
                "table": "t3",
                "each": "column",
                "computed": True,
                "total": "granted",
                "parts": ["total"],
                "message": "x",
            }
        ),
        "FORM_CYCLE",
        "t3.granted",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_FORM_broken_definition_refused(tmp_path, case):
    mutate, code, key = CASES[case]
    with pytest.raises(OgiError) as err:
        load_form_file(_broken(tmp_path, mutate))
    assert err.value.code == code
    assert "ogi-test.json" in err.value.message and key in err.value.message


def test_FORM_duplicate_json_key_refused(tmp_path):
    path = tmp_path / "dup.json"
    path.write_text('{"form": "a", "form": "b"}', encoding="utf-8")
    with pytest.raises(OgiError) as err:
        load_form_file(path)
    assert err.value.code == "FORM_DUPLICATE_KEY" and "dup.json" in err.value.message


def test_FORM_syntax_error_names_line(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{\n"form": \n}', encoding="utf-8")
    with pytest.raises(OgiError) as err:
        load_form_file(path)
    assert "bad.json" in err.value.message and "第 3 行" in err.value.message


def test_FORM_unknown_edition():
    with pytest.raises(OgiError) as err:
        load_form("ogi-1999")
    assert "ogi-1999" in err.value.message and "ogi-2021" in err.value.message


def test_FORM_new_edition_is_data_only(tmp_path, monkeypatch):
    """A copy of the 2021 file under a new id loads and checks with no code change."""
    import ogi.model.loader as loader

    forms = tmp_path / "forms"
    forms.mkdir()
    _broken(forms, lambda d: d.update(form="ogi-2099", edition="2099"), name="ogi-2099.json")
    monkeypatch.setattr(loader, "FORMS_DIR", forms)
    loader.load_form.cache_clear()
    try:
        from ogi.model.checker import Checker
        from ogi.model.sample import full_report

        assert Checker(full_report(load_form("ogi-2099"))).findings() == []
    finally:
        loader.load_form.cache_clear()
