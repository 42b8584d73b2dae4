"""The graph contract shared by ingest and the dashboard.

Labels, relationship types, ids, constraints, write statements and saved
queries live here. This package imports neither Streamlit nor spaCy.
"""
