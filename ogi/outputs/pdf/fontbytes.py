"""A font file's bytes, read where reportlab asks for them instead of all at once.

reportlab keeps the whole font file in memory (``_ttf_data``) and, to cut a subset, copies its
whole glyph table. For the bundled 仿宋 substitute that is 20 MB read and 15 MB copied at every
start, and 20 MB held for as long as the window is open, to embed a few hundred glyphs. A face
loaded from the cache (:mod:`ogi.outputs.pdf.fontcache`, which never parses) reads instead only the
tables and glyphs a subset needs, from a file handle opened when the face was checked: on POSIX a
font file replaced meanwhile (a system update renames a new one into place) keeps being read as
the file that was checked, and on Windows an open font file cannot be replaced at all.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path


class FontBytes:
    """The bytes of one font file as a read-only sequence: ``data[a:b]`` and ``data[i]``, like ``bytes``."""

    def __init__(self, path: Path) -> None:
        self._file = open(path, "rb")  # noqa: SIM115  (held for the process: faces are loaded once)
        self._size = os.fstat(self._file.fileno()).st_size
        self._lock = threading.Lock()  # a print in the window and one in a worker may read at once

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, key: int | slice) -> bytes | int:
        if isinstance(key, slice):
            start, stop, step = key.indices(self._size)
            if step != 1:
                raise ValueError("font bytes are read in runs")
            return self.read(start, max(0, stop - start))
        index = key + self._size if key < 0 else key
        if not 0 <= index < self._size:
            raise IndexError("font offset out of range")
        return self.read(index, 1)[0]

    def read(self, start: int, length: int) -> bytes:
        with self._lock:
            self._file.seek(start)
            data = self._file.read(length)
        if len(data) != length:  # the file was cut short under us: as reportlab fails on short data
            raise OSError(f"font file shorter than expected: {self._file.name}")
        return data


class Window:
    """One table of the font (the glyph table) as a sequence of its own: slices read from the file."""

    def __init__(self, data: FontBytes, offset: int, length: int) -> None:
        self.data, self.offset, self.length = data, offset, length

    def __len__(self) -> int:
        return self.length

    def __getitem__(self, key: slice) -> bytes:
        start, stop, _ = key.indices(self.length)
        return self.data.read(self.offset + start, max(0, stop - start))
