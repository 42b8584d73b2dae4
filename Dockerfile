# The kg-explorer app (dashboard and `kg` command) for docker-compose.yml; Neo4j runs in its own container.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
COPY pyproject.toml README.md ./
COPY cypher ./cypher
COPY ingest ./ingest
COPY dashboard ./dashboard
COPY kg ./kg
RUN pip install .
COPY examples ./examples

RUN useradd --create-home --uid 10001 kg
USER kg

EXPOSE 8501
CMD ["streamlit", "run", "/app/dashboard/app.py", "--server.address", "0.0.0.0", "--server.port", "8501", \
     "--server.headless", "true", "--browser.gatherUsageStats", "false"]
