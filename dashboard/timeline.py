"""Designations and incidents on one timeline, ordered by when they happened (not when reported)."""
from __future__ import annotations

import re
from typing import Any

import altair as alt

from dashboard.evidence_table import evidence_pairs

_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def event_date(value: Any) -> str | None:
    """'1998' -> '1998-01-01', '2013-09' -> '2013-09-01'; None when there is no usable date."""
    m = _DATE.match(str(value or "").strip())
    if not m:
        return None
    year, month, day = m.group(1), m.group(2) or "01", m.group(3) or "01"
    return f"{year}-{month}-{day}"


def timeline_rows(designations: list[dict[str, Any]], incidents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per event, earliest first; undated events last."""
    rows: list[dict[str, Any]] = []
    for g in designations:
        first = evidence_pairs(g.get("evidence"), g.get("evidenceDocIds"))[0]
        rows.append({
            "date": g.get("date") or "",
            "event": "designation",
            "what": f"{g.get('kind') or 'designation'}: {g.get('authority') or '?'} → {g.get('target') or '?'}",
            "authority": g.get("authority") or "",
            "kind": g.get("kind") or "",
            "reason": g.get("reason") or "",
            "status": g.get("status") or "",
            "place": "",
            "killed": None,
            "role": g.get("side") or "",
            "evidence": first[0],
            "_doc": first[1],
        })
    for x in incidents:
        first = evidence_pairs(x.get("evidence"), x.get("evidenceDocIds"))[0]
        rows.append({
            "date": x.get("date") or "",
            "event": "incident",
            "what": x.get("name") or x.get("id") or "",
            "authority": "",
            "kind": x.get("kind") or "",
            "reason": "",
            "status": x.get("status") or "",
            "place": ", ".join(x.get("places") or []),
            "killed": x.get("killed"),
            "role": x.get("role") or "",
            "evidence": first[0],
            "_doc": first[1],
        })
    return sorted(rows, key=lambda r: (event_date(r["date"]) is None, event_date(r["date"]) or "", r["what"]))


def timeline_chart(rows: list[dict[str, Any]]) -> alt.Chart | None:
    """Dated events as points on a time axis, one lane per kind of event; None when nothing is dated."""
    dated = [
        {"when": event_date(r["date"]), "date": r["date"], "event": r["event"], "what": r["what"],
         "status": r["status"], "place": r["place"]}
        for r in rows if event_date(r["date"])
    ]
    if not dated:
        return None
    return (
        alt.Chart(alt.Data(values=dated))
        .mark_circle(size=160)
        .encode(
            x=alt.X("when:T", title="when it happened", axis=alt.Axis(format="%Y", tickCount="year")),
            y=alt.Y("event:N", title=None),
            color=alt.Color("event:N", legend=None),
            tooltip=[alt.Tooltip("date:N"), alt.Tooltip("what:N"), alt.Tooltip("place:N"), alt.Tooltip("status:N")],
        )
        .properties(height=140)
    )
