"""REL-EDIT: a window killed at random moments while being edited loses no committed edit."""

import pytest

from tests.tools.edit_trials import run_trials


@pytest.mark.slow
def test_REL_EDIT_killed_while_editing_recovers_every_committed_edit(tmp_path):
    failures, edits = run_trials(tmp_path, trials=6, seed=3, max_seconds=2.5)
    assert failures == []
    assert edits > 0  # the kills did land after some edits were committed
