#!/usr/bin/env bash
# pyftpdlib.sh start|stop|restart|status: pyftpdlib 1.5.7 from Debian's python3-pyftpdlib on 127.0.0.1 for the
# ITs, run by pyftpdlib-server.py (this directory) with Debian's /usr/bin/python3 (not a python3 on PATH, which
# may be another interpreter without the Debian packages).
#
# One process, one served directory ($FTP_IT_DIR/pyftpdlib/root, the user's "/"), three ports:
#   $FTP_IT_PYFTPDLIB_PORT        (2127)  plain FTP with MLSD/MLST; LIST in pyftpdlib's ls -l style
#   $FTP_IT_PYFTPDLIB_NOMLSD_PORT (2128)  plain FTP without MLSD/MLST (answered with 500), so clients use LIST
#   $FTP_IT_PYFTPDLIB_TLS_PORT    (2129)  explicit FTPS: AUTH TLS required before login, PROT P before transfers
# Passive ports: $FTP_IT_PYFTPDLIB_PASV (30300-30399). No implicit TLS port, no TLS session reuse requirement.
# Login ftptest/ftptest (FTP_IT_USER/FTP_IT_PASS), a pyftpdlib virtual user; the process switches to the local
# user of that name once its ports are bound, so files belong to it. The TLS handler needs pyOpenSSL: Debian's
# python3-openssl is installed when missing.
# Facts for tests, one file per port, as the ITs treat each port as a server of its own (FTP_IT_PLAIN and FTP_IT_TLS
# say which it offers): $FTP_IT_DIR/pyftpdlib/server.env, $FTP_IT_DIR/pyftpdlib-nomlsd/server.env and
# $FTP_IT_DIR/pyftpdlib-tls/server.env.
[ -n "${BASH_VERSION:-}" ] || exec bash "$0" "$@"     # started as "sh pyftpdlib.sh"
set -eu
SERVER=pyftpdlib
. "$(cd "$(dirname "$0")" && pwd)/lib.sh"

STATE=$FTP_IT_DIR/pyftpdlib
PKG=$FTP_IT_PKG_DIR/pyftpdlib
PORT=${FTP_IT_PYFTPDLIB_PORT:-2127}
NOMLSD_PORT=${FTP_IT_PYFTPDLIB_NOMLSD_PORT:-2128}
TLS_PORT=${FTP_IT_PYFTPDLIB_TLS_PORT:-2129}
PASV=${FTP_IT_PYFTPDLIB_PASV:-30300-30399}
PYTHON=/usr/bin/python3
# the pid file holds the interpreter's pid; /proc/<pid>/exe is what python3 points to
EXE=$(readlink -f "$PYTHON" 2>/dev/null || echo "$PYTHON")

# ensure_python: Debian's interpreter, and pyOpenSSL for the TLS handler
ensure_python() {
  [ -x "$PYTHON" ] || unavailable "needs $PYTHON (Debian's python3), so its ITs skip; 'apt-get install python3'"
  "$PYTHON" -c 'import OpenSSL' 2>/dev/null && return 0
  ensure_package_lists
  say "apt-get install python3-openssl (pyftpdlib's TLS handler)"
  apt_get install --no-install-recommends python3-openssl >"$STATE/install.log" 2>&1 ||
    { tail -n 5 "$STATE/install.log" >&2; die "apt-get install python3-openssl failed"; }
}

# write_port_env NAME PORT MLSD PLAIN TLS: $FTP_IT_DIR/NAME/server.env for one of the three ports
write_port_env() {
  local dir=$FTP_IT_DIR/$1 cert=$STATE/cert.pem root=$STATE/root
  mkdir -p "$dir"; chmod 755 "$dir"
  (STATE=$dir; write_env "FTP_IT_SERVER=$1" "FTP_IT_HOST=$FTP_IT_HOST" "FTP_IT_PORT=$2" "FTP_IT_REUSE_PORT=0" \
    "FTP_IT_IMPLICIT_PORT=0" "FTP_IT_PASV=$PASV" "FTP_IT_PLAIN=$4" "FTP_IT_TLS=$5" "FTP_IT_REQUIRE_SSL_REUSE=NO" \
    "FTP_IT_USER=$FTP_IT_USER" "FTP_IT_PASS=$FTP_IT_PASS" "FTP_IT_CERT=$cert" "FTP_IT_ROOT=$root" \
    "FTP_IT_MLSD=$3")
}

start() {
  check_prerequisites "$PORT"
  if pid_of "$STATE/pyftpdlib.pid" "$EXE" >/dev/null; then
    say "already running on $FTP_IT_HOST ports $PORT, $NOMLSD_PORT, $TLS_PORT (restart applies changed settings)"
    return 0
  fi
  ports_free "$PORT" "$NOMLSD_PORT" "$TLS_PORT"
  unpack_debs "$PKG" python3-pyftpdlib
  ensure_user; ensure_dirs; ensure_cert
  ensure_python
  spawn pyftpdlib "$EXE" "$PORT" ftp env PYTHONPATH="$PKG/usr/lib/python3/dist-packages" PYTHONDONTWRITEBYTECODE=1 \
    FTP_IT_HOST="$FTP_IT_HOST" FTP_IT_ROOT="$STATE/root" FTP_IT_USER="$FTP_IT_USER" FTP_IT_PASS="$FTP_IT_PASS" \
    FTP_IT_UID="$FTP_IT_UID" FTP_IT_GID="$FTP_IT_GID" FTP_IT_PORT="$PORT" FTP_IT_NOMLSD_PORT="$NOMLSD_PORT" \
    FTP_IT_TLS_PORT="$TLS_PORT" FTP_IT_CERT="$STATE/cert.pem" FTP_IT_KEY="$STATE/key.pem" FTP_IT_PASV="$PASV" \
    "$PYTHON" "$SCRIPTS/pyftpdlib-server.py"
  answering "$NOMLSD_PORT" && answering "$TLS_PORT" ||
    { kill_pidfile pyftpdlib "$EXE"; die "pyftpdlib answers on $PORT but not on $NOMLSD_PORT and $TLS_PORT"; }
  # one facts file per port, as the ITs take each port for a server of its own
  write_port_env pyftpdlib "$PORT" true true false
  write_port_env pyftpdlib-nomlsd "$NOMLSD_PORT" false true false
  write_port_env pyftpdlib-tls "$TLS_PORT" true false true
  record_started
  say "cert: $STATE/cert.pem  root: $STATE/root  facts: $STATE/server.env"
}

case ${1:-} in
  start) start ;;
  stop) need_root_for stop; kill_pidfile pyftpdlib "$EXE" ;;
  restart) need_root_for restart; kill_pidfile pyftpdlib "$EXE"; start ;;
  status) need_root_for status; status_pidfile pyftpdlib "$EXE" "$PORT, $NOMLSD_PORT, $TLS_PORT" || exit 3 ;;
  *) echo "usage: $0 start|stop|restart|status" >&2; exit 2 ;;
esac
