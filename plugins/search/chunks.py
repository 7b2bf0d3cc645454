"""Each language's word-index chunks, as a list search.js reads: [[first word, last word], …].

Pagefind (1.5.2) loads, for a typed word, only the chunk whose first-to-last
range holds it; longer words that start with it and sit in the chunks after
that one are not searched („ugovor” ends one chunk, „ugovorili” starts the
next, and its page was not found). Its metadata file lists the chunks, but
search.js cannot read it (gzip, then CBOR), so the build writes the ranges
next to it as `<language>.chunks.json`, and search.js asks Pagefind for one
word inside every chunk that can hold a word starting with the typed one.
"""

import gzip
import json
from pathlib import Path

SUFFIX = ".chunks.json"
SIGNATURE = b"pagefind_dcd"
CHUNKS_AT = 2  # the metadata: [version, pages, chunks [[from, to, file], …], filters, sorts, meta fields]


def write_chunk_lists(bundle: Path) -> None:
    """Write `<language>.chunks.json` beside each language's metadata file in `bundle`."""
    for meta in bundle.glob("pagefind.*.pf_meta"):
        language = meta.name.removeprefix("pagefind.").removesuffix(".pf_meta").rsplit("_", 1)[0]  # sr-latn_<hash>
        ranges = [[first, last] for first, last, _file in read_metadata(meta)[CHUNKS_AT]]
        (bundle / f"{language}{SUFFIX}").write_text(
            json.dumps(ranges, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )


def read_metadata(path: Path) -> list:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path.name}: not a Pagefind metadata file")
    value, _end = _item(data, len(SIGNATURE))
    return value


def _item(data: bytes, at: int):
    """(the CBOR item at `at`, the offset after it), for the kinds Pagefind's metadata holds:
    integers, strings, arrays and maps, each with a definite length (RFC 8949)."""
    start = at
    major, info = data[at] >> 5, data[at] & 31
    at += 1
    if info < 24:
        argument = info
    elif info < 28:
        size = 1 << (info - 24)
        argument, at = int.from_bytes(data[at : at + size], "big"), at + size
    else:
        raise ValueError(f"CBOR item at byte {start} has no definite length")
    if major == 0:
        return argument, at
    if major == 1:
        return -1 - argument, at
    if major in (2, 3):
        raw = data[at : at + argument]
        return (raw.decode("utf-8") if major == 3 else raw), at + argument
    if major in (4, 5):
        items = []
        for _ in range(argument * (2 if major == 5 else 1)):
            item, at = _item(data, at)
            items.append(item)
        return (dict(zip(items[::2], items[1::2], strict=True)) if major == 5 else items), at
    raise ValueError(f"CBOR item at byte {start} is of a kind Pagefind's metadata does not use (major type {major})")
