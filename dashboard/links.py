"""Every URL the dashboard emits, and the view state read back from the query string.

The whole view lives in the URL, so a link reopens the same picture in a fresh
browser. Only view state travels: never a credential, a server address or a
database name. Values read from a URL are checked against the model's
allowlists and clamped, so a hand-edited link cannot ask for anything odd.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlencode

from cypher.model import ENTITY_TYPES, RELATION_TYPES

PAGES = ("explore", "entity", "paths", "documents", "overview", "queries")
VIEW_TYPES = ENTITY_TYPES + ("Designation",)
VIEW_RELATIONS = tuple(r for r in RELATION_TYPES if r != "MENTIONED_IN")
MAX_HOPS = 3
DEFAULT_CAP = 150
MAX_CAP = 1000
MAX_K = 6
MAX_IDS = 200
MAX_ID_LENGTH = 300
NODE_PLACEHOLDER = "__KG_NODE__"  # replaced in the browser by the clicked node's id (see graph.py)

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# the query parameters a view may carry: anything else in a URL is ignored
PARAMS = ("focus", "expanded", "removed", "hops", "types", "rels", "min_docs", "from", "to", "cap",
          "src", "dst", "k")


@dataclass(frozen=True)
class ViewState:
    """What is on screen: the page, the focused and expanded entities, removed nodes, filters, cap, path ends.

    `types` and `rels` are None for "the default" (all entity types; typed relations,
    with co-mentions only when no typed relation exists), so default links stay short.
    """

    page: str = "explore"
    focus: str | None = None
    expanded: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    hops: int = 1
    types: tuple[str, ...] | None = None
    rels: tuple[str, ...] | None = None
    min_docs: int = 1
    date_from: str | None = None
    date_to: str | None = None
    cap: int = DEFAULT_CAP
    src: str | None = None
    dst: str | None = None
    k: int | None = None
    extra: tuple[tuple[str, str], ...] = field(default=(), compare=False, repr=False)

    def to_params(self) -> dict[str, str | list[str]]:
        """Query parameters for this state; defaults are left out."""
        out: dict[str, str | list[str]] = {}
        if self.focus:
            out["focus"] = self.focus
        if self.expanded:
            out["expanded"] = list(self.expanded)
        if self.removed:
            out["removed"] = list(self.removed)
        if self.hops != 1:
            out["hops"] = str(self.hops)
        if self.types is not None:
            out["types"] = list(self.types) or ["none"]
        if self.rels is not None:
            out["rels"] = list(self.rels) or ["none"]
        if self.min_docs != 1:
            out["min_docs"] = str(self.min_docs)
        if self.date_from:
            out["from"] = self.date_from
        if self.date_to:
            out["to"] = self.date_to
        if self.cap != DEFAULT_CAP:
            out["cap"] = str(self.cap)
        if self.src:
            out["src"] = self.src
        if self.dst:
            out["dst"] = self.dst
        if self.k is not None:
            out["k"] = str(self.k)
        return out

    @classmethod
    def from_params(cls, params: Mapping[str, Any], page: str = "explore") -> "ViewState":
        """Read a state from query parameters (a dict or st.query_params), ignoring what is not valid."""

        def all_of(key: str) -> list[str]:
            if hasattr(params, "get_all"):
                values = params.get_all(key)  # st.query_params
            else:
                raw = params.get(key)
                values = [] if raw is None else raw if isinstance(raw, (list, tuple)) else [raw]
            return [str(v) for v in values if v is not None]

        def one(key: str) -> str | None:
            values = all_of(key)
            return values[-1] if values else None

        return cls(
            page=page if page in PAGES else "explore",
            focus=_entity_id(one("focus")),
            expanded=_ids(all_of("expanded")),
            removed=_ids(all_of("removed")),
            hops=_int(one("hops"), 1, 1, MAX_HOPS),
            types=_allowed(all_of("types"), VIEW_TYPES) if "types" in params else None,
            rels=_allowed(all_of("rels"), VIEW_RELATIONS) if "rels" in params else None,
            min_docs=_int(one("min_docs"), 1, 1, 1000),
            date_from=_date(one("from")),
            date_to=_date(one("to")),
            cap=_int(one("cap"), DEFAULT_CAP, 1, MAX_CAP),
            src=_entity_id(one("src")),
            dst=_entity_id(one("dst")),
            k=_int(one("k"), 0, 1, MAX_K) if one("k") is not None else None,
        )

    def url(self) -> str:
        """A relative URL (page path plus query string) that reopens this view."""
        return _url(self.page, self.to_params())

    def focused_on(self, entity_id: str) -> "ViewState":
        """The same filters, centred on another entity (expansions and removals dropped)."""
        return replace(self, page="explore", focus=entity_id, expanded=(), removed=())

    def expanded_with(self, entity_id: str) -> "ViewState":
        """The same view with one more entity's neighbours added (and that entity no longer removed)."""
        if not self.focus:
            return self.focused_on(entity_id)
        expanded = self.expanded if entity_id in self.expanded or entity_id == self.focus else \
            self.expanded + (entity_id,)
        return replace(self, expanded=expanded, removed=tuple(r for r in self.removed if r != entity_id))

    def seeds(self) -> tuple[str, ...]:
        """The entities whose neighbourhoods are drawn: the focus, then the expanded ones."""
        if not self.focus:
            return ()
        return (self.focus, *[e for e in self.expanded if e != self.focus])


def _url(page: str, params: Mapping[str, str | list[str]]) -> str:
    query = urlencode(params, doseq=True, safe=":")
    return page + ("?" + query if query else "")


def _int(raw: str | None, default: int, lo: int, hi: int) -> int:
    try:
        value = int(str(raw))
    except (TypeError, ValueError):
        return default
    return max(lo, min(hi, value))


def _entity_id(raw: str | None) -> str | None:
    if not raw:
        return None
    raw = raw.strip()
    return raw if 0 < len(raw) <= MAX_ID_LENGTH and raw.isprintable() else None


def _ids(values: Iterable[str]) -> tuple[str, ...]:
    out: list[str] = []
    for v in values:
        cleaned = _entity_id(v)
        if cleaned and cleaned not in out:
            out.append(cleaned)
    return tuple(out[:MAX_IDS])


def _allowed(values: Iterable[str], allowed: tuple[str, ...]) -> tuple[str, ...]:
    wanted = set(values)
    return tuple(a for a in allowed if a in wanted)


def valid_date(raw: str | None) -> str | None:
    """`raw` when it is an ISO date as precise as the data (YYYY, YYYY-MM or YYYY-MM-DD), else None."""
    return raw if raw and _DATE.match(raw) else None


_date = valid_date


# ---- links to single things (the other pages read these parameters) ----

def explore(focus: str | None = None, **changes: Any) -> str:
    """The Explore page, optionally focused on one entity."""
    return replace(ViewState(), focus=focus, **changes).url()


def entity(entity_id: str) -> str:
    """The Entity page for one entity."""
    return _url("entity", {"id": entity_id})


def document(doc_id: str) -> str:
    """The Documents page showing one document."""
    return _url("documents", {"doc": doc_id})


def paths(src: str | None, dst: str | None, k: int | None = None) -> str:
    """The Paths page between two entities."""
    return ViewState(page="paths", src=src, dst=dst, k=k).url()


def click_templates(state: ViewState) -> dict[str, str]:
    """Query strings for a node click ('focus' and 'expand'), with NODE_PLACEHOLDER where the id goes."""
    focus = state.focused_on(NODE_PLACEHOLDER)
    expand = state.expanded_with(NODE_PLACEHOLDER) if state.focus else focus
    return {"focus": _query(focus), "expand": _query(expand)}


def _query(state: ViewState) -> str:
    return "?" + urlencode(state.to_params(), doseq=True, safe=":")


def open_templates() -> dict[str, str]:
    """Clicks on a read-only graph (Paths): Explore focused on the node; shift-click, its Entity page.

    Explore is the default page, whose address Streamlit writes as "./": pushing "explore?..." would
    leave two history entries for one click, and Back would seem to do nothing.
    """
    return {"focus": "./" + _query(ViewState(focus=NODE_PLACEHOLDER)), "expand": entity(NODE_PLACEHOLDER)}


def current(page: str = "explore") -> ViewState:
    """The view state of the running page, from st.query_params."""
    import streamlit as st

    return ViewState.from_params(st.query_params, page=page)


def publish(state: ViewState) -> None:
    """Make the browser's URL show `state` (query parameters only; the page path stays)."""
    import streamlit as st

    params = state.to_params()
    if dict(_as_dict(st.query_params)) != params:
        st.query_params.from_dict(params)


def _as_dict(qp: Any) -> dict[str, str | list[str]]:
    out: dict[str, str | list[str]] = {}
    for key in qp:
        values = qp.get_all(key)
        out[key] = values if key in ("expanded", "removed", "types", "rels") else values[-1]
    return out


def queries(name: str | None = None, values: Mapping[str, str] | None = None) -> str:
    """The Queries page running one library or saved query with these parameter values (as text)."""
    params: dict[str, str | list[str]] = {"q": name} if name else {}
    params.update({f"p.{k}": v for k, v in (values or {}).items()})
    return _url("queries", params)
