"""The Qt layer of ogi-report: windows, views and dialogs over the ``ogi`` core."""

from . import compat  # noqa: F401  (first: neutralises a reference-count defect of the Qt binding)
