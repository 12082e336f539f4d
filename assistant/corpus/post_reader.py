"""The Mozilla announcement post: WordPress REST JSON, HTML in ``content.rendered`` (pure).

Sections are numbered in order: ``§1`` is the text before the first heading, then one section
per heading. Headings in this post are paragraphs written entirely in bold (``<p><b>Why
Now?</b></p>``), or real ``<h2>``-``<h4>`` elements in other posts.
"""

from __future__ import annotations

import json
from datetime import date

from assistant.corpus.html_dom import Element, parse_html
from assistant.corpus.tree import ActTree, NodeKind, Provision, SourceStatus
from assistant.errors import CorpusError
from assistant.vocabulary import ActCode

__all__ = ["post_tree"]

_HEADINGS = ("h1", "h2", "h3", "h4", "h5")
_BOLD = ("b", "strong")


def _is_heading(el: Element) -> bool:
    if el.tag in _HEADINGS:
        return True
    if el.tag != "p" or el.find_all(tag="a"):
        return False
    text = el.text()
    if not text or len(text) > 90:
        return False
    bold = "".join(e.text() for e in el.elements() if e.tag in _BOLD)
    loose = "".join(c for c in el.children if isinstance(c, str)).strip()
    return not loose and bold.strip() == text


def _blocks(root: Element) -> list[Element]:
    out: list[Element] = []
    for el in root.elements():
        if el.tag in ("p", "ul", "ol", "blockquote", "figure", *_HEADINGS):
            out.append(el)
        elif el.tag == "div":
            out.extend(_blocks(el))
    return out


def _block_text(el: Element) -> str:
    if el.tag in ("ul", "ol"):
        return "\n".join(f"- {li.text()}" for li in el.find_all(tag="li") if li.text())
    return el.text()


def post_tree(
    data: bytes,
    *,
    act: ActCode,
    version: date,
    title: str,
    url: str | None,
    status: SourceStatus = SourceStatus.ANNOUNCEMENT,
) -> ActTree:
    """Parse a WordPress post (REST JSON) into sections ``<act> §1``, ``§2``, ..."""
    try:
        post = json.loads(data.decode("utf-8"))
        html = post["content"]["rendered"]
        post_title = parse_html(post.get("title", {}).get("rendered", "")).text() or title
    except (UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError) as exc:
        raise CorpusError(
            f"not a WordPress post JSON ({exc})",
            hint="the download should come from the blog's /wp-json/wp/v2/posts/<id> URL",
        ) from exc
    link = post.get("link") or url
    sections: list[Provision] = []
    current = Provision(
        id=f"{act.value} §1", kind=NodeKind.REPORT_SECTION, label="§1", heading=post_title, url=link
    )
    parts: list[str] = []
    for el in _blocks(parse_html(html)):
        if _is_heading(el):
            if parts or sections:
                current.text = "\n".join(parts)
                sections.append(current)
                n = len(sections) + 1
                current = Provision(
                    id=f"{act.value} §{n}",
                    kind=NodeKind.REPORT_SECTION,
                    label=f"§{n}",
                    heading=el.text(),
                    url=link,
                )
                parts = []
                continue
            current.heading = el.text()
            continue
        text = _block_text(el)
        if text:
            parts.append(text)
    current.text = "\n".join(parts)
    sections.append(current)
    return ActTree(
        act=act, version=version, title=post_title, status=status, url=link, children=sections
    )
