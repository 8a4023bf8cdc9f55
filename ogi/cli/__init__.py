"""The command line (``ogi``) and the self-test: the top layer of the Qt-free core."""

from ogi.cli.main import main

__all__ = ["main"]
