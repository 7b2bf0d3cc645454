"""The transliteration table the Cyrillic edition relies on (issue #13)."""

import pytest

from cyrillic.translit import is_kept, suspicious_words, to_cyrillic, to_latin

CASES = [
    # digraphs and their prefix exceptions
    ("ljubav", "љубав"),
    ("njiva", "њива"),
    ("džep", "џеп"),
    ("odžak", "оџак"),
    ("nadživeti", "надживети"),
    ("Nadživeti", "Надживети"),
    ("podžupan", "поджупан"),
    ("konjunkcija", "конјункција"),
    ("konjugacija", "конјугација"),
    ("injekcija", "инјекција"),
    ("vanjezički", "ванјезички"),
    ("odživeti", "одживети"),
    ("nenadživljiv", "ненадживљив"),
    ("podželudačna", "поджелудачна"),
    ("konjektura", "конјектура"),
    ("injunkcija", "инјункција"),
    ("Tanjug", "Танјуг"),
    ("tanjir", "тањир"),
    ("konj", "коњ"),
    # case
    ("LJUBAV", "ЉУБАВ"),
    ("Ljubav", "Љубав"),
    ("NJIVA", "ЊИВА"),
    ("Njiva", "Њива"),
    ("DŽEP", "ЏЕП"),
    ("Đorđe", "Ђорђе"),
    ("đak", "ђак"),
    ("Čačak, Ćuprija, Šabac, Žabalj", "Чачак, Ћуприја, Шабац, Жабаљ"),
    # kept names and their case forms
    ("Sastanak na Zoomu", "Састанак на Zoomu"),
    ("kartice u Trellu", "картице у Trellu"),
    ("poruka na Viberu", "порука на Viberu"),
    ("Google Meet i WhatsApp", "Google Meet и WhatsApp"),
    ("profil na LinkedInu", "профил на LinkedInu"),
    ("zadaci u Asani", "задаци у Asani"),
    # URLs, e-mail addresses and dotted names
    ("Pišite na kontakt@vavodic.rs danas", "Пишите на kontakt@vavodic.rs данас"),
    ("vidi https://vavodic.rs/o-meni/ ovde.", "види https://vavodic.rs/o-meni/ овде."),
    ("sajt vavodic.rs radi", "сајт vavodic.rs ради"),
    ("www.primer.rs/strana", "www.primer.rs/strana"),
    ("vidi vavodic.rs/o-meni/ ovde.", "види vavodic.rs/o-meni/ овде."),
    ("na apr.gov.rs/pretraga, pa", "на apr.gov.rs/pretraga, па"),
    ("sajt moja-firma.rs radi", "сајт moja-firma.rs ради"),
    # file names
    ("pošaljite ugovor-o-saradnji.pdf i Slika.PNG danas", "пошаљите ugovor-o-saradnji.pdf и Slika.PNG данас"),
    # typography stays
    ("„Mit” — ‚činjenica’ 27. novembar 2026.", "„Мит” — ‚чињеница’ 27. новембар 2026."),
    ("5 min čitanja", "5 мин читања"),
    # unknown foreign words are left, never half-transliterated
    ("Wix sajt", "Wix сајт"),
]


@pytest.mark.parametrize(("latin", "cyrillic"), CASES)
def test_to_cyrillic(latin, cyrillic):
    assert to_cyrillic(latin) == cyrillic


# Everything but what is kept in Latin comes back letter for letter.
ROUND_TRIP = [(latin, cyrillic) for latin, cyrillic in CASES if not any(c.isascii() and c.isalpha() for c in cyrillic)]


@pytest.mark.parametrize(("latin", "cyrillic"), ROUND_TRIP)
def test_back_to_latin_gives_the_text_again(latin, cyrillic):
    assert to_latin(cyrillic) == latin


def test_no_invisible_characters_are_left():
    result = to_cyrillic("in\u200cjekcija na\u200bdživeti \ufeffljubav\u2060")
    assert result == "инјекција надживети љубав"
    assert not any(char in result for char in "\u200b\u200c\u200d\u2060\ufeff")


def test_case_forms_of_kept_words():
    assert is_kept("Zoom") and is_kept("zoomu") and is_kept("Trellom") and is_kept("Viberom")
    assert not is_kept("Zemun") and not is_kept("trelja")


def test_suspicious_words_are_the_unknown_foreign_and_mixed_ones():
    text = "Koristim Zoom, Wix i Typeform, a pišem „мешано” i mešaнo."
    assert suspicious_words(text) == ["Wix", "Typeform", "mešaнo"]
    assert suspicious_words("https://example.com/www kontakt@wix.com") == []


def test_a_capital_inside_a_word_is_a_brand_to_keep_or_list():
    assert suspicious_words("Radim u HubSpotu i GitLabu, a sajt ima JavaScript i iPhone aplikaciju.") == [
        "HubSpotu",
        "GitLabu",
    ]
    assert to_cyrillic("Pretraga radi uz JavaScript.") == "Претрага ради уз JavaScript."
    assert suspicious_words("VA, PDV i ZZPL su skraćenice.") == []
