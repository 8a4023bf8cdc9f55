"""Shared fixtures. Qt always runs offscreen in tests, set before any Qt import."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests explore fresh examples on a developer's machine; CI (.ci/run sets HYPOTHESIS_PROFILE=ci) replays a
# fixed seed so a verdict on main is reproducible, and a failure prints the blob that reproduces it.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OPENPYXL_LXML", "False")  # as ogi.formats.xlsx does, before a test imports openpyxl

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def form21():
    from ogi.model.loader import load_form

    return load_form("ogi-2021")


@pytest.fixture(scope="session")
def form19():
    from ogi.model.loader import load_form

    return load_form("ogi-2019")


@pytest.fixture()
def seed():
    """The published 2023 report of 南通市海门区住房建设服务中心, typed in as published."""
    from ogi.formats.jsonfile import read

    return read(DATA / "seed-2023.json")
