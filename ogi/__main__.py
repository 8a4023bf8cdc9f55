"""``python -m ogi`` is the ``ogi`` command."""

from ogi.cli.main import run

run()
