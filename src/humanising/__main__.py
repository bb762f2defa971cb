"""``python -m humanising``: every shipped case and its verdicts, as a table."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Print the casebook table: one row per case, one column per model, then equalising and humanising."""
    from humanising import _table, analyse, casebook

    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments not in ([], ["casebook"]):
        sys.stderr.write("usage: python -m humanising [casebook]\n")
        return 2
    analyses = [analyse(initiative) for initiative in casebook.load_all()]
    sys.stdout.write(_table.casebook_table(analyses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
