"""Links, images and other references in a document, as Pelican resolves them.

The document's HTML is read once (SiteIndex.tree); `{filename}` and `{static}`
links are resolved by Pelican's own link replacer, so a link passes here
exactly when it works on the site.
"""

import difflib
import html
import posixpath
import re
from pathlib import PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from shared import ERROR, WARNING, Problem, plain, rendered, slugify, written_summary
from shared.rendered import LINK_ATTRIBUTES, RESOURCE_ATTRIBUTES, srcset_urls

from .addresses import published_url

UNMADE_LINK_RE = re.compile(r"(?P<text>!?\[[^\]]*\])[ \t]+\((?P<target>\{(?:filename|static|attach)\}[^)\s]*)\)")
INTERNAL_RE = re.compile(r"^(?:\{(?P<kind>filename|static|attach)\}|\|(?P<old>filename|static|attach)\|)")
# The names Pelican's link replacer knows (pelican/contents.py, _link_replacer); any other it leaves as written.
PELICAN_INDICATORS = {"filename", "static", "attach", "category", "tag", "index", "author"}
UNKNOWN_INDICATOR_RE = re.compile(r"^(?:\{(?P<name>\w+)\}|\|(?P<old>\w+)\|)")  # Pelican's form, any name
SCHEME_RE = re.compile(r"^\s*([a-z][a-z0-9+.-]*):", re.I)
HREF_RE = re.compile(r'href="(?P<url>[^"]*)"')
EMAIL_RE = re.compile(r"^[^@\s/:]+@[^@\s/:]+\.[a-z]{2,}$", re.I)
# A web address written without its scheme: the browser would take it as a page of this site.
BARE_DOMAIN_RE = re.compile(
    r"^(?:www\.[\w-]+(?:\.[\w-]+)+|[\w-]+(?:\.[\w-]+)*\.(?:rs|срб|com|net|org|info|io|eu|me|ba|hr|co|de|uk))(?:[/?#]|$)",
    re.I,
)
# A path on the author's own computer: C:\Users\…, file://…, /Users/… or /home/… (macOS, Linux), ~/…
LOCAL_PATH_RE = re.compile(r"^(?:[a-z]:[\\/]|file:|~/|/(?:Users|home)/)", re.I)
PREVIEW_HOSTS = {"127.0.0.1", "localhost", "0.0.0.0", "::1"}  # where `make serve` shows the site
IMAGE_EXAMPLE = "![Dijagram: proces, cilj i rok]({static}/images/proces-cilj-rok.svg)"
FILENAME_HINT = (
    "Proverite ime fajla. Tekstovi su u content/posts/, stranice u content/pages/, pitanja u content/faq/; "
    "link se piše ovako: [tekst]({filename}/posts/ime-fajla.md)"
)
LISTED_IDS = 5  # a part's addresses named when none is close
ABSOLUTE_HINT = (
    "Za link ka tekstu ili stranici koristite {filename}, na primer [tekst]({filename}/pages/kontakt.md): "
    "tako link ostaje ispravan i kada se adresa promeni."
)
OTHER_SITE_HINT = (
    "Sajt ne učitava ništa sa tuđih servera. Sačuvajte fajl u content/images/ i napišite putanju sa {static}, "
    "na primer: " + IMAGE_EXAMPLE + "; video ili mapu zamenite običnim linkom: [Pogledajte video](https://…)."
)


def static_hint(name: str, first: str) -> str:
    """What to do about an image or file the site does not have: `first`, then the {static} path to write."""
    return f"{first} i napišite putanju sa {{static}}, na primer: {{static}}/images/{name}"


def check(document, index) -> list[Problem]:
    checker = _Checker(document, index)
    _check_tree(checker, index.tree(document))
    for image in rendered.of(document).images:
        checker.caption(image)
    summary = written_summary(document)
    if summary:  # list pages show it: its links and images must work as the body's do
        in_summary = _Checker(document, index, header_field="summary")
        _check_tree(in_summary, rendered.Rendered(summary).tree)
        checker.problems += in_summary.problems
    return checker.problems + unmade_links(document, checker.source)


def unmade_links(document, source) -> list[Problem]:
    """[tekst] ({filename}/…): with a space between ] and (, Markdown makes no link, and the page shows
    the brackets and the path as text (outside fenced and inline code)."""
    problems = []
    shown = rendered.of(document).text
    for number, line, in_code in source.body_lines():
        for match in [] if in_code else UNMADE_LINK_RE.finditer(line):
            if line[: match.start()].count("`") % 2 or match.group("target") not in shown:
                continue  # in inline code, or Markdown made a link after all
            problems.append(
                Problem(
                    source.shown,
                    number,
                    f"Link „{match.group()}” nije napravljen: između ] i ( je razmak, pa se na stranici vidi kao tekst.",
                    f"Obrišite razmak: {match.group('text')}({match.group('target')})",
                )
            )
    return problems


def _without_alt(line: str, src: str) -> bool:
    """The line shows the image at `src` without a description: ![](src) or <img src=…> with no alt text."""
    if f"![]({src}" in line or f"![ ]({src}" in line:
        return True
    return "<img" in line and src in line and not re.search(r"""alt\s*=\s*(?:"\s*[^"\s]|'\s*[^'\s]|[^\s"'>])""", line)


def _check_tree(checker: "_Checker", tree) -> None:
    for node in tree.css("*"):
        tag = node.tag
        for attribute in RESOURCE_ATTRIBUTES.get(tag, ()) + LINK_ATTRIBUTES.get(tag, ()):
            value = node.attributes.get(attribute)
            if value is None:
                continue
            urls = srcset_urls(value) if attribute == "srcset" else [value]
            for url in urls:
                checker.reference(url.strip(), is_link=tag in LINK_ATTRIBUTES, is_image=tag == "img")
        if tag == "img":
            checker.alt(node)
        checker.inline_code(node)


class _Checker:
    def __init__(self, document, index, header_field: str | None = None):
        self.document, self.index = document, index
        self.source = index.source(document)
        self.header_field = header_field  # the references are in this header field's value, not in the body
        self.problems: list[Problem] = []
        self._without_alt: dict[str, int] = {}  # src → how many of its images without a description were said

    def report(self, needle: str, message: str, hint: str, severity: str = ERROR) -> None:
        self.problems.append(Problem(self.source.shown, self.line_of(needle), message, hint, severity))

    def line_of(self, needle: str) -> int:
        if self.header_field:
            return self.source.field_line(self.header_field)
        # As written: a Markdown (target or an HTML "target" first, so that x.md is not
        # found inside an earlier {filename}/posts/x.md; then the bare text.
        escaped = html.escape(needle, quote=False)
        return self.source.body_line_of(
            *(f"{before}{text}" for text in (needle, escaped) for before in ("(", '"', "'", "<")), needle, escaped
        )

    def alt(self, node) -> None:
        if (node.attributes.get("alt") or "").strip():
            return
        src = node.attributes.get("src") or ""
        name = unquote(src.rsplit("/", 1)[-1]) or "bez imena"
        # The n-th image of this file without a description is on the n-th line that shows it so, not on
        # the first line that shows the file (with its description).
        lines = [
            number for number, line, in_code in self.source.body_lines() if not in_code and _without_alt(line, src)
        ]
        seen = self._without_alt[src] = self._without_alt.get(src, -1) + 1
        line = lines[seen] if seen < len(lines) else self.line_of(src)
        if "<img" in self.source.lines[line - 1]:
            hint = f'Dodajte opis slike u atribut alt, na primer: <img src="{src}" alt="Šta se vidi na slici">'
        else:
            hint = (
                "U uglaste zagrade napišite šta se vidi na slici, za čitaoce koji je ne vide, na primer: "
                + IMAGE_EXAMPLE
            )
        self.problems.append(Problem(self.source.shown, line, f"Slika „{name}” nema opis (alt tekst).", hint))

    def caption(self, image) -> None:
        """![opis](… "Natpis") shows its title under the image only when the image is alone in its paragraph."""
        caption = (image.attributes.get("title") or "").strip()
        if caption and not image.alone_in_paragraph:
            self.report(
                image.attributes.get("src") or "",
                f"Natpis „{caption}” se ne vidi na stranici: slika nije sama u svom pasusu.",
                "Stavite sliku u poseban red, sa praznim redom iznad i ispod; tada se natpis prikazuje ispod nje.",
                WARNING,
            )

    def inline_code(self, node) -> None:
        """Styles and scripts written into the text: the site's security policy blocks them in browsers."""
        tag = node.tag
        found = [f"{name}=" for name in node.attributes if name.lower().startswith("on") or name.lower() == "style"]
        if tag in ("style", "script") and not node.attributes.get("src"):
            found.append(f"<{tag}")
        for needle in found:
            what = "stil" if "style" in needle else "kod (JavaScript)"
            self.report(
                needle,
                f"U tekstu je {what} napisan direktno u HTML-u („{needle.rstrip('=')}”); pregledač ga na sajtu ne bi izvršio.",
                "Obrišite ga iz teksta. Izgled i ponašanje stranica menja osoba koja održava sajt, u temi (theme/).",
            )

    def reference(self, url: str, is_link: bool, is_image: bool) -> None:
        if self.header_field and url and not SCHEME_RE.match(url) and not url.startswith(("/", "{", "|")):
            # #deo, ../x/: a Summary is shown on list pages too, where the same path leads elsewhere
            self.report(
                url,
                f"Putanja „{url}” u sažetku važi samo na stranici ovog teksta, a sažetak se prikazuje i na "
                "spiskovima tekstova, gde ne bi vodila nigde.",
                "U sažetku pišite putanju sa {filename} ili {static}, na primer: "
                "[cene]({filename}/posts/ime-fajla.md#deo) ili ![opis]({static}/images/ime-slike.jpg)",
            )
            return
        if LOCAL_PATH_RE.match(url):
            name = unquote(re.split(r"[\\/]", url.rstrip("\\/"))[-1])
            what = "Slika" if is_image else "Link"
            if PurePosixPath(name).suffix.lower() == ".md":
                hint = f"Tekst ovog sajta je u content/; link na njega pišite sa {{filename}}, na primer: ({{filename}}/posts/{name})"
            else:
                hint = static_hint(name or "ime-fajla.jpg", "Kopirajte fajl u content/images/")
            self.report(url, f"{what} „{url}” vodi na fajl na vašem računaru; na sajtu ga nema.", hint)
            return
        scheme = SCHEME_RE.match(url)
        scheme = scheme.group(1).lower() if scheme else ""
        if scheme == "javascript" or (scheme == "data" and is_link):
            self.report(
                url,
                f"Link „{url[:40]}” ne vodi na stranicu nego pokreće kod ili nosi podatke ({scheme}:).",
                "Link treba da vodi na adresu (https://…) ili na tekst ovog sajta ({filename}/posts/…). Obrišite ovaj link.",
            )
            return
        unknown = UNKNOWN_INDICATOR_RE.match(url)
        name = unknown and (unknown.group("name") or unknown.group("old"))
        if name and name not in PELICAN_INDICATORS:
            close = difflib.get_close_matches(name, ["filename", "static"], n=1, cutoff=0.5)
            right = close[0] if close else ("filename" if url.split("#")[0].endswith(".md") else "static")
            self.report(
                url,
                f"Link „{url}” počinje oznakom „{unknown.group()}”, koju sajt ne poznaje.",
                "Ispred teksta ovog sajta piše se {filename}, a ispred slike ili drugog fajla {static}; "
                f"ovde verovatno: {{{right}}}{url[unknown.end() :]}",
            )
            return
        internal = INTERNAL_RE.match(url)
        if internal:
            self.internal(url, internal.group("kind") or internal.group("old"), is_image)
            return
        if (
            is_link
            and scheme not in ("http", "https")
            and difflib.get_close_matches(scheme, ["http", "https"], cutoff=0.7)
        ):
            self.report(
                url,
                f"Link „{url}” počinje sa „{scheme}:”, a adresa počinje sa https:// (ili http://).",
                f"Napišite: https:{url.split(':', 1)[1]}",
            )
            return
        if scheme in ("http", "https"):
            parts = urlsplit(url)
            if (parts.hostname or "") in PREVIEW_HOSTS:
                self.preview_address(url, parts, is_image)
                return
            path = (
                self.index.site_path(url) if is_link else None
            )  # the site's own: this build's address or the published one
            if path is not None:
                self.absolute(url, path, parts.fragment)
                return
        if scheme or url.startswith("//"):
            if not is_link and scheme != "data" and self.index.site_path(url) is None:
                what = "Slika se" if is_image else "Sadržaj se"
                self.report(url, f"{what} učitava sa drugog sajta („{url}”).", OTHER_SITE_HINT)
            return
        if not url:
            return
        if url.startswith("#"):
            self.fragment(url, self.document, url[1:])
        elif url.startswith("/"):
            parts = urlsplit(url)
            self.absolute(url, unquote(parts.path), parts.fragment, is_image)
        elif is_link and urlsplit(url).path.endswith(".md"):
            self.report(
                url,
                f"Link „{url}” vodi na Markdown fajl bez {{filename}}, pa na sajtu ne bi radio.",
                "Ispred putanje napišite {filename}, a putanju počnite od fascikle content, na primer: "
                f"({{filename}}{self._closest(urlsplit(url).path, 'filename') or '/posts/ime-fajla.md'})",
            )
        elif is_link and BARE_DOMAIN_RE.match(url):
            self.report(
                url,
                f"Link „{url}” nema https:// na početku, pa bi vodio na stranicu ovog sajta koje nema.",
                f"Napišite ceo link: [tekst](https://{url})",
            )
        elif is_link and EMAIL_RE.match(url):
            self.report(
                url,
                f"Link „{url}” je adresa e-pošte bez mailto:, pa bi vodio na stranicu ovog sajta koje nema.",
                f"Napišite: [tekst](mailto:{url})",
            )
        elif is_link:
            self.relative(url)
        else:
            name = unquote(urlsplit(url).path.rsplit("/", 1)[-1])  # her own file's name in the path to write
            self.report(
                url,
                f"Putanja „{url}” ne počinje sa {{static}}, pa se na sajtu ne bi prikazala.",
                "Napišite putanju od fascikle content, sa {static} ispred: "
                + (f"{{static}}/images/{name}" if name else IMAGE_EXAMPLE),
            )

    def internal(self, url: str, kind: str, is_image: bool) -> None:
        resolved = self._resolve(url)
        if resolved is not None and kind != "filename" and not self.index.static_exists(resolved):
            # Pelican links a {static} file that is missing, or outside content/, anyway; the site will not have it
            resolved = None
        link_path = INTERNAL_RE.sub("", url).split("#", 1)[0].split("?", 1)[0]
        if kind == "filename" and resolved is not None and self.index.static_exists(resolved):
            what = "slika" if is_image else "fajl, a ne tekst"
            self.report(
                url,
                f"„{link_path}” je {what}: ispred slike i fajla piše se {{static}}, a {{filename}} samo ispred teksta.",
                f"Napišite: {{static}}{link_path}",
                WARNING,  # Pelican links it anyway
            )
            return
        if kind != "filename" and resolved is None and link_path.lower().endswith(".md"):
            self.report(
                url,
                f"Link „{url}” vodi na tekst, a ispred teksta piše se {{filename}}, ne {{{kind}}}.",
                f"Napišite: {{filename}}{link_path}",
            )
            return
        if resolved is None:
            close = self._closest(link_path, kind)
            suggestion = f" Možda ste mislili: „{{{kind}}}{close}”." if close else ""
            if is_image:
                self.report(
                    url,
                    f"Slika „{self._shown_link(link_path)}” ne postoji.",
                    "Stavite sliku u content/images/ i proverite ime fajla (mala i velika slova se razlikuju)."
                    + suggestion,
                )
            elif kind == "filename" and (unread := self._unread_text(link_path)):
                self.report(
                    url,
                    f"Link vodi na {unread}, a taj tekst sajt ne može da pročita.",
                    f"Ispravite grešku koja je navedena za {unread}; tada će i ovaj link raditi.",
                )
            elif kind == "filename":
                self.report(url, f"Link vodi na fajl „{link_path}” koji ne postoji.", FILENAME_HINT + "." + suggestion)
            else:  # a document to download ({static}/images/cenovnik.pdf)
                self.report(
                    url,
                    f"Link vodi na fajl „{self._shown_link(link_path)}” koji ne postoji.",
                    "Stavite fajl u content/images/ i proverite ime (mala i velika slova se razlikuju)." + suggestion,
                )
            return
        path = self.index.site_path(resolved)
        target = self.index.target_of(path.split("#")[0]) if path is not None else None
        if target is not None and target is not True:
            self.linked_document(url, target, urlsplit(url).fragment)

    def _unread_text(self, link_path: str) -> str | None:
        """The Markdown file a {filename} link names, as the author sees it, when Pelican found it and made
        nothing of it (it records such a file as None: a header it could not read, whose error says what)."""
        if link_path.startswith("/"):
            relative = link_path.lstrip("/")
        else:
            relative = posixpath.normpath(
                posixpath.join(posixpath.dirname(self.index.relative(self.document)), link_path)
            )
        relative = unquote(relative)
        generated = self.index.context.get("generated_content", {})
        if relative in generated and generated[relative] is None:
            return self.index.shown(str(self.index.content_path / relative))
        return None

    def followed(self, url: str, path: str, fragment: str) -> object:
        """What the site path (unquoted) leads to on this site (None: nothing), a document's link checked further."""
        target = self.index.target_of(path.lstrip("/"))
        if target is not None and target is not True:
            self.linked_document(url, target, fragment)
        return target

    def absolute(self, url: str, path: str, fragment: str, is_image: bool = False) -> None:
        """A link or image at a path from the site's root (`path`, unquoted): it must lead somewhere."""
        if self.followed(url, path, fragment) is not None:
            if is_image and self.index.static_exists(url):  # shown, but as it is: no sizes, no phone copies
                self.report(
                    url,
                    f"Slika „{url}” je navedena bez {{static}}, pa je sajt ne priprema za prikaz: "
                    "stranica ne zna njenu veličinu, a fotografija nema manje kopije za telefone.",
                    f"Napišite putanju sa {{static}}: {{static}}{url}",
                    WARNING,
                )
            return
        if is_image:
            name = path.rsplit("/", 1)[-1]
            self.report(url, f"Slika „{url}” ne postoji.", static_hint(name, "Stavite sliku u content/images/"))
        elif self.index.is_list_page(path.lstrip("/")):
            self.report(
                url,
                f"Link „{url}” vodi na jednu od strana spiska tekstova; šta je na kojoj strani menja se sa svakim novim tekstom.",
                "Linkujte sam tekst, na primer [tekst]({filename}/posts/ime-fajla.md), ili kategoriju: /kategorija/ime/",
                WARNING,
            )
        else:
            self.report(url, f"Link „{url}” ne vodi ni na jednu stranicu ovog sajta.", ABSOLUTE_HINT)

    def preview_address(self, url: str, parts, is_image: bool) -> None:
        """A link or image copied from the preview's address bar: it works only on the author's own computer."""
        path = unquote(parts.path)
        target = None if is_image else self.followed(url, path, parts.fragment)  # a missing #part is said too
        if is_image:
            hint = static_hint(path.rsplit("/", 1)[-1] or "slika.jpg", "Sliku stavite u content/images/")
        elif target is not None and target is not True:
            fragment = f"#{parts.fragment}" if parts.fragment else ""
            hint = f"Napišite link ka fajlu tog teksta: [tekst]({{filename}}/{self.index.relative(target)}{fragment})"
        else:
            hint = ABSOLUTE_HINT
        what = "Slika" if is_image else "Link"
        self.report(
            url, f"{what} „{url}” vodi na pregled na vašem računaru; posetioci sajta ga ne mogu otvoriti.", hint
        )

    def relative(self, url: str) -> None:
        """A link relative to the page's address: the address it has once published (a draft's
        preview address is another). Not found, it is a warning: the site's index does not know
        every file a build writes (feeds, the sitemap, list pages); the publish's link check does."""
        parts = urlsplit(urljoin("/" + published_url(self.document), url))
        if self.followed(url, unquote(parts.path), parts.fragment) is None:
            is_file = PurePosixPath(parts.path).suffix.lower() not in ("", ".html")
            self.report(
                url,
                f"Link „{url}” verovatno ne vodi ni na jednu stranicu ovog sajta.",
                "Za sliku ili drugi fajl iz content/images/ napišite {static}, na primer: [cenovnik]({static}/images/cenovnik.pdf)."
                if is_file
                else ABSOLUTE_HINT,
                WARNING,
            )

    def linked_document(self, url: str, target, fragment: str) -> None:
        reason = self.index.unpublished_reason(target)
        if reason and self._live_without(target):
            self.report(
                url,
                f"Link vodi na {self.index.shown(target.source_path)}, a taj tekst još nije objavljen ({reason}).",
                (
                    "Privremeno uklonite link, pa ga vratite kada taj tekst izađe"
                    if getattr(target, "scheduled", False)
                    else "Objavite prvo taj tekst, ili privremeno uklonite link"
                )
                + "; objavljen tekst ne sme da vodi na stranicu koje nema.",
            )
        if fragment:
            self.fragment(url, target, fragment)

    def _live_without(self, target) -> bool:
        """This text will be on the site while `target` is not: it is live now, or it is scheduled and the
        target is a draft or comes later (a draft may link to anything until it is published)."""
        if not self.index.unpublished_reason(self.document):
            return True
        if not getattr(self.document, "scheduled", False):
            return False
        return not getattr(target, "scheduled", False) or target.date > self.document.date

    def fragment(self, url: str, target, fragment: str) -> None:
        ids = self.index.ids(target)
        if unquote(fragment) in ids or fragment.lower() == "top":  # #top: every browser goes to the page's top
            return
        where = "ovom fajlu" if target is self.document else self.index.shown(target.source_path)
        close = difflib.get_close_matches(f"#{fragment}", sorted(f"#{name}" for name in ids), n=1, cutoff=0.6)
        shown = sorted(ids)[:LISTED_IDS]
        listed = ", ".join("#" + name for name in shown) or "nema ih"
        if len(ids) > len(shown):
            listed += f" (i još {len(ids) - len(shown)})"
        # The whole link in „…”: a question's address ends before its „?”, which a bare suggestion would seem to keep.
        meant = f" Možda ste mislili: „{url.split('#', 1)[0]}{close[0]}”." if close else ""
        self.report(
            url,
            f"Link vodi na deo „#{fragment}”, a u {where} nema podnaslova sa tom adresom.",
            "Posle # ide adresa podnaslova (## …) ili pitanja: mala slova bez kvačica, crtice umesto razmaka."
            + (meant or f" Adrese delova tog fajla: {listed}."),
        )

    def _closest(self, link_path: str, kind: str) -> str | None:
        """The existing file the author most likely meant, by its file name, address and title."""
        wanted = PurePosixPath(link_path).stem.lower()

        def likeness(*names: str) -> float:
            return max(difflib.SequenceMatcher(None, wanted, name.lower()).ratio() for name in names if name)

        if kind == "filename":
            scored = [
                (
                    likeness(PurePosixPath(self.index.relative(d)).stem, d.slug or "", slugify(plain(str(d.title)))),
                    "/" + self.index.relative(d),
                )
                for d in self.index.documents
                if d is not self.document
            ]
        else:
            scored = [
                (likeness(PurePosixPath(path).stem), "/" + path)
                for path, static in self.index.static.items()
                if self.index.is_content_file(static.source_path)
            ]
        best = max(scored, default=(0, None))
        return best[1] if best[0] >= 0.6 else None

    def _resolve(self, url: str) -> str | None:
        """Pelican's own resolution of a {filename}/{static} link, or None when it finds no file."""
        snippet = f'<a href="{html.escape(url, quote=True)}"></a>'
        match = HREF_RE.search(self.document._update_content(snippet, self.index.siteurl))
        resolved = html.unescape(match.group("url")) if match else url
        return None if INTERNAL_RE.match(resolved) else resolved  # Pelican leaves a link it cannot place as written

    def _from_content(self, path: str) -> str:
        relative = self.index.relative(self.document).rsplit("/", 1)[0]
        return "/".join(part for part in f"{relative}/{path}".split("/") if part not in ("", "."))

    def _shown_link(self, link_path: str) -> str:
        return link_path if link_path.startswith("/") else "/" + self._from_content(link_path)
