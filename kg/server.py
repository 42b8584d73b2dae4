"""Run a project-managed Neo4j: start detached, wait for Bolt, stop with SIGTERM, report status.

The pid file alone is not trusted: a pid counts as ours only while its command
line names this instance's home, so a reused pid or another checkout's server
on the same port is told apart from our own.
"""
from __future__ import annotations

import fcntl
import os
import shlex
import signal
import socket
import subprocess
import time
from pathlib import Path

from cypher.connection import connect
from cypher.errors import DatabaseUnavailable, ServerError
from cypher.settings import DEFAULT_PASSWORD, DEFAULT_USER, Settings
from kg import neo4j_home
from kg.neo4j_home import Instance

START_TIMEOUT = 90.0
STOP_TIMEOUT = 120.0  # SIGKILL only after this: a killed server recovers on its next start


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def _owns(pid: int, home: Path) -> bool:
    line = _cmdline(pid)
    return "CommunityEntryPoint" in line and f"--home-dir={home}" in line


def running_pid(instance: Instance) -> int | None:
    """The pid of this instance's server if it is alive; a stale pid file is removed."""
    try:
        pid = int(instance.pid_file.read_text().strip())
    except (OSError, ValueError):
        return None
    if _owns(pid, instance.home):
        return pid
    instance.pid_file.unlink(missing_ok=True)
    return None


def port_open(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def port_owner(port: int) -> str:
    """Who holds a local port, as far as we can tell: another kg-managed Neo4j is named by its home."""
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        line = _cmdline(int(proc.name))
        if "CommunityEntryPoint" not in line or "--home-dir=" not in line:
            continue
        home = line.split("--home-dir=", 1)[1].split(" --config-dir=", 1)[0]
        try:
            conf = (Path(home) / "conf" / "neo4j.conf").read_text()
        except OSError:
            continue
        if f":{port}\n" in conf:
            return f"the Neo4j in {home} (pid {proc.name})"
    return "another process"


def _busy_port(instance: Instance) -> int | None:
    for port in (instance.bolt_port, instance.http_port):
        if port_open(port):
            return port
    return None


def _log_tail(instance: Instance, lines: int = 3) -> str:
    """The last lines worth reading from the console log, joined into one line."""
    try:
        text = instance.log_file.read_text(errors="replace").splitlines()
    except OSError:
        return "no log written"
    text = [t.strip() for t in text if t.strip() and not t.startswith("\x1b")]
    errors = [t for t in text if "ERROR" in t or "Exception" in t]
    picked = (errors or text)[-lines:]
    return " | ".join(picked)[:400] or "log is empty"


def _local_settings(instance: Instance) -> Settings:
    return Settings(uri=instance.uri, user=DEFAULT_USER, password=DEFAULT_PASSWORD)


def _wait_for_bolt(instance: Instance, proc: subprocess.Popen[bytes] | None, timeout: float) -> None:
    """Poll with the real driver until the server answers; fail fast if the process dies."""
    deadline = time.monotonic() + timeout
    while True:
        if proc is not None and proc.poll() is not None:
            instance.pid_file.unlink(missing_ok=True)
            raise ServerError(
                f"Neo4j ({instance.name}) exited with code {proc.returncode}: {_log_tail(instance)}; see {instance.log_file}"
            )
        if port_open(instance.bolt_port):
            try:
                connect(_local_settings(instance), timeout=3.0).close()
                if proc is None or proc.poll() is None:
                    return
                continue  # someone else's server answered and ours died: report our exit above
            except DatabaseUnavailable as exc:
                if "authentication" in exc.reason:
                    raise ServerError(
                        f"Neo4j ({instance.name}) refused the password `kg` sets; remove {instance.home / 'data'} "
                        "to start afresh (this deletes its graph)"
                    ) from None
        if time.monotonic() > deadline:
            raise ServerError(
                f"Neo4j ({instance.name}) did not answer on {instance.uri} within {timeout:.0f} s: "
                f"{_log_tail(instance)}; see {instance.log_file}"
            )
        time.sleep(0.5)


def use_external() -> str:
    """NEO4J_URI is set: start nothing, only prove that server answers (DatabaseUnavailable if not)."""
    settings = Settings.from_env()
    connect(settings).close()
    return f"using Neo4j at {settings.uri} (NEO4J_URI is set; no local server started)"


def start(instance: Instance, timeout: float = START_TIMEOUT) -> str:
    """Start the instance detached and wait for Bolt; a second call finds it running.

    A lock per instance makes concurrent starts (two `make test` in one checkout) wait for each other.
    """
    (instance.home / "run").mkdir(parents=True, exist_ok=True)
    with open(instance.home / "run" / "start.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return _start_locked(instance, timeout)


def _start_locked(instance: Instance, timeout: float) -> str:
    pid = running_pid(instance)
    if pid is not None:
        _wait_for_bolt(instance, None, timeout)
        return f"{instance.name}: already running, pid {pid}, {instance.uri}"
    busy = _busy_port(instance)
    if busy is not None:
        raise ServerError(
            f"port {busy} is taken by {port_owner(busy)}, so the {instance.name} instance in {instance.home} "
            "cannot start; stop that server, or move this one with "
            f"KG_{instance.name.upper()}_BOLT_PORT and KG_{instance.name.upper()}_HTTP_PORT"
        )
    downloaded = neo4j_home.ensure_jars()
    neo4j_home.prepare_home(instance, DEFAULT_PASSWORD)
    command = shlex.split(neo4j_home.server_command(instance))
    with open(instance.log_file, "ab") as log:
        proc = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=instance.home,
            env=neo4j_home.admin_env(instance),
            start_new_session=True,
        )
    instance.pid_file.write_text(f"{proc.pid}\n")
    try:
        _wait_for_bolt(instance, proc, timeout)
    except BaseException:
        _terminate(proc.pid, instance, STOP_TIMEOUT)  # never leave a half-started server behind
        raise
    fetched = f" (fetched Neo4j {neo4j_home.NEO4J_VERSION} into {neo4j_home.cache_dir()})" if downloaded else ""
    return f"{instance.name}: started, pid {proc.pid}, {instance.uri}, log {instance.log_file}{fetched}"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie (our own unreaped child) counts as gone.
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][0] != "Z"
    except (OSError, IndexError):
        return False


def _terminate(pid: int, instance: Instance, timeout: float) -> bool:
    """SIGTERM and wait; SIGKILL only after the timeout. True when it stopped cleanly."""
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    deadline = time.monotonic() + timeout
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.2)
    clean = not _alive(pid)
    if not clean:
        os.kill(pid, signal.SIGKILL)
    instance.pid_file.unlink(missing_ok=True)
    return clean


def stop(instance: Instance, timeout: float = STOP_TIMEOUT) -> str:
    pid = running_pid(instance)
    if pid is None:
        return f"{instance.name}: not running"
    if _terminate(pid, instance, timeout):
        return f"{instance.name}: stopped (pid {pid})"
    return f"{instance.name}: killed (pid {pid}) after {timeout:.0f} s; the next start will run recovery"


def status(instance: Instance) -> str:
    """One line: running or stopped, pid, URI, and who holds the port if it is not us."""
    pid = running_pid(instance)
    if pid is not None:
        state = "running" if port_open(instance.bolt_port) else "starting (Bolt not open yet)"
        return f"{instance.name}: {state}, pid {pid}, {instance.uri}, home {instance.home}"
    busy = _busy_port(instance)
    if busy is not None:
        return (
            f"{instance.name}: stopped here, but port {busy} is taken by {port_owner(busy)}; "
            f"`kg neo4j start --instance {instance.name}` will fail until it stops"
        )
    return f"{instance.name}: stopped, {instance.uri}, home {instance.home}"
