"""Colours and shapes per node type and relationship type: the one palette every graph and legend uses."""
from __future__ import annotations

from typing import Final

# node type -> (colour, vis-network shape); colour-blind-safe hues (Okabe-Ito)
NODE_STYLE: Final[dict[str, tuple[str, str]]] = {
    "Person": ("#0072B2", "dot"),
    "Organization": ("#E69F00", "diamond"),
    "Location": ("#009E73", "triangle"),
    "Incident": ("#D55E00", "star"),
    "Designation": ("#CC79A7", "square"),
}
UNKNOWN_STYLE: Final = ("#999999", "dot")

EDGE_COLOUR: Final[dict[str, str]] = {
    "LEADS": "#0b3d91",
    "MEMBER_OF": "#3c6fd1",
    "PART_OF": "#7a5c00",
    "SUPPORTS": "#b35900",
    "INVOLVED_IN": "#a01818",
    "OCCURRED_IN": "#7a2e00",
    "BASED_IN": "#006b4f",
    "ISSUED": "#8a3f74",
    "TARGETS": "#b0307a",
    "CO_MENTIONED": "#b8b8b8",
}
DEFAULT_EDGE_COLOUR: Final = "#777777"

MIN_NODE_SIZE: Final = 10
MAX_NODE_SIZE: Final = 40
MAX_EDGE_WIDTH: Final = 8


def node_style(node_type: str | None) -> tuple[str, str]:
    """(colour, shape) for a node type."""
    return NODE_STYLE.get(node_type or "", UNKNOWN_STYLE)


def edge_colour(rel_type: str) -> str:
    """The colour of a relationship type."""
    return EDGE_COLOUR.get(rel_type, DEFAULT_EDGE_COLOUR)


def node_size(weight: int, largest: int) -> float:
    """Node size from mentions or degree, on a square-root scale between the bounds."""
    if largest <= 0 or weight <= 0:
        return float(MIN_NODE_SIZE)
    return MIN_NODE_SIZE + (MAX_NODE_SIZE - MIN_NODE_SIZE) * (weight / largest) ** 0.5


def edge_width(doc_count: int) -> float:
    """Edge width from the number of supporting documents: 1 for one, growing slowly, capped."""
    return float(min(MAX_EDGE_WIDTH, 1 + 1.5 * max(0, doc_count - 1)))
