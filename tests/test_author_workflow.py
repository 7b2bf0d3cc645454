"""The author's loop, as she runs it: new-faq, check, build with a broken draft."""

import shutil
from datetime import datetime
from zoneinfo import ZoneInfo

from conftest import ROOT, invoke
from site_tools.build import PROD_SETTINGS, build

BAD = ROOT / "site_tools/check/testdata/bad"


def header(path):
    lines = path.read_text(encoding="utf-8").split("\n\n")[0].splitlines()
    return dict(line.split(": ", 1) for line in lines)


def test_new_faq_writes_a_draft_that_checks_and_previews(project_copy):
    result = invoke(project_copy, "new-faq", "Česta pitanja o ceni")
    assert result.returncode == 0, result.stderr
    path = project_copy / "content/faq/cesta-pitanja-o-ceni.md"
    assert result.stdout.splitlines() == [
        "content/faq/cesta-pitanja-o-ceni.md",
        "Pregled (dok radi `make`): http://127.0.0.1:8000/nacrti/cesta-pitanja-o-ceni/",
    ]
    fields = header(path)
    assert list(fields) == ["Title", "Date", "Slug", "Summary", "Kind", "Status"]
    assert fields["Title"] == "Česta pitanja o ceni" and fields["Kind"] == "questions" and fields["Status"] == "draft"
    written = datetime.strptime(fields["Date"], "%Y-%m-%d %H:%M").replace(tzinfo=ZoneInfo("Europe/Belgrade"))
    assert abs((datetime.now(ZoneInfo("Europe/Belgrade")) - written).total_seconds()) < 120

    myths = invoke(project_copy, "new-faq", "Mitovi o ceni", "--kind", "myths")
    assert myths.returncode == 0 and header(project_copy / "content/faq/mitovi-o-ceni.md")["Kind"] == "myths"

    assert invoke(project_copy, "check").returncode == 0, "a new file passes the check as it is"
    built = invoke(project_copy, "build")
    assert built.returncode == 0, built.stdout + built.stderr
    preview = (project_copy / "output/nacrti/cesta-pitanja-o-ceni/index.html").read_text(encoding="utf-8")
    assert "Nacrt — nije objavljeno" in preview and "Prvo pitanje" in preview


def test_new_faq_refuses_to_overwrite_and_unknown_kinds(project_copy):
    assert invoke(project_copy, "new-faq", "Ista pitanja").returncode == 0
    path = project_copy / "content/faq/ista-pitanja.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nMoj odgovor.\n", encoding="utf-8")
    again = invoke(project_copy, "new-faq", "Ista pitanja")
    assert again.returncode != 0 and "već postoji" in again.stderr
    assert "Moj odgovor." in path.read_text(encoding="utf-8")
    wrong = invoke(project_copy, "new-faq", "Drugo", "--kind", "saveti")
    assert wrong.returncode != 0 and "Vrsta „saveti” ne postoji" in wrong.stderr
    assert not (project_copy / "content/faq/drugo.md").exists()


def test_check_reports_every_problem_with_file_line_and_hint(project_copy):
    clean = invoke(project_copy, "check")
    assert clean.returncode == 0
    assert "Provera sadržaja: sve je u redu" in clean.stdout

    for name in ("los-datum.md", "nepoznata-kategorija.md", "nema-slike.md", "nije-utf8.md"):
        shutil.copy(BAD / "posts" / name, project_copy / "content/posts" / name)
    result = invoke(project_copy, "check")
    assert result.returncode == 1
    for location in ("los-datum.md:2: ", "nepoznata-kategorija.md:3: ", "nema-slike.md:11: ", "nije-utf8.md:10: "):
        assert f"\ncontent/posts/{location}" in "\n" + result.stdout
    assert result.stdout.count("    Kako da popravite: ") == 4
    assert "našla 4 problema u 4 fajla" in result.stdout


def test_a_broken_draft_is_reported_but_the_preview_still_builds(project_copy):
    shutil.copy(BAD / "posts/dug-sazetak.md", project_copy / "content/posts/dug-sazetak.md")
    result = invoke(project_copy, "build")
    assert result.returncode == 1
    assert "content/posts/dug-sazetak.md:6: Sažetak (Summary) ima 182 znaka" in result.stdout
    assert "Pregled je izgrađen, ali sadržaj ima probleme" in result.stdout
    assert (project_copy / "output/dug-sazetak/index.html").is_file()
    assert (project_copy / "output/kontakt/index.html").is_file()


def test_host_files_survive_a_cleaned_production_output(tmp_path):
    output = tmp_path / "output"
    (output / ".well-known/acme-challenge").mkdir(parents=True)
    (output / ".well-known/acme-challenge/token").write_text("dokaz")
    (output / "CNAME").write_text("vavodic.rs\n")
    (output / "stari-post").mkdir()
    (output / "stari-post/index.html").write_text("stara stranica")
    build(PROD_SETTINGS, output, {"SITEURL": "https://vavodic.rs"}, quiet=True)
    assert not (output / "stari-post").exists(), "production output is cleaned first"
    assert (output / ".well-known/acme-challenge/token").read_text() == "dokaz"
    assert (output / "CNAME").read_text() == "vavodic.rs\n"
    assert (output / "index.html").is_file()
