"""axe-core, injected from node_modules into a Playwright page, in every colour mode."""

import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
WIDTHS = (375, 1280)
HEIGHT = 800


@dataclass(frozen=True)
class ColourMode:
    name: str
    system: str  # the emulated prefers-color-scheme
    theme: str | None = None  # data-theme on <html>, as the site's own toggle sets it

    def __str__(self) -> str:
        return self.name


def colour_modes(css: str) -> list[ColourMode]:
    """System light and dark; plus each theme the site's toggle can force
    (a `[data-theme=…]` selector in the CSS), against the opposite system setting."""
    modes = [ColourMode("light", "light"), ColourMode("dark", "dark")]
    for theme in sorted(set(re.findall(r"""\[data-theme\s*=\s*["']?(light|dark)\b""", css))):
        opposite = "dark" if theme == "light" else "light"
        modes.append(ColourMode(f"{theme} via toggle (system {opposite})", opposite, theme))
    return modes


# Apply a forced theme, then wait (by events, not time) until transitions end
# and web fonts are in, so colours are measured as the reader finally sees them.
SETTLE = """async (theme) => {
  if (theme) document.documentElement.setAttribute("data-theme", theme);
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  await Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null)));
  await document.fonts.ready;
}"""

RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.map((n) => n.target.join(" ")),
  }));
}"""


def violations(page, theme: str | None = None) -> list[dict]:
    """axe violations on the page already loaded in `page`."""
    page.evaluate(SETTLE, theme)
    # Evaluated over the DevTools protocol, not added as a <script>: the site's
    # Content-Security-Policy (plugins/security_headers) blocks inline scripts it did not hash.
    page.evaluate(AXE_SCRIPT.read_text(encoding="utf-8"))
    return page.evaluate(RUN_AXE, TAGS)


def describe(found: list[dict]) -> list[str]:
    return [f"{v['id']} ({v['impact']}): {v['help']} — {', '.join(v['targets'][:8])}" for v in found]
