"""Figures stated in the narrative sections, tied to the table cells they restate.

:mod:`numerals` reads figures, :mod:`spec` compiles the statement patterns a form defines,
:mod:`extract` finds and ties statements, :mod:`draft` writes the statistics paragraph.
"""
