"""A tiny DOM for the HTML/XHTML the corpus parsers read (stdlib only, pure).

EUR-Lex XHTML, consolidated HTML and WordPress post HTML are all well-behaved enough for
``html.parser``; we only need element nesting, classes, ids and text.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

__all__ = ["Element", "parse_html"]

_VOID = frozenset(
    {"br", "img", "col", "hr", "meta", "link", "input", "area", "base", "wbr", "source"}
)
_BLOCKS = frozenset(
    {"p", "div", "td", "th", "tr", "table", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6"}
)


@dataclass(eq=False)
class Element:
    """One element: tag, attributes, and children (elements or text strings)."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Element | str] = field(default_factory=list)
    parent: Element | None = field(default=None, repr=False)

    @property
    def classes(self) -> set[str]:
        """The element's CSS classes."""
        return set(self.attrs.get("class", "").split())

    @property
    def id(self) -> str | None:
        """The element's ``id`` attribute."""
        return self.attrs.get("id")

    def has_class(self, name: str) -> bool:
        """True if the element carries CSS class ``name``."""
        return name in self.classes

    def elements(self) -> Iterator[Element]:
        """Direct child elements."""
        return (c for c in self.children if isinstance(c, Element))

    def iter(self) -> Iterator[Element]:
        """This element and all descendant elements, in document order."""
        yield self
        for child in self.elements():
            yield from child.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Element]:
        """Descendants (and self) matching a tag and/or class."""
        return [
            e
            for e in self.iter()
            if (tag is None or e.tag == tag) and (cls is None or e.has_class(cls))
        ]

    def text(self, *, sup_marker: str = "^") -> str:
        """Text content with whitespace collapsed. Non-note superscripts get ``sup_marker``."""
        parts: list[str] = []
        self._collect(parts, sup_marker)
        return " ".join("".join(parts).split())

    def _collect(self, parts: list[str], sup_marker: str) -> None:
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
                continue
            if child.tag == "br":
                parts.append(" ")
                continue
            if child.tag in ("script", "style"):
                continue
            cls = child.classes
            if (
                "oj-super" in cls or "superscript" in cls or child.tag == "sup"
            ) and "oj-note-tag" not in cls:
                parts.append(sup_marker)
            if child.tag in _BLOCKS:
                parts.append(" ")
            child._collect(parts, sup_marker)
            if child.tag in _BLOCKS:
                parts.append(" ")


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root")
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        el = Element(tag, {k: v or "" for k, v in attrs}, parent=self.current)
        self.current.children.append(el)
        if tag not in _VOID:
            self.current = el

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        el = Element(tag, {k: v or "" for k, v in attrs}, parent=self.current)
        self.current.children.append(el)

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        node: Element | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def parse_html(markup: str) -> Element:
    """Parse HTML/XHTML text into an :class:`Element` tree (root tag ``#root``)."""
    builder = _Builder()
    builder.feed(markup)
    builder.close()
    return builder.root
