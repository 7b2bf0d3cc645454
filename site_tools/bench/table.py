"""The bench result as a Markdown table (ready for the README)."""

# Rows that stock Pelican has no counterpart for are compared with its warm build: a whole site, built.
YARDSTICK = {"cold": "cold", "warm": "warm", "edit": "warm", "edit_search": "warm", "publish": "warm"}


def format_table(result: dict) -> str:
    sides = result["sides"]
    others = [name for name in ("stock", "hugo") if name in sides]
    head = ["build", "ours", *others] + (["ours ÷ stock"] if "stock" in sides else [])
    lines = [_line(head), _line(["---"] * len(head))]
    for row, label in result["rows"].items():
        ours = sides["ours"].get(row)
        cells = [label, _seconds(ours)]
        cells += [_seconds(sides[name].get(row)) for name in others]
        if "stock" in sides:
            yardstick = sides["stock"].get(YARDSTICK[row])
            ratio = _ratio(ours, yardstick)
            cells.append(ratio if row == YARDSTICK[row] or ratio == "—" else f"{ratio} of a whole build")
        lines.append(_line(cells))
    peaks = {name: max(run["peak_mb"] for run in rows.values()) for name, rows in sides.items()}
    memory = ["peak memory", f"{peaks['ours']:.0f} MB", *(f"{peaks[name]:.0f} MB" for name in others)]
    if "stock" in sides:
        memory.append(f"{peaks['ours'] / peaks['stock']:.1f}×" if peaks["stock"] else "—")
    lines.append(_line(memory))
    pages = {name: rows["cold"]["pages"] for name, rows in sides.items() if "cold" in rows}
    summary = ", ".join(f"{name} {count}" for name, count in pages.items())
    lines.append("")
    lines.append(
        f"{result['posts']} synthetic posts, {result['cpus']} CPUs, {result['rounds']} round(s); HTML pages written: {summary}."
    )
    return "\n".join(lines)


def _seconds(run: dict | None) -> str:
    if run is None:
        return "—"
    return f"{run['seconds']:.1f} s" if run["ok"] else "failed"


def _ratio(ours: dict | None, stock: dict | None) -> str:
    if not (ours and stock and ours["ok"] and stock["ok"] and stock["seconds"]):
        return "—"
    return f"{ours['seconds'] / stock['seconds']:.2f}×"


def _line(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"
