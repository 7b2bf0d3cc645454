"""Synthetic Serbian posts for the benchmark: valid for the content check, varied like real ones.

Every post has a full header (a category from CATEGORIES, tags, a summary
under 160 characters), headings, a list, a quote, links to two other
synthetic posts, and some 600–900 words, so
Markdown, the checks and the templates work as hard as on a real post.
Generation is deterministic: the same N gives the same files.
"""

import random
from datetime import datetime, timedelta
from pathlib import Path

FOLDER = "bench"  # under content/posts/
FIRST_DATE = datetime(2020, 1, 6, 8, 0)  # long past: never a scheduled post

TOPICS = [
    "prepiska sa klijentima",
    "vođenje kalendara",
    "priprema računa",
    "objave na društvenim mrežama",
    "sređivanje tabela",
    "rezervacija putovanja",
    "odgovori na upite",
    "arhiva dokumenata",
    "nabavka za kancelariju",
    "praćenje rokova",
]
TAGS = [
    "organizacija",
    "vreme",
    "alati",
    "poverenje",
    "ugovor",
    "cena",
    "početak",
    "komunikacija",
    "rokovi",
    "dokumenti",
]
SENTENCES = [
    "Svaki zadatak počinje kratkim dogovorom o tome šta tačno treba da bude gotovo i do kada.",
    "Kada je cilj jasan, mnogo je lakše proceniti koliko će posao trajati i šta je prioritet.",
    "Ja vodim beleške o svakom koraku, pa uvek znate dokle smo stigli bez dodatnih pitanja.",
    "Dobra navika je da se jednom nedeljno kratko osvrnemo na ono što je urađeno.",
    "Ne morate odmah da prepustite sve: počnite jednim poslom koji vam oduzima najviše vremena.",
    "Pristup nalozima dajem i vraćam po dogovoru, a lozinke čuvam u menadžeru lozinki.",
    "Greške se dešavaju svima; važno je da se na vreme primete i da se kaže šta je urađeno da se ne ponove.",
    "Posle prvog meseca obično je jasno koji zadaci idu glatko, a koje treba bolje opisati.",
    "Rok koji je zapisan ima mnogo veću težinu od roka koji je samo izgovoren na sastanku.",
    "Kratka poruka na kraju dana štedi vam vreme koje biste inače potrošili na proveravanje.",
    "Cena zavisi od obima posla, a ne od toga koliko je neko dugo bio za računarom.",
    "Za poverljive podatke dogovaramo se unapred: šta smem da vidim, gde se čuva i ko još ima pristup.",
    "Najviše uštede donose poslovi koji se ponavljaju svake nedelje na isti način.",
    "Ako nešto nije jasno, pitam odmah, umesto da nagađam i kasnije ispravljam.",
    "Zajednička fascikla sa jasnim imenima fajlova rešava pola pitanja pre nego što se postave.",
    "Kada se posao poveri na vreme, nema žurbe u poslednjem trenutku ni noćnog rada.",
]
QUOTES = [
    "Najbolji dan da prepustite prvi zadatak bio je juče; drugi najbolji je danas.",
    "Dogovor na papiru je poklon i vama i meni.",
    "Poverenje se gradi malim, proverljivim koracima.",
]


def post_name(index: int) -> str:
    return f"bench-{index:05d}"


def post_parts(index: int, count: int, categories: list[str], link=None) -> tuple[dict, str]:
    """Synthetic post `index` (0-based) of `count`: its header fields and its Markdown body.

    `link(name)` gives the address of another synthetic post; by default a Pelican `{filename}` link.
    """
    link = link or (lambda name: f"{{filename}}/posts/{FOLDER}/{name}.md")
    rng = random.Random(index)
    topic = TOPICS[index % len(TOPICS)]
    date = FIRST_DATE + timedelta(hours=7 * index)
    header = {
        "Title": f"Beleška {index + 1}: {topic} bez stresa",
        "Date": f"{date:%Y-%m-%d %H:%M}",
        "Category": categories[index % len(categories)],
        "Tags": ", ".join(rng.sample(TAGS, 3)),
        "Slug": post_name(index),
        "Summary": f"Kako izgleda {topic} kada je preuzme virtuelni asistent: dogovor, rokovi i provera, korak po korak.",
        "Status": "published",
    }
    body = [_paragraph(rng, 4)]
    for number, heading in enumerate(("Od čega počinjemo", "Kako izgleda jedna nedelja", "Šta dobijate na kraju")):
        body.append(f"## {heading}")
        body.append(_paragraph(rng, 5))
        if number == 0:
            body.append("\n".join(f"- {sentence}" for sentence in rng.sample(SENTENCES, 4)))
        if number == 1:
            body.append(f"> „{rng.choice(QUOTES)}”")
            body.append("### Primer iz prakse")
            body.append(_paragraph(rng, 6))
        body.append(_paragraph(rng, 6))
    after, before = (index + 1) % count, (index - 1) % count
    body.append(
        f"Više o sličnom poslu pročitajte u [belešci {after + 1}]({link(post_name(after))}), "
        f"a o tome kako je počelo u [belešci {before + 1}]({link(post_name(before))})."
    )
    return header, "\n\n".join(body) + "\n"


def post_text(index: int, count: int, categories: list[str]) -> str:
    """The Markdown file of synthetic post `index`, as the author writes one."""
    header, body = post_parts(index, count, categories)
    return "".join(f"{key}: {value}\n" for key, value in header.items()) + "\n" + body


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(rng.choice(SENTENCES) for _ in range(sentences))


def write_posts(content: Path, count: int, categories: list[str]) -> list[Path]:
    """Write `count` posts into content/posts/bench/; return their paths."""
    folder = Path(content) / "posts" / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"{post_name(index)}.md"
        path.write_text(post_text(index, count, categories), encoding="utf-8")
        paths.append(path)
    return paths


def edit_post(path: Path) -> None:
    """The author's typical save: one more sentence at the end of the text."""
    with open(path, "a", encoding="utf-8") as file:
        file.write("\nJoš jedna rečenica, dopisana posle prvog čitanja.\n")
