"""Scraper noise: whole lines that are widget text, prompts or labels, in the page's languages."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsparse.model import Removal
from newsparse.normalize import SENTENCE_END, phrase_key
from newsparse.rules import Rules
from newsparse.rules.patterns import trie_pattern


@dataclass(frozen=True, slots=True)
class NoiseRule:
    """A vocabulary of whole-line phrases and what a match means for the article around it."""

    name: str  # the rule name recorded in Removal.rule
    concept: str  # the vocabulary file under rules/data/<lang>/
    closes_article: bool  # the article's text has ended once this appears after it


# In the order they are tried. Closing rules mark the end of the body: the seed's
# "What do you think?" and "Leave a Reply" follow the last paragraph on every theme we saw.
NOISE_RULES = (
    NoiseRule("noise.reaction_prompt", "reaction_prompt", closes_article=True),
    NoiseRule("noise.vote_widget", "vote_widget", closes_article=True),
    NoiseRule("noise.comment_form", "comment_form", closes_article=True),
    NoiseRule("noise.related_label", "related_label", closes_article=True),
    # "Most read", "Les plus lus": the site's list, not the article's; it ends a related list.
    NoiseRule("noise.most_read", "most_read", closes_article=True),
    NoiseRule("noise.share", "share", closes_article=False),
    NoiseRule("noise.advert", "advert", closes_article=False),
    NoiseRule("noise.newsletter", "newsletter", closes_article=False),
    # Account buttons, skip links and link notices: every site's header, never an article's words.
    NoiseRule("noise.site_furniture", "furniture", closes_article=False),
)
RELATED_LABEL = next(rule for rule in NOISE_RULES if rule.name == "noise.related_label")
# "More from <section or site>": a label of a few words; more is a sentence.
MAX_RELATED_LABEL_WORDS = 6
# Lines longer than these are prose that happens to open with the same words.
MAX_TEASER_WORDS = 30
MAX_CREDIT_WORDS = 15


def noise_rule(text: str, rules: Rules) -> tuple[NoiseRule, Removal] | None:
    """The first noise rule a whole line matches, with the removal it makes.

    >>> from newsparse.rules import rules_for
    >>> rule, removal = noise_rule("Upvote Downvote", rules_for("en"))
    >>> removal.rule, removal.detail
    ('noise.vote_widget', "whole line is the vote_widget phrase 'upvote downvote'")
    >>> noise_rule("Armenia has called on Russia to help.", rules_for("en")) is None
    True
    """
    if not any(ch.isalnum() for ch in text):
        return SYMBOLS, Removal(text=text, rule=SYMBOLS.name, detail="no letter or digit: an icon or a divider")
    key = phrase_key(text)
    # A phrase of a list first: "More on this story" is a related label, though its words
    # are all share-bar words.
    for rule in NOISE_RULES:
        if key in rules.phrases[rule.concept]:
            detail = f"whole line is the {rule.concept} phrase {key!r}"
            return rule, Removal(text=text, rule=rule.name, detail=detail)
    if key.startswith(rules.related_prefixes) and len(key.split()) <= MAX_RELATED_LABEL_WORDS:
        detail = "a related label that goes on with a name ('More from Cities')"
        return RELATED_LABEL, Removal(text=text, rule=RELATED_LABEL.name, detail=detail)
    if _share_bar(key, rules):
        return SHARE_BAR, Removal(text=text, rule=SHARE_BAR.name, detail="a bar of share buttons")
    if _pager(text):
        return PAGER, Removal(text=text, rule=PAGER.name, detail="a pager: the post's neighbours around a link home")
    if text[:1] in "<&" and _MARKUP.match(text):
        return MARKUP, Removal(text=text, rule=MARKUP.name, detail="an element's markup shown as text")
    return _prefix_rule(text, key, rules)


def _pager(text: str) -> bool:
    """ "« Older post | Main | Newer post »": a blog's pager, the neighbours' titles in guillemets
    around a short link home; the first and the last post have one neighbour ("« Older post |
    Main"). Guillemets that quote prose hold no bar of links."""
    older, newer = text.startswith("«"), text.endswith("»")
    if not (older or newer) or "|" not in text:
        return False
    links = text.split("|")
    home = links[1 if older else 0 : -1 if newer else None]
    return all(len(link.split()) <= MAX_PAGER_HOME_WORDS for link in home)


def _share_bar(key: str, rules: Rules) -> bool:
    """ "Deel via WhatsApp Deel via Facebook Kopieer link": share buttons flattened into a line."""
    words = key.split(None, MAX_SHARE_BAR_WORDS)  # past the bar's size, the count is all that matters
    if not 2 < len(words) <= MAX_SHARE_BAR_WORDS:
        return False
    return sum(w in rules.share_words for w in words) >= SHARE_BAR_SHARE * len(words)


def _prefix_rule(text: str, key: str, rules: Rules) -> tuple[NoiseRule, Removal] | None:
    # Words counted up to one more than any rule's limit: a paragraph is not split whole.
    words = len(key.split(None, _MAX_RULE_WORDS))
    # Cheap tests of a character or a word guard each pattern: this runs on every block.
    if words <= MAX_COUNTER_WORDS and key[:1].isdigit():
        counter = _COMMENT_COUNT.match(key)
        if counter:
            # "23 Comments on <title>" heads the thread; a bare "12 comments" is a counter in a byline bar.
            rule = THREAD_HEADER if counter.group("on") else COMMENT_COUNT
            return rule, Removal(text, rule.name, f"a comment counter: {counter.group(0)!r}")
    if words <= MAX_READING_TIME_WORDS and _READING_HINT.search(key) and _READING_TIME.search(key):
        return READING_TIME, Removal(text, READING_TIME.name, "a reading-time label")
    if ("cookie" in key or "ciasteczk" in key) and rules.cookie.search(key):
        return COOKIE, Removal(text=text, rule=COOKIE.name, detail="mentions cookies and consent")
    if "%" in text and len(_PERCENT.findall(text)) >= MIN_POLL_OPTIONS and not text.endswith(SENTENCE_END):
        return POLL, Removal(text=text, rule=POLL.name, detail="a poll's options and their shares")
    pitch = rules.pitch.search(key) if words <= MAX_PITCH_WORDS else None
    if pitch:
        return PITCH, Removal(text=text, rule=PITCH.name, detail=f"a call to sign up: {pitch.group(0)!r}")
    call = rules.share_call.search(key) if words <= MAX_SHARE_CALL_WORDS else None
    if call:
        return SHARE_CALL, Removal(text=text, rule=SHARE_CALL.name, detail=f"a call to share: {call.group(0)!r}")
    notice = rules.notice.search(key) if words <= MAX_NOTICE_WORDS else None
    if notice:
        return NOTICE, Removal(text=text, rule=NOTICE.name, detail=f"a site's standing notice: {notice.group(0)!r}")
    notes = _NOTES.fullmatch(text) if " this" in key else None
    if notes:
        return NOTES, Removal(text=text, rule=NOTES.name, detail="readers' notes on the post: likes and reblogs")
    reply = rules.reply.match(text) if ":" in text[:MAX_REPLY_PREFIX] else None
    if reply and words <= MAX_TEASER_WORDS:
        detail = f"a reply's subject line, opening with {reply.group(0)!r}"
        return REPLY, Removal(text=text, rule=REPLY.name, detail=detail)
    for rule, pattern, limit in ((TEASER, rules.teaser, MAX_TEASER_WORDS), (CREDIT, rules.credit, MAX_CREDIT_WORDS)):
        match = pattern.match(key) if words <= limit else None
        if match:
            detail = f"a {words}-word line opening with {match.group(0)!r}"
            return rule, Removal(text=text, rule=rule.name, detail=detail)
    credit = _caption(text, key) if words <= MAX_CAPTION_WORDS else None
    if credit:
        return CREDIT, Removal(text=text, rule=CREDIT.name, detail=f"a caption ending in a credit: {credit.group(0)!r}")
    return None


# "23 Comments on <title>", "3 Kommentare zu …": the thread's header, where the article has ended.
# Not closing: on the benchmark's dumps such a line stood above the article as often as below it.
THREAD_HEADER = NoiseRule("noise.thread_header", "comment_form", closes_article=False)
COMMENT_COUNT = NoiseRule("noise.comment_count", "comment_form", closes_article=False)
READING_TIME = NoiseRule("noise.reading_time", "reading_time", closes_article=False)
MAX_COUNTER_WORDS = 30
# "5 min read" stands alone or nearly; a longer bar that mentions it may carry a byline.
MAX_READING_TIME_WORDS = 6
_COMMENT_COUNT = re.compile(
    r"\d+\s+(?:comments?|responses?|replies|kommentare?|commentaires?|comentarios?|comentários?|commenti|reacties"
    r"|komentarzy?|комментари\w*)\b(?:(?P<on>\s+(?:on|to|zu|sur|en|em|su|op|do|к)\s)|$)"
)
_READING_TIME = re.compile(
    r"(?:^|\s)\d+\s?(?:min|mins|minute|minutes|minuten|minutos|minuti|minut)\.?\s?"
    r"(?:read|de lectura|de leitura|di lettura|lesezeit|lesedauer|leestijd|czytania|de lecture)\b"
    r"|^(?:lesezeit|lesedauer|tempo de leitura|tiempo de lectura|temps de lecture|tempo di lettura|leestijd"
    r"|reading time)\b"
)
# A caption: a sentence or two ending in its credit ("… on Wednesday. Photo: Jane Doe/Reuters",
# "… depuis 2019. © Photo L’Écho / Hugo Marchand": after a sentence, not a footer's "Site © 2024"),
# or a chart's, in its source ("… after June 2. Source: BCT timetables."). An agency is named in
# its own case: a line closing on "(ePA)" names a term of the text, the health record's
# abbreviation (fixture html-de-kasse-abkuerzung-in-klammern), not the photo agency EPA.
MAX_CAPTION_WORDS = 60
_TRAILING_CREDIT = re.compile(
    r"(?:\b(?:photo|photos|foto|fotos|fot|image|picture|credit|crédit|crédito|bild|photograph|zdjęcie|фото)"
    r"(?:\s+by|\s*:)\s*[^.!?]{2,80}"
    r"|\b(?:source|sources|quelle|fuente|fonte|źródło|источник)\s*:\s*[^.!?]{2,80}"
    r"|\((?:(?-i:AP|AFP|Reuters|REUTERS|Getty|EPA|dpa|ANSA|EFE)|photo|foto|image|credit|crédit|crédito|bild|fot\.?)\b[^)]{0,60}\)"
    r"|(?<=[.!?] )©\s*[^.!?©]{2,80}"
    r"|/\s*Getty Images)\s*\.?$",
    re.IGNORECASE,
)
# A gallery's caption counter: "Image 1 of 5", "2 of 4 A shopper looks at ...", "Bild 3/12"; not
# a date's "11/19/2019".
_GALLERY_COUNTER = re.compile(
    r"(?:(?:image|photo|picture|slide|foto|bild|imagen|immagine|zdjęcie)\s+)?\d{1,3}\s*(?:of|/|von|de|di|van|z|из)\s*/?\s*\d{1,3}\b(?![/.]\d)"
)
# A recipe's quantity, a fraction before its unit in lower case ("1/2 cup heavy cream", "3/4 tsp
# salt"), not a bare counter, which a caption in upper case follows ("3/12 Crowds gather …").
_FRACTION = re.compile(r"\W*\d{1,3}\s*/\s*\d{1,3}\s+(\w)")
_GALLERY_WORDS = ("image", "photo", "picture", "slide", "foto", "bild", "imagen", "immagine", "zdjęcie")
# Factored as a trie: it is searched in almost every line.
_CREDIT_HINT = re.compile(
    trie_pattern(
        "source quelle fuente fonte źródło источник photo foto fot. image picture credit crédit bild zdjęcie"
        " фото getty (ap (afp reuters (epa (dpa ansa (efe ©".split()
    )
)
_READING_HINT = re.compile(r"min|lese|leitura|lectura|lettura|leestijd|czytania|reading")
MAX_REPLY_PREFIX = 12
SYMBOLS = NoiseRule("noise.symbols", "share", closes_article=False)
SHARE_BAR = NoiseRule("noise.share", "share", closes_article=False)
MAX_SHARE_BAR_WORDS = 14
SHARE_BAR_SHARE = 0.7
# "« Older post | Main | Newer post »": the link home between the titles is a word or two.
PAGER = NoiseRule("noise.site_furniture", "furniture", closes_article=False)
MAX_PAGER_HOME_WORDS = 2
# An embed's code that a CMS printed as text: "<a href=…><img src=…>", "&lt;iframe src=…",
# escaped twice ("&amp;lt;a href=&quot;…"). A tag with an attribute: "<The Lantern Keeper>" is a title.
MARKUP = NoiseRule("noise.markup", "furniture", closes_article=False)
_MARKUP = re.compile(r"(?:<|&lt;|&amp;lt;)[a-z][a-z0-9]*\s+[a-z_:-]+\s*=", re.IGNORECASE)
# A poll's results flattened into a line: "Corredor 41% Ciclovias 22% Calçadas 37% Votar".
POLL = NoiseRule("noise.poll", "vote_widget", closes_article=False)
MIN_POLL_OPTIONS = 3
_PERCENT = re.compile(r"\d\s?%")
# "The Dispatch is free and reader-funded. Subscribe to our weekly newsletter to get …": a
# newsletter box's two sentences; prose that mentions a newsletter is longer.
MAX_PITCH_WORDS = 40
PITCH = NoiseRule("noise.newsletter", "newsletter_pitch", closes_article=False)
# "Dir hat der Artikel gefallen? Jetzt teilen!": a sentence or two; prose that says "follow us on" is longer.
MAX_SHARE_CALL_WORDS = 12
SHARE_CALL = NoiseRule("noise.share", "share_call", closes_article=False)
# "Advertising disclosure: We may receive compensation …", "Texte … stehen unter einer Creative
# Commons … Lizenz": a notice of a few sentences; an article about affiliate links is longer.
MAX_NOTICE_WORDS = 60
_MAX_RULE_WORDS = max(
    MAX_COUNTER_WORDS,
    MAX_READING_TIME_WORDS,
    MAX_PITCH_WORDS,
    MAX_SHARE_CALL_WORDS,
    MAX_NOTICE_WORDS,
    MAX_TEASER_WORDS,
    MAX_CREDIT_WORDS,
    MAX_CAPTION_WORDS,
)
NOTICE = NoiseRule("noise.site_notice", "site_notice", closes_article=False)
COOKIE = NoiseRule("noise.cookie_banner", "cookie_consent", closes_article=False)
# Tumblr's notes under a post, a reader's name before each, run together ("nickmongo liked this
# anna reblogged this from dcwomen and added:"): the readers' thread, after the post's end. A
# line of notes only, the names in lower case as blog names are: "Everyone liked this idea." is
# a sentence.
NOTES = NoiseRule("noise.notes", "comment_form", closes_article=True)
_BLOG_NAME = r"[a-z0-9][a-z0-9.-]*"
_NOTE = rf"{_BLOG_NAME} (?:liked this|reblogged this from {_BLOG_NAME}|posted this)"
_NOTES = re.compile(rf"(?:{_NOTE} ?)+(?:and added:|{_BLOG_NAME} said:)?")
# "Re: <title>" in a thread: the opening post has ended and the replies begin.
REPLY = NoiseRule("noise.reply_subject", "reply_prefix", closes_article=True)


def _caption(text: str, key: str) -> re.Match[str] | None:
    counted = key[:1].isdigit() or key.startswith(_GALLERY_WORDS)
    gallery = _GALLERY_COUNTER.match(key) if counted and not _quantity(text) else None
    return gallery or (_TRAILING_CREDIT.search(text) if _CREDIT_HINT.search(key) else None)


def _quantity(text: str) -> bool:
    """A fraction before a word in lower case: a recipe's "1/2 cup", not a gallery's "1/2"."""
    fraction = _FRACTION.match(text)
    return fraction is not None and fraction.group(1).islower()


TEASER = NoiseRule("noise.teaser_link", "teaser_prefix", closes_article=False)
CREDIT = NoiseRule("noise.image_credit", "credit_prefix", closes_article=False)
