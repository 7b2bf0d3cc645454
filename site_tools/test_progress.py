"""Progress shows on a terminal only."""

import io

from site_tools import progress


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_off_a_terminal_nothing_is_written(monkeypatch):
    stream = io.StringIO()
    with progress.step("Slanje fajlova", stream=stream) as update:
        update(1, 10)
    assert stream.getvalue() == ""


def test_on_a_terminal_the_step_and_its_count_show(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    stream = Terminal()
    with progress.step("Slanje fajlova", stream=stream) as update:
        update(3, 10)
    shown = stream.getvalue()
    assert "Slanje fajlova" in shown and "3/10" in shown


def test_ci_and_dumb_terminals_get_none(monkeypatch):
    monkeypatch.setenv("CI", "true")
    assert not progress.enabled(Terminal())
    monkeypatch.delenv("CI")
    monkeypatch.setenv("TERM", "dumb")
    assert not progress.enabled(Terminal())


def test_a_step_can_show_words_instead_of_a_count(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    stream = Terminal()
    with progress.step("Pelican gradi sajt", stream=stream) as update:
        update(detail="napisano: 5 stranica")
    assert "napisano: 5 stranica" in stream.getvalue()
