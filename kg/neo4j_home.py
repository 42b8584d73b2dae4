"""Where a project-managed Neo4j lives: the shared jar cache and one home folder per instance.

The jars (GPLv3) are fetched with Maven at setup time into a cache outside the
work tree and never committed; each instance gets its own conf, data and logs
under `<repo>/.neo4j/<instance>/`, so checkouts never share a database.
"""
from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from cypher.errors import ServerError

NEO4J_VERSION = "5.26.31"
REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_HEAP = "1g"
DEFAULT_PAGECACHE = "512m"

POM = """<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>kg-explorer</groupId>
  <artifactId>neo4j-server</artifactId>
  <version>{version}</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.neo4j</groupId><artifactId>neo4j</artifactId><version>{version}</version></dependency>
  </dependencies>
</project>
"""

# Flags Neo4j's own default config passes to the JVM on Java 17.
JVM_FLAGS = (
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
)


@dataclass(frozen=True)
class Instance:
    """One named local server: its ports and its folder in the checkout."""

    name: str
    bolt_port: int
    http_port: int

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    @property
    def home(self) -> Path:
        return REPO_ROOT / ".neo4j" / self.name

    @property
    def conf_dir(self) -> Path:
        return self.home / "conf"

    @property
    def log_file(self) -> Path:
        return self.home / "logs" / "console.log"

    @property
    def pid_file(self) -> Path:
        return self.home / "run" / "kg-server.pid"


INSTANCES = {
    "dev": Instance("dev", bolt_port=7687, http_port=7474),
    "test": Instance("test", bolt_port=7688, http_port=7475),
}


def instance(name: str) -> Instance:
    """A named instance; KG_<NAME>_BOLT_PORT / KG_<NAME>_HTTP_PORT move it when its ports are taken."""
    base = INSTANCES[name]
    prefix = f"KG_{name.upper()}_"
    try:
        bolt = int(os.environ.get(prefix + "BOLT_PORT") or base.bolt_port)
        http = int(os.environ.get(prefix + "HTTP_PORT") or base.http_port)
    except ValueError:
        raise ServerError(f"{prefix}BOLT_PORT and {prefix}HTTP_PORT must be port numbers") from None
    return Instance(name, bolt_port=bolt, http_port=http)


def cache_dir() -> Path:
    """The version's jar cache; KG_CACHE moves the whole cache (e.g. to measure a cold start)."""
    root = Path(os.environ.get("KG_CACHE") or Path.home() / ".cache" / "kg-explorer")
    return root / f"neo4j-{NEO4J_VERSION}"


def lib_dir() -> Path:
    return cache_dir() / "lib"


def memory_settings() -> tuple[str, str]:
    """Heap and page cache sizes; small by default so tests and demo fit beside other work."""
    return (
        os.environ.get("KG_NEO4J_HEAP", DEFAULT_HEAP),
        os.environ.get("KG_NEO4J_PAGECACHE", DEFAULT_PAGECACHE),
    )


def conf_text(instance: Instance, heap: str = DEFAULT_HEAP, pagecache: str = DEFAULT_PAGECACHE) -> str:
    """neo4j.conf for an instance. Only keys Neo4j 5.26 knows: an unknown key stops the server."""
    lines = [
        "# Written by `kg neo4j start`; edits are overwritten on the next start.",
        "server.default_listen_address=127.0.0.1",
        f"server.bolt.listen_address=127.0.0.1:{instance.bolt_port}",
        "server.bolt.tls_level=DISABLED",
        f"server.http.listen_address=127.0.0.1:{instance.http_port}",
        f"server.bolt.advertised_address=127.0.0.1:{instance.bolt_port}",
        f"server.http.advertised_address=127.0.0.1:{instance.http_port}",
        "server.https.enabled=false",
        "dbms.usage_report.enabled=false",
        "dbms.security.auth_enabled=true",
        f"server.directories.lib={lib_dir()}",
        f"server.memory.heap.initial_size={heap}",
        f"server.memory.heap.max_size={heap}",
        f"server.memory.pagecache.size={pagecache}",
        "db.tx_log.rotation.retention_policy=1G size",
    ]
    lines += [f"server.jvm.additional={flag}" for flag in JVM_FLAGS]
    return "\n".join(lines) + "\n"


def require_tool(name: str, hint: str) -> str:
    """Absolute path of a program, or a ServerError saying what to install."""
    path = shutil.which(name)
    if not path:
        raise ServerError(f"`{name}` not found on PATH: {hint}")
    return path


def java() -> str:
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / "java").exists():
        return str(Path(java_home) / "bin" / "java")
    return require_tool("java", "install Java 17 (Debian: apt-get install openjdk-17-jre-headless)")


def _reason(done: subprocess.CompletedProcess[str]) -> str:
    """The line of a tool's output that says what went wrong: its first error line, else its last line."""
    lines = [line.strip() for line in (done.stdout + done.stderr).splitlines() if line.strip()]
    errors = [line for line in lines if line.lower().startswith(("error", "[error]"))]
    return ((errors or lines or [f"exit code {done.returncode}"])[0 if errors else -1])[:300]


def ensure_jars() -> bool:
    """Fetch the server's runtime jars once; True when this call downloaded them.

    The jars land in a temporary folder renamed into place, under a file lock,
    so an interrupted or concurrent fetch never leaves a half-filled lib/.
    """
    lib = lib_dir()
    if lib.is_dir():
        return False
    cache = cache_dir()
    cache.mkdir(parents=True, exist_ok=True)
    with open(cache / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if lib.is_dir():
            return False
        mvn = require_tool("mvn", "install Maven (Debian: apt-get install maven)")
        pom = cache / "pom.xml"
        pom.write_text(POM.format(version=NEO4J_VERSION))
        partial = cache / "lib.partial"
        shutil.rmtree(partial, ignore_errors=True)
        cmd = [
            mvn, "-B", "-q", "-f", str(pom), "dependency:copy-dependencies",
            "-DincludeScope=runtime", "-Dmdep.prependGroupId=true", f"-DoutputDirectory={partial}",
        ]
        done = subprocess.run(cmd, capture_output=True, text=True)
        if done.returncode != 0 or not any(partial.glob("*.jar")):
            raise ServerError(f"Maven could not fetch Neo4j {NEO4J_VERSION} into {cache}: {_reason(done)}")
        partial.rename(lib)
    return True


def admin_env(instance: Instance) -> dict[str, str]:
    return {**os.environ, "NEO4J_HOME": str(instance.home), "NEO4J_CONF": str(instance.conf_dir)}


def classpath() -> str:
    return f"{lib_dir()}/*"


def prepare_home(instance: Instance, password: str) -> None:
    """Folders and conf for an instance; the password is set once, before the first start."""
    for sub in ("conf", "data", "logs", "run", "plugins", "import"):
        (instance.home / sub).mkdir(parents=True, exist_ok=True)
    heap, pagecache = memory_settings()
    (instance.conf_dir / "neo4j.conf").write_text(conf_text(instance, heap, pagecache))
    if (instance.home / "data" / "databases").exists():
        return  # started before: the password lives in the system database now
    cmd = [java(), "-cp", classpath(), "org.neo4j.server.startup.Neo4jAdminCommand",
           "dbms", "set-initial-password", password]
    done = subprocess.run(cmd, env=admin_env(instance), capture_output=True, text=True)
    if done.returncode != 0:
        raise ServerError(f"could not set the initial password for {instance.home}: {_reason(done)}")


def server_command(instance: Instance) -> str:
    """The single-JVM command Neo4j's launcher would run (its --dry-run), so our pid is the server's."""
    cmd = [java(), "-cp", classpath(), "org.neo4j.server.startup.Neo4jCommand", "console", "--dry-run"]
    done = subprocess.run(cmd, env=admin_env(instance), capture_output=True, text=True)
    lines = [line for line in done.stdout.splitlines() if "CommunityEntryPoint" in line]
    if done.returncode != 0 or not lines:
        raise ServerError(f"Neo4j's launcher refused the config in {instance.conf_dir}: {_reason(done)}")
    return lines[-1]
