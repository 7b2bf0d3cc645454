from datetime import datetime

from pelican.contents import Article, Content
from pelican.settings import DEFAULT_CONFIG

import relative_paths


def make(content_path: str, source_path: str) -> Article:
    settings = {
        **DEFAULT_CONFIG,
        "PATH": content_path,
        "ARTICLE_URL": "{path}/",
        "ARTICLE_SAVE_AS": "{path}/index.html",
    }
    metadata = {"title": "Naslov", "slug": "naslov", "date": datetime(2026, 1, 1)}
    return Article("<p>tekst</p>", metadata=metadata, settings=settings, source_path=source_path, context={})


def test_gives_pelicans_answer_and_asks_pelican_once_per_file(monkeypatch):
    asked, original = [], relative_paths._pelicans

    def pelicans(self, source_path=None):
        asked.append(source_path or self.source_path)
        return original(self, source_path)

    monkeypatch.setattr(relative_paths, "_pelicans", pelicans)
    monkeypatch.setattr(relative_paths, "_known", {})
    monkeypatch.setattr(Content, "get_relative_source_path", relative_paths.get_relative_source_path)
    article = make("/site/content", "/site/content/posts/prvi.md")
    assert article.url == "posts/prvi.md/" and article.save_as == "posts/prvi.md/index.html"
    assert article.get_relative_source_path("/site/content/images/a.png") == "images/a.png"
    article.url, article.get_relative_source_path("/site/content/images/a.png")
    assert asked == ["/site/content/posts/prvi.md", "/site/content/images/a.png"]


def test_another_content_folder_is_another_answer(monkeypatch):
    monkeypatch.setattr(relative_paths, "_known", {})
    monkeypatch.setattr(Content, "get_relative_source_path", relative_paths.get_relative_source_path)
    assert make("/site/content", "/site/content/posts/x.md").relative_source_path == "posts/x.md"
    assert make("/site", "/site/content/posts/x.md").relative_source_path == "content/posts/x.md"
