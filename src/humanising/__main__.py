"""``python -m humanising``: the ``humanising`` command; with no arguments, every shipped case and its verdicts."""

from __future__ import annotations

from humanising.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
