"""Valid case files damaged at random: keys deleted, misspelt or given another type or value."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import strategies as st

import humanising

_CASES = [humanising.unstructure(humanising.casebook.load(case_id)) for case_id in humanising.casebook.ids()]
_WORDS = st.sampled_from(["unknown", "partner", "leads", "none", "", "x", "design", "true", "null", "0", "-1"])
_SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=20), _WORDS)


@st.composite
def damaged(draw: st.DrawFn) -> Any:
    """A shipped case with a few keys deleted, duplicated under a near name, or given another type or value."""
    data: Any = json.loads(json.dumps(draw(st.sampled_from(_CASES))))
    for _ in range(draw(st.integers(1, 4))):
        holder = data
        # Walk down a few levels to a mapping or list to damage.
        for _ in range(draw(st.integers(0, 4))):
            children = list(holder.values()) if isinstance(holder, dict) else holder if isinstance(holder, list) else []
            children = [child for child in children if isinstance(child, dict | list) and child]
            if not children:
                break
            holder = draw(st.sampled_from(children))
        if isinstance(holder, dict) and holder:
            key = draw(st.sampled_from(sorted(holder)))
            action = draw(st.sampled_from(["delete", "retype", "misspell"]))
            if action == "delete":
                del holder[key]
            elif action == "retype":
                holder[key] = draw(st.one_of(_SCALARS, st.lists(_SCALARS, max_size=3), st.just({"value": "?"})))
            else:
                holder[key[:-1] or "x"] = holder.pop(key)
        elif isinstance(holder, list) and holder:
            index = draw(st.integers(0, len(holder) - 1))
            holder[index] = draw(_SCALARS)
    return data
