"""Where the database is. The environment wins; otherwise the project-managed local server."""
from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_URI = "bolt://127.0.0.1:7687"
DEFAULT_USER = "neo4j"
DEFAULT_PASSWORD = "kg-explorer-local"  # the password `kg neo4j start` sets on its own local server
DEFAULT_DATABASE = "neo4j"


def local_uri() -> str:
    """The project's own dev server, on the Bolt port KG_DEV_BOLT_PORT moves it to (as `kg neo4j start` does)."""
    port = os.environ.get("KG_DEV_BOLT_PORT", "").strip()
    return f"bolt://127.0.0.1:{port}" if port else DEFAULT_URI


@dataclass(frozen=True)
class Settings:
    uri: str = DEFAULT_URI
    user: str = DEFAULT_USER
    password: str = DEFAULT_PASSWORD
    database: str = DEFAULT_DATABASE

    @classmethod
    def from_env(cls) -> "Settings":
        return cls(
            uri=os.environ.get("NEO4J_URI") or local_uri(),
            user=os.environ.get("NEO4J_USER", DEFAULT_USER),
            password=os.environ.get("NEO4J_PASSWORD", DEFAULT_PASSWORD),
            database=os.environ.get("NEO4J_DATABASE", DEFAULT_DATABASE),
        )
