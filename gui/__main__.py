"""``python -m ogi_gui`` (and the frozen bundle's entry script) start the window."""

import sys

from ogi_gui.launch import main

sys.exit(main())
