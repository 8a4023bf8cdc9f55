"""FUZZ: mutated report files end in a valid report or a clear one-line error — never a traceback or a hang."""

from __future__ import annotations

import pytest

from ogi.formats import registry
from tests.tools.fuzzing import fuzz


@pytest.mark.parametrize("suffix", sorted(registry()))
def test_FUZZ_readers_never_crash(tmp_path, suffix):
    counts, bugs = fuzz(tmp_path, suffix, cases=150, seed=7)
    assert bugs == []
    assert counts["refused"] > 0 and sum(counts.values()) == 150
