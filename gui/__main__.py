"""``python -m gui [FILE]`` opens the window (same as the ``ogi-report`` command)."""

import sys

from .launch import main

sys.exit(main())
