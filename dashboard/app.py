"""Entry script: `streamlit run dashboard/app.py`. One navigation, one page module each."""
from __future__ import annotations

import importlib
import sys
from pathlib import Path

import streamlit as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout without install

# (module under dashboard.views, title, url path, icon)
PAGES = (
    ("explore", "Explore", "explore", ":material/hub:"),
    ("entity", "Entity", "entity", ":material/person_search:"),
    ("paths", "Paths", "paths", ":material/route:"),
    ("documents", "Documents", "documents", ":material/article:"),
    ("overview", "Overview", "overview", ":material/monitoring:"),
    ("queries", "Queries", "queries", ":material/terminal:"),
)


def _pages() -> list[st.Page]:
    pages = []
    for i, (module, title, path, icon) in enumerate(PAGES):
        try:
            mod = importlib.import_module(f"dashboard.views.{module}")
        except ModuleNotFoundError as exc:
            if exc.name == f"dashboard.views.{module}":
                continue  # page not built yet
            raise
        pages.append(st.Page(mod.render, title=title, url_path=path, icon=icon, default=(i == 0)))
    return pages


def main() -> None:
    # an emoji favicon is drawn as a data: URL; a material one (or, with none, the first page's material
    # icon) is fetched from fonts.gstatic.com
    st.set_page_config(page_title="kg-explorer", page_icon="🕸️", layout="wide")
    st.navigation(_pages()).run()


main()
