"""PDF parsing with pypdf on generated PDFs: the Mozilla report layout and an OJ act layout."""

from __future__ import annotations

from datetime import date

import pytest

from assistant.corpus.build_act import ActMeta, build_tree
from assistant.corpus.pdf_reader import lines_from_pdf, report_tree, strip_running_lines
from assistant.corpus.tree import NodeKind, SourceStatus
from assistant.errors import CorpusError
from assistant.vocabulary import ActCode

from .pdf_samples import REPORT_SECTIONS, RUNNING_HEADER, act_pdf, report_pdf


@pytest.fixture(scope="module")
def report() -> bytes:
    return report_pdf()


def test_report_sections_are_numbered_and_nested(report: bytes) -> None:
    tree = report_tree(
        report, act=ActCode.MOZILLA_REPORT, version=date(2025, 4, 1), title="t", url="https://x"
    )
    index = tree.index()
    expected = [f"MOZILLA_REPORT §{n}" for n, _, _ in REPORT_SECTIONS]
    assert [i for i in index if i != "MOZILLA_REPORT §0"] == expected
    assert [c.id for c in index["MOZILLA_REPORT §2"].children] == [
        "MOZILLA_REPORT §2.1",
        "MOZILLA_REPORT §2.2",
    ]
    assert index["MOZILLA_REPORT §2.1"].heading == "Fault-based liability"
    assert "inner workings of a model" in index["MOZILLA_REPORT §2.1"].text
    assert "Sample Report on Liability" in index["MOZILLA_REPORT §0"].text  # title page
    assert tree.count(NodeKind.REPORT_SECTION) == len(REPORT_SECTIONS) + 1


def test_report_drops_headers_footers_and_footnotes(report: bytes) -> None:
    tree = report_tree(
        report, act=ActCode.MOZILLA_REPORT, version=date(2025, 4, 1), title="t", url=None
    )
    text = "\n".join(n.text for n in tree.walk())
    assert RUNNING_HEADER not in text
    assert "Page 2" not in text and "Page 3" not in text
    assert "A footnote that explains" not in text
    assert "imaginary study" not in text


def test_running_lines_are_found_by_repetition() -> None:
    words = ["alpha", "bravo", "charlie", "delta", "echo"]
    pages = [f"HEADER LINE\n{w} starts here\n{w} ends here\n{i} / 9" for i, w in enumerate(words)]
    kept = strip_running_lines(pages)
    assert all("HEADER LINE" not in page for page in kept)
    assert kept[0] == ["alpha starts here", "alpha ends here"]


@pytest.mark.parametrize("plain_notes", [False, True])
def test_act_pdf_gives_the_same_structure_as_the_mirror_would(plain_notes: bool) -> None:
    lines = lines_from_pdf(act_pdf(plain_notes=plain_notes))
    meta = ActMeta(
        act=ActCode.PLD_2024, version=date(2025, 1, 1), title="sample", status=SourceStatus.IN_FORCE
    )
    tree = build_tree(lines, meta)
    index = tree.index()
    assert tree.count(NodeKind.ARTICLE) == 3
    assert tree.count(NodeKind.RECITAL) == 1
    assert index["PLD_2024 Art 1"].heading == "Purpose"
    assert "several lines" in index["PLD_2024 Art 1(1)"].text  # wrapped lines joined
    assert index["PLD_2024 Art 1(2)(b)"].text.startswith("a second topic")
    assert index["PLD_2024 Art 2(2)(b)"].text == "puts a name on it."
    assert "nothing of substance" in index["PLD_2024 Art 3 subparagraph 2"].text
    everything = "\n".join(n.full_text() for n in tree.children)
    assert "OJ C 999" not in everything  # footnote dropped
    assert "ELI:" not in everything and "EN OJ L" not in everything  # running lines dropped


def test_a_broken_pdf_is_a_clear_error() -> None:
    with pytest.raises(CorpusError, match="could not read the PDF"):
        lines_from_pdf(b"%PDF-1.7 this is not really a pdf")
