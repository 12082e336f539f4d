"""The value-chain diagram as Graphviz DOT: actors, roles, model/data flows, who is exposed.

Pure. Flows are inferred from the roles (a data provider feeds the developer, a GPAI provider
supplies the model, the provider supplies the system to the deployer, the deployer serves the
end user ...) and labelled as such; the exposure of each actor is its strongest likely/possible
findings from the report. Every label is escaped for a DOT quoted string, and no attribute that
can carry a link (URL, href) is ever emitted, so names from a narrative cannot inject anything.
"""

from __future__ import annotations

import re

from assistant.report import Report, ReportFinding
from assistant.vocabulary import PublicStatus, Role

__all__ = ["STATUS_COLOURS", "dot_escape", "value_chain_dot"]

# Fill colours by strongest public status (shared with the findings view).
STATUS_COLOURS = {
    PublicStatus.LIKELY: "#f8d7da",
    PublicStatus.POSSIBLE: "#fff3cd",
    PublicStatus.UNLIKELY: "#e2e3e5",
    PublicStatus.EXCLUDED: "#e2e3e5",
}
_NEUTRAL = "#ffffff"
_RANK = {
    PublicStatus.LIKELY: 3,
    PublicStatus.POSSIBLE: 2,
    PublicStatus.UNLIKELY: 1,
    PublicStatus.EXCLUDED: 0,
}

# Position along the chain (left = upstream) for the roles an actor may hold.
_TIER = {
    Role.DATA_PROVIDER: 0,
    Role.GPAI_PROVIDER: 1,
    Role.COMPONENT_SUPPLIER: 1,
    Role.CLOUD_PROVIDER: 1,
    Role.DEVELOPER: 2,
    Role.FINE_TUNER: 2,
    Role.PROVIDER: 3,
    Role.AUTHORISED_REPRESENTATIVE: 3,
    Role.IMPORTER: 4,
    Role.DISTRIBUTOR: 4,
    Role.FULFILMENT_SERVICE_PROVIDER: 4,
    Role.ONLINE_PLATFORM: 4,
    Role.INTEGRATOR: 5,
    Role.DEPLOYER: 5,
    Role.OPERATOR: 5,
    Role.END_USER: 6,
    Role.AFFECTED_PERSON: 7,
}
# What flows out of an actor holding the role, to the next tier downstream.
_FLOW = {
    Role.DATA_PROVIDER: "training data",
    Role.GPAI_PROVIDER: "general-purpose model",
    Role.COMPONENT_SUPPLIER: "component",
    Role.CLOUD_PROVIDER: "hosting / compute",
    Role.DEVELOPER: "model / system",
    Role.FINE_TUNER: "fine-tuned model",
    Role.PROVIDER: "AI system / product",
    Role.AUTHORISED_REPRESENTATIVE: "AI system / product",
    Role.IMPORTER: "product",
    Role.DISTRIBUTOR: "product",
    Role.FULFILMENT_SERVICE_PROVIDER: "product",
    Role.ONLINE_PLATFORM: "product listing",
    Role.INTEGRATOR: "integrated service",
    Role.DEPLOYER: "output / service",
    Role.OPERATOR: "output / service",
    Role.END_USER: "use",
}
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def dot_escape(text: str, limit: int = 60) -> str:
    """``text`` safe inside a DOT double-quoted string (one line, bounded length)."""
    text = _CONTROL.sub(" ", text).strip()
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text.replace("\\", "\\\\").replace('"', '\\"')


def _tier(roles: list[Role]) -> float:
    tiers = [_TIER[r] for r in roles if r in _TIER]
    return min(tiers) if tiers else 5.5


def _exposure(rows: list[ReportFinding]) -> tuple[list[str], PublicStatus | None]:
    shown = [f for f in rows if f.status in (PublicStatus.LIKELY, PublicStatus.POSSIBLE)]
    shown.sort(key=lambda f: -_RANK[f.status])
    lines = [f"{f.regime.value}: {f.status.value}" for f in shown[:5]]
    if len(shown) > 5:
        lines.append(f"+{len(shown) - 5} more")
    best = max((f.status for f in rows), key=lambda s: _RANK[s], default=None)
    return lines, best


def value_chain_dot(report: Report) -> str:
    """DOT source of the value chain in ``report`` (left to right, upstream first)."""
    out = [
        "digraph value_chain {",
        "  rankdir=LR;",
        '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=11];',
        '  edge [fontname="Helvetica", fontsize=9, color="#555555"];',
    ]
    actors = sorted(enumerate(report.actors), key=lambda p: (_tier(p[1].roles), p[0]))
    by_actor: dict[str, list[ReportFinding]] = {}
    for f in report.findings:
        by_actor.setdefault(f.actor, []).append(f)
    for i, actor in actors:
        roles = ", ".join(r.value for r in actor.roles) or "no role in the chain"
        lines, best = _exposure(by_actor.get(actor.name, []))
        label = "\\n".join(
            [dot_escape(actor.name), dot_escape(roles, 80)] + [dot_escape(x) for x in lines]
        )
        fill = STATUS_COLOURS.get(best, _NEUTRAL) if best else _NEUTRAL
        out.append(f'  a{i} [label="{label}", fillcolor="{fill}"];')
    # Edges: each actor to the nearest actors of a later tier.
    tiers = [(i, _tier(a.roles), a) for i, a in actors]
    for i, tier, actor in tiers:
        later = [t for _, t, _ in tiers if t > tier]
        if not later:
            continue
        nxt = min(later)
        # An actor's output is what its most downstream role hands on (developer + provider:
        # the AI system, not the bare model).
        flow_roles = [r for r in actor.roles if r in _FLOW]
        flow = _FLOW[max(flow_roles, key=lambda r: _TIER[r])] if flow_roles else "supplies"
        for j, t, _ in tiers:
            if t == nxt:
                out.append(f'  a{i} -> a{j} [label="{dot_escape(flow)}"];')
    if not report.actors:
        out.append('  empty [label="no actors known yet", shape=plaintext];')
    out.append("}")
    return "\n".join(out)
