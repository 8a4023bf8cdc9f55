"""The Qt layer of ogi-report: windows, views and dialogs over the ``ogi`` core."""
