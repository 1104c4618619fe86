#!/usr/bin/env bash
# inetutils-ftpd.sh start|stop|restart|status: GNU inetutils ftpd 2.4 from Debian's package on 127.0.0.1 for the
# ITs: a classic BSD-derived server without MLSD/MLST and with its own LIST: a built-in BSD ls (a "total" line,
# then "-rw-r--r--  1 ftptest  ftptest     5 Dec  4 18:58 name"); LIST of a missing path answers 226 with the
# error as the listing's only line ("x: No such file or directory"). SYST: "UNIX Type: L8".
#
#   port      $FTP_IT_INETUTILS_PORT (2126): plain FTP only (the server has no TLS)
#   passive   any free port: the server has no setting for a passive range
# In daemon mode (-D) ftpd listens only on the port /etc/services names "ftp" (21), so it runs in its inetd mode
# behind inetd.py, which owns the port and gives each connection its own ftpd.
# Login ftptest/ftptest (FTP_IT_USER/FTP_IT_PASS), a local user checked against /etc/shadow by ftpd itself.
# Not chrooted: this ftpd chroots only anonymous users and those in /etc/ftpchroot, and then into the home
# directory, which for the shared test user is "/". So the user logs in at "/" and sees the file system as the
# user may; the ITs work in $FTP_IT_DIR/inetutils-ftpd/root, which they read from FTP_IT_WORK_DIR in server.env.
# ftpd refuses a user whose shell /etc/shells does not list, and the test user's shell is /usr/sbin/nologin: the
# server runs in its own mount namespace (unshare -m) where a copy of /etc/shells that adds that shell is
# mounted over the original; the machine's /etc/shells is not changed.
# Facts for tests (port, login, directory): $FTP_IT_DIR/inetutils-ftpd/server.env.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"     # started as "sh inetutils-ftpd.sh"
set -eu
SERVER=inetutils-ftpd
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"

STATE=$FTP_IT_DIR/inetutils-ftpd
PKG=$FTP_IT_PKG_DIR/inetutils-ftpd
FTPD=$PKG/usr/sbin/ftpd
PORT=${FTP_IT_INETUTILS_PORT:-2126}
PYTHON=/usr/bin/python3
# the pid file holds the launcher's pid, whose /proc/<pid>/exe is the interpreter python3 points to
EXE=$(readlink -f "$PYTHON" 2>/dev/null || echo "$PYTHON")

# check_namespace: the server needs a private mount namespace for its /etc/shells (containers without
# CAP_SYS_ADMIN have none)
check_namespace() {
  [ -x "$PYTHON" ] || unavailable "needs $PYTHON for its launcher (inetd.py), so its ITs skip;" \
    "'apt-get install python3-minimal'"
  command -v unshare >/dev/null 2>&1 || unavailable "needs unshare (util-linux), so its ITs skip"
  unshare -m true 2>/dev/null || unavailable "cannot create a mount namespace here (unshare -m failed: no" \
    "CAP_SYS_ADMIN, e.g. an unprivileged container), so its ITs skip; run it on a VM or a privileged container"
}

write_shells() {
  local shell; shell=$(getent passwd "$FTP_IT_USER" | cut -d: -f7)
  { cat /etc/shells 2>/dev/null || true; echo "${shell:-/usr/sbin/nologin}"; } >"$STATE/shells"
  chmod 644 "$STATE/shells"
}

start() {
  check_prerequisites "$PORT"
  if pid_of "$STATE/inetutils-ftpd.pid" "$EXE" >/dev/null; then
    say "already running on $FTP_IT_HOST port $PORT (restart applies changed settings)"; return 0
  fi
  check_namespace
  ports_free "$PORT"
  unpack_debs "$PKG" inetutils-ftpd
  ensure_user; ensure_dirs
  write_shells
  # unshare -m execs in place (the pid stays the launcher's); util-linux makes the new namespace's mounts
  # private, so the bind mount is seen by this server only. ftpd: -u 022 umask, -t/-T idle timeouts (s).
  spawn inetutils-ftpd "$EXE" "$PORT" ftp unshare -m sh -c 'mount --bind "$0" /etc/shells && exec "$@"' \
    "$STATE/shells" "$PYTHON" "$SCRIPTS/inetd.py" "$FTP_IT_HOST" "$PORT" "$FTPD" -u 022 -t 600 -T 1200
  write_env "FTP_IT_SERVER=inetutils-ftpd" "FTP_IT_HOST=$FTP_IT_HOST" "FTP_IT_PORT=$PORT" \
    "FTP_IT_REUSE_PORT=0" "FTP_IT_IMPLICIT_PORT=0" "FTP_IT_TLS=false" "FTP_IT_PLAIN=true" \
    "FTP_IT_REQUIRE_SSL_REUSE=NO" "FTP_IT_USER=$FTP_IT_USER" "FTP_IT_PASS=$FTP_IT_PASS" \
    "FTP_IT_ROOT=$STATE/root" "FTP_IT_WORK_DIR=$STATE/root" "FTP_IT_MLSD=false"
  record_started
  say "not chrooted: login directory /, the ITs work in $STATE/root  facts: $STATE/server.env"
}

case ${1:-} in
  start) start ;;
  stop) need_root_for stop; kill_pidfile inetutils-ftpd "$EXE" ;;
  restart) need_root_for restart; kill_pidfile inetutils-ftpd "$EXE"; start ;;
  status) need_root_for status; status_pidfile inetutils-ftpd "$EXE" "$PORT" || exit 3 ;;
  *) echo "usage: $0 start|stop|restart|status" >&2; exit 2 ;;
esac
