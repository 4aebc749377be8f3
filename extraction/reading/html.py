"""HTML -> visible text in one linear pass: a tag scanner, no tree.

A tree builder pays for deep nesting: lexbor took 15 s on 50,000 nested divs, because each new
element looks at the stack of open elements. Text extraction needs no tree: one scan over the
tags, a counter for the subtree being dropped (page chrome: scripts, navigation, hidden parts)
and a break at each block tag keep the work proportional to the input. Every pattern below
matches in bounded steps from where it starts, so no input makes the scan quadratic.
"""

from __future__ import annotations

import html
import re

# Subtrees that are page chrome, never prose.
DROP_TAGS = frozenset(
    "script style nav header footer aside form noscript iframe svg button select template figure head "
    "title".split()
)
# Elements whose content is raw text: skipped up to their end tag, whatever it holds ('<p>' in a script).
_RAW_TEXT_TAGS = frozenset({"script", "style", "textarea", "title", "xmp", "noscript", "iframe", "template"})
_DROP_ROLES = frozenset({"navigation"})
_DROP_CLASSES = frozenset({"cookie", "share", "related", "comments"})
_PARAGRAPH_TAGS = frozenset(
    "p div section article main h1 h2 h3 h4 h5 h6 li ul ol tr table blockquote pre dd dt dl".split()
)
_CELL_TAGS = frozenset({"td", "th"})
_VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr".split())

_MARKUP_START = re.compile(r"<(?:!--|[!?]|(/?)([A-Za-z][A-Za-z0-9:_-]*+))")
# The rest of a tag up to its '>': quoted attribute values may hold '>'. Possessive, so a failure
# (no '>' before the end of the page) costs one scan and never backtracks.
_TAG_REST = re.compile(r"""(?:=\s*+"[^"]*+"|=\s*+'[^']*+'|[^>])*+>""")
_ATTRIBUTE = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")


def html_to_text(page: str) -> str:
    """Visible text of an HTML page, a blank line at each block element, page chrome removed.

    Linear in the input: deep nesting and huge pages cost what their size costs."""
    parts: list[str] = []
    dropping: str | None = None  # the tag whose subtree is being dropped
    depth = 0  # open elements of that tag inside it
    position = 0
    while True:
        match = _MARKUP_START.search(page, position)
        text = page[position : match.start() if match else len(page)]
        if text and dropping is None:
            parts.append(html.unescape(text) if "&" in text else text)
        if match is None:
            break
        end = _markup_end(page, match)
        if end < 0:  # a tag or comment left open runs to the end of the page
            break
        attributes, position = page[match.end() : end - 1], end
        closing, tag = match.group(1), (match.group(2) or "").lower()
        if not tag:
            continue
        self_closing = attributes.rstrip().endswith("/")
        if tag in _RAW_TEXT_TAGS and not closing and not self_closing:
            position = _raw_text_end(page, tag, position)
            if tag not in DROP_TAGS and dropping is None:
                parts.append(html.unescape(page[end:position].rsplit("<", 1)[0]))
            continue
        if dropping is not None:
            if tag == dropping:
                depth += -1 if closing else 1
                dropping = None if depth == 0 else dropping
            continue
        if not closing and tag not in _VOID_TAGS and _dropped(tag, attributes):
            if not self_closing:
                dropping, depth = tag, 1
            continue
        parts.append(_break(tag, bool(closing)))
    return "".join(parts)


def _markup_end(page: str, start: re.Match[str]) -> int:
    """Where the markup starting at `start` ends (after its '>'), -1 if it never ends."""
    opener = start.group(0)
    if opener == "<!--":
        end = page.find("-->", start.end())
        return end + 3 if end >= 0 else -1
    if start.group(2) is None:  # '<!DOCTYPE ...>', '<?xml ...?>'
        end = page.find(">", start.end())
        return end + 1 if end >= 0 else -1
    rest = _TAG_REST.match(page, start.end())
    return rest.end() if rest else -1


def _raw_text_end(page: str, tag: str, start: int) -> int:
    """Where the raw text of a script/style element ends: after its end tag, else the page's end."""
    end = re.compile(rf"</{tag}\s*>", re.IGNORECASE).search(page, start)
    return end.end() if end else len(page)


def _break(tag: str, closing: bool) -> str:
    if tag == "br":
        return "\n"
    if tag in _PARAGRAPH_TAGS:
        return "\n\n"
    return " " if closing and tag in _CELL_TAGS else ""


def _dropped(tag: str, attributes: str) -> bool:
    if tag in DROP_TAGS:
        return True
    if "=" not in attributes:
        return False
    for match in _ATTRIBUTE.finditer(attributes):
        name = match.group(1).lower()
        value = next(v for v in match.group(2, 3, 4) if v is not None).strip().lower()
        if name == "role" and value in _DROP_ROLES:
            return True
        if name == "aria-hidden" and value == "true":
            return True
        if name == "class" and not _DROP_CLASSES.isdisjoint(value.split()):
            return True
    return False
