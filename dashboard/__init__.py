"""The Streamlit dashboard. Depends on cypher/, never on ingest/."""
