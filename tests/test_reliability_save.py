"""REL-SAVE: killed mid-save, the file is always the complete old or the complete new version."""

from __future__ import annotations

import pytest

from ogi.formats import registry
from tests.tools.kill_trials import run_trials


@pytest.mark.slow
@pytest.mark.parametrize("suffix", sorted(registry()))
def test_REL_SAVE_killed_mid_save_leaves_old_or_new(tmp_path, suffix):
    failures = run_trials(tmp_path, suffix, trials=24, seed=1)
    assert failures == []
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert len(leftovers) <= 2 * 24  # a kill can strand the new file's and the backup's temp file; later saves sweep them


@pytest.mark.slow
@pytest.mark.parametrize("fault", ["symlink", "shared_mode"])
def test_REL_SAVE_killed_mid_save_through_link_and_on_shared_mode(tmp_path, fault):
    assert run_trials(tmp_path, ".json", trials=10, seed=2, fault=fault) == []
