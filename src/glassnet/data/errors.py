"""The one error the data layer raises for bad data: ``DataError``.

A ``DataError`` message is meant to be shown to a person as it is. It says what
was wrong (naming the row, column or point where that helps) and what is allowed.

This module does not know which file, drawing or generator the problem came from;
the code that raises the error puts that in the message.
"""


class DataError(ValueError):
    """Data that glassnet cannot use, with a message a beginner can act on.

    It is a ``ValueError``, so code that already catches ``ValueError`` for bad
    settings catches bad data too.
    """


def quoted(text, limit: int = 60) -> str:
    """``text`` in double quotes, cut to ``limit`` characters: a file's names and cells
    may be megabytes long, and a message echoes only enough of them to find them."""
    text = str(text)
    return f'"{text}"' if len(text) <= limit else f'"{text[: limit - 3]}..."'
