"""Which deploy target to use, from deploy.toml and VA_DEPLOY_* environment variables.

Environment variables win over deploy.toml; with neither, the site goes to
the local release folder deploy/. README "Publishing" lists every setting.
"""

import difflib
import os
import re
import shlex
import tomllib
from pathlib import Path

from .. import ROOT
from .target import DeployError, Target

CONFIG_FILE = "deploy.toml"
# setting in deploy.toml → environment variable
SETTINGS = {
    "siteurl": "VA_SITEURL",  # the site's address; pelicanconf.py reads it (PUBLISHED_SITEURL, default https://vavodic.rs)
    "target": "VA_DEPLOY_TARGET",  # local (default), ssh, git or s3
    "dir": "VA_DEPLOY_DIR",  # local: the release folder (default deploy/)
    "keep": "VA_DEPLOY_KEEP",  # local, ssh and s3: releases kept for rollback (default 5)
    "ssh": "VA_DEPLOY_SSH",  # ssh: user@host:/absolute/path
    "ssh_port": "VA_DEPLOY_SSH_PORT",
    "ssh_key": "VA_DEPLOY_SSH_KEY",
    "ssh_options": "VA_DEPLOY_SSH_OPTIONS",  # extra ssh options, e.g. "-o UserKnownHostsFile=…"
    "git": "VA_DEPLOY_GIT",  # git: the repository URL or path
    "git_branch": "VA_DEPLOY_GIT_BRANCH",  # default gh-pages
    "cname": "VA_DEPLOY_CNAME",  # git: the custom domain for CNAME ("" for none)
    "s3_bucket": "VA_DEPLOY_S3_BUCKET",  # s3: the bucket
    "s3_prefix": "VA_DEPLOY_S3_PREFIX",  # s3: a folder in the bucket (default: the bucket's root)
    "s3_endpoint": "VA_DEPLOY_S3_ENDPOINT",  # s3: the service's URL when it is not AWS (R2, B2, MinIO, …)
    "s3_region": "VA_DEPLOY_S3_REGION",  # s3: the region (default AWS_REGION, AWS_DEFAULT_REGION or us-east-1)
}


NUMBERS = {"keep": 5, "ssh_port": 22}  # settings that are numbers (keep = 5), with an example
# What a text setting looks like, for the message when it is written without quotes.
EXAMPLES = {
    "siteurl": "https://www.vas-domen.rs",
    "target": "local",
    "dir": "/var/www/vavodic",
    "ssh": "korisnik@server.hosting.rs:/home/korisnik/vavodic",
    "git": "git@github.com:vas-nalog/vavodic-sajt.git",
    "git_branch": "gh-pages",
    "cname": "www.vas-domen.rs",
    "ssh_key": "~/.ssh/id_ed25519",
    "s3_bucket": "ime-skladista",
    "s3_prefix": "www",
    "s3_endpoint": "https://nalog.r2.cloudflarestorage.com",
    "s3_region": "auto",
}
SITEURL_RE = re.compile(r"^https?://[^\s/]+(/[^\s]*[^\s/])?$")  # every link is built on it: no trailing /
TOML_LINE_RE = re.compile(r"\(at line (\d+), column \d+\)")
WINDOWS_DRIVE_RE = re.compile(r"^([A-Za-z]):(?=[\\/]|$)")  # C:\… or C:/…
WSL_EXAMPLE = 'dir = "/mnt/c/Users/Ana/sajt"'


def read_settings(root: Path = ROOT, environ: dict | None = None) -> dict:
    environ = os.environ if environ is None else environ
    path = root / CONFIG_FILE
    raw = path.read_bytes() if path.is_file() else b""
    try:
        text = raw.decode("utf-8-sig")  # Notepad's "UTF-8 with BOM" is UTF-8 too
        settings = tomllib.loads(text)
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DeployError(
            f"{CONFIG_FILE} nije sačuvan kao UTF-8 (red {line}): "
            "otvorite ga u uređivaču teksta i sačuvajte sa kodiranjem „UTF-8”."
        ) from error
    except tomllib.TOMLDecodeError as error:
        line = TOML_LINE_RE.search(str(error))  # Python 3.11's error has the line only in its (English) text
        where = f" u redu {line.group(1)}" if line else ""
        if str(error).startswith("Cannot overwrite"):  # the same setting twice
            raise DeployError(
                f"{CONFIG_FILE} nije ispravan{where}: to podešavanje je već navedeno u nekom redu iznad; ostavite samo jedno."
            ) from error
        lines = text.splitlines()
        wrong = lines[int(line.group(1)) - 1] if line and int(line.group(1)) <= len(lines) else ""
        typographic = any(mark in wrong for mark in "„“”‘’")  # an editor that „corrects” quotes
        if typographic:
            advice = ": običnim, sa tastature (\"), a ne „ ” “ ili ‘ ’, koje ubacuje uređivač teksta."
        elif "\\" in wrong and os.name == "nt":  # a Windows path: C:\Users\… reads as escapes
            advice = (
                "; u putanji pišite / umesto \\ (na primer: C:/Users/Ana/sajt) "
                "ili je stavite pod jednostruke navodnike ('C:\\Users\\Ana\\sajt')."
            )
        elif "\\" in wrong:  # the same, on Linux or in WSL, where C: is /mnt/c
            advice = f"; putanju pišite sa /, a disk C: je ovde /mnt/c (na primer: {WSL_EXAMPLE})."
        else:
            advice = "."
        raise DeployError(
            f"{CONFIG_FILE} nije ispravan{where}: svaki red je oblika ime = \"vrednost\", sa navodnicima oko teksta"
            + advice
        ) from error
    unknown = sorted(set(settings) - set(SETTINGS))
    if unknown:
        raise DeployError(_unknown(unknown, text))
    for key, value in settings.items():
        if key not in NUMBERS and not isinstance(value, str):
            shown = EXAMPLES.get(key, str(value).lower() if isinstance(value, bool) else str(value))
            raise DeployError(
                f"{CONFIG_FILE}{_at_line(text, key)}: {key} je tekst i piše se pod navodnicima, "
                f'na primer: {key} = "{shown}"'
            )
    for key, variable in SETTINGS.items():
        if variable in environ:
            settings[key] = environ[variable]
    address = settings.get("siteurl")
    if address is not None:  # „https://www.vas-domen.rs/” means the same site: every link is built without the /
        address = settings["siteurl"] = str(address).strip().rstrip("/")
    if address is not None and not SITEURL_RE.match(address):
        bare = re.sub(r"^(?:[a-z]+:)?/*", "", address, flags=re.I) or "www.vas-domen.rs"
        raise DeployError(
            f"{CONFIG_FILE}: adresa sajta „{address}” mora da bude cela, sa https:// na početku i bez / na kraju, "
            f'na primer: siteurl = "https://{bare}"'
        )
    return settings


def load_target(site: dict, root: Path = ROOT, environ: dict | None = None) -> Target:
    """The configured target; `site` is the production Pelican settings (SITEURL, OUTPUT_RETENTION, author)."""
    # Imported here: the settings files read deploy.toml (read_settings) on every build, publishing or not.
    from .git import GitTarget
    from .local import LocalTarget
    from .s3 import S3Target
    from .ssh import SshTarget

    settings = read_settings(root, environ)
    kind = str(settings.get("target", "local")).strip().lower()
    kept = tuple(site.get("OUTPUT_RETENTION", ()))
    environ = os.environ if environ is None else environ
    keep = _number(settings, "keep", 5, environ)
    if kind == "local":
        return LocalTarget(_folder(settings, root, environ), keep=keep, kept=kept)
    if kind == "ssh":
        if not settings.get("ssh"):
            raise _missing("ssh", "ssh", "server i fasciklu sajta")
        return SshTarget(
            settings["ssh"], port=_number(settings, "ssh_port", None, environ), key=settings.get("ssh_key"),
            options=shlex.split(str(settings.get("ssh_options", ""))), keep=keep, kept=kept,
        )
    if kind == "git":
        if not settings.get("git"):
            raise _missing("git", "git", "adresu repozitorijuma")
        return GitTarget(
            settings["git"], branch=settings.get("git_branch", "gh-pages"), site_url=site.get("SITEURL", ""),
            cname=settings.get("cname"), committer=(site.get("AUTHOR", "VA vodič"), site.get("AUTHOR_EMAIL", "objava@localhost")),
            kept=kept, lock_dir=root,
        )
    if kind == "s3":
        if not settings.get("s3_bucket"):
            raise _missing("s3", "s3_bucket", "ime skladišta")
        return S3Target(
            str(settings["s3_bucket"]), prefix=str(settings.get("s3_prefix", "")), endpoint=settings.get("s3_endpoint"),
            region=settings.get("s3_region"), keep=keep, kept=kept, site_url=site.get("SITEURL", ""), lock_dir=root,
        )
    raise DeployError(f"Nepoznat način objavljivanja „{kind}”; izaberite local, ssh, git ili s3 (target u deploy.toml).")


def _missing(kind: str, key: str, what: str) -> DeployError:
    return DeployError(
        f'{CONFIG_FILE}: za objavljivanje sa target = "{kind}" upišite i {what}, na primer: {key} = "{EXAMPLES[key]}" '
        "(UPUTSTVO.md, „Postavljanje sajta na internet”)."
    )


def _unknown(names: list[str], text: str) -> str:
    """"deploy.toml: nepoznato podešavanje „tagret” (red 2; da li ste mislili „target”?)"."""
    said = []
    for name in names:
        close = difflib.get_close_matches(name.lower(), SETTINGS, n=1, cutoff=0.6)
        line = _line_of(text, name)
        notes = ([f"red {line}"] if line else []) + ([f"da li ste mislili „{close[0]}”?"] if close else [])
        said.append(f"„{name}”" + (f" ({'; '.join(notes)})" if notes else ""))
    what = "nepoznato podešavanje" if len(names) == 1 else "nepoznata podešavanja"
    return f"{CONFIG_FILE}: {what} {'; '.join(said)}. Dozvoljena su: {', '.join(SETTINGS)}."


def _line_of(text: str, key: str) -> int | None:
    match = re.search(rf"^[ \t]*[\"']?{re.escape(key)}[\"']?[ \t]*=", text, flags=re.M)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _at_line(text: str, key: str) -> str:
    line = _line_of(text, key)
    return f" (red {line})" if line else ""


def _folder(settings: dict, root: Path, environ: dict) -> Path:
    """The local release folder: `dir` (~ is the home folder; a relative path is under the project), else deploy/."""
    value = settings.get("dir", "deploy").strip()
    if not value:
        if SETTINGS["dir"] in environ:
            raise DeployError(f"{SETTINGS['dir']} je prazan; napišite fasciklu u koju se sajt objavljuje.")
        raise DeployError(
            f"{CONFIG_FILE}: dir je prazan; napišite fasciklu u koju se sajt objavljuje, "
            f'na primer: dir = "{EXAMPLES["dir"]}", ili obrišite taj red (sajt ide u fasciklu deploy/).'
        )
    drive = WINDOWS_DRIVE_RE.match(value)
    if drive and os.name != "nt":  # here C:/… would be a folder named „C:” inside the project
        mounted = f"/mnt/{drive.group(1).lower()}/{value[drive.end() :].replace(chr(92), '/').lstrip('/')}"
        raise DeployError(
            f"{CONFIG_FILE}: dir „{value}” je putanja sa Windows-a, a sajt se objavljuje sa Linuksa (WSL), "
            f'gde je disk {drive.group(1).upper()}: fascikla /mnt/{drive.group(1).lower()}. Napišite: dir = "{mounted}"'
        )
    return root / Path(value).expanduser()


def _number(settings: dict, key: str, default, environ: dict):
    value = settings.get(key, default)
    if value is None:
        return None
    try:
        if isinstance(value, bool) or float(value) != int(value):
            raise ValueError(value)
        return int(value)
    except (TypeError, ValueError):
        shown = str(value).lower() if isinstance(value, bool) else value
        if SETTINGS[key] in environ:
            example = f"{SETTINGS[key]}={NUMBERS[key]}"
            where = SETTINGS[key]
        else:
            example, where = f"{key} = {NUMBERS[key]}", CONFIG_FILE
        raise DeployError(f"{where}: {key} mora da bude ceo broj, na primer: {example}; sada je „{shown}”.") from None
