"""One entry point from downloaded bytes to an :class:`ActTree` (pure: no file or network I/O)."""

from __future__ import annotations

from assistant.corpus.build_act import ActMeta, build_tree
from assistant.corpus.eurlex_reader import (
    lines_from_consolidated_html,
    lines_from_legacy_html,
    lines_from_oj_xhtml,
)
from assistant.corpus.lines import Line
from assistant.corpus.manifest import SourceEntry, SourceFormat
from assistant.corpus.pdf_reader import lines_from_pdf, report_tree
from assistant.corpus.post_reader import post_tree
from assistant.corpus.text_reader import lines_from_markdown
from assistant.corpus.tree import ActTree
from assistant.errors import CorpusError

__all__ = ["PARSER_VERSION", "meta_for", "parse_lines", "parse_source"]

# Bump when parsing changes: cached trees of an older parser version are rebuilt.
PARSER_VERSION = "4"


def meta_for(entry: SourceEntry) -> ActMeta:
    """Builder metadata for a manifest entry."""
    return ActMeta(
        act=entry.act,
        version=entry.version,
        title=entry.title,
        status=entry.status,
        celex=entry.celex,
        url=entry.url,
        language=entry.language,
        anchors=entry.anchors,
        amending=entry.amending_act,
        markers=dict(entry.markers),
        whereas_recitals=entry.whereas_recitals,
    )


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def parse_lines(data: bytes, fmt: SourceFormat) -> list[Line]:
    """The line stream of an act in one of the act formats."""
    if fmt is SourceFormat.OJ_XHTML:
        return lines_from_oj_xhtml(_decode(data))
    if fmt is SourceFormat.CONSOLIDATED_HTML:
        return lines_from_consolidated_html(_decode(data))
    if fmt is SourceFormat.LEGACY_HTML:
        return lines_from_legacy_html(_decode(data))
    if fmt is SourceFormat.MARKDOWN:
        return lines_from_markdown(_decode(data))
    if fmt is SourceFormat.PDF:
        return lines_from_pdf(data)
    raise CorpusError(f"format {fmt.value} is not an act format", hint="check corpus/sources.toml")


def parse_source(data: bytes, fmt: SourceFormat, entry: SourceEntry) -> ActTree:
    """Parse one downloaded source (official format or mirror copy) into its provision tree."""
    if fmt is SourceFormat.PLACEHOLDER:
        raise CorpusError(
            f"{entry.key}: the local copy is a placeholder without the text",
            hint=f"fetch it online: `assistant corpus fetch --only {entry.act.value}`",
        )
    if fmt is SourceFormat.REPORT_PDF:
        return report_tree(
            data, act=entry.act, version=entry.version, title=entry.title, url=entry.url,
            status=entry.status,
        )  # fmt: skip
    if fmt is SourceFormat.WORDPRESS_JSON:
        return post_tree(
            data, act=entry.act, version=entry.version, title=entry.title, url=entry.url,
            status=entry.status,
        )  # fmt: skip
    tree = build_tree(parse_lines(data, fmt), meta_for(entry))
    if not any(True for _ in tree.citable()):
        raise CorpusError(
            f"{entry.key}: no provisions found in the {fmt.value} file",
            hint="the download may be an error page; run `assistant corpus fetch --force`",
        )
    return tree
