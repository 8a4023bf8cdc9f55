"""``python -m ogi`` is the ``ogi`` command."""

import sys

from .cli import main

sys.exit(main())
