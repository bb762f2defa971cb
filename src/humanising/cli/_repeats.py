"""Ids seen before, kept as 8-byte digests in an open-addressing table: 16 to 32 bytes an id, however long.

A stream of any length is checked for repeated ids without holding the ids. Each id is kept
as the first 8 bytes of its BLAKE2b digest, in a flat array of 64-bit slots at most half
full: 16 to 32 bytes an id (17 MB at a million ids), against some 100 for a Python set of
the same digests. Two different
ids share a digest with a chance of about n²/2⁶⁵ over n ids (the birthday bound): 3 in 100
million at a million ids, 3 in 10,000 at 100 million. Such a pair would be reported as a
repeat, never missed: a repeat is always reported.
"""

from __future__ import annotations

import hashlib
from array import array

_EMPTY = 0
_FIRST_SLOTS = 1 << 10


def _digest(id_: str) -> int:
    # 0 marks an empty slot, so a digest of 0 is kept as 1.
    return int.from_bytes(hashlib.blake2b(id_.encode("utf-8"), digest_size=8).digest(), "little") or 1


class SeenIds:
    """Which ids have been added, by digest.

    Example:
        >>> seen = SeenIds()
        >>> seen.add("sleepwell"), seen.add("mhf-wales"), seen.add("sleepwell")
        (True, True, False)
        >>> len(seen), "mhf-wales" in seen, "east-lille" in seen
        (2, True, False)
    """

    def __init__(self) -> None:
        self._slots = array("Q", bytes(8 * _FIRST_SLOTS))
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def __contains__(self, id_: str) -> bool:
        slots = self._slots
        mask = len(slots) - 1
        digest = _digest(id_)
        slot = digest & mask
        while (held := slots[slot]) != _EMPTY:
            if held == digest:
                return True
            slot = (slot + 1) & mask
        return False

    def add(self, id_: str) -> bool:
        """Add ``id_``: true if it is new, false if it (or an id with the same digest) was added before."""
        if not self._place(self._slots, _digest(id_)):
            return False
        self._count += 1
        if 2 * self._count > len(self._slots):
            self._grow()
        return True

    @staticmethod
    def _place(slots: array[int], digest: int) -> bool:
        """Put ``digest`` in ``slots`` (linear probing); false if it is there already."""
        mask = len(slots) - 1
        slot = digest & mask
        while True:
            held = slots[slot]
            if held == _EMPTY:
                slots[slot] = digest
                return True
            if held == digest:
                return False
            slot = (slot + 1) & mask

    def _grow(self) -> None:
        grown = array("Q", bytes(16 * len(self._slots)))
        for digest in self._slots:
            if digest != _EMPTY:
                self._place(grown, digest)
        self._slots = grown
