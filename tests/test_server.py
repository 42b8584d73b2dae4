"""The project-managed Neo4j: conf and ports (pure), the `kg neo4j` command, and its one-line failures."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from cypher.errors import ServerError
from cypher.settings import Settings
from kg import neo4j_home, server
from kg.neo4j_home import Instance

ROOT = Path(__file__).resolve().parent.parent


def run_kg(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`python -m kg ...` in a clean environment: no NEO4J_* unless given."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    return subprocess.run(
        [sys.executable, "-m", "kg", *args], env={**base, **env}, capture_output=True, text=True, cwd=ROOT, timeout=120
    )


def test_instances_have_their_own_ports_and_homes() -> None:
    dev, test = neo4j_home.INSTANCES["dev"], neo4j_home.INSTANCES["test"]
    assert (dev.bolt_port, dev.http_port, dev.uri) == (7687, 7474, "bolt://127.0.0.1:7687")
    assert (test.bolt_port, test.http_port, test.uri) == (7688, 7475, "bolt://127.0.0.1:7688")
    assert dev.home == ROOT / ".neo4j" / "dev"
    assert test.home == ROOT / ".neo4j" / "test"


def test_ports_move_with_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_TEST_BOLT_PORT", "17688")
    monkeypatch.setenv("KG_TEST_HTTP_PORT", "17475")
    moved = neo4j_home.instance("test")
    assert (moved.bolt_port, moved.http_port, moved.home) == (17688, 17475, ROOT / ".neo4j" / "test")
    assert neo4j_home.instance("dev").bolt_port == 7687


def test_a_port_that_is_not_a_number_is_a_server_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_DEV_BOLT_PORT", "seven")
    with pytest.raises(ServerError, match="KG_DEV_BOLT_PORT"):
        neo4j_home.instance("dev")


def test_cache_lives_outside_the_work_tree_unless_moved(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("KG_CACHE", raising=False)
    assert neo4j_home.cache_dir() == Path.home() / ".cache" / "kg-explorer" / f"neo4j-{neo4j_home.NEO4J_VERSION}"
    monkeypatch.setenv("KG_CACHE", str(tmp_path))
    assert neo4j_home.lib_dir() == tmp_path / f"neo4j-{neo4j_home.NEO4J_VERSION}" / "lib"


def conf_keys(text: str) -> dict[str, list[str]]:
    keys: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            key, value = line.split("=", 1)
            keys.setdefault(key, []).append(value)
    return keys


def test_conf_listens_on_localhost_with_the_instance_ports_and_auth_on() -> None:
    keys = conf_keys(neo4j_home.conf_text(Instance("test", 7688, 7475), heap="1g", pagecache="512m"))
    assert keys["server.bolt.listen_address"] == ["127.0.0.1:7688"]
    assert keys["server.http.listen_address"] == ["127.0.0.1:7475"]
    assert keys["server.default_listen_address"] == ["127.0.0.1"]
    assert keys["dbms.security.auth_enabled"] == ["true"]
    assert keys["server.https.enabled"] == ["false"]
    assert keys["server.memory.heap.max_size"] == ["1g"]
    assert keys["server.memory.pagecache.size"] == ["512m"]
    assert "--add-opens=java.base/java.nio=ALL-UNNAMED" in keys["server.jvm.additional"]


def test_memory_sizes_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_NEO4J_HEAP", "2g")
    monkeypatch.delenv("KG_NEO4J_PAGECACHE", raising=False)
    assert neo4j_home.memory_settings() == ("2g", "512m")


def test_status_names_a_port_taken_by_someone_else() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        line = server.status(Instance("never-started", bolt_port=port, http_port=port))
    assert line.startswith("never-started: stopped here, but port")
    assert f"port {port} is taken by another process" in line


def test_status_of_a_stopped_instance_says_stopped() -> None:
    line = server.status(Instance("never-started", bolt_port=1, http_port=1))
    assert line.startswith("never-started: stopped, bolt://127.0.0.1:1")


@pytest.mark.neo4j
def test_kg_neo4j_status_reports_the_test_instance() -> None:
    done = run_kg("neo4j", "status", "--instance", "test")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("test: ")
    assert "bolt://127.0.0.1:" in done.stdout


@pytest.mark.neo4j
def test_second_start_finds_the_running_test_instance() -> None:
    instance = neo4j_home.instance("test")
    if server.running_pid(instance) is None:
        pytest.skip("this checkout's test instance is not running (make test starts it)")
    done = run_kg("neo4j", "start", "--instance", "test")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"test: already running, pid {server.running_pid(instance)}")


def test_unreachable_server_is_one_line_naming_the_uri_with_exit_code_2() -> None:
    done = run_kg("neo4j", "start", NEO4J_URI="bolt://127.0.0.1:1")
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and "bolt://127.0.0.1:1" in lines[0]
    assert "Traceback" not in done.stderr


@pytest.mark.neo4j
def test_wrong_password_is_one_line_with_exit_code_2(settings: Settings) -> None:
    done = run_kg("neo4j", "start", NEO4J_URI=settings.uri, NEO4J_PASSWORD="not-the-password")
    assert done.returncode == 2
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and settings.uri in lines[0] and "password" in lines[0]
    assert "Traceback" not in done.stderr


@pytest.mark.neo4j
def test_start_with_neo4j_uri_uses_that_server(settings: Settings) -> None:
    done = run_kg("neo4j", "start", NEO4J_URI=settings.uri, NEO4J_USER=settings.user, NEO4J_PASSWORD=settings.password)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"using Neo4j at {settings.uri}")


def test_docker_compose_file_validates() -> None:
    compose = shutil.which("docker-compose")
    if compose is None:
        pytest.skip("docker-compose is not installed (make setup installs it)")
    done = subprocess.run([compose, "config", "-q"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    ("output", "reason"),
    [
        ("Validating\nError: 'bogus' is not a valid size\nRun with '--verbose'\n", "Error: 'bogus' is not a valid size"),
        ("[ERROR] Could not resolve dependencies\n[ERROR] -> [Help 1]\n", "[ERROR] Could not resolve dependencies"),
        ("starting\nsomething odd\n", "something odd"),
        ("", "exit code 3"),
    ],
)
def test_a_failing_tool_is_summed_up_by_its_error_line(output: str, reason: str) -> None:
    done = subprocess.CompletedProcess(args=["tool"], returncode=3, stdout=output, stderr="")
    assert neo4j_home._reason(done) == reason
