from datetime import date, datetime

import markdown
import pytest

from serbian import MARKDOWN_SMARTY, format_date, quoted, serbian_quotes, slugify


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Đorđe", "djordje"),
        ("đak", "djak"),
        ("ĐURĐEVDAN", "djurdjevdan"),
        ("čaj", "caj"),
        ("ČAČAK", "cacak"),
        ("ćuprija", "cuprija"),
        ("ĆIRILICA", "cirilica"),
        ("šuma", "suma"),
        ("ŠABAC", "sabac"),
        ("žaba", "zaba"),
        ("ŽELJA", "zelja"),
        ("Džem i DŽEP", "dzem-i-dzep"),
        ("Ljubav i njiva", "ljubav-i-njiva"),
        ("Može li VA da radi iz moje kancelarije?", "moze-li-va-da-radi-iz-moje-kancelarije"),
        ("„Navodnici” — i crtice, zarezi!", "navodnici-i-crtice-zarezi"),
        ("  razmaci   na   krajevima  ", "razmaci-na-krajevima"),
        # A title typed in Cyrillic gets the address of its Latin spelling.
        ("Ђорђе и ћирилица: ЉУБАВ, џеп", "djordje-i-cirilica-ljubav-dzep"),
        ("Шта ради виртуелни асистент?", "sta-radi-virtuelni-asistent"),
    ],
)
def test_slugify_transliterates_serbian_letters(text, slug):
    assert slugify(text) == slug


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (date(2026, 11, 27), "27. novembar 2026."),
        (date(2026, 1, 1), "1. januar 2026."),
        (datetime(2025, 8, 9, 13, 5), "9. avgust 2025."),
        (date(2024, 12, 31), "31. decembar 2024."),
    ],
)
def test_format_date_uses_serbian_month_names(value, text):
    assert format_date(value) == text


def test_running_text_takes_the_genitive():
    """„ažurirano 30. novembra 2026.”: every month, the ones losing their „a” (septembar → septembra) too."""
    assert [format_date(date(2026, month, 1), "genitive").split()[1] for month in range(1, 13)] == [
        "januara",
        "februara",
        "marta",
        "aprila",
        "maja",
        "juna",
        "jula",
        "avgusta",
        "septembra",
        "oktobra",
        "novembra",
        "decembra",
    ]


def test_every_month_name_is_lowercase_latin():
    names = [format_date(date(2026, m, 1)).split()[1] for m in range(1, 13)]
    assert names == [
        "januar",
        "februar",
        "mart",
        "april",
        "maj",
        "jun",
        "jul",
        "avgust",
        "septembar",
        "oktobar",
        "novembar",
        "decembar",
    ]


@pytest.mark.parametrize(
    ("title", "quoted"),
    [
        ('Rekla je "zdravo"', "Rekla je „zdravo”"),
        ('"Na početku"', "„Na početku”"),
        ("Kažem “engleski” navodnici", "Kažem „engleski” navodnici"),
        ('Moj <span class="caps">VA</span>" kraj', 'Moj <span class="caps">VA</span>” kraj'),
        ('reč&nbsp;"posle"', "reč&nbsp;„posle”"),
        ("Anin 'citat'", "Anin ‚citat’"),
        ("Stari ’unutrašnji’ navodnici", "Stari ‚unutrašnji’ navodnici"),
        ("\"Rekla je 'može'\"", "„Rekla je ‚može’”"),
        ("O'Brien i Anin’", "O’Brien i Anin’"),
        ("Već „srpski”", "Već „srpski”"),
    ],
)
def test_serbian_quotes_in_titles(title, quoted):
    assert serbian_quotes(title) == quoted


def test_markdown_smarty_produces_serbian_quotes():
    html = markdown.markdown(
        "Pitala je \"da li je to uobičajeno?\" i dodala: 'možda'.",
        extensions=["smarty"],
        extension_configs={"smarty": MARKDOWN_SMARTY},
    )
    text = html.replace("&bdquo;", "„").replace("&rdquo;", "”").replace("&sbquo;", "‚").replace("&rsquo;", "’")
    assert "„da li je to uobičajeno?”" in text
    assert "‚možda’" in text
    assert "“" not in html and "&ldquo;" not in html and "&lsquo;" not in html


def test_markdown_smarty_keeps_the_apostrophe_and_nests_inner_quotes():
    html = markdown.markdown(
        "Rekao je: \"O'Brien kaže 'ne'.\"",
        extensions=["smarty"],
        extension_configs={"smarty": MARKDOWN_SMARTY},
    )
    text = html.replace("&bdquo;", "„").replace("&rdquo;", "”").replace("&sbquo;", "‚").replace("&rsquo;", "’")
    assert "„O’Brien kaže ‚ne’.”" in text


def site_markdown(text: str) -> str:
    """`text` through the site's own Markdown settings (pelicanconf.py), entities as characters."""
    import html

    from pelican.settings import read_settings

    from site_tools import ROOT

    settings = read_settings(str(ROOT / "pelicanconf.py"))["MARKDOWN"]
    extensions = list(settings["extension_configs"])  # as Pelican's MarkdownReader names them
    return html.unescape(markdown.Markdown(**settings, extensions=extensions).convert(text))


@pytest.mark.parametrize(
    ("typed", "serbian"),
    [
        ("Rekao je “dobro” i otišao.", "Rekao je „dobro” i otišao."),
        ("Engleski ‘jednostruki’ navodnici.", "Engleski ‚jednostruki’ navodnici."),
        ("Kažu ,,pokušajte ovako'' i ,,ovako’’.", "Kažu „pokušajte ovako” i „ovako”."),
        ("Nemački „ovako“ i naši „ovako”.", "Nemački „ovako” i naši „ovako”."),
        ("O’Brien i “rekla je ‘ne’”.", "O’Brien i „rekla je ‚ne’”."),
    ],
)
def test_quotes_typed_the_english_or_keyboard_way_come_out_serbian(typed, serbian):
    assert site_markdown(typed) == f"<p>{serbian}</p>"


def test_typed_quotes_in_code_tags_and_link_targets_stay_as_written():
    html = site_markdown("Kod `“x”` ostaje.\n\n```\nprint(“y”, ,,z'')\n```\n")
    assert "<code>“x”</code>" in html and "print(“y”, ,,z'')" in html
    html = site_markdown('Tekst.\n\n    uvučen “kod”\n\nKod `preko\ndva “reda”` i <abbr title="“x”">y</abbr>.')
    assert "uvučen “kod”" in html and "dva “reda”" in html and 'title="“x”"' in html
    html = site_markdown('[link](https://primer.rs/?ids=1,,2 "naslov") i „ovo”.')
    assert 'href="https://primer.rs/?ids=1,,2"' in html


def test_typed_quotes_in_a_nested_list_are_prose_not_code():
    html = site_markdown("- Prvo\n    - Drugo, “ugnežđeno”\n\n    Nastavak “stavke”.\n\nKraj.\n\n    kod “ostaje”\n")
    assert "Drugo, „ugnežđeno”" in html and "Nastavak „stavke”." in html and "kod “ostaje”" in html


def test_titles_get_the_same_from_serbian_quotes():
    assert serbian_quotes("Kažu ,,ovako'' i ‟onako”") == "Kažu „ovako” i „onako”"


@pytest.mark.parametrize(
    ("text", "result"),
    [
        ("Prvi korak", "„Prvi korak”"),
        ("Detalj „sa navodnicima”", "„Detalj ‚sa navodnicima’”"),
        ("„Ceo naslov u navodnicima”", "„‚Ceo naslov u navodnicima’”"),
    ],
)
def test_quoted_turns_quotes_inside_into_inner_ones(text, result):
    assert quoted(text) == result


def test_alphabetical_order_is_the_serbian_one_in_each_script():
    from serbian.collation import sort_key

    latin = ["zakon", "Početak", "poverenje", "cene", "ćup", "čas", "Ljubav", "luk", "dža", "đak", "dan", "nj", "nos"]
    assert sorted(latin, key=sort_key) == [
        "cene", "čas", "ćup", "dan", "dža", "đak", "luk", "Ljubav", "nos", "nj", "Početak", "poverenje", "zakon",
    ]  # fmt: skip
    cyrillic = ["цене", "алати", "уговор", "закон", "делегирање", "шах", "џак", "ђак", "ћуп", "чај"]
    assert sorted(cyrillic, key=sort_key) == [
        "алати", "делегирање", "ђак", "закон", "ћуп", "уговор", "цене", "чај", "џак", "шах",
    ]  # fmt: skip
    assert sorted(["Zoom", "уговор", "Google", "алати", "2026."], key=sort_key) == [
        "2026.",
        "алати",
        "уговор",
        "Google",
        "Zoom",
    ]
