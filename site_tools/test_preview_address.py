import json
import os
import subprocess
import sys

import pytest

from site_tools import preview_address
from site_tools.preview_address import DEFAULT, announced, current


@pytest.fixture
def state(tmp_path, monkeypatch):
    path = tmp_path / "cache" / "preview.json"
    monkeypatch.setattr(preview_address, "STATE", path)
    return path


def test_the_running_preview_is_said_while_it_runs(state):
    assert current() == DEFAULT == "http://127.0.0.1:8000/"
    with announced("http://127.0.0.1:8001/"):
        assert current() == "http://127.0.0.1:8001/"
    assert current() == DEFAULT and not state.exists()


def test_a_file_left_by_a_stopped_preview_is_ignored(state):
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    state.parent.mkdir(parents=True)
    state.write_text(json.dumps({"pid": int(gone.stdout), "address": "http://127.0.0.1:8005/"}), encoding="utf-8")
    assert current() == DEFAULT


@pytest.mark.parametrize("text", ["", "{", "[]", '{"pid": 0, "address": "http://127.0.0.1:8005/"}', '{"pid": 1}'])
def test_a_damaged_file_is_ignored(state, text):
    state.parent.mkdir(parents=True)
    state.write_text(text, encoding="utf-8")
    assert current() == DEFAULT


def test_a_newer_previews_file_is_left_in_place(state):
    with announced("http://127.0.0.1:8001/"):
        newer = {"pid": os.getppid(), "address": "http://127.0.0.1:8002/"}  # a live process that is not this one
        state.write_text(json.dumps(newer), encoding="utf-8")
    assert current() == "http://127.0.0.1:8002/"
