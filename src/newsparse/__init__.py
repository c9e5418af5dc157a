"""newsparse: scraped news pages, HTML or plain-text dumps, into typed article data.

>>> import newsparse
>>> page = "Headline of the day\\n\\nA first paragraph of the story, long enough to be prose.\\n\\nLeave a Reply"
>>> article = newsparse.parse(page)
>>> article.headline, article.paragraphs[0][:17], [r.rule for r in article.removed]
('Headline of the day', 'A first paragraph', ['field.headline', 'noise.comment_form'])
"""

import logging

from newsparse.batch import Document, Failure, Parsed, documents, parse_many
from newsparse.batch.readback import read_records
from newsparse.dataframe import to_dataframe
from newsparse.errors import (
    DecodeError,
    EmptyInputError,
    ForeignFileError,
    NewsparseError,
    UnreadableFileError,
    UnsupportedInputError,
    WorkerStartError,
)
from newsparse.model import Article, Byline, RelatedLink, Removal, VoteCount
from newsparse.pipeline import parse, parse_html, parse_text

__all__ = [
    "Article",
    "Byline",
    "DecodeError",
    "Document",
    "EmptyInputError",
    "Failure",
    "ForeignFileError",
    "NewsparseError",
    "Parsed",
    "RelatedLink",
    "Removal",
    "UnreadableFileError",
    "UnsupportedInputError",
    "VoteCount",
    "WorkerStartError",
    "__version__",
    "documents",
    "parse",
    "parse_html",
    "parse_many",
    "parse_text",
    "read_records",
    "to_dataframe",
]

__version__ = "0.1.0"

# The library logs nothing unless the application configures logging (the CLI does).
logging.getLogger(__name__).addHandler(logging.NullHandler())
