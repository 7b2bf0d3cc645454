"""Every document Pelican read (articles, pages, drafts, hidden pages), once each; a Summary as written."""

from pelican.contents import Content, Static


def documents(context) -> list[Content]:
    """From the context's `generated_content`, which lists each document under each of its paths; by source path."""
    found = {}
    for item in context.get("generated_content", {}).values():
        if isinstance(item, Content) and not isinstance(item, Static):
            found[id(item)] = item
    return sorted(found.values(), key=lambda content: content.source_path)


WRITTEN_SUMMARY = "written_summary"  # set by keep_written_summaries


def keep_written_summaries(documents) -> None:
    """Kept before Pelican replaces the {filename}/{static} links of a Summary header
    (refresh_metadata_intersite_links, after all_generators_finalized); the body's it never replaces."""
    for document in documents:
        setattr(document, WRITTEN_SUMMARY, document.metadata.get("summary"))


def written_summary(document) -> str | None:
    """A Summary header's HTML with its links as the author wrote them (list pages show it): kept by
    keep_written_summaries, and until Pelican replaces them, the header itself."""
    return document.__dict__.get(WRITTEN_SUMMARY, document.metadata.get("summary"))
