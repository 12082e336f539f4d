"""Small PDFs generated with fpdf2 that look like the real ones (our own wording, no legal text).

A report with a title page, numbered sections and subsections, footnote markers in the text and
footnotes at page bottoms, a running header and page-number footer; and an act in the Official
Journal layout (running header/footer, "Article N" + title, numbered paragraphs, points,
footnotes "(N) OJ ...").
"""

from __future__ import annotations

from fpdf import FPDF

REPORT_SECTIONS: list[tuple[str, str, list[str]]] = [
    (
        "1",
        "Introduction",
        [
            "Many hands shape an AI system before it reaches the person it harms. This sample text "
            "stands in for a policy report so that the parser can be tested without the real one.1",
            "The sections below follow a numbered outline with two levels of headings.",
        ],
    ),
    (
        "2",
        "Choosing a liability regime",
        [
            "A claimant first asks which body of rules governs the claim. Fault rules ask whether "
            "someone acted carelessly, while strict rules ask only whether a defect caused harm.2",
        ],
    ),
    (
        "2.1",
        "Fault-based liability",
        [
            "Under fault rules the injured person must show careless conduct, which is hard when "
            "the inner workings of a model are opaque to outsiders. " * 3,
        ],
    ),
    (
        "2.2",
        "Product and strict liability",
        [
            "Strict rules move the focus to the product and its defect. " * 4,
        ],
    ),
    (
        "3",
        "Sharing liability along the value chain",
        [
            "Several actors may each carry part of the responsibility: those who build models, "
            "those who adapt them, and those who put them to use.3 " * 2,
        ],
    ),
    (
        "3.1",
        "Contracts between businesses",
        [
            "Indemnities and caps in contracts move costs between businesses but cannot take away "
            "the rights of injured third parties.",
        ],
    ),
    (
        "4",
        "Information asymmetries",
        [
            "Access to evidence and eased burdens of proof help claimants who cannot see inside "
            "the system. " * 5,
        ],
    ),
]
REPORT_NOTES = {
    1: "1 A footnote that explains the first point in more detail.",
    2: "2 Another footnote, with a reference to an imaginary study (2024).",
    3: "3 The third footnote at the bottom of a later page.",
}
RUNNING_HEADER = "Sample Report on Liability - Test Edition"


class _Report(FPDF):
    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font("Helvetica", "I", 8)
        self.cell(0, 6, RUNNING_HEADER, align="C", new_x="LMARGIN", new_y="NEXT")
        self.ln(4)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Helvetica", "", 8)
        self.cell(0, 6, f"Page {self.page_no()}", align="C")


def report_pdf() -> bytes:
    """A multi-page report: title page, then one or two sections per page, footnotes."""
    pdf = _Report(format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 20)
    pdf.multi_cell(0, 12, "Sample Report on Liability", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 12)
    pdf.multi_cell(0, 8, "A. Author, for testing only, 2025", new_x="LMARGIN", new_y="NEXT")
    pages = [REPORT_SECTIONS[0:2], REPORT_SECTIONS[2:4], REPORT_SECTIONS[4:6], REPORT_SECTIONS[6:]]
    for chunk in pages:
        pdf.add_page()
        notes: list[str] = []
        for number, title, paragraphs in chunk:
            pdf.set_font("Helvetica", "B", 13)
            sep = ". " if "." not in number else " "
            pdf.multi_cell(0, 8, f"{number}{sep}{title}", new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("Helvetica", "", 11)
            for para in paragraphs:
                pdf.multi_cell(0, 6, para.strip(), new_x="LMARGIN", new_y="NEXT")
                pdf.ln(2)
                for n, note in REPORT_NOTES.items():
                    if para.strip().endswith(str(n)) or f".{n} " in para:
                        notes.append(note)
        pdf.set_font("Helvetica", "", 8)
        pdf.set_y(-40)
        for note in dict.fromkeys(notes):
            pdf.multi_cell(0, 4, note, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


ACT_PAGES: list[list[str]] = [
    [
        "Article 1",
        "Purpose",
        "1. This sample directive sets out invented rules so that the parser of act PDFs can be "
        "exercised on a file whose layout matches the Official Journal, including hard line "
        "breaks inside long paragraphs that run over several lines.",
        "2. It covers:",
        "(a) the first invented topic, which is described here in enough words to wrap;",
        "(b) a second topic with a footnote marker (1); and",
        "(c) a third topic.",
        "Article 2",
        "Definitions",
        "For the purposes of this sample, the following definitions apply:",
        "(1) 'widget' means an imaginary object used only in tests;",
        "(2) 'maker' means any person who:",
        "(a) builds a widget; or",
        "(b) puts a name on it.",
    ],
    [
        "Article 3",
        "Closing rule",
        "This sample enters into force on the day after its creation.",
        "The second subparagraph of the closing rule says nothing of substance.",
    ],
]
ACT_NOTES = ["(1) OJ C 999, 1.1.2025, p. 1."]


class _Act(FPDF):
    def header(self) -> None:
        self.set_font("Helvetica", "", 8)
        self.cell(0, 5, "EN OJ L, 1.1.2025", new_x="LMARGIN", new_y="NEXT")
        self.ln(3)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Helvetica", "", 8)
        self.cell(0, 5, f"ELI: http://data.europa.eu/eli/dir/2025/9999/oj {self.page_no()}/2")


def act_pdf(*, plain_notes: bool = False) -> bytes:
    """A two-page act in the OJ layout with a footnote on the first page.

    ``plain_notes``: footnotes numbered "1 OJ ..." as in Commission documents (COM PDFs).
    """
    pdf = _Act(format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(20, 15, 20)
    for i, page in enumerate(ACT_PAGES):
        pdf.add_page()
        pdf.set_font("Helvetica", "", 10)
        if i == 0:
            for line in ("DIRECTIVE (EU) 2025/9999 (SAMPLE)", "Whereas:",
                         "(1) A sample recital explains why the sample exists.",
                         "HAVE ADOPTED THIS DIRECTIVE:"):  # fmt: skip
                pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
        for line in page:
            pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
        if i == 0:
            pdf.set_y(-30)
            pdf.set_font("Helvetica", "", 7)
            for note in ACT_NOTES:
                text = note.replace("(1) ", "1 ") if plain_notes else note
                pdf.multi_cell(0, 4, text, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
