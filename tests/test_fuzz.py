"""FUZZ: mutated report files end in a valid report or a clear one-line error — never a traceback or a hang."""

from __future__ import annotations

import pytest

from ogi.formats import registry
from tests.tools.fuzzing import fuzz, fuzz_hostile


@pytest.mark.parametrize("suffix", sorted(registry()))
def test_FUZZ_readers_never_crash(tmp_path, suffix):
    counts, bugs = fuzz(tmp_path, suffix, cases=150, seed=7)
    assert bugs == []
    assert counts["refused"] > 0 and sum(counts.values()) == 150


def test_FUZZ_hostile_classes_never_crash(tmp_path):
    """Every attack class of the outside review (identity far and wide, floods, encrypted members,
    formulas, stray text, JSON big integers, lone surrogates, control characters, nesting)."""
    counts, bugs = fuzz_hostile(tmp_path, cases=52, seed=12)
    assert bugs == []
    assert counts["report"] > 0 and counts["refused"] > 0
