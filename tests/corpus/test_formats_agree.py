"""The official EUR-Lex sample and the Markdown copy of an act give the same tree."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.corpus.lines import normalise_text
from assistant.corpus.manifest import Manifest
from assistant.corpus.tree import ActTree

PAIRS = [
    "AI_ACT@2024-07-12",
    "AI_ACT@2026-07-27",
    "AI_OMNIBUS_2026@2026-07-24",
    "GDPR@2016-05-04",
    "CRA@2024-11-20",
    "NIS2@2022-12-27",
    "DCD_2019@2019-05-22",
]


def _shape(tree: ActTree) -> dict[str, tuple[str, str | None, tuple[str, ...]]]:
    return {
        n.id: (normalise_text(n.text), n.heading, tuple(n.amended_by))
        for n in tree.citable()
        if n.id is not None
    }


@pytest.mark.parametrize("key", PAIRS)
def test_official_and_markdown_give_the_same_tree(
    mirror_trees: dict[tuple[str, str], ActTree], key: str
) -> None:
    official = _shape(mirror_trees[(key, "official")])
    markdown = _shape(mirror_trees[(key, "markdown")])
    assert official.keys() == markdown.keys()
    differing = [k for k in official if official[k] != markdown[k]]
    assert not differing, differing[:5]
    assert len(official) > 100


@pytest.mark.parametrize(
    ("english", "french"),
    [("GDPR@2016-05-04", "GDPR@2016-05-04.fr"), ("AI_ACT@2026-07-27", "AI_ACT@2026-07-27.fr")],
)
def test_french_text_has_the_same_ids(
    mirror_trees: dict[tuple[str, str], ActTree], english: str, french: str
) -> None:
    en = mirror_trees[(english, "official")]
    fr = mirror_trees[(french, "official")]
    assert fr.language == "fr"
    assert [n.id for n in fr.citable()] == [n.id for n in en.citable()]
    # same amendment markers too
    assert [n.amended_by for n in fr.citable()] == [n.amended_by for n in en.citable()]


def test_french_text_is_french(mirror_trees: dict[tuple[str, str], ActTree]) -> None:
    fr = mirror_trees[("GDPR@2016-05-04.fr", "official")].index()
    assert "responsable du traitement" in fr["GDPR Art 82(2)"].text
    ai = mirror_trees[("AI_ACT@2026-07-27.fr", "official")].index()
    assert "modification substantielle" in ai["AI_ACT Art 25(1)(b)"].text


def test_legacy_eurlex_html_gives_the_same_tree_as_the_text_copy(
    mirror_trees: dict[tuple[str, str], ActTree], corpus_sources: Path, manifest: Manifest
) -> None:
    """Old EUR-Lex pages (85/374/EEC) are plain paragraphs; the mirror is their text."""
    import html

    from assistant.corpus.manifest import SourceFormat
    from assistant.corpus.parse import parse_source

    text = (corpus_sources / "PLD_1985.md").read_text(encoding="utf-8")
    body = "".join(
        f"<p>{html.escape(line.strip())}</p>\n"
        for line in text.splitlines()
        if line.strip() and not line.startswith("<!--")
    )
    page = f"<html><head><title>EUR-Lex</title></head><body>{body}</body></html>"
    entry = manifest.get("PLD_1985@1985-08-07")
    assert entry is not None
    from_html = parse_source(page.encode(), SourceFormat.LEGACY_HTML, entry)
    assert _shape(from_html) == _shape(mirror_trees[("PLD_1985@1985-08-07", "markdown")])
