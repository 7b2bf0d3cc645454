"""The content check: judges what Pelican read, in the same run that writes the site.

`invoke check`, `build`, `livereload` and `publish` all run Pelican through
site_tools/pipeline.py with this plugin; there is no second reading of the
Markdown anywhere. The run:

1. `initialized`: a pre-read finds what Pelican cannot be trusted to read
   (preread.py) and starts catching Pelican's warnings (pelican_log.py);
2. `get_writer` (after every generator and plugin has finished reading, in
   whatever order PLUGINS lists them): every document is judged on Pelican's
   objects (header.py, metadata.py, addresses.py, references.py, and the problems other
   plugins attach as `content_problems`); language rules add warnings;
3. by the mode (setting CONTENT_CHECK_MODE): "check" stops before writing;
   "production" stops when anything is wrong (in a draft or a post scheduled
   for later, which are not on the site, an error is only a warning, in every mode); "preview" writes the site anyway,
   leaving out only the documents that cannot be written safely, and puts
   the problems in a banner at the top of each page (banner.py).

The problems are kept in `current` for the pipeline to report.
"""

import logging
import os
from pathlib import Path

from pelican import signals
from pelican.contents import Content, Static

from shared import ERROR, WARNING, Problem, Source, documents, format_date, keep_written_summaries
from shared.disk_cache import Store, cache_root, code_key, open_folder
from shared.modes import CHECK, PREVIEW, PRODUCTION, mode

from . import (
    addresses,
    banner,
    header,
    html_elements,
    language,
    metadata,
    outline,
    pelican_log,
    preread,
    references,
    status,
)
from .site_index import SiteIndex, relative_path

__all__ = ["ERROR", "WARNING", "Problem", "Stop", "current"]


class Stop(BaseException):
    """Raised to end a run before anything is written; not an error of the build."""


class Run:
    def __init__(self, pelican):
        settings = pelican.settings
        self.settings = settings
        self.mode = mode(settings)
        self.content = Path(settings["PATH"])
        self.problems: list[Problem] = []
        self.scheduled: list[tuple[str, str, str]] = []  # (file, date, preview address or "")
        self.files = 0
        self.written = False
        self.published: list[tuple[str, str]] = []  # (file, address): went live since the last preview
        self.documents: list[dict] = []  # what Pelican made of each content file (_described), drafts too
        self.moved, self.state = [], None
        self.preview_banner: banner.Banner | None = None  # preview only
        root = cache_root(settings, "LANGUAGE_CACHE", "language")
        self.language_store = Store(open_folder(root, code_key()), track=True) if root else None
        root = cache_root(settings, "IMAGE_CHECK_CACHE", "image-check")
        self.image_store = Store(open_folder(root, code_key()), track=True) if root else None
        self.capture = pelican_log.Capture()
        logging.getLogger().addHandler(self.capture)  # Pelican's and every plugin's records
        folders = list(settings["ARTICLE_PATHS"]) + list(settings["PAGE_PATHS"])
        found, self.rejected = preread.scan(
            self.content,
            folders,
            list(settings["STATIC_PATHS"]),
            self.shown,
            list(settings.get("IGNORE_FILES", ())),
            self.image_store,
        )
        if self.image_store:
            self.image_store.prune()  # every image was looked at: what was not used is of old files
        self.problems += found
        self.files = sum(1 for folder in folders for p in (self.content / folder).rglob("*") if p.is_file())

    def shown(self, path) -> str:
        return relative_path(path, self.content.parent)

    def source(self, path: str) -> Source:
        full = os.path.abspath(path) if os.path.exists(path) else str(self.content / path)
        return Source(full, self.shown(full))

    def is_rejected(self, path: str) -> bool:
        relative = relative_path(path, self.content)
        return any(relative == r or relative.startswith(r + "/") for r in self.rejected) or relative.startswith("..")

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    def judge(self, generators) -> None:
        index = SiteIndex(generators, self.settings)
        self._take_log()
        unwritable = []
        for document in index.documents:
            if self.is_rejected(document.source_path):
                unwritable.append(document)
                continue
            source = index.source(document)
            found, meant = header.check(source)
            found += metadata.check(document, source, index, meant)
            found += references.check(document, index)
            found += html_elements.check(document, source)
            found += outline.check(document, source)
            found += getattr(document, "content_problems", [])
            found += language.check(document, source, self.language_store)
            self.problems += found
            if not document.slug or len(document.slug) > metadata.SLUG_MAX_CHARACTERS:
                unwritable.append(document)
            if getattr(document, "scheduled", False):
                # where the preview shows it (a publish writes it only once its date has come)
                self.scheduled.append(
                    (source.shown, document.date.isoformat(), document.url if self.mode == PREVIEW else "")
                )
        if self.language_store:
            self.language_store.prune()  # every document was judged: what was not used is of old texts
        taken, clashing = addresses.check(index)
        self.problems += taken
        unwritable += clashing
        self._drop_static(generators)
        # A draft, or a post scheduled for later, is not on the site: what is wrong in it is said, as a
        # warning, and stops nothing until the post goes live (then it is an error like any other).
        waiting = {index.shown(d.source_path): _waiting_note(d) for d in index.documents}
        self.problems = [
            _waiting(problem, note) if (note := self._note_for(problem.path, waiting)) else problem
            for problem in self.problems
        ]
        if self.mode == PRODUCTION:  # it is not written either
            unwritable = [document for document in unwritable if not waiting[index.shown(document.source_path)]]
        self.documents = [_described(document, index) for document in index.documents if document not in unwritable]
        if self.mode == CHECK or (self.mode != PREVIEW and (self.errors or unwritable)):
            raise Stop
        if self.mode == PREVIEW:
            for document in unwritable:
                _drop(generators, document)
            output = Path(self.settings["OUTPUT_PATH"])
            before, self.state = status.read(output), status.state(index.documents, index)
            went_live = status.changes(before, self.state, index.documents, index)
            self.published = [(shown, document.url) for shown, document in went_live]
            self.moved = status.short_pages(before, self.state, index.documents, index)
            self.preview_banner = banner.show(generators[0], sorted(set(self.problems)))

    def _note_for(self, shown: str, waiting: dict) -> str | None:
        """Why a file's problems wait (`waiting`: each document's, by shown path); for a text Pelican could
        not read (a date it cannot parse), its own header's Status says whether it is a draft."""
        if shown in waiting:
            return waiting[shown]
        folders = [*self.settings["ARTICLE_PATHS"], *self.settings["PAGE_PATHS"]]
        if not any(shown.startswith(f"{self.content.name}/{folder}/") for folder in folders):
            return None
        source = Source(str(self.content.parent / shown), shown)
        line = source.find_field("status") if shown.endswith(".md") else None
        return DRAFT_NOTE if line is not None and source.value_on(line).lower() == "draft" else None

    def _take_log(self) -> None:
        rejected_shown = {self.shown(self.content / r) for r in self.rejected}
        self.problems += pelican_log.problems(self.capture.records, self.source, rejected_shown)
        self.capture.records.clear()

    def finish(self) -> None:
        """Take what Pelican logged while writing; order the problems by file and line."""
        self._take_log()
        self.problems = sorted(set(self.problems))

    def _drop_static(self, generators) -> None:
        """Files a rejected link or path points at are never copied into the site."""
        for generator in generators:
            files = getattr(generator, "staticfiles", None)
            if files:
                files[:] = [f for f in files if not (isinstance(f, Static) and self.is_rejected(f.source_path))]

    def after_writing(self, pelican) -> None:
        if self.state is not None:
            from pelican.writers import Writer

            writer = Writer(pelican.output_path, settings=self.settings)
            status.write_moved_pages(writer, self.generators, self.moved, self.preview_banner.latin)
            status.save(Path(pelican.output_path), self.state)
        banner.hide()

    def report(self) -> dict:
        return {
            "published": self.published,
            "problems": [p.to_dict() for p in self.problems],
            "scheduled": self.scheduled,
            "files": self.files,
            "written": self.written,
            "documents": self.documents,
        }


current: Run | None = None


DRAFT_NOTE = "Ovo je nacrt, pa ne ide na sajt i ova greška ne zaustavlja objavljivanje."
SCHEDULED_NOTE = (  # {date}: „15. decembra 2026.”
    "Tekst je zakazan za {date} Do tada ova greška ne zaustavlja objavljivanje, ali će ga posle tog datuma"
    " zaustaviti ako je ne popravite."
)


def _waiting_note(document) -> str | None:
    if getattr(document, "scheduled", False):
        return SCHEDULED_NOTE.format(date=format_date(document.date, "genitive"))
    return DRAFT_NOTE if document.status == "draft" else None


def _waiting(problem: Problem, note: str) -> Problem:
    """An error in a text that is not on the site: a warning, its message saying why (the hint, often a
    line to copy, stays as it is)."""
    if not problem.is_error:
        return problem
    return Problem(problem.path, problem.line, f"{problem.message} {note}", problem.hint, WARNING)


def _described(document, index: SiteIndex) -> dict:
    """A document as Pelican made it, for whoever reads the run's report (the tests among them)."""
    return {
        "source": index.shown(document.source_path),
        "template": document.template,
        "url": document.url,
        "save_as": document.save_as,
        "status": document.status,
    }


def _drop(generators, document) -> None:
    """Leave a document out of everything Pelican would write: its page, lists, feeds, and the
    links other documents have to it (neighbours, related posts: a gap rather than a dead link)."""
    for generator in generators:
        for value in vars(generator).values():
            for item in value if isinstance(value, list) else ():
                if isinstance(item, Content) and item is not document:
                    _forget(item, document)
    for generator in generators:
        for name, value in vars(generator).items():
            if isinstance(value, list):
                value[:] = [item for item in value if item is not document]
                for item in value:  # (category, [articles]) and the like
                    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], list):
                        item[1][:] = [a for a in item[1] if a is not document]
            elif isinstance(value, dict) and name in ("tags", "categories", "authors"):
                for articles in value.values():
                    if isinstance(articles, list):
                        articles[:] = [a for a in articles if a is not document]


def _forget(item, document) -> None:
    for name, value in vars(item).items():
        if value is document:
            setattr(item, name, None)
        elif isinstance(value, list) and any(element is document for element in value):
            value[:] = [element for element in value if element is not document]


def crash_problem(error: BaseException, frames) -> dict:
    """A build that crashed, said plainly, naming a content file when the error names one."""
    named = getattr(error, "filename", None) or ""
    inside = bool(current and named and Path(named).is_relative_to(current.content))
    where = current.shown(named) if inside else "sajt"
    if inside and isinstance(error, FileNotFoundError):  # deleted or moved while the preview was building
        return Problem(
            where,
            1,
            "Fajl je obrisan ili premešten dok se sajt gradio, pa ova izgradnja nije završena.",
            "Ako ste ga namerno obrisali ili premestili, ne treba ništa da radite: pregled se ponovo gradi posle "
            "svake izmene. Ako poruka ostane, sačuvajte tekst ponovo.",
        ).to_dict()
    last = frames[-1] if frames else None
    origin = f" ({Path(last.filename).name}:{last.lineno})" if last else ""
    return Problem(
        where,
        1,
        f"Izgradnja sajta nije uspela: {type(error).__name__}: {error}{origin}",
        "Sadržaj je proveren, ali izgradnja je pukla. Pošaljite ovu poruku osobi koja održava sajt "
        "(za detalje: VA_DEBUG=1 pre komande).",
    ).to_dict()


def start(pelican) -> None:
    global current
    current = Run(pelican)


def judge(pelican):
    # get_writer is sent once everything is read and every plugin's
    # all_generators_finalized handler has run; the writer itself is Pelican's.
    current.judge(current.generators)
    current.written = True


def remember(generators) -> None:
    current.generators = generators
    keep_written_summaries(documents(generators[0].context))  # before Pelican replaces their links


def after_writing(pelican) -> None:
    current.after_writing(pelican)


def register():
    signals.initialized.connect(start)
    signals.all_generators_finalized.connect(remember)
    signals.get_writer.connect(judge)
    signals.finalized.connect(after_writing)
