"""Author and developer tasks. `invoke --list` shows them; each one is a thin
wrapper around a function in site_tools/, where the logic (and its tests) live.

The docstrings and help texts are what the author reads in `invoke --list` and
`invoke --help TASK`, so they are in Serbian like everything else she sees.

Each task imports what it uses when it runs: site_tools' modules bring Pelican
and the plugins with them, and importing all of them for every task (`invoke
--list` too) took a third of a second before anything happened."""

import sys
from pathlib import Path

import invoke

from site_tools import ROOT
from site_tools.interrupt import ends_like_ctrl_c


def task(*args, **options):
    """invoke's @task, each body ending as a terminal expects on Ctrl+C (site_tools/interrupt.py)."""
    if args and callable(args[0]):
        return invoke.task(ends_like_ctrl_c()(args[0]))
    return lambda body: invoke.task(*args, **options)(ends_like_ctrl_c()(body))


@task
def check(c):
    """Proverava sadržaj: svaki problem kao fajl:red, sa savetom kako da se popravi; završava se greškom ako ih ima."""
    from site_tools.check import run_check
    from site_tools.check.report import format_report

    result = run_check()
    print(format_report(result))
    if not result.ok:
        sys.exit(1)


@task
def report(c):
    """Za svaki tekst pokazuje dužinu i linkove naspram uredničkih ciljeva; samo obaveštava, nikad ne završava greškom."""
    from site_tools import content_report

    print(content_report.format_report(content_report.collect()))


@task
def clean(c):
    """Briše izgrađeni sajt (output/) i ono što izgradnje čuvaju (cache/), pa sledeća izgradnja kreće od nule. Sadržaj ne dira."""
    from site_tools.preview import remove_builds

    remove_builds()


@task
def build(c):
    """Proverava, pa gradi pregled u output/ (sa nacrtima i zakazanim tekstovima, označenim)."""
    from site_tools.preview import checked_build

    preview = checked_build()
    if not (preview.built and preview.clean):
        sys.exit(1)


@task(help={"port": "Port na 127.0.0.1 (podrazumevano 8000)."})
def serve(c, port="8000"):  # a string: invoke would turn a typo into a traceback
    """Proverava i gradi, pa prikazuje output/ na http://127.0.0.1:8000 (bez automatskog osvežavanja)."""
    from site_tools.preview import serve_checked

    if not serve_checked(_free(port)):
        sys.exit(1)


@task(help={"port": "Port na 127.0.0.1 (podrazumevano 8000)."})
def livereload(c, port="8000"):
    """Proverava, gradi i prikazuje na http://127.0.0.1:8000; posle svake izmene ponovo gradi i osvežava pregledač."""
    from site_tools.livereload_server import serve_with_livereload

    serve_with_livereload(port=_free(port))


def _free(port) -> int:
    from site_tools.server import PortProblem, free_port

    try:
        return free_port(port)
    except PortProblem as problem:
        print(problem)
        sys.exit(1)


@task(help={"title": 'Naslov teksta, pod navodnicima: invoke new-post "Naslov posta"'})
def new_post(c, title):
    """Pravi content/posts/<slug>.md kao nacrt sa punim zaglavljem; ispisuje putanju i adresu pregleda."""
    from site_tools.new_content import new_post as create

    _create(create, title)


@task(
    help={
        "title": 'Naslov stranice, pod navodnicima: invoke new-faq "Česta pitanja o ceni"',
        "kind": "questions (pitanja i odgovori, podrazumevano) ili myths (mitovi i činjenice)",
    }
)
def new_faq(c, title, kind="questions"):
    """Pravi content/faq/<slug>.md (pitanja ili mitovi) kao nacrt; ispisuje putanju i adresu pregleda."""
    from site_tools.new_content import new_faq as create

    _create(create, title, kind=kind)


@task(help={"dry_run": "Pokazuje šta bi se na sajtu dodalo, promenilo i uklonilo; ništa ne menja."})
def publish(c, dry_run=False):
    """Proverava, gradi za objavljivanje, proverava linkove i HTML, pa objavljuje (kuda: deploy.toml, UPUTSTVO.md)."""
    from site_tools.publish import closed_terminal_as_ctrl_c
    from site_tools.publish import publish as publish_site

    with closed_terminal_as_ctrl_c():
        if not publish_site(dry_run=dry_run):
            sys.exit(1)


@task
def rollback(c):
    """Vraća na sajt verziju koja je bila objavljena pre trenutne (svako pokretanje je jedan korak unazad)."""
    from site_tools.publish import closed_terminal_as_ctrl_c
    from site_tools.publish import rollback as roll_back

    with closed_terminal_as_ctrl_c():
        if not roll_back():
            sys.exit(1)


@task(name="nginx-headers")
def nginx_headers_task(c):
    """Za održavanje: piše nginx/security-headers.conf iz izgradnje za objavljivanje (posle izmene skripte ili pravila)."""
    from site_tools.nginx_headers import write_nginx_conf

    path = write_nginx_conf()
    print(path.relative_to(ROOT))


def _create(create, title, **options):
    try:
        path, preview = create(title, **options)
    except FileExistsError as error:
        existing = (
            Path(error.filename).relative_to(ROOT) if Path(error.filename).is_relative_to(ROOT) else error.filename
        )
        sys.exit(f"Greška: {existing} već postoji; izaberite drugi naslov ili izmenite taj fajl.")
    except ValueError as error:
        sys.exit(f"Greška: {error}")
    print(path.relative_to(ROOT))
    print(f"Pregled (dok radi `make`): {preview}")


@task(
    help={
        "posts": "Koliko izmišljenih tekstova se dodaje u kopiju sajta (podrazumevano 1000).",
        "no_stock": "Bez poređenja sa Pelican sajtom bez dodataka (ne instalira se virtuelno okruženje).",
        "stock_python": "Python koji već ima requirements-bench.txt, umesto novog virtuelnog okruženja.",
        "rounds": "Koliko puta se meri svaka izgradnja, naizmenično (podrazumevano 1); tabela pokazuje medijanu (od dve: bržu).",
        "json": "Gde se upisuje JSON (podrazumevano cache/bench/latest.json).",
    }
)
def bench(c, posts=1000, no_stock=False, stock_python=None, rounds=1, json=None):
    """Za održavanje: brzina izgradnje sa mnogo tekstova, naspram Pelican sajta bez dodataka (i Hugo sajta, ako je Hugo instaliran); tabela i JSON."""
    from site_tools.bench import DEFAULT_JSON, run_bench

    result = run_bench(
        posts=int(posts),
        compare_stock=not no_stock,
        stock_python=stock_python,
        rounds=int(rounds),
        json_path=json or DEFAULT_JSON,
    )
    if not result["ok"]:
        sys.exit(1)
