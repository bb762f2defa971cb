"""An initiative as a Mermaid flowchart: who takes part in which stage, and what it equalises.

The one place that draws initiatives; the command line, the reports and the
documentation site all call it.
"""

from __future__ import annotations

import re

from humanising._facts import Identity, Initiative, Involvement, in_stage_order
from humanising._facts._unknown import UNKNOWN
from humanising._reasoning._relations import equalises
from humanising.reports._common import clip

GROUP_NAMES = {
    Identity.SERVICE_USER: "service users",
    Identity.SURVIVOR: "survivors",
    Identity.CARER: "carers and families",
    Identity.MENTAL_HEALTH_PROFESSIONAL: "mental-health professionals",
    Identity.OTHER_PROFESSIONAL: "other professionals",
    Identity.COMMUNITY_MEMBER: "community members",
    Identity.GENERAL_PUBLIC: "the general public",
    Identity.ORGANISATION: "organisations",
}
_IDENTITY_ORDER = {identity: position for position, identity in enumerate(Identity)}
_STRONG = (Involvement.PARTNER, Involvement.LEADS)


def _node(prefix: str, text: str) -> str:
    # Mermaid ids take letters, digits and underscores; '-' becomes '_h' so that 'a-b' and 'a_b' stay apart.
    return prefix + re.sub(r"[^A-Za-z0-9]", lambda match: "_h" if match[0] == "-" else "__", text)


# Mermaid entity codes for what could end a quoted label, open HTML or Markdown inside it, start a
# directive (%%{…}%%) or be read as an entity code itself; whitespace and controls become spaces.
_LABEL_CODES = {
    '"': "#quot;",
    "#": "#35;",
    ";": "#59;",
    "&": "#amp;",
    "<": "#lt;",
    ">": "#gt;",
    "`": "#96;",
    "%": "#37;",
}
_LABEL_UNSAFE = re.compile('["#;&<>`%\x00-\x1f\x7f-\x9f\u2028\u2029]')


def escape_text(text: str) -> str:
    r"""Text as it may stand in a Mermaid label or comment: one line, nothing Mermaid or HTML would read.

    Example:
        >>> escape_text('<img src=x onerror=alert(1)> "a";\nb')
        '#lt;img src=x onerror=alert(1)#gt; #quot;a#quot;#59; b'
    """
    return _LABEL_UNSAFE.sub(lambda match: _LABEL_CODES.get(match[0], " "), clip(text))


def _label(text: str) -> str:
    return f'"{escape_text(text)}"'


def mermaid(initiative: Initiative) -> str:
    """Mermaid flowchart text for an initiative.

    Stakeholders are grouped by identity (a stakeholder with several identities sits
    in the group of the first one, in the order ``Identity`` lists them); an arrow
    runs from each stakeholder to each stage it takes part in, labelled with its
    involvement (thick for partner or leads, dotted for unknown); a dotted link
    joins the two parties of every relationship the initiative narrows.

    Args:
        initiative: The initiative to draw.

    Returns:
        The diagram's text, starting ``flowchart LR``.

    Example:
        >>> import humanising
        >>> text = mermaid(humanising.casebook.load("east-lille-4"))
        >>> 'narrows: information' in text
        True
    """
    lines = ["flowchart LR"]
    groups: dict[Identity, list[str]] = {}
    for stakeholder in sorted(initiative.stakeholders, key=lambda s: s.id):
        first = min(stakeholder.identities, key=_IDENTITY_ORDER.__getitem__)
        groups.setdefault(first, []).append(f"    {_node('s_', stakeholder.id)}[{_label(stakeholder.name)}]")
    for identity in sorted(groups, key=_IDENTITY_ORDER.__getitem__):
        lines.append(f"  subgraph {_node('g_', identity.value)}[{_label(GROUP_NAMES[identity])}]")
        lines.extend(groups[identity])
        lines.append("  end")
    stages = in_stage_order({p.stage for p in initiative.participations})
    if stages:
        lines.append(f"  subgraph stages[{_label('stages')}]")
        lines.extend(f"    {_node('st_', stage.value)}([{_label(stage.words)}])" for stage in stages)
        lines.append("  end")
    for participation in sorted(initiative.participations, key=lambda p: (p.stakeholder, p.stage)):
        source, target = _node("s_", participation.stakeholder), _node("st_", participation.stage.value)
        involvement = participation.involvement
        if involvement is UNKNOWN:
            lines.append(f"  {source} -. {_label('unknown')} .-> {target}")
        elif involvement in _STRONG:
            lines.append(f"  {source} == {_label(involvement.value)} ==> {target}")
        else:
            lines.append(f"  {source} -- {_label(involvement.value)} --> {target}")
    for relationship in equalises(initiative):
        left, right = (_node("s_", party) for party in relationship.between)
        aspect = relationship.aspect.words
        lines.append(f"  {left} -. {_label(f'narrows: {aspect} ({relationship.claim.value})')} .- {right}")
    return "\n".join(lines) + "\n"
