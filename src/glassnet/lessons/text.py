"""A lesson's text: its Markdown body cut into one section per step, and turned into safe HTML.

A lesson's body has one ``## `` section per step, headed by the step's title.
Each section is a few paragraphs of a small part of Markdown, rendered here to
HTML a page can show as it is:

- paragraphs (separated by blank lines), ``- `` and ``1. `` lists, ``### `` headings
- ``**strong**``, ``*emphasis*``, ```code```, fenced code blocks (three backticks)
- links ``[words](https://...)`` (only http and https addresses, and ``/docs/NAME.md``:
  the documentation the page's server serves)
- glossary words ``[[delta]]`` or ``[[delta|the neuron's delta]]`` (``glossary.py``)

Every character from the file is escaped first; only the tags above are made,
with attributes this module writes. Nothing else of HTML passes through.

This module knows the glossary; nothing about sessions or the web.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from .glossary import GLOSSARY

TERM = re.compile(r"\[\[([^\]|]*)(?:\|([^\]]*))?\]\]")
LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
CODE = re.compile(r"`([^`]+)`")
STRONG = re.compile(r"\*\*(.+?)\*\*")
EMPHASIS = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")
BULLET = re.compile(r"^\s*[-*]\s+(.*)$")
NUMBERED = re.compile(r"^\s*\d+[.)]\s+(.*)$")
ALLOWED_SCHEMES = ("https://", "http://")
DOCS_LINK = re.compile(r"/docs/[\w-]+\.md(#[\w-]+)?")
"""A link to glassnet's own documentation, as the server serves it (server.py's /docs/)."""


class TextError(ValueError):
    """A mistake in the text; ``line`` is counted from the first line of the text given."""

    def __init__(self, line: int, reason: str):
        self.line = line
        super().__init__(reason)


@dataclass(frozen=True)
class Section:
    """One ``## `` section: its heading, its Markdown, the line of its heading and of its text."""

    title: str
    markdown: str
    line: int
    text_line: int


def split_sections(body: str, first_line: int = 1) -> list[Section]:
    """The ``## `` sections of a Markdown body, in order.

    Parameters
    ----------
    first_line : int
        The line of the file the body starts on, so errors and sections name
        lines of the file.

    Raises
    ------
    TextError
        For text before the first section (it would belong to no step).
    """
    sections: list[Section] = []
    title, lines, start = None, [], first_line
    fence = False

    def close():
        text = "\n".join(line for _, line in lines).strip("\n")
        first = next((n for n, line in lines if line.strip()), start)
        sections.append(Section(title, text, start, first))

    for number, line in enumerate(body.splitlines(), first_line):
        if line.lstrip().startswith("```"):
            fence = not fence
        if not fence and line.startswith("## "):
            if title is not None:
                close()
            title, lines, start = line[3:].strip(), [], number
        elif title is None and line.strip():
            raise TextError(
                number,
                "text before the first '## ' heading belongs to no step; start each step's "
                "text with '## ' and the step's title.",
            )
        else:
            lines.append((number, line))
    if title is not None:
        close()
    return sections


def glossary_terms(markdown: str) -> list[str]:
    """The glossary words a text links, in order, each once (unknown ones too)."""
    found: list[str] = []
    for match in TERM.finditer(markdown):
        if match[1].strip() not in found:
            found.append(match[1].strip())
    return found


def check_terms(markdown: str, first_line: int = 1):
    """Refuse a link to a word the glossary does not have, naming its line."""
    for number, line in enumerate(markdown.splitlines(), first_line):
        for match in TERM.finditer(line):
            if match[1].strip() not in GLOSSARY:
                raise TextError(
                    number,
                    f"[[{match[1]}]] links a word the glossary does not have; the words are: "
                    f"{', '.join(GLOSSARY)}.",
                )


def to_html(markdown: str) -> str:
    """Safe HTML of a section's Markdown (see the module's docstring for what is kept)."""
    out: list[str] = []
    paragraph: list[str] = []
    items: list[str] = []
    list_tag = ""
    code: list[str] | None = None

    def flush():
        nonlocal list_tag
        if paragraph:
            out.append(f"<p>{inline(' '.join(paragraph))}</p>")
            paragraph.clear()
        if items:
            out.append(f"<{list_tag}>" + "".join(f"<li>{inline(i)}</li>" for i in items)
                       + f"</{list_tag}>")  # fmt: skip
            items.clear()
            list_tag = ""

    for line in markdown.splitlines():
        if code is not None:
            if line.lstrip().startswith("```"):
                out.append(f"<pre><code>{html.escape(chr(10).join(code))}</code></pre>")
                code = None
            else:
                code.append(line)
            continue
        if line.lstrip().startswith("```"):
            flush()
            code = []
        elif not line.strip():
            flush()
        elif line.startswith("### "):
            flush()
            out.append(f"<h4>{inline(line[4:].strip())}</h4>")
        elif (bullet := BULLET.match(line)) or (numbered := NUMBERED.match(line)):
            tag = "ul" if bullet else "ol"
            if paragraph or (items and tag != list_tag):
                flush()
            list_tag = tag
            items.append((bullet or numbered)[1].strip())
        elif items and line.startswith(" "):
            items[-1] += " " + line.strip()  # a list item running on
        else:
            if items:
                flush()
            paragraph.append(line.strip())
    if code is not None:  # an unclosed fence: keep what there is
        out.append(f"<pre><code>{html.escape(chr(10).join(code))}</code></pre>")
    flush()
    return "\n".join(out)


def inline(text: str) -> str:
    """One line of Markdown as safe HTML: escaped, then code, links, words, strong, emphasis."""
    codes: list[str] = []

    def keep_code(match):
        codes.append(f"<code>{match[1]}</code>")
        return f"\0{len(codes) - 1}\0"

    text = CODE.sub(keep_code, html.escape(text.replace("\0", ""), quote=True))
    text = TERM.sub(_term, text)
    text = LINK.sub(_link, text)
    text = STRONG.sub(r"<strong>\1</strong>", text)
    text = EMPHASIS.sub(r"<em>\1</em>", text)
    return re.sub("\0(\\d+)\0", lambda m: codes[int(m[1])], text)


def _term(match) -> str:
    key = html.unescape(match[1]).strip()
    term = GLOSSARY.get(key)
    if term is None:  # refused when the lesson was read; shown as words here
        return match[2] or match[1]
    words = match[2] if match[2] is not None else html.escape(term.words)
    return f'<a class="gn-term" href="#term-{key}" data-term="{key}">{words}</a>'


def _link(match) -> str:
    address = html.unescape(match[2])
    if not address.startswith(ALLOWED_SCHEMES) and not DOCS_LINK.fullmatch(address):
        return match[1]
    href = html.escape(address, quote=True)
    return f'<a href="{href}" target="_blank" rel="noopener">{match[1]}</a>'
