"""The Mozilla announcement post (WordPress JSON) is split into sections in order."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from assistant.corpus.post_reader import post_tree
from assistant.corpus.tree import NodeKind
from assistant.errors import CorpusError
from assistant.vocabulary import ActCode


def _tree(data: bytes):  # type: ignore[no-untyped-def]
    return post_tree(data, act=ActCode.MOZILLA_POST, version=date(2025, 4, 1), title="t", url=None)


def test_the_mirror_post_has_four_sections_in_order(corpus_sources: Path) -> None:
    tree = _tree((corpus_sources / "MOZILLA_POST.json").read_bytes())
    ids = [n.id for n in tree.children]
    assert ids == [f"MOZILLA_POST §{n}" for n in range(1, len(ids) + 1)]
    assert len(ids) == 4
    headings = [n.heading for n in tree.children]
    assert headings[3] == "Why Now?"
    assert "problem of many hands" in (headings[1] or "")
    assert "3-step analysis" in tree.children[2].text  # the bullet list stays in its section
    assert tree.url is not None and tree.url.startswith("https://blog.mozilla.org/")
    assert all(n.kind is NodeKind.REPORT_SECTION for n in tree.children)


def test_headings_as_h2_work_too() -> None:
    post = {
        "title": {"rendered": "A post"},
        "link": "https://example.org/p",
        "content": {"rendered": "<p>Lead.</p><h2>First</h2><p>One.</p><h3>Second</h3><p>Two.</p>"},
    }
    tree = _tree(json.dumps(post).encode())
    assert [(n.id, n.heading, n.text) for n in tree.children] == [
        ("MOZILLA_POST §1", "A post", "Lead."),
        ("MOZILLA_POST §2", "First", "One."),
        ("MOZILLA_POST §3", "Second", "Two."),
    ]


def test_not_a_post_is_a_clear_error() -> None:
    with pytest.raises(CorpusError, match="WordPress"):
        _tree(b"<html>error page</html>")
