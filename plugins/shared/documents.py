"""Every document Pelican read (articles, pages, drafts, hidden pages), once each."""

from pelican.contents import Content, Static


def documents(context) -> list[Content]:
    """From the context's `generated_content`, which lists each document under each of its paths; by source path."""
    found = {}
    for item in context.get("generated_content", {}).values():
        if isinstance(item, Content) and not isinstance(item, Static):
            found[id(item)] = item
    return sorted(found.values(), key=lambda content: content.source_path)
