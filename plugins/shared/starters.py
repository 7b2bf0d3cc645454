"""The text a new post or FAQ page starts with (`make post`, `make faq`), and the placeholders in it.

The content check reads PLACEHOLDERS: a published file that still holds one
was not finished. Notes to the author are Markdown reference lines
(`[//]: # (…)`), which Markdown reads and never shows.
"""

POST = """\
Title: {title}
Date: {date}
Category: {category}
Tags: saradnja
Slug: {slug}
Summary: {summary}
Status: draft

[//]: # (Category: jedna od ovih: {categories}.)
[//]: # (Tags: nekoliko reči odvojenih zarezom, bez znaka #.)
[//]: # (Status: draft dok pišete; published kada je gotovo. Datum u budućnosti znači da je tekst zakazan.)
[//]: # (Modified: dodajte ga tek kada objavljen tekst bitno izmenite, u istom obliku kao Date.)
[//]: # (Ove napomene se ne vide na sajtu; možete ih obrisati.)

{body}
"""

FAQ = """\
Title: {title}
Date: {date}
Slug: {slug}
Summary: {summary}
Kind: {kind}
Status: draft

[//]: # (Kind: questions za pitanja i odgovore, myths za mitove i činjenice.)
[//]: # (Svako pitanje ili mit je podnaslov koji počinje sa ##, a odgovor je tekst ispod njega.)

{intro}

{questions}"""

POST_SUMMARY = "Jedna rečenica koja kaže o čemu je tekst (do 160 znakova)."
POST_BODY = "Ovde počinje tekst. Pišite kratke pasuse, a podnaslove počnite sa „## ”."
FAQ_SUMMARY = "Jedna rečenica o tome na šta ova stranica odgovara (do 160 znakova)."
FAQ_INTRO = "Uvodni pasus: kome su ovi odgovori namenjeni i šta će ovde naći."
FAQ_QUESTIONS = {
    "questions": """\
## Prvo pitanje, napisano onako kako ga klijent postavlja?

Odgovor na prvo pitanje, u nekoliko rečenica.

## Drugo pitanje?

Odgovor na drugo pitanje.
""",
    "myths": """\
## Mit napisan kao tvrdnja koju ljudi često ponavljaju

Kako stvari zaista stoje, u nekoliko rečenica. Oznake „Mit” i „Činjenica” sajt dodaje sam.

## Drugi mit

Kako stvari stoje sa drugim mitom.
""",
}

# Sentences a finished text no longer has.
PLACEHOLDERS = (
    POST_SUMMARY,
    POST_BODY,
    FAQ_SUMMARY,
    FAQ_INTRO,
    "Prvo pitanje, napisano onako kako ga klijent postavlja?",
    "Odgovor na prvo pitanje, u nekoliko rečenica.",
    "Odgovor na drugo pitanje.",
    "Mit napisan kao tvrdnja koju ljudi često ponavljaju",
    "Kako stvari zaista stoje, u nekoliko rečenica.",
    "Kako stvari stoje sa drugim mitom.",
)
# Headings of the starter that are short enough to be written on purpose inside a longer one: found
# only as a whole line.
PLACEHOLDER_HEADINGS = ("## Drugo pitanje?", "## Drugi mit")
