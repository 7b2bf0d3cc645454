"""An FAQ page's rendered HTML as data: an introduction and its questions.

Each top-level <h2> is a question; everything after it, up to the next <h2>,
is its answer. The visible page, the JSON-LD and the link checks all read the
structure built here, so they cannot disagree about what the questions are.
"""

from dataclasses import dataclass

from markupsafe import Markup

from shared import plain, rendered, slugify

KINDS = ("myths", "questions")
DEFAULT_KIND = "questions"
# The author may name a kind in Serbian (Kind: mitovi, VRSTA=pitanja), in any case, with or without marks.
SERBIAN_KINDS = {"mitovi": "myths", "mit": "myths", "pitanja": "questions", "pitanje": "questions"}


def kind_named(name: str) -> str:
    """The kind `name` stands for (myths, questions), or `name` lowercased when it is neither."""
    name = str(name).strip().lower()
    return SERBIAN_KINDS.get(slugify(name), name)


@dataclass(frozen=True)
class Question:
    id: str
    html: Markup  # the heading's inner HTML (typogrified)
    text: str
    answer_html: Markup
    answer_text: str


@dataclass(frozen=True)
class Section:
    """One question as written, before checks: the id the page shows for its heading, heading and answer HTML."""

    id: str
    heading_html: str
    answer_html: str


@dataclass(frozen=True)
class FaqPage:
    kind: str
    intro_html: Markup
    questions: tuple[Question, ...]

    @property
    def is_myths(self) -> bool:
        return self.kind == "myths"


def split_sections(parsed: "rendered.Rendered | str") -> tuple[str, list[Section]]:
    """The HTML before the first top-level <h2>, then one Section per <h2> (from the shared parse)."""
    parsed = parsed if isinstance(parsed, rendered.Rendered) else rendered.Rendered(parsed)
    intro, sections = parsed.sections("h2")
    return intro, [Section(*section) for section in sections]


def make_question(section: Section) -> Question:
    return Question(
        id=section.id,
        html=Markup(section.heading_html.strip()),
        text=plain(section.heading_html),
        answer_html=Markup(section.answer_html),
        answer_text=_answer_text(section.answer_html),
    )


def _answer_text(answer_html: str) -> str:
    """What the answer says: its words, or for an answer that is a picture, what the picture shows (its alt)."""
    words = plain(answer_html)
    if words:
        return words
    shown = (image.attributes.get("alt", "").strip() for image in rendered.Rendered(answer_html).images)
    return " ".join(alt for alt in shown if alt)  # parsed only here: most answers have words


def parse_faq(parsed: "rendered.Rendered | str", kind: str = DEFAULT_KIND) -> FaqPage:
    """The page's introduction and questions."""
    intro, sections = split_sections(parsed)
    return FaqPage(kind=kind, intro_html=Markup(intro), questions=tuple(make_question(s) for s in sections))
