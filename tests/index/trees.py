"""Small hand-built provision trees for the fast tests (our own wording, not the acts')."""

from __future__ import annotations

from datetime import date

from assistant.corpus.tree import ActTree, NodeKind, Provision, SourceStatus
from assistant.vocabulary import ActCode


def para(pid: str, label: str, text: str, points: list[tuple[str, str]] | None = None) -> Provision:
    """A numbered paragraph with optional points."""
    children = [
        Provision(id=f"{pid}({p})", kind=NodeKind.POINT, label=f"({p})", text=t)
        for p, t in (points or [])
    ]
    return Provision(id=pid, kind=NodeKind.PARAGRAPH, label=label, text=text, children=children)


def article(act: str, num: str, heading: str, paras: list[Provision], text: str = "") -> Provision:
    """An article node."""
    return Provision(
        id=f"{act} Art {num}",
        kind=NodeKind.ARTICLE,
        label=f"Article {num}",
        heading=heading,
        text=text,
        heading_path=["CHAPTER I General"],
        url=f"https://example.test/{act}#art_{num}",
        children=paras,
    )


def recital(act: str, num: int, text: str) -> Provision:
    """A recital node."""
    return Provision(id=f"{act} Recital {num}", kind=NodeKind.RECITAL, label=f"({num})", text=text)


def pld() -> ActTree:
    """A tiny product liability directive."""
    a = "PLD_2024"
    return ActTree(
        act=ActCode.PLD_2024,
        version=date(2024, 11, 18),
        title="Product liability (test)",
        status=SourceStatus.IN_FORCE,
        children=[
            recital(a, 1, "Victims of unsafe goods deserve a fair way to be paid for harm."),
            recital(
                a,
                2,
                "Software such as apps and firmware counts as a product whatever the way it is supplied.",
            ),
            Provision(
                kind=NodeKind.CHAPTER,
                label="CHAPTER II",
                heading="Liability",
                children=[
                    article(
                        a,
                        "8",
                        "Who answers for a defective product",
                        [
                            para(
                                f"{a} Art 8(1)",
                                "1.",
                                "These operators answer for damage:",
                                [
                                    ("a", "the maker of the defective product;"),
                                    ("b", "the maker of a defective component built into it;"),
                                    (
                                        "c",
                                        "for makers outside the Union, the importer or the representative.",
                                    ),
                                ],
                            ),
                            para(
                                f"{a} Art 8(2)",
                                "2.",
                                "Whoever substantially changes a product outside the maker's control counts as its maker.",
                            ),
                        ],
                    ),
                    article(
                        a,
                        "10",
                        "Burden of proof",
                        [
                            para(
                                f"{a} Art 10(1)",
                                "1.",
                                "The claimant shows the defect, the damage and the causal link.",
                            ),
                            para(
                                f"{a} Art 10(4)",
                                "4.",
                                "Courts presume the defect where technical complexity makes proof excessively hard.",
                            ),
                        ],
                    ),
                    article(
                        a,
                        "16",
                        "Limitation period",
                        [
                            para(
                                f"{a} Art 16(1)",
                                "1.",
                                "Claims must be brought within three years of learning of the damage.",
                            )
                        ],
                    ),
                ],
            ),
        ],
    )


def ai_act(version: date, *, recitals: bool) -> ActTree:
    """AI Act test text: the consolidated version has articles, the original recitals."""
    a = "AI_ACT"
    children: list[Provision] = []
    if recitals:
        children += [
            recital(
                a,
                97,
                "General-purpose models are defined by their generality and wide range of tasks.",
            ),
            recital(
                a, 132, "People should know when they chat with a machine rather than a human."
            ),
        ]
    else:
        children += [
            article(
                a,
                "25",
                "Responsibilities along the value chain",
                [
                    para(
                        f"{a} Art 25(1)",
                        "1.",
                        "A deployer or distributor that puts its own name on a high-risk system or substantially modifies it becomes its provider.",
                    )
                ],
            ),
            article(
                a,
                "50",
                "Transparency for certain systems",
                [
                    para(
                        f"{a} Art 50(1)",
                        "1.",
                        "Providers design chatbots so that people are told they are interacting with an AI system.",
                    )
                ],
            ),
        ]
    return ActTree(
        act=ActCode.AI_ACT,
        version=version,
        title="AI Act (test)",
        status=SourceStatus.IN_FORCE if recitals else SourceStatus.CONSOLIDATED,
        children=children,
    )


def aild() -> ActTree:
    """The withdrawn proposal, with a presumption that overlaps PLD wording on purpose."""
    a = "AILD_PROPOSAL"
    return ActTree(
        act=ActCode.AILD_PROPOSAL,
        version=date(2022, 9, 28),
        title="AI liability proposal (test)",
        status=SourceStatus.WITHDRAWN_PROPOSAL,
        children=[
            article(
                a,
                "4",
                "Presumption of causal link",
                [
                    para(
                        f"{a} Art 4(1)",
                        "1.",
                        "Courts presume the causal link between fault and the AI output in damage claims.",
                    )
                ],
            )
        ],
    )


def gdpr_fr() -> ActTree:
    """One GDPR article in French (our own wording)."""
    return ActTree(
        act=ActCode.GDPR,
        version=date(2016, 5, 4),
        title="RGPD (test)",
        status=SourceStatus.IN_FORCE,
        language="fr",
        children=[
            article(
                "GDPR",
                "82",
                "Droit à réparation et responsabilité",
                [
                    para(
                        "GDPR Art 82(1)",
                        "1.",
                        "Toute personne ayant subi un dommage du fait d'une violation a droit à réparation.",
                    )
                ],
            )
        ],
    )


def gdpr_en() -> ActTree:
    """The same GDPR article in English (our own wording)."""
    return ActTree(
        act=ActCode.GDPR,
        version=date(2016, 5, 4),
        title="GDPR (test)",
        status=SourceStatus.IN_FORCE,
        children=[
            article(
                "GDPR",
                "82",
                "Right to compensation and liability",
                [
                    para(
                        "GDPR Art 82(1)",
                        "1.",
                        "Anyone harmed by an infringement may obtain compensation from the controller or processor.",
                    )
                ],
            )
        ],
    )


def small_corpus() -> list[ActTree]:
    """All of the above."""
    return [
        pld(),
        ai_act(date(2024, 7, 12), recitals=True),
        ai_act(date(2026, 7, 27), recitals=False),
        aild(),
        gdpr_en(),
        gdpr_fr(),
    ]
