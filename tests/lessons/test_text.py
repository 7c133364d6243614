"""A lesson's text: sections by step, a small Markdown as HTML, nothing unsafe let through."""

from html.parser import HTMLParser

import pytest

from glassnet.lessons import GLOSSARY
from glassnet.lessons.text import TextError, check_terms, split_sections, to_html


def test_the_body_is_cut_into_sections_with_the_lines_of_their_headings_and_text():
    body = "\n## One\n\nFirst text.\n\n## Two\nSecond text.\n"
    one, two = split_sections(body, first_line=10)
    assert (one.title, one.markdown, one.line, one.text_line) == ("One", "First text.", 11, 13)
    assert (two.title, two.markdown, two.line, two.text_line) == ("Two", "Second text.", 15, 16)


def test_a_heading_inside_a_code_block_does_not_start_a_section():
    (only,) = split_sections("## One\n```\n## not a heading\n```\n")
    assert "## not a heading" in only.markdown


def test_text_before_the_first_heading_is_refused_with_its_line():
    with pytest.raises(TextError) as caught:
        split_sections("\nHello\n## One\n", first_line=5)
    assert caught.value.line == 6


def test_paragraphs_lists_headings_and_inline_marks_become_html():
    html = to_html(
        "Some **bold** and *leaning* words,\nin `code`.\n\n- one\n- two\n  more\n\n1. first\n"
        "2. second\n\n### Aside\n\n```\nx < 1\n```"
    )
    assert html == (
        "<p>Some <strong>bold</strong> and <em>leaning</em> words, in <code>code</code>.</p>\n"
        "<ul><li>one</li><li>two more</li></ul>\n"
        "<ol><li>first</li><li>second</li></ol>\n"
        "<h4>Aside</h4>\n"
        "<pre><code>x &lt; 1</code></pre>"
    )


def test_a_glossary_word_becomes_a_link_to_its_definition():
    assert to_html("The [[learning_rate]] and [[delta|its delta]].") == (
        '<p>The <a class="gn-term" href="#term-learning_rate" data-term="learning_rate">'
        'learning rate</a> and <a class="gn-term" href="#term-delta" data-term="delta">its '
        "delta</a>.</p>"
    )


def test_only_http_and_https_links_become_links():
    assert to_html("[docs](https://example.org/a?b=1&c=2)") == (
        '<p><a href="https://example.org/a?b=1&amp;c=2" target="_blank" rel="noopener">docs</a></p>'
    )
    assert to_html("[click](javascript:alert(1))") == "<p>click)</p>"
    assert to_html("[local](/etc/passwd)") == "<p>local</p>"


def test_a_link_to_glassnets_own_docs_becomes_a_link_the_server_answers():
    assert to_html("[the bridge](/docs/bridge.md#ml5)") == (
        '<p><a href="/docs/bridge.md#ml5" target="_blank" rel="noopener">the bridge</a></p>'
    )
    assert to_html("[up](/docs/../secret.md)") == "<p>up</p>"
    assert to_html("[raw](/docs/bridge.txt)") == "<p>raw</p>"


@pytest.mark.parametrize(
    "markdown",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        '[x](https://a.org/" onmouseover="alert(1))',
        "[[delta|<b>bold</b>]]",
        "`<b>` and **<i>**",
        "```\n</code><script>\n```",
        "text with a \0 byte",
    ],
)
def test_html_from_a_lesson_file_is_escaped_never_passed_through(markdown):
    parser = TagsAndAttributes()
    parser.feed(to_html(markdown))
    assert parser.tags <= {"p", "ul", "ol", "li", "h4", "pre", "code", "strong", "em", "a"}
    assert {name for name, _ in parser.attributes} <= {
        "class",
        "href",
        "data-term",
        "target",
        "rel",
    }
    for name, value in parser.attributes:
        assert name != "href" or value.startswith(("https://", "http://", "#term-"))
    assert "\0" not in to_html(markdown)


class TagsAndAttributes(HTMLParser):
    """Every tag and attribute of some HTML, as a browser's parser would read them."""

    def __init__(self):
        super().__init__()
        self.tags, self.attributes = set(), []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attributes += attrs


def test_a_word_the_glossary_lacks_is_refused_with_its_line():
    check_terms("[[weight]]\nand [[bias]]")
    with pytest.raises(TextError) as caught:
        check_terms("fine\nthe [[wait]]", first_line=20)
    assert caught.value.line == 21 and "[[wait]] links a word the glossary does not have" in str(
        caught.value
    )


def test_every_glossary_word_has_a_title_and_a_definition_of_a_few_sentences():
    for key, term in GLOSSARY.items():
        assert key == term.term and key.islower() and " " not in key
        assert term.title[0].isupper() and term.text.endswith(".")
        assert 40 < len(term.text) < 400
