"""Ingest: read articles, extract entities and relations with spaCy, load them into Neo4j."""
