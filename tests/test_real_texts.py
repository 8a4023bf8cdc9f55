"""Placeholders are tokens a template leaves, not letters: real addresses, e-mails and ellipses pass."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ogi.model.checker import Checker
from ogi.model.sample import full_report

CLEAN = [
    "本机关政府信息公开专栏网址为http://www.haimen.gov.cn/hmszjj/xxgk/xxgk_list.shtml，欢迎查阅。",
    "公开指南见 https://www.example.gov.cn/zfxxgk/fdzdgknr/202401/t20240116_2343539.shtml 。",
    "申请可发送至 zfxxgk@haimen.gov.cn 或 xxgk_office@mail.example.com。",
    "访问 xxgk.sjzca.gov.cn/columns/985b429c 可查询。",
    "我局深化政务公开、优化服务……取得了积极成效。",
    "加强平台建设，扩展公开渠道……",
    "部分栏目内容有待补充完善，更新不够及时。",
    "申请人请填写《政府信息公开申请表》后提交。",
    "依据二○○七年公布的条例和二〇〇八年的规定。",
    "全年受理网络问政182件，办理满意率100%。",
    "我局共发布信息249条，其中政策文件9条。",
]
ERRORS = [
    "本年共受理XX件",
    "20XX年，XX局认真贯彻落实条例",
    "ＸＸ单位",
    "共收到申请××件",
    "○○科室负责审核",
    "本机关【】年共受理申请",
    "（待补充）",
    "待填写",
    "……",
    "全年共发布信息……条",
    "共收到X件申请",
]
WARNINGS = ["【单位名称】认真贯彻落实条例", "某某科室负责审核"]


def _findings(form, text: str):
    report = full_report(form)
    report.texts["other"] = text
    return [f for f in Checker(report).findings() if f.rule in ("N-2", "N-3")]


@pytest.mark.parametrize("text", CLEAN)
def test_N_2_real_text_passes(form21, text):
    assert _findings(form21, text) == []


@pytest.mark.parametrize("text", ERRORS)
def test_N_2_template_leftovers_are_errors(form21, text):
    found = _findings(form21, text)
    assert [(f.rule, f.severity, f.section) for f in found][:1] == [("N-2", "error", "other")]


@pytest.mark.parametrize("text", WARNINGS)
def test_N_3_possible_leftovers_are_warnings(form21, text):
    assert [(f.rule, f.severity) for f in _findings(form21, text)] == [("N-3", "warning")]


_PATH = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789_/", min_size=1, max_size=30)


@given(host=st.sampled_from(["www.gov.cn", "xxgk.nantong.gov.cn", "www.zfxxgk.example.com.cn"]), path=_PATH)
def test_N_2_any_address_passes(form21, host, path):
    text = f"详见本机关信息公开专栏（http://{host}/xxgk/{path}），或来信至 xxgk@{host}。"
    assert _findings(form21, text) == []
