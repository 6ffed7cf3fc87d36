"""nginx in front of the app processes, configured as ``docs/deploy.md`` says (plain HTTP, no ``Secure``).

Sticky sessions hash a random ``rotta_route`` cookie that nginx gives on the first response, so
every request of one tab (page, health, websocket) reaches the same process. nginx runs as a
foreground child with its configuration, pid, logs and temp files in a folder of its own.
"""

from __future__ import annotations

import collections
import os
import shutil
import subprocess
from pathlib import Path

from bench.servers import REPO, free_port, stop_process, wait_healthy

LOG_FORMAT = '$status $upstream_addr "$cookie_rotta_route" "$request_uri"'
CONFIG = """\
{user}worker_processes 1;
daemon off;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    log_format load '{log_format}';
    access_log {dir}/access.log load;

    # as in docs/deploy.md, without TLS: a random route cookie, hashed to one process
    map $cookie_rotta_route $rotta_route {{
        ""      $request_id;
        default $cookie_rotta_route;
    }}
    map $cookie_rotta_route $rotta_set_route {{
        ""      "rotta_route=$request_id; Path=/; HttpOnly; SameSite=Lax";
        default "";
    }}
    map $http_upgrade $connection_upgrade {{
        default upgrade;
        ""      close;
    }}
    upstream rotta {{
        hash $rotta_route consistent;
{servers}
    }}
    server {{
        listen 127.0.0.1:{port};
        client_max_body_size 25m;
        location / {{
            proxy_pass http://rotta;
            add_header Set-Cookie $rotta_set_route always;
            proxy_http_version 1.1;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_read_timeout 86400s;
            proxy_send_timeout 86400s;
            proxy_buffering off;
            proxy_set_header Host $host;
            proxy_set_header X-Real-IP $remote_addr;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
        }}
        location = /_stcore/health {{
            proxy_pass http://rotta;
            access_log off;
        }}
    }}
}}
"""


def nginx_binary() -> str:
    """nginx from PATH or /usr/sbin; installed by ``scripts/ensure-nginx`` when missing (as root)."""
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if os.access("/usr/sbin/nginx", os.X_OK) else None)
    if found:
        return found
    subprocess.run([str(REPO / "scripts" / "ensure-nginx")], check=True)
    found = shutil.which("nginx") or "/usr/sbin/nginx"
    if not os.access(found, os.X_OK):
        raise RuntimeError("nginx is missing: run scripts/ensure-nginx as root")
    return found


def config(folder: Path, port: int, backends: list[int]) -> str:
    servers = "\n".join(f"        server 127.0.0.1:{b} max_fails=2 fail_timeout=10s;" for b in backends)
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers reach the temp folder as its owner
    return CONFIG.format(user=user, dir=folder, log_format=LOG_FORMAT, servers=servers, port=port)


class Proxy:
    """A running nginx on ``url`` in front of ``backends`` (ports); ``stop()`` ends it."""

    def __init__(self, folder: Path, backends: list[int], timeout: float = 20):
        self.folder, self.port = folder, free_port()
        folder.mkdir(parents=True, exist_ok=True)
        self.url = f"http://127.0.0.1:{self.port}"
        conf = folder / "nginx.conf"
        conf.write_text(config(folder, self.port, backends), encoding="utf-8")
        binary = nginx_binary()
        checked = subprocess.run([binary, "-t", "-c", str(conf), "-p", str(folder)], capture_output=True, text=True)
        if checked.returncode != 0:
            raise RuntimeError(f"nginx -t failed:\n{checked.stderr}")
        self._log = open(folder / "nginx.out", "w")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(
            [binary, "-c", str(conf), "-p", str(folder)], stdout=self._log, stderr=subprocess.STDOUT
        )
        if wait_healthy(self.url, self.proc, timeout):
            return
        self.stop()
        raise RuntimeError(f"nginx did not answer; {(folder / 'error.log').read_text()[-2000:]}")

    def pids(self) -> list[int]:
        """The master and its workers."""
        children = Path(f"/proc/{self.proc.pid}/task/{self.proc.pid}/children")
        kids = [int(p) for p in children.read_text().split()] if children.exists() else []
        return [self.proc.pid, *kids]

    def stop(self) -> None:
        stop_process(self.proc)
        self._log.close()


def parse_access_log(text: str) -> tuple[collections.Counter[str], int, int]:
    """Websockets opened per upstream, route cookies seen, and route cookies that reached more than one upstream."""
    upgrades: collections.Counter[str] = collections.Counter()
    routes: dict[str, set[str]] = collections.defaultdict(set)
    for line in text.splitlines():
        parts = line.split(" ", 3)
        if len(parts) < 4:
            continue
        status, upstream, cookie, uri = parts[0], parts[1], parts[2].strip('"'), parts[3].strip('"')
        if upstream == "-":
            continue
        if cookie and cookie != "-":
            routes[cookie].add(upstream)
        if status == "101" and uri.startswith("/_stcore/stream"):
            upgrades[upstream] += 1
    return upgrades, len(routes), sum(1 for seen in routes.values() if len(seen) > 1)
