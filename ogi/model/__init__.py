"""The model: a form definition (``forms/``) becomes a :class:`~ogi.model.schema.Form`; a
:class:`~ogi.model.report.Report` holds one body's figures and texts against it; the rules
(:mod:`ogi.model.rules`) and the :class:`~ogi.model.checker.Checker` turn it into findings.

Everything above this layer (file formats, printed outputs, the command line, the window) reads
the model and never the other way round.
"""
