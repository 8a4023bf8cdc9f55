"""Data only: the statutory form definitions, one JSON file per format edition, installed as ``ogi.forms``
(see ``ogi.paths``). A new edition is a new file here, never new code."""
