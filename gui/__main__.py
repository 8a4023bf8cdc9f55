"""``python -m gui [FILE]`` opens the window (same as the ``ogi-report`` command)."""

import sys

from gui.app import main

sys.exit(main())
