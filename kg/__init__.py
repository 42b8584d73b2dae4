"""The `kg` command line and the project-managed Neo4j server."""
