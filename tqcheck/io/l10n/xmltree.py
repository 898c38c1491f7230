"""Hardened XML parsing with line numbers, for XLIFF, TMX, TBX and Android resources.

XML in a repository is untrusted input. The parser is defusedxml's
``DefusedXMLParser`` (expat underneath): any entity declaration (the
"billion laughs" expansion attack) and any external entity or DTD reference
(XXE) is refused with a one-line :class:`~tqcheck.errors.InputError` naming the
file and line. Nothing is ever fetched.

The tree is a small one of our own: :class:`Node` keeps mixed content in order
(text and child elements interleaved, so inline markup such as XLIFF ``<g>`` or
Android ``<b>`` survives exactly) and the line where each element starts.
"""
from __future__ import annotations

from collections.abc import Iterator
from xml.sax.saxutils import escape, quoteattr

from ...errors import InputError

XML_NS = "http://www.w3.org/XML/1998/namespace"


def split_name(name: str) -> tuple[str, str]:
    """``"{ns}local"`` → (ns, local)."""
    if name.startswith("{"):
        ns, _, local = name[1:].partition("}")
        return ns, local
    return "", name


class Comment:
    """An XML comment kept in its place among an element's children (Android resources use
    comments as notes for translators)."""

    __slots__ = ("text", "line")

    def __init__(self, text: str, line: int) -> None:
        self.text = text
        self.line = line


class Node:
    """An element: local tag name, namespace, attributes by local name, children (``str`` for
    text, :class:`Node` for elements, in document order) and its starting line."""

    __slots__ = ("tag", "ns", "attrib", "qattrib", "children", "line", "parent")

    def __init__(self, tag: str, ns: str, attrib: dict[str, str], qattrib: dict[str, str],
                 line: int, parent: "Node | None") -> None:
        self.tag = tag
        self.ns = ns
        self.attrib = attrib
        self.qattrib = qattrib
        self.children: list[str | Node | Comment] = []
        self.line = line
        self.parent = parent

    def get(self, name: str, default: str | None = None) -> str | None:
        return self.attrib.get(name, default)

    def elements(self, tag: str | None = None) -> Iterator["Node"]:
        """Direct child elements (with local name ``tag``)."""
        for c in self.children:
            if isinstance(c, Node) and (tag is None or c.tag == tag):
                yield c

    def find(self, tag: str) -> "Node | None":
        return next(self.elements(tag), None)

    def iter(self, tag: str | None = None) -> Iterator["Node"]:
        """This element and every descendant (with local name ``tag``), in document order."""
        stack: list[Node] = [self]
        while stack:
            n = stack.pop()
            if tag is None or n.tag == tag:
                yield n
            kids = [c for c in n.children if isinstance(c, Node)]
            stack.extend(reversed(kids))

    def text(self) -> str:
        """All text inside, without markup."""
        return "".join(c if isinstance(c, str) else c.text() for c in self.children
                       if not isinstance(c, Comment))

    def inner(self, native: frozenset[str] = frozenset()) -> str:
        """The content as a string: text as is, child elements written as tags. The content of
        elements named in ``native`` (XLIFF ``<ph>``/``<bpt>``: native code) is XML-escaped so
        that HTML inside them does not read as a second set of tags."""
        out: list[str] = []
        for c in self.children:
            if isinstance(c, str):
                out.append(c)
            elif isinstance(c, Node):
                out.append(c.outer(native))
        return "".join(out)

    def outer(self, native: frozenset[str] = frozenset()) -> str:
        attrs = "".join(f" {k}={quoteattr(v)}" for k, v in self.attrib.items())
        if not any(not isinstance(c, Comment) for c in self.children):
            return f"<{self.tag}{attrs}/>"
        if self.tag in native:
            body = escape(self.text())
        else:
            body = self.inner(native)
        return f"<{self.tag}{attrs}>{body}</{self.tag}>"

    def __repr__(self) -> str:  # pragma: no cover - debugging
        return f"<Node {self.tag} line {self.line}>"


class _Builder:
    """The target object the expat-based parser calls."""

    def __init__(self) -> None:
        self.parser = None  # set after the parser exists (for line numbers)
        self.root: Node | None = None
        self.stack: list[Node] = []

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        ns, local = split_name(tag)
        attrs: dict[str, str] = {}
        for k, v in attrib.items():
            kns, kl = split_name(k)
            if kns == XML_NS:
                kl = "xml:" + kl
            attrs[kl] = v
        line = self.parser.parser.CurrentLineNumber if self.parser is not None else 0
        parent = self.stack[-1] if self.stack else None
        node = Node(local, ns, attrs, dict(attrib), line, parent)
        if parent is None:
            self.root = node
        else:
            parent.children.append(node)
        self.stack.append(node)

    def end(self, tag: str) -> None:
        self.stack.pop()

    def data(self, text: str) -> None:
        if not self.stack:
            return
        kids = self.stack[-1].children
        if kids and isinstance(kids[-1], str):
            kids[-1] += text
        else:
            kids.append(text)

    def comment(self, text: str) -> None:
        if self.stack:
            line = self.parser.parser.CurrentLineNumber if self.parser is not None else 0
            self.stack[-1].children.append(Comment(text, line))

    def close(self) -> Node | None:
        return self.root


def parse(data: bytes, path: str) -> Node:
    """Parse XML bytes into a :class:`Node` tree, refusing entity declarations and external
    references. Every failure is an :class:`InputError` with the file's line."""
    from xml.etree.ElementTree import ParseError

    from defusedxml import DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
    from defusedxml.ElementTree import DefusedXMLParser

    builder = _Builder()
    parser = DefusedXMLParser(target=builder, forbid_dtd=False, forbid_entities=True,
                              forbid_external=True)
    builder.parser = parser

    def where() -> tuple[int | None, int | None]:
        try:
            return parser.parser.CurrentLineNumber, parser.parser.CurrentColumnNumber + 1
        except Exception:  # pragma: no cover
            return None, None

    try:
        parser.feed(data)
        root = parser.close()
    except EntitiesForbidden as err:
        line, col = where()
        raise InputError(f"XML entity declaration <!ENTITY {err.name} …> refused: entity expansion "
                         "is not allowed in untrusted files (possible billion-laughs or XXE attack)",
                         path=path, line=line, column=col) from None
    except ExternalReferenceForbidden as err:
        line, col = where()
        raise InputError(f"external XML entity reference refused ({err.sysid or err.pubid}): "
                         "untrusted files may not load other files", path=path, line=line,
                         column=col) from None
    except DTDForbidden:  # pragma: no cover - DTDs without entities are allowed
        line, col = where()
        raise InputError("XML DOCTYPE refused", path=path, line=line, column=col) from None
    except ParseError as err:
        line, col = getattr(err, "position", (None, None))
        msg = str(err).split(":")[0]
        raise InputError(f"malformed XML: {msg}", path=path, line=line,
                         column=(col + 1) if col is not None else None) from None
    except (ValueError, LookupError) as err:
        line, col = where()
        raise InputError(f"unreadable XML: {err}", path=path, line=line, column=col) from None
    if root is None:
        raise InputError("no XML element found", path=path)
    return root


def sniff_root(head: bytes) -> str | None:
    """The local name of the root element from the first bytes of a file, without parsing it
    fully (``"xliff"``, ``"tmx"``, ``"resources"`` …); None when it does not look like XML."""
    import re

    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[:200].count(b"\x00") > 10:
        text = head.decode("utf-16", errors="ignore")
    else:
        text = head.decode("utf-8", errors="ignore")
    if not text:
        return None
    text = text.lstrip("\ufeff \t\r\n")
    if not text.startswith("<"):
        return None
    m = re.search(r"<(?![?!])([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)", re.sub(r"<!--.*?-->", "", text, flags=re.S))
    return m.group(2) if m else None
