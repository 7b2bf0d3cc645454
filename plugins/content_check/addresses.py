"""Every document gets its own address: no two share one, none takes a section's name.

Addresses are Pelican's own (`url`), compared as they are now (a draft's
preview) and as they will be once published, so publishing a draft cannot
clash either. A taken address is reported on a draft or a post scheduled for
later rather than on one that is live, else on the newer file: the older one
is probably already live. The newer file cannot be written (Pelican refuses
to write a page twice), so the preview leaves it out.
"""

from shared import Problem


def published_url(document) -> str:
    """The address Pelican gives the document once its status is published."""
    if document.status != "draft":
        return document.url
    document.status = "published"
    try:
        return document.url
    finally:
        document.status = "draft"


def check(index) -> tuple[list[Problem], list]:
    """The problems, and the documents whose address is taken (they cannot be written)."""
    problems, owners, clashing = [], {}, []

    def claim_order(document):  # who keeps an address both want: what is live, then the older
        waiting = index.unpublished_reason(document) is not None
        return (waiting, str(getattr(document, "date", "")), document.source_path)

    for document in sorted(index.documents, key=claim_order):
        if not document.slug:
            continue  # reported by the metadata rules
        source = index.source(document)
        line = source.field_line("slug" if "slug" in document.metadata else "title")
        addresses = {document.url, published_url(document)}
        first = published_url(document).split("/", 1)[0]
        taken = [owners[address] for address in addresses if address in owners]
        if first in index.reserved and not index.is_faq(document):
            clashing.append(document)
            problems.append(
                Problem(
                    source.shown,
                    line,
                    f"Adresa „/{published_url(document)}” pripada samom sajtu (tu su liste, slike, pretraga, nacrti, izdanje na ćirilici ili delovi teme).",
                    f"Dodajte drugačiju adresu u zaglavlje, na primer: Slug: {document.slug}-tekst",
                )
            )
        elif taken or addresses & index.list_urls:
            clashing.append(document)
            other = index.shown(taken[0].source_path) if taken else "lista tekstova"
            problems.append(
                Problem(
                    source.shown,
                    line,
                    f"Adresa (Slug) „{document.slug}” je već zauzeta: ima je i {other}.",
                    "Svaki tekst mora da ima svoju adresu. "
                    + (
                        f"Promenite red „Slug: {document.slug}” u ovom fajlu (ili u onom drugom), na primer: Slug: {document.slug}-2"
                        if "slug" in document.metadata
                        else "Promenite naslov ili dodajte drugačiji red „Slug: …” u jedan od ta dva fajla."
                    ),
                )
            )
        else:
            owners.update(dict.fromkeys(addresses, document))
    return problems, clashing
