"""`invoke bench`: a smoke run on a few posts (no timing asserted), and the parts it is made of."""

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

from site_tools import ROOT
from site_tools.bench import ROWS, copy_project, hugo, stock
from site_tools.bench.posts import post_text, write_posts
from site_tools.bench.table import format_table

CATEGORIES = ["Osnove", "Saradnja", "Alati", "Poverenje"]


def test_bench_task_builds_every_side_and_reports_them(tmp_path):
    """The whole bench through `invoke bench`, stock Pelican from this virtualenv (same pins) instead of a new one."""
    report = tmp_path / "bench.json"
    command = [str(Path(sys.executable).parent / "invoke"), "bench", "--posts", "5", "--stock-python", sys.executable]
    completed = subprocess.run([*command, "--json", str(report)], cwd=ROOT, capture_output=True, text=True)
    assert completed.returncode == 0, completed.stdout + completed.stderr

    result = json.loads(report.read_text(encoding="utf-8"))
    assert result["ok"] and result["posts"] == 5
    assert set(result["sides"]["ours"]) == set(ROWS)
    assert set(result["sides"]["stock"]) == {"cold", "warm"}
    for rows in result["sides"].values():
        for row, run in rows.items():
            assert run["ok"] and run["seconds"] > 0
            assert (
                run["peak_mb"] > 0 or row == "edit_search"
            )  # (the index is made by a process the bench did not start)
    ours, stock_site = result["sides"]["ours"], result["sides"]["stock"]
    # Every synthetic post was written, on both sides (plus lists, tags, the site's own pages).
    assert ours["cold"]["pages"] > 5 and stock_site["cold"]["pages"] > 5
    assert ours["cold"]["pages"] == ours["warm"]["pages"]
    for label in ROWS.values():
        assert re.search(rf"^\| {re.escape(label)} \| \d+\.\d s \| ", completed.stdout, re.MULTILINE), label
    assert re.search(r"^\| peak memory \| \d+ MB \| \d+ MB \|", completed.stdout, re.MULTILINE)
    assert "HTML pages written: ours " in completed.stdout
    assert not (ROOT / "content/posts/bench").exists()  # the project itself is never touched


def test_synthetic_posts_pass_the_content_check_without_a_single_warning(tmp_path):
    project = copy_project(tmp_path / "project")
    write_posts(project / "content", 4, CATEGORIES)
    report = tmp_path / "report.json"
    command = [
        sys.executable,
        "-m",
        "site_tools.pipeline",
        "check",
        "pelicanconf.py",
        str(tmp_path / "out"),
        str(report),
    ]
    subprocess.run(command, cwd=project, env={"PYTHONPATH": str(project), "PATH": "/usr/bin:/bin"}, check=True)
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["problems"] == []
    assert data["files"] >= 4


def test_synthetic_posts_are_varied_and_deterministic():
    first, again, other = post_text(0, 10, CATEGORIES), post_text(0, 10, CATEGORIES), post_text(1, 10, CATEGORIES)
    assert first == again and first != other
    assert "Category: Osnove" in first and "Category: Saradnja" in other
    for part in (
        "\n## ",
        "\n### ",
        "\n- ",
        "\n> „",
        "({filename}/posts/bench/bench-00001.md)",
        "({filename}/posts/bench/bench-00009.md)",
    ):
        assert part in first, part
    assert len(first.split("\n\n", 1)[1].split()) > 500


def test_stock_site_is_quickstart_pelican_on_the_same_content(tmp_path):
    content = tmp_path / "content"
    write_posts(content, 2, CATEGORIES)
    site = stock.make_site(tmp_path / "stock", content)
    assert (site / "content/posts/bench/bench-00001.md").read_text(encoding="utf-8") == post_text(1, 2, CATEGORIES)
    settings = (site / "pelicanconf.py").read_text(encoding="utf-8")
    assert "TYPOGRIFY = True" in settings and "PLUGINS = []" in settings
    assert stock.build_command("py", tmp_path / "out")[:3] == ["py", "-m", "pelican"]


def test_stock_virtualenv_gets_the_versions_the_site_pins(tmp_path):
    create, install = stock.venv_commands(tmp_path / "venv")
    assert create[1:3] == ["-m", "venv"]
    assert install[0] == str(tmp_path / "venv/bin/python") and install[-2:] == ["-r", str(stock.REQUIREMENTS)]
    bench_pins = _pins(stock.REQUIREMENTS)
    site_pins = _pins(ROOT / "requirements.txt")
    assert bench_pins["pelican"] == "4.12.0"
    for name, version in bench_pins.items():
        if name in site_pins:
            assert site_pins[name] == version, name


def test_hugo_site_has_every_post_with_valid_front_matter(tmp_path):
    site = hugo.make_site(tmp_path / "hugo", 3, CATEGORIES)
    posts = sorted((site / "content/posts").glob("*.md"))
    assert [path.stem for path in posts] == ["bench-00000", "bench-00001", "bench-00002"]
    front = tomllib.loads(posts[1].read_text(encoding="utf-8").split("+++")[1])
    assert front["slug"] == "bench-00001" and front["categories"] == ["Saradnja"] and len(front["tags"]) == 3
    assert "(../bench-00002/)" in posts[1].read_text(encoding="utf-8")
    assert tomllib.loads((site / "hugo.toml").read_text(encoding="utf-8"))["title"] == "VA vodič"


def test_table_compares_with_stock_and_says_what_failed():
    run = {"seconds": 2.0, "peak_mb": 200.0, "ok": True, "pages": 9}
    stock_run = {"seconds": 4.0, "peak_mb": 100.0, "ok": True, "pages": 8}
    result = {
        "posts": 3,
        "cpus": 2,
        "rounds": 1,
        "rows": ROWS,
        "sides": {
            "ours": {"cold": run, "warm": run, "edit": {**run, "ok": False}, "publish": run},
            "stock": {"cold": stock_run, "warm": stock_run},
        },
    }
    table = format_table(result)
    assert "| production build, no caches (cold) | 2.0 s | 4.0 s | 0.50× |" in table
    assert "| `invoke build` after editing one post | failed | — | — |" in table
    assert "| `invoke publish --dry-run` | 2.0 s | — | 0.50× of a whole build |" in table
    assert "| peak memory | 200 MB | 100 MB | 2.0× |" in table
    assert "HTML pages written: ours 9, stock 8." in table


def _pins(path: Path) -> dict[str, str]:
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if "==" in line:
            name, version = line.split("==")
            pins[re.sub(r"\[.*\]", "", name).lower().replace("_", "-")] = version.strip()
    return pins
