"""Data only: bundled fonts (with their licences), icons and translations, installed as ``ogi.resources``
(see ``ogi.paths``)."""
