"""A real WordPress on 127.0.0.1 for the tests: MariaDB, Apache with mod_php,
Debian's ``wordpress`` package, all started by the test session and stopped by it.

Nothing of the machine's own services is touched: MariaDB runs as a private
instance (its own data directory and socket, no TCP port), Apache as a private
instance (its own configuration file, port, pid file and logs) serving
``/usr/share/wordpress``.  The one file written outside the run directory is
Debian's per-site configuration, ``/etc/wordpress/config-NAME.php``: Debian's
``wp-config.php`` reads it, with NAME from the ``WORDPRESS_CONFIG`` variable
(Apache's ``SetEnv``, or the environment of a php-cli script), and it is
removed when the site stops.

php-cli scripts (``php/``) install WordPress with ``wp_install()`` and fill it
through WordPress's own functions; :meth:`WordPressSite.php` runs them.
"""

from __future__ import annotations

import json
import os
import pwd
import re
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

WP_ROOT = Path("/usr/share/wordpress")
WP_CONFIG_DIR = Path("/etc/wordpress")
THEMES = Path("/usr/share/wordpress/wp-content/themes")
PHP_DIR = Path(__file__).resolve().parent / "php"
APACHE_MODULES = Path("/usr/lib/apache2/modules")
NEEDED = {
    "mariadbd": Path("/usr/sbin/mariadbd"),
    "mariadb-install-db": Path("/usr/bin/mariadb-install-db"),
    "mariadb": Path("/usr/bin/mariadb"),
    "apache2": Path("/usr/sbin/apache2"),
    "php": Path("/usr/bin/php"),
    "mod_php": APACHE_MODULES / "libphp8.2.so",
    "wordpress": WP_ROOT / "wp-load.php",
    "twentytwentyone": THEMES / "twentytwentyone" / "style.css",
    "twentytwentythree": THEMES / "twentytwentythree" / "style.css",
}
RUN_PREFIX = "newsarchive-wp-"
DB_NAME = DB_USER = DB_PASSWORD = "newsarchive_wp"


def missing_parts() -> list[str]:
    """What this machine lacks for a real WordPress (empty: all there).  The
    Debian packages are listed in .ci/run; root is needed because the site's
    configuration lives in /etc/wordpress and Apache drops to www-data."""
    missing = [name for name, path in NEEDED.items() if not path.exists()]
    if not (WP_CONFIG_DIR.is_dir() and os.access(WP_CONFIG_DIR, os.W_OK)):
        missing.append(f"write access to {WP_CONFIG_DIR}")
    if os.geteuid() != 0:
        missing.append("root (Apache's children run as www-data)")
    return missing


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(check, what: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.05)
    raise RuntimeError(f"{what} did not come up in {timeout:.0f} s")


@dataclass
class WordPressSite:
    """One WordPress site, from :meth:`start` to :meth:`stop`."""

    run_dir: Path
    port: int = field(default_factory=free_port)
    name: str = field(default_factory=lambda: "newsarchive-" + secrets.token_hex(4))
    procs: list[subprocess.Popen] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    @property
    def db_dir(self) -> Path:
        """MariaDB's data, socket and pid file (owned by mysql when run as root)."""
        return self.run_dir / "db"

    @property
    def socket_path(self) -> Path:
        return self.db_dir / "mysqld.sock"

    @property
    def config_file(self) -> Path:
        return WP_CONFIG_DIR / f"config-{self.name}.php"

    @property
    def access_log(self) -> Path:
        return self.run_dir / "access.log"

    # -- lifecycle ---------------------------------------------------------------
    def start(self) -> WordPressSite:
        sweep_stale()
        self.run_dir.mkdir(parents=True, exist_ok=True)
        self.run_dir.chmod(0o755)  # www-data reads wp-content and the socket
        try:
            self._start_mariadb()
            self._create_database()
            self._write_wp_config()
            self._make_wp_content()
            self._start_apache()
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        """Stop what :meth:`start` started (children by their own pids) and
        remove the site's configuration file; safe to call twice."""
        for proc in reversed(self.procs):
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
        self.procs.clear()
        self.config_file.unlink(missing_ok=True)

    def __enter__(self) -> WordPressSite:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- MariaDB ------------------------------------------------------------------
    def _mysql_user(self) -> list[str]:
        return ["--user=mysql"] if os.geteuid() == 0 else []

    def _start_mariadb(self) -> None:
        data = self.db_dir / "data"
        self.db_dir.mkdir(mode=0o755, exist_ok=True)
        fast = [
            "--innodb-flush-log-at-trx-commit=0",
            "--innodb-doublewrite=0",
            "--innodb-flush-method=nosync",
            "--innodb-buffer-pool-size=64M",
        ]
        if os.geteuid() == 0:
            shutil.chown(self.db_dir, "mysql", "mysql")
        me = pwd.getpwuid(os.geteuid()).pw_name
        subprocess.run(
            [
                str(NEEDED["mariadb-install-db"]),
                "--no-defaults",
                f"--datadir={data}",
                *self._mysql_user(),
                "--auth-root-authentication-method=socket",
                f"--auth-root-socket-user={me}",
                "--skip-test-db",
                *fast,
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        log = open(self.run_dir / "mysqld.log", "wb")  # noqa: SIM115 (the server's stderr)
        proc = subprocess.Popen(
            [
                str(NEEDED["mariadbd"]),
                "--no-defaults",
                f"--datadir={data}",
                *self._mysql_user(),
                f"--socket={self.socket_path}",
                f"--pid-file={self.db_dir / 'mysqld.pid'}",
                "--skip-networking",
                "--skip-name-resolve",
                "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_unicode_ci",
                *fast,
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        self.procs.append(proc)
        _wait_for(lambda: self.socket_path.exists() or proc.poll() is not None, "MariaDB")
        if proc.poll() is not None:
            raise RuntimeError("MariaDB exited: " + (self.run_dir / "mysqld.log").read_text())

    def sql(self, statement: str) -> str:
        """Run SQL as the database's root (socket authentication)."""
        out = subprocess.run(
            [str(NEEDED["mariadb"]), f"--socket={self.socket_path}", "-u", "root", "-N", "-B"],
            input=statement,
            check=True,
            capture_output=True,
            text=True,
            timeout=60,
        )
        return out.stdout

    def _create_database(self) -> None:
        self.sql(
            f"CREATE DATABASE {DB_NAME} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\n"
            f"CREATE USER '{DB_USER}'@'localhost' IDENTIFIED BY '{DB_PASSWORD}';\n"
            f"GRANT ALL ON {DB_NAME}.* TO '{DB_USER}'@'localhost';\n"
        )

    # -- WordPress's configuration --------------------------------------------------
    def _write_wp_config(self) -> None:
        salts = "\n".join(
            f"define('{k}', '{self.name}-{k.lower()}');"
            for k in (
                "AUTH_KEY",
                "SECURE_AUTH_KEY",
                "LOGGED_IN_KEY",
                "NONCE_KEY",
                "AUTH_SALT",
                "SECURE_AUTH_SALT",
                "LOGGED_IN_SALT",
                "NONCE_SALT",
            )
        )
        text = f"""<?php
/* newsarchive's test site {self.name}: written and removed by tests/wordpress/harness.py
   run: {self.run_dir} */
define('DB_NAME', '{DB_NAME}');
define('DB_USER', '{DB_USER}');
define('DB_PASSWORD', '{DB_PASSWORD}');
define('DB_HOST', 'localhost:{self.socket_path}');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
{salts}
define('WP_CONTENT_DIR', '{self.run_dir / "wp-content"}');
define('WP_HOME', 'http://127.0.0.1:{self.port}');
define('WP_SITEURL', 'http://127.0.0.1:{self.port}');
define('DISABLE_WP_CRON', true);            /* no loopback requests beside the crawl */
define('WP_HTTP_BLOCK_EXTERNAL', true);     /* and none to the outside world */
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_DEBUG', false);
$table_prefix = 'wp_';
"""
        self.config_file.write_text(text)
        self.config_file.chmod(0o644)

    def _make_wp_content(self) -> None:
        """A wp-content of the site's own (uploads), with the packaged themes linked in."""
        content = self.run_dir / "wp-content"
        for sub in ("themes", "plugins", "uploads"):
            (content / sub).mkdir(parents=True, exist_ok=True)
        for theme in THEMES.iterdir():
            link = content / "themes" / theme.name
            if not link.exists():
                link.symlink_to(theme)
        if os.geteuid() == 0:
            for path in (content, content / "uploads"):
                shutil.chown(path, "www-data", "www-data")

    # -- Apache ---------------------------------------------------------------------
    def _apache_conf(self) -> str:
        run = self.run_dir
        modules = ("mpm_prefork", "authz_core", "authz_host", "dir", "mime", "alias", "env",
                   "rewrite", "setenvif", "deflate", "filter")  # fmt: skip
        loads = "\n".join(f"LoadModule {m}_module {APACHE_MODULES}/mod_{m}.so" for m in modules)
        user = "User www-data\nGroup www-data\n" if os.geteuid() == 0 else ""
        return f"""# newsarchive's test WordPress {self.name} (tests/wordpress/harness.py)
ServerRoot /etc/apache2
ServerName 127.0.0.1
Listen 127.0.0.1:{self.port}
PidFile {run}/apache.pid
DefaultRuntimeDir {run}
Mutex file:{run} default
{user}{loads}
LoadModule php_module {APACHE_MODULES}/libphp8.2.so
StartServers 3
MinSpareServers 3
MaxSpareServers 8
MaxRequestWorkers 8
KeepAlive On
ErrorLog {run}/apache-error.log
LogLevel warn
LogFormat "%h %t \\"%r\\" %>s %b %D" timed
CustomLog {run}/access.log timed
TypesConfig /etc/mime.types
AddOutputFilterByType DEFLATE text/html text/plain text/xml application/xml application/rss+xml application/json
DocumentRoot {WP_ROOT}
DirectoryIndex index.php index.html
SetEnv WORDPRESS_CONFIG {self.name}
Alias /wp-content {run}/wp-content
<FilesMatch "\\.php$">
    SetHandler application/x-httpd-php
</FilesMatch>
<Directory />
    AllowOverride None
    Require all denied
</Directory>
<Directory {WP_ROOT}>
    Options FollowSymLinks
    Require all granted
    RewriteEngine On
    RewriteBase /
    RewriteRule ^index\\.php$ - [L]
    RewriteCond %{{REQUEST_FILENAME}} !-f
    RewriteCond %{{REQUEST_FILENAME}} !-d
    RewriteRule . /index.php [L]
</Directory>
<Directory {run}/wp-content>
    Options FollowSymLinks
    Require all granted
</Directory>
"""

    def _start_apache(self) -> None:
        conf = self.run_dir / "apache.conf"
        conf.write_text(self._apache_conf())
        log = open(self.run_dir / "apache.out", "wb")  # noqa: SIM115 (the server's stderr)
        proc = subprocess.Popen(
            [str(NEEDED["apache2"]), "-f", str(conf), "-DFOREGROUND"],
            stdout=log,
            stderr=subprocess.STDOUT,
            env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C"},
            # Apache stops by signalling its whole process group: a group of its own
            start_new_session=True,
        )
        log.close()
        self.procs.append(proc)

        def answers() -> bool:
            if proc.poll() is not None:
                return True
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return True
            except OSError:
                return False

        _wait_for(answers, "Apache")
        if proc.poll() is not None:
            raise RuntimeError("Apache exited: " + (self.run_dir / "apache.out").read_text())

    # -- php-cli ------------------------------------------------------------------------
    def php(self, script: str, payload: Any = None, timeout: float = 300) -> Any:
        """Run ``php/SCRIPT`` against this site with ``payload`` as JSON on its
        stdin; return the JSON it prints."""
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HTTP_HOST": f"127.0.0.1:{self.port}",
            "WORDPRESS_CONFIG": self.name,
            "LANG": "C.UTF-8",
        }
        out = subprocess.run(
            [str(NEEDED["php"]), "-d", "memory_limit=512M", str(PHP_DIR / script)],
            input=json.dumps(payload),
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if out.returncode != 0:
            raise RuntimeError(f"php {script} exited {out.returncode}: {out.stderr[-3000:]}")
        try:
            return json.loads(out.stdout)
        except json.JSONDecodeError as exc:
            raise RuntimeError(f"php {script} printed no JSON: {out.stdout[-3000:]}") from exc

    def get(self, path: str) -> tuple[int, bytes]:
        """One plain GET (set-up checks, not the crawl)."""
        try:
            with urllib.request.urlopen(self.url.rstrip("/") + path, timeout=30) as resp:
                return resp.status, resp.read()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read()


def _alive(pid_file: Path) -> bool:
    try:
        os.kill(int(pid_file.read_text().split()[0]), 0)
    except (OSError, ValueError, IndexError):
        return False
    return True


def _stale(run_dir: Path) -> bool:
    """A run directory of a session that was killed before it could clean up:
    none of its servers alive, and untouched for ten minutes."""
    pids = [run_dir / "apache.pid", run_dir / "db" / "mysqld.pid"]
    if any(_alive(p) for p in pids):
        return False
    try:
        return time.time() - run_dir.stat().st_mtime > 600
    except FileNotFoundError:
        return True


def sweep_stale() -> None:
    """Remove what killed sessions left: run directories whose servers are
    gone, and the /etc/wordpress files that point to missing run directories."""
    for run_dir in Path(tempfile.gettempdir()).glob(RUN_PREFIX + "*"):
        if run_dir.is_dir() and _stale(run_dir):
            shutil.rmtree(run_dir, ignore_errors=True)
    for config in WP_CONFIG_DIR.glob("config-newsarchive-*.php"):
        marker = re.search(r"run: (\S+)", config.read_text(errors="replace"))
        if marker and not Path(marker.group(1)).exists():
            config.unlink(missing_ok=True)


def new_run_dir() -> Path:
    """A run directory www-data can enter (pytest's tmp dirs are 0700)."""
    return Path(tempfile.mkdtemp(prefix=RUN_PREFIX))
