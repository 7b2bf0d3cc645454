"""One problem found in the content: where it is, what is wrong, how to fix it."""

from dataclasses import asdict, dataclass

ERROR, WARNING = "error", "warning"


# Files whose problems are said at a line: the texts (and deploy.toml); an image, or a file the site does not read, has none.
LINED = (".md", ".markdown", ".toml")


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # as the author sees it, relative to the project: content/posts/x.md
    line: int
    message: str  # what is wrong, in Serbian
    hint: str  # what to do about it, in plain Serbian
    severity: str = ERROR  # a WARNING is reported but stops nothing

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    @property
    def where(self) -> str:
        """content/posts/x.md:12; a photo, or the whole site ("sajt"), has no lines to name."""
        return f"{self.path}:{self.line}" if self.path.lower().endswith(LINED) else self.path

    def __str__(self) -> str:
        mark = "" if self.is_error else "upozorenje: "
        return f"{self.where}: {mark}{self.message}\n    Kako da popravite: {self.hint}"

    def to_dict(self) -> dict:
        return asdict(self)
