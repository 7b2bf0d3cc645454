"""One problem found in the content: where it is, what is wrong, how to fix it."""

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # as the author sees it, relative to the project: content/posts/x.md
    line: int
    message: str  # what is wrong, in Serbian
    hint: str  # what to do about it, in plain Serbian

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}\n    Kako da popravite: {self.hint}"
