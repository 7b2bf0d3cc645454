"""Share cards drawn in worker processes while Pelican reads on.

A card depends only on its title and the brand, so it can be drawn the moment
its page is read: `Painter.card` sends it to a small process pool and returns
the path it will have, and `wait` (before a card is copied into the output)
waits for that card alone, so the pages go on being written while the rest are
drawn. The workers stay for cards asked for while writing until `close` at the
end of the build. On two cores a first build draws while it reads and writes.
The workers also keep the images' large short-lived buffers out of the build
process, whose heap they would otherwise fragment for the rest of the build
(glibc; it tripled the peak memory of a first build of 1000 posts).
"""

import os
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from . import cache


class Painter:
    def __init__(self, workers: int | None = None):
        self.workers = workers or max(1, min(4, os.cpu_count() or 1))
        self._pool: ProcessPoolExecutor | None = None
        self._pending: dict[Path, Future] = {}
        self.asked = 0  # cards sent to be drawn, and drawn so far (for the build's progress line)
        self.drawn = 0

    def card(self, cache_dir: Path, title: str, brand: str) -> Path:
        """The card's path in the cache; drawn in the background if it is not there yet."""
        path = cache.card_path(cache_dir, title, brand)
        if not path.exists() and path not in self._pending:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(self.workers)
            self._pending[path] = self._pool.submit(cache.cached_card, cache_dir, title, brand)
            self._pending[path].add_done_callback(self._count)
            self.asked += 1
        return path

    def _count(self, future: Future) -> None:
        self.drawn += 1

    def wait(self, path: Path) -> None:
        """Wait until the card at `path` is in the cache (if it was asked for); a drawing error is raised here."""
        future = self._pending.pop(path, None)
        if future is not None:
            future.result()

    def finish(self) -> None:
        """Wait until every card asked for is in the cache; a drawing error is raised here."""
        pending, self._pending = self._pending, {}
        for future in pending.values():
            future.result()

    def close(self) -> None:
        """Finish, then stop the workers (cards asked for later start new ones)."""
        try:
            self.finish()
        finally:
            if self._pool is not None:
                self._pool.shutdown()
                self._pool = None
